//! The application layer: one home for every use case that more than one
//! front end offers.
//!
//! The command line and the web app parse their input, call a use case
//! here with the [`Actor`] doing it, and render the typed result or
//! [`AppError`]. The invariants live here once: a report or export is
//! audited before it leaves, identities are filtered by consent and role,
//! small counts are suppressed. Nothing here renders HTML or prints.
//!
//! Layering: front ends (`testimonio`, `testimonio-web`) → this crate →
//! domain, vault, ingest, search, analysis, report, foia. Nothing below
//! depends on this crate, and no front end reaches past it for a use case.

pub mod actor;
pub mod coalition;
pub mod error;
pub mod evidence;
pub mod export;
pub mod foia;
pub mod ids;
pub mod import;
pub mod records;
pub mod reports;

pub use actor::Actor;
pub use error::{AppError, AppResult, ErrorClass, RecordKind};

use testimonio_vault::Vault;

/// Makes `actor` the one the vault records in the audit log for what
/// follows. Every use case that writes or reads audited data starts here.
///
/// # Errors
/// [`AppError::Internal`] for an actor name the audit log refuses.
pub fn act_as(vault: &mut Vault, actor: &Actor) -> AppResult<()> {
    vault.set_actor(actor.audit_actor()?);
    Ok(())
}
