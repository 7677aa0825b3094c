//! The reports page: pick a pipeline and a close-date range; every figure comes from
//! `core::forecast`, every chart has its table.

use leptos::prelude::*;

use super::time_in_stage::time_in_stage_report;
use super::chart::{swatch, BarChart};
use super::counted::counted;
use super::owners::OwnerReports;
use crate::core::forecast::{conversion, days_text, forecast_by_month, percent_text, slowest_stage, summary, time_in_stage, velocity, Range};
use crate::core::i18n::Msg;
use crate::ui::bench;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{now, use_store, Status};

fn none_if_empty(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // Deal pipelines first, then ticket pipelines (counted, having no amounts).
    let pipelines = Memo::new(move |_| store.ws.with(|ws| ["deals", "tickets"].iter().flat_map(|o| ws.pipelines().of_object(o)).cloned().collect::<Vec<_>>()));
    let chosen = RwSignal::new(None::<String>);
    let pipeline = Memo::new(move |_| pipelines.with(|list| chosen.with(|c| c.as_ref().and_then(|id| list.iter().find(|p| &p.id.0 == id)).or_else(|| list.first()).cloned())));
    let range = RwSignal::new(Range::default());
    let loading = move || store.status.get() == Status::Loading;

    let reports = move || {
        let Some(p) = pipeline.get() else { return view! { <p class="cairn-empty">{i18n.t(Msg::BoardNoPipeline)}</p> }.into_any() };
        let lang = i18n.lang.get();
        let r = range.get();
        let (months, steps, times, sum) = bench::timed("cairn:report", || store.ws.with(|ws| (forecast_by_month(ws, &p, &r), conversion(ws, &p, &r), time_in_stage(ws, &p, &r, now()), summary(ws, &p, &r))));
        let has_amounts = store.ws.with(|ws| ws.schema().object(&p.object).is_some_and(|o| o.property("amount").is_some()));
        if !has_amounts {
            return counted(p, r, steps, times, sum).into_any();
        }
        let label = |id: &str| p.stage(id).map(|s| i18n.stage_label(p.id.as_str(), s)).unwrap_or_default();
        let slowest = slowest_stage(&p, &times);
        let currency = store.ws.with(|ws| ws.schema().currency);
        let money = |minor: i64| i18n.money_whole(currency, minor);
        let forecast_rows: Vec<(String, Vec<f64>)> = months.iter().map(|m| (m.month.clone(), vec![m.total as f64, m.weighted as f64, m.won as f64])).collect();
        let conversion_rows: Vec<(String, Vec<f64>)> = steps.iter().map(|c| (label(&c.stage), vec![c.to_next.unwrap_or(0.0), c.to_won.unwrap_or(0.0)])).collect();
        let legend = |items: Vec<Msg>| {
            view! { <p class="cairn-reports__legend">{items.into_iter().enumerate().map(|(i, m)| view! { <span><i class=swatch(i)></i>{i18n.t(m)}</span> }).collect_view()}</p> }
        };
        view! {
            <div class="cairn-reports__figures" data-testid="report-summary">
                <div class="cairn-card"><p class="cairn-muted">{i18n.t(Msg::ReportWinRate)}</p><p class="cairn-reports__figure">{percent_text(lang, sum.win_rate)}</p></div>
                <div class="cairn-card"><p class="cairn-muted">{i18n.t(Msg::ReportAvgDeal)}</p><p class="cairn-reports__figure">{sum.average_won.map_or_else(|| "–".to_string(), money)}</p></div>
                <div class="cairn-card"><p class="cairn-muted">{i18n.t(Msg::ReportCycle)}</p><p class="cairn-reports__figure">{days_text(lang, sum.cycle_days)}</p></div>
                <div class="cairn-card"><p class="cairn-muted">{i18n.t(Msg::BoardBottleneck)}</p><p class="cairn-reports__figure">{slowest.as_deref().map(label).unwrap_or_else(|| "–".into())}</p></div>
                <div class="cairn-card"><p class="cairn-muted">{i18n.t(Msg::ReportVelocity)}</p><p class="cairn-reports__figure" data-testid="report-velocity">{velocity(&sum).map_or_else(|| "–".to_string(), |v| money(v.round() as i64))}</p></div>
            </div>
            <section class="cairn-reports__report cairn-card">
                <h2>{i18n.t(Msg::ReportForecast)}</h2>
                {legend(vec![Msg::BoardTotal, Msg::BoardWeighted, Msg::ReportWon])}
                <BarChart rows=forecast_rows test_id="forecast-chart"/>
                <table class="cairn-table" data-testid="forecast-table">
                    <thead><tr><th>{i18n.t(Msg::ReportMonth)}</th><th>{i18n.t(Msg::BoardTotal)}</th><th>{i18n.t(Msg::BoardWeighted)}</th><th>{i18n.t(Msg::ReportWon)}</th></tr></thead>
                    <tbody>{months.into_iter().map(|m| view! { <tr><td>{m.month}</td><td>{money(m.total)}</td><td>{money(m.weighted)}</td><td>{money(m.won)}</td></tr> }).collect_view()}</tbody>
                </table>
            </section>
            <section class="cairn-reports__report cairn-card">
                <h2>{i18n.t(Msg::ReportConversion)}</h2>
                {legend(vec![Msg::ReportToNext, Msg::ReportToWon])}
                <BarChart rows=conversion_rows test_id="conversion-chart"/>
                <table class="cairn-table">
                    <thead><tr><th>{i18n.t(Msg::ReportStage)}</th><th>{i18n.t(Msg::ReportReached)}</th><th>{i18n.t(Msg::ReportToNext)}</th><th>{i18n.t(Msg::ReportToWon)}</th></tr></thead>
                    <tbody>{steps.iter().map(|c| view! { <tr><td>{label(&c.stage)}</td><td>{c.reached}</td><td>{percent_text(lang, c.to_next)}</td><td>{percent_text(lang, c.to_won)}</td></tr> }).collect_view()}</tbody>
                </table>
            </section>
            {time_in_stage_report(lang, &times, times.iter().map(|(id, _)| label(id)).collect(), slowest.as_deref())}
            <OwnerReports pipeline=p.clone() range=r.clone()/>
        }
        .into_any()
    };

    view! {
        <section class="cairn-page cairn-reports" aria-busy=move || loading().to_string()>
            <header class="cairn-page__header"><h1>{move || i18n.t(Msg::ReportsTitle)}</h1></header>
            <div class="cairn-board__filters">
                <label class="cairn-board__filter">
                    <span>{move || i18n.t(Msg::BoardPipeline)}</span>
                    <select on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                        {move || pipelines.get().into_iter().map(|p| view! { <option value=p.id.0.clone()>{i18n.pipeline_label(&p)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="cairn-board__filter">
                    <span>{move || i18n.t(Msg::BoardCloseFrom)}</span>
                    <input type="date" on:change=move |ev| range.update(|r| r.from = none_if_empty(event_target_value(&ev)))/>
                </label>
                <label class="cairn-board__filter">
                    <span>{move || i18n.t(Msg::BoardCloseTo)}</span>
                    <input type="date" on:change=move |ev| range.update(|r| r.to = none_if_empty(event_target_value(&ev)))/>
                </label>
            </div>
            <Show when=move || !loading() fallback=move || view! { <p class="cairn-muted">{i18n.t(Msg::Loading)}</p> }>
                {reports}
            </Show>
        </section>
    }
}
