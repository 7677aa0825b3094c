//! Record identifiers that never collide between devices.
//!
//! An id packs 48 bits of creation time, 48 bits of device id and a 32-bit counter into 128
//! bits, written as 26 Crockford base-32 characters (the ULID alphabet). Ids therefore sort
//! by creation time, and two devices that create records offline cannot mint the same id,
//! which is what lets two exports merge without renaming anything.
//!
//! In memory an id is those 128 bits, not its text: a workspace holds each id several
//! times (the record, the search and unique indexes), and 16 inline bytes cost nothing on
//! the heap. Any other text (ids typed in an import, test names) is kept as text. Stored
//! and sent ids are always the 26-character text, so the format does not depend on this.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;

use super::time::Millis;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LEN: usize = 26;

/// The hash of maps keyed by ids. Ids are the workspace's own data, not an attacker's
/// choice, so a fast hash replaces the default DoS-resistant one: a cold start hashes every
/// id several times, and SipHash took about 8 % of it (natively).
pub type IdHash = rustc_hash::FxBuildHasher;
/// A map keyed by record id, hashed with [`IdHash`].
pub type IdMap<V> = HashMap<RecordId, V, IdHash>;

/// A record's identity, stable for life and across devices.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RecordId(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// The 128 bits of a canonical id, big-endian, so byte order is text order.
    Packed([u8; 16]),
    /// Anything that is not a canonical id, as given.
    Text(Box<str>),
}

impl RecordId {
    fn packed(bits: u128) -> RecordId {
        RecordId(Repr::Packed(bits.to_be_bytes()))
    }

    /// The 26-character text of packed bits.
    fn encode(bytes: &[u8; 16]) -> [u8; LEN] {
        let bits = u128::from_be_bytes(*bytes);
        let mut out = [0u8; LEN];
        // 26 characters of 5 bits = 130 bits; the top two are always zero.
        for (i, c) in out.iter_mut().enumerate() {
            *c = ALPHABET[((bits >> ((LEN - 1 - i) * 5)) & 31) as usize];
        }
        out
    }

    /// The bits of a canonical id's text: 26 alphabet characters, the first below 8.
    fn decode(text: &str) -> Option<u128> {
        if text.len() != LEN || !matches!(text.as_bytes()[0], b'0'..=b'7') {
            return None;
        }
        text.bytes().try_fold(0u128, |bits, c| ALPHABET.iter().position(|a| *a == c).map(|v| (bits << 5) | v as u128))
    }

    /// Calls `f` with the id's text, without allocating.
    fn with_text<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        match &self.0 {
            Repr::Packed(bytes) => {
                let text = Self::encode(bytes);
                // The alphabet is ASCII, so this never fails.
                f(std::str::from_utf8(&text).unwrap_or_default())
            }
            Repr::Text(text) => f(text),
        }
    }
}

impl RecordId {
    /// The 128 bits of a canonical id (big-endian), `None` for any other text.
    pub fn packed_bytes(&self) -> Option<&[u8; 16]> {
        match &self.0 {
            Repr::Packed(bytes) => Some(bytes),
            Repr::Text(_) => None,
        }
    }

    /// The canonical id of 128 bits, as `packed_bytes` gave them.
    pub fn from_packed_bytes(bytes: [u8; 16]) -> RecordId {
        RecordId(Repr::Packed(bytes))
    }
}

impl From<&str> for RecordId {
    fn from(text: &str) -> RecordId {
        match RecordId::decode(text) {
            Some(bits) => RecordId::packed(bits),
            None => RecordId(Repr::Text(text.into())),
        }
    }
}

impl From<String> for RecordId {
    fn from(text: String) -> RecordId {
        match RecordId::decode(&text) {
            Some(bits) => RecordId::packed(bits),
            None => RecordId(Repr::Text(text.into_boxed_str())),
        }
    }
}

impl Default for RecordId {
    fn default() -> RecordId {
        RecordId(Repr::Text(Box::default()))
    }
}

impl Ord for RecordId {
    /// The order of the texts, which for canonical ids is creation order.
    fn cmp(&self, other: &RecordId) -> Ordering {
        match (&self.0, &other.0) {
            (Repr::Packed(a), Repr::Packed(b)) => a.cmp(b),
            (Repr::Text(a), Repr::Text(b)) => a.cmp(b),
            _ => self.with_text(|a| other.with_text(|b| a.cmp(b))),
        }
    }
}

impl PartialOrd for RecordId {
    fn partial_cmp(&self, other: &RecordId) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_text(|text| f.write_str(text))
    }
}

impl fmt::Debug for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_text(|text| write!(f, "RecordId({text:?})"))
    }
}

impl Serialize for RecordId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.with_text(|text| s.serialize_str(text))
    }
}

impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(RecordId::from)
    }
}

/// Mints ids for one device. The edge seeds it with a random device id and counter start.
#[derive(Clone, Debug)]
pub struct IdGen {
    device: u64,
    counter: u32,
}

impl IdGen {
    pub fn new(device: u64, counter_start: u32) -> Self {
        IdGen { device: device & 0xFFFF_FFFF_FFFF, counter: counter_start }
    }

    pub fn next(&mut self, now: Millis) -> RecordId {
        self.counter = self.counter.wrapping_add(1);
        let time = (now.0.max(0) as u128) & 0xFFFF_FFFF_FFFF;
        let bits = (time << 80) | ((self.device as u128) << 32) | self.counter as u128;
        RecordId::packed(bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ids_are_26_chars_and_sort_by_time() {
        let mut gen = IdGen::new(42, 0);
        let a = gen.next(Millis(1_000));
        let b = gen.next(Millis(2_000));
        assert_eq!(a.to_string().len(), 26);
        assert!(a < b);
    }

    #[test]
    fn two_devices_never_mint_the_same_id_at_the_same_instant() {
        let mut one = IdGen::new(1, 7);
        let mut two = IdGen::new(2, 7);
        assert_ne!(one.next(Millis(5)), two.next(Millis(5)));
    }

    #[test]
    fn one_device_mints_distinct_ids_within_one_millisecond() {
        let mut gen = IdGen::new(9, u32::MAX - 1);
        let ids: std::collections::HashSet<_> = (0..1000).map(|_| gen.next(Millis(5))).collect();
        assert_eq!(ids.len(), 1000);
    }

    #[test]
    fn canonical_ids_are_packed_and_other_text_is_kept() {
        let check = |text: &str, packed: bool| {
            let id = RecordId::from(text);
            assert_eq!(matches!(id.0, Repr::Packed(_)), packed, "{text}");
            assert_eq!(id.to_string(), text);
            assert_eq!(serde_json::to_string(&id).expect("serializes"), format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<RecordId>(&format!("\"{text}\"")).expect("parses"), id);
        };
        check("01KAQ8ZJ000000000100000001", true);
        check("7ZZZZZZZZZZZZZZZZZZZZZZZZZ", true);
        // Too large for 128 bits, lower case, too short, outside the alphabet.
        check("8ZZZZZZZZZZZZZZZZZZZZZZZZZ", false);
        check("01kaq8zj000000000100000001", false);
        check("NOPE", false);
        check("01KAQ8ZJ00000000010000000U", false);
        check("", false);
    }

    proptest! {
        #[test]
        fn ids_order_like_their_text(a in "[0-7][0-9A-HJKMNP-TV-Z]{25}|[A-Z0-9]{1,27}", b in "[0-7][0-9A-HJKMNP-TV-Z]{25}|[A-Z0-9]{1,27}") {
            let (x, y) = (RecordId::from(a.as_str()), RecordId::from(b.as_str()));
            prop_assert_eq!(x.cmp(&y), a.cmp(&b));
            prop_assert_eq!(x == y, a == b);
            prop_assert_eq!(x.to_string(), a);
        }
    }
}
