//! Running a compiled query on the column indexes.
//!
//! Each condition becomes a truth table over its column's distinct values, so no value is
//! tested or folded more than once per query. Inside a group the most selective condition
//! (fewest records estimated from the dictionary's use counts) is checked first, so most
//! records are rejected by one array read. Sorting ranks the sort column's distinct values
//! once; the page is then cut from the matching slots by a partial selection on
//! (rank, newest first, id), which is exactly the order of [`super::order::page`].

use std::collections::HashSet;
use std::sync::PoisonError;

use super::columns::{Column, ObjectColumns, UNSET};
use super::compile::{CompiledFilter, Test};
use super::order::{cut, SortSpec};
use super::{Page, Results};
use crate::core::calculate;
use crate::core::pipeline::{properties_of, stage_history_value, HistoryField};
use crate::core::time::Millis;
use crate::core::prop_key::PropKey;
use crate::core::id::RecordId;
use crate::core::workspace::Workspace;

/// One condition as a table: `table[code]` says whether the value with that code passes.
struct Table<'c> {
    column: &'c Column,
    table: Vec<bool>,
}

impl Table<'_> {
    fn new<'c>(column: &'c Column, test: &Test, records: usize) -> (Table<'c>, usize) {
        let mut scratch = String::new();
        let table: Vec<bool> = column.values().map(|(_, value)| test.holds(value, &mut scratch)).collect();
        // Unset slots are not counted by the dictionary: they are whatever is left.
        let used: usize = (1..column.code_count() as u32).map(|c| column.uses(c) as usize).sum();
        let mut estimate: usize = table.iter().enumerate().filter(|(_, t)| **t).map(|(c, _)| column.uses(c as u32) as usize).sum();
        if table.first().copied().unwrap_or(false) {
            estimate += records.saturating_sub(used);
        }
        (Table { column, table }, estimate)
    }

    fn passes(&self, slot: u32) -> bool {
        self.table.get(self.column.code(slot) as usize).copied().unwrap_or(false)
    }
}

/// One condition ready to check on a slot.
enum Check<'c> {
    Value(Table<'c>),
    /// Segment membership: the slot's record id in the set, or with `negate` not in it.
    Member { ids: &'c HashSet<RecordId>, negate: bool },
}

impl Check<'_> {
    fn passes(&self, columns: &ObjectColumns, slot: u32) -> bool {
        match self {
            Check::Value(table) => table.passes(slot),
            Check::Member { ids, negate } => columns.id(slot).is_some_and(|id| ids.contains(id)) != *negate,
        }
    }
}

/// The slots of `columns` that match the filter.
fn matching(columns: &ObjectColumns, filter: &CompiledFilter) -> Vec<u32> {
    let mut groups: Vec<Vec<Check>> = Vec::new();
    for group in filter.groups() {
        let mut checks: Vec<(Check, usize)> = Vec::with_capacity(group.len());
        for (key, test) in group {
            if let Some((ids, negate)) = test.members() {
                let estimate = if negate { columns.len().saturating_sub(ids.len()) } else { ids.len() };
                checks.push((Check::Member { ids, negate }, estimate));
                continue;
            }
            // `prepare` made every column; a missing one would mean no record is matched.
            let Some(column) = columns.column(key) else { return Vec::new() };
            let (table, estimate) = Table::new(column, test, columns.len());
            checks.push((Check::Value(table), estimate));
        }
        checks.sort_by_key(|(_, estimate)| *estimate);
        groups.push(checks.into_iter().map(|(c, _)| c).collect());
    }
    columns.live_slots().filter(|&slot| groups.is_empty() || groups.iter().any(|g| g.iter().all(|c| c.passes(columns, slot)))).collect()
}

/// Runs a compiled filter and sort on `object`'s columns, building any that are missing.
pub fn run<'a>(ws: &'a Workspace, object: &str, filter: &CompiledFilter, sort: Option<&SortSpec>, page: Page, now: Millis) -> Results<'a> {
    let mut keys: Vec<_> = filter.keys().collect();
    keys.extend(sort.map(SortSpec::key));
    let mut index = ws.columns().lock().unwrap_or_else(PoisonError::into_inner);
    let rollups: Vec<_> = ws.schema().object(object).map(|def| calculate::rollup_properties(def).filter(|(p, _, _)| keys.contains(&PropKey::of(&p.name))).collect()).unwrap_or_default();
    keys.retain(|k| !rollups.iter().any(|(p, _, _)| PropKey::of(&p.name) == *k));
    let stored = |k: &PropKey| ws.schema().object(object).is_some_and(|def| def.property(k.name()).is_some());
    let history: Vec<PropKey> = keys.iter().copied().filter(|k| !stored(k) && HistoryField::parse(k.name()).is_some()).collect();
    keys.retain(|k| !history.contains(k));
    index.prepare(object, &keys, || ws.records_of(object));
    if let Some(columns) = index.object_mut(object) {
        // Rollups are not stored on records: their columns are computed from the links.
        for (property, rule, output) in rollups {
            let key = PropKey::of(&property.name);
            if !columns.has_derived(key) {
                let reads = rule.aggregate.property().map(PropKey::of);
                columns.add_derived(key, &rule.object, reads, |id| ws.rollup_value(id, rule, output));
            }
        }
    }
    if let Some(columns) = index.object_mut(object) {
        // Stage history is read from each record's stage property: dates are kept until a
        // stage changes; times in stage grow with the clock, so they are read again.
        let stage = PropKey::of(properties_of(object).1);
        for key in history {
            let clocked = HistoryField::parse(key.name()).is_some_and(|f| f.follows_the_clock());
            if clocked || !columns.has_derived(key) {
                columns.add_derived(key, object, Some(stage), |id| ws.record(id).and_then(|r| stage_history_value(r, key.name(), now)));
            }
        }
    }
    let Some(columns) = index.object(object) else { return Results { records: Vec::new(), total: 0 } };
    let slots = matching(columns, filter);
    let total = slots.len();
    let sort_column = sort.and_then(|s| columns.column(s.key()).map(|c| (s, c)));
    let ranks = sort_column.map(|(spec, column)| spec.ranks(column.values())).unwrap_or_default();
    let rank = |slot: u32| match sort_column {
        Some((_, column)) => ranks.get(column.code(slot) as usize).copied().unwrap_or(u32::MAX),
        None => ranks.get(UNSET as usize).copied().unwrap_or(0),
    };
    let keyed: Vec<(u32, u32)> = slots.into_iter().map(|slot| (rank(slot), slot)).collect();
    let cmp = |a: &(u32, u32), b: &(u32, u32)| {
        a.0.cmp(&b.0)
            .then_with(|| columns.created(b.1).cmp(&columns.created(a.1)))
            .then_with(|| columns.id(b.1).cmp(&columns.id(a.1)))
    };
    let records = cut(keyed, page, cmp).into_iter().filter_map(|(_, slot)| columns.id(slot).and_then(|id| ws.record(id))).collect();
    Results { records, total }
}
