//! The JSON backup: the whole workspace as one versioned, deterministic document.
//!
//! A backup is `{"format":"cairn-backup","version":1,"exported_at":…,"entities":[…]}` where
//! `entities` is exactly what [`Workspace::entities`] returns (schema, association
//! definitions, owners, records with their history, recycle bin, associations, redirects,
//! tombstones of removed associations),
//! one entity per line with object keys in a fixed order, so the same workspace always exports
//! the same bytes and two exports diff line by line. The format is documented in
//! `docs/json-format.md`.
//!
//! Reading is strict because a backup comes from outside: size, nesting depth, JSON syntax,
//! duplicate keys, the envelope, every entity's types and fields, duplicate entities and
//! associations whose ends are missing are all checked before anything is applied, so a
//! refused file leaves the workspace exactly as it was.

pub mod envelope;
mod strict;
mod stream;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use thiserror::Error;

use super::change::{Change, Commit, Entity, EntityKey};
use super::i18n::Msg;
use super::id::RecordId;
use super::time::Millis;
use super::workspace::{Borrowed, EntityRef, Workspace};

/// The `format` field that marks a Cairn backup.
pub const FORMAT: &str = "cairn-backup";
/// The backup format version this build writes. Version 2 added the times of links and
/// the tombstones of removed links (`unlinked`); version 1 files still read, as links
/// without times.
pub const VERSION: u64 = 2;
/// The oldest version this build reads.
pub const OLDEST_VERSION: u64 = 1;
/// The largest backup accepted, in bytes (500 MiB, under the longest string a browser holds);
/// entities are typed one at a time, so reading takes little more memory than the data.
pub const MAX_BYTES: usize = 500 * 1024 * 1024;
/// The deepest nesting accepted; a real backup needs about ten levels. Kept below the
/// parser's own recursion limit so the depth error is always ours.
pub const MAX_DEPTH: usize = 100;

const FIELDS: [&str; 4] = ["format", "version", "exported_at", "entities"];

/// Why a backup was refused. A refused backup changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BackupError {
    #[error("the file is {size} bytes, more than the {MAX_BYTES} a backup may have")]
    TooLarge { size: usize },
    #[error("the file nests {0} levels deep, more than the {MAX_DEPTH} allowed")]
    TooDeep(usize),
    #[error("the file is not valid JSON ({0})")]
    NotJson(String),
    #[error("the file is cut short ({0})")]
    Truncated(String),
    #[error("a JSON object repeats a key ({0})")]
    DuplicateKey(String),
    #[error("the file is not a Cairn backup")]
    NotABackup,
    #[error("the backup uses format version {0}, which this version of Cairn cannot read")]
    UnsupportedVersion(String),
    #[error("{path} has the wrong type ({detail})")]
    WrongType { path: String, detail: String },
    #[error("{0} is not a known field")]
    UnknownField(String),
    #[error("two entities have the same key {0}")]
    DuplicateEntity(String),
    #[error("an association links {0} to {1}, but one of them is not in the backup")]
    DanglingAssociation(RecordId, RecordId),
    #[error("the backup has no schema")]
    MissingSchema,
    #[error("the workspace already holds records; merge the backup instead")]
    NotEmpty,
}

impl BackupError {
    /// The message a user reads for this error.
    pub fn msg(&self) -> Msg {
        match self {
            BackupError::TooLarge { .. } => Msg::ErrBackupTooLarge,
            BackupError::TooDeep(_) => Msg::ErrBackupTooDeep,
            BackupError::NotJson(_) => Msg::ErrBackupNotJson,
            BackupError::Truncated(_) => Msg::ErrBackupTruncated,
            BackupError::DuplicateKey(_) => Msg::ErrBackupDuplicateKey,
            BackupError::NotABackup => Msg::ErrBackupNotCairn,
            BackupError::UnsupportedVersion(_) => Msg::ErrBackupVersion,
            BackupError::WrongType { .. } | BackupError::UnknownField(_) => Msg::ErrBackupInvalid,
            BackupError::DuplicateEntity(_) => Msg::ErrBackupDuplicateEntity,
            BackupError::DanglingAssociation(..) => Msg::ErrBackupDanglingAssociation,
            BackupError::MissingSchema => Msg::ErrBackupNoSchema,
            BackupError::NotEmpty => Msg::ErrBackupNotEmpty,
        }
    }
}

/// A parsed and checked backup, ready to restore or merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub exported_at: Millis,
    pub entities: Vec<Entity>,
}

impl Backup {
    /// The backup of a workspace as it is now.
    pub fn of(ws: &Workspace, exported_at: Millis) -> Backup {
        Backup { exported_at, entities: ws.entities() }
    }

    /// The document text: one entity per line, each written the same way every time.
    pub fn encode(&self) -> String {
        let records = self.entities.iter().filter(|e| matches!(e, Entity::Record(_) | Entity::Binned(_))).count();
        encode(self.exported_at, self.entities.iter().map(Written::Entity), capacity(records, self.entities.len() - records))
    }
}

/// What one line of the file is written from.
enum Written<'a> {
    Entity(&'a Entity),
    Ref(&'a EntityRef<'a>),
}

/// Room for the file, so that it is written without growing: about 640 bytes per record (a
/// few hundred in the benchmark's data) and 160 per link or other entity. At a million
/// contacts an estimate of 640 bytes for each of the 2.5 million entities reserved 1.6 GB for
/// an 850 MB file, in a 4 GB wasm memory that also holds the workspace.
fn capacity(records: usize, others: usize) -> usize {
    records * 640 + others * 160
}

fn encode<'a>(exported_at: Millis, entities: impl Iterator<Item = Written<'a>>, capacity: usize) -> String {
    let mut out = Vec::with_capacity(capacity);
    out.extend_from_slice(format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"exported_at\":{},\"entities\":[\n", exported_at.0).as_bytes());
    for (i, entity) in entities.enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        let start = out.len();
        // Records and links, nearly the whole file, hold no hash maps and are written straight
        // from their fields; the rest go through a tree that sorts their keys.
        let written = match entity {
            Written::Ref(EntityRef::Borrowed(b)) => serde_json::to_writer(&mut out, b),
            Written::Ref(EntityRef::Owned(e)) | Written::Entity(e) => match e {
                Entity::Record(_) | Entity::Binned(_) | Entity::Edge(_) | Entity::Redirect(_) | Entity::Unlinked(_) => serde_json::to_writer(&mut out, e),
                _ => serde_json::to_writer(&mut out, &canonical(e)),
            },
        };
        // Entities always serialize (no map has non-text keys); `null` keeps the file valid.
        if written.is_err() {
            out.truncate(start);
            out.extend_from_slice(b"null");
        }
    }
    out.extend_from_slice(b"\n]}\n");
    // serde_json writes UTF-8 only, so this never takes the lossy path.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The backup document of a workspace: what "Export" saves.
pub fn export(ws: &Workspace, exported_at: Millis) -> String {
    let refs = ws.entity_refs();
    let records = refs.iter().filter(|r| matches!(r, EntityRef::Borrowed(Borrowed::Record(_) | Borrowed::Binned(_)))).count();
    encode(exported_at, refs.iter().map(Written::Ref), capacity(records, refs.len() - records))
}

/// An entity as a JSON tree; serde_json's map sorts keys, which makes the output stable
/// even where the entity holds hash maps.
fn canonical(entity: &Entity) -> Value {
    serde_json::to_value(entity).unwrap_or(Value::Null)
}

/// Reads and checks a backup document without touching any workspace.
pub fn parse(text: &str) -> Result<Backup, BackupError> {
    if text.len() > MAX_BYTES {
        return Err(BackupError::TooLarge { size: text.len() });
    }
    let depth = strict::max_depth(text);
    if depth > MAX_DEPTH {
        return Err(BackupError::TooDeep(depth));
    }
    // Anything but an object is read as JSON first, so that bad syntax is still told apart.
    if !text.trim_start().starts_with('{') {
        let strict::Unique(_) = serde_json::from_str(text).map_err(syntax_error)?;
        return Err(BackupError::NotABackup);
    }
    let stream::Envelope { fields: top, entities } = serde_json::from_str(text).map_err(syntax_error)?;
    if top.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    match top.get("version") {
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| (OLDEST_VERSION..=VERSION).contains(&v)) => {}
        other => return Err(BackupError::UnsupportedVersion(other.map(Value::to_string).unwrap_or_default())),
    }
    if let Some(key) = top.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(BackupError::UnknownField(format!("$.{key}")));
    }
    let exported_at = match top.get("exported_at").and_then(Value::as_i64) {
        Some(at) => Millis(at),
        None => return Err(BackupError::WrongType { path: "$.exported_at".into(), detail: "expected milliseconds".into() }),
    };
    let Some(stream::Entities { items: entities, refused }) = entities else {
        return Err(BackupError::WrongType { path: "$.entities".into(), detail: "expected an array".into() });
    };
    if let Some(error) = refused {
        return Err(error);
    }
    check(&entities)?;
    Ok(Backup { exported_at, entities })
}

fn syntax_error(error: serde_json::Error) -> BackupError {
    let text = error.to_string();
    match error.classify() {
        serde_json::error::Category::Eof => BackupError::Truncated(text),
        _ if text.starts_with(strict::DUPLICATE_KEY) => BackupError::DuplicateKey(text),
        _ => BackupError::NotJson(text),
    }
}

/// One entity, typed, and refused if writing it back would not give what was read.
fn entity(index: usize, item: Value) -> Result<Entity, BackupError> {
    let path = || format!("$.entities[{index}]");
    let typed = <Entity as serde::Deserialize>::deserialize(&item).map_err(|e| BackupError::WrongType { path: path(), detail: e.to_string() })?;
    match strict::first_difference(&item, &canonical(&typed), "") {
        None => Ok(typed),
        Some((inner, true)) => Err(BackupError::UnknownField(path() + &inner)),
        Some((inner, false)) => Err(BackupError::WrongType { path: path() + &inner, detail: "the value does not read back as written".into() }),
    }
}

/// Rules across entities: one of each key, a schema, and associations between records present.
fn check(entities: &[Entity]) -> Result<(), BackupError> {
    let mut keys = BTreeSet::new();
    for e in entities {
        let key = e.key();
        if !keys.insert(key.clone()) {
            return Err(BackupError::DuplicateEntity(serde_json::to_string(&key).unwrap_or_default()));
        }
    }
    if !keys.contains(&EntityKey::Schema) {
        return Err(BackupError::MissingSchema);
    }
    for e in entities {
        if let Entity::Edge(edge) = e {
            let (x, y) = edge.key();
            if !keys.contains(&EntityKey::Record(x.clone())) || !keys.contains(&EntityKey::Record(y.clone())) {
                return Err(BackupError::DanglingAssociation(x, y));
            }
        }
    }
    Ok(())
}

/// Restores a backup into a workspace without records (a fresh profile): afterwards the
/// workspace exports exactly the backup's entities. Returns the commit to persist.
pub fn restore(ws: &mut Workspace, backup: Backup) -> Result<Commit, BackupError> {
    if !ws.is_empty() || ws.binned().next().is_some() {
        return Err(BackupError::NotEmpty);
    }
    let mut current: BTreeMap<EntityKey, Entity> = ws.entities().into_iter().map(|e| (e.key(), e)).collect();
    let mut changes: Vec<Change> = Vec::with_capacity(backup.entities.len());
    for entity in backup.entities {
        let key = entity.key();
        changes.push(Change { before: current.remove(&key), key, after: Some(entity) });
    }
    // Whatever the empty workspace held that the backup does not (an owner, a redirect) goes.
    changes.extend(current.into_iter().map(|(key, before)| Change { key, before: Some(before), after: None }));
    for change in &changes {
        ws.put(change.key.clone(), change.after.clone());
    }
    Ok(Commit { changes, subject: None })
}

/// Parses and restores in one step: what "Import backup" does.
pub fn import(ws: &mut Workspace, text: &str) -> Result<Commit, BackupError> {
    restore(ws, parse(text)?)
}

#[cfg(test)]
mod tests;
// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
