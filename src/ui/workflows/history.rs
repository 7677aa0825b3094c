//! A workflow's history: each enrollment, when it entered, and every step with its outcome.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::record_card::{local_stamp, record_name};
use crate::core::workflow::display::{history, outcome_label, problem_label, state_label};
use crate::core::workflow::{AutoId, Outcome};
use crate::ui::app::Base;
use crate::ui::i18n::use_i18n;
use crate::ui::record::utc_offset;
use crate::ui::store::use_store;

#[component]
pub fn HistoryPanel(id: AutoId) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let base = expect_context::<Base>();
    let rows = Memo::new(move |_| {
        let offset = utc_offset();
        store.ws.with(|ws| {
            history(ws, &id)
                .into_iter()
                .take(100)
                .map(|e| {
                    let record = ws.record(&e.record);
                    let name = record.map(|r| record_name(ws, r)).unwrap_or_default();
                    let href = record.map(|r| format!("/objects/{}/{}", r.object, r.id)).unwrap_or_default();
                    let log: Vec<(String, String, Msg, Option<Msg>)> = e
                        .log
                        .iter()
                        .map(|l| {
                            let step = l.step.map(|s| format!("#{s}")).unwrap_or_default();
                            let problem = match &l.outcome {
                                Outcome::Failed { problem } => Some(problem_label(problem)),
                                _ => None,
                            };
                            let at = match &l.outcome {
                                Outcome::Waiting { until } => local_stamp(*until, offset),
                                _ => local_stamp(l.at, offset),
                            };
                            (step, at, outcome_label(&l.outcome), problem)
                        })
                        .collect();
                    (e.id.to_string(), name, href, state_label(e.state), log)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="cairn-card cairn-flow__section cairn-flow__history" aria-labelledby="flow-history">
            <h2 id="flow-history">{move || i18n.t(Msg::WfHistory)}</h2>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="cairn-muted">{move || i18n.t(Msg::WfNoHistory)}</p> }.into_any();
                }
                view! {
                    <ul class="cairn-flow__runs">
                        {rows.into_iter().map(|(key, name, href, state, log)| view! {
                            <li class="cairn-flow__run" data-enrollment=key>
                                <p><a href=base.href(&href)>{if name.is_empty() { i18n.t(Msg::Untitled).to_string() } else { name }}</a>" · "<span class="cairn-muted">{move || i18n.t(state)}</span></p>
                                <ol class="cairn-flow__log">
                                    {log.into_iter().map(|(step, at, outcome, problem)| view! {
                                        <li>
                                            <span class="cairn-muted">{at}</span>" "{step}" "{move || i18n.t(outcome)}
                                            {problem.map(|p| view! { ": "{move || i18n.t(p)} })}
                                        </li>
                                    }).collect_view()}
                                </ol>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
