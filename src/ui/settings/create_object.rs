//! The "Create custom object" dialog: labels, internal name, primary display property,
//! other properties (required, searchable) and the objects it can be associated with.
//! Internal names follow the labels until the person edits them.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::errors::error_text;
use super::fields::{CheckField, TextField, TypePicker};
use crate::core::i18n::{object_plural, schema_error, Msg};
use crate::core::schema::{ObjectKind, SchemaError};
use crate::core::settings::{suggest_internal_name, type_from_tag, CustomObjectDraft, DraftField, DraftProperty};
use crate::ui::i18n::use_i18n;
use crate::ui::record::modal::Modal;
use crate::ui::store::use_store;

/// One "other property" row, as signals.
#[derive(Clone, Copy)]
struct Row {
    key: usize,
    label: RwSignal<String>,
    name: RwSignal<String>,
    kind: RwSignal<String>,
    required: RwSignal<bool>,
    searchable: RwSignal<bool>,
}

impl Row {
    fn new(key: usize) -> Row {
        Row {
            key,
            label: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            kind: RwSignal::new("single_line_text".to_string()),
            required: RwSignal::new(false),
            searchable: RwSignal::new(false),
        }
    }
}

#[component]
pub fn CreateObjectDialog(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <Modal open=open title=Msg::SetCreateObject id="create-object">
            <CreateObjectForm open=open/>
        </Modal>
    }
}

#[component]
fn CreateObjectForm(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let (singular, plural, name, primary, primary_name) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (name_edited, primary_name_edited) = (RwSignal::new(false), RwSignal::new(false));
    let rows = RwSignal::new(Vec::<Row>::new());
    let next_key = StoredValue::new(0usize);
    let problems = RwSignal::new(Vec::<(DraftField, SchemaError)>::new());
    let failure = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let targets: Vec<(String, String, RwSignal<bool>)> = store.ws.with_untracked(|ws| {
        ws.schema()
            .objects
            .iter()
            .filter(|o| o.enabled && o.kind != ObjectKind::Activity && o.name != "line_items")
            .map(|o| (o.name.clone(), object_plural(i18n.lang.get_untracked(), o), RwSignal::new(false)))
            .collect()
    });

    let problem = move |field: DraftField| {
        Signal::derive(move || problems.with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, e)| schema_error(i18n.lang.get(), e))))
    };
    let add_row = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| r.push(Row::new(key)));
    };
    let draft = {
        let targets = targets.clone();
        move || CustomObjectDraft {
            singular: singular.get_untracked(),
            plural: plural.get_untracked(),
            name: name.get_untracked().trim().to_string(),
            primary_label: primary.get_untracked(),
            primary_name: primary_name.get_untracked().trim().to_string(),
            properties: rows
                .get_untracked()
                .iter()
                .filter(|r| !r.label.get_untracked().trim().is_empty())
                .map(|r| DraftProperty {
                    label: r.label.get_untracked(),
                    name: r.name.get_untracked().trim().to_string(),
                    kind: type_from_tag(&r.kind.get_untracked()).unwrap_or(crate::core::schema::PropertyType::SingleLineText),
                    required: r.required.get_untracked(),
                    searchable: r.searchable.get_untracked(),
                })
                .collect(),
            associate_with: targets.iter().filter(|(_, _, on)| on.get_untracked()).map(|(n, _, _)| n.clone()).collect(),
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let commands = match store.ws.with_untracked(|ws| draft().commands(ws.schema())) {
            Ok(commands) => commands,
            Err(found) => {
                problems.set(found);
                return;
            }
        };
        problems.set(Vec::new());
        saving.set(true);
        spawn_local(async move {
            for command in commands {
                if let Err(e) = store.dispatch(command).await {
                    failure.set(Some(error_text(i18n.lang.get_untracked(), &e)));
                    saving.set(false);
                    return;
                }
            }
            saving.set(false);
            open.set(false);
        });
    };

    let row_view = move |r: Row| {
        let i = move || rows.with(|all| all.iter().position(|x| x.key == r.key).unwrap_or(0));
        let row_problem = Signal::derive(move || {
            let at = i();
            problems.with(|p| p.iter().find(|(f, _)| *f == DraftField::Property(at)).map(|(_, e)| schema_error(i18n.lang.get(), e)))
        });
        let edited = RwSignal::new(false);
        let follow = Callback::new(move |label: String| {
            if !edited.get_untracked() {
                r.name.set(suggest_internal_name(&label));
            }
        });
        let k = r.key;
        view! {
            <fieldset class="cairn-settings__draft-row">
                <TextField label=Msg::SetPropertyLabel id=format!("draft-{k}-label") value=r.label problem=row_problem on_input=follow/>
                <TextField label=Msg::SetInternalName id=format!("draft-{k}-name") value=r.name on_input=Callback::new(move |_| edited.set(true))/>
                <TypePicker id=format!("draft-{k}-type") value=r.kind/>
                <CheckField label=Msg::SetRequired id=format!("draft-{k}-required") checked=r.required/>
                <CheckField label=Msg::SetSearchable id=format!("draft-{k}-searchable") checked=r.searchable/>
                <button type="button" class="cairn-button cairn-button--small" on:click=move |_| rows.update(|all| all.retain(|x| x.key != k))>
                    {move || i18n.t(Msg::Remove)}
                </button>
            </fieldset>
        }
    };

    let checks = targets
        .into_iter()
        .enumerate()
        .map(|(i, (object, label, on))| {
            let (id, for_id) = (format!("assoc-{object}"), format!("assoc-{object}"));
            let err = problem(DraftField::Association(i));
            view! {
                <label class="cairn-field__choice" for=for_id>
                    <input type="checkbox" id=id prop:checked=move || on.get() on:change=move |ev| on.set(event_target_checked(&ev))/>
                    {label}
                </label>
                <p class="cairn-field__error">{move || err.get()}</p>
            }
        })
        .collect_view();

    view! {
        <form class="cairn-form cairn-settings__form" novalidate on:submit=submit>
            <TextField label=Msg::SetSingular id="object-singular" value=singular problem=problem(DraftField::Singular)/>
            <TextField label=Msg::SetPlural id="object-plural" value=plural problem=problem(DraftField::Plural)
                on_input=Callback::new(move |text: String| if !name_edited.get_untracked() { name.set(suggest_internal_name(&text)) })/>
            <TextField label=Msg::SetInternalName id="object-name" value=name problem=problem(DraftField::Name) hint=Msg::SetInternalNameHint
                on_input=Callback::new(move |_| name_edited.set(true))/>
            <TextField label=Msg::SetPrimaryProperty id="object-primary" value=primary problem=problem(DraftField::Primary)
                on_input=Callback::new(move |text: String| if !primary_name_edited.get_untracked() { primary_name.set(suggest_internal_name(&text)) })/>
            <TextField label=Msg::SetInternalName id="object-primary-name" value=primary_name
                on_input=Callback::new(move |_| primary_name_edited.set(true))/>
            <h3>{move || i18n.t(Msg::SetMoreProperties)}</h3>
            <For each=move || rows.get() key=|r| r.key children=row_view/>
            <button type="button" class="cairn-button" on:click=add_row>{move || i18n.t(Msg::SetAddProperty)}</button>
            <fieldset class="cairn-field cairn-field--group">
                <legend>{move || i18n.t(Msg::SetAssociatedWith)}</legend>
                {checks}
            </fieldset>
            <p class="cairn-form__status cairn-form__status--error" role="alert">{move || failure.get()}</p>
            <div class="cairn-form__actions">
                <button type="submit" class="cairn-button cairn-button--primary" disabled=move || saving.get()>{move || i18n.t(Msg::IdxCreate)}</button>
                <button type="button" class="cairn-button" on:click=move |_| open.set(false)>{move || i18n.t(Msg::Cancel)}</button>
            </div>
        </form>
    }
}
