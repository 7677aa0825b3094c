//! Association labels as Settings › Associations adds them: a text for each side (one text
//! for a single label), optional limits, and internal names made from the texts.

use crate::core::association::{AssociationDef, AssociationError, LabelDef, LabelView};
use crate::core::schema::Schema;

use super::names::suggest_internal_name;

/// A label as typed; `b_text` empty means a single label that reads the same both ways.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelDraft {
    /// How a record of the definition's `a` object sees the other one.
    pub a_text: String,
    pub b_text: String,
    /// How many records one `a` record may see with this label.
    pub a_max: Option<u32>,
    pub b_max: Option<u32>,
}

/// `def` with the drafted label added, checked against the schema.
pub fn add_label(def: &AssociationDef, draft: &LabelDraft, schema: &Schema) -> Result<AssociationDef, AssociationError> {
    let mut taken: Vec<String> = def.labels.iter().flat_map(|l| [l.a.name.clone(), l.b.name.clone()]).collect();
    let mut view = |text: &str, max: Option<u32>| {
        let name = fresh_name(text, &taken);
        taken.push(name.clone());
        LabelView { name, text: text.trim().to_string(), max }
    };
    let label = if draft.b_text.trim().is_empty() {
        let mut view = view(&draft.a_text, draft.a_max);
        let b = LabelView { max: if def.is_reflexive() { draft.a_max } else { draft.b_max }, ..view.clone() };
        view.max = draft.a_max;
        LabelDef { a: view, b }
    } else {
        LabelDef { a: view(&draft.a_text, draft.a_max), b: view(&draft.b_text, draft.b_max) }
    };
    let mut next = def.clone().with_label(label);
    next.labels.sort_by(|x, y| x.a.text.to_lowercase().cmp(&y.a.text.to_lowercase()));
    next.validate(schema)?;
    Ok(next)
}

/// A limit as typed: empty is no limit, otherwise a whole number of at least one.
pub fn parse_limit(raw: &str) -> Result<Option<u32>, ()> {
    match raw.trim() {
        "" => Ok(None),
        text => text.parse::<u32>().ok().filter(|n| *n > 0).map(Some).ok_or(()),
    }
}

/// An internal name from the text that no other label of the definition uses.
fn fresh_name(text: &str, taken: &[String]) -> String {
    let base = match suggest_internal_name(text) {
        name if name.is_empty() => "label".to_string(),
        name => name,
    };
    (1..).map(|n| if n == 1 { base.clone() } else { format!("{base}_{n}") }).find(|c| !taken.contains(c)).unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::default_schema;

    #[test]
    fn a_paired_label_gets_a_name_per_side_and_its_limits() {
        let def = AssociationDef::new("contacts", "contacts");
        let draft = LabelDraft { a_text: "Manager".into(), b_text: "Employee".into(), a_max: Some(1), b_max: None };
        let next = add_label(&def, &draft, &default_schema()).expect("valid");
        let label = &next.labels[0];
        assert!(label.is_paired());
        assert_eq!((label.a.name.as_str(), label.a.max), ("manager", Some(1)));
        assert_eq!((label.b.name.as_str(), label.b.text.as_str(), label.b.max), ("employee", "Employee", None));
    }

    #[test]
    fn a_single_label_reads_the_same_both_ways_and_names_never_clash() {
        let def = AssociationDef::new("contacts", "companies").with_label(LabelDef::single("primary", "Primary"));
        let draft = LabelDraft { a_text: "Primary!".into(), b_max: Some(1), ..Default::default() };
        let next = add_label(&def, &draft, &default_schema()).expect("valid");
        let added = next.labels.iter().find(|l| l.a.text == "Primary!").expect("added");
        assert!(!added.is_paired());
        assert_eq!((added.a.name.as_str(), added.b.max), ("primary_2", Some(1)));
        let chinese = add_label(&def, &LabelDraft { a_text: "决策者".into(), ..Default::default() }, &default_schema()).expect("valid");
        assert!(chinese.labels.iter().any(|l| l.a.name == "label" && l.a.text == "决策者"));
    }

    #[test]
    fn limits_are_whole_positive_numbers_or_nothing() {
        assert_eq!(parse_limit(" "), Ok(None));
        assert_eq!(parse_limit(" 3 "), Ok(Some(3)));
        assert_eq!(parse_limit("0"), Err(()));
        assert_eq!(parse_limit("1.5"), Err(()));
        assert_eq!(parse_limit("-2"), Err(()));
    }

    #[test]
    fn a_label_without_text_is_refused() {
        let def = AssociationDef::new("contacts", "deals");
        let refused = add_label(&def, &LabelDraft { a_text: " ".into(), ..Default::default() }, &default_schema());
        assert!(matches!(refused, Err(AssociationError::InvalidDefinition(_))));
    }
}
