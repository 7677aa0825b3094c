use super::{Counted, Msg, Plural};

pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Cairn",
        Msg::MainNavigation => "Nawigacja główna",
        Msg::NavContacts => "Kontakty",
        Msg::NavTasks => "Zadania",
        Msg::NavSettings => "Ustawienia",
        Msg::NavSearch => "Szukaj",
        Msg::ObjCompanies => "Firmy",
        Msg::ObjDeals => "Transakcje",
        Msg::ObjTickets => "Zgłoszenia",
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
        Msg::StorageFull => "Pamięć urządzenia jest pełna. Zwolnij miejsce lub wyeksportuj dane.",
        Msg::StorageWriteFailed => "Przeglądarka odmówiła zapisania zmiany.",
        Msg::NewerVersionOpened => "W innej karcie otwarto nowszą wersję Cairn. Odśwież tę kartę, aby kontynuować.",
        Msg::UpdateAvailable => "Dostępna jest nowa wersja Cairn.",
        Msg::ReloadNow => "Odśwież",
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
    }
}

pub fn counted(msg: Counted, n: Plural) -> &'static str {
    match (msg, n) {
        (Counted::Contacts, Plural::One) => "{n} kontakt",
        (Counted::Contacts, Plural::Few) => "{n} kontakty",
        (Counted::Contacts, _) => "{n} kontaktów",
    }
}
