//! Activities: notes, calls, emails, meetings and tasks.
//!
//! Every activity has an activity timestamp, `hs_timestamp`, which orders the timeline (for
//! a task it is the due date). It is required, and the workspace sets it to the time of
//! creation when none is given, as HubSpot does.

use super::build::{object, ObjectBuilder};
use crate::core::schema::{ObjectDef, ObjectKind};

/// The property that places an activity on the timeline.
pub const ACTIVITY_TIMESTAMP: &str = "hs_timestamp";

fn activity(name: &str, singular: &str, plural: &str, group: &str, group_label: &str) -> ObjectBuilder {
    object(name, singular, plural, ObjectKind::Activity).group(group, group_label)
}

pub(super) fn all() -> Vec<ObjectDef> {
    vec![notes(), calls(), emails(), meetings(), tasks()]
}

fn notes() -> ObjectDef {
    activity("notes", "Note", "Notes", "noteinformation", "Note information")
        .named_by("hs_note_body", &["hs_note_body"])
        .long_text("hs_note_body", "Note body")
        .datetime(ACTIVITY_TIMESTAMP, "Activity date")
        .required()
        .build()
}

fn calls() -> ObjectDef {
    activity("calls", "Call", "Calls", "callinformation", "Call information")
        .named_by("hs_call_title", &["hs_call_title", "hs_call_body"])
        .text("hs_call_title", "Call title")
        .long_text("hs_call_body", "Call notes")
        .datetime(ACTIVITY_TIMESTAMP, "Activity date")
        .required()
        .count("hs_call_duration", "Call duration")
        .described("In milliseconds, as HubSpot stores it.")
        .select("hs_call_direction", "Call direction", &[("INBOUND", "Inbound"), ("OUTBOUND", "Outbound")])
        .select(
            "hs_call_disposition",
            "Call outcome",
            &[
                ("BUSY", "Busy"),
                ("CONNECTED", "Connected"),
                ("LEFT_LIVE_MESSAGE", "Left live message"),
                ("LEFT_VOICEMAIL", "Left voicemail"),
                ("NO_ANSWER", "No answer"),
                ("WRONG_NUMBER", "Wrong number"),
            ],
        )
        .phone("hs_call_to_number", "To number")
        .phone("hs_call_from_number", "From number")
        .build()
}

fn emails() -> ObjectDef {
    activity("emails", "Email", "Emails", "emailinformation", "Email information")
        .named_by("hs_email_subject", &["hs_email_subject", "hs_email_text"])
        .text("hs_email_subject", "Email subject")
        .long_text("hs_email_text", "Email body")
        .datetime(ACTIVITY_TIMESTAMP, "Activity date")
        .required()
        .select(
            "hs_email_direction",
            "Email direction",
            &[("EMAIL", "Sent by a user"), ("INCOMING_EMAIL", "Reply from the recipient"), ("FORWARDED_EMAIL", "Forwarded")],
        )
        .select(
            "hs_email_status",
            "Email send status",
            &[("SENT", "Sent"), ("SCHEDULED", "Scheduled"), ("SENDING", "Sending"), ("BOUNCED", "Bounced"), ("FAILED", "Failed")],
        )
        .build()
}

fn meetings() -> ObjectDef {
    activity("meetings", "Meeting", "Meetings", "meetinginformation", "Meeting information")
        .named_by("hs_meeting_title", &["hs_meeting_title", "hs_meeting_body", "hs_meeting_location"])
        .text("hs_meeting_title", "Meeting name")
        .long_text("hs_meeting_body", "Meeting description")
        .datetime(ACTIVITY_TIMESTAMP, "Activity date")
        .required()
        .datetime("hs_meeting_start_time", "Start time")
        .datetime("hs_meeting_end_time", "End time")
        .text("hs_meeting_location", "Location")
        .select(
            "hs_meeting_outcome",
            "Meeting outcome",
            &[
                ("SCHEDULED", "Scheduled"),
                ("COMPLETED", "Completed"),
                ("RESCHEDULED", "Rescheduled"),
                ("NO_SHOW", "No show"),
                ("CANCELED", "Canceled"),
            ],
        )
        .build()
}

fn tasks() -> ObjectDef {
    activity("tasks", "Task", "Tasks", "taskinformation", "Task information")
        .named_by("hs_task_subject", &["hs_task_subject", "hs_task_body"])
        .text("hs_task_subject", "Task title")
        .long_text("hs_task_body", "Notes")
        .datetime(ACTIVITY_TIMESTAMP, "Due date")
        .required()
        .select(
            "hs_task_status",
            "Task status",
            &[
                ("NOT_STARTED", "Not started"),
                ("IN_PROGRESS", "In progress"),
                ("WAITING", "Waiting"),
                ("COMPLETED", "Completed"),
                ("DEFERRED", "Deferred"),
            ],
        )
        .select("hs_task_priority", "Priority", &[("LOW", "Low"), ("MEDIUM", "Medium"), ("HIGH", "High")])
        .select("hs_task_type", "Task type", &[("CALL", "Call"), ("EMAIL", "Email"), ("TODO", "To-do")])
        .build()
}
