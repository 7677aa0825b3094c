//! The in-memory workspace and its command path.
//!
//! [`Workspace::execute`] is the only way the app changes data: it validates a command,
//! applies it, records history and returns a [`Commit`] of before/after entities. Loading and
//! reverting go through [`Workspace::put`], the low-level primitive that keeps the indexes
//! (unique values, record numbers, search tokens, board stage totals, query columns) in
//! step with the records (the unique-value, search and association indexes once built: they
//! are built on first use), and counts the writes that tell undo whether its log is still current.
//!
//! Beyond validating each value, a record write resolves owner references (`owners`),
//! deduplicates by record id and timestamps new activities (`record_rules`), and
//! recomputes formula properties ([`super::calculate::refresh`]).
//!
//! Associations live in an adjacency index kept by `put` as well; the commands that link,
//! bin, restore and merge records (in the submodules) never leave an edge whose end is gone.
//!
//! Architecture invariant: a command that returns an error leaves the workspace unchanged.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use super::association::{default_associations, Associations};
use super::board::StageTotalsIndex;
use super::calculate;
use super::change::{Binned, Change, Commit, Entity, EntityKey, Redirect};
use super::command::{Command, CommandError, Context, FieldError, FieldProblem, Input};
use super::id::{IdGen, IdMap, RecordId};
use super::owner::Owners;
use super::pipeline::Pipelines;
use super::prop_key::PropKey;
use super::query::ColumnIndex;
use super::record::Record;
use super::schema::{ObjectDef, Schema};
use super::search::SearchIndex;
use super::validate::normalize;
use super::value::Value;
use super::workflow::Automation;

/// Days a deleted record stays restorable.
pub const BIN_RETENTION_DAYS: i64 = 90;

pub struct Workspace {
    schema: Schema,
    records: RecordMap,
    bin: IdMap<Binned>,
    ids: IdGen,
    /// Highest record number used per object.
    numbers: HashMap<String, u64>,
    /// Which record holds each value of a unique property. Built on first use (see
    /// [`Workspace::warm_indexes`]), then kept current by `put`.
    unique: OnceLock<UniqueIndex>,
    owners: Owners,
    associations: Associations,
    /// Merged-away record → the record it was merged into.
    redirects: IdMap<RecordId>,
    undo: undo::UndoLog,
    /// Built on first use like `unique`: a cold start paints the first table without it.
    search: OnceLock<SearchIndex>,
    stage_totals: StageTotalsIndex,
    pipelines: Pipelines,
    /// Built by queries on first use (hence the lock), then kept current by `put`.
    columns: Mutex<ColumnIndex>,
    /// Saved views and segments.
    lists: lists::Lists,
    /// Workflows, enrollments, outbox and notifications.
    automation: Automation,
}

impl Workspace {
    pub fn new(schema: Schema, ids: IdGen) -> Self {
        Workspace {
            schema,
            records: RecordMap::default(),
            bin: IdMap::default(),
            ids,
            numbers: HashMap::new(),
            unique: OnceLock::new(),
            owners: Owners::new(),
            associations: Associations::new(default_associations()),
            redirects: IdMap::default(),
            undo: undo::UndoLog::default(),
            search: OnceLock::new(),
            stage_totals: StageTotalsIndex::default(),
            pipelines: Pipelines::default(),
            columns: Mutex::default(),
            lists: lists::Lists::default(),
            automation: Automation::default(),
        }
    }

    /// Replaces the id generator, once the edge knows this device's stored id.
    pub fn set_id_gen(&mut self, ids: IdGen) {
        self.ids = ids;
    }

    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// The text-search index; see [`crate::core::search::search`]. Built from the records
    /// on first use.
    pub fn search_index(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::build(&self.schema, self.records.values()))
    }

    fn unique_index(&self) -> &UniqueIndex {
        self.unique.get_or_init(|| UniqueIndex::build(&self.schema, self.records.values()))
    }

    /// Builds the indexes that loading leaves for later (search, unique values, the
    /// association adjacency), so that the first search, edit or record page after start-up
    /// does not pay for them. Nothing visible changes.
    pub fn warm_indexes(&self) {
        while self.warm_next() {}
    }

    /// Builds the next index [`Workspace::warm_indexes`] would build; `false` once all are
    /// built. The app builds one per task, so the page stays responsive in between.
    pub fn warm_next(&self) -> bool {
        if self.search.get().is_none() {
            self.search_index();
        } else if self.unique.get().is_none() {
            self.unique_index();
        } else if !self.associations.is_warm() {
            self.associations.warm();
        } else {
            return false;
        }
        true
    }

    /// Makes room for `records` more records and `edges` more links, before a load inserts
    /// them one by one.
    pub fn reserve(&mut self, records: usize, edges: usize) {
        self.records.reserve(records);
        self.associations.reserve(edges);
    }

    /// Running per-stage totals; see [`crate::core::board::board_totals`].
    pub fn stage_totals(&self) -> &StageTotalsIndex {
        &self.stage_totals
    }

    /// Column indexes for queries; see [`crate::core::query::run`].
    pub fn columns(&self) -> &Mutex<ColumnIndex> {
        &self.columns
    }

    pub fn record(&self, id: &RecordId) -> Option<&Record> {
        self.records.get(id)
    }

    pub fn records(&self) -> impl Iterator<Item = &Record> {
        self.records.values()
    }

    pub fn records_of<'a>(&'a self, object: &'a str) -> impl Iterator<Item = &'a Record> + 'a {
        self.records.values().filter(move |r| r.object == object)
    }

    pub fn binned(&self) -> impl Iterator<Item = &Binned> {
        self.bin.values()
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Every stored entity, in a stable order: what a snapshot writes.
    pub fn entities(&self) -> Vec<Entity> {
        self.entity_refs().iter().map(EntityRef::to_entity).collect()
    }

    /// The stored entity at `key`, as [`Workspace::entities`] lists it.
    pub fn entity(&self, key: &EntityKey) -> Option<Entity> {
        match key {
            EntityKey::Record(id) => self.records.get(id).cloned().map(Entity::Record),
            EntityKey::Binned(id) => self.bin.get(id).cloned().map(Entity::Binned),
            EntityKey::Schema => Some(Entity::Schema(self.schema.clone())),
            EntityKey::Owner(id) => self.owners.get(id).cloned().map(Entity::Owner),
            EntityKey::Edge(x, y) => self.associations.edge(x, y).cloned().map(Entity::Edge),
            EntityKey::Redirect(from) => self.redirects.get(from).map(|to| Entity::Redirect(Redirect { from: from.clone(), to: to.clone() })),
            EntityKey::AssociationDefs => Some(Entity::AssociationDefs(self.associations.defs().clone())),
            EntityKey::Unlinked(x, y) => self.associations.unlinked(x, y).cloned().map(Entity::Unlinked),
            EntityKey::View(id) => self.view(id).cloned().map(Entity::View),
            EntityKey::Segment(id) => self.segment(id).cloned().map(Entity::Segment),
            EntityKey::Pipeline(id) => self.pipelines.all().find(|p| &p.id == id).cloned().map(Entity::Pipeline),
            EntityKey::Workflow(id) => self.automation.workflow(id).cloned().map(Entity::Workflow),
            EntityKey::Enrollment(id) => self.automation.enrollment(id).cloned().map(Entity::Enrollment),
            EntityKey::Outbox(id) => self.automation.email(id).cloned().map(Entity::Outbox),
            EntityKey::Notification(id) => self.automation.notification(id).cloned().map(Entity::Notification),
        }
    }

    /// Runs one command. On error nothing has changed.
    pub fn execute(&mut self, command: Command, ctx: &Context) -> Result<Commit, CommandError> {
        let (effect, mark) = (undo::Effect::of(&command, ctx), self.undo.mark());
        let commit = self.run(command, ctx)?;
        self.undo.record(effect, &commit, mark);
        Ok(commit)
    }

    fn run(&mut self, command: Command, ctx: &Context) -> Result<Commit, CommandError> {
        let (changes, subject) = match command {
            Command::CreateRecord { object, values } => {
                let record = self.plan_create(&object, &values, ctx)?;
                let id = record.id.clone();
                (vec![Change { key: EntityKey::Record(id.clone()), before: None, after: Some(Entity::Record(record)) }], id)
            }
            Command::UpdateRecord { id, values } => {
                let before = self.records.get(&id).ok_or_else(|| CommandError::NotFound(id.clone()))?;
                let after = self.plan_update(before, &values, ctx)?;
                // The record `put` replaces is the before: no copy of it is needed.
                let before = self.swap_record(id.clone(), Some(after.clone())).map(Entity::Record);
                let change = Change { key: EntityKey::Record(id.clone()), before, after: Some(Entity::Record(after)) };
                return Ok(Commit { changes: vec![change], subject: Some(id) });
            }
            Command::DeleteRecord { id } => (self.plan_delete(&id, ctx)?, id),
            Command::RestoreRecord { id } => (self.plan_restore(&id)?, id),
            Command::Associate { from, to, labels } => (self.plan_associate(&from, &to, &labels, false, ctx.now)?, from),
            Command::SetAssociationLabels { from, to, labels } => (self.plan_associate(&from, &to, &labels, true, ctx.now)?, from),
            Command::Unassociate { from, to } => (self.plan_unassociate(&from, &to, ctx.now)?, from),
            Command::MergeRecords { primary, secondary } => (self.plan_merge(&primary, &secondary, ctx)?, primary),
            Command::DefineAssociation(def) => return Ok(self.apply(self.plan_define(def)?, None)),
            Command::PurgeBin => return Ok(self.apply(self.plan_purge(ctx.now), None)),
            Command::LoadSample { seed } => return Ok(self.apply(self.plan_load_sample(seed, ctx.now), None)),
            Command::Undo => {
                let (changes, subject) = self.plan_undo()?;
                return Ok(self.apply(changes, subject));
            }
            Command::EditSchema(edit) => return self.edit_schema(&edit, ctx),
            Command::EditOwner(edit) => return self.edit_owner(&edit, ctx),
            Command::EditView(edit) => return self.edit_view(edit, ctx),
            Command::EditSegment(edit) => return self.edit_segment(edit, ctx),
            Command::UpdateRecords { ids, values } => return self.update_records(&ids, &values, ctx),
            Command::EditPipeline(edit) => return self.edit_pipeline(&edit, ctx),
            Command::Automation(command) => return self.automate(command, ctx),
        };
        Ok(self.apply(changes, Some(subject)))
    }

    fn apply(&mut self, changes: Vec<Change>, subject: Option<RecordId>) -> Commit {
        for change in &changes {
            self.put(change.key.clone(), change.after.clone());
        }
        Commit { changes, subject }
    }

    /// Undoes a commit that storage could not persist.
    pub fn revert(&mut self, commit: &Commit) {
        let was_last = self.undo.is_last(commit);
        for change in commit.changes.iter().rev() {
            self.put(change.key.clone(), change.before.clone());
        }
        if was_last {
            self.undo.drop_last();
        }
    }

    /// Sets or removes one entity, keeping the indexes true. Used by load, revert and sync.
    pub fn put(&mut self, key: EntityKey, entity: Option<Entity>) {
        self.undo.note_write();
        match key {
            EntityKey::Record(id) => {
                let new = match entity {
                    Some(Entity::Record(record)) => Some(record),
                    _ => None,
                };
                self.replace_record(id, new);
            }
            EntityKey::Binned(id) => {
                self.bin.remove(&id);
                if let Some(Entity::Binned(binned)) = entity {
                    let number = self.numbers.entry(binned.record.object.to_string()).or_default();
                    *number = (*number).max(binned.record.number);
                    self.bin.insert(id, binned);
                }
            }
            EntityKey::Schema => {
                if let Some(Entity::Schema(schema)) = entity {
                    self.schema = schema;
                    // Both depend on the schema (unique and searchable properties): rebuilt
                    // from the records on next use.
                    self.unique = OnceLock::new();
                    self.search = OnceLock::new();
                    self.columns.get_mut().unwrap_or_else(PoisonError::into_inner).clear();
                }
            }
            EntityKey::Owner(id) => {
                self.owners.remove(&id);
                if let Some(Entity::Owner(owner)) = entity {
                    self.owners.insert(id, owner);
                }
            }
            EntityKey::Edge(x, y) => {
                let columns = self.columns.get_mut().unwrap_or_else(PoisonError::into_inner);
                let old = match entity {
                    Some(Entity::Edge(edge)) => {
                        columns.links_changed(&edge.a_object, &edge.b_object);
                        self.associations.insert(edge)
                    }
                    _ => self.associations.remove(&x, &y),
                };
                if let Some(old) = old {
                    columns.links_changed(&old.a_object, &old.b_object);
                }
            }
            EntityKey::Redirect(from) => {
                self.redirects.remove(&from);
                if let Some(Entity::Redirect(redirect)) = entity {
                    self.redirects.insert(from, redirect.to);
                }
            }
            EntityKey::AssociationDefs => {
                if let Some(Entity::AssociationDefs(defs)) = entity {
                    self.associations.set_defs(defs);
                }
            }
            EntityKey::Unlinked(x, y) => {
                let unlinked = match entity {
                    Some(Entity::Unlinked(u)) => Some(u),
                    _ => None,
                };
                self.associations.set_unlinked((x, y), unlinked);
            }
            key @ (EntityKey::View(_) | EntityKey::Segment(_)) => self.lists.put(key, entity),
            EntityKey::Pipeline(id) => {
                let pipeline = match entity {
                    Some(Entity::Pipeline(pipeline)) => Some(pipeline),
                    _ => None,
                };
                self.pipelines.put(id, pipeline);
            }
            key @ (EntityKey::Workflow(_) | EntityKey::Enrollment(_) | EntityKey::Outbox(_) | EntityKey::Notification(_)) => {
                self.automation.put(key, entity);
            }
        }
    }

    /// `put` of a record that hands back the record it replaced.
    fn swap_record(&mut self, id: RecordId, new: Option<Record>) -> Option<Record> {
        self.undo.note_write();
        self.replace_record(id, new)
    }

    fn replace_record(&mut self, id: RecordId, new: Option<Record>) -> Option<Record> {
        let old = self.records.remove(&id);
        // An index not built yet has nothing to update: it is built from the records later.
        if let Some(unique) = self.unique.get_mut() {
            unique.replace(&self.schema, old.as_ref(), new.as_ref());
        }
        if let Some(search) = self.search.get_mut() {
            search.replace(&self.schema, old.as_ref(), new.as_ref());
        }
        self.stage_totals.replace(old.as_ref(), new.as_ref());
        self.columns.get_mut().unwrap_or_else(PoisonError::into_inner).replace(old.as_ref(), new.as_ref());
        if let Some(record) = new {
            self.note_number(&record);
            // Stored under its own id, which is the key's: changes are keyed by it.
            self.records.insert(record);
        }
        old
    }

    fn object(&self, name: &str) -> Result<&ObjectDef, CommandError> {
        self.schema.object(name).filter(|o| o.enabled).ok_or_else(|| CommandError::UnknownObject(name.to_string()))
    }

    fn plan_create(&mut self, object: &str, values: &[Input], ctx: &Context) -> Result<Record, CommandError> {
        let def = self.object(object)?;
        let number = self.numbers.get(object).copied().unwrap_or(0) + 1;
        let mut record = Record::new(RecordId::default(), object, number, ctx.now);
        let (values, mut errors) = self.claim_record_id(object, values);
        errors.extend(write_values(def, &mut record, &values, ctx, &self.owners));
        fill_new_record(def, &mut record, ctx);
        calculate::refresh(def, &mut record, ctx.now, ctx.source);
        for p in def.properties.iter().filter(|p| p.required) {
            if record.get(&p.name).is_none() && !errors.iter().any(|e| e.property == p.name) {
                errors.push(FieldError { property: p.name.clone(), problem: FieldProblem::Required });
            }
        }
        errors.extend(self.unique_conflicts(&record, None));
        if !errors.is_empty() {
            return Err(CommandError::Fields(errors));
        }
        self.check_pipeline(None, &mut record, ctx)?;
        record.id = self.ids.next(ctx.now);
        Ok(record)
    }

    fn plan_update(&self, before: &Record, values: &[Input], ctx: &Context) -> Result<Record, CommandError> {
        let def = self.object(&before.object)?;
        let mut record = before.clone();
        let mut errors = write_values(def, &mut record, values, ctx, &self.owners);
        calculate::refresh(def, &mut record, ctx.now, ctx.source);
        for p in def.properties.iter().filter(|p| p.required) {
            if record.get(&p.name).is_none() && values.iter().any(|(name, _)| name == &p.name) {
                errors.push(FieldError { property: p.name.clone(), problem: FieldProblem::Required });
            }
        }
        errors.extend(self.unique_conflicts(&record, Some(&before.id)));
        if !errors.is_empty() {
            return Err(CommandError::Fields(errors));
        }
        self.check_pipeline(Some(before), &mut record, ctx)?;
        Ok(record)
    }

    fn check_unique(&self, record: &Record, own: &RecordId) -> Result<(), CommandError> {
        let errors = self.unique_conflicts(record, Some(own));
        if errors.is_empty() {
            Ok(())
        } else {
            Err(CommandError::Fields(errors))
        }
    }

    fn unique_conflicts(&self, record: &Record, own: Option<&RecordId>) -> Vec<FieldError> {
        let Some(def) = self.schema.object(&record.object) else { return Vec::new() };
        def.properties
            .iter()
            .filter(|p| p.unique)
            .filter_map(|p| {
                let holder = self.unique_index().holder(&record.object, PropKey::find(&p.name)?, record.get(&p.name)?)?;
                (Some(holder) != own).then(|| FieldError { property: p.name.clone(), problem: FieldProblem::Duplicate(holder.clone()) })
            })
            .collect()
    }

    /// The record that holds a unique value, e.g. the contact with an email.
    pub fn find_unique(&self, object: &str, property: &str, value: &Value) -> Option<&Record> {
        let id = self.unique_index().holder(object, PropKey::find(property)?, value)?;
        self.records.get(id)
    }

    /// Counts `record` for its object's record numbers (the next record gets a higher one).
    pub(crate) fn note_number(&mut self, record: &Record) {
        match self.numbers.get_mut(&*record.object) {
            Some(number) => *number = (*number).max(record.number),
            None => {
                self.numbers.insert(record.object.to_string(), record.number);
            }
        }
    }
}

/// Validates and writes raw inputs onto a record, collecting every field's problem.
fn write_values(def: &ObjectDef, record: &mut Record, values: &[Input], ctx: &Context, owners: &Owners) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (name, raw) in values {
        let Some(property) = def.property(name) else {
            errors.push(FieldError { property: name.clone(), problem: FieldProblem::UnknownProperty });
            continue;
        };
        match normalize(property, raw).map_err(FieldProblem::Invalid).and_then(|value| owner_reference(owners, property, value, record)) {
            Ok(value) => {
                record.set(name, value, ctx.now, ctx.source);
            }
            Err(problem) => errors.push(FieldError { property: name.clone(), problem }),
        }
    }
    errors
}

pub use entity_refs::{Borrowed, EntityRef};

mod associate;
mod automation;
mod bin;
mod bulk;
mod entity_refs;
mod lists;
mod load_sample;
mod merge;
mod owners;
mod pipelines;
mod record_map;
mod record_rules;
mod schema_edit;
mod undo;
mod unique;

pub use merge::MergePreview;
pub use undo::UNDO_DEPTH;

#[cfg(test)]
pub(crate) mod fixtures;
// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod value_proptests;
#[cfg(test)]
mod tests;

use owners::owner_reference;
use record_map::RecordMap;
use record_rules::fill_new_record;
use unique::UniqueIndex;
use unique::unique_key;
