//! Internal names suggested from the label a person types, as HubSpot does: "Green lot
//! number" becomes `green_lot_number`, "Qualité" becomes `qualite`.

use crate::core::fold::fold;

/// A valid internal name (`[a-z0-9_]`, starting with a letter) derived from a label; empty
/// when the label holds no letter or digit Cairn can spell in ASCII (e.g. Chinese).
pub fn suggest_internal_name(label: &str) -> String {
    let mut out = String::new();
    for c in fold(label).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let trimmed = out.trim_end_matches('_');
    if trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        format!("p_{trimmed}")
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::is_valid_internal_name;

    #[test]
    fn labels_become_snake_case_ascii_names() {
        for (label, name) in [
            ("Green lot number", "green_lot_number"),
            ("  Roast date ", "roast_date"),
            ("Qualité (score)", "qualite_score"),
            ("Źródło leada", "zrodlo_leada"),
            ("2nd contact", "p_2nd_contact"),
            ("a--b", "a_b"),
            ("质量", ""),
        ] {
            let got = suggest_internal_name(label);
            assert_eq!(got, name, "{label}");
            assert!(got.is_empty() || is_valid_internal_name(&got), "{got}");
        }
    }
}
