use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::files::{chosen_text, download};
use crate::core::backup::{self, BackupError};
use crate::core::i18n::Msg;
use crate::core::sync::{merge_text, MergeReport};
use crate::core::value::Value;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{failure_message, now, use_store};

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Idle,
    Restored,
    Merged(Summary),
    Failed(Msg),
}

/// What the summary shows of a merge.
#[derive(Clone, Debug, PartialEq)]
struct Summary {
    created: usize,
    updated: usize,
    deleted: usize,
    conflicts: usize,
    overwritten: Vec<(String, String, String, String)>,
}

fn text_of(value: &Option<Value>) -> String {
    value.as_ref().map(Value::display).unwrap_or_default()
}

impl Summary {
    fn of(report: &MergeReport) -> Summary {
        Summary {
            created: report.created,
            updated: report.updated,
            deleted: report.deleted,
            conflicts: report.conflicts.len(),
            overwritten: report
                .overwritten
                .iter()
                .map(|o| (o.record.to_string(), o.property.clone(), text_of(&o.old), text_of(&o.new)))
                .collect(),
        }
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let outcome = RwSignal::new(Outcome::Idle);

    let on_export = move |_| {
        let (text, day) = store.ws.with_untracked(|ws| (backup::export(ws, now()), now().to_date()));
        if let Err(e) = download(&format!("cairn-backup-{day}.json"), "application/json", &text) {
            web_sys::console::warn_2(&"Cairn: export failed".into(), &e);
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        spawn_local(async move {
            let Ok(Some(text)) = chosen_text(&input).await else { return };
            input.set_value("");
            // An empty browser takes the file as it is; otherwise both sides are merged.
            let result = store
                .apply(|ws| -> Result<_, BackupError> {
                    if ws.is_empty() {
                        backup::import(ws, &text).map(|commit| (commit, Outcome::Restored))
                    } else {
                        merge_text(ws, &text).map(|report| (report.commit.clone(), Outcome::Merged(Summary::of(&report))))
                    }
                })
                .await;
            outcome.set(match result {
                Ok(Ok(done)) => done,
                Ok(Err(refused)) => Outcome::Failed(refused.msg()),
                Err(e) => Outcome::Failed(failure_message(&e)),
            });
        });
    };

    view! {
        <section class="cairn-page cairn-data">
            <header class="cairn-page__header"><h1>{move || i18n.t(Msg::DataTitle)}</h1></header>
            <div class="cairn-data__cards">
                <div class="cairn-card">
                    <h2>{move || i18n.t(Msg::ExportBackup)}</h2>
                    <p class="cairn-muted">{move || i18n.t(Msg::ExportHint)}</p>
                    <button type="button" class="cairn-button cairn-button--primary" on:click=on_export>
                        {move || i18n.t(Msg::ExportBackup)}
                    </button>
                </div>
                <div class="cairn-card">
                    <h2>{move || i18n.t(Msg::MergeBackup)}</h2>
                    <p class="cairn-muted">{move || i18n.t(Msg::MergeHint)}</p>
                    <label class="cairn-data__file" for="cairn-backup-file">{move || i18n.t(Msg::MergeBackup)}</label>
                    <input id="cairn-backup-file" type="file" accept=".json,application/json" on:change=on_file/>
                </div>
            </div>
            <div role="status" data-testid="data-outcome">{move || outcome_view(outcome.get())}</div>
        </section>
    }
}

fn outcome_view(outcome: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    match outcome {
        Outcome::Idle => ().into_any(),
        Outcome::Restored => view! { <p class="cairn-data__ok">{i18n.t(Msg::Saved)}</p> }.into_any(),
        Outcome::Failed(msg) => view! { <p class="cairn-data__error">{i18n.t(msg)}</p> }.into_any(),
        Outcome::Merged(s) => {
            let figures = [(Msg::SummaryCreated, s.created), (Msg::SummaryUpdated, s.updated), (Msg::SummaryDeleted, s.deleted), (Msg::SummaryConflicts, s.conflicts)];
            view! {
                <div class="cairn-card cairn-data__summary">
                    <p class="cairn-data__ok">{i18n.t(Msg::MergeDone)}</p>
                    <dl class="cairn-data__figures">
                        {figures.into_iter().map(|(m, n)| view! { <div><dt>{i18n.t(m)}</dt><dd>{n}</dd></div> }).collect_view()}
                    </dl>
                    <Show when={let empty = s.overwritten.is_empty(); move || !empty}>
                    <h2>{i18n.t(Msg::OverwrittenTitle)}</h2>
                    <div class="cairn-table__scroll">
                        <table class="cairn-table">
                            <thead><tr>
                                <th scope="col">{i18n.t(Msg::ColRecord)}</th>
                                <th scope="col">{i18n.t(Msg::ColProperty)}</th>
                                <th scope="col">{i18n.t(Msg::ColOld)}</th>
                                <th scope="col">{i18n.t(Msg::ColNew)}</th>
                            </tr></thead>
                            <tbody>
                                {s.overwritten.clone().into_iter().map(|(r, p, o, n)| view! { <tr><td>{r}</td><td>{p}</td><td>{o}</td><td>{n}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    </Show>
                </div>
            }.into_any()
        }
    }
}
