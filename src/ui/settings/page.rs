//! Settings › General: the interface language (the same picker as the navigation's), the
//! workspace currency and which owner this device's user is.

use leptos::prelude::*;

use super::frame::SettingsFrame;
use super::general::{CurrencySetting, IAmSetting};
use crate::core::i18n::Msg;
use crate::ui::i18n::use_i18n;
use crate::ui::shell::LanguagePicker;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <SettingsFrame>
            <h1>{move || i18n.t(Msg::SetGeneral)}</h1>
            <section class="cairn-card cairn-settings__section">
                <LanguagePicker id="settings-language" as_field=true/>
            </section>
            <section class="cairn-card cairn-settings__section">
                <CurrencySetting/>
                <IAmSetting/>
            </section>
        </SettingsFrame>
    }
}
