//! Turning CSV rows into records, all valid rows in one commit.
//!
//! Each row becomes a create. A create that collides with an existing record on a unique
//! value (a contact's email, a company's domain, the `Record ID` column or any property marked
//! unique) becomes an update of that record instead: that is how re-importing a file, or a
//! HubSpot export, updates rather than duplicates. Empty cells never clear a value.
//!
//! A row is all or nothing: if its record, its associated record or its link is refused, what
//! the row already did is reverted and the row is listed as a [`Problem`]. The commits of the
//! valid rows are folded into a single [`Commit`], so storage writes the import in one
//! transaction and a failed write reverts the whole import.
//!
//! Large files are imported in steps ([`ImportRun::step`]) so a browser can draw a progress
//! bar between them; [`import_table`] runs every step at once, and [`preview_import`] runs
//! them and reverts, which is the wizard's dry run.

use std::collections::{BTreeMap, HashMap};

use crate::core::change::{Change, Commit, EntityKey};
use crate::core::command::{Command, CommandError, Context, Input};
use crate::core::i18n::{field_problem, tr, Lang, Msg};
use crate::core::id::RecordId;
use crate::core::record::Source;
use crate::core::schema::{PropertyDef, PropertyType, SchemaEdit, RECORD_ID};
use crate::core::value::Value;
use crate::core::workspace::Workspace;

use super::mapping::Target;
use super::parse::{Row, Table};
use super::write::write_csv;

/// What the user chose in the wizard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// The object the rows are records of, e.g. `contacts`.
    pub object: String,
    /// One target per column of the table.
    pub columns: Vec<Target>,
    /// Whether an `Associate` cell that matches no record creates one.
    pub create_missing: bool,
    /// What a row whose unique value (email, domain, record id…) is already taken does.
    pub dedup: Dedup,
}

/// What happens to a row that matches an existing record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dedup {
    /// The existing record is updated with the row's values.
    #[default]
    Update,
    /// The row is left out and counted as skipped.
    Skip,
    /// Only new records are created: the row is listed as a problem.
    CreateOnly,
}

/// Why one cell (or, with an empty column, a whole row) was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The line of the file the row starts on; the header is line 1.
    pub row: usize,
    pub column: String,
    pub value: String,
    pub reason: Msg,
    /// The technical reason, for the downloadable list.
    pub detail: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// Everything the import changed, to persist as one batch (empty when nothing was valid).
    pub commit: Commit,
    pub created: usize,
    pub updated: usize,
    /// Rows that matched an existing record under [`Dedup::Skip`].
    pub skipped: usize,
    pub problems: Vec<Problem>,
}

/// Imports the rows of a table. The workspace changes only by `report.commit`.
pub fn import_table(ws: &mut Workspace, table: &Table, options: &ImportOptions, ctx: &Context) -> ImportReport {
    let mut run = ImportRun::start(ws, table, options, ctx);
    run.step(ws, table, usize::MAX);
    run.finish()
}

/// What importing would do, without changing the workspace: the wizard's dry run.
pub fn preview_import(ws: &mut Workspace, table: &Table, options: &ImportOptions, ctx: &Context) -> ImportReport {
    let mut report = import_table(ws, table, options, ctx);
    ws.revert(&report.commit);
    report.commit = Commit::default();
    report
}

/// An import in progress: rows are written a step at a time, and everything written so far is
/// in the workspace. [`ImportRun::finish`] folds it into one commit; reverting that commit
/// undoes the whole run.
pub struct ImportRun {
    options: ImportOptions,
    ctx: Context,
    /// Per linked object: lower-cased primary value → record, built on first use.
    names: HashMap<String, HashMap<String, RecordId>>,
    report: ImportReport,
    commits: Vec<Commit>,
    next_row: usize,
}

impl ImportRun {
    /// Starts an import: creates the properties asked for by [`Target::NewProperty`] columns.
    pub fn start(ws: &mut Workspace, table: &Table, options: &ImportOptions, ctx: &Context) -> ImportRun {
        let ctx = Context { now: ctx.now, source: Source::Import };
        let mut run = ImportRun { options: options.clone(), ctx, names: HashMap::new(), report: ImportReport::default(), commits: Vec::new(), next_row: 0 };
        for (index, target) in options.columns.iter().enumerate() {
            let Target::NewProperty(label) = target else { continue };
            let column = table.header.get(index).cloned().unwrap_or_default();
            run.options.columns[index] = match run.create_property(ws, label) {
                Ok(name) => Target::Property(name),
                Err(detail) => {
                    run.report.problems.push(Problem { row: 1, column, value: label.clone(), reason: Msg::ErrCsvNewProperty, detail });
                    Target::Skip
                }
            };
        }
        run
    }

    /// A single-line text property labelled `label`, in the object's first group.
    fn create_property(&mut self, ws: &mut Workspace, label: &str) -> Result<String, String> {
        let def = ws.schema().object(&self.options.object).ok_or_else(|| format!("unknown object {}", self.options.object))?;
        let group = def.groups.first().map(|g| g.name.clone()).unwrap_or_default();
        let name = free_name(label, |n| def.property(n).is_some() || def.archived.iter().any(|p| p.name == n));
        let property = PropertyDef::new(&name, label.trim(), &group, PropertyType::SingleLineText);
        let edit = SchemaEdit::CreateProperty { object: self.options.object.clone(), property };
        let commit = ws.execute(Command::EditSchema(edit), &self.ctx).map_err(|e| e.to_string())?;
        self.commits.push(commit);
        Ok(name)
    }

    /// Rows imported or refused so far, out of `table.rows.len()`.
    pub fn done(&self) -> usize {
        self.next_row
    }

    /// Imports up to `max_rows` more rows; `true` once every row is done.
    pub fn step(&mut self, ws: &mut Workspace, table: &Table, max_rows: usize) -> bool {
        let end = self.next_row.saturating_add(max_rows).min(table.rows.len());
        let mut importer = Importer { ws, table, run: self };
        for row in &table.rows[importer.run.next_row..end] {
            importer.row(row);
        }
        self.next_row = end;
        end == table.rows.len()
    }

    /// The report of the run, with everything it changed as one commit.
    pub fn finish(self) -> ImportReport {
        let mut report = self.report;
        report.commit = fold(self.commits);
        report
    }
}

/// An internal property name from a label: `[a-z0-9_]+`, not taken.
fn free_name(label: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base: String = label.trim().chars().flat_map(char::to_lowercase).map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    base = base.split('_').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("_");
    if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
        base = format!("imported_{base}").trim_end_matches('_').to_string();
    }
    let mut name = base.clone();
    let mut n = 2;
    while taken(&name) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}

struct Importer<'a> {
    ws: &'a mut Workspace,
    table: &'a Table,
    run: &'a mut ImportRun,
}

impl Importer<'_> {
    fn row(&mut self, row: &Row) {
        if row.cells.len() != self.table.header.len() {
            let detail = format!("{} cells, the header has {}", row.cells.len(), self.table.header.len());
            self.run.report.problems.push(Problem { row: row.line, column: String::new(), value: String::new(), reason: Msg::ErrCsvRaggedRow, detail });
            return;
        }
        // A row of empty cells (",,," in a spreadsheet export) is not a record.
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        let cells = || self.run.options.columns.iter().zip(&row.cells).filter(|(_, cell)| !cell.trim().is_empty());
        let values: Vec<Input> = cells().filter_map(|(t, c)| match t {
            Target::Property(name) => Some((name.clone(), c.clone())),
            _ => None,
        }).collect();
        let links: Vec<(String, String)> = cells().filter_map(|(t, c)| match t {
            Target::Associate(object) => Some((object.clone(), c.trim().to_string())),
            _ => None,
        }).collect();
        let mut done: Vec<Commit> = Vec::new();
        match self.write_row(row, values, &links, &mut done) {
            Ok(Written::Created) => {
                self.run.report.created += 1;
                self.run.commits.extend(done);
            }
            Ok(Written::Updated) => {
                self.run.report.updated += 1;
                self.run.commits.extend(done);
            }
            Ok(Written::Skipped) => self.run.report.skipped += 1,
            Err(problems) => {
                let created_linked = done.iter().skip(1).flat_map(|c| &c.changes).any(|x| matches!(x.key, EntityKey::Record(_)) && x.before.is_none());
                for commit in done.iter().rev() {
                    self.ws.revert(commit);
                }
                if created_linked {
                    // A company created for this row is gone again; forget the names seen.
                    self.run.names.clear();
                }
                self.run.report.problems.extend(problems);
            }
        }
    }

    /// Writes one row.
    fn write_row(&mut self, row: &Row, values: Vec<Input>, links: &[(String, String)], done: &mut Vec<Commit>) -> Result<Written, Vec<Problem>> {
        let create = Command::CreateRecord { object: self.run.options.object.clone(), values: values.clone() };
        let (commit, created) = match self.ws.execute(create, &self.run.ctx) {
            Ok(commit) => (commit, Written::Created),
            Err(e) => match (e.duplicate_of().cloned(), self.run.options.dedup) {
                (Some(_), Dedup::Skip) => return Ok(Written::Skipped),
                (Some(id), Dedup::Update) => {
                    let values = values.into_iter().filter(|(name, _)| name != RECORD_ID).collect();
                    (self.ws.execute(Command::UpdateRecord { id, values }, &self.run.ctx).map_err(|e| self.problems(row, &e))?, Written::Updated)
                }
                _ => return Err(self.problems(row, &e)),
            },
        };
        let id = commit.subject.clone();
        done.push(commit);
        let Some(id) = id else { return Ok(created) };
        for (object, text) in links {
            let column = self.column_of(&Target::Associate(object.clone()));
            let problem = |reason, detail: String| vec![Problem { row: row.line, column: column.clone(), value: text.clone(), reason, detail }];
            let other = match self.find(object, text) {
                Some(other) => other,
                None if self.run.options.create_missing => {
                    let commit = self.ws.execute(self.create_linked(object, text), &self.run.ctx).map_err(|e| problem(Msg::ErrCsvInvalidValue, e.to_string()))?;
                    let other = commit.subject.clone().ok_or_else(|| problem(Msg::ErrCsvNoCompany, String::new()))?;
                    done.push(commit);
                    self.run.names.entry(object.clone()).or_default().insert(text.to_lowercase(), other.clone());
                    other
                }
                None => return Err(problem(Msg::ErrCsvNoCompany, format!("no {object} named {text}"))),
            };
            if self.ws.associations().ids(&id, object).any(|x| *x == other) {
                continue;
            }
            let link = Command::Associate { from: id.clone(), to: other, labels: Vec::new() };
            done.push(self.ws.execute(link, &self.run.ctx).map_err(|e| problem(Msg::ErrCsvInvalidValue, e.to_string()))?);
        }
        Ok(created)
    }

    /// The record of `object` a cell names: by a unique value (a domain), else by its name.
    fn find(&mut self, object: &str, text: &str) -> Option<RecordId> {
        let def = self.ws.schema().object(object)?;
        let value = Value::Text(text.to_string());
        let unique = def.properties.iter().filter(|p| p.unique).find_map(|p| self.ws.find_unique(object, &p.name, &value));
        if let Some(record) = unique {
            return Some(record.id.clone());
        }
        let primary = def.primary_property.clone();
        let ws = &*self.ws;
        let names = self.run.names.entry(object.to_string()).or_insert_with(|| {
            ws.records_of(object).map(|r| (r.text(&primary).trim().to_lowercase(), r.id.clone())).collect()
        });
        names.get(&text.to_lowercase()).cloned()
    }

    /// The create for a missing linked record: a cell that looks like a domain fills the
    /// object's `domain` property, anything else its primary property.
    fn create_linked(&self, object: &str, text: &str) -> Command {
        let def = self.ws.schema().object(object);
        let looks_like_domain = text.contains('.') && !text.contains(char::is_whitespace);
        let property = match def {
            Some(d) if looks_like_domain && d.property("domain").is_some() => "domain".to_string(),
            Some(d) => d.primary_property.clone(),
            None => String::new(),
        };
        Command::CreateRecord { object: object.to_string(), values: vec![(property, text.to_string())] }
    }

    fn column_of(&self, target: &Target) -> String {
        self.run.options.columns.iter().position(|t| t == target).and_then(|i| self.table.header.get(i)).cloned().unwrap_or_default()
    }

    fn problems(&self, row: &Row, error: &CommandError) -> Vec<Problem> {
        let cell = |target: &Target| self.run.options.columns.iter().position(|t| t == target).and_then(|i| row.cells.get(i)).cloned().unwrap_or_default();
        match error {
            CommandError::Fields(errors) => errors
                .iter()
                .map(|e| {
                    let target = Target::Property(e.property.clone());
                    Problem { row: row.line, column: self.column_of(&target), value: cell(&target), reason: field_problem(&e.problem), detail: String::new() }
                })
                .collect(),
            other => vec![Problem { row: row.line, column: String::new(), value: String::new(), reason: Msg::ErrCsvInvalidValue, detail: other.to_string() }],
        }
    }
}

enum Written {
    Created,
    Updated,
    Skipped,
}

/// Many commits as one: each key keeps its first `before` and its last `after`.
fn fold(commits: Vec<Commit>) -> Commit {
    let mut order: Vec<EntityKey> = Vec::new();
    let mut merged: BTreeMap<EntityKey, Change> = BTreeMap::new();
    for change in commits.into_iter().flat_map(|c| c.changes) {
        match merged.get_mut(&change.key) {
            Some(existing) => existing.after = change.after,
            None => {
                order.push(change.key.clone());
                merged.insert(change.key.clone(), change);
            }
        }
    }
    Commit { changes: order.into_iter().filter_map(|k| merged.remove(&k)).collect(), subject: None }
}

/// The problems as a CSV file the user can download, fix and re-import.
pub fn problems_csv(problems: &[Problem], lang: Lang) -> String {
    let header = [Msg::CsvRow, Msg::CsvColumn, Msg::CsvValue, Msg::CsvReason].map(|m| tr(lang, m).to_string());
    let rows: Vec<Vec<String>> = problems
        .iter()
        .map(|p| {
            let reason = if p.detail.is_empty() { tr(lang, p.reason).to_string() } else { format!("{} ({})", tr(lang, p.reason), p.detail) };
            vec![p.row.to_string(), p.column.clone(), p.value.clone(), reason]
        })
        .collect();
    write_csv(&header, &rows, false)
}
