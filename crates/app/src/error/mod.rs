//! The one error type of the use cases. Each variant carries typed data;
//! the front ends map it in one place each (HTTP status, exit status) and
//! render its message from the catalog. No error's text is ever parsed.

use testimonio_domain::{FieldError, Lang};
use testimonio_i18n::tr;
use testimonio_vault::{ConflictKind, VaultError};

mod vault;

pub use testimonio_vault::RecordKind;

/// What went wrong in a use case.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input was refused, field by field (HTTP 400, exit 1).
    #[error("invalid input: {}", fields(.0))]
    Invalid(Vec<FieldError>),
    /// A field names a record that does not exist (HTTP 400, exit 1).
    #[error("{field}: unknown {} {id}", .kind.code())]
    UnknownReference {
        field: String,
        kind: RecordKind,
        id: String,
    },
    /// The record asked for does not exist (HTTP 404, exit 1).
    #[error("{} {id} not found", .kind.code())]
    NotFound { kind: RecordKind, id: String },
    /// The actor's role does not allow this (HTTP 403, exit 1).
    #[error("forbidden")]
    Forbidden,
    /// The change conflicts with the vault's state (HTTP 409, exit 1).
    #[error("conflict: {0}")]
    Conflict(ConflictKind),
    /// The vault refused the request for a reason the user can fix: a rule
    /// of the input, a wrong key, a path that is not a vault, a damaged
    /// backup (HTTP 400, exit 1).
    #[error("refused: {0}")]
    Refused(VaultError),
    /// A spreadsheet that cannot be imported as a whole: unreadable, no
    /// header, a profile that does not fit it (HTTP 400, exit 1). Its rows'
    /// own problems are in the import's report instead.
    #[error("import: {0}")]
    Import(#[from] crate::import::ImportError),
    /// A coalition use case refused: not joined, a bad recipient or
    /// custodian, the custodian's refusal, a refused bundle (HTTP 400,
    /// exit 1).
    #[error("coalition: {0}")]
    Coalition(#[from] crate::coalition::CoalitionError),
    /// Not the user's fault (HTTP 500, exit 1). The source is logged and
    /// never shown: the message says only that it happened.
    #[error("internal error: {0}")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// How a front end classes an [`AppError`]: one mapping each, to an HTTP
/// status or an exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    BadRequest,
    Forbidden,
    NotFound,
    Conflict,
    Internal,
}

pub type AppResult<T> = Result<T, AppError>;

fn fields(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl AppError {
    /// An internal failure; `source` must not hold record content.
    pub fn internal(source: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        AppError::Internal(source.into())
    }

    /// One refused field.
    pub fn invalid(error: FieldError) -> Self {
        AppError::Invalid(vec![error])
    }

    pub fn class(&self) -> ErrorClass {
        match self {
            AppError::Invalid(_)
            | AppError::UnknownReference { .. }
            | AppError::Refused(_)
            | AppError::Import(_)
            | AppError::Coalition(_) => ErrorClass::BadRequest,
            AppError::NotFound { .. } => ErrorClass::NotFound,
            AppError::Forbidden => ErrorClass::Forbidden,
            AppError::Conflict(_) => ErrorClass::Conflict,
            AppError::Internal(_) => ErrorClass::Internal,
        }
    }

    /// The message for the user, in `lang`, from the catalog.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::Invalid(errors) => errors
                .iter()
                .map(|e| e.message(lang))
                .collect::<Vec<_>>()
                .join("; "),
            AppError::UnknownReference { field, kind, id } => {
                tr!(
                    lang,
                    "error-unknown-reference",
                    field = field.as_str(),
                    kind = kind.code(),
                    id = id.as_str()
                )
            }
            AppError::NotFound { kind, id } => {
                tr!(
                    lang,
                    "error-record-not-found",
                    kind = kind.code(),
                    id = id.as_str()
                )
            }
            AppError::Forbidden => tr!(lang, "error-forbidden").to_owned(),
            AppError::Conflict(conflict) => vault::conflict(lang, conflict),
            AppError::Refused(err) => vault::refusal(lang, err),
            AppError::Import(err) => err.message(lang),
            AppError::Coalition(err) => err.message(lang),
            AppError::Internal(_) => tr!(lang, "error-internal").to_owned(),
        }
    }
}

impl From<FieldError> for AppError {
    fn from(error: FieldError) -> Self {
        AppError::invalid(error)
    }
}

impl From<VaultError> for AppError {
    fn from(err: VaultError) -> Self {
        match err {
            VaultError::NotFound { kind, id } => AppError::NotFound { kind, id },
            VaultError::UnknownReference { field, kind, id } => {
                AppError::UnknownReference { field, kind, id }
            }
            VaultError::Conflict(conflict) => AppError::Conflict(conflict),
            VaultError::Refused(_)
            | VaultError::WrongKey
            | VaultError::NotAVault { .. }
            | VaultError::AlreadyExists { .. }
            | VaultError::KeyFile { .. }
            | VaultError::Backup { .. }
            | VaultError::Io { .. } => AppError::Refused(err),
            VaultError::AtRecord { ref source, .. } if source.is_users_mistake() => {
                AppError::Refused(err)
            }
            VaultError::AtRecord { .. }
            | VaultError::Database(_)
            | VaultError::Schema(_)
            | VaultError::Blob { .. }
            | VaultError::Internal(_) => AppError::internal(err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_references_read_as_sentences_in_both_languages() {
        let err = AppError::UnknownReference {
            field: "people[0].person".into(),
            kind: RecordKind::Person,
            id: "p-1".into(),
        };
        assert_eq!(err.class(), ErrorClass::BadRequest);
        assert_eq!(
            err.message(Lang::En),
            "people[0].person: there is no person p-1"
        );
        assert_eq!(
            err.message(Lang::Es),
            "people[0].person: no existe ninguna persona p-1"
        );
        let err = AppError::NotFound {
            kind: RecordKind::FoiaRequest,
            id: "2024-ICE-1".into(),
        };
        assert_eq!(err.class(), ErrorClass::NotFound);
        assert_eq!(
            err.message(Lang::Es),
            "No se encontró la solicitud FOIA 2024-ICE-1."
        );
        assert_eq!(err.message(Lang::En), "FOIA request 2024-ICE-1 not found");
    }

    #[test]
    fn internal_errors_show_no_detail() {
        let err = AppError::internal("password hashing failed: out of memory");
        assert_eq!(err.class(), ErrorClass::Internal);
        assert!(!err.message(Lang::En).contains("hashing"));
        assert!(!err.message(Lang::Es).contains("hashing"));
    }
}
