//! The vault's refusals and conflicts in the user's language.

use testimonio_domain::Lang;
use testimonio_i18n::{format, tr};
use testimonio_vault::{ConflictKind, CsvProblem, Refusal, VaultError, WatchlistField};

/// A refused vault operation, in `lang`.
pub(super) fn refusal(lang: Lang, err: &VaultError) -> String {
    match err {
        VaultError::Refused(refusal) => rule(lang, refusal),
        VaultError::WrongKey => tr!(lang, "error-wrong-key").to_owned(),
        VaultError::NotAVault { path, .. } => {
            tr!(lang, "error-not-a-vault", path = path.display().to_string())
        }
        VaultError::AlreadyExists { path } => {
            tr!(
                lang,
                "error-vault-exists",
                path = path.display().to_string()
            )
        }
        VaultError::KeyFile { path, .. } => {
            tr!(lang, "error-key-file", path = path.display().to_string())
        }
        VaultError::Io { path, source } => tr!(
            lang,
            "error-io",
            path = path.display().to_string(),
            reason = source.kind().to_string()
        ),
        VaultError::Backup { path, problem } => tr!(
            lang,
            "error-backup",
            path = path.display().to_string(),
            problem = problem.message(lang)
        ),
        VaultError::AtRecord { location, source } => {
            let inner = super::AppError::from(clone_mistake(source)).message(lang);
            tr!(
                lang,
                "error-at-record",
                location = location.as_str(),
                reason = inner
            )
        }
        // Not refusals: mapped to Internal before they get here.
        other => other.to_string(),
    }
}

/// The user's mistakes inside an `AtRecord` are plain data: rebuild them to
/// render through the same mapping.
fn clone_mistake(err: &VaultError) -> VaultError {
    match err {
        VaultError::Refused(r) => VaultError::Refused(r.clone()),
        VaultError::Conflict(c) => VaultError::Conflict(c.clone()),
        VaultError::NotFound { kind, id } => VaultError::NotFound {
            kind: *kind,
            id: id.clone(),
        },
        VaultError::UnknownReference { field, kind, id } => VaultError::UnknownReference {
            field: field.clone(),
            kind: *kind,
            id: id.clone(),
        },
        other => VaultError::internal(other),
    }
}

fn rule(lang: Lang, refusal: &Refusal) -> String {
    match refusal {
        Refusal::ActorName => tr!(lang, "refusal-actor-name").to_owned(),
        Refusal::UsernameFormat => tr!(lang, "refusal-username-format").to_owned(),
        Refusal::PasswordTooShort { min } => tr!(lang, "refusal-password-too-short", min = *min),
        Refusal::PassphraseTooShort { min } => {
            tr!(lang, "refusal-passphrase-too-short", min = *min)
        }
        Refusal::RecoveryKeyFormat => tr!(lang, "refusal-recovery-key-format").to_owned(),
        Refusal::KdfBelowMinimum => tr!(lang, "refusal-kdf-below-minimum").to_owned(),
        Refusal::TokenTooLong { max_days } => {
            tr!(
                lang,
                "refusal-token-too-long",
                days = format::days(lang, u64::from(*max_days))
            )
        }
        Refusal::WatchlistFieldEmpty { field } => tr!(
            lang,
            "refusal-watchlist-field-empty",
            field = match field {
                WatchlistField::Name => "name",
                WatchlistField::Query => "query",
                WatchlistField::Purpose => "purpose",
            }
        ),
        Refusal::HitNotOnPage { hit } => tr!(lang, "refusal-hit-not-on-page", hit = *hit),
        Refusal::NotAPassage {
            start,
            end,
            page,
            chars,
        } => tr!(
            lang,
            "refusal-not-a-passage",
            start = *start,
            end = *end,
            page = *page,
            chars = *chars
        ),
        Refusal::NoCsvFiles { dir } => {
            tr!(
                lang,
                "refusal-no-csv-files",
                dir = dir.display().to_string()
            )
        }
        Refusal::Csv { path, problem } => {
            let path = path.display().to_string();
            match problem {
                CsvProblem::FieldCount { expected, found } => tr!(
                    lang,
                    "refusal-csv-field-count",
                    path = path,
                    expected = *expected,
                    found = *found
                ),
                CsvProblem::NotUtf8 => tr!(lang, "refusal-csv-not-utf8", path = path),
                CsvProblem::NotCsv => tr!(lang, "refusal-csv-not-csv", path = path),
            }
        }
        Refusal::PathNotUtf8 { path } => {
            tr!(
                lang,
                "refusal-path-not-utf8",
                path = path.display().to_string()
            )
        }
    }
}

/// A conflict with what the vault holds, in `lang`.
pub(super) fn conflict(lang: Lang, conflict: &ConflictKind) -> String {
    match conflict {
        ConflictKind::UsernameTaken { username } => {
            tr!(
                lang,
                "conflict-username-taken",
                username = username.as_str()
            )
        }
        ConflictKind::HitReviewed { hit, status } => match status {
            Some(status) => tr!(
                lang,
                "conflict-hit-reviewed",
                hit = *hit,
                status = status.as_str()
            ),
            None => tr!(lang, "conflict-hit-unknown", hit = *hit),
        },
        ConflictKind::PageGone { document, page } => {
            tr!(
                lang,
                "conflict-page-gone",
                document = document.as_str(),
                page = *page
            )
        }
        ConflictKind::MentionReviewed { mention } => {
            tr!(lang, "conflict-mention-reviewed", mention = *mention)
        }
        ConflictKind::BatesTaken { prefix } => {
            tr!(lang, "conflict-bates-taken", prefix = prefix.as_str())
        }
    }
}
