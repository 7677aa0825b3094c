use super::*;

#[test]
fn polish_has_three_plural_forms() {
    let forms: Vec<String> = [1, 2, 5, 12, 22, 25, 102].iter().map(|&n| tr_count(Lang::Pl, Counted::Contacts, n)).collect();
    assert_eq!(forms, ["1 kontakt", "2 kontakty", "5 kontaktów", "12 kontaktów", "22 kontakty", "25 kontaktów", "102 kontakty"]);
}

#[test]
fn french_zero_is_singular_and_english_is_not() {
    assert_eq!(tr_count(Lang::Fr, Counted::Contacts, 0), "0 contact");
    assert_eq!(tr_count(Lang::En, Counted::Contacts, 0), "0 contacts");
    assert_eq!(tr_count(Lang::En, Counted::Contacts, 1), "1 contact");
    assert_eq!(tr_count(Lang::Zh, Counted::Contacts, 3), "3 个联系人");
    assert_eq!(tr_count(Lang::Fr, Counted::Contacts, 12_345), "12\u{202f}345 contacts");
    assert_eq!(tr_count(Lang::En, Counted::Contacts, 1_000), "1,000 contacts");
}

#[test]
fn languages_are_negotiated_from_browser_tags() {
    assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
    assert_eq!(Lang::from_tag("zh-Hans-CN"), Lang::Zh);
    assert_eq!(Lang::from_tag("de"), Lang::En);
    assert_eq!(Lang::negotiate(["de-DE", "pl-PL", "en"]), Lang::Pl);
    assert_eq!(Lang::negotiate(["en-GB", "fr"]), Lang::En);
    assert_eq!(Lang::negotiate(["ja"]), Lang::En);
}

#[test]
fn every_language_translates_every_message_differently_from_a_blank() {
    let all = [Msg::AppName, Msg::IdxCreate, Msg::ErrEmail, Msg::StorageUnavailable];
    for lang in Lang::ALL {
        for msg in all {
            assert!(!tr(lang, msg).trim().is_empty(), "{lang:?} {msg:?}");
        }
    }
    assert_ne!(tr(Lang::Fr, Msg::IdxCreate), tr(Lang::En, Msg::IdxCreate));
}

#[test]
fn schema_errors_read_as_sentences_with_counts_in_every_language() {
    use crate::core::id::RecordId;
    let two = SchemaError::ValuesRefused(vec![RecordId::from("A"), RecordId::from("B")]);
    assert_eq!(schema_error(Lang::En, &two), "2 records have values the new settings would refuse.");
    assert_eq!(schema_error(Lang::Pl, &SchemaError::ObjectHasRecords(5)), "Ten obiekt ma jeszcze 5 rekordów, wliczając kosz.");
    assert_eq!(schema_error(Lang::Fr, &SchemaError::ObjectHasRecords(1)), "Cet objet contient encore 1 enregistrement, corbeille comprise.");
    assert_eq!(schema_error(Lang::It, &SchemaError::EmptyLabel), "Inserisci un’etichetta.");
    for lang in Lang::ALL {
        for error in [two.clone(), SchemaError::DuplicateValues(vec![]), SchemaError::NoOptions, SchemaError::StandardObject("contacts".into())] {
            let text = schema_error(lang, &error);
            assert!(!text.trim().is_empty() && !text.contains("{n}"), "{lang:?} {error:?}: {text}");
        }
    }
}

#[test]
fn every_property_type_has_a_distinct_name_in_every_language() {
    use crate::core::schema::PropertyType as T;
    let kinds = [
        T::SingleLineText, T::MultiLineText, T::Number { decimals: None, min: None, max: None }, T::Currency, T::Date, T::DateTime,
        T::Dropdown, T::Radio, T::Checkbox, T::Checkboxes, T::Email, T::Phone, T::Url, T::Domain, T::Owner, T::Calculated,
    ];
    for lang in Lang::ALL {
        let names: std::collections::HashSet<&str> = kinds.iter().map(|k| tr(lang, property_type(k))).collect();
        assert_eq!(names.len(), kinds.len(), "{lang:?}");
    }
}

#[test]
fn owner_and_field_problems_have_their_own_message_in_every_language() {
    use crate::core::command::FieldProblem;
    use crate::core::owner::{OwnerError, OwnerId};
    let messages = [
        field_problem(&FieldProblem::UnknownOwner),
        field_problem(&FieldProblem::InactiveOwner),
        field_problem(&FieldProblem::Invalid(Invalid::Domain)),
        owner_error(&OwnerError::NotFound(OwnerId("O".into()))),
        owner_error(&OwnerError::EmptyName),
        owner_error(&OwnerError::EmailTaken(OwnerId("O".into()))),
        Msg::ErrCalculationInput,
    ];
    assert_eq!(owner_error(&OwnerError::InvalidEmail), Msg::ErrEmail);
    for lang in Lang::ALL {
        let texts: std::collections::HashSet<&str> = messages.iter().map(|m| tr(lang, *m)).collect();
        assert_eq!(texts.len(), messages.len(), "{lang:?}: each problem reads differently");
        assert!(texts.iter().all(|t| !t.trim().is_empty()), "{lang:?}");
    }
    assert_ne!(tr(Lang::Pl, Msg::ErrInactiveOwner), tr(Lang::En, Msg::ErrInactiveOwner));
    let bad_input = SchemaError::CalculationInput("x".into());
    assert_eq!(schema_error(Lang::Fr, &bad_input), tr(Lang::Fr, Msg::ErrCalculationInput));
}


/// The variants of `enum {name}` as declared in `i18n/mod.rs`.
fn declared_variants(source: &str, name: &str) -> Vec<String> {
    let start = source.find(&format!("pub enum {name} {{")).expect("enum declared");
    let body = &source[start..];
    let body = &body[body.find('{').expect("opening brace") + 1..body.find("\n}").expect("closing brace")];
    body.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("//") && !l.starts_with("#"))
        .filter_map(|l| l.strip_suffix(','))
        .map(str::to_string)
        .collect()
}

/// Every `.rs` file under `dir`, with its text up to its test module (tests are no use).
fn sources_outside_translations(dir: &std::path::Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let in_i18n = path.parent().is_some_and(|p| p.ends_with("core/i18n"));
        if path.is_dir() {
            sources_outside_translations(&path, out);
        } else if file.ends_with(".rs") && file != "tests.rs" && !(in_i18n && ["en.rs", "fr.rs", "it.rs", "pl.rs", "zh.rs", "mod.rs"].contains(&file)) {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push(without_test_module(&text).to_string());
        }
    }
}

/// The source before its inline test module, if any (a `mod tests;` line keeps the rest).
fn without_test_module(text: &str) -> &str {
    text.split("#[cfg(test)]\nmod tests {").next().unwrap_or("")
}

/// A key nobody shows is a translation nobody reads. Missing keys need no test: every
/// language is an exhaustive `match`, so a key without a text in any language does not compile.
#[test]
fn every_message_is_used_somewhere() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let declarations = std::fs::read_to_string(root.join("core/i18n/mod.rs")).expect("i18n source");
    // Uses inside i18n/mod.rs (error mappings) count, its declarations do not.
    let mut sources = vec![without_test_module(&declarations).split("/// Messages that depend on a count").nth(1).unwrap_or("").to_string()];
    sources_outside_translations(&root, &mut sources);
    let used = |path: &str| sources.iter().any(|s| s.match_indices(path).any(|(i, _)| !s[i + path.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')));
    let mut unused: Vec<String> = Vec::new();
    for (name, prefix) in [("Msg", "Msg::"), ("Counted", "Counted::")] {
        for variant in declared_variants(&declarations, name) {
            if !used(&format!("{prefix}{variant}")) {
                unused.push(format!("{prefix}{variant}"));
            }
        }
    }
    assert!(unused.is_empty(), "messages never used: {}", unused.join(", "));
}
