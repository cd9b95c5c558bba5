//! Testimonio's encrypted vault.
//!
//! A vault is one directory: a key file, a SQLCipher database, an age blob
//! store. Everything written under it is encrypted with keys derived from
//! one random data key, which exists on disk only wrapped (see [`keys`]).
//! Every write and every read of identity fields appends to a hash-chained
//! audit log in the same transaction (see [`audit`]).

pub mod audit;
pub mod backup;
#[cfg(feature = "bench-peers")]
pub mod bench_peers;
pub mod blobs;
pub mod capture;
pub mod cases;
pub mod check;
pub mod coalition;
pub mod custodian;
pub mod db;
pub mod documents;
pub mod error;
pub mod excerpts;
pub mod foia;
pub mod hub;
pub mod imports;
pub mod ingest;
pub mod keys;
pub mod login;
pub mod mentions;
pub mod pages;
pub mod private_fs;
pub mod reads;
pub mod records;
pub mod redactions;
pub mod sealed;
pub mod search_feed;
pub mod sessions;
pub mod signing;
pub mod store;
pub mod testimonies;
pub mod tokens;
pub mod transfer;
pub mod users;
pub mod vault;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_auth;

pub use audit::{AuditAction, AuditEntry, ChainFault};
pub use backup::{BackupProblem, BackupSummary, restore};
pub use blobs::{BlobSink, StoredBlob};
pub use capture::{AttachmentOwner, CaptureMetadata};
pub use cases::CaseLink;
pub use check::CheckReport;
pub use coalition::{
    CustodianLink, MatchIdentity, Membership, MembershipSecrets, NewMembership, ShareCounts,
};
pub use custodian::{Charge, CustodianMember, token_hash};
pub use documents::{CustodyEvent, DocumentInfo, Provenance};
pub use error::{
    ConflictKind, CsvProblem, DatabaseError, RecordKind, Refusal, Result, VaultError,
    WatchlistField,
};
pub use excerpts::{
    Excerpt, ExcerptFilter, ExcerptParts, NewHit, ShownExcerpt, Watchlist, WatchlistHit,
    WithheldExcerpt,
};
pub use hub::{HubMember, Stored, StoredBundle};
pub use imports::{
    ImportMode, ImportOrigin, ImportRecord, ImportRow, ImportSession, ImportStatus, RowWrites,
    StoredImport,
};
pub use ingest::{
    DocumentFilter, Extraction, IngestRecorded, IngestedDocument, Intake, PageSummary, PageText,
    WordBox,
};
pub use keys::{KdfParams, Key32, Passphrase, RecoveryKey};
pub use login::{LoginOutcome, SecondFactorOutcome, Throttle};
pub use mentions::{
    FoundMention, Mention, MentionKind, MentionScan, MentionStatus, MentionTarget, ScanPage,
    WatchedPerson,
};
pub use records::{Counts, EventFilter, PeopleFilter, PersonSummary, WriteOutcome};
pub use redactions::{NewRedactedCopy, RedactedCopyRecord};
pub use sealed::{
    BlockHeader, BlockWriter, DEFAULT_BLOCK_SIZE, FileSealer, HEADER_LEN, SealedFormat, UnsealError,
};
pub use search_feed::{IndexTarget, IndexablePage};
pub use sessions::{NewSession, SessionTimeouts, WebSession};
pub use signing::SigningKeyInfo;
pub use store::{
    AccountStore, AuditLog, CaseStore, DocumentStore, ExcerptStore, FoiaStore, Maintenance,
    MentionStore, RecordStore, SearchFeed, Store, TestimonyStore,
};
pub use testimonies::{Review, TestimonyFilter, TestimonyLink, TestimonySummary};
pub use tokens::{ApiToken, TokenStatus};
pub use transfer::{ExportedRecords, ImportFailure, ImportReport};
pub use users::{CredentialsEnded, Password, User, Username};
pub use vault::{Actor, Created, FailedUnlock, Unlock, Vault};

/// The current time as RFC 3339 UTC with milliseconds, as stored everywhere.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
