//! Admin-activated marketing objects: marketing events and campaigns. They start switched
//! off.

use super::build::object;
use crate::core::schema::{ObjectDef, ObjectKind};

const OPTIONAL: ObjectKind = ObjectKind::AdminActivated;

pub(super) fn all() -> Vec<ObjectDef> {
    vec![marketing_events(), campaigns()]
}

fn marketing_events() -> ObjectDef {
    object("marketing_events", "Marketing event", "Marketing events", OPTIONAL)
        .group("eventinformation", "Event information")
        .named_by("hs_event_name", &["hs_event_name", "hs_event_organizer"])
        .text("hs_event_name", "Event name")
        .text("hs_event_type", "Event type")
        .text("hs_event_organizer", "Organizer")
        .long_text("hs_event_description", "Description")
        .datetime("hs_start_datetime", "Start date and time")
        .datetime("hs_end_datetime", "End date and time")
        .text("hs_event_location", "Location")
        .url("hs_event_url", "Event URL")
        .checkbox("hs_event_cancelled", "Cancelled")
        .count("hs_attendance_count", "Attendees")
        .build()
}

fn campaigns() -> ObjectDef {
    object("campaigns", "Campaign", "Campaigns", OPTIONAL)
        .group("campaigninformation", "Campaign information")
        .named_by("hs_name", &["hs_name"])
        .text("hs_name", "Campaign name")
        .select(
            "hs_campaign_status",
            "Status",
            &[("planned", "Planned"), ("in_progress", "In progress"), ("active", "Active"), ("paused", "Paused"), ("completed", "Completed")],
        )
        .date("hs_start_date", "Start date")
        .date("hs_end_date", "End date")
        .currency("hs_budget", "Budget")
        .long_text("hs_goal", "Goal")
        .long_text("hs_audience", "Audience")
        .long_text("hs_notes", "Notes")
        .build()
}
