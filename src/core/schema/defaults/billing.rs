//! Admin-activated objects for selling online and billing: invoices, orders, carts,
//! subscriptions and payments. They start switched off.

use super::build::object;
use super::{BILLING_FREQUENCIES, TERM_DESCRIPTION};
use crate::core::schema::{CalculatedType, Calculation, Formula, ObjectDef, ObjectKind};

const OPTIONAL: ObjectKind = ObjectKind::AdminActivated;

pub(super) fn all() -> Vec<ObjectDef> {
    vec![invoices(), orders(), carts(), subscriptions(), payments()]
}

/// What is left to pay: billed minus paid, nothing paid counting as zero.
pub(super) fn balance_due() -> Calculation {
    Calculation::formula(CalculatedType::Currency, Formula::property("hs_amount_billed").minus(Formula::property_or("hs_amount_paid", 0.0)))
}

fn invoices() -> ObjectDef {
    object("invoices", "Invoice", "Invoices", OPTIONAL)
        .group("invoiceinformation", "Invoice information")
        .named_by("hs_number", &["hs_number", "hs_purchase_order_number"])
        .text("hs_number", "Invoice number")
        .unique()
        .select("hs_invoice_status", "Invoice status", &[("draft", "Draft"), ("open", "Open"), ("paid", "Paid"), ("voided", "Voided")])
        .date("hs_invoice_date", "Invoice date")
        .date("hs_due_date", "Due date")
        .currency("hs_amount_billed", "Amount billed")
        .currency("hs_amount_paid", "Amount paid")
        .calculated("hs_balance_due", "Balance due", balance_due())
        .text("hs_purchase_order_number", "Purchase order number")
        .long_text("hs_comments", "Comments")
        .build()
}

fn orders() -> ObjectDef {
    object("orders", "Order", "Orders", OPTIONAL)
        .group("orderinformation", "Order information")
        .named_by("hs_order_name", &["hs_order_name", "hs_external_order_id"])
        .text("hs_order_name", "Order name")
        .text("hs_external_order_id", "External order ID")
        .unique()
        .url("hs_external_order_url", "External order URL")
        .text("hs_pipeline", "Pipeline")
        .text("hs_pipeline_stage", "Order stage")
        .currency("hs_subtotal_price", "Subtotal")
        .currency("hs_tax", "Tax")
        .currency("hs_shipping_cost", "Shipping cost")
        .currency("hs_total_price", "Total price")
        .text("hs_currency_code", "Currency")
        .text("hs_fulfillment_status", "Fulfillment status")
        .group("shippinginformation", "Shipping information")
        .text("hs_shipping_address_street", "Shipping street")
        .text("hs_shipping_address_city", "Shipping city")
        .text("hs_shipping_address_postal_code", "Shipping postal code")
        .text("hs_shipping_address_country", "Shipping country")
        .build()
}

fn carts() -> ObjectDef {
    object("carts", "Cart", "Carts", OPTIONAL)
        .group("cartinformation", "Cart information")
        .named_by("hs_cart_name", &["hs_cart_name", "hs_external_cart_id"])
        .text("hs_cart_name", "Cart name")
        .text("hs_external_cart_id", "External cart ID")
        .unique()
        .url("hs_cart_url", "Cart URL")
        .text("hs_external_status", "Cart status")
        .currency("hs_subtotal_price", "Subtotal")
        .currency("hs_tax", "Tax")
        .currency("hs_shipping_cost", "Shipping cost")
        .currency("hs_total_price", "Total price")
        .text("hs_currency_code", "Currency")
        .build()
}

fn subscriptions() -> ObjectDef {
    object("subscriptions", "Subscription", "Subscriptions", OPTIONAL)
        .group("subscriptioninformation", "Subscription information")
        .named_by("hs_name", &["hs_name"])
        .text("hs_name", "Subscription name")
        .select(
            "hs_status",
            "Status",
            &[("active", "Active"), ("scheduled", "Scheduled"), ("past_due", "Past due"), ("canceled", "Canceled"), ("expired", "Expired")],
        )
        .currency("hs_recurring_amount", "Recurring amount")
        .select("hs_recurring_billing_frequency", "Billing frequency", &BILLING_FREQUENCIES)
        .text("hs_recurring_billing_period", "Term")
        .described(TERM_DESCRIPTION)
        .date("hs_recurring_billing_start_date", "Start date")
        .date("hs_next_payment_due_date", "Next payment due")
        .currency("hs_last_payment_amount", "Last payment amount")
        .build()
}

fn payments() -> ObjectDef {
    object("payments", "Payment", "Payments", OPTIONAL)
        .group("paymentinformation", "Payment information")
        .named_by("hs_reference_number", &["hs_reference_number", "hs_customer_email"])
        .text("hs_reference_number", "Reference number")
        .unique()
        .currency("hs_initial_amount", "Gross amount")
        .currency("hs_refunds_amount", "Refunded amount")
        .text("hs_currency_code", "Currency")
        .select(
            "hs_latest_status",
            "Status",
            &[
                ("processing", "Processing"),
                ("succeeded", "Succeeded"),
                ("failed", "Failed"),
                ("refunded", "Refunded"),
                ("partially_refunded", "Partially refunded"),
                ("disputed", "Disputed"),
            ],
        )
        .select(
            "hs_payment_method_type",
            "Payment method",
            &[("card", "Card"), ("ach", "Bank debit (ACH)"), ("sepa", "SEPA debit"), ("bank_transfer", "Bank transfer"), ("cash", "Cash")],
        )
        .datetime("hs_initiated_date", "Payment date")
        .email("hs_customer_email", "Customer email")
        .build()
}
