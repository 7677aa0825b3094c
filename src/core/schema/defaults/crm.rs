//! Contacts, companies, deals and tickets: the four standard CRM objects.

use super::build::object;
use super::{LEAD_STATUSES, LIFECYCLE_STAGES, PRIORITIES};
use crate::core::schema::{Aggregate, CalculatedType, Calculation, Formula, ObjectDef, ObjectKind};

/// How many records of `object` are associated with this one.
fn count_of(object: &str) -> Calculation {
    Calculation::rollup(CalculatedType::Number, object, None, Aggregate::Count)
}

pub(super) fn contacts() -> ObjectDef {
    object("contacts", "Contact", "Contacts", ObjectKind::Standard)
        .group("contactinformation", "Contact information")
        .named_by("firstname", &["firstname", "lastname", "email", "phone", "company"])
        .text("salutation", "Salutation")
        .text("firstname", "First name")
        .text("lastname", "Last name")
        .email("email", "Email")
        .unique()
        .phone("phone", "Phone number")
        .phone("mobilephone", "Mobile phone number")
        .phone("fax", "Fax number")
        .text("jobtitle", "Job title")
        .text("company", "Company name")
        .text("industry", "Industry")
        .url("website", "Website URL")
        .text("address", "Street address")
        .text("city", "City")
        .text("state", "State/Region")
        .text("zip", "Postal code")
        .text("country", "Country/Region")
        .date("date_of_birth", "Date of birth")
        .long_text("message", "Message")
        .select("lifecyclestage", "Lifecycle stage", &LIFECYCLE_STAGES)
        .select("hs_lead_status", "Lead status", &LEAD_STATUSES)
        .calculated("num_associated_deals", "Number of associated deals", count_of("deals"))
        .build()
}

pub(super) fn companies() -> ObjectDef {
    object("companies", "Company", "Companies", ObjectKind::Standard)
        .group("companyinformation", "Company information")
        .named_by("name", &["name", "domain", "city"])
        .text("name", "Company name")
        .domain("domain", "Company domain name")
        .unique()
        .described("Companies are told apart by domain: https://www.example.com/about is stored as example.com.")
        .url("website", "Website URL")
        .text("industry", "Industry")
        .select(
            "type",
            "Type",
            &[("PROSPECT", "Prospect"), ("PARTNER", "Partner"), ("RESELLER", "Reseller"), ("VENDOR", "Vendor"), ("OTHER", "Other")],
        )
        .phone("phone", "Phone number")
        .text("address", "Street address")
        .text("address2", "Street address 2")
        .text("city", "City")
        .text("state", "State/Region")
        .text("zip", "Postal code")
        .text("country", "Country/Region")
        .text("timezone", "Time zone")
        .count("numberofemployees", "Number of employees")
        .currency("annualrevenue", "Annual revenue")
        .count("founded_year", "Year founded")
        .checkbox("is_public", "Is public")
        .long_text("description", "Description")
        .url("linkedin_company_page", "LinkedIn company page")
        .select("lifecyclestage", "Lifecycle stage", &LIFECYCLE_STAGES)
        .select("hs_lead_status", "Lead status", &LEAD_STATUSES)
        .calculated("num_associated_contacts", "Number of associated contacts", count_of("contacts"))
        .calculated("num_associated_deals", "Number of associated deals", count_of("deals"))
        .build()
}

/// `amount × hs_deal_stage_probability`; until pipelines exist the probability is a plain
/// property of the deal.
pub(super) fn weighted_amount() -> Calculation {
    Calculation::formula(CalculatedType::Currency, Formula::property("amount").times(Formula::property("hs_deal_stage_probability")))
}

pub(super) fn deals() -> ObjectDef {
    object("deals", "Deal", "Deals", ObjectKind::Standard)
        .group("dealinformation", "Deal information")
        .named_by("dealname", &["dealname"])
        .text("dealname", "Deal name")
        .currency("amount", "Amount")
        .text("pipeline", "Pipeline")
        .text("dealstage", "Deal stage")
        .ranged("hs_deal_stage_probability", "Deal probability", 0.0, 1.0)
        .described("The chance of winning the deal, from 0 to 1.")
        .calculated("hs_projected_amount", "Weighted amount", weighted_amount())
        .date("closedate", "Close date")
        .select("dealtype", "Deal type", &[("newbusiness", "New business"), ("existingbusiness", "Existing business")])
        .select("hs_priority", "Priority", &PRIORITIES)
        .text("hs_next_step", "Next step")
        .long_text("description", "Deal description")
        .long_text("closed_won_reason", "Closed won reason")
        .long_text("closed_lost_reason", "Closed lost reason")
        .calculated("num_associated_contacts", "Number of associated contacts", count_of("contacts"))
        .calculated("hs_num_of_associated_line_items", "Number of line items", count_of("line_items"))
        .build()
}

pub(super) fn tickets() -> ObjectDef {
    object("tickets", "Ticket", "Tickets", ObjectKind::Standard)
        .group("ticketinformation", "Ticket information")
        .named_by("subject", &["subject", "content"])
        .text("subject", "Ticket name")
        .long_text("content", "Ticket description")
        .text("hs_pipeline", "Pipeline")
        .text("hs_pipeline_stage", "Ticket status")
        .select("hs_ticket_priority", "Priority", &[("LOW", "Low"), ("MEDIUM", "Medium"), ("HIGH", "High"), ("URGENT", "Urgent")])
        .select(
            "hs_ticket_category",
            "Category",
            &[
                ("PRODUCT_ISSUE", "Product issue"),
                ("BILLING_ISSUE", "Billing issue"),
                ("FEATURE_REQUEST", "Feature request"),
                ("GENERAL_INQUIRY", "General inquiry"),
            ],
        )
        .select("source_type", "Source", &[("CHAT", "Chat"), ("EMAIL", "Email"), ("FORM", "Form"), ("PHONE", "Phone")])
        .datetime("closed_date", "Close date")
        .build()
}
