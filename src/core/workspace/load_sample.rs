//! Loading the demo sample as one command, so it is one commit: one storage transaction and
//! one undo step, like any other write.
//!
//! Sample ids are deterministic, so a second load finds its records already there and adds
//! nothing. A sample record whose unique value (email, domain) a user's record already holds
//! is left out with its links, so loading never breaks the unique index.

use std::collections::HashSet;

use super::Workspace;
use crate::core::change::{Change, Entity, EntityKey};
use crate::core::id::RecordId;
use crate::core::sample::{generate, SampleSize};
use crate::core::time::Millis;

impl Workspace {
    pub(super) fn plan_load_sample(&self, seed: u64, now: Millis) -> Vec<Change> {
        let sample = generate(&self.schema, seed, SampleSize::DEMO, now);
        let edges = sample.edges(self.associations.defs());
        let mut taken: HashSet<String> = HashSet::new();
        let mut kept: HashSet<RecordId> = HashSet::new();
        let mut changes = Vec::with_capacity(sample.records.len() + edges.len());
        for record in sample.records {
            let exists = self.records.contains_key(&record.id) || self.bin.contains_key(&record.id);
            if exists || !self.unique_conflicts(&record, None).is_empty() {
                continue;
            }
            // Unique values within the sample itself are distinct by construction; this guards
            // against a schema whose unique properties the generator does not know of.
            let keys: Vec<String> = super::unique::unique_values(&self.schema, &record)
                .filter_map(|(p, v)| Some(format!("{}\u{1f}{}\u{1f}{}", record.object, p.name(), super::unique::unique_key(v)?)))
                .collect();
            if keys.iter().any(|k| taken.contains(k)) {
                continue;
            }
            taken.extend(keys);
            kept.insert(record.id.clone());
            changes.push(Change { key: EntityKey::Record(record.id.clone()), before: None, after: Some(Entity::Record(record)) });
        }
        for edge in edges {
            let (a, b) = edge.key();
            if kept.contains(&a) && kept.contains(&b) {
                changes.push(Change { key: EntityKey::Edge(a, b), before: None, after: Some(Entity::Edge(edge)) });
            }
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use crate::core::command::{Command, Context};
    use crate::core::id::IdGen;
    use crate::core::schema::default_schema;
    use crate::core::time::Millis;
    use crate::core::workspace::Workspace;

    fn ws() -> Workspace {
        Workspace::new(default_schema(), IdGen::new(7, 0))
    }

    const NOW: Millis = Millis(1_750_000_000_000);

    #[test]
    fn loading_the_sample_is_one_commit_of_records_and_links() {
        let mut ws = ws();
        let commit = ws.execute(Command::LoadSample { seed: 1 }, &Context::user(NOW)).expect("loads");
        assert!(ws.records_of("contacts").count() >= 200);
        assert!(ws.records_of("companies").count() >= 30);
        assert_eq!(commit.changes.len(), ws.len() + ws.associations().edges().count());
    }

    #[test]
    fn loading_twice_adds_nothing_and_undo_removes_the_sample() {
        let mut ws = ws();
        ws.execute(Command::LoadSample { seed: 1 }, &Context::user(NOW)).expect("loads");
        let n = ws.len();
        let again = ws.execute(Command::LoadSample { seed: 1 }, &Context::user(NOW)).expect("loads");
        assert!(again.changes.is_empty());
        assert_eq!(ws.len(), n);
        ws.execute(Command::Undo, &Context::user(NOW)).expect("undoes");
        assert_eq!(ws.len(), 0);
        assert_eq!(ws.associations().edges().count(), 0);
    }

    #[test]
    fn a_sample_contact_clashing_with_a_users_email_is_left_out() {
        let mut ws = ws();
        let mut probe = ws_probe();
        probe.execute(Command::LoadSample { seed: 1 }, &Context::user(NOW)).expect("loads");
        let email = probe.records_of("contacts").find_map(|r| r.get("email").map(|v| v.display())).expect("a sample email");
        let mine = Command::CreateRecord { object: "contacts".into(), values: vec![("email".into(), email.clone())] };
        ws.execute(mine, &Context::user(NOW)).expect("creates");
        ws.execute(Command::LoadSample { seed: 1 }, &Context::user(NOW)).expect("loads");
        let holders = ws.records_of("contacts").filter(|r| r.text("email") == email).count();
        assert_eq!(holders, 1);
        assert_eq!(ws.records_of("contacts").count(), probe.records_of("contacts").count());
    }

    fn ws_probe() -> Workspace {
        ws()
    }
}
