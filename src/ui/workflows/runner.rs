//! Runs the workflow engine in the background: at start-up (catching up whatever fell due
//! while the app was closed), every minute, and after every change to the data.
//!
//! Each round asks the core for what is due at the current time and persists the result
//! as one batch; the core refuses any step that already ran, so a second tab or a reload in
//! the middle of a round never repeats an action.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::workflow::engine::{has_due, run_due};
use crate::ui::bench;
use crate::ui::record::utc_offset;
use crate::ui::leader::Leader;
use crate::ui::store::{now, Status, Store};

/// Due items run per batch: large enough to catch up quickly, small enough to keep each
/// IndexedDB transaction short and the page responsive between batches.
const BATCH: usize = 2_000;

/// Starts the runner for the app's lifetime. Only the leader tab (Web Locks, see
/// `ui::leader`) runs due steps; were two tabs to race anyway, steps are idempotent and both
/// would write identical entities.
pub fn start_runner(store: Store, leader: Leader) {
    let running = StoredValue::new(false);
    let again = StoredValue::new(false);
    // The first catch-up is timed (`cairn:catchup`) for the benchmark: 0 before, 1 during, 2 after.
    let timed = StoredValue::new(0u8);
    let round = move || {
        if running.get_value() {
            again.set_value(true);
            return;
        }
        if !leader.is_leader.get_untracked() || matches!(store.status.get_untracked(), Status::Loading | Status::Outdated) {
            return;
        }
        running.set_value(true);
        spawn_local(async move {
            loop {
                again.set_value(false);
                // Checking first keeps the workspace signal untouched when nothing is due:
                // every update re-renders the page and would bring the runner back here.
                if !store.ws.with_untracked(|ws| has_due(ws, now())) {
                    if timed.get_value() == 1 {
                        bench::measure("cairn:catchup", Some("cairn:catchup-start"));
                        timed.set_value(2);
                    }
                    break;
                }
                if timed.get_value() == 0 {
                    bench::mark("cairn:catchup-start");
                    timed.set_value(1);
                }
                let offset = utc_offset() as i32;
                let result = store
                    .apply(|ws| {
                        let (commit, report) = run_due(ws, now(), offset, BATCH);
                        if commit.changes.is_empty() { Err(()) } else { Ok((commit, report.more)) }
                    })
                    .await;
                let more = match result {
                    Ok(Ok(more)) => more,
                    // Nothing could run (or storage failed): wait for the next tick or change.
                    _ => break,
                };
                if !more && !again.get_value() {
                    break;
                }
            }
            running.set_value(false);
        });
    };
    // After loading and after every change (this tab's, another tab's or the runner's own).
    // And as soon as this tab becomes the leader.
    Effect::new(move |_| {
        leader.is_leader.track();
        store.status.track();
        store.ws.track();
        round();
    });
    let _ = set_interval_with_handle(round, Duration::from_secs(60));
}
