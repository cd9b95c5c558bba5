//! `testimonio ingest`: originals into the vault with the text of every
//! page; a progress line on a terminal, a summary table at the end.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::Duration;

use serde_json::json;
use testimonio_app::evidence::ingest::{IngestRun, ingest};
use testimonio_domain::{ExtractionStatus, SourceKind};
use testimonio_i18n::{format, tr};
use testimonio_ingest::pipeline::FileOutcome;
use testimonio_ingest::{FileReport, IngestOptions, OcrLanguages};

use crate::cli::IngestArgs;
use crate::context::{self, CliResult, Context, exit, print_json};

pub fn run(cx: &Context, args: &IngestArgs) -> CliResult {
    let options = options(cx, args)?;
    let mut vault = cx.open()?;
    let progress = Progress::new(!args.json && std::io::stderr().is_terminal());
    let run = ingest(
        &mut vault,
        &context::operator(),
        &args.paths,
        &options,
        &|report, done, total| progress.file(report, done, total),
    )
    .map_err(|e| cx.app_error(&e))?;
    progress.finish();
    // New pages are searchable now, and the watchlists have run on them.
    let watchlists = match &run.watchlists {
        Ok(runs) => {
            crate::commands::watch::report_runs(cx, runs, true);
            json!(runs)
        }
        Err(e) => {
            eprintln!(
                "{}",
                tr!(
                    cx.lang,
                    "ingest-watchlists-failed",
                    reason = e.message(cx.lang)
                )
            );
            serde_json::Value::Null
        }
    };
    // The operator sees every identity: how many new pages mention people.
    let mentions = match &run.mentions {
        Ok(scan) => {
            if !args.json && scan.new > 0 {
                println!(
                    "{}",
                    tr!(cx.lang, "ingest-mentions-found", count = scan.new)
                );
            }
            json!(scan.new)
        }
        Err(e) => {
            eprintln!(
                "{}",
                tr!(
                    cx.lang,
                    "ingest-mentions-failed",
                    reason = e.message(cx.lang)
                )
            );
            serde_json::Value::Null
        }
    };
    let totals = run.totals();
    if args.json {
        print_json(&json!({
            "files": run.summary.files,
            "ok": totals.ok,
            "partial": totals.partial,
            "failed": totals.failed,
            "pages": totals.pages,
            "ocr_pages": totals.ocr_pages,
            "seconds": run.summary.seconds,
            "watchlists": watchlists,
            "new_mentions": mentions,
        }));
    } else {
        print_table(cx, &run.summary.files);
        println!("{}", summary_line(cx, &run));
    }
    if let Err(e) = &run.watchlists {
        return Err(crate::context::Failure {
            status: exit::FAILURE,
            message: e.message(cx.lang),
        });
    }
    if let Err(e) = &run.mentions {
        return Err(cx.app_error(e));
    }
    if run.not_ok() == 0 {
        Ok(())
    } else {
        Err(crate::context::Failure {
            status: exit::PARTIAL,
            message: tr!(cx.lang, "ingest-not-complete", count = run.not_ok()),
        })
    }
}

/// `Files: 3 ok, 1 partial, 0 failed; 12 pages (2 by OCR); 12.6 s`.
fn summary_line(cx: &Context, run: &IngestRun) -> String {
    let totals = run.totals();
    tr!(
        cx.lang,
        "ingest-summary",
        ok = totals.ok,
        partial = totals.partial,
        failed = totals.failed,
        pages = totals.pages,
        ocr = totals.ocr_pages,
        duration = format::duration(cx.lang, run.duration())
    )
}

fn options(cx: &Context, args: &IngestArgs) -> CliResult<IngestOptions> {
    let mut options = IngestOptions::default();
    if let Some(kind) = &args.source_kind {
        options.source_kind = Some(
            SourceKind::parse("source_kind", kind)
                .map_err(|e| cx.option_error("source-kind", &e))?,
        );
    }
    options.foia = args.foia.clone();
    options.custodian = args.custodian.clone();
    if let Some(day) = &args.obtained_on {
        options.obtained_on =
            Some(day.parse().map_err(|_| {
                failure(tr!(cx.lang, "ingest-obtained-on-bad", value = day.as_str()))
            })?);
    }
    options.extract.bates_prefix = args.bates_prefix.clone();
    options.extract.languages = OcrLanguages::parse(&args.ocr_lang).map_err(|_| {
        failure(tr!(
            cx.lang,
            "ingest-ocr-lang-bad",
            value = args.ocr_lang.as_str()
        ))
    })?;
    if let Some(jobs) = args.jobs {
        options.jobs = jobs.max(1);
    }
    options.file_timeout = Duration::from_secs(args.file_timeout.max(1));
    options.host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .ok()
        .filter(|h| !h.is_empty());
    Ok(options)
}

fn failure(message: String) -> crate::context::Failure {
    crate::context::Failure {
        status: exit::FAILURE,
        message,
    }
}

/// One line redrawn in place on a terminal; nothing in a pipe.
struct Progress {
    on: bool,
    width: Mutex<usize>,
}

impl Progress {
    fn new(on: bool) -> Self {
        Progress {
            on,
            width: Mutex::new(0),
        }
    }

    fn file(&self, report: &FileReport, done: usize, total: usize) {
        if !self.on {
            return;
        }
        let bar_len = 24;
        let filled = (done * bar_len).checked_div(total).unwrap_or(bar_len);
        let name = report
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name: String = name.chars().take(40).collect();
        let line = format!(
            "[{}{}] {done}/{total} {name}",
            "#".repeat(filled),
            "-".repeat(bar_len - filled)
        );
        let mut width = self
            .width
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let pad = width.saturating_sub(line.chars().count());
        *width = line.chars().count();
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{line}{}", " ".repeat(pad));
        let _ = err.flush();
    }

    fn finish(&self) {
        if self.on {
            let width = *self
                .width
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            eprint!("\r{}\r", " ".repeat(width));
        }
    }
}

/// `text` padded with spaces to `width` characters (on the right, or on
/// the left with `right_align`).
fn pad(text: &str, width: usize, right_align: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(text.chars().count()));
    if right_align {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

fn print_table(cx: &Context, files: &[FileReport]) {
    let lang = cx.lang;
    println!(
        "{} {} {} {} {}",
        pad(tr!(lang, "ingest-col-status"), 8, false),
        pad(tr!(lang, "ingest-col-pages"), 6, true),
        pad(tr!(lang, "ingest-col-ocr"), 5, true),
        pad(tr!(lang, "ingest-col-document"), 20, false),
        tr!(lang, "ingest-col-file")
    );
    for report in files {
        let path = report.path.display();
        match &report.outcome {
            FileOutcome::Stored {
                id,
                status,
                detail,
                pages,
                ocr_pages,
                attachments,
                new,
                ..
            } => {
                let mut note = String::new();
                if !new {
                    note.push_str(&format!(" ({})", tr!(lang, "ingest-already-stored")));
                }
                if *attachments > 0 {
                    note.push_str(&format!(
                        " ({})",
                        tr!(lang, "ingest-attachments", count = *attachments)
                    ));
                }
                println!(
                    "{} {} {} {id:<20} {path}{note}",
                    pad(status.label(lang), 8, false),
                    pad(&format::number(lang, *pages as u64), 6, true),
                    pad(&format::number(lang, *ocr_pages as u64), 5, true),
                );
                if !detail.is_empty() {
                    // The extraction's own account, stored with the document
                    // as the tools gave it: shown as recorded, and said so.
                    println!(
                        "{:<42}↳ {}",
                        "",
                        tr!(lang, "evidence-extraction-detail", detail = detail.as_str())
                    );
                }
            }
            FileOutcome::Unreadable { reason } => {
                println!(
                    "{} {:>6} {:>5} {:<20} {path}",
                    pad(ExtractionStatus::Failed.label(lang), 8, false),
                    "-",
                    "-",
                    "-"
                );
                println!("{:<42}↳ {}", "", reason.message(lang));
            }
        }
    }
}
