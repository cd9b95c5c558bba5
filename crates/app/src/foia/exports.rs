//! What leaves the vault from the FOIA records: request and appeal
//! letters, and the deadlines as an iCalendar file. Each is audited
//! (`export`) after it is made and before it is returned, so that what
//! cannot be audited never leaves.

use chrono::{NaiveDate, NaiveDateTime};
use testimonio_domain::Lang;
use testimonio_foia::FoiaRequest;
use testimonio_foia::ics::{self, CalendarParams};
use testimonio_foia::letters::{
    AppealParams, LetterParams, Signatory, appeal_letter, request_letter,
};
use testimonio_i18n::tr;
use testimonio_vault::Vault;
use testimonio_vault::foia::FoiaExport;

use super::find;
use crate::{Actor, AppResult, act_as};

/// Which letter to draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterKind {
    /// The request itself, under 5 U.S.C. 552(a)(3)(A).
    Request,
    /// An appeal of the determination.
    Appeal,
}

impl LetterKind {
    /// `request` or `appeal`, as given on the command line and in the
    /// audit log.
    pub fn code(self) -> &'static str {
        match self {
            LetterKind::Request => "request",
            LetterKind::Appeal => "appeal",
        }
    }

    /// The kind named by `code`, if any.
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "request" => Some(LetterKind::Request),
            "appeal" => Some(LetterKind::Appeal),
            _ => None,
        }
    }
}

/// A drafted letter: English plain text (agencies take letters in
/// English), and a title in the user's language for a document around it.
/// It holds the request text and the signatory in the clear: sensitive.
#[derive(Clone, PartialEq, Eq)]
pub struct Letter {
    pub title: String,
    pub text: String,
}

impl std::fmt::Debug for Letter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Letter")
            .field("title", &self.title)
            .finish_non_exhaustive()
    }
}

/// The letter of `kind` for request `id`, dated `today`, signed by
/// `signatory` (a placeholder to fill in when `None`). Audited before it
/// is returned.
///
/// # Errors
/// An unknown request; a vault failure (nothing is returned then).
pub fn letter(
    vault: &mut Vault,
    actor: &Actor,
    id: &str,
    kind: LetterKind,
    signatory: Option<&str>,
    today: NaiveDate,
    lang: Lang,
) -> AppResult<Letter> {
    let request = find(vault, id)?;
    let signatory = Signatory {
        name: signatory.unwrap_or("[name]").to_owned(),
        ..Signatory::default()
    };
    let text = draft(&request, kind, signatory, today);
    let title = tr!(
        lang,
        "foia-letter-title",
        kind = kind.code(),
        reference = request.reference()
    );
    act_as(vault, actor)?;
    vault.record_foia_export(FoiaExport::Letter {
        request: request.id().as_str(),
        kind: kind.code(),
    })?;
    Ok(Letter { title, text })
}

fn draft(
    request: &FoiaRequest,
    kind: LetterKind,
    signatory: Signatory,
    today: NaiveDate,
) -> String {
    match kind {
        LetterKind::Request => request_letter(request, &LetterParams::new(today, signatory)),
        LetterKind::Appeal => appeal_letter(
            request,
            &AppealParams {
                date: today,
                signatory,
                grounds: Vec::new(),
                argument: None,
            },
        ),
    }
}

/// Every deadline of every active request as one iCalendar (RFC 5545)
/// file, computed for `today`, stamped `now` (UTC), named and described
/// in `lang`. Audited before it is returned.
///
/// # Errors
/// A vault failure (nothing is returned then).
pub fn calendar(
    vault: &mut Vault,
    actor: &Actor,
    today: NaiveDate,
    now: NaiveDateTime,
    lang: Lang,
) -> AppResult<String> {
    let requests = vault.foias()?;
    let params = CalendarParams {
        today,
        dtstamp: now,
        lang,
        name: Some(tr!(lang, "foia-calendar-name").to_owned()),
    };
    let text = ics::calendar(&requests, &params);
    act_as(vault, actor)?;
    vault.record_foia_export(FoiaExport::Calendar {
        requests: requests.len(),
    })?;
    Ok(text)
}
