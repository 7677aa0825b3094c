use super::{Counted, Msg, Plural};

pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Cairn",
        Msg::MainNavigation => "Navigazione principale",
        Msg::NavContacts => "Contatti",
        Msg::NavTasks => "Attività",
        Msg::NavSettings => "Impostazioni",
        Msg::NavSearch => "Cerca",
        Msg::ObjCompanies => "Aziende",
        Msg::ObjDeals => "Trattative",
        Msg::ObjTickets => "Ticket",
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
        Msg::StorageFull => "La memoria del dispositivo è piena. Libera spazio o esporta i tuoi dati.",
        Msg::StorageWriteFailed => "Il browser ha rifiutato di salvare la modifica.",
        Msg::NewerVersionOpened => "Una versione più recente di Cairn è stata aperta in un’altra scheda. Ricarica questa scheda per continuare.",
        Msg::UpdateAvailable => "È disponibile una nuova versione di Cairn.",
        Msg::ReloadNow => "Ricarica",
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
    }
}

pub fn counted(msg: Counted, n: Plural) -> &'static str {
    match (msg, n) {
        (Counted::Contacts, Plural::One) => "{n} contatto",
        (Counted::Contacts, _) => "{n} contatti",
    }
}
