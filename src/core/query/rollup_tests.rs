//! Rollups in filters and sorts: a company's number of contacts is queryable like a stored
//! value, and stays right as links and linked values change.

use crate::core::command::Command;
use crate::core::id::RecordId;
use crate::core::query::{run, Condition, Filter, Group, Op, Page, Query, Sort};
use crate::core::time::Millis;
use crate::core::workspace::fixtures::Fixture;

fn query(object: &str, conditions: Vec<Condition>, sort: Option<&str>) -> Query {
    Query {
        object: object.into(),
        filter: Filter { groups: vec![Group { conditions }] },
        sort: sort.map(|p| Sort { property: p.into(), descending: true }),
    }
}

fn ids(f: &Fixture, q: &Query) -> Vec<RecordId> {
    let results = run(&f.ws, q, Page::first(50), Millis(f.now)).expect("runs");
    results.records.iter().map(|r| r.id.clone()).collect()
}

fn more_than_two_contacts() -> Query {
    query("companies", vec![Condition::new("num_associated_contacts", Op::Gt { value: "2".into() })], None)
}

#[test]
fn a_count_of_linked_contacts_filters_and_follows_links_as_they_change() {
    let mut f = Fixture::new();
    let acme = f.create("companies", &[("name", "Acme")]);
    let globex = f.create("companies", &[("name", "Globex")]);
    let contacts: Vec<RecordId> = (0..4).map(|i| f.create("contacts", &[("firstname", &format!("C{i}"))])).collect();
    for c in &contacts[..3] {
        f.link(c, &acme, &[]);
    }
    f.link(&contacts[0], &globex, &[]);
    f.link(&contacts[1], &globex, &[]);
    assert_eq!(ids(&f, &more_than_two_contacts()), [acme.clone()]);

    // A third contact for Globex: the next query sees it, without being told.
    f.link(&contacts[3], &globex, &[]);
    let mut both = ids(&f, &more_than_two_contacts());
    both.sort();
    let mut expected = vec![acme.clone(), globex.clone()];
    expected.sort();
    assert_eq!(both, expected);

    // Unlinking one of Acme's contacts takes it out.
    f.run(Command::Unassociate { from: contacts[2].clone(), to: acme.clone() }).expect("unlinked");
    assert_eq!(ids(&f, &more_than_two_contacts()), [globex.clone()]);

    // Deleting a contact removes its links, and restoring brings them back.
    f.run(Command::DeleteRecord { id: contacts[3].clone() }).expect("binned");
    assert!(ids(&f, &more_than_two_contacts()).is_empty());
    f.run(Command::RestoreRecord { id: contacts[3].clone() }).expect("restored");
    assert_eq!(ids(&f, &more_than_two_contacts()), [globex.clone()]);

    // Deleting a contact of both companies takes both below three.
    f.run(Command::DeleteRecord { id: contacts[0].clone() }).expect("binned");
    assert!(ids(&f, &more_than_two_contacts()).is_empty());
}

#[test]
fn a_new_record_counts_zero_and_rollups_sort() {
    let mut f = Fixture::new();
    let acme = f.create("companies", &[("name", "Acme")]);
    let ada = f.create("contacts", &[]);
    f.link(&ada, &acme, &[]);
    let zero = query("companies", vec![Condition::new("num_associated_contacts", Op::Eq { value: "0".into() })], None);
    assert!(ids(&f, &zero).is_empty());
    // A company created after the column was computed counts 0, not "unknown".
    let initech = f.create("companies", &[("name", "Initech")]);
    assert_eq!(ids(&f, &zero), [initech.clone()]);
    let grace = f.create("contacts", &[]);
    f.link(&grace, &initech, &[]);
    let bob = f.create("contacts", &[]);
    f.link(&bob, &initech, &[]);
    let sorted = query("companies", vec![], Some("num_associated_contacts"));
    assert_eq!(ids(&f, &sorted), [initech, acme]);
}

#[test]
fn a_sum_over_linked_records_follows_their_values() {
    let mut f = Fixture::new();
    let quote = f.create("quotes", &[("hs_title", "Q-1")]);
    let beans = f.create("line_items", &[("name", "Beans"), ("quantity", "2"), ("price", "10")]);
    f.link(&quote, &beans, &[]);
    let over = |amount: &str| query("quotes", vec![Condition::new("amount", Op::Gt { value: amount.into() })], None);
    assert_eq!(ids(&f, &over("15")), [quote.clone()]);
    assert!(ids(&f, &over("25")).is_empty());
    // A linked line item's amount changes: the quote's sum follows.
    f.run(Command::UpdateRecord { id: beans, values: vec![("quantity".into(), "3".into())] }).expect("updated");
    assert_eq!(ids(&f, &over("25")), [quote]);
}
