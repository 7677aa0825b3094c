//! A grouped bar chart drawn as plain SVG: one group per row, one bar per series.
//!
//! The chart is a picture of the table printed under it, so it is hidden from screen
//! readers (`aria-hidden`); the table carries the figures.

use leptos::prelude::*;

/// Series with their own colour (classes `cairn-chart__bar--0` … in style/reports.css and style/forecast.css);
/// colours come from classes because the page's CSP allows no inline style.
const COLOURS: usize = 4;
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const LABEL_ROOM: f64 = 28.0;

/// `rows`: a label and one value per series. Values below zero are drawn as zero.
#[component]
pub fn BarChart(rows: Vec<(String, Vec<f64>)>, #[prop(into)] test_id: String) -> impl IntoView {
    let series = rows.iter().map(|(_, v)| v.len()).max().unwrap_or(0).max(1);
    let top = rows.iter().flat_map(|(_, v)| v.iter().copied()).fold(0.0_f64, f64::max);
    let scale = if top > 0.0 { (HEIGHT - LABEL_ROOM - 8.0) / top } else { 0.0 };
    let group = WIDTH / rows.len().max(1) as f64;
    let bar = (group * 0.8 / series as f64).min(48.0);
    let base = HEIGHT - LABEL_ROOM;
    let bars = rows
        .iter()
        .enumerate()
        .flat_map(|(g, (_, values))| {
            let start = g as f64 * group + (group - bar * values.len() as f64) / 2.0;
            values.iter().enumerate().map(move |(s, v)| {
                let h = (v.max(0.0) * scale).max(if *v > 0.0 { 1.0 } else { 0.0 });
                view! { <rect x=format!("{:.1}", start + s as f64 * bar) y=format!("{:.1}", base - h) width=format!("{:.1}", bar - 2.0) height=format!("{h:.1}") class=format!("cairn-chart__bar cairn-chart__bar--{}", s % COLOURS) rx="2"/> }
            })
        })
        .collect_view();
    let labels = rows
        .iter()
        .enumerate()
        .map(|(g, (label, _))| {
            let short: String = label.chars().take(((group / 7.0) as usize).max(3)).collect();
            view! { <text x=format!("{:.1}", g as f64 * group + group / 2.0) y=format!("{:.1}", HEIGHT - 10.0) text-anchor="middle" class="cairn-chart__label">{short}</text> }
        })
        .collect_view();
    view! {
        <svg class="cairn-chart" data-testid=test_id viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-hidden="true">
            <line x1="0" x2=WIDTH.to_string() y1=base.to_string() y2=base.to_string() class="cairn-chart__axis"/>
            {bars}
            {labels}
        </svg>
    }
}

/// The class of a series' colour swatch, for the legend.
pub fn swatch(series: usize) -> String {
    format!("cairn-reports__swatch cairn-chart__bar--{}", series % COLOURS)
}
