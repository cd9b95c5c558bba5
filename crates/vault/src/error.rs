//! The vault's errors, as typed data.
//!
//! Each variant says what happened with typed fields, so that callers match
//! on it instead of reading its text: a user's mistake is [`Refused`],
//! a record that names one that does not exist is
//! [`UnknownReference`], a clash with what is stored is [`Conflict`], and
//! what is never the user's fault is [`Internal`] or [`Database`].
//! `Display` is English developer text for logs; the words a user reads are
//! rendered by the application layer from the typed data.
//!
//! Messages name files, record ids and reasons, never record content,
//! passphrases or keys.
//!
//! [`Refused`]: VaultError::Refused
//! [`UnknownReference`]: VaultError::UnknownReference
//! [`Conflict`]: VaultError::Conflict
//! [`Internal`]: VaultError::Internal
//! [`Database`]: VaultError::Database

use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong in the vault.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("wrong passphrase or recovery key (nothing was changed)")]
    WrongKey,
    #[error("{path}: {reason}")]
    KeyFile { path: PathBuf, reason: String },
    #[error("{path}: not a Testimonio vault ({reason})")]
    NotAVault { path: PathBuf, reason: String },
    #[error("{path}: already exists and is not empty")]
    AlreadyExists { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The database failed (never the user's fault).
    #[error("database: {0}")]
    Database(DatabaseError),
    /// A stored value the code cannot read: damage or a bug.
    #[error("database schema: {0}")]
    Schema(String),
    #[error("blob {name}: {reason}")]
    Blob { name: String, reason: String },
    /// There is no `kind` with this id.
    #[error("{kind} {id} not found")]
    NotFound { kind: RecordKind, id: String },
    /// A record's `field` names a `kind` with an id that does not exist.
    #[error("{field}: unknown {kind} {id}")]
    UnknownReference {
        field: String,
        kind: RecordKind,
        id: String,
    },
    /// The user's input breaks a rule; nothing was changed.
    #[error("{0}")]
    Refused(Refusal),
    /// The request clashes with what is stored; nothing was changed.
    #[error("{0}")]
    Conflict(ConflictKind),
    /// A failure that is never the user's fault (hashing, key derivation,
    /// the blob identity, a stored value that does not decode): for the
    /// log, never for the user. The text holds no content or secret.
    #[error("internal error: {0}")]
    Internal(String),
    /// A record of an import failed for a reason that stops the import.
    #[error("{location}: {source}")]
    AtRecord {
        location: String,
        #[source]
        source: Box<VaultError>,
    },
    #[error("backup {path}: {problem}")]
    Backup {
        path: PathBuf,
        problem: crate::backup::BackupProblem,
    },
}

/// The kinds of things the vault stores, for [`VaultError::NotFound`] and
/// [`VaultError::UnknownReference`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Person,
    Group,
    Event,
    Document,
    Page,
    FoiaRequest,
    User,
    ApiToken,
    Watchlist,
    WatchlistHit,
    /// A page on which a person's name or A-number was found.
    Mention,
    Excerpt,
    Case,
    Testimony,
    Import,
}

impl RecordKind {
    /// A stable code for the kind (`person`, `foia-request`): what the
    /// message catalog selects on.
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Person => "person",
            RecordKind::Group => "group",
            RecordKind::Event => "event",
            RecordKind::Document => "document",
            RecordKind::Page => "page",
            RecordKind::FoiaRequest => "foia-request",
            RecordKind::User => "user",
            RecordKind::ApiToken => "token",
            RecordKind::Watchlist => "watchlist",
            RecordKind::WatchlistHit => "watchlist-hit",
            RecordKind::Mention => "mention",
            RecordKind::Excerpt => "excerpt",
            RecordKind::Case => "case",
            RecordKind::Testimony => "testimony",
            RecordKind::Import => "import",
        }
    }

    /// The English noun, for logs and developer text.
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::Person => "person",
            RecordKind::Group => "group",
            RecordKind::Event => "event",
            RecordKind::Document => "document",
            RecordKind::Page => "page",
            RecordKind::FoiaRequest => "FOIA request",
            RecordKind::User => "user",
            RecordKind::ApiToken => "api token",
            RecordKind::Watchlist => "watchlist",
            RecordKind::WatchlistHit => "watchlist hit",
            RecordKind::Mention => "mention",
            RecordKind::Excerpt => "excerpt",
            RecordKind::Case => "case",
            RecordKind::Testimony => "testimony",
            RecordKind::Import => "spreadsheet import",
        }
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun())
    }
}

/// A user's mistake: which rule the input breaks, with the rule's numbers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("an actor name is 1 to 100 printable characters")]
    ActorName,
    #[error(
        "a username is 3 to 32 lowercase letters, digits, '.', '_' or '-', starting with a letter"
    )]
    UsernameFormat,
    #[error("a password has at least {min} characters")]
    PasswordTooShort { min: usize },
    #[error("the passphrase must have at least {min} characters")]
    PassphraseTooShort { min: usize },
    #[error("a recovery key is 32 letters and digits in groups of four")]
    RecoveryKeyFormat,
    #[error("key derivation parameters are below the accepted minimum")]
    KdfBelowMinimum,
    /// A token's validity is zero or longer than `max_days`.
    #[error("a token lasts at most {max_days} days")]
    TokenTooLong { max_days: u32 },
    #[error("the watchlist's {field} is empty")]
    WatchlistFieldEmpty { field: WatchlistField },
    #[error("hit {hit} is in an event narrative: only document pages are excerpted")]
    HitNotOnPage { hit: i64 },
    #[error("characters {start}..{end} are not a passage of page {page} ({chars} characters)")]
    NotAPassage {
        start: usize,
        end: usize,
        page: u32,
        chars: usize,
    },
    #[error("{}: holds none of groups.csv, people.csv, events.csv", dir.display())]
    NoCsvFiles { dir: PathBuf },
    #[error("{}: {problem}", path.display())]
    Csv { path: PathBuf, problem: CsvProblem },
    #[error("{}: the path is not UTF-8", path.display())]
    PathNotUtf8 { path: PathBuf },
}

/// Which field of a watchlist is empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchlistField {
    Name,
    Query,
    Purpose,
}

impl fmt::Display for WatchlistField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WatchlistField::Name => "name",
            WatchlistField::Query => "query",
            WatchlistField::Purpose => "purpose",
        })
    }
}

/// Why a CSV file was refused (never its content).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvProblem {
    #[error("has {found} fields where the header has {expected}")]
    FieldCount { expected: u64, found: u64 },
    #[error("is not valid UTF-8")]
    NotUtf8,
    #[error("is not valid CSV")]
    NotCsv,
}

/// A clash with what is stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConflictKind {
    #[error("the username {username} is taken")]
    UsernameTaken { username: String },
    /// The hit was reviewed already (`status` says how, when known).
    #[error("hit {hit} {}", match status {
        Some(status) => format!("was already {status}"),
        None => "is unknown or already reviewed".to_owned(),
    })]
    HitReviewed { hit: i64, status: Option<String> },
    /// The page a hit points to is no longer stored.
    #[error("page {page} of {document} is gone")]
    PageGone { document: String, page: u32 },
    /// A person's mention was reviewed already.
    #[error("mention {mention} was already reviewed")]
    MentionReviewed { mention: i64 },
    /// The Bates numbers a copy was stamped with were given meanwhile.
    #[error("Bates numbers of {prefix} were given meanwhile")]
    BatesTaken { prefix: String },
}

/// A database failure, opaque: which database library the vault uses is
/// not part of its interface. `Display` is for logs.
#[derive(Debug)]
pub struct DatabaseError(rusqlite::Error);

impl fmt::Display for DatabaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for DatabaseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// Lets `?` turn the database library's errors into [`VaultError::Database`]
/// inside the vault.
#[doc(hidden)]
impl From<rusqlite::Error> for VaultError {
    fn from(e: rusqlite::Error) -> Self {
        VaultError::Database(DatabaseError(e))
    }
}

impl From<Refusal> for VaultError {
    fn from(r: Refusal) -> Self {
        VaultError::Refused(r)
    }
}

impl From<ConflictKind> for VaultError {
    fn from(c: ConflictKind) -> Self {
        VaultError::Conflict(c)
    }
}

impl VaultError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        VaultError::Io {
            path: path.into(),
            source,
        }
    }

    /// A failure that is not the user's fault; `detail` is for the log and
    /// must hold no content or secret.
    pub fn internal(detail: impl fmt::Display) -> Self {
        VaultError::Internal(detail.to_string())
    }

    /// Whether the user can fix this by changing the input: a refusal, an
    /// unknown reference, a conflict or a record that is not there.
    pub fn is_users_mistake(&self) -> bool {
        matches!(
            self,
            VaultError::Refused(_)
                | VaultError::UnknownReference { .. }
                | VaultError::Conflict(_)
                | VaultError::NotFound { .. }
        )
    }
}

pub type Result<T, E = VaultError> = std::result::Result<T, E>;
