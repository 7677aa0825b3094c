//! Workflows, enrollments, outbox emails and notifications when two devices' data merge.
//!
//! Each is keyed by its id. When both sides hold one, the further-along copy wins: the
//! enrollment with the longer log (its steps already ran there), the email already sent,
//! the notification already read; otherwise the same rule as other entities (the smaller
//! JSON), so the merge is symmetric.

use std::collections::BTreeMap;

use crate::core::change::{Entity, EntityKey};

fn progress(entity: &Entity) -> usize {
    match entity {
        Entity::Enrollment(e) => e.log.len(),
        Entity::Outbox(o) => usize::from(o.sent_at.is_some()),
        Entity::Notification(n) => usize::from(n.read),
        _ => 0,
    }
}

fn is_automation(entity: &Entity) -> bool {
    matches!(entity, Entity::Workflow(_) | Entity::Enrollment(_) | Entity::Outbox(_) | Entity::Notification(_))
}

/// The merged automation entities of both sides, in key order.
pub fn merge_entities(ours: &[Entity], theirs: &[Entity]) -> Vec<Entity> {
    let mut out: BTreeMap<EntityKey, Entity> = BTreeMap::new();
    for entity in ours.iter().chain(theirs).filter(|e| is_automation(e)) {
        let key = entity.key();
        let keep = match out.get(&key) {
            None => true,
            Some(held) => {
                let json = |e: &Entity| serde_json::to_string(e).unwrap_or_default();
                (progress(entity), std::cmp::Reverse(json(entity))) > (progress(held), std::cmp::Reverse(json(held)))
            }
        };
        if keep {
            out.insert(key, entity.clone());
        }
    }
    out.into_values().collect()
}
