//! A document's own date (the day it was written, filed or sent), as read
//! from the document, with where it was read: search filters and facets
//! by it, so a 2021 court filing is not listed under the year it was
//! ingested.

use chrono::NaiveDate;
use serde::Serialize;
use testimonio_i18n::tr;

use crate::error::{FieldError, Problem};
use crate::lang::Lang;

/// Where a document's own date was read. Codes are stable forever (they
/// are stored with the date, migration 14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateSource {
    /// The `Date` header of an email.
    EmailHeader,
    /// A court's filing stamp on a page (`Filed 03/04/21`).
    CourtStamp,
    /// A date line near the top of the first page (a letter's date).
    LetterDate,
    /// The PDF's metadata creation date: often the day it was scanned,
    /// so it is read last.
    PdfMetadata,
    /// The day the FOIA production holding the document was received.
    FoiaProduction,
}

impl DateSource {
    pub const ALL: [DateSource; 5] = [
        DateSource::EmailHeader,
        DateSource::CourtStamp,
        DateSource::LetterDate,
        DateSource::PdfMetadata,
        DateSource::FoiaProduction,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DateSource::EmailHeader => "email_header",
            DateSource::CourtStamp => "court_stamp",
            DateSource::LetterDate => "letter_date",
            DateSource::PdfMetadata => "pdf_metadata",
            DateSource::FoiaProduction => "foia_production",
        }
    }

    /// # Errors
    /// An unknown source code.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    Problem::UnknownCode {
                        known_hint: "email_header, court_stamp, letter_date, pdf_metadata, foia_production",
                    },
                )
            })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DateSource::EmailHeader => tr!(lang, "domain-date-source-email-header"),
            DateSource::CourtStamp => tr!(lang, "domain-date-source-court-stamp"),
            DateSource::LetterDate => tr!(lang, "domain-date-source-letter-date"),
            DateSource::PdfMetadata => tr!(lang, "domain-date-source-pdf-metadata"),
            DateSource::FoiaProduction => tr!(lang, "domain-date-source-foia-production"),
        }
    }
}

impl Serialize for DateSource {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A document's own date and where it was read. Serialized as
/// `{"date": "2021-03-04", "source": "court_stamp"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct DocumentDate {
    pub date: NaiveDate,
    pub source: DateSource,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_labelled_in_both_languages() {
        for s in DateSource::ALL {
            assert_eq!(DateSource::parse("date_source", s.code()).unwrap(), s);
            assert_ne!(s.label(Lang::En), s.label(Lang::Es));
        }
        assert!(DateSource::parse("date_source", "postmark").is_err());
        let d = DocumentDate {
            date: NaiveDate::from_ymd_opt(2021, 3, 4).unwrap(),
            source: DateSource::CourtStamp,
        };
        assert_eq!(
            serde_json::to_value(d).unwrap(),
            serde_json::json!({"date": "2021-03-04", "source": "court_stamp"})
        );
    }
}
