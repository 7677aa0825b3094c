use super::*;

fn s(text: &str) -> String {
    text.to_string()
}

fn id(text: &str) -> OwnerId {
    OwnerId(s(text))
}

fn ada() -> Owner {
    Owner { id: id("O1"), name: s("Ada Lovelace"), email: s("ada@example.com"), team: Some(s("Sales")), active: true }
}

fn owners() -> Owners {
    let grace = Owner { id: id("O2"), name: s("Grace Hopper"), email: s("grace@example.com"), team: None, active: false };
    [ada(), grace].into_iter().map(|o| (o.id.clone(), o)).collect()
}

fn check(edit: OwnerEdit, expect: Result<Owner, OwnerError>) {
    let outcome = plan(&owners(), &edit, || id("NEW")).map(|p| p.after);
    assert_eq!(outcome, expect, "{edit:?}");
}

fn create(name: &str, email: &str, team: Option<&str>) -> OwnerEdit {
    OwnerEdit::Create { name: s(name), email: s(email), team: team.map(s) }
}

fn update(owner: &str, patch: OwnerPatch) -> OwnerEdit {
    OwnerEdit::Update { id: id(owner), patch }
}

#[test]
fn new_owners_are_cleaned_and_checked() {
    let linus = Owner { id: id("NEW"), name: s("Linus"), email: s("linus@example.com"), team: Some(s("Support")), active: true };
    check(create(" Linus ", " Linus@Example.com", Some(" Support ")), Ok(linus.clone()));
    check(create("Linus", "linus@example.com", Some("  ")), Ok(Owner { team: None, ..linus }));
    check(create("  ", "linus@example.com", None), Err(OwnerError::EmptyName));
    check(create("Linus", "linus@", None), Err(OwnerError::InvalidEmail));
    check(create("Ada again", "ADA@example.com", None), Err(OwnerError::EmailTaken(id("O1"))));
    check(create("Grace again", "grace@example.com", None), Err(OwnerError::EmailTaken(id("O2"))));
}

#[test]
fn updates_change_only_what_the_patch_names() {
    let rename = OwnerPatch { name: Some(s("Ada King")), ..Default::default() };
    check(update("O1", rename), Ok(Owner { name: s("Ada King"), ..ada() }));
    let no_team = OwnerPatch { team: Some(None), ..Default::default() };
    check(update("O1", no_team), Ok(Owner { team: None, ..ada() }));
    let same_email = OwnerPatch { email: Some(s("Ada@Example.com")), ..Default::default() };
    check(update("O1", same_email), Ok(ada()));
    let taken = OwnerPatch { email: Some(s("grace@example.com")), ..Default::default() };
    check(update("O1", taken), Err(OwnerError::EmailTaken(id("O2"))));
    check(update("O9", OwnerPatch::default()), Err(OwnerError::NotFound(id("O9"))));
}

#[test]
fn owners_are_deactivated_and_reactivated_never_removed() {
    check(OwnerEdit::Deactivate { id: id("O1") }, Ok(Owner { active: false, ..ada() }));
    let grace = plan(&owners(), &OwnerEdit::Reactivate { id: id("O2") }, || id("NEW")).expect("exists");
    assert_eq!((grace.before.map(|o| o.active), grace.after.active), (Some(false), true));
    check(OwnerEdit::Deactivate { id: id("O9") }, Err(OwnerError::NotFound(id("O9"))));
}

#[test]
fn an_id_is_minted_only_for_a_valid_new_owner() {
    let mut minted = 0;
    let _ = plan(&owners(), &create("", "x@example.com", None), || {
        minted += 1;
        id("NEW")
    });
    assert_eq!(minted, 0);
}

#[test]
fn owners_are_found_by_id_or_by_email() {
    let all = owners();
    let found = |raw: &str| resolve(&all, raw).map(|o| o.id.0.clone());
    assert_eq!(found("O1"), Some(s("O1")));
    assert_eq!(found(" Grace@Example.COM "), Some(s("O2")));
    assert_eq!(found("o1"), None, "ids are exact");
    assert_eq!(found("nobody@example.com"), None);
}
