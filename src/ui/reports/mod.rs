//! Reports (`/reports`): forecast, conversion, time in stage and win rate of a pipeline,
//! forecast categories and rep performance per owner and team, each as a hand-drawn SVG
//! chart with its data table; ticket pipelines are counted (`counted.rs`).

mod chart;
mod counted;
mod owners;
mod page;
mod time_in_stage;

pub use page::ReportsPage;
