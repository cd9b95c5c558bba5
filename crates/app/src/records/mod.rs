//! Events, people, groups, consent and testimonies: reading them as the actor may, and
//! recording and changing them. Every input is checked here, field by field
//! and reference by reference, before anything is stored.

pub mod cases;
pub mod consent;
pub mod events;
pub mod find;
pub mod groups;
pub mod people;
pub mod testimonies;

pub(crate) mod access;
#[cfg(test)]
mod testimonies_tests;
#[cfg(test)]
mod tests;

pub use cases::CaseView;
pub use events::{EventPage, EventQuery, FieldPath, Reference, Write};
pub use groups::GroupView;
pub use people::PersonView;
