//! Redacted, Bates-stamped copies of outgoing exhibits.
//!
//! What to redact is chosen on the page view: words of a page (OCR or
//! text-layer word boxes, by their index among the page's placed words,
//! see [`marks::placed_words`]), regions drawn on the page (in fractions
//! of its width and height), and searches whose every match in the copied
//! pages is redacted. [`redact`] resolves them into areas per page, makes
//! the copy ([`testimonio_ingest::redact`]: rasterized, burned, re-read
//! by OCR, rebuilt from the images with no metadata, the Bates label
//! drawn last), checks it ([`make::verify`]: no redacted word or near
//! variant readable in its text, raw bytes or metadata beyond what the
//! original leaves unredacted) and only then stores it, with its own
//! hash, Bates numbers taken from the prefix's counter and a custody
//! event on both documents listing what was redacted — boxes, kinds and
//! query fingerprints, never the text. The original never changes.

mod make;
mod plan;

use serde::Serialize;
use testimonio_domain::{BATES_PREFIX_RULE, FieldError, Lang, Problem};
use testimonio_i18n::tr;
use testimonio_ingest::redact::{Area, RedactOptions};
use testimonio_search::QueryError;
use testimonio_vault::{DocumentInfo, Vault, VaultError};

use crate::{Actor, AppError};

pub use make::verify;
pub use plan::{PageWord, PageWords, page_words};

/// A word picked on a page: its index among the page's placed words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordPick {
    pub page: u32,
    pub index: usize,
}

/// A region drawn on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionPick {
    pub page: u32,
    pub area: Area,
}

/// What to redact in which copy.
#[derive(Debug, Clone, PartialEq)]
pub struct RedactionRequest {
    pub document: String,
    /// The pages of the original the copy holds (first, last), all when
    /// `None`.
    pub pages: Option<(u32, u32)>,
    pub words: Vec<WordPick>,
    pub regions: Vec<RegionPick>,
    /// Searches (the search language) whose every match is redacted.
    pub queries: Vec<String>,
    pub bates_prefix: String,
}

/// The stored copy.
#[derive(Debug, Clone, Serialize)]
pub struct RedactedCopy {
    pub copy: DocumentInfo,
    pub original_id: String,
    /// The original's hash, the same before and after.
    pub original_sha256: String,
    pub bates_first: String,
    pub bates_last: String,
    /// How many boxes were burned, by kind.
    pub words: usize,
    pub regions: usize,
    pub matches: usize,
}

/// Why a copy was not made.
#[derive(Debug, thiserror::Error)]
pub enum RedactFailure {
    /// Search `index` (from 0) is malformed: where and why.
    #[error("search {index}: {error}")]
    Query { index: usize, error: QueryError },
    /// The request, the vault or the tools: typed as every use case's.
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<VaultError> for RedactFailure {
    fn from(e: VaultError) -> Self {
        RedactFailure::App(e.into())
    }
}

impl RedactFailure {
    /// The message for the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RedactFailure::Query { index, error } => tr!(
                lang,
                "redaction-query-problem",
                number = index + 1,
                problem = error.message(lang)
            ),
            RedactFailure::App(e) => e.message(lang),
        }
    }
}

/// The longest Bates prefix.
pub const MAX_PREFIX: usize = 20;

/// A Bates prefix: `A-Z`, `0-9`, `-` and `_`, 1–20 characters, a letter
/// or digit first.
///
/// # Errors
/// [`AppError::Invalid`] on `bates_prefix`.
pub fn check_prefix(prefix: &str) -> Result<(), AppError> {
    let ok = (1..=MAX_PREFIX).contains(&prefix.len())
        && prefix
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && prefix
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(AppError::invalid(FieldError::new(
            "bates_prefix",
            Problem::BadCharacters {
                allowed: BATES_PREFIX_RULE,
            },
        )))
    }
}

/// Makes, checks and stores a redacted, Bates-stamped copy of
/// `request.document` for `actor` (a role that may export evidence).
///
/// # Errors
/// [`AppError::Forbidden`] for other roles; [`AppError::NotFound`] for an
/// unknown document; [`AppError::Invalid`] for a bad prefix, a page or
/// word that is not there, a document that is not a PDF, or a copy whose
/// check found a redacted word (`Problem::RedactionLeak`: nothing is
/// stored); [`RedactFailure::Query`] for a malformed search; a tool
/// failing is internal; vault errors.
pub fn redact(
    vault: &mut Vault,
    actor: &Actor,
    request: &RedactionRequest,
    options: &RedactOptions,
) -> Result<RedactedCopy, RedactFailure> {
    crate::act_as(vault, actor)?;
    if !actor.role().sees_all_identities() {
        return Err(AppError::Forbidden.into());
    }
    check_prefix(&request.bates_prefix)?;
    let plan = plan::plan(vault, request)?;
    make::make(vault, request, &plan, options)
}
