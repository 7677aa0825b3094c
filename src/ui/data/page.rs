use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::csv_export::CsvExportCard;
use super::files::{chosen_text, download};
use crate::storage::crypto;
use crate::ui::bench;
use crate::ui::app::Base;
use crate::core::backup::{self, envelope, BackupError};
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

    let passphrase = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let export_error = RwSignal::new(None::<Msg>);
    let exporting = RwSignal::new(false);
    let on_export = move |_| {
        let secret = passphrase.get_untracked();
        if secret != confirmation.get_untracked() {
            export_error.set(Some(Msg::PassphraseMismatch));
            return;
        }
        export_error.set(None);
        let (text, day) = bench::timed("cairn:export", || store.ws.with_untracked(|ws| (backup::export(ws, now()), now().to_date())));
        exporting.set(true);
        spawn_local(async move {
            let text = if secret.is_empty() { Ok(text) } else { crypto::encrypt(&text, &secret).await };
            exporting.set(false);
            match text {
                Ok(text) => {
                    if let Err(e) = download(&format!("cairn-backup-{day}.json"), "application/json", &text) {
                        web_sys::console::warn_2(&"Cairn: export failed".into(), &e);
                    }
                }
                Err(e) => export_error.set(Some(e.msg())),
            }
        });
    };

    // An encrypted file waits here until its passphrase is given.
    let locked = RwSignal::new(None::<String>);
    let unlock_with = RwSignal::new(String::new());
    let opening = RwSignal::new(false);
    let unlock_error = RwSignal::new(None::<Msg>);
    let take = move |text: String| {
        spawn_local(async move {
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
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        spawn_local(async move {
            let Ok(Some(text)) = chosen_text(&input).await else { return };
            input.set_value("");
            if envelope::is_encrypted(&text) {
                unlock_with.set(String::new());
                unlock_error.set(None);
                outcome.set(Outcome::Idle);
                locked.set(Some(text));
            } else {
                locked.set(None);
                take(text);
            }
        });
    };
    let on_unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(container) = locked.get_untracked() else { return };
        let secret = unlock_with.get_untracked();
        unlock_error.set(None);
        opening.set(true);
        spawn_local(async move {
            let opened = crypto::decrypt(&container, &secret).await;
            opening.set(false);
            match opened {
                Ok(text) => {
                    locked.set(None);
                    take(text);
                }
                // The file stays here so another passphrase can be tried.
                Err(e) => unlock_error.set(Some(e.msg())),
            }
        });
    };
    let base = expect_context::<Base>();

    view! {
        <section class="cairn-page cairn-data">
            <header class="cairn-page__header"><h1>{move || i18n.t(Msg::DataTitle)}</h1></header>
            <div class="cairn-data__cards">
                <div class="cairn-card">
                    <h2>{move || i18n.t(Msg::ExportBackup)}</h2>
                    <p class="cairn-muted">{move || i18n.t(Msg::ExportHint)}</p>
                    <div class="cairn-field">
                        <label for="cairn-backup-passphrase">{move || i18n.t(Msg::Passphrase)}</label>
                        <input id="cairn-backup-passphrase" type="password" autocomplete="new-password" prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </div>
                    <Show when=move || !passphrase.with(String::is_empty)>
                        <div class="cairn-field">
                            <label for="cairn-backup-passphrase-confirm">{move || i18n.t(Msg::PassphraseConfirm)}</label>
                            <input id="cairn-backup-passphrase-confirm" type="password" autocomplete="new-password" prop:value=move || confirmation.get() on:input=move |ev| confirmation.set(event_target_value(&ev))/>
                        </div>
                        <p class="cairn-muted">{move || i18n.t(Msg::PassphraseHint)}</p>
                    </Show>
                    <div class="cairn-form__actions">
                        <button type="button" class="cairn-button cairn-button--primary" disabled=move || exporting.get() || store.loading() on:click=on_export>
                            {move || i18n.t(Msg::ExportBackup)}
                        </button>
                        <Show when=move || exporting.get()><span class="cairn-form__status">{move || i18n.t(Msg::Working)}</span></Show>
                    </div>
                    <p class="cairn-data__error" role="alert">{move || export_error.get().map(|m| i18n.t(m))}</p>
                </div>
                <div class="cairn-card">
                    <h2>{move || i18n.t(Msg::MergeBackup)}</h2>
                    <p class="cairn-muted">{move || i18n.t(Msg::MergeHint)}</p>
                    <label class="cairn-data__file" for="cairn-backup-file">{move || i18n.t(Msg::MergeBackup)}</label>
                    <input id="cairn-backup-file" type="file" accept=".json,application/json" on:change=on_file/>
                    <Show when=move || locked.with(Option::is_some)>
                        <form class="cairn-data__unlock" on:submit=on_unlock>
                            <p>{move || i18n.t(Msg::EncryptedAsk)}</p>
                            <div class="cairn-field">
                                <label for="cairn-backup-unlock">{move || i18n.t(Msg::PassphraseOfFile)}</label>
                                <input id="cairn-backup-unlock" type="password" autocomplete="current-password" prop:value=move || unlock_with.get() on:input=move |ev| unlock_with.set(event_target_value(&ev))/>
                            </div>
                            <div class="cairn-form__actions">
                                <button type="submit" class="cairn-button cairn-button--primary" disabled=move || opening.get()>{move || i18n.t(Msg::EncryptedOpen)}</button>
                                <Show when=move || opening.get()><span class="cairn-form__status">{move || i18n.t(Msg::Working)}</span></Show>
                            </div>
                            <p class="cairn-data__error" role="alert" data-testid="unlock-error">{move || unlock_error.get().map(|m| i18n.t(m))}</p>
                        </form>
                    </Show>
                </div>
                <div class="cairn-card">
                    <h2>{move || i18n.t(Msg::ImportTitle)}</h2>
                    <p class="cairn-muted">{move || i18n.t(Msg::ImportHint)}</p>
                    <a class="cairn-button cairn-button--primary" href=base.href("/import")>{move || i18n.t(Msg::ImportAction)}</a>
                </div>
                <CsvExportCard/>
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
