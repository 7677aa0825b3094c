//! Running an import (or its dry run) in steps, with progress.

use std::convert::Infallible;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::command::Context;
use crate::core::csv::{ImportOptions, ImportReport, ImportRun, Problem, Table};
use crate::core::i18n::Msg;
use crate::ui::bench;
use crate::ui::store::{failure_message, now, Status, Store};

/// Rows imported between two pauses: small enough to keep the page responsive.
const ROWS_PER_STEP: usize = 2_000;

/// What the summary screens show of an import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub created: usize,
    pub updated: usize,
    pub skipped: usize,
    pub problems: Vec<Problem>,
}

impl Outcome {
    fn of(report: &ImportReport) -> Outcome {
        Outcome { created: report.created, updated: report.updated, skipped: report.skipped, problems: report.problems.clone() }
    }
}

/// Lets the browser handle events and paint before the next step.
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Imports `table`; with `dry_run`, everything is undone at the end and only the outcome is
/// kept. `progress` holds (rows done, rows in total) while it runs.
pub async fn run_import(store: Store, table: Arc<Table>, options: ImportOptions, dry_run: bool, progress: RwSignal<Option<(usize, usize)>>) -> Result<Outcome, Msg> {
    if store.status.get_untracked() == Status::Loading {
        return Err(Msg::Loading);
    }
    bench::mark("cairn:import-start");
    let total = table.rows.len();
    let ctx = Context::user(now());
    progress.set(Some((0, total)));
    pause().await;
    // The rows go into the workspace without notifying anyone: the screen updates once, when
    // the whole import is persisted (or undone).
    let mut run = store.ws.try_update_untracked(|ws| ImportRun::start(ws, &table, &options, &ctx)).ok_or(Msg::StorageWriteFailed)?;
    loop {
        let finished = store.ws.try_update_untracked(|ws| run.step(ws, &table, ROWS_PER_STEP)).ok_or(Msg::StorageWriteFailed)?;
        progress.set(Some((run.done(), total)));
        if finished {
            break;
        }
        pause().await;
    }
    let report = run.finish();
    let outcome = Outcome::of(&report);
    bench::measure(if dry_run { "cairn:import-check" } else { "cairn:import-apply" }, Some("cairn:import-start"));
    if dry_run {
        store.ws.try_update_untracked(|ws| ws.revert(&report.commit));
        progress.set(None);
        return Ok(outcome);
    }
    if store.status.get_untracked() == Status::Loading {
        store.ws.try_update_untracked(|ws| ws.revert(&report.commit));
        return Err(Msg::Loading);
    }
    let commit = report.commit;
    // `apply` persists the commit as one batch, or reverts it if storage refuses it.
    let saved = store.apply(move |_| Ok::<_, Infallible>((commit, ()))).await;
    progress.set(None);
    bench::measure("cairn:import", Some("cairn:import-start"));
    saved.map(|_| outcome).map_err(|e| failure_message(&e))
}
