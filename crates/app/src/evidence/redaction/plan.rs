//! A redaction request resolved against the document: per copied page,
//! the areas to burn, the words they redact (for the check only) and the
//! words left readable; and the record of what was redacted, without
//! the text.

use serde_json::{Value, json};
use testimonio_domain::{FieldError, Problem};
use testimonio_ingest::redact::Area;
use testimonio_ingest::words::{self, LayerWords};
use testimonio_search::highlight;
use testimonio_search::query::{TextQuery, positive_text};
use testimonio_vault::{DocumentInfo, PageText, RecordKind, Vault};
use zeroize::Zeroizing;

use super::{RedactFailure, RedactionRequest};
use crate::evidence::marks::{self, MarkBox, PlacedWords};
use crate::{Actor, AppError, AppResult};

/// One copied page, resolved.
pub(super) struct PagePlan {
    /// The original's page.
    pub number: u32,
    pub areas: Vec<Area>,
    /// The words redacted on this page (looked for in the copy).
    pub redacted: Vec<Zeroizing<String>>,
    /// The words left readable, joined by spaces.
    pub kept: Zeroizing<String>,
}

pub(super) struct Plan {
    pub info: DocumentInfo,
    pub original: Zeroizing<Vec<u8>>,
    pub pages: Vec<PagePlan>,
    /// What was redacted: kinds, pages, boxes, query fingerprints.
    pub items: Vec<Value>,
    pub range: (u32, u32),
    pub words: usize,
    pub regions: usize,
    pub matches: usize,
}

/// A page's words as the redaction form offers them, and the page's
/// proportions (`width` × `height` in the words' own space).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageWords {
    pub width: f64,
    pub height: f64,
    pub words: Vec<PageWord>,
}

/// A word of a page as the redaction form offers it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageWord {
    /// Its index among the page's placed words (what [`super::WordPick`]
    /// names).
    pub index: usize,
    pub text: String,
    pub area: Area,
}

fn is_pdf(info: &DocumentInfo) -> bool {
    info.media_type
        .as_deref()
        .and_then(|m| m.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/pdf"))
}

fn invalid(field: impl Into<String>, problem: Problem) -> AppError {
    AppError::invalid(FieldError::new(field, problem))
}

fn area_of(b: &MarkBox, placed: &PlacedWords<'_>) -> Option<Area> {
    Area::new(
        b.left / placed.width,
        b.top / placed.height,
        (b.left + b.width) / placed.width,
        (b.top + b.height) / placed.height,
    )
}

/// The text layer's words of page `number`, when the page's marks need
/// them.
fn layer_for(
    info: &DocumentInfo,
    page: &PageText,
    original: &[u8],
) -> AppResult<Option<LayerWords>> {
    let media = info.media_type.as_deref().unwrap_or_default();
    if !marks::needs_text_layer(page, media) {
        return Ok(None);
    }
    words::text_layer_words(original, page.number, words::PAGE_LIMITS)
        .map(Some)
        .map_err(AppError::internal)
}

fn stored_page(vault: &Vault, id: &str, number: u32) -> AppResult<PageText> {
    vault
        .document_page(id, number)?
        .ok_or_else(|| AppError::NotFound {
            kind: RecordKind::Page,
            id: format!("{id}/{number}"),
        })
}

/// The words of page `number` of document `id` that can be picked, with
/// their areas: for the redaction form. Audited as a read of the
/// document's text (and of the original, for a text layer).
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not make copies;
/// [`AppError::NotFound`] for an unknown document or page;
/// [`AppError::Invalid`] for a document that is not a PDF; a tool
/// failing; vault errors.
pub fn page_words(vault: &mut Vault, actor: &Actor, id: &str, number: u32) -> AppResult<PageWords> {
    crate::act_as(vault, actor)?;
    if !actor.role().sees_all_identities() {
        return Err(AppError::Forbidden);
    }
    let info = vault.document(id)?;
    if !is_pdf(&info) {
        return Err(invalid("document", Problem::NotRedactable));
    }
    let Some(page) = vault.read_page_text(id, number)? else {
        return Err(AppError::NotFound {
            kind: RecordKind::Page,
            id: format!("{id}/{number}"),
        });
    };
    let media = info.media_type.as_deref().unwrap_or_default();
    let layer = if marks::needs_text_layer(&page, media) {
        let original = vault.document_bytes(id, &format!("page {number} word boxes"))?;
        layer_for(&info, &page, &original)?
    } else {
        None
    };
    let Some(placed) = marks::placed_words(&page, layer.as_ref()) else {
        return Ok(PageWords::default());
    };
    let words = placed
        .words
        .iter()
        .enumerate()
        .filter_map(|(index, (b, text))| {
            area_of(b, &placed).map(|area| PageWord {
                index,
                text: (*text).to_owned(),
                area,
            })
        })
        .collect();
    Ok(PageWords {
        width: placed.width,
        height: placed.height,
        words,
    })
}

/// Resolves `request` against the vault's document.
pub(super) fn plan(vault: &mut Vault, request: &RedactionRequest) -> Result<Plan, RedactFailure> {
    let id = request.document.as_str();
    let info = vault.document(id)?;
    if !is_pdf(&info) {
        return Err(invalid("document", Problem::NotRedactable).into());
    }
    let last_page = vault
        .document_pages(id)?
        .iter()
        .map(|p| p.number)
        .max()
        .ok_or_else(|| invalid("document", Problem::NotRedactable))?;
    let range = request.pages.unwrap_or((1, last_page));
    let out_of_range = |field: String, max: u32| {
        invalid(
            field,
            Problem::OutOfRange {
                max: u64::from(max),
            },
        )
    };
    if range.0 < 1 || range.0 > range.1 || range.1 > last_page {
        return Err(out_of_range("pages".into(), last_page).into());
    }
    let in_range = |page: u32| (range.0..=range.1).contains(&page);
    for (i, w) in request.words.iter().enumerate() {
        if !in_range(w.page) {
            return Err(out_of_range(format!("words[{i}]"), range.1).into());
        }
    }
    for (i, r) in request.regions.iter().enumerate() {
        if !in_range(r.page) {
            return Err(out_of_range(format!("regions[{i}]"), range.1).into());
        }
    }
    let mut queries = Vec::with_capacity(request.queries.len());
    for (index, q) in request.queries.iter().enumerate() {
        let node =
            testimonio_search::parse(q).map_err(|error| RedactFailure::Query { index, error })?;
        queries.push((vault.query_fingerprint(q), node));
    }
    let leaves: Vec<(&str, Vec<&TextQuery>)> = queries
        .iter()
        .map(|(fp, node)| (fp.as_str(), positive_text(node)))
        .collect();
    // Audited as a read of the original (the export is audited when the
    // copy is stored).
    let original = vault.document_bytes(id, "redaction")?;
    let mut plan = Plan {
        info,
        original,
        pages: Vec::new(),
        items: Vec::new(),
        range,
        words: 0,
        regions: 0,
        matches: 0,
    };
    for number in range.0..=range.1 {
        let page = stored_page(vault, id, number)?;
        let layer = layer_for(&plan.info, &page, &plan.original)?;
        let placed = marks::placed_words(&page, layer.as_ref());
        let page_plan = plan_page(request, number, placed.as_ref(), &leaves, &mut plan)?;
        plan.pages.push(page_plan);
    }
    Ok(plan)
}

fn plan_page(
    request: &RedactionRequest,
    number: u32,
    placed: Option<&PlacedWords<'_>>,
    leaves: &[(&str, Vec<&TextQuery>)],
    plan: &mut Plan,
) -> Result<PagePlan, RedactFailure> {
    let words = placed.map_or(&[][..], |p| p.words.as_slice());
    let areas_of: Vec<Option<Area>> = words
        .iter()
        .map(|(b, _)| placed.and_then(|p| area_of(b, p)))
        .collect();
    let mut redacted = vec![false; words.len()];
    let mut areas = Vec::new();
    for (i, pick) in request.words.iter().enumerate() {
        if pick.page != number {
            continue;
        }
        if pick.index >= words.len() {
            return Err(invalid(
                format!("words[{i}]"),
                Problem::OutOfRange {
                    max: words.len() as u64,
                },
            )
            .into());
        }
        redacted[pick.index] = true;
        plan.words += 1;
        plan.items.push(json!({
            "kind": "word", "page": number, "index": pick.index,
            "box": areas_of[pick.index].map(|a| a.rounded()),
        }));
    }
    let texts: Vec<&str> = words.iter().map(|(_, t)| *t).collect();
    for (fingerprint, leaves) in leaves {
        let marked = highlight::matched_words(&texts, leaves);
        for (i, hit) in marked.into_iter().enumerate() {
            if hit {
                redacted[i] = true;
                plan.matches += 1;
                plan.items.push(json!({
                    "kind": "match", "query": fingerprint, "page": number,
                    "box": areas_of[i].map(|a| a.rounded()),
                }));
            }
        }
    }
    for region in request.regions.iter().filter(|r| r.page == number) {
        // A word at least half inside a region is redacted whole.
        let mut inside = 0;
        for (i, area) in areas_of.iter().enumerate() {
            if area.is_some_and(|a| region.area.covers(&a) >= 0.5) {
                redacted[i] = true;
                inside += 1;
            }
        }
        areas.push(region.area);
        plan.regions += 1;
        plan.items.push(json!({
            "kind": "region", "page": number, "box": region.area.rounded(), "words": inside,
        }));
    }
    let mut kept = Zeroizing::new(String::new());
    let mut secret = Vec::new();
    for (i, (_, text)) in words.iter().enumerate() {
        if redacted[i] {
            secret.push(Zeroizing::new((*text).to_owned()));
            if let Some(a) = areas_of[i] {
                areas.push(a);
            }
        } else {
            if !kept.is_empty() {
                kept.push(' ');
            }
            kept.push_str(text);
        }
    }
    Ok(PagePlan {
        number,
        areas,
        redacted: secret,
        kept,
    })
}
