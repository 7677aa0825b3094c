use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::view::Row;
use crate::ui::i18n::use_i18n;

/// A table of records; cell text is rendered as text, never as HTML.
#[component]
pub fn RecordTable(headers: Vec<Msg>, rows: Memo<Vec<Row>>, empty: Msg) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="cairn-empty">{i18n.t(empty)}</p> }>
            <div class="cairn-table__scroll">
                <table class="cairn-table">
                    <thead>
                        <tr>
                            {headers.iter().map(|m| { let m = *m; view! { <th scope="col">{move || i18n.t(m)}</th> } }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.clone() children=|row| {
                            view! {
                                <tr data-id=row.id.to_string()>
                                    {row.cells.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
                                </tr>
                            }
                        }/>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
