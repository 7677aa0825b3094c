//! Storage sizes as people read them: decimal units (1 kB = 1000 bytes, as browsers and
//! operating systems report them), three significant figures, the language's decimal
//! separator and unit names (French counts in octets: "12,3 Mo").

use crate::core::i18n::format::format_number;
use crate::core::i18n::Lang;

const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
const UNITS_FR: [&str; 5] = ["o", "ko", "Mo", "Go", "To"];

/// A byte count such as `12_345_678` as "12.3 MB" (English) or "12,3 Mo" (French).
pub fn format_bytes(lang: Lang, bytes: u64) -> String {
    let units = if lang == Lang::Fr { &UNITS_FR } else { &UNITS };
    let mut value = bytes as f64;
    let mut unit = 0;
    // Round first, so 999_950 bytes reads "1.00 MB" rather than "1000 kB".
    while unit + 1 < units.len() && rounded(value) >= 1000.0 {
        value /= 1000.0;
        unit += 1;
    }
    let decimals = if unit == 0 { 0 } else { decimals_for(value) };
    // A no-break space keeps the number and its unit on one line.
    format!("{}\u{a0}{}", format_number(lang, value, decimals), units[unit])
}

/// Three significant figures: 1.23, 12.3, 123.
fn decimals_for(value: f64) -> usize {
    match rounded(value) {
        v if v < 10.0 => 2,
        v if v < 100.0 => 1,
        _ => 0,
    }
}

fn rounded(value: f64) -> f64 {
    let d = match value {
        v if v < 10.0 => 100.0,
        v if v < 100.0 => 10.0,
        _ => 1.0,
    };
    (value * d).round() / d
}

/// The share of the quota in use, in whole percent (0 when the quota is unknown); at least 1
/// as soon as anything is stored, so a small but real use never reads as nothing.
pub fn usage_share(usage: u64, quota: u64) -> u8 {
    if quota == 0 || usage == 0 {
        return 0;
    }
    let percent = (usage as f64 / quota as f64 * 100.0).round().clamp(1.0, 100.0);
    percent as u8
}

/// A whole percentage the language's way: "42 %" in French (with a no-break space), "42%"
/// elsewhere.
pub fn format_percent(lang: Lang, percent: u8) -> String {
    match lang {
        Lang::Fr => format!("{percent}\u{a0}%"),
        _ => format!("{percent}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_with_three_significant_figures_and_local_separators() {
        let nb = '\u{a0}';
        for (lang, bytes, text) in [
            (Lang::En, 0, format!("0{nb}B")),
            (Lang::En, 999, format!("999{nb}B")),
            (Lang::En, 1_000, format!("1.00{nb}kB")),
            (Lang::En, 12_345_678, format!("12.3{nb}MB")),
            (Lang::En, 999_950, format!("1.00{nb}MB")),
            (Lang::En, 123_456_789_012, format!("123{nb}GB")),
            (Lang::Fr, 12_345_678, format!("12,3{nb}Mo")),
            (Lang::Fr, 512, format!("512{nb}o")),
            (Lang::It, 1_500_000_000, format!("1,50{nb}GB")),
            (Lang::Pl, 45_600, format!("45,6{nb}kB")),
            (Lang::Zh, 45_600, format!("45.6{nb}kB")),
        ] {
            assert_eq!(format_bytes(lang, bytes), text, "{lang:?} {bytes}");
        }
    }

    #[test]
    fn percentages_follow_french_spacing() {
        assert_eq!(format_percent(Lang::Fr, 42), "42\u{a0}%");
        assert_eq!(format_percent(Lang::Pl, 42), "42%");
    }

    #[test]
    fn the_largest_unit_absorbs_huge_counts() {
        assert_eq!(format_bytes(Lang::En, 5_000_000_000_000_000), "5,000\u{a0}TB");
    }

    #[test]
    fn usage_share_is_a_whole_percent_never_hiding_a_small_use() {
        assert_eq!(usage_share(0, 1_000), 0);
        assert_eq!(usage_share(5, 0), 0);
        assert_eq!(usage_share(1, 1_000_000), 1);
        assert_eq!(usage_share(254, 1_000), 25);
        assert_eq!(usage_share(2_000, 1_000), 100);
    }
}
