use super::{Counted, Msg, Plural};

pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Cairn",
        Msg::MainNavigation => "Nawigacja główna",
        Msg::NavContacts => "Kontakty",
        Msg::CreateContact => "Utwórz kontakt",
        Msg::NewContact => "Nowy kontakt",
        Msg::FirstName => "Imię",
        Msg::LastName => "Nazwisko",
        Msg::Email => "E-mail",
        Msg::Save => "Zapisz",
        Msg::Saving => "Zapisywanie…",
        Msg::Saved => "Zapisano",
        Msg::Loading => "Wczytywanie danych…",
        Msg::NoContactsYet => "Nie ma jeszcze kontaktów. Utwórz pierwszy za pomocą formularza.",
        Msg::StorageUnavailable => "Ta przeglądarka nie zachowa Twoich danych: pamięć jest niedostępna (tryb prywatny lub zablokowana). Cairn działa, ale po zamknięciu karty wszystko zostanie utracone.",
        Msg::StorageDamaged => "Nie udało się odczytać zapisanych danych. Niczego nie zmieniono; Cairn działa bez nich.",
        Msg::SaveFailed => "Nie udało się zapisać, zmiana została cofnięta:",
        Msg::NotFound => "Nie znaleziono strony.",
        Msg::ErrEmail => "Wpisz poprawny adres e-mail, np. imie@przyklad.pl.",
        Msg::ErrUrl => "Wpisz adres strony zaczynający się od http:// lub https://.",
        Msg::ErrPhone => "Wpisz numer telefonu, używając cyfr, spacji, +, - i nawiasów.",
        Msg::ErrNumber => "Wpisz liczbę.",
        Msg::ErrBelowMin => "Ta liczba jest mniejsza od minimum.",
        Msg::ErrAboveMax => "Ta liczba jest większa od maksimum.",
        Msg::ErrDate => "Wpisz datę.",
        Msg::ErrDateTime => "Wpisz datę i godzinę.",
        Msg::ErrUnknownOption => "Wybierz jedną z opcji.",
        Msg::ErrCheckbox => "Wybierz tak lub nie.",
        Msg::ErrReadOnly => "Tej właściwości nie można edytować.",
        Msg::ErrRequired => "To pole jest wymagane.",
        Msg::ErrDuplicate => "Ta wartość jest już używana przez inny rekord.",
        Msg::ErrUnknownProperty => "Ta właściwość nie istnieje.",
        Msg::ErrNotAssociable => "Tych dwóch rodzajów rekordów nie można powiązać.",
        Msg::ErrAssociateWithItself => "Rekordu nie można powiązać z nim samym.",
        Msg::ErrNotAssociated => "Te rekordy nie są powiązane.",
        Msg::ErrUnknownLabel => "Ta etykieta powiązania nie istnieje.",
        Msg::ErrTooManyAssociations => "Ten rekord ma już maksymalną liczbę powiązań tego rodzaju.",
        Msg::ErrLabelTaken => "Ta etykieta jest już użyta tyle razy, ile to możliwe (np. tylko jedna firma główna).",
        Msg::ErrInvalidAssociationDef => "Ta definicja powiązania jest nieprawidłowa.",
        Msg::ErrAssociationConflicts => "Niektóre istniejące powiązania nie pasują do tej definicji. Najpierw je zmień.",
        Msg::ErrMergeSameRecord => "Rekordu nie można scalić z nim samym.",
        Msg::ErrMergeDifferentObjects => "Scalać można tylko rekordy tego samego typu.",
        Msg::ErrNothingToUndo => "Nie ma nic do cofnięcia.",
        Msg::ErrUndoChanged => "Nie można cofnąć, ponieważ dane zmieniły się w międzyczasie.",
    }
}

pub fn counted(msg: Counted, n: Plural) -> &'static str {
    match (msg, n) {
        (Counted::Contacts, Plural::One) => "{n} kontakt",
        (Counted::Contacts, Plural::Few) => "{n} kontakty",
        (Counted::Contacts, _) => "{n} kontaktów",
    }
}
