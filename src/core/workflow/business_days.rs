//! Calendar arithmetic in the user's local time, given as a UTC offset in minutes.
//!
//! The core has no time-zone database: the edge passes the offset that applies now, which is
//! right for the days ahead except across a daylight-saving change.

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Weekday};

use crate::core::time::Millis;

const MINUTE: i64 = 60_000;

fn local(at: Millis, offset_minutes: i32) -> Option<NaiveDateTime> {
    DateTime::from_timestamp_millis(at.0 + offset_minutes as i64 * MINUTE).map(|t| t.naive_utc())
}

fn instant(t: NaiveDateTime, offset_minutes: i32) -> Millis {
    Millis(t.and_utc().timestamp_millis() - offset_minutes as i64 * MINUTE)
}

fn is_weekend(day: Weekday) -> bool {
    matches!(day, Weekday::Sat | Weekday::Sun)
}

/// `days` working days (Monday to Friday) after `at`, at the same local time of day.
/// From a weekend, the count starts on Monday.
pub fn add_business_days(at: Millis, days: u32, offset_minutes: i32) -> Millis {
    let Some(mut t) = local(at, offset_minutes) else { return at };
    let mut left = days;
    while left > 0 {
        t += Duration::days(1);
        if !is_weekend(t.weekday()) {
            left -= 1;
        }
    }
    instant(t, offset_minutes)
}

/// The first moment strictly after `at` that falls on one of `weekdays` (0 = Monday) at
/// `minute_of_day` local time; `at` itself when no weekday is given.
pub fn next_weekday_time(at: Millis, weekdays: &[u8], minute_of_day: u32, offset_minutes: i32) -> Millis {
    let Some(now) = local(at, offset_minutes) else { return at };
    let minute = Duration::minutes(i64::from(minute_of_day.min(24 * 60 - 1)));
    for ahead in 0..8 {
        let day = now.date() + Duration::days(ahead);
        let candidate = day.and_hms_opt(0, 0, 0).map(|d| d + minute);
        let Some(candidate) = candidate else { continue };
        if candidate > now && weekdays.contains(&(day.weekday().num_days_from_monday() as u8)) {
            return instant(candidate, offset_minutes);
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(iso: &str) -> Millis {
        Millis(DateTime::parse_from_rfc3339(iso).expect("valid").timestamp_millis())
    }

    #[test]
    fn business_days_skip_the_weekend() {
        // Friday 2026-11-20 10:00 UTC + 1 business day = Monday.
        assert_eq!(add_business_days(at("2026-11-20T10:00:00Z"), 1, 0), at("2026-11-23T10:00:00Z"));
        assert_eq!(add_business_days(at("2026-11-23T10:00:00Z"), 5, 0), at("2026-11-30T10:00:00Z"));
        assert_eq!(add_business_days(at("2026-11-21T10:00:00Z"), 1, 0), at("2026-11-23T10:00:00Z"), "Saturday counts from Monday");
        assert_eq!(add_business_days(at("2026-11-20T10:00:00Z"), 0, 0), at("2026-11-20T10:00:00Z"));
    }

    #[test]
    fn the_weekend_is_the_users_not_utcs() {
        // Friday 23:30 UTC is already Saturday 08:30 in Tokyo (+9:00): one business day is
        // Monday 08:30 there, which is Sunday in UTC.
        let friday_night = at("2026-11-20T23:30:00Z");
        assert_eq!(add_business_days(friday_night, 1, 9 * 60), at("2026-11-22T23:30:00Z"));
        // In UTC it is still Friday, so one business day is Monday too, at the same UTC time.
        assert_eq!(add_business_days(friday_night, 1, 0), at("2026-11-23T23:30:00Z"));
        // Thursday 23:30 UTC is Friday in Tokyo: one business day lands on Monday, not Friday.
        assert_eq!(add_business_days(at("2026-11-19T23:30:00Z"), 1, 9 * 60), at("2026-11-22T23:30:00Z"));
    }

    #[test]
    fn next_weekday_at_a_local_time() {
        // Monday 2026-11-23 10:00 UTC; next Tuesday 09:00 in Paris (+1:00) is 08:00 UTC.
        let monday = at("2026-11-23T10:00:00Z");
        assert_eq!(next_weekday_time(monday, &[1], 9 * 60, 60), at("2026-11-24T08:00:00Z"));
        // Monday 09:00 Paris has passed, so the next Monday.
        assert_eq!(next_weekday_time(monday, &[0], 9 * 60, 60), at("2026-11-30T08:00:00Z"));
        // Later the same day.
        assert_eq!(next_weekday_time(monday, &[0], 14 * 60, 60), at("2026-11-23T13:00:00Z"));
        assert_eq!(next_weekday_time(monday, &[], 14 * 60, 60), monday);
    }
}
