//! document add/get/show/text, documents list.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde_json::json;
use testimonio_app::AppError;
use testimonio_app::evidence::documents;
use testimonio_domain::{ExtractionStatus, SourceKind};
use testimonio_i18n::{format, tr};
use testimonio_ingest::{IoProblem, Unreadable};
use testimonio_vault::{DocumentFilter, Provenance, RecordKind};

use crate::cli::DocumentsListArgs;
use crate::context::{self, CliResult, Context, Failure, exit, print_json};

pub fn add(cx: &Context, files: &[std::path::PathBuf], json_out: bool) -> CliResult {
    let lang = cx.lang;
    let mut vault = cx.open()?;
    testimonio_app::act_as(&mut vault, &context::operator()).map_err(|e| cx.app_error(&e))?;
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .ok();
    let mut results = Vec::new();
    let mut failed = 0;
    for path in files {
        let outcome = match File::open(path) {
            Err(e) => Err(Unreadable::CannotRead(IoProblem::from(&e)).message(lang)),
            Ok(f) => {
                let source = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                let from = Provenance {
                    file_name: path.file_name().and_then(|n| n.to_str()),
                    media_type: None,
                    source_path: source.to_str(),
                    host: host.as_deref(),
                };
                vault
                    .add_document(&mut BufReader::new(f), &from)
                    .map_err(|e| AppError::from(e).message(lang))
            }
        };
        match outcome {
            Ok((info, is_new)) => {
                if !json_out {
                    println!(
                        "{}  {}  {}  {}",
                        info.id,
                        info.sha256,
                        if is_new {
                            tr!(lang, "documents-stored")
                        } else {
                            tr!(lang, "documents-already-stored")
                        },
                        path.display()
                    );
                }
                results.push(
                    json!({"path": path, "id": info.id, "sha256": info.sha256, "new": is_new}),
                );
            }
            Err(reason) => {
                failed += 1;
                println!(
                    "{}",
                    tr!(
                        lang,
                        "documents-add-failed",
                        path = path.display().to_string(),
                        reason = reason.as_str()
                    )
                );
                results.push(json!({"path": path, "error": reason}));
            }
        }
    }
    if json_out {
        print_json(&json!({ "documents": results }));
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure {
            status: exit::PARTIAL,
            message: tr!(lang, "documents-not-stored", count = failed),
        })
    }
}

pub fn get(cx: &Context, id: &str, out: &Path) -> CliResult {
    let mut vault = cx.open()?;
    // Written beside the target and renamed only once the hash matched.
    let mut file = cx.create_private(out)?;
    let size = documents::read_original(&mut vault, &context::operator(), id, file.as_file_mut())
        .map_err(|e| cx.app_error(&e))?;
    file.commit().map_err(|e| cx.io_error(out, &e))?;
    eprintln!(
        "{}",
        tr!(
            cx.lang,
            "documents-written",
            path = out.display().to_string(),
            size = format::file_size(cx.lang, size)
        )
    );
    Ok(())
}

pub fn show(cx: &Context, id: &str, json_out: bool) -> CliResult {
    let lang = cx.lang;
    let mut vault = cx.open()?;
    let view =
        documents::show(&mut vault, &context::operator(), id).map_err(|e| cx.app_error(&e))?;
    if json_out {
        print_json(&json!({
            "document": view.info,
            "pages": view.pages,
            "attachments": view.attachments,
            "custody": view.custody,
        }));
        return Ok(());
    }
    let info = &view.info;
    println!(
        "{}  {}  {}  {}",
        info.id,
        info.sha256,
        format::file_size(lang, info.size),
        info.file_name.as_deref().unwrap_or("-")
    );
    println!(
        "  {}: {}  {}: {}  {}: {}",
        tr!(lang, "documents-label-status"),
        info.status.label(lang),
        tr!(lang, "documents-label-type"),
        info.media_type.as_deref().unwrap_or("-"),
        tr!(lang, "documents-label-source"),
        info.source_kind.map_or("-", |k| k.label(lang)),
    );
    if !info.status_detail.is_empty() {
        // The extraction's own account, stored with the document.
        println!(
            "  ↳ {}",
            tr!(
                lang,
                "evidence-extraction-detail",
                detail = info.status_detail.as_str()
            )
        );
    }
    // The document's own date, and where it was read, so a reader can
    // weigh it (a PDF's metadata is often the scan day).
    if let Some(date) = info.date {
        println!(
            "  {}",
            tr!(
                lang,
                "documents-own-date",
                date = format::day(lang, date.date),
                source = date.source.label(lang)
            )
        );
    }
    if let Some(parent) = &info.parent_id {
        println!("  {}: {parent}", tr!(lang, "documents-label-inside"));
    }
    if let Some(tools) = &info.extracted_with {
        println!("  {}: {tools}", tr!(lang, "documents-label-text-by"));
    }
    for page in &view.pages {
        println!(
            "  {}  {:<11} {}{}{}",
            tr!(lang, "documents-page-line", page = page.number),
            page.method.label(lang),
            tr!(lang, "documents-char-count", count = page.chars),
            page.bates
                .as_deref()
                .map(|b| format!("  Bates {b}"))
                .unwrap_or_default(),
            page.problem
                .as_deref()
                .map(|p| format!("  ↳ {p}"))
                .unwrap_or_default(),
        );
        // Why the page reads as it does: its text layer kept, or OCR and why.
        if let Some(decision) = page.decision {
            println!("      ↳ {}", decision.label(lang));
        }
    }
    for child in &view.attachments {
        println!(
            "  {} {}  {}  {}",
            tr!(lang, "documents-label-attachment"),
            child.id,
            child.status.label(lang),
            child
                .attachment_name
                .as_deref()
                .or(child.file_name.as_deref())
                .unwrap_or("-")
        );
    }
    for c in &view.custody {
        println!(
            "  {}  {:<16} {}  {}",
            c.at,
            custody_action(lang, &c.action),
            c.actor,
            c.source_path.as_deref().unwrap_or("")
        );
    }
    Ok(())
}

/// A custody log's action in the user's language (an unknown one as it is).
fn custody_action(lang: testimonio_domain::Lang, action: &str) -> String {
    match action {
        "received" => tr!(lang, "documents-act-received").to_owned(),
        "received_again" => tr!(lang, "documents-act-received-again").to_owned(),
        "ingested" => tr!(lang, "documents-act-ingested").to_owned(),
        "exported" => tr!(lang, "documents-act-exported").to_owned(),
        "redacted_copy_made" => tr!(lang, "documents-act-redacted-copy-made").to_owned(),
        "redacted_from" => tr!(lang, "documents-act-redacted-from").to_owned(),
        other => other.to_owned(),
    }
}

pub fn text(cx: &Context, id: &str, page: u32, json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    // Audited as a text read of the document before it is printed.
    let (info, text) =
        documents::page_text(&mut vault, &context::operator(), id, page).map_err(|e| match e {
            AppError::NotFound {
                kind: RecordKind::Page,
                ..
            } => match documents::show(&mut vault, &context::operator(), id) {
                Ok(view) => Failure {
                    status: exit::FAILURE,
                    message: tr!(
                        cx.lang,
                        "documents-no-such-page",
                        id = id,
                        page = page,
                        count = view.info.page_count
                    ),
                },
                Err(e) => cx.app_error(&e),
            },
            other => cx.app_error(&other),
        })?;
    if json_out {
        print_json(&json!({ "document": info.id, "sha256": info.sha256, "page": text }));
    } else {
        println!("{}", text.text);
    }
    Ok(())
}

pub fn list(cx: &Context, args: &DocumentsListArgs) -> CliResult {
    let lang = cx.lang;
    let mut vault = cx.open()?;
    let mut filter = DocumentFilter {
        foia: args.foia.clone(),
        ..DocumentFilter::default()
    };
    if let Some(kind) = &args.source_kind {
        filter.source_kind = Some(
            SourceKind::parse("source_kind", kind)
                .map_err(|e| cx.option_error("source-kind", &e))?,
        );
    }
    if let Some(status) = &args.status {
        filter.status = Some(
            ExtractionStatus::parse("status", status).map_err(|e| cx.option_error("status", &e))?,
        );
    }
    let docs = documents::list(&mut vault, &context::operator(), &filter, 1, None)
        .map_err(|e| cx.app_error(&e))?
        .documents;
    if args.json {
        print_json(&json!({ "total": docs.len(), "documents": docs }));
    } else {
        for d in &docs {
            println!(
                "{}  {:<8} {}  {:>10}  {}",
                d.id,
                d.status.label(lang),
                tr!(lang, "documents-page-count", count = d.page_count),
                format::file_size(lang, d.size),
                d.file_name
                    .as_deref()
                    .or(d.attachment_name.as_deref())
                    .unwrap_or("-")
            );
        }
        println!("{}", tr!(lang, "documents-total", count = docs.len()));
    }
    Ok(())
}
