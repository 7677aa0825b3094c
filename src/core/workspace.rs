//! The in-memory workspace and its command path.
//!
//! [`Workspace::execute`] is the only way the app changes data: it validates a command,
//! applies it, records history and returns a [`Commit`] of before/after entities. Loading and
//! reverting go through [`Workspace::put`], the low-level primitive that keeps the indexes
//! (unique values, record numbers) in step with the records.
//!
//! Architecture invariant: a command that returns an error leaves the workspace unchanged.

use std::collections::HashMap;

use super::board::StageTotalsIndex;
use super::change::{Binned, Change, Commit, Entity, EntityKey};
use super::command::{Command, CommandError, Context, FieldError, FieldProblem, Input};
use super::id::{IdGen, RecordId};
use super::record::Record;
use super::schema::{ObjectDef, Schema};
use super::search::SearchIndex;
use super::validate::normalize;
use super::value::Value;

/// Days a deleted record stays restorable.
pub const BIN_RETENTION_DAYS: i64 = 90;

pub struct Workspace {
    schema: Schema,
    records: HashMap<RecordId, Record>,
    bin: HashMap<RecordId, Binned>,
    ids: IdGen,
    /// Highest record number used per object.
    numbers: HashMap<String, u64>,
    /// (object, property, value key) → record holding that unique value.
    unique: HashMap<(String, String, String), RecordId>,
    search: SearchIndex,
    stage_totals: StageTotalsIndex,
}

impl Workspace {
    pub fn new(schema: Schema, ids: IdGen) -> Self {
        Workspace { schema, records: HashMap::new(), bin: HashMap::new(), ids, numbers: HashMap::new(), unique: HashMap::new(), search: Default::default(), stage_totals: Default::default() }
    }

    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// The text-search index; see [`crate::core::search::search`].
    pub fn search_index(&self) -> &SearchIndex {
        &self.search
    }

    /// Running per-stage totals; see [`crate::core::board::board_totals`].
    pub fn stage_totals(&self) -> &StageTotalsIndex {
        &self.stage_totals
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
        let mut out = vec![Entity::Schema(self.schema.clone())];
        let mut records: Vec<&Record> = self.records.values().collect();
        records.sort_by(|a, b| a.id.cmp(&b.id));
        out.extend(records.into_iter().cloned().map(Entity::Record));
        let mut binned: Vec<&Binned> = self.bin.values().collect();
        binned.sort_by(|a, b| a.record.id.cmp(&b.record.id));
        out.extend(binned.into_iter().cloned().map(Entity::Binned));
        out
    }

    /// Runs one command. On error nothing has changed.
    pub fn execute(&mut self, command: Command, ctx: &Context) -> Result<Commit, CommandError> {
        let (changes, subject) = match command {
            Command::CreateRecord { object, values } => {
                let record = self.plan_create(&object, &values, ctx)?;
                let id = record.id.clone();
                (vec![Change { key: EntityKey::Record(id.clone()), before: None, after: Some(Entity::Record(record)) }], id)
            }
            Command::UpdateRecord { id, values } => {
                let before = self.records.get(&id).ok_or_else(|| CommandError::NotFound(id.clone()))?;
                let after = self.plan_update(before, &values, ctx)?;
                let change = Change { key: EntityKey::Record(id.clone()), before: Some(Entity::Record(before.clone())), after: Some(Entity::Record(after)) };
                (vec![change], id)
            }
            Command::DeleteRecord { id } => {
                let record = self.records.get(&id).ok_or_else(|| CommandError::NotFound(id.clone()))?;
                let binned = Binned { record: record.clone(), deleted_at: ctx.now };
                let changes = vec![
                    Change { key: EntityKey::Record(id.clone()), before: Some(Entity::Record(record.clone())), after: None },
                    Change { key: EntityKey::Binned(id.clone()), before: None, after: Some(Entity::Binned(binned)) },
                ];
                (changes, id)
            }
            Command::RestoreRecord { id } => {
                let binned = self.bin.get(&id).ok_or_else(|| CommandError::NotFound(id.clone()))?;
                let record = binned.record.clone();
                self.check_unique(&record, &record.id)?;
                let changes = vec![
                    Change { key: EntityKey::Binned(id.clone()), before: Some(Entity::Binned(binned.clone())), after: None },
                    Change { key: EntityKey::Record(id.clone()), before: None, after: Some(Entity::Record(record)) },
                ];
                (changes, id)
            }
        };
        for change in &changes {
            self.put(change.key.clone(), change.after.clone());
        }
        Ok(Commit { changes, subject: Some(subject) })
    }

    /// Undoes a commit that storage could not persist.
    pub fn revert(&mut self, commit: &Commit) {
        for change in commit.changes.iter().rev() {
            self.put(change.key.clone(), change.before.clone());
        }
    }

    /// Sets or removes one entity, keeping the indexes true. Used by load, revert and sync.
    pub fn put(&mut self, key: EntityKey, entity: Option<Entity>) {
        match key {
            EntityKey::Record(id) => {
                let old = self.records.remove(&id);
                if let Some(old) = &old {
                    self.unindex(old);
                }
                let new = match entity {
                    Some(Entity::Record(record)) => Some(record),
                    _ => None,
                };
                self.search.replace(&self.schema, old.as_ref(), new.as_ref());
                self.stage_totals.replace(old.as_ref(), new.as_ref());
                if let Some(record) = new {
                    self.index(&record);
                    self.records.insert(id, record);
                }
            }
            EntityKey::Binned(id) => {
                self.bin.remove(&id);
                if let Some(Entity::Binned(binned)) = entity {
                    let number = self.numbers.entry(binned.record.object.clone()).or_default();
                    *number = (*number).max(binned.record.number);
                    self.bin.insert(id, binned);
                }
            }
            EntityKey::Schema => {
                if let Some(Entity::Schema(schema)) = entity {
                    self.schema = schema;
                    self.rebuild_unique_index();
                    self.search.rebuild(&self.schema, self.records.values());
                }
            }
        }
    }

    fn object(&self, name: &str) -> Result<&ObjectDef, CommandError> {
        self.schema.object(name).filter(|o| o.enabled).ok_or_else(|| CommandError::UnknownObject(name.to_string()))
    }

    fn plan_create(&mut self, object: &str, values: &[Input], ctx: &Context) -> Result<Record, CommandError> {
        let def = self.object(object)?;
        let number = self.numbers.get(object).copied().unwrap_or(0) + 1;
        let mut record = Record::new(RecordId(String::new()), object, number, ctx.now);
        let mut errors = write_values(def, &mut record, values, ctx);
        for p in def.properties.iter().filter(|p| p.required) {
            if record.get(&p.name).is_none() && !errors.iter().any(|e| e.property == p.name) {
                errors.push(FieldError { property: p.name.clone(), problem: FieldProblem::Required });
            }
        }
        errors.extend(self.unique_conflicts(&record, None));
        if !errors.is_empty() {
            return Err(CommandError::Fields(errors));
        }
        record.id = self.ids.next(ctx.now);
        Ok(record)
    }

    fn plan_update(&self, before: &Record, values: &[Input], ctx: &Context) -> Result<Record, CommandError> {
        let def = self.object(&before.object)?;
        let mut record = before.clone();
        let mut errors = write_values(def, &mut record, values, ctx);
        for p in def.properties.iter().filter(|p| p.required) {
            if record.get(&p.name).is_none() && values.iter().any(|(name, _)| name == &p.name) {
                errors.push(FieldError { property: p.name.clone(), problem: FieldProblem::Required });
            }
        }
        errors.extend(self.unique_conflicts(&record, Some(&before.id)));
        if errors.is_empty() {
            Ok(record)
        } else {
            Err(CommandError::Fields(errors))
        }
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
                let key = unique_key(record.get(&p.name)?)?;
                let holder = self.unique.get(&(record.object.clone(), p.name.clone(), key))?;
                (Some(holder) != own).then(|| FieldError { property: p.name.clone(), problem: FieldProblem::Duplicate(holder.clone()) })
            })
            .collect()
    }

    /// The record that holds a unique value, e.g. the contact with an email.
    pub fn find_unique(&self, object: &str, property: &str, value: &Value) -> Option<&Record> {
        let key = unique_key(value)?;
        let id = self.unique.get(&(object.to_string(), property.to_string(), key))?;
        self.records.get(id)
    }

    fn index(&mut self, record: &Record) {
        let number = self.numbers.entry(record.object.clone()).or_default();
        *number = (*number).max(record.number);
        for (property, key) in unique_values(&self.schema, record) {
            self.unique.insert((record.object.clone(), property, key), record.id.clone());
        }
    }

    fn unindex(&mut self, record: &Record) {
        for (property, key) in unique_values(&self.schema, record) {
            let slot = (record.object.clone(), property, key);
            if self.unique.get(&slot) == Some(&record.id) {
                self.unique.remove(&slot);
            }
        }
    }

    fn rebuild_unique_index(&mut self) {
        self.unique.clear();
        let records: Vec<Record> = self.records.values().cloned().collect();
        for record in &records {
            self.index(record);
        }
    }
}

/// Validates and writes raw inputs onto a record, collecting every field's problem.
fn write_values(def: &ObjectDef, record: &mut Record, values: &[Input], ctx: &Context) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (name, raw) in values {
        let Some(property) = def.property(name) else {
            errors.push(FieldError { property: name.clone(), problem: FieldProblem::UnknownProperty });
            continue;
        };
        match normalize(property, raw) {
            Ok(value) => {
                record.set(name, value, ctx.now, ctx.source);
            }
            Err(reason) => errors.push(FieldError { property: name.clone(), problem: FieldProblem::Invalid(reason) }),
        }
    }
    errors
}

/// The comparison key of a unique value: case-insensitive text.
fn unique_key(value: &Value) -> Option<String> {
    let text = value.display().trim().to_lowercase();
    (!text.is_empty()).then_some(text)
}

fn unique_values(schema: &Schema, record: &Record) -> Vec<(String, String)> {
    let Some(def) = schema.object(&record.object) else { return Vec::new() };
    def.properties
        .iter()
        .filter(|p| p.unique)
        .filter_map(|p| Some((p.name.clone(), unique_key(record.get(&p.name)?)?)))
        .collect()
}

#[cfg(test)]
mod tests;
