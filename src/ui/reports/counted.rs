//! Reports of a pipeline without amounts (tickets): open and closed counts, records per
//! stage, conversion and time in stage — counts and days, never money.

use leptos::prelude::*;

use super::time_in_stage::time_in_stage_report;
use super::chart::{swatch, BarChart};
use crate::core::forecast::{percent_text, slowest_stage, stage_counts, ConversionRow, Range, Summary};
use crate::core::i18n::Msg;
use crate::core::pipeline::Pipeline;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

/// The counted reports of `pipeline` over `range`, from figures the page already computed.
pub fn counted(pipeline: Pipeline, range: Range, steps: Vec<ConversionRow>, times: Vec<(String, Option<f64>)>, sum: Summary) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let lang = i18n.lang.get_untracked();
    let counts = store.ws.with_untracked(|ws| stage_counts(ws, &pipeline, &range));
    let label = |id: &str| pipeline.stage(id).map(|s| i18n.stage_label(pipeline.id.as_str(), s)).unwrap_or_default();
    let slowest = slowest_stage(&pipeline, &times);
    let count_rows: Vec<(String, Vec<f64>)> = counts.iter().map(|(id, n)| (label(id), vec![*n as f64])).collect();
    view! {
        <div class="cairn-reports__figures" data-testid="report-summary">
            <div class="cairn-card"><p class="cairn-muted">{i18n.t(Msg::ReportOpen)}</p><p class="cairn-reports__figure" data-testid="report-open">{sum.open}</p></div>
            <div class="cairn-card"><p class="cairn-muted">{i18n.t(Msg::ReportClosed)}</p><p class="cairn-reports__figure" data-testid="report-closed">{sum.closed + sum.won + sum.lost}</p></div>
            <div class="cairn-card"><p class="cairn-muted">{i18n.t(Msg::BoardBottleneck)}</p><p class="cairn-reports__figure">{slowest.as_deref().map(label).unwrap_or_else(|| "–".into())}</p></div>
        </div>
        <section class="cairn-reports__report cairn-card">
            <h2>{i18n.t(Msg::ReportPerStage)}</h2>
            <p class="cairn-reports__legend"><span><i class=swatch(0)></i>{i18n.t(Msg::ReportRecords)}</span></p>
            <BarChart rows=count_rows test_id="stage-count-chart"/>
            <table class="cairn-table" data-testid="stage-count-table">
                <thead><tr><th>{i18n.t(Msg::ReportStage)}</th><th>{i18n.t(Msg::ReportRecords)}</th></tr></thead>
                <tbody>{counts.iter().map(|(id, n)| view! { <tr><td>{label(id)}</td><td>{*n}</td></tr> }).collect_view()}</tbody>
            </table>
        </section>
        <section class="cairn-reports__report cairn-card">
            <h2>{i18n.t(Msg::ReportConversion)}</h2>
            <table class="cairn-table">
                <thead><tr><th>{i18n.t(Msg::ReportStage)}</th><th>{i18n.t(Msg::ReportReached)}</th><th>{i18n.t(Msg::ReportToNext)}</th></tr></thead>
                <tbody>{steps.iter().map(|c| view! { <tr><td>{label(&c.stage)}</td><td>{c.reached}</td><td>{percent_text(lang, c.to_next)}</td></tr> }).collect_view()}</tbody>
            </table>
        </section>
        {time_in_stage_report(lang, &times, times.iter().map(|(id, _)| label(id)).collect(), slowest.as_deref())}
    }
}
