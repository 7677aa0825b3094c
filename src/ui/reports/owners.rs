//! Forecast categories and rep performance per owner and per team, and conversion to the
//! next stage per owner: who needs coaching at which stage. Figures from `core::forecast`.

use leptos::prelude::*;

use super::chart::{swatch, BarChart};
use crate::core::forecast::{by_owner, by_team, category_msg, days_text, percent_text, ForecastCategory, OwnerRow, Range};
use crate::core::i18n::Msg;
use crate::core::pipeline::{Pipeline, StageState};
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

/// One table (with its chart) of owner or team rows; `name` turns a row's key into a name.
fn performance(rows: Vec<OwnerRow>, title: Msg, key_header: Msg, name: impl Fn(&Option<String>) -> String, test_id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    let currency = use_store().ws.with_untracked(|ws| ws.schema().currency);
    let money = move |minor: i64| i18n.money_whole(currency, minor);
    let named: Vec<(String, OwnerRow)> = rows.into_iter().map(|r| (name(&r.key), r)).collect();
    let chart: Vec<(String, Vec<f64>)> = named.iter().map(|(n, r)| (n.clone(), r.categories.iter().map(|a| *a as f64).collect())).collect();
    let legend = ForecastCategory::SHOWN.iter().enumerate().map(|(i, c)| view! { <span><i class=swatch(i)></i>{i18n.t(category_msg(*c))}</span> }).collect_view();
    let headers = ForecastCategory::SHOWN.iter().map(|c| view! { <th>{i18n.t(category_msg(*c))}</th> }).collect_view();
    let body = named
        .into_iter()
        .map(|(n, r)| {
            let categories = r.categories.iter().map(|a| view! { <td>{money(*a)}</td> }).collect_view();
            view! {
                <tr>
                    <td>{n}</td><td>{r.deals}</td>{categories}<td>{money(r.weighted)}</td>
                    <td>{percent_text(lang, r.summary.win_rate)}</td><td>{days_text(lang, r.summary.cycle_days)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="cairn-reports__report cairn-card">
            <h2>{i18n.t(title)}</h2>
            <p class="cairn-reports__legend">{legend}</p>
            <BarChart rows=chart test_id=test_id/>
            <table class="cairn-table" data-testid=format!("{test_id}-table")>
                <thead><tr>
                    <th>{i18n.t(key_header)}</th><th>{i18n.t(Msg::ReportDeals)}</th>{headers}<th>{i18n.t(Msg::BoardWeighted)}</th>
                    <th>{i18n.t(Msg::ReportWinRate)}</th><th>{i18n.t(Msg::ReportCycle)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </section>
    }
}

/// The owner, team and coaching reports of a pipeline with amounts.
#[component]
pub fn OwnerReports(pipeline: Pipeline, range: Range) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let lang = i18n.lang.get_untracked();
    let (owners, teams, names) = store.ws.with_untracked(|ws| {
        let names: Vec<(String, String)> = ws.owners().map(|o| (o.id.0.clone(), o.name.clone())).collect();
        (by_owner(ws, &pipeline, &range), by_team(ws, &pipeline, &range), names)
    });
    let owner_name = {
        let names = names.clone();
        move |key: &Option<String>| match key {
            Some(id) => names.iter().find(|(i, _)| i == id).map_or_else(|| id.clone(), |(_, n)| n.clone()),
            None => i18n.t(Msg::ReportNoOwner).to_string(),
        }
    };
    let team_name = move |key: &Option<String>| key.clone().unwrap_or_else(|| i18n.t(Msg::ReportNoTeam).to_string());
    let open: Vec<String> = pipeline.stages.iter().filter(|s| s.state == StageState::Open).map(|s| i18n.stage_label(pipeline.id.as_str(), s)).collect();
    let coaching = owners
        .iter()
        .map(|r| {
            let cells = r.conversion.iter().map(|c| view! { <td>{percent_text(lang, c.to_next)}</td> }).collect_view();
            view! { <tr><td>{owner_name(&r.key)}</td>{cells}</tr> }
        })
        .collect_view();
    view! {
        {performance(owners.clone(), Msg::ReportByOwner, Msg::ReportOwner, owner_name.clone(), "owner-chart")}
        <section class="cairn-reports__report cairn-card">
            <h2>{i18n.t(Msg::ReportRepConversion)}</h2>
            <table class="cairn-table" data-testid="rep-conversion-table">
                <thead><tr><th>{i18n.t(Msg::ReportOwner)}</th>{open.into_iter().map(|l| view! { <th>{l}</th> }).collect_view()}</tr></thead>
                <tbody>{coaching}</tbody>
            </table>
        </section>
        {performance(teams, Msg::ReportByTeam, Msg::ReportTeam, team_name, "team-chart")}
    }
}
