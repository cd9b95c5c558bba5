//! An ingest run: walk the given paths, read each file's text in
//! parallel, and record each file in the vault in its own transaction.
//!
//! Resuming is re-running: a file whose bytes are already in the vault
//! with their text is not read again (at most a custody event is added),
//! and a file interrupted before its transaction committed left nothing
//! visible, so it is simply done again.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};
use testimonio_domain::{ExtractionStatus, SourceKind, TextMethod};
use testimonio_vault::{IngestedDocument, Intake, Vault, VaultError};

use crate::extract::{Deadline, ExtractOptions, Extracted, extract};
use crate::tools::Slots;
use crate::unreadable::{IoProblem, Unreadable};

/// Files larger than this are stored byte-exact but not read for text.
pub const MAX_READ_BYTES: u64 = 1 << 30;

/// Everything an ingest run is told.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub extract: ExtractOptions,
    pub source_kind: Option<SourceKind>,
    pub foia: Option<String>,
    pub custodian: Option<String>,
    pub obtained_on: Option<NaiveDate>,
    /// Files read at once, and OCR processes at once.
    pub jobs: usize,
    /// Wall-clock budget for one file, attachments and OCR included.
    pub file_timeout: Duration,
    /// The machine the files were read on, for the custody log.
    pub host: Option<String>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            extract: ExtractOptions::default(),
            source_kind: None,
            foia: None,
            custodian: None,
            obtained_on: None,
            jobs: std::thread::available_parallelism().map_or(2, usize::from),
            file_timeout: Duration::from_secs(30 * 60),
            host: None,
        }
    }
}

/// What happened to one input file.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub path: PathBuf,
    #[serde(flatten)]
    pub outcome: FileOutcome,
    pub seconds: f64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum FileOutcome {
    /// The original is in the vault, with as much text as could be read.
    Stored {
        id: String,
        #[serde(serialize_with = "status_code")]
        status: ExtractionStatus,
        detail: String,
        media_type: String,
        pages: usize,
        ocr_pages: usize,
        /// Documents found inside (attachments, messages), recursively.
        attachments: usize,
        /// False when these bytes were already in the vault.
        new: bool,
    },
    /// The file could not be read or stored; nothing was recorded.
    Unreadable { reason: Unreadable },
}

fn status_code<S: serde::Serializer>(s: &ExtractionStatus, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s.code())
}

impl FileReport {
    /// `ok`, `partial`, `failed` (for unreadable files too).
    pub fn status(&self) -> ExtractionStatus {
        match &self.outcome {
            FileOutcome::Stored { status, .. } => *status,
            FileOutcome::Unreadable { .. } => ExtractionStatus::Failed,
        }
    }
}

/// The whole run.
#[derive(Debug, Clone, Serialize)]
pub struct IngestSummary {
    pub files: Vec<FileReport>,
    pub seconds: f64,
}

impl IngestSummary {
    pub fn count(&self, status: ExtractionStatus) -> usize {
        self.files.iter().filter(|f| f.status() == status).count()
    }

    /// Every file stored with all its text.
    pub fn all_ok(&self) -> bool {
        self.files
            .iter()
            .all(|f| f.status() == ExtractionStatus::Ok)
    }

    pub fn pages(&self) -> (usize, usize) {
        self.files
            .iter()
            .fold((0, 0), |(p, o), f| match &f.outcome {
                FileOutcome::Stored {
                    pages, ocr_pages, ..
                } => (p + pages, o + ocr_pages),
                FileOutcome::Unreadable { .. } => (p, o),
            })
    }
}

/// Why a run could not start.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// Every file under `paths` (files as given; directories recursively, in
/// name order; symbolic links to directories are not followed). Paths that
/// cannot be read become reports rather than errors.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileReport>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        walk(path, &mut files, &mut problems, true);
    }
    (files, problems)
}

fn walk(path: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<FileReport>, given: bool) {
    let meta = if given {
        fs::metadata(path)
    } else {
        fs::symlink_metadata(path)
    };
    match meta {
        Ok(m) if m.is_dir() => match fs::read_dir(path) {
            Ok(entries) => {
                let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
                children.sort();
                for child in children {
                    walk(&child, files, problems, false);
                }
            }
            Err(e) => problems.push(unreadable(
                path,
                Unreadable::CannotList(IoProblem::from(&e)),
            )),
        },
        Ok(m) if m.is_file() => files.push(path.to_owned()),
        Ok(m) if m.file_type().is_symlink() => match fs::metadata(path) {
            Ok(target) if target.is_file() => files.push(path.to_owned()),
            Ok(_) => {} // a link to a folder: not followed
            Err(_) => problems.push(unreadable(path, Unreadable::BrokenLink)),
        },
        Ok(_) => problems.push(unreadable(path, Unreadable::NotARegularFile)),
        Err(e) => problems.push(unreadable(
            path,
            Unreadable::CannotRead(IoProblem::from(&e)),
        )),
    }
}

fn unreadable(path: &Path, reason: Unreadable) -> FileReport {
    FileReport {
        path: path.to_owned(),
        outcome: FileOutcome::Unreadable { reason },
        seconds: 0.0,
    }
}

/// Ingests every file under `paths` into `vault`, `options.jobs` at a
/// time, calling `on_file` as each one finishes (from worker threads).
///
/// # Errors
/// Only when the run cannot start (the vault cannot be opened again for
/// the workers); each file's own problems are in its [`FileReport`].
pub fn ingest(
    vault: &Vault,
    paths: &[PathBuf],
    options: &IngestOptions,
    on_file: &(dyn Fn(&FileReport, usize, usize) + Sync),
) -> Result<IngestSummary, IngestError> {
    let started = Instant::now();
    let (files, mut reports) = collect_files(paths);
    let total = files.len() + reports.len();
    for (i, r) in reports.iter().enumerate() {
        on_file(r, i + 1, total);
    }
    let jobs = options.jobs.clamp(1, 64);
    let slots = Slots::new(jobs);
    let workers = jobs.min(files.len()).max(1);
    let handles = (0..workers)
        .map(|_| vault.try_clone())
        .collect::<Result<Vec<_>, _>>()?;
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(reports.len());
    let results = Mutex::new(Vec::with_capacity(files.len()));
    std::thread::scope(|scope| {
        for mut handle in handles {
            let (files, next, done, results, slots) = (&files, &next, &done, &results, &slots);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(path) = files.get(i) else { break };
                    let report = ingest_file(&mut handle, path, options, slots);
                    let finished = done.fetch_add(1, Ordering::SeqCst) + 1;
                    on_file(&report, finished, total);
                    results
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push((i, report));
                }
            });
        }
    });
    let mut results = results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    results.sort_by_key(|(i, _)| *i);
    reports.extend(results.into_iter().map(|(_, r)| r));
    Ok(IngestSummary {
        files: reports,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// One file, start to end. Never panics into the run: a panic in the
/// extraction is caught there and becomes the file's failure.
pub fn ingest_file(
    vault: &mut Vault,
    path: &Path,
    options: &IngestOptions,
    slots: &Slots,
) -> FileReport {
    let started = Instant::now();
    let outcome = match ingest_one(vault, path, options, slots) {
        Ok(outcome) => outcome,
        Err(reason) => FileOutcome::Unreadable { reason },
    };
    FileReport {
        path: path.to_owned(),
        outcome,
        seconds: started.elapsed().as_secs_f64(),
    }
}

fn ingest_one(
    vault: &mut Vault,
    path: &Path,
    options: &IngestOptions,
    slots: &Slots,
) -> Result<FileOutcome, Unreadable> {
    let file_name = path.file_name().and_then(|n| n.to_str()).map(str::to_owned);
    let source_path = fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_owned())
        .to_string_lossy()
        .into_owned();
    let size = fs::metadata(path)
        .map_err(|e| Unreadable::CannotRead(IoProblem::from(&e)))?
        .len();
    let intake = |media_type: &str| Intake {
        file_name: file_name.clone(),
        media_type: Some(media_type.to_owned()),
        source_path: Some(source_path.clone()),
        host: options.host.clone(),
        source_kind: options.source_kind,
        foia: options.foia.clone(),
        custodian: options.custodian.clone(),
        obtained_on: options.obtained_on,
    };
    if size > MAX_READ_BYTES {
        return store_too_large(vault, path, size, intake("application/octet-stream"));
    }
    let bytes = zeroize::Zeroizing::new(
        fs::read(path).map_err(|e| Unreadable::CannotRead(IoProblem::from(&e)))?,
    );
    let sha256 = hex::encode(Sha256::digest(&*bytes));
    if let Some(outcome) = received_again(vault, &sha256, &intake)? {
        return Ok(outcome);
    }
    let deadline = Deadline::after(options.file_timeout);
    let extracted = extract(
        &bytes,
        file_name.as_deref(),
        &options.extract,
        slots,
        deadline,
    );
    let blob = vault
        .store_original(&mut &bytes[..])
        .map_err(|_| Unreadable::CannotStore)?;
    let document = store_tree(vault, blob, intake(extracted.kind.media_type()), extracted)?;
    record(vault, &document)
}

/// Records a document whose blobs are stored, and says what was recorded.
pub(crate) fn record(
    vault: &mut Vault,
    document: &IngestedDocument,
) -> Result<FileOutcome, Unreadable> {
    let recorded = vault
        .record_ingested(document)
        .map_err(|_| Unreadable::NotRecorded)?;
    let (pages, ocr_pages) = count_pages(document);
    Ok(FileOutcome::Stored {
        id: recorded.id,
        status: document.extraction.status,
        detail: document.extraction.detail.clone(),
        media_type: document.intake.media_type.clone().unwrap_or_default(),
        pages,
        ocr_pages,
        attachments: count_children(document),
        new: recorded.new,
    })
}

/// Bytes already in the vault with their text: a custody event at most.
pub(crate) fn received_again(
    vault: &mut Vault,
    sha256: &str,
    intake: &dyn Fn(&str) -> Intake,
) -> Result<Option<FileOutcome>, Unreadable> {
    let Some(known) = vault
        .document_by_sha256(sha256)
        .map_err(|_| Unreadable::NotRecorded)?
        .filter(|known| known.status != ExtractionStatus::Stored)
    else {
        return Ok(None);
    };
    let media_type = known.media_type.clone().unwrap_or_default();
    vault
        .record_receipt(&known.id, &intake(&media_type))
        .map_err(|_| Unreadable::NotRecorded)?;
    Ok(Some(FileOutcome::Stored {
        attachments: count_descendants(vault, &known.id).map_err(|_| Unreadable::NotRecorded)?,
        id: known.id,
        status: known.status,
        detail: known.status_detail,
        media_type,
        pages: known.page_count as usize,
        ocr_pages: 0,
        new: false,
    }))
}

/// Given the stored original, stores every file found inside it and
/// returns what to record. Blobs land before the transaction that
/// references them.
pub(crate) fn store_tree(
    vault: &Vault,
    blob: testimonio_vault::StoredBlob,
    intake: Intake,
    extracted: Extracted,
) -> Result<IngestedDocument, Unreadable> {
    let mut children = Vec::with_capacity(extracted.children.len());
    for child in extracted.children {
        let child_intake = Intake {
            file_name: child.name.clone(),
            media_type: Some(child.extracted.kind.media_type().to_owned()),
            source_path: None,
            host: intake.host.clone(),
            source_kind: intake.source_kind,
            foia: None,
            custodian: intake.custodian.clone(),
            obtained_on: intake.obtained_on,
        };
        let child_blob = vault
            .store_original(&mut &child.bytes[..])
            .map_err(|_| Unreadable::CannotStore)?;
        let stored = store_tree(vault, child_blob, child_intake, child.extracted)?;
        children.push((child.name, stored));
    }
    Ok(IngestedDocument {
        blob,
        intake,
        extraction: extracted.extraction,
        capture: extracted.capture,
        children,
    })
}

fn store_too_large(
    vault: &mut Vault,
    path: &Path,
    size: u64,
    intake: Intake,
) -> Result<FileOutcome, Unreadable> {
    let mut file = fs::File::open(path).map_err(|e| Unreadable::CannotRead(IoProblem::from(&e)))?;
    let blob = vault
        .store_original(&mut file)
        .map_err(|_| Unreadable::CannotStore)?;
    let detail = format!(
        "stored byte-exact; too large to read text from ({} MiB, limit {} MiB)",
        size >> 20,
        MAX_READ_BYTES >> 20
    );
    let document = IngestedDocument {
        blob,
        intake,
        extraction: crate::extract::failed(detail.clone(), String::new()),
        capture: None,
        children: Vec::new(),
    };
    let recorded = vault
        .record_ingested(&document)
        .map_err(|_| Unreadable::NotRecorded)?;
    Ok(FileOutcome::Stored {
        id: recorded.id,
        status: ExtractionStatus::Failed,
        detail,
        media_type: "application/octet-stream".into(),
        pages: 0,
        ocr_pages: 0,
        attachments: 0,
        new: recorded.new,
    })
}

fn count_pages(doc: &IngestedDocument) -> (usize, usize) {
    let own = (
        doc.extraction.pages.len(),
        doc.extraction
            .pages
            .iter()
            .filter(|p| p.method == TextMethod::Ocr)
            .count(),
    );
    doc.children.iter().fold(own, |(p, o), (_, child)| {
        let (cp, co) = count_pages(child);
        (p + cp, o + co)
    })
}

fn count_children(doc: &IngestedDocument) -> usize {
    doc.children
        .iter()
        .map(|(_, c)| 1 + count_children(c))
        .sum()
}

fn count_descendants(vault: &Vault, id: &str) -> Result<usize, VaultError> {
    let filter = testimonio_vault::DocumentFilter {
        parent: Some(id.to_owned()),
        ..Default::default()
    };
    let mut count = 0;
    for child in vault.documents_filtered(&filter)? {
        count += 1 + count_descendants(vault, &child.id)?;
    }
    Ok(count)
}
