use crate::core::command::{Command, CommandError};
use crate::core::id::RecordId;
use crate::core::time::Millis;
use crate::core::workspace::fixtures::{with_billing, Fixture};
use crate::core::workspace::BIN_RETENTION_DAYS;

fn delete(f: &mut Fixture, id: &RecordId) {
    f.run(Command::DeleteRecord { id: id.clone() }).expect("deleted");
}

fn restore(f: &mut Fixture, id: &RecordId) {
    f.run(Command::RestoreRecord { id: id.clone() }).expect("restored");
}

/// A contact at Acme with a deal and a note.
fn sample(f: &mut Fixture) -> (RecordId, RecordId, RecordId, RecordId) {
    let ada = f.create("contacts", &[("firstname", "Ada")]);
    let acme = f.create("companies", &[("name", "Acme")]);
    let deal = f.create("deals", &[("dealname", "Deal")]);
    let note = f.create("notes", &[("hs_note_body", "Called")]);
    f.link(&ada, &acme, &["primary"]);
    f.link(&ada, &deal, &[]);
    f.link(&note, &ada, &[]);
    f.link(&note, &acme, &[]);
    (ada, acme, deal, note)
}

#[test]
fn deleting_a_record_bins_its_links_and_restoring_brings_them_back() {
    let mut f = Fixture::new();
    let (ada, acme, deal, note) = sample(&mut f);
    let before = f.ws.entities();
    delete(&mut f, &ada);
    assert!(f.ids(&acme, "contacts").is_empty() && f.ids(&deal, "contacts").is_empty() && f.ids(&note, "contacts").is_empty());
    assert_eq!(f.ids(&note, "companies"), vec![acme.clone()], "links between others stay");
    let binned = f.ws.binned().next().expect("binned");
    assert_eq!(binned.edges.len(), 3);
    f.check_invariants();
    restore(&mut f, &ada);
    assert_eq!(f.ws.entities(), before);
    f.assert_log_replays();
}

#[test]
fn two_binned_records_get_their_link_back_whichever_is_restored_first() {
    for ada_first in [true, false] {
        let mut f = Fixture::new();
        let (ada, acme, _, _) = sample(&mut f);
        let before = f.ws.entities();
        delete(&mut f, &ada);
        delete(&mut f, &acme);
        let (first, second) = if ada_first { (&ada, &acme) } else { (&acme, &ada) };
        restore(&mut f, first);
        f.check_invariants();
        restore(&mut f, second);
        assert_eq!(f.ws.entities(), before, "ada first: {ada_first}");
        assert_eq!(f.labels(&ada, &acme), Some(vec!["primary".to_string()]));
        f.assert_log_replays();
    }
}

#[test]
fn a_link_left_with_a_binned_record_goes_when_that_record_is_purged() {
    let mut f = Fixture::new();
    let (ada, acme, deal, _) = sample(&mut f);
    delete(&mut f, &ada);
    f.now += 50 * Millis::DAY;
    delete(&mut f, &acme);
    // Acme is in the bin, so the link waits in Acme's bin entry.
    restore(&mut f, &ada);
    assert!(f.ids(&ada, "companies").is_empty());
    let waiting = f.ws.binned().flat_map(|b| &b.edges).filter(|e| e.touches(&ada)).count();
    assert_eq!(waiting, 1);
    f.now += (BIN_RETENTION_DAYS + 1) * Millis::DAY;
    f.run(Command::PurgeBin).expect("purged");
    assert_eq!(f.ws.binned().count(), 0);
    assert_eq!(f.run(Command::RestoreRecord { id: acme.clone() }).expect_err("gone"), CommandError::NotFound(acme));
    assert_eq!(f.ids(&ada, "deals"), [deal]);
    f.check_invariants();
    f.assert_log_replays();
}

#[test]
fn the_bin_keeps_records_for_the_retention_period() {
    // (days since deletion, still in the bin)
    let cases = [(0, true), (89, true), (BIN_RETENTION_DAYS, true), (BIN_RETENTION_DAYS + 1, false), (400, false)];
    for (days, kept) in cases {
        let mut f = Fixture::new();
        let ada = f.create("contacts", &[]);
        delete(&mut f, &ada);
        let deleted_at = f.now;
        f.now = deleted_at + days * Millis::DAY - 1_000;
        let commit = f.run(Command::PurgeBin).expect("purged");
        assert_eq!(f.ws.binned().count() == 1, kept, "{days} days");
        assert_eq!(commit.changes.is_empty(), kept);
        f.assert_log_replays();
    }
}

#[test]
fn a_restored_link_gives_way_to_a_label_taken_meanwhile() {
    let mut f = Fixture::new();
    f.define(with_billing());
    let ada = f.create("contacts", &[]);
    let grace = f.create("contacts", &[]);
    let acme = f.create("companies", &[]);
    f.link(&ada, &acme, &["billing", "primary"]);
    delete(&mut f, &ada);
    f.link(&grace, &acme, &["billing"]);
    restore(&mut f, &ada);
    assert_eq!(f.labels(&ada, &acme), Some(vec!["primary".to_string()]));
    assert_eq!(f.labels(&grace, &acme), Some(vec!["billing".to_string()]));
    f.check_invariants();
}

#[test]
fn a_restored_link_follows_a_merge_of_its_other_end() {
    let mut f = Fixture::new();
    let (ada, acme, _, note) = sample(&mut f);
    let acme_dup = f.create("companies", &[("name", "ACME Inc")]);
    delete(&mut f, &ada);
    f.run(Command::MergeRecords { primary: acme_dup.clone(), secondary: acme.clone() }).expect("merged");
    restore(&mut f, &ada);
    assert_eq!(f.ids(&ada, "companies"), vec![acme_dup.clone()]);
    assert_eq!(f.labels(&ada, &acme_dup), Some(vec!["primary".to_string()]));
    assert_eq!(f.ids(&ada, "notes"), [note]);
    f.check_invariants();
    f.assert_log_replays();
}

#[test]
fn restoring_a_record_whose_email_is_taken_again_is_refused() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[("email", "ada@example.com")]);
    delete(&mut f, &ada);
    f.create("contacts", &[("email", "ada@example.com")]);
    let before = f.ws.entities();
    assert!(matches!(f.run(Command::RestoreRecord { id: ada }), Err(CommandError::Fields(_))));
    assert_eq!(f.ws.entities(), before);
}
