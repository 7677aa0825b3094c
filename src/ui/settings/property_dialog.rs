//! Create or edit a property: label (the internal name follows it for a new property),
//! description, group, type with its settings (options, number limits) and flags. A refused
//! edit (a type change or a removed option that would lose values) lists the records.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::errors::CommandProblem;
use super::fields::{CheckField, TextField, TypePicker};
use super::options::{OptionRow, OptionsEditor};
use crate::core::command::Command;
use crate::core::command::CommandError;
use crate::core::i18n::{schema_error, Msg};
use crate::core::schema::{PropertyDef, PropertyType, SchemaEdit};
use crate::core::i18n::group_label;
use super::calculation_editor::{CalculationEditor, CalculationInputs};
use crate::core::settings::{editor_part, keep_untouched_labels, shown_form, suggest_internal_name, type_from_tag, type_tag, EditorPart, FormField, PropertyForm};
use crate::ui::i18n::use_i18n;
use crate::ui::store::{use_store, DispatchError};

/// The form for `existing` (`None` creates a property of `object`).
#[component]
pub fn PropertyEditor(object: String, existing: Option<PropertyDef>, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let lang = i18n.lang.get_untracked();
    let groups: Vec<(String, String)> =
        store.ws.with_untracked(|ws| ws.schema().object(&object).map(|o| o.groups.iter().map(|g| (g.name.clone(), group_label(lang, &object, g).into_owned())).collect()).unwrap_or_default());
    let start = existing.as_ref().map(|d| shown_form(&object, d, lang)).unwrap_or_else(|| PropertyForm {
        group: groups.first().map(|g| g.0.clone()).unwrap_or_default(),
        kind: Some(PropertyType::SingleLineText),
        ..Default::default()
    });
    let creating = existing.is_none();
    let type_locked = existing.as_ref().is_some_and(|d| !d.custom || d.read_only);
    let prefix = if creating { "new-prop" } else { "edit-prop" };
    let field_id = move |name: &str| format!("{prefix}-{name}");

    let label = RwSignal::new(start.label.clone());
    let name = RwSignal::new(start.name.clone());
    let name_edited = RwSignal::new(!creating);
    let description = RwSignal::new(start.description.clone());
    let group = RwSignal::new(start.group.clone());
    let kind = RwSignal::new(start.kind.as_ref().map(type_tag).unwrap_or("single_line_text").to_string());
    let (decimals, min, max) = (RwSignal::new(start.decimals.clone()), RwSignal::new(start.min.clone()), RwSignal::new(start.max.clone()));
    let options = RwSignal::new(start.options.iter().enumerate().map(|(i, o)| OptionRow::new(i, o, true)).collect::<Vec<_>>());
    let (required, unique, hidden) = (RwSignal::new(start.required), RwSignal::new(start.unique), RwSignal::new(start.hidden));
    let bad_fields = RwSignal::new(Vec::<FormField>::new());
    let error = RwSignal::new(None::<DispatchError>);
    let saving = RwSignal::new(false);
    // A schema refusal about one input is shown at that input; the rest below the form.
    let part_error = RwSignal::new(None::<(EditorPart, crate::core::schema::SchemaError)>);
    let at = move |part: EditorPart| {
        Signal::derive(move || part_error.with(|p| p.as_ref().filter(|(q, _)| *q == part).map(|(_, e)| schema_error(i18n.lang.get(), e))))
    };

    let is_number = move || kind.with(|k| k == "number");
    let is_calculated = move || kind.with(|k| k == "calculated");
    let calculation = CalculationInputs::new();
    let is_enum = move || kind.with(|k| type_from_tag(k).is_some_and(|t| t.is_enumeration()));
    let number_problem = move |field: FormField| Signal::derive(move || bad_fields.with(|b| b.contains(&field)).then(|| i18n.t(Msg::ErrNumber).to_string()));

    let submit = {
        let object = object.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if saving.get_untracked() {
                return;
            }
            let mut form = PropertyForm {
                label: label.get_untracked(),
                name: name.get_untracked(),
                description: description.get_untracked(),
                group: group.get_untracked(),
                kind: type_from_tag(&kind.get_untracked()),
                decimals: decimals.get_untracked(),
                min: min.get_untracked(),
                max: max.get_untracked(),
                options: options.get_untracked().iter().map(OptionRow::draft).collect(),
                required: required.get_untracked(),
                unique: unique.get_untracked(),
                hidden: hidden.get_untracked(),
            };
            let lang = i18n.lang.get_untracked();
            let calculated = match form.kind {
                Some(PropertyType::Calculated) => {
                    let planned = store.ws.with_untracked(|ws| ws.schema().object(&object).map(|def| calculation.draft().calculation(ws.schema(), def)));
                    match planned {
                        Some(Ok(c)) => Some(c),
                        Some(Err(problem)) => {
                            calculation.problem.set(Some(problem));
                            return;
                        }
                        None => None,
                    }
                }
                _ => None,
            };
            let edit = match &existing {
                None => form.definition(lang).map(|mut property| {
                    property.calculation = calculated;
                    SchemaEdit::CreateProperty { object: object.clone(), property }
                }),
                Some(old) => {
                    keep_untouched_labels(&mut form, &object, old, lang);
                    form.patch(old, lang).map(|patch| SchemaEdit::UpdateProperty { object: object.clone(), property: old.name.clone(), patch })
                }
            };
            let edit = match edit {
                Ok(edit) => edit,
                Err(fields) => {
                    bad_fields.set(fields);
                    return;
                }
            };
            bad_fields.set(Vec::new());
            saving.set(true);
            spawn_local(async move {
                let result = store.dispatch(Command::EditSchema(edit)).await;
                saving.set(false);
                match result {
                    Ok(_) => open.set(false),
                    Err(DispatchError::Command(CommandError::Schema(e))) if editor_part(&e) != EditorPart::Form => {
                        error.set(None);
                        part_error.set(Some((editor_part(&e), e)));
                    }
                    Err(e) => {
                        part_error.set(None);
                        error.set(Some(e));
                    }
                }
            });
        }
    };

    let group_options = groups
        .into_iter()
        .map(|(value, text)| {
            let v = value.clone();
            view! { <option value=value selected=move || group.get() == v>{text}</option> }
        })
        .collect_view();

    view! {
        <form class="cairn-form cairn-settings__form" novalidate on:submit=submit>
            <TextField label=Msg::SetPropertyLabel id=field_id("label") value=label problem=at(EditorPart::Label)
                on_input=Callback::new(move |text: String| if !name_edited.get_untracked() { name.set(suggest_internal_name(&text)) })/>
            <div class="cairn-field">
                <label for=field_id("name")>{move || i18n.t(Msg::SetInternalName)}</label>
                <input id=field_id("name") disabled=!creating prop:value=move || name.get()
                    aria-invalid=move || at(EditorPart::Name).with(Option::is_some).to_string() aria-describedby=field_id("name-error")
                    on:input=move |ev| { name_edited.set(true); name.set(event_target_value(&ev)); }/>
                <p class="cairn-field__error" id=field_id("name-error")>{move || at(EditorPart::Name).get()}</p>
            </div>
            <TextField label=Msg::SetDescription id=field_id("description") value=description/>
            <div class="cairn-field">
                <label for=field_id("group")>{move || i18n.t(Msg::SetColGroup)}</label>
                <select id=field_id("group") on:change=move |ev| group.set(event_target_value(&ev))>{group_options}</select>
            </div>
            <TypePicker id=field_id("type") value=kind disabled=type_locked calculated=creating/>
            {type_locked.then(|| view! { <p class="cairn-muted cairn-settings__hint">{move || i18n.t(Msg::SetTypeLocked)}</p> })}
            <Show when=is_number>
                <p class="cairn-field__error">{move || at(EditorPart::Number).get()}</p>
                <div class="cairn-settings__inline">
                    <TextField label=Msg::SetDecimals id=field_id("decimals") value=decimals problem=number_problem(FormField::Decimals) input_type="number"/>
                    <TextField label=Msg::SetMin id=field_id("min") value=min problem=number_problem(FormField::Min)/>
                    <TextField label=Msg::SetMax id=field_id("max") value=max problem=number_problem(FormField::Max)/>
                </div>
            </Show>
            <Show when=is_calculated>
                <CalculationEditor object=object.clone() inputs=calculation prefix=prefix/>
            </Show>
            <Show when=is_enum>
                <OptionsEditor rows=options/>
                <p class="cairn-field__error" id=field_id("options-error")>{move || at(EditorPart::Options).get()}</p>
            </Show>
            <div class="cairn-settings__inline">
                <CheckField label=Msg::SetRequired id=field_id("required") checked=required/>
                <CheckField label=Msg::SetUnique id=field_id("unique") checked=unique/>
                <CheckField label=Msg::SetHidden id=field_id("hidden") checked=hidden/>
            </div>
            <p class="cairn-field__error" id=field_id("unique-error")>{move || at(EditorPart::Unique).get()}</p>
            <CommandProblem error=error id=field_id("problem")/>
            <div class="cairn-form__actions">
                <button type="submit" class="cairn-button cairn-button--primary" disabled=move || saving.get()>{move || i18n.t(Msg::Save)}</button>
                <button type="button" class="cairn-button" on:click=move |_| open.set(false)>{move || i18n.t(Msg::Cancel)}</button>
            </div>
        </form>
    }
}
