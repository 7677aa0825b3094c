//! Admin-activated objects for sales and service work: leads, appointments, courses,
//! listings, services and projects. They start switched off; an administrator enables the
//! ones the business needs with [`crate::core::schema::SchemaEdit::SetObjectEnabled`].

use super::build::object;
use super::PRIORITIES;
use crate::core::schema::{ObjectDef, ObjectKind};

const OPTIONAL: ObjectKind = ObjectKind::AdminActivated;

pub(super) fn all() -> Vec<ObjectDef> {
    vec![leads(), appointments(), courses(), listings(), services(), projects()]
}

fn leads() -> ObjectDef {
    object("leads", "Lead", "Leads", OPTIONAL)
        .group("leadinformation", "Lead information")
        .named_by("hs_lead_name", &["hs_lead_name"])
        .text("hs_lead_name", "Lead name")
        .text("hs_pipeline", "Pipeline")
        .text("hs_pipeline_stage", "Lead stage")
        .select("hs_lead_type", "Lead type", &[("NEW_BUSINESS", "New business"), ("UPSELL", "Upsell"), ("RE_ATTEMPTING", "Re-attempting")])
        .select("hs_lead_label", "Lead label", &[("COLD", "Cold"), ("WARM", "Warm"), ("HOT", "Hot")])
        .select("hs_priority", "Priority", &PRIORITIES)
        .long_text("hs_lead_disqualification_note", "Disqualification note")
        .build()
}

fn appointments() -> ObjectDef {
    object("appointments", "Appointment", "Appointments", OPTIONAL)
        .group("appointmentinformation", "Appointment information")
        .named_by("hs_appointment_name", &["hs_appointment_name", "hs_location"])
        .text("hs_appointment_name", "Appointment name")
        .datetime("hs_appointment_start", "Start time")
        .datetime("hs_appointment_end", "End time")
        .text("hs_location", "Location")
        .long_text("hs_description", "Description")
        .text("hs_pipeline", "Pipeline")
        .text("hs_pipeline_stage", "Stage")
        .build()
}

fn courses() -> ObjectDef {
    object("courses", "Course", "Courses", OPTIONAL)
        .group("courseinformation", "Course information")
        .named_by("hs_course_name", &["hs_course_name", "hs_course_id"])
        .text("hs_course_name", "Course name")
        .text("hs_course_id", "Course code")
        .unique()
        .long_text("hs_description", "Description")
        .date("hs_start_date", "Start date")
        .date("hs_end_date", "End date")
        .count("hs_enrollment_capacity", "Capacity")
        .currency("hs_price", "Price")
        .build()
}

fn listings() -> ObjectDef {
    object("listings", "Listing", "Listings", OPTIONAL)
        .group("listinginformation", "Listing information")
        .named_by("hs_name", &["hs_name", "hs_address_1", "hs_city"])
        .text("hs_name", "Listing name")
        .currency("hs_price", "Price")
        .select(
            "hs_listing_type",
            "Listing type",
            &[
                ("house", "House"),
                ("townhouse", "Townhouse"),
                ("multi_family", "Multi-family"),
                ("condos_coops", "Condos/Co-ops"),
                ("lots_land", "Lots/Land"),
                ("apartments", "Apartments"),
                ("manufactured", "Manufactured"),
            ],
        )
        .text("hs_address_1", "Address 1")
        .text("hs_address_2", "Address 2")
        .text("hs_city", "City")
        .text("hs_state_province", "State/Province")
        .text("hs_zip", "Postal code")
        .text("hs_neighborhood", "Neighborhood")
        .count("hs_bedrooms", "Bedrooms")
        .non_negative("hs_bathrooms", "Bathrooms")
        .count("hs_square_footage", "Square footage")
        .count("hs_lot_size", "Lot size")
        .count("hs_year_built", "Year built")
        .build()
}

fn services() -> ObjectDef {
    object("services", "Service", "Services", OPTIONAL)
        .group("serviceinformation", "Service information")
        .named_by("hs_name", &["hs_name"])
        .text("hs_name", "Service name")
        .long_text("hs_description", "Description")
        .text("hs_pipeline", "Pipeline")
        .text("hs_pipeline_stage", "Stage")
        .date("hs_start_date", "Start date")
        .date("hs_target_end_date", "Target end date")
        .build()
}

fn projects() -> ObjectDef {
    object("projects", "Project", "Projects", OPTIONAL)
        .group("projectinformation", "Project information")
        .named_by("hs_name", &["hs_name"])
        .text("hs_name", "Project name")
        .long_text("hs_description", "Description")
        .text("hs_pipeline", "Pipeline")
        .text("hs_pipeline_stage", "Stage")
        .select("hs_priority", "Priority", &PRIORITIES)
        .date("hs_start_date", "Start date")
        .date("hs_target_due_date", "Target due date")
        .build()
}
