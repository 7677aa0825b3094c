//! Changes committed by another tab of the same browser profile.
//!
//! Tabs share one database, and each tab keeps the workspace in memory. When a tab commits, it
//! tells the others, which *absorb* the batch. A record edited in two tabs at the same moment
//! must keep both edits: each tab wrote its whole record, so absorbing merges the two
//! versions property by property (the union of their histories) instead of replacing one
//! with the other. When the merge holds writes the other tab's batch lacked, the storage log
//! ends with an incomplete version, so the merged record is returned to be written back.

use super::change::Entity;
use super::prop_key::PropKey;
use super::record::{HistoryEntry, Record};
use super::stored::Batch;
use super::workspace::Workspace;

/// Merges two versions of one record: every property's history is the union of both,
/// oldest first, so the current value is the latest write from either side. A write with
/// the same time and source on both sides is one write (the incoming version of it wins).
pub fn merge_versions(local: &Record, incoming: &Record) -> Record {
    let mut merged = incoming.clone();
    let mut keys: Vec<PropKey> = local.props.keys().chain(incoming.props.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let mut history: Vec<(u8, HistoryEntry)> =
            incoming.props.history(key).map(|e| (1, e)).chain(local.props.history(key).map(|e| (0, e))).collect();
        // Stable: at equal times the local write comes first, then the incoming one.
        history.sort_by_key(|(side, e)| (e.at, *side));
        let mut run: Vec<HistoryEntry> = Vec::with_capacity(history.len());
        for (_, entry) in history {
            match run.last_mut() {
                Some(last) if last.at == entry.at && last.source == entry.source => *last = entry,
                _ => run.push(entry),
            }
        }
        merged.props.replace(key, run);
    }
    merged.created = local.created.min(incoming.created);
    merged.updated = local.updated.max(incoming.updated);
    merged
}

/// Applies a batch another tab committed. Returns the records whose merged state differs
/// from what that tab wrote: this tab must persist them so that storage holds both edits.
pub fn absorb(ws: &mut Workspace, batch: Batch) -> Vec<Entity> {
    let mut repairs = Vec::new();
    for op in batch.ops {
        let value = match (op.value, &op.key) {
            (Some(Entity::Record(incoming)), _) => match ws.record(&incoming.id) {
                Some(local) if *local != incoming => {
                    let merged = merge_versions(local, &incoming);
                    if merged != incoming {
                        repairs.push(Entity::Record(merged.clone()));
                    }
                    Some(Entity::Record(merged))
                }
                _ => Some(Entity::Record(incoming)),
            },
            (other, _) => other,
        };
        ws.put(op.key, value);
    }
    repairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::command::{Command, Context};
    use crate::core::id::{IdGen, RecordId};
    use crate::core::schema::default_schema;
    use crate::core::stored::restore;
    use crate::core::time::Millis;

    fn update(ws: &mut Workspace, id: &RecordId, prop: &str, value: &str, t: i64) -> Batch {
        let cmd = Command::UpdateRecord { id: id.clone(), values: vec![(prop.into(), value.into())] };
        Batch::from_commit(&ws.execute(cmd, &Context::user(Millis(t))).expect("valid"))
    }

    /// Two tabs that loaded the same contact.
    fn two_tabs() -> (Workspace, Workspace, RecordId, Batch) {
        let mut a = Workspace::new(default_schema(), IdGen::new(1, 0));
        let cmd = Command::CreateRecord { object: "contacts".into(), values: vec![("firstname".into(), "Ada".into())] };
        let commit = a.execute(cmd, &Context::user(Millis(1))).expect("valid");
        let created = Batch::from_commit(&commit);
        let mut b = Workspace::new(default_schema(), IdGen::new(2, 0));
        created.clone().apply(&mut b);
        (a, b, commit.subject.expect("id"), created)
    }

    #[test]
    fn edits_of_different_properties_in_two_tabs_both_survive() {
        let (mut a, mut b, id, created) = two_tabs();
        // Both tabs save before hearing of the other's change.
        let from_a = update(&mut a, &id, "city", "Paris", 10);
        let from_b = update(&mut b, &id, "jobtitle", "Engineer", 11);
        let repairs_a = absorb(&mut a, from_b.clone());
        let repairs_b = absorb(&mut b, from_a.clone());
        for ws in [&a, &b] {
            let r = ws.record(&id).expect("record");
            assert_eq!((r.text("city").as_str(), r.text("jobtitle").as_str()), ("Paris", "Engineer"));
        }
        assert_eq!(a.record(&id), b.record(&id));
        // Storage replays the log in commit order; the repair written back restores both edits.
        // Neither tab knows which batch the log holds last, so each writes its merge back.
        assert_eq!(repairs_a.len(), 1, "A's merge holds a write B's batch lacked");
        assert_eq!(repairs_b.len(), 1, "B's merge holds a write A's batch lacked");
        let log: Vec<String> = [created, from_a, from_b, Batch { ops: vec![] }]
            .iter()
            .map(Batch::encode)
            .chain(repairs_a.into_iter().map(|e| Batch { ops: vec![crate::core::stored::Op { key: e.key(), value: Some(e) }] }.encode()))
            .collect();
        let mut reloaded = Workspace::new(default_schema(), IdGen::new(3, 0));
        restore(&mut reloaded, crate::core::stored::FORMAT_VERSION, &[], &log).expect("restores");
        assert_eq!(reloaded.record(&id), a.record(&id));
    }

    #[test]
    fn the_later_write_of_one_property_wins_in_both_tabs() {
        let (mut a, mut b, id, _) = two_tabs();
        let from_a = update(&mut a, &id, "city", "Paris", 10);
        let from_b = update(&mut b, &id, "city", "Milan", 12);
        absorb(&mut a, from_b);
        absorb(&mut b, from_a);
        assert_eq!(a.record(&id).map(|r| r.text("city")), Some("Milan".into()));
        assert_eq!(a.record(&id), b.record(&id));
        assert_eq!(a.record(&id).map(|r| r.history("city").len()), Some(2));
    }

    #[test]
    fn absorbing_what_this_tab_already_has_changes_nothing() {
        let (mut a, _, id, _) = two_tabs();
        let batch = update(&mut a, &id, "city", "Paris", 10);
        let before = a.entities();
        assert!(absorb(&mut a, batch).is_empty());
        assert_eq!(a.entities(), before);
    }
}
