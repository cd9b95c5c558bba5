//! Events, people, groups and consent: reading them as the actor may, and
//! recording and changing them. Every input is checked here, field by field
//! and reference by reference, before anything is stored.

pub mod cases;
pub mod consent;
pub mod events;
pub mod groups;
pub mod people;

mod access;
#[cfg(test)]
mod tests;

pub use cases::CaseView;
pub use events::{EventPage, EventQuery, FieldPath, Reference, Write};
pub use groups::GroupView;
pub use people::PersonView;
