use super::{Counted, Msg, Plural};

pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Cairn",
        Msg::MainNavigation => "Main navigation",
        Msg::NavContacts => "Contacts",
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
        Msg::ErrNotAssociable => "These two kinds of records cannot be associated.",
        Msg::ErrAssociateWithItself => "A record cannot be associated with itself.",
        Msg::ErrNotAssociated => "These records are not associated.",
        Msg::ErrUnknownLabel => "This association label does not exist.",
        Msg::ErrTooManyAssociations => "This record already has as many associations of this kind as allowed.",
        Msg::ErrLabelTaken => "This label is already used as often as allowed (for example, only one primary company).",
        Msg::ErrInvalidAssociationDef => "This association definition is not valid.",
        Msg::ErrAssociationConflicts => "Some existing associations do not fit this definition. Change them first.",
        Msg::ErrMergeSameRecord => "A record cannot be merged with itself.",
        Msg::ErrMergeDifferentObjects => "Only records of the same type can be merged.",
        Msg::ErrNothingToUndo => "There is nothing to undo.",
        Msg::ErrUndoChanged => "This cannot be undone because the data has changed since.",
    }
}

pub fn counted(msg: Counted, n: Plural) -> &'static str {
    match (msg, n) {
        (Counted::Contacts, Plural::One) => "{n} contact",
        (Counted::Contacts, _) => "{n} contacts",
    }
}
