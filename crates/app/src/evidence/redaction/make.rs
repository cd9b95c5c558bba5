//! The copy made from a plan: burned, composed with its Bates labels,
//! checked, stored.

use serde_json::json;
use testimonio_domain::{FieldError, Problem, TextMethod};
use testimonio_ingest::redact::compose::{band_pixels, compose};
use testimonio_ingest::redact::verify::{
    PageCheck, copy_info, copy_text, first_text_leak, metadata_leak, secrets,
};
use testimonio_ingest::redact::{PageToBurn, RedactOptions, burn_pages};
use testimonio_ingest::tools::{self, Limits};
use testimonio_vault::redactions::bates_label;
use testimonio_vault::{ConflictKind, NewRedactedCopy, PageText, Vault, VaultError};

use super::plan::Plan;
use super::{RedactFailure, RedactedCopy, RedactionRequest};
use crate::{AppError, AppResult};

/// How many times a copy is stamped again when another copy took its
/// Bates numbers meanwhile.
const ATTEMPTS: usize = 3;

/// Checks a composed copy: its text (`pdftotext`: the OCR of its burned
/// pages and its labels) page by page against `kept` (what the original
/// leaves readable on each page), and its metadata and raw bytes, for the
/// `redacted` words and their near variants.
///
/// # Errors
/// [`AppError::Invalid`] with [`Problem::RedactionLeak`] naming the first
/// page (and whether text or metadata) where a redacted word is found;
/// a tool failing is internal.
pub fn verify(pdf: &[u8], kept: &[&str], redacted: &[&str], limits: Limits) -> AppResult<()> {
    let secrets = secrets(redacted.iter().copied());
    let text = copy_text(pdf, limits).map_err(AppError::internal)?;
    let pages: Vec<PageCheck<'_>> = kept
        .iter()
        .enumerate()
        .map(|(i, allowed)| PageCheck {
            page: i as u32 + 1,
            allowed,
            copy: text.get(i).map_or("", |t| t.as_str()),
        })
        .collect();
    // Text beyond the pages asked for is checked as a page of its own.
    let extra: Vec<PageCheck<'_>> = text
        .iter()
        .enumerate()
        .skip(kept.len())
        .map(|(i, t)| PageCheck {
            page: i as u32 + 1,
            allowed: "",
            copy: t.as_str(),
        })
        .collect();
    let leak = |page: u32, via: &'static str| {
        AppError::invalid(FieldError::new(
            "redactions",
            Problem::RedactionLeak { page, via },
        ))
    };
    if let Some(page) =
        first_text_leak(&secrets, &pages).or_else(|| first_text_leak(&secrets, &extra))
    {
        return Err(leak(page, "text"));
    }
    let info = copy_info(pdf, limits).map_err(AppError::internal)?;
    if metadata_leak(pdf, &info, &secrets) {
        return Err(leak(1, "metadata"));
    }
    Ok(())
}

fn tool_versions(options: &RedactOptions) -> String {
    let version =
        |tool: &str, flag: &str| tools::version(tool, flag).unwrap_or_else(|_| tool.to_owned());
    format!(
        "{}; {} ({}); {} dpi, margin {} px",
        version("pdftoppm", "-v"),
        version("tesseract", "--version"),
        options.languages.as_str(),
        options.dpi,
        options.margin
    )
}

pub(super) fn make(
    vault: &mut Vault,
    request: &RedactionRequest,
    plan: &Plan,
    options: &RedactOptions,
) -> Result<RedactedCopy, RedactFailure> {
    let to_burn: Vec<PageToBurn> = plan
        .pages
        .iter()
        .map(|p| PageToBurn {
            number: p.number,
            areas: p.areas.clone(),
        })
        .collect();
    let burned = burn_pages(&plan.original, &to_burn, options).map_err(AppError::internal)?;
    let kept: Vec<&str> = plan.pages.iter().map(|p| p.kept.as_str()).collect();
    let redacted: Vec<&str> = plan
        .pages
        .iter()
        .flat_map(|p| p.redacted.iter().map(|s| s.as_str()))
        .collect();
    let record = json!({
        "version": 1,
        "pages": [plan.range.0, plan.range.1],
        "dpi": options.dpi,
        "margin_px": options.margin,
        "items": plan.items,
    })
    .to_string();
    let tools = tool_versions(options);
    let prefix = request.bates_prefix.as_str();
    let stem = plan
        .info
        .file_name
        .as_deref()
        .map(|n| n.rsplit_once('.').map_or(n, |(stem, _)| stem))
        .unwrap_or(plan.info.id.as_str());
    let band = band_pixels(options.dpi);
    let mut attempt = 0;
    loop {
        attempt += 1;
        let first = vault.bates_next(prefix)?;
        let labels: Vec<String> = (0..burned.len() as u64)
            .map(|i| bates_label(prefix, first + i))
            .collect();
        let pdf = compose(&burned, &labels, options.dpi).map_err(AppError::internal)?;
        verify(&pdf, &kept, &redacted, options.limits)?;
        let blob = vault.store_original(&mut &pdf[..])?;
        let pages: Vec<PageText> = burned
            .iter()
            .zip(&labels)
            .enumerate()
            .map(|(i, (b, label))| PageText {
                number: i as u32 + 1,
                method: TextMethod::Ocr,
                bates: Some(label.clone()),
                image_size: Some((b.width, b.height + band)),
                problem: None,
                decision: None,
                ..b.ocr.clone()
            })
            .collect();
        let first_label = labels.first().cloned().unwrap_or_default();
        let copy = NewRedactedCopy {
            original_id: &plan.info.id,
            blob,
            file_name: format!("{stem}-redacted-{first_label}.pdf"),
            pages,
            prefix,
            bates_first: first,
            redactions: record.clone(),
            tools: tools.clone(),
        };
        match vault.record_redacted_copy(&copy) {
            Ok(recorded) => {
                return Ok(RedactedCopy {
                    copy: vault.document(&recorded.copy_id)?,
                    original_id: plan.info.id.clone(),
                    original_sha256: plan.info.sha256.clone(),
                    bates_first: bates_label(prefix, recorded.bates_first),
                    bates_last: bates_label(prefix, recorded.bates_last),
                    words: plan.words,
                    regions: plan.regions,
                    matches: plan.matches,
                });
            }
            Err(VaultError::Conflict(ConflictKind::BatesTaken { .. })) if attempt < ATTEMPTS => {}
            Err(e) => return Err(e.into()),
        }
    }
}
