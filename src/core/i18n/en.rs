use super::{Counted, Msg, Plural};

pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Cairn",
        Msg::MainNavigation => "Main navigation",
        Msg::NavContacts => "Contacts",
        Msg::NavTasks => "Tasks",
        Msg::NavSettings => "Settings",
        Msg::NavSearch => "Search",
        Msg::ObjCompanies => "Companies",
        Msg::ObjDeals => "Deals",
        Msg::ObjTickets => "Tickets",
        Msg::CreateContact => "Create contact",
        Msg::NewContact => "New contact",
        Msg::FirstName => "First name",
        Msg::LastName => "Last name",
        Msg::Email => "Email",
        Msg::Save => "Save",
        Msg::Saving => "Saving…",
        Msg::Saved => "Saved",
        Msg::Loading => "Loading your data…",
        Msg::NoContactsYet => "No contacts yet. Create the first one with the form.",
        Msg::StorageUnavailable => "This browser will not keep your data: storage is unavailable (private mode or blocked). Cairn works, but everything is lost when you close the tab.",
        Msg::StorageDamaged => "Your stored data could not be read. Nothing was changed; Cairn is running without it.",
        Msg::SaveFailed => "Could not save, so the change was undone:",
        Msg::NotFound => "Page not found.",
        Msg::StorageFull => "The device's storage is full. Free some space or export your data.",
        Msg::StorageWriteFailed => "The browser refused to save the change.",
        Msg::NewerVersionOpened => "A newer version of Cairn was opened in another tab. Reload this tab to keep working.",
        Msg::UpdateAvailable => "A new version of Cairn is available.",
        Msg::ReloadNow => "Reload",
        Msg::ErrEmail => "Enter a valid email address, like name@example.com.",
        Msg::ErrUrl => "Enter a web address starting with http:// or https://.",
        Msg::ErrPhone => "Enter a phone number using digits, spaces, +, - and brackets.",
        Msg::ErrNumber => "Enter a number.",
        Msg::ErrBelowMin => "This number is below the minimum.",
        Msg::ErrAboveMax => "This number is above the maximum.",
        Msg::ErrDate => "Enter a date.",
        Msg::ErrDateTime => "Enter a date and time.",
        Msg::ErrUnknownOption => "Choose one of the options.",
        Msg::ErrCheckbox => "Choose yes or no.",
        Msg::ErrReadOnly => "This property cannot be edited.",
        Msg::ErrRequired => "This field is required.",
        Msg::ErrDuplicate => "Another record already uses this value.",
        Msg::ErrUnknownProperty => "This property does not exist.",
    }
}

pub fn counted(msg: Counted, n: Plural) -> &'static str {
    match (msg, n) {
        (Counted::Contacts, Plural::One) => "{n} contact",
        (Counted::Contacts, _) => "{n} contacts",
    }
}
