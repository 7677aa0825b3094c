//! Settings: general (language, currency, "I am"), data model (objects, properties, groups), owners,
//! association labels and storage. Each section is a sub-route of `/settings`, framed by
//! the same side menu ([`frame::SettingsFrame`]).

mod associations;
mod calculation_editor;
mod create_object;
mod errors;
mod fields;
mod frame;
mod general;
mod label_form;
mod objects;
mod options;
mod owners;
mod page;
mod properties;
mod property_dialog;
mod storage;

pub use associations::AssociationsSettings;
pub use objects::ObjectsSettings;
pub use owners::OwnersSettings;
pub use page::SettingsPage;
pub use properties::PropertiesRoute;
pub use storage::StorageSettings;
