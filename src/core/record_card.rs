//! What the record page shows about a record: its name, key properties, activity text and
//! times, computed here so the page only renders.

use super::record::Record;
use super::schema::{ObjectDef, PropertyDef, PropertyGroup};
use super::time::Millis;
use super::workspace::Workspace;

/// Properties shown before "View all properties": the name, the searchable properties and
/// the required ones, in schema order.
pub fn key_properties(def: &ObjectDef) -> Vec<&PropertyDef> {
    def.properties
        .iter()
        .filter(|p| !p.hidden && (p.name == def.primary_property || p.required || def.searchable.contains(&p.name)))
        .collect()
}

/// Every visible property by group, in the object's group order; empty groups are left out.
/// The page shows each group by [`crate::core::i18n::group_label`].
pub fn property_groups(def: &ObjectDef) -> Vec<(&PropertyGroup, Vec<&PropertyDef>)> {
    def.groups
        .iter()
        .map(|g| (g, def.properties.iter().filter(|p| !p.hidden && p.group == g.name).collect::<Vec<_>>()))
        .filter(|(_, props)| !props.is_empty())
        .collect()
}

/// A record's name: its primary property, else its first non-empty searchable property
/// (a call without a title is named by its notes), else empty. Multi-line text keeps its
/// first line. A contact is named by its first and last names together, as people are.
pub fn record_name(ws: &Workspace, record: &Record) -> String {
    let Some(def) = ws.schema().object(&record.object) else { return String::new() };
    if record.object == "contacts" {
        let full = format!("{} {}", record.text("firstname").trim(), record.text("lastname").trim());
        if !full.trim().is_empty() {
            return full.trim().to_string();
        }
    }
    std::iter::once(&def.primary_property)
        .chain(def.searchable.iter())
        .map(|p| record.text(p))
        .find(|t| !t.trim().is_empty())
        .map(|t| t.lines().next().unwrap_or_default().trim().to_string())
        .unwrap_or_default()
}

/// The property an activity's free text goes into.
pub fn activity_body(object: &str) -> Option<&'static str> {
    Some(match object {
        "notes" => "hs_note_body",
        "calls" => "hs_call_body",
        "emails" => "hs_email_text",
        "meetings" => "hs_meeting_body",
        "tasks" => "hs_task_body",
        _ => return None,
    })
}

/// An instant as the user's local date and time, `YYYY-MM-DD HH:MM`; `utc_offset_minutes` is
/// the offset east of UTC.
pub fn local_stamp(at: Millis, utc_offset_minutes: i64) -> String {
    match chrono::DateTime::from_timestamp_millis(at.0 + utc_offset_minutes * 60_000) {
        Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        None => String::new(),
    }
}

/// The value a `datetime-local` input starts with: the given instant in local time.
pub fn local_input(at: Millis, utc_offset_minutes: i64) -> String {
    local_stamp(at, utc_offset_minutes).replace(' ', "T")
}

/// A `datetime-local` input's local value as the ISO instant the core stores.
pub fn from_local_input(raw: &str, utc_offset_minutes: i64) -> Option<String> {
    let t = chrono::NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M").ok()?;
    Some(Millis(t.and_utc().timestamp_millis() - utc_offset_minutes * 60_000).to_iso())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::command::{Command, Context};
    use crate::core::id::IdGen;
    use crate::core::schema::default_schema;

    #[test]
    fn key_properties_include_the_name_and_searchable_ones() {
        let schema = default_schema();
        let contacts = schema.object("contacts").expect("contacts");
        let names: Vec<&str> = key_properties(contacts).iter().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&"email"), "{names:?}");
        assert!(names.len() < contacts.properties.len());
        let all: usize = property_groups(contacts).iter().map(|(_, p)| p.len()).sum();
        assert_eq!(all, contacts.properties.iter().filter(|p| !p.hidden).count());
    }

    #[test]
    fn a_record_is_named_by_its_primary_property_or_first_searchable_text() {
        let mut ws = Workspace::new(default_schema(), IdGen::new(1, 0));
        let ctx = Context::user(Millis(1));
        let values = vec![("hs_call_body".into(), "Asked for a quote\nthen more".into()), ("hs_timestamp".into(), "2026-01-01T00:00:00Z".into())];
        let id = ws.execute(Command::CreateRecord { object: "calls".into(), values }, &ctx).expect("valid").subject.expect("id");
        let record = ws.record(&id).expect("live");
        assert_eq!(record_name(&ws, record), "Asked for a quote");
        let values = vec![("firstname".into(), "Ada".into()), ("lastname".into(), "Lovelace".into())];
        let id = ws.execute(Command::CreateRecord { object: "contacts".into(), values }, &ctx).expect("valid").subject.expect("id");
        assert_eq!(record_name(&ws, ws.record(&id).expect("live")), "Ada Lovelace");
    }

    #[test]
    fn local_times_shift_by_the_offset_and_round_trip_through_inputs() {
        let at = Millis(1_795_435_200_000); // 2026-11-23T12:00Z
        assert_eq!(local_stamp(at, 60), "2026-11-23 13:00");
        assert_eq!(local_input(at, -300), "2026-11-23T07:00");
        assert_eq!(from_local_input("2026-11-23T13:00", 60).as_deref(), Some("2026-11-23T12:00:00.000Z"));
        assert_eq!(from_local_input("soon", 0), None);
        assert_eq!(activity_body("notes"), Some("hs_note_body"));
    }
}
