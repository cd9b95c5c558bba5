//! The text of a document's pages as stored: each page's text, how it
//! was obtained and why (its [`PageDecision`]), its OCR word boxes;
//! written with a document's ingest, read back whole or as a listing.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use testimonio_domain::{FieldError, PageDecision, TextMethod};

use crate::error::{Result, VaultError};
use crate::vault::Vault;

/// One recognized word and where it is on the page image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "WordTuple", into = "WordTuple")]
pub struct WordBox {
    pub left: u32,
    pub top: u32,
    pub width: u32,
    pub height: u32,
    /// 0–100.
    pub confidence: f32,
    pub text: String,
}

/// The stored form of a word box: a compact JSON array.
#[derive(Serialize, Deserialize)]
struct WordTuple(u32, u32, u32, u32, f32, String);

impl From<WordTuple> for WordBox {
    fn from(t: WordTuple) -> Self {
        WordBox {
            left: t.0,
            top: t.1,
            width: t.2,
            height: t.3,
            confidence: t.4,
            text: t.5,
        }
    }
}

impl From<WordBox> for WordTuple {
    fn from(w: WordBox) -> Self {
        WordTuple(w.left, w.top, w.width, w.height, w.confidence, w.text)
    }
}

/// The text of one page and how it was obtained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageText {
    /// 1-based, as printed by a PDF viewer.
    pub number: u32,
    #[serde(serialize_with = "serialize_method")]
    pub method: TextMethod,
    pub text: String,
    /// Mean OCR word confidence, 0–100.
    pub confidence: Option<f32>,
    pub bates: Option<String>,
    /// Size in pixels of the image the word boxes refer to.
    pub image_size: Option<(u32, u32)>,
    pub words: Vec<WordBox>,
    /// Why this page has no (or incomplete) text.
    pub problem: Option<String>,
    /// Why a PDF page was read from its text layer or by OCR; `None` for
    /// other kinds of pages and pages ingested before decisions were kept.
    #[serde(serialize_with = "serialize_decision")]
    pub decision: Option<PageDecision>,
}

fn serialize_decision<S: serde::Serializer>(
    d: &Option<PageDecision>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(d.code()),
        None => s.serialize_none(),
    }
}

fn serialize_method<S: serde::Serializer>(
    m: &TextMethod,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(m.code())
}

/// A page without its words, for listings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageSummary {
    pub number: u32,
    #[serde(serialize_with = "serialize_method")]
    pub method: TextMethod,
    pub chars: u64,
    pub confidence: Option<f32>,
    pub bates: Option<String>,
    pub problem: Option<String>,
    #[serde(serialize_with = "serialize_decision")]
    pub decision: Option<PageDecision>,
}

impl Vault {
    /// A document's pages, in order, without their words.
    ///
    /// # Errors
    /// Database errors.
    pub fn document_pages(&self, id: &str) -> Result<Vec<PageSummary>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT page, method, length(text), confidence, bates, problem, decision
             FROM document_pages WHERE document_id = ?1 ORDER BY page",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(PageSummary {
                number: r.get::<_, i64>(0)? as u32,
                method: method_from(r, 1)?,
                chars: r.get::<_, i64>(2)? as u64,
                confidence: r.get::<_, Option<f64>>(3)?.map(|c| c as f32),
                bates: r.get(4)?,
                problem: r.get(5)?,
                decision: decision_from(r, 6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One page's text and word boxes.
    ///
    /// # Errors
    /// Database errors; stored word boxes that no longer parse.
    pub fn document_page(&self, id: &str, number: u32) -> Result<Option<PageText>> {
        let row = self
            .conn()
            .prepare_cached(
                "SELECT page, method, text, confidence, bates, image_width, image_height, words, problem, decision
                 FROM document_pages WHERE document_id = ?1 AND page = ?2",
            )?
            .query_row(params![id, i64::from(number)], |r| {
                Ok((
                    PageText {
                        number: r.get::<_, i64>(0)? as u32,
                        method: method_from(r, 1)?,
                        text: r.get(2)?,
                        confidence: r.get::<_, Option<f64>>(3)?.map(|c| c as f32),
                        bates: r.get(4)?,
                        image_size: match (r.get::<_, Option<i64>>(5)?, r.get::<_, Option<i64>>(6)?) {
                            (Some(w), Some(h)) => Some((w as u32, h as u32)),
                            _ => None,
                        },
                        words: Vec::new(),
                        problem: r.get(8)?,
                        decision: decision_from(r, 9)?,
                    },
                    r.get::<_, Option<String>>(7)?,
                ))
            })
            .optional()?;
        let Some((mut page, words)) = row else {
            return Ok(None);
        };
        if let Some(words) = words {
            page.words = serde_json::from_str(&words).map_err(|e| {
                // The category only: serde's message could quote the words.
                VaultError::internal(format_args!(
                    "the word boxes of page {number} of {id} are unreadable ({:?} error)",
                    e.classify()
                ))
            })?;
        }
        Ok(Some(page))
    }
}

fn method_from(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<TextMethod> {
    TextMethod::parse("method", &r.get::<_, String>(i)?).map_err(|e: FieldError| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn decision_from(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<PageDecision>> {
    r.get::<_, Option<String>>(i)?
        .map(|code| {
            PageDecision::parse("decision", &code).map_err(|e: FieldError| {
                rusqlite::Error::FromSqlConversionFailure(
                    i,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })
        })
        .transpose()
}

pub(crate) fn insert_pages(tx: &Connection, id: &str, pages: &[PageText]) -> Result<()> {
    debug_assert!(
        pages.windows(2).all(|w| w[0].number < w[1].number),
        "pages are numbered in increasing order"
    );
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO document_pages
         (document_id, page, method, text, confidence, bates, image_width, image_height, words, problem, decision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for page in pages {
        let words = if page.words.is_empty() {
            None
        } else {
            Some(serde_json::to_string(&page.words).map_err(|e| {
                VaultError::internal(format_args!("word boxes: {:?} error", e.classify()))
            })?)
        };
        stmt.execute(params![
            id,
            i64::from(page.number),
            page.method.code(),
            page.text,
            page.confidence.map(f64::from),
            page.bates,
            page.image_size.map(|s| i64::from(s.0)),
            page.image_size.map(|s| i64::from(s.1)),
            words,
            page.problem,
            page.decision.map(PageDecision::code),
        ])?;
    }
    Ok(())
}
