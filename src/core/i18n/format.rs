//! Numbers, amounts and dates as each language writes them.
//!
//! Hand-written rules for Cairn's five locales instead of bundled CLDR data (which would add
//! hundreds of kilobytes to the app): the grouping and decimal separators, where the
//! currency symbol goes, and the short date pattern.

use super::Lang;

/// Separators and symbol placement of a locale.
struct Style {
    group: &'static str,
    decimal: char,
    /// Whether the currency symbol follows the amount ("1 234,56 €") or precedes it ("€1,234.56").
    symbol_after: bool,
}

fn style(lang: Lang) -> Style {
    match lang {
        // French groups with a narrow no-break space, as CLDR does.
        Lang::Fr => Style { group: "\u{202f}", decimal: ',', symbol_after: true },
        Lang::It => Style { group: ".", decimal: ',', symbol_after: true },
        Lang::Pl => Style { group: "\u{a0}", decimal: ',', symbol_after: true },
        Lang::En | Lang::Zh => Style { group: ",", decimal: '.', symbol_after: false },
    }
}

/// The character a locale writes between the whole and the fractional part.
pub fn decimal_separator(lang: Lang) -> char {
    style(lang).decimal
}

/// Formats a number with `decimals` fraction digits and the locale's separators.
pub fn format_number(lang: Lang, value: f64, decimals: usize) -> String {
    let s = style(lang);
    let fixed = format!("{:.*}", decimals, value.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    // Polish does not group four-digit numbers (CLDR's minimum grouping digits is 2).
    let min_group = if lang == Lang::Pl { 5 } else { 4 };
    let grouped = if int.len() >= min_group { group_digits(int, s.group) } else { int.to_string() };
    let sign = if value < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{frac}", s.decimal)
    }
}

fn group_digits(int: &str, sep: &str) -> String {
    let mut out = String::with_capacity(int.len() + int.len() / 3 * sep.len());
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// The symbol of an ISO 4217 currency code (the code itself when Cairn has no symbol for it).
pub fn currency_symbol(code: &str) -> &str {
    match code {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "CNY" | "JPY" => "¥",
        "PLN" => "zł",
        "CHF" => "CHF",
        other => other,
    }
}

/// Formats an amount given in minor units (cents) of a currency.
pub fn format_money(lang: Lang, minor_units: i64, currency: &str) -> String {
    let decimals = if currency == "JPY" { 0 } else { 2 };
    with_symbol(lang, format_number(lang, minor_units as f64 / 10f64.powi(decimals as i32), decimals), currency)
}

/// An amount in whole units of a currency, as board and report totals show it.
pub fn format_money_whole(lang: Lang, minor_units: i64, currency: &str) -> String {
    let divisor = if currency == "JPY" { 1.0 } else { 100.0 };
    with_symbol(lang, format_number(lang, (minor_units as f64 / divisor).round(), 0), currency)
}

/// A formatted number with the currency's symbol on the side the locale puts it.
fn with_symbol(lang: Lang, number: String, currency: &str) -> String {
    let symbol = currency_symbol(currency);
    if style(lang).symbol_after {
        format!("{number}\u{a0}{symbol}")
    } else if let Some(unsigned) = number.strip_prefix('-') {
        format!("-{symbol}{unsigned}")
    } else {
        format!("{symbol}{number}")
    }
}

/// Formats an ISO date (`YYYY-MM-DD`, or the date part of an ISO datetime) the locale's way.
/// Anything that is not such a date is returned unchanged.
pub fn format_date(lang: Lang, iso: &str) -> String {
    let Some(date) = iso.get(..10).and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) else {
        return iso.to_string();
    };
    let pattern = match lang {
        Lang::En => "%b %-d, %Y",
        Lang::Fr | Lang::It => "%d/%m/%Y",
        Lang::Pl => "%d.%m.%Y",
        Lang::Zh => "%Y/%-m/%-d",
    };
    date.format(pattern).to_string()
}

/// Formats an ISO instant as the local date and time the locale's way; `utc_offset_minutes`
/// is the offset east of UTC. Anything that is not such an instant is returned unchanged.
pub fn format_datetime(lang: Lang, iso: &str, utc_offset_minutes: i64) -> String {
    let Ok(at) = chrono::DateTime::parse_from_rfc3339(iso) else { return iso.to_string() };
    let local = at.naive_utc() + chrono::Duration::minutes(utc_offset_minutes);
    let pattern = match lang {
        Lang::En => "%b %-d, %Y, %-I:%M %p",
        Lang::Fr | Lang::It => "%d/%m/%Y %H:%M",
        Lang::Pl => "%d.%m.%Y %H:%M",
        Lang::Zh => "%Y/%-m/%-d %H:%M",
    };
    local.format(pattern).to_string()
}

/// An instant (a history entry, an activity) as the local date and time the locale's way.
pub fn format_instant(lang: Lang, at: crate::core::time::Millis, utc_offset_minutes: i64) -> String {
    format_datetime(lang, &at.to_iso(), utc_offset_minutes)
}

/// The fewest fraction digits (at most six) that write `value` without visible rounding.
pub fn natural_decimals(value: f64) -> usize {
    let fixed = format!("{:.6}", value.abs());
    fixed.trim_end_matches('0').split_once('.').map_or(0, |(_, frac)| frac.len())
}

/// Currency signs a user may type along with an amount; they are not part of the number.
const CURRENCY_SIGNS: [char; 4] = ['€', '$', '£', '¥'];

/// Reads a number typed the locale's way ("1 234,5" in French, "1.234,5" in Italian).
pub fn parse_number(lang: Lang, input: &str) -> Option<f64> {
    let s = style(lang);
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !s.group.starts_with(*c) && !CURRENCY_SIGNS.contains(c))
        .map(|c| if c == s.decimal { '.' } else { c })
        .collect();
    let n: f64 = cleaned.parse().ok()?;
    n.is_finite().then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_follow_each_locale() {
        for (lang, expect) in [
            (Lang::Fr, "1\u{202f}234,56\u{a0}€"),
            (Lang::It, "1.234,56\u{a0}€"),
            (Lang::Pl, "1234,56\u{a0}€"),
            (Lang::En, "€1,234.56"),
        ] {
            assert_eq!(format_money(lang, 123_456, "EUR"), expect, "{lang:?}");
        }
        assert_eq!(format_money(Lang::Zh, 123_456, "CNY"), "¥1,234.56");
        assert_eq!(format_money(Lang::Pl, 1_234_567, "PLN"), "12\u{a0}345,67\u{a0}zł");
        assert_eq!(format_money(Lang::En, -5_000, "USD"), "-$50.00");
        assert_eq!(format_money_whole(Lang::En, 123_456_789, "USD"), "$1,234,568");
        assert_eq!(format_money_whole(Lang::Fr, 5_050, "EUR"), "51\u{a0}€");
        assert_eq!(format_money_whole(Lang::Zh, 100_000, "CNY"), "¥1,000");
    }

    #[test]
    fn numbers_group_and_round() {
        assert_eq!(format_number(Lang::En, 1_234_567.891, 2), "1,234,567.89");
        assert_eq!(format_number(Lang::It, 999.0, 0), "999");
        assert_eq!(format_number(Lang::Fr, -0.001, 2), "0,00");
        assert_eq!(format_number(Lang::Fr, -12_345.5, 1), "-12\u{202f}345,5");
    }

    #[test]
    fn dates_are_written_the_local_way() {
        for (lang, expect) in [(Lang::En, "Nov 23, 2026"), (Lang::Fr, "23/11/2026"), (Lang::It, "23/11/2026"), (Lang::Pl, "23.11.2026"), (Lang::Zh, "2026/11/23")] {
            assert_eq!(format_date(lang, "2026-11-23"), expect, "{lang:?}");
        }
        assert_eq!(format_date(Lang::Fr, "2026-11-23T08:00:00.000Z"), "23/11/2026");
        assert_eq!(format_date(Lang::Fr, "soon"), "soon");
    }

    #[test]
    fn input_accepts_the_locales_decimal_separator() {
        assert_eq!(parse_number(Lang::Fr, "1 234,5"), Some(1234.5));
        assert_eq!(parse_number(Lang::It, "1.234,5"), Some(1234.5));
        assert_eq!(parse_number(Lang::En, "1,234.5"), Some(1234.5));
        assert_eq!(parse_number(Lang::Pl, "12\u{a0}345,67"), Some(12345.67));
        assert_eq!(parse_number(Lang::En, "abc"), None);
        assert_eq!(parse_number(Lang::Fr, "1\u{202f}234,56\u{a0}€"), Some(1234.56));
        assert_eq!(parse_number(Lang::Zh, "¥1,234.56"), Some(1234.56));
        assert_eq!(parse_number(Lang::Fr, "-0,5"), Some(-0.5));
    }

    #[test]
    fn date_times_are_local_and_written_the_local_way() {
        let at = "2026-11-23T08:05:00.000Z";
        assert_eq!(format_datetime(Lang::Fr, at, 60), "23/11/2026 09:05");
        assert_eq!(format_datetime(Lang::En, at, -300), "Nov 23, 2026, 3:05 AM");
        assert_eq!(format_datetime(Lang::Zh, at, 480), "2026/11/23 16:05");
        assert_eq!(format_datetime(Lang::Pl, at, 0), "23.11.2026 08:05");
        assert_eq!(format_datetime(Lang::It, "later", 0), "later");
        assert_eq!(format_instant(Lang::It, crate::core::time::Millis(0), 90), "01/01/1970 01:30");
    }

    #[test]
    fn natural_decimals_drop_trailing_zeros() {
        assert_eq!(natural_decimals(2.0), 0);
        assert_eq!(natural_decimals(0.25), 2);
        assert_eq!(natural_decimals(-1.5), 1);
        assert_eq!(natural_decimals(1.0 / 3.0), 6);
    }
}
