//! The storage boundary: the operations the application layer needs from
//! a store, grouped by area, each with its contract.
//!
//! Code above the vault (the application layer, the front ends, search,
//! ingest) reaches storage through these traits and the vault's and the
//! domain's types only; no database type crosses this line. [`Vault`] (the
//! SQLCipher database and the age blob store in one directory) implements
//! every trait by delegating to its inherent methods of the same names and
//! signatures, so code written against `&Vault` keeps compiling when it
//! takes `&impl RecordStore` (or `S: Store`) instead. Another backend (a
//! PostgreSQL database and an S3-compatible blob store for coalition hubs
//! and large archives) implements the same traits and passes the same
//! contract tests (`crates/vault/tests/store_contract.rs`).
//!
//! Creating, opening and cloning a store are each backend's own
//! constructors (`Vault::create`, `Vault::open`, `Vault::try_clone`), not
//! part of the traits: they take what only that backend needs (a
//! directory and a passphrase; a connection string and a bucket).
//!
//! Contracts every backend keeps, whatever the method:
//! - **Atomic writes.** A method that changes anything commits its changes
//!   and its audit entries together or not at all; on `Err` nothing was
//!   changed.
//! - **Audit before data leaves.** A method documented as audited appends
//!   its entry to the hash-chained log (see [`AuditLog`]) before it
//!   returns what it read; if the entry cannot be written, the data is not
//!   returned.
//! - **The actor.** Entries name the acting account ([`Maintenance::actor`]).
//! - **Typed errors.** A user's mistake is [`VaultError::Refused`],
//!   [`VaultError::UnknownReference`], [`VaultError::Conflict`] or
//!   [`VaultError::NotFound`]; a storage failure is
//!   [`VaultError::Database`], [`VaultError::Io`] or
//!   [`VaultError::Internal`] and is never the user's fault.
//! - **Secrets.** Plaintext never touches the disk unencrypted; error
//!   values hold ids and reasons, never content.
//!
//! [`Vault`]: crate::Vault
//! [`VaultError::Refused`]: crate::VaultError::Refused
//! [`VaultError::UnknownReference`]: crate::VaultError::UnknownReference
//! [`VaultError::Conflict`]: crate::VaultError::Conflict
//! [`VaultError::NotFound`]: crate::VaultError::NotFound
//! [`VaultError::Database`]: crate::VaultError::Database
//! [`VaultError::Io`]: crate::VaultError::Io
//! [`VaultError::Internal`]: crate::VaultError::Internal

mod accounts;
mod audit;
mod cases;
mod documents;
mod excerpts;
mod foia;
mod imports;
mod maintenance;
mod mentions;
mod records;
mod sqlcipher;
mod testimonies;

pub use accounts::AccountStore;
pub use audit::AuditLog;
pub use cases::CaseStore;
pub use documents::{DocumentStore, SearchFeed};
pub use excerpts::ExcerptStore;
pub use foia::FoiaStore;
pub use imports::{ImportStore, ImportWriter};
pub use maintenance::Maintenance;
pub use mentions::MentionStore;
pub use records::RecordStore;
pub use testimonies::TestimonyStore;

/// Everything a backend offers: one bound for code that needs several
/// areas. Implemented for every type that implements all of them.
pub trait Store:
    RecordStore
    + DocumentStore
    + SearchFeed
    + AuditLog
    + AccountStore
    + FoiaStore
    + ExcerptStore
    + TestimonyStore
    + CaseStore
    + ImportStore
    + MentionStore
    + Maintenance
{
}

impl<T> Store for T where
    T: RecordStore
        + DocumentStore
        + SearchFeed
        + AuditLog
        + AccountStore
        + FoiaStore
        + ExcerptStore
        + TestimonyStore
        + CaseStore
        + ImportStore
        + MentionStore
        + Maintenance
{
}
