//! Record identifiers that never collide between devices.
//!
//! An id packs 48 bits of creation time, 48 bits of device id and a 32-bit counter into 128
//! bits, written as 26 Crockford base-32 characters (the ULID alphabet). Ids therefore sort
//! by creation time, and two devices that create records offline cannot mint the same id,
//! which is what lets two exports merge without renaming anything.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::time::Millis;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A record's identity, stable for life and across devices.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecordId(pub String);

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl RecordId {
    pub fn as_str(&self) -> &str {
        &self.0
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
        RecordId(encode(bits))
    }
}

fn encode(bits: u128) -> String {
    // 26 characters of 5 bits = 130 bits; the top two are always zero.
    (0..26)
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_26_chars_and_sort_by_time() {
        let mut gen = IdGen::new(42, 0);
        let a = gen.next(Millis(1_000));
        let b = gen.next(Millis(2_000));
        assert_eq!(a.0.len(), 26);
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
}
