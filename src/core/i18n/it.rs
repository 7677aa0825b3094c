use super::{Counted, Msg, Plural};

pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Cairn",
        Msg::MainNavigation => "Navigazione principale",
        Msg::NavContacts => "Contatti",
        Msg::CreateContact => "Crea contatto",
        Msg::NewContact => "Nuovo contatto",
        Msg::FirstName => "Nome",
        Msg::LastName => "Cognome",
        Msg::Email => "E-mail",
        Msg::Save => "Salva",
        Msg::Saving => "Salvataggio…",
        Msg::Saved => "Salvato",
        Msg::Loading => "Caricamento dei tuoi dati…",
        Msg::NoContactsYet => "Ancora nessun contatto. Crea il primo con il modulo.",
        Msg::StorageUnavailable => "Questo browser non conserverà i tuoi dati: l’archiviazione non è disponibile (navigazione privata o bloccata). Cairn funziona, ma tutto andrà perso alla chiusura della scheda.",
        Msg::StorageDamaged => "Non è stato possibile leggere i dati salvati. Non è stato modificato nulla; Cairn funziona senza di essi.",
        Msg::SaveFailed => "Impossibile salvare, la modifica è stata annullata:",
        Msg::NotFound => "Pagina non trovata.",
        Msg::ErrEmail => "Inserisci un indirizzo e-mail valido, ad esempio nome@esempio.it.",
        Msg::ErrUrl => "Inserisci un indirizzo web che inizi con http:// o https://.",
        Msg::ErrPhone => "Inserisci un numero di telefono con cifre, spazi, +, - e parentesi.",
        Msg::ErrNumber => "Inserisci un numero.",
        Msg::ErrBelowMin => "Questo numero è inferiore al minimo.",
        Msg::ErrAboveMax => "Questo numero è superiore al massimo.",
        Msg::ErrDate => "Inserisci una data.",
        Msg::ErrDateTime => "Inserisci data e ora.",
        Msg::ErrUnknownOption => "Scegli una delle opzioni.",
        Msg::ErrCheckbox => "Scegli sì o no.",
        Msg::ErrReadOnly => "Questa proprietà non è modificabile.",
        Msg::ErrRequired => "Questo campo è obbligatorio.",
        Msg::ErrDuplicate => "Questo valore è già usato da un altro record.",
        Msg::ErrUnknownProperty => "Questa proprietà non esiste.",
        Msg::ErrNotAssociable => "Questi due tipi di record non possono essere associati.",
        Msg::ErrAssociateWithItself => "Un record non può essere associato a se stesso.",
        Msg::ErrNotAssociated => "Questi record non sono associati.",
        Msg::ErrUnknownLabel => "Questa etichetta di associazione non esiste.",
        Msg::ErrTooManyAssociations => "Questo record ha già il numero massimo di associazioni di questo tipo.",
        Msg::ErrLabelTaken => "Questa etichetta è già usata il numero massimo di volte (ad esempio, una sola azienda principale).",
        Msg::ErrInvalidAssociationDef => "Questa definizione di associazione non è valida.",
        Msg::ErrAssociationConflicts => "Alcune associazioni esistenti non rispettano questa definizione. Modificale prima.",
        Msg::ErrMergeSameRecord => "Un record non può essere unito a se stesso.",
        Msg::ErrMergeDifferentObjects => "Si possono unire solo record dello stesso tipo.",
        Msg::ErrNothingToUndo => "Non c’è nulla da annullare.",
        Msg::ErrUndoChanged => "Impossibile annullare: i dati sono cambiati nel frattempo.",
    }
}

pub fn counted(msg: Counted, n: Plural) -> &'static str {
    match (msg, n) {
        (Counted::Contacts, Plural::One) => "{n} contatto",
        (Counted::Contacts, _) => "{n} contatti",
    }
}
