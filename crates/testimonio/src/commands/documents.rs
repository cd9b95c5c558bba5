//! document add/get/show, documents list.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde_json::json;
use testimonio_domain::{ExtractionStatus, SourceKind};
use testimonio_vault::{DocumentFilter, Provenance};

use crate::cli::DocumentsListArgs;
use crate::context::{CliResult, Context, exit, print_json};

pub fn add(cx: &Context, files: &[std::path::PathBuf], json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .ok();
    let mut results = Vec::new();
    let mut failed = 0;
    for path in files {
        let outcome = File::open(path).map_err(|e| e.to_string()).and_then(|f| {
            let source = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            let from = Provenance {
                file_name: path.file_name().and_then(|n| n.to_str()),
                media_type: None,
                source_path: source.to_str(),
                host: host.as_deref(),
            };
            vault
                .add_document(&mut BufReader::new(f), &from)
                .map_err(|e| e.to_string())
        });
        match outcome {
            Ok((info, is_new)) => {
                if !json_out {
                    println!(
                        "{}  {}  {}  {}",
                        info.id,
                        info.sha256,
                        if is_new {
                            cx.t("stored", "guardado")
                        } else {
                            cx.t("already stored", "ya guardado")
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
                println!("{}: {}: {reason}", cx.t("failed", "falló"), path.display());
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
        Err(cx
            .fail(
                format!("{failed} file(s) could not be stored"),
                format!("no se pudieron guardar {failed} archivo(s)"),
            )
            .with_status(exit::PARTIAL))
    }
}

pub fn get(cx: &Context, id: &str, out: &Path) -> CliResult {
    let mut vault = cx.open()?;
    // Written beside the target and renamed only once the hash matched.
    let mut file = cx.create_private(out)?;
    let size = vault
        .read_document(id, file.as_file_mut())
        .map_err(|e| cx.vault_error(e))?;
    file.commit().map_err(|e| cx.io_error(out, &e))?;
    eprintln!(
        "{} {} ({size} bytes, {})",
        cx.t("written to", "escrito en"),
        out.display(),
        cx.t("hash verified", "hash verificado")
    );
    Ok(())
}

pub fn show(cx: &Context, id: &str, json_out: bool) -> CliResult {
    let vault = cx.open()?;
    let info = vault.document(id).map_err(|e| cx.vault_error(e))?;
    let custody = vault.custody(id).map_err(|e| cx.vault_error(e))?;
    let pages = vault.document_pages(id).map_err(|e| cx.vault_error(e))?;
    let children = vault
        .documents_filtered(&DocumentFilter {
            parent: Some(id.to_owned()),
            ..DocumentFilter::default()
        })
        .map_err(|e| cx.vault_error(e))?;
    if json_out {
        print_json(&json!({
            "document": info,
            "pages": pages,
            "attachments": children,
            "custody": custody,
        }));
        return Ok(());
    }
    println!(
        "{}  {}  {} bytes  {}",
        info.id,
        info.sha256,
        info.size,
        info.file_name.as_deref().unwrap_or("-")
    );
    println!(
        "  {}: {}  {}: {}  {}: {}",
        cx.t("status", "estado"),
        info.status.label(cx.lang),
        cx.t("type", "tipo"),
        info.media_type.as_deref().unwrap_or("-"),
        cx.t("source", "origen"),
        info.source_kind.map_or("-", |k| k.label(cx.lang)),
    );
    if !info.status_detail.is_empty() {
        println!("  ↳ {}", info.status_detail);
    }
    if let Some(parent) = &info.parent_id {
        println!(
            "  {}: {parent}",
            cx.t("found inside", "encontrado dentro de")
        );
    }
    if let Some(tools) = &info.extracted_with {
        println!("  {}: {tools}", cx.t("text by", "texto por"));
    }
    for page in &pages {
        println!(
            "  {} {:>4}  {:<11} {:>6} {}{}{}",
            cx.t("page", "pág."),
            page.number,
            page.method.label(cx.lang),
            page.chars,
            cx.t("chars", "caract."),
            page.bates
                .as_deref()
                .map(|b| format!("  Bates {b}"))
                .unwrap_or_default(),
            page.problem
                .as_deref()
                .map(|p| format!("  ↳ {p}"))
                .unwrap_or_default(),
        );
    }
    for child in &children {
        println!(
            "  {} {}  {}  {}",
            cx.t("attachment", "adjunto"),
            child.id,
            child.status.label(cx.lang),
            child
                .attachment_name
                .as_deref()
                .or(child.file_name.as_deref())
                .unwrap_or("-")
        );
    }
    for c in &custody {
        println!(
            "  {}  {:<16} {}  {}",
            c.at,
            c.action,
            c.actor,
            c.source_path.as_deref().unwrap_or("")
        );
    }
    Ok(())
}

pub fn text(cx: &Context, id: &str, page: u32, json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let info = vault.document(id).map_err(|e| cx.vault_error(e))?;
    // Audited as a text read of the document before it is printed.
    let Some(text) = vault
        .read_page_text(id, page)
        .map_err(|e| cx.vault_error(e))?
    else {
        return Err(cx.fail(
            format!("{id} has no page {page} (it has {})", info.page_count),
            format!("{id} no tiene página {page} (tiene {})", info.page_count),
        ));
    };
    if json_out {
        print_json(&json!({ "document": info.id, "sha256": info.sha256, "page": text }));
    } else {
        println!("{}", text.text);
    }
    Ok(())
}

pub fn list(cx: &Context, args: &DocumentsListArgs) -> CliResult {
    let vault = cx.open()?;
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
    let docs = vault
        .documents_filtered(&filter)
        .map_err(|e| cx.vault_error(e))?;
    if args.json {
        print_json(&json!({ "total": docs.len(), "documents": docs }));
    } else {
        for d in &docs {
            println!(
                "{}  {:<8} {:>5} {}  {:>10}  {}",
                d.id,
                d.status.label(cx.lang),
                d.page_count,
                cx.t("pp.", "págs."),
                d.size,
                d.file_name
                    .as_deref()
                    .or(d.attachment_name.as_deref())
                    .unwrap_or("-")
            );
        }
        println!("{} {}", docs.len(), cx.t("documents", "documentos"));
    }
    Ok(())
}
