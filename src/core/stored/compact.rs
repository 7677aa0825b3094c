//! Format 2 and 3 snapshot chunks: a batch in a compact binary encoding.
//!
//! A format-1 chunk is JSON, which spells out every property name, every field name and every
//! id in text, once per record; at 100,000 contacts that is ~200 MB to write and parse. A
//! format-2 chunk names things once and writes numbers as numbers:
//!
//! ```text
//! chunk  = MAGIC3 done names ops    (format 3; format 2: MAGIC names ops)
//! done   = count part*               the parts whole once this chunk is applied
//! part   = 0 | 1 len utf8            the settings | the records of the named object
//! names  = count (len utf8)*        object, property and label names, indexed by position
//! ops    = count op*
//! op     = RECORD record | BINNED millis record count edge* | EDGE edge | REDIRECT id id
//!        | JSON len utf8             (any other entity, and removals, as a format-1 op)
//! record = id name number millis millis count write*
//! write  = name head millis value    head = value tag << 3 | source
//! edge   = id name id name count name*
//! id     = 0 16-bytes | 1 len utf8   (canonical ids as their 128 bits, other ids as text)
//! ```
//!
//! Integers are LEB128 varints, signed ones zig-zagged. Decoding resolves each name to its
//! interned property key once per chunk, not once per value, and allocates only what the
//! records keep. The magic's leading NUL can never start JSON text, so a reader tells the
//! two formats apart from the first byte.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{LoadError, Op, Part};
use crate::core::association::Edge;
use crate::core::change::{Binned, Entity, Redirect};
use crate::core::id::RecordId;
use crate::core::prop_key::PropKey;
use crate::core::record::{Props, Record, Source};
use crate::core::time::Millis;
use crate::core::value::Value;
use crate::core::workspace::{Borrowed, EntityRef};

/// The first bytes of every format-2 chunk.
pub const MAGIC: &[u8; 4] = b"\0CS2";
/// The first bytes of every format-3 chunk, which starts with the parts it completes.
pub const MAGIC3: &[u8; 4] = b"\0CS3";

const SETTINGS: u8 = 0;
const RECORDS: u8 = 1;

const RECORD: u8 = 1;
const BINNED: u8 = 2;
const EDGE: u8 = 3;
const REDIRECT: u8 = 4;
const JSON: u8 = 5;

const NONE: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const INT: u8 = 3;
const NUMBER: u8 = 4;
const TEXT: u8 = 5;
const LIST: u8 = 6;

/// Whether stored bytes are a format-2 or format-3 chunk (rather than format-1 JSON text).
pub fn is_compact(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC) || bytes.starts_with(MAGIC3)
}

/// Encodes ops as one format-3 chunk that completes the parts `done`.
pub fn encode(ops: &[Op], done: &[Part]) -> Vec<u8> {
    encode_with(ops.len(), done, |body| ops.iter().for_each(|op| body.op(op)))
}

/// Encodes a run of a workspace's entities, borrowed ([`Workspace::entity_refs`]), as one
/// chunk: the same bytes as [`encode`] of their snapshot ops, without copying a record.
///
/// [`Workspace::entity_refs`]: crate::core::workspace::Workspace::entity_refs
pub fn encode_refs(refs: &[EntityRef<'_>], done: &[Part]) -> Vec<u8> {
    encode_with(refs.len(), done, |body| refs.iter().for_each(|entity| body.entity_ref(entity)))
}

fn encode_with<'a>(count: usize, done: &[Part], ops: impl FnOnce(&mut Writer<'a>)) -> Vec<u8> {
    let mut body = Writer { out: Vec::with_capacity(count * 256), names: HashMap::new(), order: Vec::new() };
    body.uint(count as u64);
    ops(&mut body);
    let mut out = Vec::with_capacity(body.out.len() + body.order.len() * 16 + 8);
    out.extend_from_slice(MAGIC3);
    let mut head = Writer { out, names: HashMap::new(), order: Vec::new() };
    head.uint(done.len() as u64);
    for part in done {
        match part {
            Part::Settings => head.out.push(SETTINGS),
            Part::Records(object) => {
                head.out.push(RECORDS);
                head.bytes(object.as_bytes());
            }
        }
    }
    head.uint(body.order.len() as u64);
    for name in &body.order {
        head.bytes(name.as_bytes());
    }
    let mut out = head.out;
    out.extend_from_slice(&body.out);
    out
}

/// Decodes one chunk; any inconsistency is a `Corrupt` error, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Vec<Op>, LoadError> {
    let mut ops = Vec::new();
    decode_each(bytes, |op| ops.push(op))?;
    Ok(ops)
}

/// Decodes one chunk (format 2 or 3) and hands over each op as soon as it is read, so that
/// a loader can store it while its bytes are still in the cache; returns the parts the chunk
/// completes (none in format 2). On an error the ops before it have been handed over already.
pub fn decode_each(bytes: &[u8], each: impl FnMut(Op)) -> Result<Vec<Part>, LoadError> {
    let mut ops = Ops::open(bytes)?;
    ops.take(usize::MAX, each)?;
    Ok(ops.done)
}

/// A chunk being decoded a few ops at a time, so that a loader can pause between them (to
/// let the page answer a click) and go on later where it stopped.
pub struct Ops<'a> {
    r: Reader<'a>,
    left: usize,
    done: Vec<Part>,
}

impl<'a> Ops<'a> {
    /// Reads the chunk's header: the parts it completes and its name table.
    pub fn open(bytes: &'a [u8]) -> Result<Ops<'a>, LoadError> {
        let (rest, sectioned) = match (bytes.strip_prefix(MAGIC3.as_slice()), bytes.strip_prefix(MAGIC.as_slice())) {
            (Some(rest), _) => (rest, true),
            (None, Some(rest)) => (rest, false),
            (None, None) => return Err(corrupt("not a format-2 or format-3 chunk")),
        };
        let mut r = Reader { bytes: rest, names: Vec::new(), keys: Vec::new() };
        let mut done = Vec::new();
        if sectioned {
            for _ in 0..r.len()? {
                done.push(match r.byte()? {
                    SETTINGS => Part::Settings,
                    RECORDS => Part::Records(r.str()?.to_string()),
                    _ => return Err(corrupt("unknown part")),
                });
            }
        }
        let count = r.len()?;
        let mut names = Vec::with_capacity(count);
        for _ in 0..count {
            names.push(r.str()?);
        }
        r.keys = names.iter().map(|n| PropKey::of(n)).collect();
        // The interned copies: object names are kept by every record and link without a copy.
        r.names = r.keys.iter().map(|k| k.name()).collect();
        let left = r.len()?;
        Ok(Ops { r, left, done })
    }

    /// The parts the chunk completes once all of its ops are applied.
    pub fn done(&self) -> &[Part] {
        &self.done
    }

    /// Hands over up to `n` more ops; true once the chunk is finished (and had nothing after
    /// its last op).
    pub fn take(&mut self, n: usize, mut each: impl FnMut(Op)) -> Result<bool, LoadError> {
        let now = n.min(self.left);
        for _ in 0..now {
            each(self.r.op()?);
        }
        self.left -= now;
        if self.left > 0 {
            return Ok(false);
        }
        if !self.r.bytes.is_empty() {
            return Err(corrupt("trailing bytes"));
        }
        Ok(true)
    }
}

// Cold and out of line: the decoder checks every byte, and the error paths should not
// crowd the loops that run ten million times.
#[cold]
#[inline(never)]
fn corrupt(why: &str) -> LoadError {
    LoadError::Corrupt(format!("snapshot chunk: {why}"))
}

struct Writer<'a> {
    out: Vec<u8>,
    names: HashMap<&'a str, u32>,
    order: Vec<&'a str>,
}

impl<'a> Writer<'a> {
    fn uint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.out.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.out.push(n as u8);
    }

    fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.out.extend_from_slice(b);
    }

    fn name(&mut self, name: &'a str) {
        let next = self.order.len() as u32;
        let index = *self.names.entry(name).or_insert(next);
        if index == next {
            self.order.push(name);
        }
        self.uint(index as u64);
    }

    fn id(&mut self, id: &RecordId) {
        match id.packed_bytes() {
            Some(bits) => {
                self.out.push(0);
                self.out.extend_from_slice(bits);
            }
            None => {
                self.out.push(1);
                self.bytes(id.to_string().as_bytes());
            }
        }
    }

    fn op(&mut self, op: &'a Op) {
        match &op.value {
            Some(entity @ (Entity::Record(_) | Entity::Binned(_) | Entity::Edge(_) | Entity::Redirect(_))) => self.entity(entity),
            // Removals and rare entities keep their JSON form.
            _ => self.json(op),
        }
    }

    fn entity_ref(&mut self, entity: &'a EntityRef<'a>) {
        match entity {
            EntityRef::Borrowed(Borrowed::Record(record)) => {
                self.out.push(RECORD);
                self.record(record);
            }
            EntityRef::Borrowed(Borrowed::Binned(binned)) => self.binned(binned),
            EntityRef::Borrowed(Borrowed::Edge(edge)) => {
                self.out.push(EDGE);
                self.edge(edge);
            }
            EntityRef::Borrowed(Borrowed::Unlinked(_)) => {
                let entity = entity.to_entity();
                self.json(&Op { key: entity.key(), value: Some(entity) });
            }
            EntityRef::Owned(entity) => self.entity(entity),
        }
    }

    /// A stored entity, as the value of its snapshot op.
    fn entity(&mut self, entity: &'a Entity) {
        match entity {
            Entity::Record(record) => {
                self.out.push(RECORD);
                self.record(record);
            }
            Entity::Binned(binned) => self.binned(binned),
            Entity::Edge(edge) => {
                self.out.push(EDGE);
                self.edge(edge);
            }
            Entity::Redirect(redirect) => {
                self.out.push(REDIRECT);
                self.id(&redirect.from);
                self.id(&redirect.to);
            }
            // Rare entities (schema, owners, definitions, later kinds) keep their JSON form.
            _ => self.json(&Op { key: entity.key(), value: Some(entity.clone()) }),
        }
    }

    fn json(&mut self, op: &Op) {
        self.out.push(JSON);
        // Serializing plain data with string keys cannot fail.
        self.bytes(serde_json::to_string(op).unwrap_or_default().as_bytes());
    }

    fn binned(&mut self, binned: &'a Binned) {
        self.out.push(BINNED);
        self.int(binned.deleted_at.0);
        self.record(&binned.record);
        self.uint(binned.edges.len() as u64);
        for edge in &binned.edges {
            self.edge(edge);
        }
    }

    fn record(&mut self, record: &'a Record) {
        self.id(&record.id);
        self.name(&record.object);
        self.uint(record.number);
        self.int(record.created.0);
        self.int(record.updated.0);
        self.uint(record.props.writes().count() as u64);
        for (key, value, at, source) in record.props.writes() {
            self.name(key.name());
            let tag = match value {
                None => NONE,
                Some(Value::Bool(false)) => FALSE,
                Some(Value::Bool(true)) => TRUE,
                Some(Value::Int(_)) => INT,
                Some(Value::Number(_)) => NUMBER,
                Some(Value::Text(_)) => TEXT,
                Some(Value::List(_)) => LIST,
            };
            self.out.push(tag << 3 | source_code(source));
            self.int(at.0);
            match value {
                Some(Value::Int(n)) => self.int(*n),
                Some(Value::Number(x)) => self.out.extend_from_slice(&x.to_le_bytes()),
                Some(Value::Text(text)) => self.bytes(text.as_bytes()),
                Some(Value::List(items)) => {
                    self.uint(items.len() as u64);
                    for item in items {
                        self.bytes(item.as_bytes());
                    }
                }
                _ => {}
            }
        }
    }

    fn edge(&mut self, edge: &'a Edge) {
        self.id(&edge.a);
        self.name(&edge.a_object);
        self.id(&edge.b);
        self.name(&edge.b_object);
        self.uint(edge.labels.len() as u64);
        for label in &edge.labels {
            self.name(label);
        }
        self.int(edge.at.0);
        self.uint(edge.label_at.len() as u64);
        for (label, at) in &edge.label_at {
            self.name(label);
            self.int(at.0);
        }
    }
}

fn source_code(source: Source) -> u8 {
    match source {
        Source::User => 0,
        Source::Import => 1,
        Source::Workflow => 2,
        Source::Merge => 3,
        Source::Sync => 4,
    }
}

fn source_of(code: u8) -> Result<Source, LoadError> {
    Ok(match code {
        0 => Source::User,
        1 => Source::Import,
        2 => Source::Workflow,
        3 => Source::Merge,
        4 => Source::Sync,
        _ => return Err(corrupt("unknown source")),
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    names: Vec<&'static str>,
    keys: Vec<PropKey>,
}

// The release build optimizes for size, which ignores plain `#[inline]`; these run once per
// byte or value of a 50 MB snapshot, where a call each adds up.
impl<'a> Reader<'a> {
    #[inline(always)]
    fn take(&mut self, n: usize) -> Result<&'a [u8], LoadError> {
        let Some((head, rest)) = self.bytes.split_at_checked(n) else {
            return Err(corrupt("truncated"));
        };
        self.bytes = rest;
        Ok(head)
    }

    #[inline(always)]
    fn byte(&mut self) -> Result<u8, LoadError> {
        let Some((&b, rest)) = self.bytes.split_first() else {
            return Err(corrupt("truncated"));
        };
        self.bytes = rest;
        Ok(b)
    }

    /// A LEB128 varint. Times take six or seven bytes, so this runs some ten million times
    /// per cold start: a plain loop over the bytes, with no call per byte.
    #[inline(always)]
    fn uint(&mut self) -> Result<u64, LoadError> {
        let mut n = 0u64;
        let mut shift = 0;
        let mut rest = self.bytes;
        while let Some((&b, tail)) = rest.split_first() {
            n |= u64::from(b & 0x7f) << shift;
            rest = tail;
            if b < 0x80 {
                self.bytes = rest;
                return Ok(n);
            }
            shift += 7;
            if shift > 63 {
                return Err(corrupt("varint too long"));
            }
        }
        Err(corrupt("truncated"))
    }

    #[inline(always)]
    fn int(&mut self) -> Result<i64, LoadError> {
        let n = self.uint()?;
        Ok((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    /// A count of things that each take at least one byte, so a damaged count cannot make
    /// the decoder reserve more memory than the chunk could describe.
    #[inline(always)]
    fn len(&mut self) -> Result<usize, LoadError> {
        let n = self.uint()?;
        match usize::try_from(n) {
            Ok(n) if n <= self.bytes.len() => Ok(n),
            _ => Err(corrupt("count out of range")),
        }
    }

    #[inline(always)]
    fn str(&mut self) -> Result<&'a str, LoadError> {
        let n = self.len()?;
        match std::str::from_utf8(self.take(n)?) {
            Ok(text) => Ok(text),
            Err(_) => Err(corrupt("invalid UTF-8")),
        }
    }

    /// A property's interned key, by its index in the chunk's name table.
    #[inline(always)]
    fn key(&mut self) -> Result<PropKey, LoadError> {
        let i = self.uint()?;
        match usize::try_from(i).ok().and_then(|i| self.keys.get(i)) {
            Some(key) => Ok(*key),
            None => Err(corrupt("unknown name")),
        }
    }

    #[inline(always)]
    fn name(&mut self) -> Result<&'static str, LoadError> {
        let i = self.uint()?;
        match usize::try_from(i).ok().and_then(|i| self.names.get(i)) {
            Some(name) => Ok(name),
            None => Err(corrupt("unknown name")),
        }
    }

    #[inline(always)]
    fn id(&mut self) -> Result<RecordId, LoadError> {
        match self.byte()? {
            0 => {
                let mut bits = [0u8; 16];
                bits.copy_from_slice(self.take(16)?);
                Ok(RecordId::from_packed_bytes(bits))
            }
            1 => Ok(RecordId::from(self.str()?)),
            _ => Err(corrupt("unknown id form")),
        }
    }

    fn op(&mut self) -> Result<Op, LoadError> {
        let entity = match self.byte()? {
            RECORD => Entity::Record(self.record()?),
            BINNED => {
                let deleted_at = Millis(self.int()?);
                let record = self.record()?;
                let count = self.len()?;
                let edges = (0..count).map(|_| self.edge()).collect::<Result<_, _>>()?;
                Entity::Binned(Binned { record, deleted_at, edges })
            }
            EDGE => Entity::Edge(self.edge()?),
            REDIRECT => Entity::Redirect(Redirect { from: self.id()?, to: self.id()? }),
            JSON => {
                let text = self.str()?;
                return serde_json::from_str(text).map_err(|e| LoadError::Corrupt(e.to_string()));
            }
            _ => return Err(corrupt("unknown entity kind")),
        };
        Ok(Op { key: entity.key(), value: Some(entity) })
    }

    fn record(&mut self) -> Result<Record, LoadError> {
        let id = self.id()?;
        let object = Cow::Borrowed(self.name()?);
        let number = self.uint()?;
        let created = Millis(self.int()?);
        let updated = Millis(self.int()?);
        let count = self.len()?;
        let mut writes = Vec::with_capacity(count);
        for _ in 0..count {
            let key = self.key()?;
            let head = self.byte()?;
            let at = Millis(self.int()?);
            let value = match head >> 3 {
                NONE => None,
                FALSE => Some(Value::Bool(false)),
                TRUE => Some(Value::Bool(true)),
                INT => Some(Value::Int(self.int()?)),
                NUMBER => {
                    let mut b = [0u8; 8];
                    b.copy_from_slice(self.take(8)?);
                    Some(Value::Number(f64::from_le_bytes(b)))
                }
                TEXT => Some(Value::Text(self.str()?.to_string())),
                LIST => {
                    let n = self.len()?;
                    Some(Value::List((0..n).map(|_| self.str().map(str::to_string)).collect::<Result<Vec<_>, _>>()?.into()))
                }
                _ => return Err(corrupt("unknown value kind")),
            };
            writes.push((key, value, at, source_of(head & 7)?));
        }
        Ok(Record { id, object, number, created, updated, props: Props::from_writes(writes) })
    }

    fn edge(&mut self) -> Result<Edge, LoadError> {
        let a = self.id()?;
        let a_object = Cow::Borrowed(self.name()?);
        let b = self.id()?;
        let b_object = Cow::Borrowed(self.name()?);
        let count = self.len()?;
        // Borrowed from the interned names: a label costs no string of its own.
        let labels = (0..count).map(|_| self.name()).collect::<Result<_, _>>()?;
        let at = Millis(self.int()?);
        let count = self.len()?;
        let label_at = (0..count).map(|_| Ok((self.name()?.to_string(), Millis(self.int()?)))).collect::<Result<_, LoadError>>()?;
        Ok(Edge { a, a_object, b, b_object, labels, at, label_at })
    }
}

