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
    let all = [Msg::AppName, Msg::CreateContact, Msg::ErrEmail, Msg::StorageUnavailable];
    for lang in Lang::ALL {
        for msg in all {
            assert!(!tr(lang, msg).trim().is_empty(), "{lang:?} {msg:?}");
        }
    }
    assert_ne!(tr(Lang::Fr, Msg::CreateContact), tr(Lang::En, Msg::CreateContact));
}
