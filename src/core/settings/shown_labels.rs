//! The property editor shows default labels in the user's language; saving must not turn
//! that translation into a typed label.
//!
//! [`shown_form`] fills the editor with the label and option labels as the user reads them;
//! [`keep_untouched_labels`] puts the stored text back wherever the input still holds the
//! translation, so only labels the user actually changed are sent.

use crate::core::i18n::{option_label, property_label, Lang};
use crate::core::schema::PropertyDef;

use super::PropertyForm;

/// The editor's starting inputs for `def` of `object`, labels as the user reads them.
pub fn shown_form(object: &str, def: &PropertyDef, lang: Lang) -> PropertyForm {
    let mut form = PropertyForm::from_def(def, lang);
    form.label = property_label(lang, object, def).into_owned();
    for draft in &mut form.options {
        if let Some(option) = def.options.iter().find(|o| o.value == draft.value) {
            draft.label = option_label(lang, object, &def.name, option).into_owned();
        }
    }
    form
}

/// Restores the stored labels of `old` where `form` still shows their translation.
pub fn keep_untouched_labels(form: &mut PropertyForm, object: &str, old: &PropertyDef, lang: Lang) {
    if form.label == property_label(lang, object, old) {
        form.label = old.label.clone();
    }
    for draft in &mut form.options {
        if let Some(option) = old.options.iter().find(|o| o.value == draft.value) {
            if draft.label == option_label(lang, object, &old.name, option) {
                draft.label = option.label.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::{default_schema, PropertyPatch};

    fn priority() -> PropertyDef {
        default_schema().object("deals").and_then(|o| o.property("hs_priority")).cloned().expect("default property")
    }

    #[test]
    fn an_untouched_french_form_changes_nothing() {
        let old = priority();
        let mut form = shown_form("deals", &old, Lang::Fr);
        assert_eq!(form.label, "Priorité");
        assert!(form.options.iter().any(|o| o.label == "Haute"));
        keep_untouched_labels(&mut form, "deals", &old, Lang::Fr);
        assert_eq!(form.patch(&old, Lang::Fr), Ok(PropertyPatch::default()));
    }

    #[test]
    fn a_label_the_user_changed_is_sent_as_typed() {
        let old = priority();
        let mut form = shown_form("deals", &old, Lang::Fr);
        form.label = "Urgence".into();
        if let Some(high) = form.options.iter_mut().find(|o| o.value == "high") {
            high.label = "Très haute".into();
        }
        keep_untouched_labels(&mut form, "deals", &old, Lang::Fr);
        let patch = form.patch(&old, Lang::Fr).expect("valid form");
        assert_eq!(patch.label.as_deref(), Some("Urgence"));
        let options = patch.options.expect("an option changed");
        let label = |v: &str| options.iter().find(|o| o.value == v).map(|o| o.label.clone());
        assert_eq!(label("high").as_deref(), Some("Très haute"));
        assert_eq!(label("low").as_deref(), Some("Low"));
    }
}
