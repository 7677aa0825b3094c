//! Instants as milliseconds since the Unix epoch, the one time unit the core knows.
//!
//! The core never reads a clock: the edge passes "now" in with every command.

use serde::{Deserialize, Serialize};

/// Milliseconds since 1970-01-01T00:00:00Z (UTC).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Millis(pub i64);

impl Millis {
    pub const DAY: i64 = 86_400_000;

    /// ISO 8601 in UTC with millisecond precision, e.g. `2026-11-23T08:30:00.000Z`.
    pub fn to_iso(self) -> String {
        match chrono::DateTime::from_timestamp_millis(self.0) {
            Some(t) => t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
            None => String::new(),
        }
    }

    /// The UTC calendar date of this instant, `YYYY-MM-DD`.
    pub fn to_date(self) -> String {
        match chrono::DateTime::from_timestamp_millis(self.0) {
            Some(t) => t.format("%Y-%m-%d").to_string(),
            None => String::new(),
        }
    }

    pub fn plus_days(self, days: i64) -> Millis {
        Millis(self.0 + days * Self::DAY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_iso_in_utc() {
        assert_eq!(Millis(0).to_iso(), "1970-01-01T00:00:00.000Z");
        assert_eq!(Millis(1_795_392_000_123).to_iso(), "2026-11-23T00:00:00.123Z");
        assert_eq!(Millis(1_795_392_000_123).to_date(), "2026-11-23");
    }
}
