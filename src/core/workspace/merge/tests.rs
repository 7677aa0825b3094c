use crate::core::command::{Command, CommandError, FieldProblem, MergeError};
use crate::core::id::RecordId;
use crate::core::record::Source;
use crate::core::time::Millis;
use crate::core::value::Value;
use crate::core::workspace::fixtures::{with_billing, Fixture};

fn merge(f: &mut Fixture, primary: &RecordId, secondary: &RecordId) -> Result<crate::core::change::Commit, CommandError> {
    f.run(Command::MergeRecords { primary: primary.clone(), secondary: secondary.clone() })
}

fn update(f: &mut Fixture, id: &RecordId, name: &str, value: &str) {
    f.run(Command::UpdateRecord { id: id.clone(), values: vec![(name.into(), value.into())] }).expect("valid");
}

#[test]
fn the_preview_fills_empty_values_from_the_secondary_and_changes_nothing() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[("firstname", "Ada"), ("city", "London")]);
    let dup = f.create("contacts", &[("firstname", "Augusta"), ("lastname", "Lovelace"), ("email", "ada@example.com")]);
    let before = f.ws.entities();
    let preview = f.ws.merge_preview(&ada, &dup, Millis(f.now)).expect("mergeable");
    assert_eq!(f.ws.entities(), before);
    let text = |name: &str| preview.record.text(name);
    assert_eq!((text("firstname"), text("lastname"), text("city"), text("email")), ("Ada".into(), "Lovelace".into(), "London".into(), "ada@example.com".into()));
    assert_eq!(preview.filled, ["email", "lastname"]);
    // The merge itself produces exactly what a preview at the same instant shows.
    let at_merge = f.ws.merge_preview(&ada, &dup, Millis(f.now + 1_000)).expect("mergeable");
    merge(&mut f, &ada, &dup).expect("merged");
    assert_eq!(f.ws.record(&ada), Some(&at_merge.record));
}

#[test]
fn both_histories_are_kept_and_end_with_the_winning_value() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[("city", "London")]); // t1
    let dup = f.create("contacts", &[("city", "Paris"), ("phone", "+44 20 1234")]); // t2
    update(&mut f, &ada, "city", "Oxford"); // t3
    update(&mut f, &dup, "city", "Lyon"); // t4
    merge(&mut f, &ada, &dup).expect("merged"); // t5
    let merged = f.ws.record(&ada).expect("primary");
    let history: Vec<(String, Source)> =
        merged.history("city").iter().map(|e| (e.value.as_ref().map(Value::display).unwrap_or_default(), e.source)).collect();
    let expected = [("London", Source::User), ("Paris", Source::User), ("Oxford", Source::User), ("Lyon", Source::User), ("Oxford", Source::Merge)];
    assert_eq!(history, expected.map(|(v, s)| (v.to_string(), s)));
    assert!(merged.history("city").windows(2).all(|w| w[0].at <= w[1].at), "history stays in time order");
    assert_eq!(merged.text("phone"), "+44 20 1234");
    assert_eq!(merged.history("phone").len(), 1, "a value taken as is needs no merge entry");
    assert_eq!(merged.updated, Millis(f.now));
}

#[test]
fn associations_and_activities_are_unioned_and_the_secondary_redirects() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let dup = f.create("contacts", &[]);
    let acme = f.create("companies", &[]);
    let globex = f.create("companies", &[]);
    let deal = f.create("deals", &[]);
    let (call, note) = (f.create("calls", &[]), f.create("notes", &[]));
    f.link(&ada, &acme, &["primary"]);
    f.link(&dup, &globex, &["primary"]);
    f.link(&dup, &acme, &[]);
    f.link(&dup, &deal, &[]);
    f.link(&call, &ada, &[]);
    f.link(&note, &dup, &[]);
    f.link(&call, &dup, &[]);
    merge(&mut f, &ada, &dup).expect("merged");
    assert!(f.ws.record(&dup).is_none());
    assert_eq!(f.ws.resolve(&dup), &ada);
    assert_eq!(f.ws.resolve(&ada), &ada);
    assert_eq!(f.ids(&ada, "companies"), [acme.clone(), globex.clone()]);
    assert_eq!(f.ids(&ada, "deals"), [deal]);
    assert_eq!(f.ids(&ada, "calls"), [call]);
    assert_eq!(f.ids(&ada, "notes"), [note]);
    // Two primary companies would break the limit: the primary's own choice stays.
    assert_eq!(f.labels(&ada, &acme), Some(vec!["primary".to_string()]));
    assert_eq!(f.labels(&ada, &globex), Some(vec![]));
    f.check_invariants();
    f.assert_log_replays();
}

#[test]
fn labels_on_a_shared_link_are_unioned_within_limits() {
    let mut f = Fixture::new();
    f.define(with_billing());
    let ada = f.create("contacts", &[]);
    let dup = f.create("contacts", &[]);
    let acme = f.create("companies", &[]);
    f.link(&ada, &acme, &["primary"]);
    // The secondary is Acme's billing contact: the merged contact takes that over.
    f.link(&dup, &acme, &["billing"]);
    merge(&mut f, &ada, &dup).expect("merged");
    assert_eq!(f.labels(&ada, &acme), Some(vec!["billing".to_string(), "primary".to_string()]));
    f.check_invariants();
}

#[test]
fn a_link_over_a_per_direction_limit_is_dropped() {
    let mut f = Fixture::new();
    let quote = f.create("quotes", &[]);
    let dup = f.create("quotes", &[]);
    let (deal, other_deal) = (f.create("deals", &[]), f.create("deals", &[]));
    f.link(&quote, &deal, &[]);
    f.link(&dup, &other_deal, &[]);
    merge(&mut f, &quote, &dup).expect("merged");
    assert_eq!(f.ids(&quote, "deals"), [deal]);
    assert!(f.ids(&other_deal, "quotes").is_empty());
    f.check_invariants();
}

#[test]
fn the_link_between_the_two_merged_records_disappears() {
    let mut f = Fixture::new();
    let parent = f.create("companies", &[]);
    let child = f.create("companies", &[]);
    let other = f.create("companies", &[]);
    f.link(&child, &parent, &["parent"]);
    f.link(&other, &child, &["parent"]);
    merge(&mut f, &parent, &child).expect("merged");
    assert_eq!(f.ids(&parent, "companies"), vec![other.clone()]);
    assert_eq!(f.labels(&other, &parent), Some(vec!["parent".to_string()]));
    f.check_invariants();
}

#[test]
fn redirects_chain_and_survive_a_reload() {
    let mut f = Fixture::new();
    let (a, b, c) = (f.create("companies", &[]), f.create("companies", &[]), f.create("companies", &[]));
    merge(&mut f, &b, &a).expect("merged");
    merge(&mut f, &c, &b).expect("merged");
    assert_eq!(f.ws.resolve(&a), &c);
    assert_eq!(f.ws.resolve(&b), &c);
    let unknown = RecordId::from("UNKNOWN");
    assert_eq!(f.ws.resolve(&unknown), &unknown);
    f.assert_log_replays();
}

#[test]
fn the_secondarys_unique_value_moves_to_the_primary() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[("firstname", "Ada")]);
    let dup = f.create("contacts", &[("email", "ada@example.com")]);
    merge(&mut f, &ada, &dup).expect("merged");
    assert_eq!(f.ws.record(&ada).map(|r| r.text("email")), Some("ada@example.com".into()));
    let again = f.run(Command::CreateRecord { object: "contacts".into(), values: vec![("email".into(), "ada@example.com".into())] });
    assert_eq!(again.expect_err("taken").field("email"), Some(&FieldProblem::Duplicate(ada)));
}

#[test]
fn invalid_merges_are_refused_and_change_nothing() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let acme = f.create("companies", &[]);
    let ghost = RecordId::from("NOPE");
    let before = f.ws.entities();
    let cases: Vec<(&RecordId, &RecordId, CommandError)> = vec![
        (&ada, &ada, MergeError::SameRecord.into()),
        (&ada, &acme, MergeError::DifferentObjects.into()),
        (&ada, &ghost, CommandError::NotFound(ghost.clone())),
        (&ghost, &ada, CommandError::NotFound(ghost.clone())),
    ];
    for (primary, secondary, expected) in cases {
        assert_eq!(merge(&mut f, primary, secondary).expect_err("refused"), expected);
        assert_eq!(f.ws.merge_preview(primary, secondary, Millis(0)).expect_err("refused"), expected);
    }
    assert_eq!(f.ws.entities(), before);
}

#[test]
fn a_merge_recomputes_formulas_from_the_merged_values() {
    let mut f = Fixture::new();
    let deal = f.create("deals", &[("dealname", "Big"), ("amount", "1000")]);
    let dup = f.create("deals", &[("dealname", "Big (copy)"), ("hs_deal_stage_probability", "0.5")]);
    assert_eq!(f.ws.record(&deal).and_then(|r| r.get("hs_projected_amount")), None);
    let preview = f.ws.merge_preview(&deal, &dup, Millis(f.now)).expect("mergeable");
    assert_eq!(preview.record.get("hs_projected_amount"), Some(&Value::Int(50_000)));
    merge(&mut f, &deal, &dup).expect("merged");
    let merged = f.ws.record(&deal).expect("primary");
    assert_eq!(merged.get("hs_projected_amount"), Some(&Value::Int(50_000)));
    assert_eq!(merged.history("hs_projected_amount").last().map(|e| e.source), Some(Source::Merge));
    f.assert_log_replays();
}

#[test]
fn an_import_naming_a_merged_away_id_is_a_duplicate_of_the_merged_record() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[("firstname", "Ada")]);
    let dup = f.create("contacts", &[("firstname", "Augusta")]);
    merge(&mut f, &ada, &dup).expect("merged");
    let values = vec![("hs_object_id".to_string(), dup.to_string()), ("firstname".to_string(), "Ada".to_string())];
    let error = f.import(Command::CreateRecord { object: "contacts".into(), values }).expect_err("duplicate");
    assert_eq!(error.duplicate_of(), Some(&ada));
}
