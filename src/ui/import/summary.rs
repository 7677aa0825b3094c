//! The figures and the problem list shown after the dry run and after the import.

use leptos::prelude::*;

use crate::core::csv::{rows_with_problems, Problem};
use crate::core::i18n::format::format_number;
use crate::core::i18n::Msg;
use crate::ui::i18n::use_i18n;

use super::run::Outcome;

/// Problems listed on screen; the downloadable file has all of them.
const PROBLEMS_SHOWN: usize = 200;

#[component]
pub fn Figures(outcome: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    let rows_with_problems = rows_with_problems(&outcome.problems);
    let figures = [
        (Msg::SummaryCreated, outcome.created, "created"),
        (Msg::SummaryUpdated, outcome.updated, "updated"),
        (Msg::SummarySkipped, outcome.skipped, "skipped"),
        (Msg::SummaryProblems, rows_with_problems, "problems"),
    ];
    view! {
        <dl class="cairn-data__figures cairn-import__figures">
            {figures.into_iter().map(|(m, n, id)| view! {
                <div data-testid=format!("import-{id}")><dt>{move || i18n.t(m)}</dt><dd>{move || format_number(i18n.lang.get(), n as f64, 0)}</dd></div>
            }).collect_view()}
        </dl>
    }
}

#[component]
pub fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    let i18n = use_i18n();
    let shown: Vec<Problem> = problems.into_iter().take(PROBLEMS_SHOWN).collect();
    let empty = shown.is_empty();
    view! {
        <Show when=move || !empty>
            <div class="cairn-table__scroll">
                <table class="cairn-table cairn-import__problems" data-testid="import-problems">
                    <thead><tr>
                        <th scope="col">{move || i18n.t(Msg::CsvRow)}</th>
                        <th scope="col">{move || i18n.t(Msg::CsvColumn)}</th>
                        <th scope="col">{move || i18n.t(Msg::CsvValue)}</th>
                        <th scope="col">{move || i18n.t(Msg::CsvReason)}</th>
                    </tr></thead>
                    <tbody>
                        {shown.clone().into_iter().map(|p| {
                            let reason = p.reason;
                            view! { <tr><td>{p.row}</td><td>{p.column}</td><td>{p.value}</td><td>{move || i18n.t(reason)}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
