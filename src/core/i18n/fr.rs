use super::{Counted, Msg, Plural};

pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Cairn",
        Msg::MainNavigation => "Navigation principale",
        Msg::NavContacts => "Contacts",
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
        Msg::ErrNotAssociable => "Ces deux types d’enregistrements ne peuvent pas être associés.",
        Msg::ErrAssociateWithItself => "Un enregistrement ne peut pas être associé à lui-même.",
        Msg::ErrNotAssociated => "Ces enregistrements ne sont pas associés.",
        Msg::ErrUnknownLabel => "Ce libellé d’association n’existe pas.",
        Msg::ErrTooManyAssociations => "Cet enregistrement a déjà le nombre maximal d’associations de ce type.",
        Msg::ErrLabelTaken => "Ce libellé est déjà utilisé autant de fois que permis (par exemple, une seule entreprise principale).",
        Msg::ErrInvalidAssociationDef => "Cette définition d’association n’est pas valide.",
        Msg::ErrAssociationConflicts => "Des associations existantes ne respectent pas cette définition. Modifiez-les d’abord.",
        Msg::ErrMergeSameRecord => "Un enregistrement ne peut pas être fusionné avec lui-même.",
        Msg::ErrMergeDifferentObjects => "Seuls des enregistrements du même type peuvent être fusionnés.",
        Msg::ErrNothingToUndo => "Il n’y a rien à annuler.",
        Msg::ErrUndoChanged => "Impossible d’annuler : les données ont changé depuis.",
    }
}

pub fn counted(msg: Counted, n: Plural) -> &'static str {
    match (msg, n) {
        (Counted::Contacts, Plural::One) => "{n} contact",
        (Counted::Contacts, _) => "{n} contacts",
    }
}
