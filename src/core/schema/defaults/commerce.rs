//! Products, line items and quotes.
//!
//! A line item is a copy of a product placed on a deal or a quote, with its own quantity,
//! price and discount; its net price is calculated. A quote's amount is the sum of its line
//! items' net prices.

use super::build::object;
use super::{BILLING_FREQUENCIES, TERM_DESCRIPTION};
use crate::core::schema::{Aggregate, CalculatedType, Calculation, Formula, ObjectDef, ObjectKind};

pub(super) fn products() -> ObjectDef {
    object("products", "Product", "Products", ObjectKind::Standard)
        .group("productinformation", "Product information")
        .named_by("name", &["name", "hs_sku", "description"])
        .text("name", "Name")
        .long_text("description", "Description")
        .currency("price", "Unit price")
        .text("hs_sku", "SKU")
        .unique()
        .currency("hs_cost_of_goods_sold", "Unit cost")
        .select("hs_product_type", "Product type", &[("inventory", "Inventory"), ("non_inventory", "Non-inventory"), ("service", "Service")])
        .select("recurringbillingfrequency", "Billing frequency", &BILLING_FREQUENCIES)
        .text("hs_recurring_billing_period", "Term")
        .described(TERM_DESCRIPTION)
        .url("hs_url", "Product URL")
        .build()
}

/// `quantity × price × (1 − hs_discount_percentage / 100) − quantity × hs_discount`:
/// HubSpot's net price, where both discounts are optional.
pub(super) fn line_item_amount() -> Calculation {
    let gross = Formula::property("quantity").times(Formula::property("price"));
    let kept = Formula::Constant(1.0).minus(Formula::property_or("hs_discount_percentage", 0.0).divided_by(Formula::Constant(100.0)));
    let unit_discounts = Formula::property("quantity").times(Formula::property_or("hs_discount", 0.0));
    Calculation::formula(CalculatedType::Currency, gross.times(kept).minus(unit_discounts))
}

pub(super) fn line_items() -> ObjectDef {
    object("line_items", "Line item", "Line items", ObjectKind::Standard)
        .group("lineiteminformation", "Line item information")
        .named_by("name", &["name", "hs_sku"])
        .text("name", "Name")
        .text("hs_product_id", "Product ID")
        .described("The record id of the product this line item was copied from.")
        .text("hs_sku", "SKU")
        .long_text("description", "Description")
        .non_negative("quantity", "Quantity")
        .currency("price", "Unit price")
        .currency("hs_discount", "Unit discount")
        .ranged("hs_discount_percentage", "Discount percentage", 0.0, 100.0)
        .select("recurringbillingfrequency", "Billing frequency", &BILLING_FREQUENCIES)
        .text("hs_recurring_billing_period", "Term")
        .described(TERM_DESCRIPTION)
        .calculated("amount", "Net price", line_item_amount())
        .build()
}

pub(super) fn quotes() -> ObjectDef {
    let total = Calculation::rollup(CalculatedType::Currency, "line_items", None, Aggregate::Sum("amount".to_string()));
    object("quotes", "Quote", "Quotes", ObjectKind::Standard)
        .group("quoteinformation", "Quote information")
        .named_by("hs_title", &["hs_title"])
        .text("hs_title", "Quote name")
        .date("hs_expiration_date", "Expiration date")
        .select(
            "hs_status",
            "Quote status",
            &[
                ("DRAFT", "Draft"),
                ("PENDING_APPROVAL", "Pending approval"),
                ("APPROVED", "Approved"),
                ("REJECTED", "Rejected"),
                ("APPROVAL_NOT_NEEDED", "Approval not needed"),
            ],
        )
        .calculated("amount", "Quote amount", total)
        .long_text("hs_terms", "Terms")
        .long_text("hs_comments", "Comments")
        .build()
}
