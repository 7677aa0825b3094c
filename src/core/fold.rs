//! Case- and accent-insensitive text: what search, filters and sorting compare.
//!
//! [`fold`] lower-cases and strips diacritics so that "Müller" matches "mull", "Zoë" matches
//! "zoe" and "Łódź" matches "lodz". Letters that are not an accented base letter get their
//! usual Latin spelling (ß → ss, æ → ae, ł → l). The table covers Latin-1, Latin
//! Extended-A and Romanian comma letters, which is every language Cairn ships plus the
//! common European ones, without pulling Unicode normalization tables into the wasm build.
//! Scripts without case (Chinese) pass through unchanged.

/// Base letters of U+00C0..=U+00FF. `*` marks a two-letter spelling, `#` a non-letter.
const LATIN1: &[u8; 64] = b"aaaaaa*ceeeeiiiidnooooo#ouuuuy**aaaaaa*ceeeeiiiidnooooo#ouuuuy*y";
/// Base letters of U+0100..=U+017F (Latin Extended-A). `*` marks a two-letter spelling.
const EXTENDED_A: &[u8; 128] =
    b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// The folded spelling of one lower-case character, or `None` to drop it.
fn fold_char(c: char, out: &mut String) {
    let code = c as u32;
    let base = match code {
        0xC0..=0xFF => LATIN1[(code - 0xC0) as usize],
        0x100..=0x17F => EXTENDED_A[(code - 0x100) as usize],
        0x218 | 0x219 => b's',
        0x21A | 0x21B => b't',
        // Combining accents of decomposed input: the base letter came just before.
        0x300..=0x36F => return,
        _ => {
            out.push(c);
            return;
        }
    };
    match base {
        b'#' => out.push(c),
        b'*' => out.push_str(match code {
            0xC6 | 0xE6 => "ae",
            0xDE | 0xFE => "th",
            0xDF => "ss",
            0x132 | 0x133 => "ij",
            _ => "oe",
        }),
        letter => out.push(letter as char),
    }
}

/// Appends the folded form of `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for lower in c.to_lowercase() {
                fold_char(lower, out);
            }
        }
    }
}

/// Lower-case text without diacritics.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The folded words of a text, split at anything that is not a letter or digit.
///
/// A word with an apostrophe is given whole and from after each apostrophe, so that
/// "D'Angelo" is found by both "dangelo" and "angelo".
pub fn words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut out = Vec::new();
    for raw in folded.split(|c: char| !c.is_alphanumeric() && !is_apostrophe(c)) {
        let joined: String = raw.chars().filter(|c| !is_apostrophe(*c)).collect();
        if joined.is_empty() {
            continue;
        }
        for part in raw.split(is_apostrophe).skip(1).filter(|p| !p.is_empty()) {
            if part != joined {
                out.push(part.to_string());
            }
        }
        out.push(joined);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(fold(input), expect, "fold({input:?})");
    }

    #[test]
    fn folding_removes_case_and_accents() {
        for (input, expect) in [
            ("Müller", "muller"),
            ("Zoë", "zoe"),
            ("Łódź", "lodz"),
            ("ŻÓŁĆ gęślą jaźń", "zolc gesla jazn"),
            ("François Lefèvre", "francois lefevre"),
            ("Niccolò Ariosto", "niccolo ariosto"),
            ("Straße", "strasse"),
            ("Ærø", "aero"),
            ("Œuvre", "oeuvre"),
            ("Ștefan Țurcanu", "stefan turcanu"),
            ("Ĳssel", "ijssel"),
            ("Þór", "thor"),
            ("e\u{301}cole", "ecole"),
            ("王小明", "王小明"),
            ("3 × 4 ÷ 2", "3 × 4 ÷ 2"),
            ("ABC-123", "abc-123"),
        ] {
            check(input, expect);
        }
    }

    #[test]
    fn every_table_entry_is_a_lowercase_letter_or_marker() {
        for b in LATIN1.iter().chain(EXTENDED_A.iter()) {
            assert!(b.is_ascii_lowercase() || *b == b'*' || *b == b'#', "{}", *b as char);
        }
        // A letter and its capital fold alike (ŉ capitalizes to two characters).
        for c in (0xC0u32..0x180).filter_map(char::from_u32).filter(|c| *c != 'ŉ') {
            let upper: String = c.to_uppercase().collect();
            assert_eq!(fold(&upper), fold(&c.to_string()), "{c}");
        }
    }

    #[test]
    fn words_split_on_punctuation_and_keep_apostrophe_forms() {
        let check = |input: &str, expect: &[&str]| assert_eq!(words(input), expect, "words({input:?})");
        check("Jean-Pierre O'Brien", &["jean", "pierre", "brien", "obrien"]);
        check("zoë.müller@acme.fr", &["zoe", "muller", "acme", "fr"]);
        check("D’Angelo", &["angelo", "dangelo"]);
        check("  ", &[]);
        check("'quoted'", &["quoted"]);
        check("北京 科技", &["北京", "科技"]);
    }
}
