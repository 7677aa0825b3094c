//! The "Average time in stage" report, shared by pipelines with and without amounts: a bar
//! per stage and its table, the slowest stage (the bottleneck) marked.

use leptos::prelude::*;

use super::chart::BarChart;
use crate::core::forecast::days_text;
use crate::core::i18n::{Lang, Msg};
use crate::ui::i18n::use_i18n;

/// `times` are (stage id, average days); `names` holds each stage's shown name in that order.
pub fn time_in_stage_report(lang: Lang, times: &[(String, Option<f64>)], names: Vec<String>, slowest: Option<&str>) -> impl IntoView {
    let i18n = use_i18n();
    let rows: Vec<(String, Vec<f64>)> = names.iter().zip(times).map(|(n, (_, d))| (n.clone(), vec![d.unwrap_or(0.0)])).collect();
    let body = names
        .into_iter()
        .zip(times)
        .map(|(name, (id, d))| {
            let slow = slowest == Some(id.as_str());
            view! { <tr class:cairn-reports__slow=slow><td>{name}</td><td>{days_text(lang, *d)}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="cairn-reports__report cairn-card">
            <h2>{i18n.t(Msg::ReportTimeInStage)}</h2>
            <BarChart rows=rows test_id="time-chart"/>
            <table class="cairn-table">
                <thead><tr><th>{i18n.t(Msg::ReportStage)}</th><th>{i18n.t(Msg::ReportDaysColumn)}</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </section>
    }
}
