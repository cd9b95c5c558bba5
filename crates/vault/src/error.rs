//! The vault's errors. Messages name files, record ids and reasons, never
//! record content, passphrases or keys.

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
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("database schema: {0}")]
    Schema(String),
    #[error("blob {name}: {reason}")]
    Blob { name: String, reason: String },
    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: String },
    #[error("{0}")]
    Invalid(String),
    #[error("backup {path}: {problem}")]
    Backup {
        path: PathBuf,
        problem: crate::backup::BackupProblem,
    },
}

impl VaultError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        VaultError::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = VaultError> = std::result::Result<T, E>;
