use super::*;
use crate::core::workspace::fixtures::Fixture;

fn ids(entries: &[TimelineEntry]) -> Vec<&RecordId> {
    entries.iter().map(|e| &e.id).collect()
}

#[test]
fn activities_are_listed_newest_first_by_their_timestamp() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let old_call = f.create("calls", &[("hs_timestamp", "2026-01-05T10:00:00Z")]);
    let new_note = f.create("notes", &[("hs_timestamp", "2026-03-01T09:30:00+01:00")]);
    // No timestamp: falls back to when it was created (1970 in the fixture's clock).
    let undated = f.create("meetings", &[]);
    let deal = f.create("deals", &[]);
    for id in [&old_call, &new_note, &undated] {
        f.link(id, &ada, &[]);
    }
    f.link(&deal, &ada, &[]);
    let entries = timeline(&f.ws, &ada, &[]);
    assert_eq!(ids(&entries), [&new_note, &old_call, &undated], "deals are not activities");
    assert_eq!(entries[0].at, Millis(1_772_353_800_000));
    assert_eq!(entries[0].object, "notes");
    assert_eq!(entries[2].at, f.ws.record(&undated).map(|r| r.created).expect("exists"));
}

#[test]
fn a_company_shows_its_contacts_and_deals_activities_once() {
    let mut f = Fixture::new();
    let acme = f.create("companies", &[]);
    let ada = f.create("contacts", &[]);
    let deal = f.create("deals", &[]);
    let ticket = f.create("tickets", &[]);
    f.link(&ada, &acme, &[]);
    f.link(&deal, &acme, &[]);
    f.link(&ticket, &acme, &[]);
    let on_company = f.create("notes", &[("hs_timestamp", "2026-01-01T00:00:00Z")]);
    let on_contact = f.create("calls", &[("hs_timestamp", "2026-01-02T00:00:00Z")]);
    let on_deal = f.create("meetings", &[("hs_timestamp", "2026-01-03T00:00:00Z")]);
    let on_ticket = f.create("notes", &[("hs_timestamp", "2026-01-04T00:00:00Z")]);
    let on_both = f.create("calls", &[("hs_timestamp", "2026-01-05T00:00:00Z")]);
    f.link(&on_company, &acme, &[]);
    f.link(&on_contact, &ada, &[]);
    f.link(&on_deal, &deal, &[]);
    f.link(&on_ticket, &ticket, &[]);
    f.link(&on_both, &acme, &[]);
    f.link(&on_both, &ada, &[]);
    assert_eq!(ids(&timeline(&f.ws, &acme, &[])), [&on_both, &on_deal, &on_contact, &on_company]);
    // A contact's timeline does not roll up its company's.
    assert_eq!(ids(&timeline(&f.ws, &ada, &[])), [&on_both, &on_contact]);
}

#[test]
fn the_timeline_filters_by_activity_type() {
    let mut f = Fixture::new();
    let ada = f.create("contacts", &[]);
    let call = f.create("calls", &[]);
    let note = f.create("notes", &[]);
    let meeting = f.create("meetings", &[]);
    for id in [&call, &note, &meeting] {
        f.link(id, &ada, &[]);
    }
    // (types, expected newest first)
    let cases: [(&[&str], Vec<&RecordId>); 4] = [
        (&[], vec![&meeting, &note, &call]),
        (&["calls"], vec![&call]),
        (&["notes", "meetings"], vec![&meeting, &note]),
        (&["deals"], vec![]),
    ];
    for (types, expected) in cases {
        assert_eq!(ids(&timeline(&f.ws, &ada, types)), expected, "{types:?}");
    }
    assert!(timeline(&f.ws, &RecordId::from("NOPE"), &[]).is_empty());
}
