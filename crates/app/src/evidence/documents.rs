//! Documents: the filtered list, one document with its pages, attachments
//! and custody log, the audited text of a page, the original's bytes.

use std::io::Write;

use testimonio_vault::{
    CustodyEvent, DocumentFilter, DocumentInfo, PageSummary, PageText, RecordKind, Vault,
};

use crate::{Actor, AppError, AppResult, act_as};

/// One page of the document list.
#[derive(Debug, Clone)]
pub struct DocumentList {
    /// Documents matching the filter, on every page.
    pub total: u64,
    /// The page shown, from 1, at most [`DocumentList::pages`].
    pub page: u32,
    /// How many pages of `per_page` documents there are (at least 1).
    pub pages: u32,
    pub documents: Vec<DocumentInfo>,
}

/// The documents matching `filter`, `per_page` at a time (`None`: all on
/// one page); a `page` past the last gives the last.
///
/// # Errors
/// Vault errors.
pub fn list(
    vault: &mut Vault,
    actor: &Actor,
    filter: &DocumentFilter,
    page: u32,
    per_page: Option<u32>,
) -> AppResult<DocumentList> {
    act_as(vault, actor)?;
    let total = vault.count_documents(filter)?;
    let Some(per_page) = per_page.filter(|n| *n > 0) else {
        let mut all = filter.clone();
        all.limit = None;
        all.offset = 0;
        return Ok(DocumentList {
            total,
            page: 1,
            pages: 1,
            documents: vault.documents_filtered(&all)?,
        });
    };
    let pages = u32::try_from(total.div_ceil(u64::from(per_page)))
        .unwrap_or(u32::MAX)
        .max(1);
    let page = page.clamp(1, pages);
    let mut paged = filter.clone();
    paged.limit = Some(per_page);
    paged.offset = (page - 1).saturating_mul(per_page);
    let documents = if total > 0 {
        vault.documents_filtered(&paged)?
    } else {
        Vec::new()
    };
    Ok(DocumentList {
        total,
        page,
        pages,
        documents,
    })
}

/// One document as its page shows it.
#[derive(Debug, Clone)]
pub struct DocumentView {
    pub info: DocumentInfo,
    /// The document it was found inside, if any.
    pub parent: Option<DocumentInfo>,
    pub attachments: Vec<DocumentInfo>,
    pub pages: Vec<PageSummary>,
    /// Every receipt, ingest and export of the original, oldest first.
    pub custody: Vec<CustodyEvent>,
}

/// The document `id` with its parent, attachments, pages and custody.
///
/// # Errors
/// [`AppError::NotFound`] for an unknown document; vault errors.
pub fn show(vault: &mut Vault, actor: &Actor, id: &str) -> AppResult<DocumentView> {
    act_as(vault, actor)?;
    let info = vault.document(id)?;
    let parent = match &info.parent_id {
        Some(p) => Some(vault.document(p)?),
        None => None,
    };
    let attachments = vault.documents_filtered(&DocumentFilter {
        parent: Some(id.to_owned()),
        ..DocumentFilter::default()
    })?;
    let pages = vault.document_pages(id)?;
    let custody = vault.custody(id)?;
    Ok(DocumentView {
        info,
        parent,
        attachments,
        pages,
        custody,
    })
}

/// The text of page `page` of document `id`, audited as a read of the
/// document's text before it is returned.
///
/// # Errors
/// [`AppError::NotFound`] for an unknown document, or a page it does not
/// have (kind [`RecordKind::Page`], id `DOC/N`); vault errors.
pub fn page_text(
    vault: &mut Vault,
    actor: &Actor,
    id: &str,
    page: u32,
) -> AppResult<(DocumentInfo, PageText)> {
    act_as(vault, actor)?;
    let info = vault.document(id)?;
    match vault.read_page_text(id, page)? {
        Some(text) => Ok((info, text)),
        None => Err(AppError::NotFound {
            kind: RecordKind::Page,
            id: format!("{id}/{page}"),
        }),
    }
}

/// Writes the original's bytes to `out` (hash-verified, the read audited)
/// and returns how many there were.
///
/// # Errors
/// [`AppError::NotFound`] for an unknown document; a damaged original;
/// write errors.
pub fn read_original(
    vault: &mut Vault,
    actor: &Actor,
    id: &str,
    out: &mut dyn Write,
) -> AppResult<u64> {
    act_as(vault, actor)?;
    if !vault.has_capture(id)? {
        return Ok(vault.read_document(id, out)?);
    }
    // A photo with a recorded position leaves without its EXIF (a photo,
    // small: read whole, stripped, written).
    let mut bytes = Vec::new();
    vault.read_document(id, &mut bytes)?;
    let bytes = super::strip::for_export(vault, id, bytes)?;
    out.write_all(&bytes)
        .map_err(|source| testimonio_vault::VaultError::Io {
            path: "output".into(),
            source,
        })?;
    Ok(bytes.len() as u64)
}
