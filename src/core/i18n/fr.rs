use super::{Counted, Msg, Plural};

pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Cairn",
        Msg::MainNavigation => "Navigation principale",
        Msg::NavContacts => "Contacts",
        Msg::NavTasks => "Tâches",
        Msg::NavSettings => "Paramètres",
        Msg::NavSearch => "Rechercher",
        Msg::ObjCompanies => "Entreprises",
        Msg::ObjDeals => "Transactions",
        Msg::ObjTickets => "Tickets",
        Msg::CreateContact => "Créer un contact",
        Msg::NewContact => "Nouveau contact",
        Msg::FirstName => "Prénom",
        Msg::LastName => "Nom",
        Msg::Email => "E-mail",
        Msg::Save => "Enregistrer",
        Msg::Saving => "Enregistrement…",
        Msg::Saved => "Enregistré",
        Msg::Loading => "Chargement de vos données…",
        Msg::NoContactsYet => "Aucun contact pour l’instant. Créez le premier avec le formulaire.",
        Msg::StorageUnavailable => "Ce navigateur ne conservera pas vos données : le stockage est indisponible (navigation privée ou bloqué). Cairn fonctionne, mais tout sera perdu à la fermeture de l’onglet.",
        Msg::StorageDamaged => "Vos données enregistrées n’ont pas pu être lues. Rien n’a été modifié ; Cairn fonctionne sans elles.",
        Msg::SaveFailed => "Enregistrement impossible, la modification a été annulée :",
        Msg::NotFound => "Page introuvable.",
        Msg::StorageFull => "L’espace de stockage de l’appareil est plein. Libérez de la place ou exportez vos données.",
        Msg::StorageWriteFailed => "Le navigateur a refusé d’enregistrer la modification.",
        Msg::NewerVersionOpened => "Une version plus récente de Cairn a été ouverte dans un autre onglet. Rechargez cet onglet pour continuer.",
        Msg::UpdateAvailable => "Une nouvelle version de Cairn est disponible.",
        Msg::ReloadNow => "Recharger",
        Msg::ErrEmail => "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
        Msg::ErrUrl => "Saisissez une adresse web commençant par http:// ou https://.",
        Msg::ErrPhone => "Saisissez un numéro de téléphone avec des chiffres, espaces, +, - et parenthèses.",
        Msg::ErrNumber => "Saisissez un nombre.",
        Msg::ErrBelowMin => "Ce nombre est inférieur au minimum.",
        Msg::ErrAboveMax => "Ce nombre est supérieur au maximum.",
        Msg::ErrDate => "Saisissez une date.",
        Msg::ErrDateTime => "Saisissez une date et une heure.",
        Msg::ErrUnknownOption => "Choisissez l’une des options.",
        Msg::ErrCheckbox => "Choisissez oui ou non.",
        Msg::ErrReadOnly => "Cette propriété n’est pas modifiable.",
        Msg::ErrRequired => "Ce champ est obligatoire.",
        Msg::ErrDuplicate => "Un autre enregistrement utilise déjà cette valeur.",
        Msg::ErrUnknownProperty => "Cette propriété n’existe pas.",
    }
}

pub fn counted(msg: Counted, n: Plural) -> &'static str {
    match (msg, n) {
        (Counted::Contacts, Plural::One) => "{n} contact",
        (Counted::Contacts, _) => "{n} contacts",
    }
}
