//! The wizard's page: its state, and the four steps (file, columns, check, result).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;
use web_sys::{File, HtmlInputElement};

use crate::core::csv::{auto_map, error_rows_csv, parse_csv, Dedup, ImportOptions, Table, Target};
use crate::core::i18n::format::format_number;
use crate::core::i18n::{object_plural, Msg};
use crate::core::schema::ObjectKind;
use crate::ui::app::Base;
use crate::ui::data::files::{download, file_bytes};
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;

use super::mapping::ColumnMapping;
use super::run::{run_import, Outcome};
use super::summary::{Figures, ProblemList};

/// Rows shown in the file preview.
const PREVIEW_ROWS: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    File,
    Columns,
    Check,
    Result,
}

/// The wizard's state, shared by its screens.
#[derive(Clone, Copy)]
pub struct Wizard {
    pub object: RwSignal<String>,
    pub file_name: RwSignal<String>,
    pub table: RwSignal<Option<Arc<Table>>>,
    pub columns: RwSignal<Vec<Target>>,
    pub dedup: RwSignal<Dedup>,
    pub create_missing: RwSignal<bool>,
    pub step: RwSignal<Step>,
    /// Rows done and rows in total while the check or the import runs.
    pub progress: RwSignal<Option<(usize, usize)>>,
    pub busy: RwSignal<bool>,
    pub error: RwSignal<Option<Msg>>,
    pub outcome: RwSignal<Option<Outcome>>,
}

impl Wizard {
    fn new(object: String) -> Wizard {
        Wizard {
            object: RwSignal::new(object),
            file_name: RwSignal::new(String::new()),
            table: RwSignal::new(None),
            columns: RwSignal::new(Vec::new()),
            dedup: RwSignal::new(Dedup::Update),
            create_missing: RwSignal::new(true),
            step: RwSignal::new(Step::File),
            progress: RwSignal::new(None),
            busy: RwSignal::new(false),
            error: RwSignal::new(None),
            outcome: RwSignal::new(None),
        }
    }

    fn options(self) -> ImportOptions {
        ImportOptions { object: self.object.get_untracked(), columns: self.columns.get_untracked(), create_missing: self.create_missing.get_untracked(), dedup: self.dedup.get_untracked() }
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let params = use_params_map();
    let wizard = Wizard::new(params.with_untracked(|p| p.get("object")).unwrap_or_else(|| "contacts".to_string()));

    // The automatic mapping, again whenever the file or the object changes.
    Effect::new(move |_| {
        let object = wizard.object.get();
        let columns = wizard.table.with(|t| t.as_ref().map(|t| store.ws.with_untracked(|ws| auto_map(ws.schema(), &object, &t.header))));
        wizard.columns.set(columns.unwrap_or_default());
    });

    let read_file = move |file: File| {
        wizard.file_name.set(file.name());
        wizard.busy.set(true);
        wizard.error.set(None);
        spawn_local(async move {
            let parsed = match file_bytes(&file).await {
                Ok(bytes) => parse_csv(&bytes).map_err(|e| e.msg()),
                Err(_) => Err(Msg::ErrCsvBinary),
            };
            wizard.busy.set(false);
            match parsed {
                Ok(table) => wizard.table.set(Some(Arc::new(table))),
                Err(msg) => {
                    wizard.table.set(None);
                    wizard.error.set(Some(msg));
                }
            }
        });
    };
    let on_input = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_file(file);
        }
        input.set_value("");
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            read_file(file);
        }
    };

    let start = move |dry_run: bool| {
        let Some(table) = wizard.table.get_untracked() else { return };
        wizard.busy.set(true);
        wizard.error.set(None);
        spawn_local(async move {
            let result = run_import(store, table, wizard.options(), dry_run, wizard.progress).await;
            wizard.busy.set(false);
            match result {
                Ok(outcome) => {
                    wizard.outcome.set(Some(outcome));
                    wizard.step.set(if dry_run { Step::Check } else { Step::Result });
                }
                Err(msg) => wizard.error.set(Some(msg)),
            }
        });
    };
    let download_errors = move |_| {
        let (Some(table), Some(outcome)) = (wizard.table.get_untracked(), wizard.outcome.get_untracked()) else { return };
        let text = error_rows_csv(&table, &outcome.problems, i18n.lang.get_untracked());
        if let Err(e) = download("import-errors.csv", "text/csv;charset=utf-8", &text) {
            web_sys::console::warn_2(&"Cairn: download failed".into(), &e);
        }
    };
    let restart = move |_| {
        wizard.table.set(None);
        wizard.outcome.set(None);
        wizard.file_name.set(String::new());
        wizard.step.set(Step::File);
    };

    let objects = Memo::new(move |_| {
        let lang = i18n.lang.get();
        store.ws.with(|ws| {
            ws.schema().objects.iter().filter(|o| o.enabled && o.kind != ObjectKind::Activity && o.name != "line_items").map(|o| (o.name.clone(), object_plural(lang, o))).collect::<Vec<_>>()
        })
    });
    let base = expect_context::<Base>();
    let step = move || wizard.step.get();
    let steps = [(Step::File, Msg::ImportStepFile), (Step::Columns, Msg::ImportStepMap), (Step::Check, Msg::ImportStepReview), (Step::Result, Msg::ImportStepDone)];
    let figures = move || wizard.outcome.get().map(|o| view! { <Figures outcome=o.clone()/> <ProblemList problems=o.problems/> });
    let nothing_to_import = move || wizard.outcome.with(|o| o.as_ref().is_some_and(|o| o.created + o.updated == 0));
    let has_problems = move || wizard.outcome.with(|o| o.as_ref().is_some_and(|o| !o.problems.is_empty()));

    view! {
        <section class="cairn-page cairn-import">
            <header class="cairn-page__header"><h1>{move || i18n.t(Msg::ImportTitle)}</h1></header>
            <ol class="cairn-import__steps">
                {steps.into_iter().map(|(s, m)| view! {
                    <li class="cairn-import__step" class:cairn-import__step--current=move || step() == s aria-current=move || (step() == s).then_some("step")>{move || i18n.t(m)}</li>
                }).collect_view()}
            </ol>
            <div class="cairn-card cairn-import__panel" data-testid="import-step" data-step=move || format!("{:?}", step()).to_lowercase()>
                <Show when=move || step() == Step::File>
                    <div class="cairn-field">
                        <label for="cairn-import-object">{move || i18n.t(Msg::ImportObject)}</label>
                        <select id="cairn-import-object" prop:value=move || wizard.object.get() on:change=move |ev| wizard.object.set(event_target_value(&ev))>
                            {move || objects.get().into_iter().map(|(name, plural)| {
                                let selected = { let name = name.clone(); move || wizard.object.get() == name };
                                view! { <option value=name selected=selected>{plural}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="cairn-import__drop" class:cairn-import__drop--active=move || dragging.get()
                        on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
                        on:dragleave=move |_| dragging.set(false)
                        on:drop=on_drop>
                        <p>{move || i18n.t(Msg::ImportDropHint)}</p>
                        <label class="cairn-button" for="cairn-import-file">{move || i18n.t(Msg::ImportChooseFile)}</label>
                        <input id="cairn-import-file" class="cairn-visually-hidden" type="file" accept=".csv,.tsv,.txt,text/csv" on:change=on_input/>
                        <p class="cairn-import__file-name">{move || wizard.file_name.get()}</p>
                    </div>
                    <Show when=move || wizard.busy.get()><p class="cairn-muted">{move || i18n.t(Msg::ImportReading)}</p></Show>
                    {move || wizard.table.get().map(|table| view! { <Preview table=table/> })}
                    <div class="cairn-form__actions">
                        <button type="button" class="cairn-button cairn-button--primary" disabled=move || wizard.table.with(Option::is_none)
                            on:click=move |_| wizard.step.set(Step::Columns)>{move || i18n.t(Msg::ImportStepMap)}</button>
                    </div>
                </Show>
                <Show when=move || step() == Step::Columns>
                    <ColumnMapping wizard=wizard/>
                    <div class="cairn-form__actions">
                        <button type="button" class="cairn-button" disabled=move || wizard.busy.get() on:click=move |_| wizard.step.set(Step::File)>{move || i18n.t(Msg::ImportBack)}</button>
                        <button type="button" class="cairn-button cairn-button--primary" disabled=move || wizard.busy.get() on:click=move |_| start(true)>{move || i18n.t(Msg::ImportCheck)}</button>
                    </div>
                </Show>
                <Show when=move || step() == Step::Check>
                    <h2>{move || i18n.t(Msg::ImportWillDo)}</h2>
                    {figures}
                    <Show when=nothing_to_import><p class="cairn-data__error">{move || i18n.t(Msg::ImportNothing)}</p></Show>
                    <div class="cairn-form__actions">
                        <button type="button" class="cairn-button" disabled=move || wizard.busy.get() on:click=move |_| wizard.step.set(Step::Columns)>{move || i18n.t(Msg::ImportBack)}</button>
                        <button type="button" class="cairn-button cairn-button--primary" disabled=move || wizard.busy.get() || nothing_to_import() on:click=move |_| start(false)>{move || i18n.t(Msg::ImportRun)}</button>
                    </div>
                </Show>
                <Show when=move || step() == Step::Result>
                    <p class="cairn-data__ok" role="status">{move || i18n.t(Msg::ImportDone)}</p>
                    {figures}
                    <div class="cairn-form__actions">
                        <Show when=has_problems>
                            <button type="button" class="cairn-button" on:click=download_errors>{move || i18n.t(Msg::ImportDownloadErrors)}</button>
                        </Show>
                        <button type="button" class="cairn-button" on:click=restart>{move || i18n.t(Msg::ImportAnother)}</button>
                        <a class="cairn-button cairn-button--primary" href={let base = base.clone(); move || base.href(&format!("/objects/{}", wizard.object.get()))}>
                            {move || store.ws.with(|ws| ws.schema().object(&wizard.object.get()).map(|o| object_plural(i18n.lang.get(), o))).unwrap_or_default()}
                        </a>
                    </div>
                </Show>
                {move || wizard.progress.get().map(|(done, total)| view! {
                    <div class="cairn-import__progress">
                        <p class="cairn-muted">{move || i18n.t(if wizard.step.get() == Step::Columns { Msg::ImportChecking } else { Msg::ImportRunning })}</p>
                        <progress max=total value=done data-testid="import-progress"></progress>
                    </div>
                })}
                <div role="alert">{move || wizard.error.get().map(|m| view! { <p class="cairn-data__error" data-testid="import-error">{i18n.t(m)}</p> })}</div>
            </div>
        </section>
    }
}

/// The file's header and first rows, as they were read.
#[component]
fn Preview(table: Arc<Table>) -> impl IntoView {
    let i18n = use_i18n();
    let header = table.header.clone();
    let rows: Vec<Vec<String>> = table.rows.iter().take(PREVIEW_ROWS).map(|r| r.cells.clone()).collect();
    let count = table.rows.len();
    view! {
        <dl class="cairn-import__count"><dt>{move || i18n.t(Msg::ImportRowsInFile)}</dt><dd data-testid="import-row-count">{move || format_number(i18n.lang.get(), count as f64, 0)}</dd></dl>
        <h2>{move || i18n.t(Msg::ImportPreview)}</h2>
        <div class="cairn-table__scroll">
            <table class="cairn-table cairn-import__preview" data-testid="import-preview">
                <thead><tr>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>{rows.into_iter().map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }).collect_view()}</tbody>
            </table>
        </div>
    }
}
