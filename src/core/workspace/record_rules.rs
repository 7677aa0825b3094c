//! Rules a new record follows beyond validating each value.
//!
//! - Deduplication by record id: an import may carry a `hs_object_id` column. If it names a
//!   live record of the same object, the create is a duplicate of that record and is
//!   refused with its id ([`FieldProblem::Duplicate`]), exactly like a duplicate email or
//!   domain, so the importer can update the existing record instead. An id that was merged
//!   away stands for the record it was merged into. Any other id is left out: the new
//!   record always gets an id of its own, as ids must never collide.
//! - The activity timestamp: an activity created without one happened now.

use std::borrow::Cow;

use super::Workspace;
use crate::core::command::{Context, FieldError, FieldProblem, Input};
use crate::core::id::RecordId;
use crate::core::record::Record;
use crate::core::schema::{ObjectDef, ObjectKind, ACTIVITY_TIMESTAMP, RECORD_ID};
use crate::core::value::Value;

impl Workspace {
    /// Splits the record id out of a create's values: the values to write, and the
    /// duplicate the id reveals, if any.
    pub(super) fn claim_record_id<'a>(&self, object: &str, values: &'a [Input]) -> (Cow<'a, [Input]>, Vec<FieldError>) {
        if !values.iter().any(|(name, _)| name == RECORD_ID) {
            return (Cow::Borrowed(values), Vec::new());
        }
        let mut errors = Vec::new();
        let mut rest = Vec::with_capacity(values.len());
        for (name, raw) in values {
            if name != RECORD_ID {
                rest.push((name.clone(), raw.clone()));
                continue;
            }
            // Ids are upper-case base 32; people retyping one may not be.
            // An id merged away names the record it was merged into.
            let id = RecordId::from(raw.trim().to_ascii_uppercase());
            let id = self.resolve(&id);
            if self.record(id).is_some_and(|r| r.object == object) {
                errors.push(FieldError { property: name.clone(), problem: FieldProblem::Duplicate(id.clone()) });
            }
        }
        (Cow::Owned(rest), errors)
    }
}

/// Fills what a new record has without being given it.
pub(super) fn fill_new_record(def: &ObjectDef, record: &mut Record, ctx: &Context) {
    let is_activity = def.kind == ObjectKind::Activity && def.property(ACTIVITY_TIMESTAMP).is_some();
    if is_activity && record.get(ACTIVITY_TIMESTAMP).is_none() {
        record.set(ACTIVITY_TIMESTAMP, Some(Value::Text(ctx.now.to_iso())), ctx.now, ctx.source);
    }
}

#[cfg(test)]
mod tests;
