use crate::core::association::{AssociationDef, AssociationError, LabelDef};
use crate::core::command::{Command, CommandError};
use crate::core::id::RecordId;
use crate::core::value::Value;
use crate::core::workspace::fixtures::{reports_to, with_billing, Fixture};

fn labels(list: &[&str]) -> Option<Vec<String>> {
    Some(list.iter().map(|s| s.to_string()).collect())
}

fn refused(f: &mut Fixture, command: Command) -> CommandError {
    let before = f.ws.entities();
    let error = f.run(command).expect_err("refused");
    assert_eq!(f.ws.entities(), before, "a refused command changed the workspace");
    error
}

fn associate(from: &RecordId, to: &RecordId, labels: &[&str]) -> Command {
    Command::Associate { from: from.clone(), to: to.clone(), labels: labels.iter().map(|l| l.to_string()).collect() }
}

#[test]
fn an_association_is_found_from_both_ends_with_its_labels() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[("firstname", "Ada")]);
    let acme = f.create("companies", &[("name", "Acme")]);
    let deal = f.create("deals", &[("dealname", "Big deal")]);
    f.link(&ada, &acme, &["primary"]);
    f.link(&deal, &ada, &[]);
    assert_eq!(f.ids(&ada, "companies"), vec![acme.clone()]);
    assert_eq!(f.ids(&acme, "contacts"), vec![ada.clone()]);
    assert_eq!(f.ids(&ada, "deals"), vec![deal.clone()]);
    assert_eq!(f.labels(&acme, &ada), labels(&["primary"]));
    assert_eq!(f.labels(&deal, &ada), labels(&[]));
    let shown: Vec<String> = f.ws.associated(&acme, "contacts").iter().flat_map(|a| a.labels()).map(|v| v.text.clone()).collect();
    assert_eq!(shown, ["Primary"]);
    f.check_invariants();
    f.assert_log_replays();
}

#[test]
fn associating_again_adds_labels_and_setting_replaces_them() {
    let mut f = Fixture::new();
    f.define(with_billing());
    let ada = f.create("contacts", &[]);
    let acme = f.create("companies", &[]);
    f.link(&ada, &acme, &["primary"]);
    f.link(&acme, &ada, &["billing"]);
    assert_eq!(f.labels(&ada, &acme), labels(&["billing", "primary"]));
    let set = Command::SetAssociationLabels { from: acme.clone(), to: ada.clone(), labels: vec!["billing".into()] };
    f.run(set).expect("relabeled");
    assert_eq!(f.labels(&ada, &acme), labels(&["billing"]));
    assert_eq!(f.ws.associations().len(), 1);
    let commit = f.link_again(&ada, &acme);
    assert!(commit.changes.is_empty(), "linking what is linked changes nothing");
    f.run(Command::Unassociate { from: acme.clone(), to: ada.clone() }).expect("removed");
    assert_eq!(f.labels(&ada, &acme), None);
    assert!(f.ids(&ada, "companies").is_empty() && f.ids(&acme, "contacts").is_empty());
    f.assert_log_replays();
}

impl Fixture {
    fn link_again(&mut self, from: &RecordId, to: &RecordId) -> crate::core::change::Commit {
        self.associate(from, to, &[]).expect("valid")
    }
}

#[test]
fn invalid_associations_are_refused_and_change_nothing() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let grace = f.create("contacts", &[]);
    let acme = f.create("companies", &[]);
    let ghost = RecordId::from("NOPE");
    let cases: Vec<(Command, CommandError)> = vec![
        (associate(&ada, &ada, &[]), AssociationError::WithItself.into()),
        (associate(&ada, &ghost, &[]), CommandError::NotFound(ghost.clone())),
        (associate(&ghost, &ada, &[]), CommandError::NotFound(ghost.clone())),
        (associate(&ada, &grace, &[]), AssociationError::NotDefined("contacts".into(), "contacts".into()).into()),
        (associate(&ada, &acme, &["boss"]), AssociationError::UnknownLabel("boss".into()).into()),
        (Command::Unassociate { from: ada.clone(), to: acme.clone() }, AssociationError::NotAssociated.into()),
        (Command::SetAssociationLabels { from: ada.clone(), to: acme.clone(), labels: vec![] }, AssociationError::NotAssociated.into()),
    ];
    for (command, expected) in cases {
        assert_eq!(refused(&mut f, command.clone()), expected, "{command:?}");
    }
}

#[test]
fn a_contact_has_one_primary_company() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let acme = f.create("companies", &[]);
    let globex = f.create("companies", &[]);
    f.link(&ada, &acme, &["primary"]);
    let error = refused(&mut f, associate(&globex, &ada, &["primary"]));
    assert_eq!(error, AssociationError::LabelTaken { record: ada.clone(), label: "primary".into() }.into());
    // Any number of companies without the label, and a company may be primary for many.
    f.link(&globex, &ada, &[]);
    let grace = f.create("contacts", &[]);
    f.link(&grace, &acme, &["primary"]);
    // Moving the label: take it off one link, then put it on the other.
    f.run(Command::SetAssociationLabels { from: ada.clone(), to: acme.clone(), labels: vec![] }).expect("relabeled");
    f.link(&ada, &globex, &["primary"]);
    assert_eq!(f.labels(&ada, &globex), labels(&["primary"]));
    f.check_invariants();
}

#[test]
fn a_company_has_one_billing_contact() {
    let mut f = Fixture::new();
    f.define(with_billing());
    let ada = f.create("contacts", &[]);
    let grace = f.create("contacts", &[]);
    let acme = f.create("companies", &[]);
    f.link(&ada, &acme, &["billing"]);
    let error = refused(&mut f, associate(&grace, &acme, &["billing"]));
    assert_eq!(error, AssociationError::LabelTaken { record: acme.clone(), label: "billing".into() }.into());
    f.link(&grace, &acme, &[]);
    f.check_invariants();
}

#[test]
fn a_line_item_belongs_to_one_deal() {
    let mut f = Fixture::new();
    let first = f.create("deals", &[]);
    let second = f.create("deals", &[]);
    let item = f.create("line_items", &[]);
    let other_item = f.create("line_items", &[]);
    f.link(&first, &item, &[]);
    f.link(&first, &other_item, &[]);
    let error = refused(&mut f, associate(&second, &item, &[]));
    assert_eq!(error, AssociationError::TooMany { record: item.clone(), object: "deals".into() }.into());
}

#[test]
fn parent_and_child_companies_read_each_other() {
    let mut f = Fixture::new();
    let holding = f.create("companies", &[("name", "Holding")]);
    let subsidiary = f.create("companies", &[("name", "Subsidiary")]);
    let branch = f.create("companies", &[("name", "Branch")]);
    f.link(&subsidiary, &holding, &["parent"]);
    f.link(&holding, &branch, &["child"]);
    assert_eq!(f.labels(&holding, &subsidiary), labels(&["child"]));
    assert_eq!(f.labels(&branch, &holding), labels(&["parent"]));
    assert_eq!(f.ids(&holding, "companies"), [subsidiary.clone(), branch.clone()]);
    // A company has one parent.
    let error = refused(&mut f, associate(&branch, &subsidiary, &["parent"]));
    assert_eq!(error, AssociationError::LabelTaken { record: branch.clone(), label: "parent".into() }.into());
    // Seen from the other side, the same fact is refused the same way.
    let error = refused(&mut f, associate(&subsidiary, &branch, &["child"]));
    assert_eq!(error, AssociationError::LabelTaken { record: branch.clone(), label: "parent".into() }.into());
    f.check_invariants();
}

#[test]
fn contacts_can_be_linked_to_contacts_once_defined() {
    let mut f = Fixture::new();
    f.define(reports_to());
    let boss = f.create("contacts", &[("firstname", "Boss")]);
    let ada = f.create("contacts", &[("firstname", "Ada")]);
    let grace = f.create("contacts", &[("firstname", "Grace")]);
    f.link(&ada, &boss, &["manager"]);
    f.link(&boss, &grace, &["employee"]);
    f.link(&ada, &grace, &["spouse"]);
    assert_eq!(f.labels(&boss, &ada), labels(&["employee"]));
    assert_eq!(f.labels(&grace, &boss), labels(&["manager"]));
    assert_eq!(f.labels(&grace, &ada), labels(&["spouse"]));
    // One manager each, one spouse each, whichever end the link is made from.
    assert!(f.associate(&grace, &ada, &["manager"]).is_err());
    assert!(f.associate(&boss, &ada, &["spouse"]).is_err());
    f.check_invariants();
    f.assert_log_replays();
}

#[test]
fn a_definition_that_existing_links_break_is_refused_with_the_records_to_fix() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let acme = f.create("companies", &[]);
    let globex = f.create("companies", &[]);
    f.link(&ada, &acme, &["primary"]);
    f.link(&ada, &globex, &[]);
    let one_company = AssociationDef { max_b_per_a: Some(1), ..AssociationDef::new("contacts", "companies") };
    let error = refused(&mut f, Command::DefineAssociation(one_company.clone()));
    assert_eq!(error, AssociationError::Conflicts(vec![ada.clone()]).into());
    let without_primary = AssociationDef::new("companies", "contacts");
    let error = refused(&mut f, Command::DefineAssociation(without_primary));
    assert_eq!(error, AssociationError::Conflicts(vec![ada.clone()]).into());
    let invalid = AssociationDef::new("contacts", "spaceships");
    assert!(matches!(refused(&mut f, Command::DefineAssociation(invalid)), CommandError::Association(AssociationError::InvalidDefinition(_))));
}

#[test]
fn a_definition_given_from_the_other_side_keeps_the_stored_orientation() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let acme = f.create("companies", &[]);
    f.link(&ada, &acme, &["primary"]);
    let from_companies = AssociationDef::new("companies", "contacts")
        .with_label(LabelDef::single("primary", "Primary").max_from_b(1))
        .with_label(LabelDef::paired(("employer_of", "Employee"), ("works_at", "Employer")));
    f.define(from_companies);
    let def = f.ws.associations().def("contacts", "companies").expect("defined");
    assert_eq!(def.a, "contacts");
    f.link(&ada, &acme, &["works_at"]);
    assert_eq!(f.labels(&acme, &ada), labels(&["employer_of", "primary"]));
    f.check_invariants();
    f.assert_log_replays();
}

#[test]
fn rollups_aggregate_the_linked_records_when_read() {
    let mut f = Fixture::new();
    let acme = f.create("companies", &[("name", "Acme")]);
    let (ada, grace) = (f.create("contacts", &[]), f.create("contacts", &[]));
    let quote = f.create("quotes", &[("hs_title", "Q-1")]);
    let beans = f.create("line_items", &[("name", "Beans"), ("quantity", "2"), ("price", "10")]);
    let rice = f.create("line_items", &[("name", "Rice"), ("quantity", "1"), ("price", "5")]);
    let value = |f: &Fixture, id: &RecordId, name: &str| f.ws.rollup_values(id).into_iter().find(|(n, _)| n == name).and_then(|(_, v)| v);
    assert_eq!(value(&f, &acme, "num_associated_contacts"), Some(Value::Number(0.0)));
    assert_eq!(value(&f, &quote, "amount"), Some(Value::Int(0)), "a sum over nothing is 0");
    f.link(&ada, &acme, &["primary"]);
    f.link(&grace, &acme, &[]);
    f.link(&quote, &beans, &[]);
    f.link(&quote, &rice, &[]);
    assert_eq!(value(&f, &acme, "num_associated_contacts"), Some(Value::Number(2.0)));
    assert_eq!(value(&f, &quote, "amount"), Some(Value::Int(2_500)));
    f.run(Command::DeleteRecord { id: rice }).expect("binned");
    assert_eq!(value(&f, &quote, "amount"), Some(Value::Int(2_000)), "a binned record no longer counts");
    assert!(f.ws.rollup_values(&ada).iter().all(|(name, _)| name != "amount"));
}
