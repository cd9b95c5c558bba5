//! Ingest: a batch of paths into the vault, each file with a typed outcome
//! of its own; then the people-mentioned scan and the watchlists run, so new pages are searchable and
//! their hits waiting for review before the run is reported.

use std::path::PathBuf;
use std::time::Duration;

use testimonio_domain::ExtractionStatus;
use testimonio_ingest::{FileReport, IngestOptions, IngestSummary};
use testimonio_search::WatchlistRun;
use testimonio_vault::{RecordKind, Vault};

use super::search::{SearchFailure, open_index};
use super::watchlists;
use crate::{Actor, AppError, AppResult, act_as};

/// A finished run.
#[derive(Debug)]
pub struct IngestRun {
    /// One report per input file, in the order the paths were walked: a
    /// file that could not be read or stored is one report among the others.
    pub summary: IngestSummary,
    /// The watchlists' runs after the ingest, or why they could not run
    /// (the files are in the vault either way).
    pub watchlists: Result<Vec<WatchlistRun>, SearchFailure>,
    /// The people-mentioned scan over the new pages (counts over every
    /// person: shown only to who sees every identity), or why it failed
    /// (the pages stay queued for the next scan).
    pub mentions: AppResult<super::mentions::ScanOutcome>,
}

/// The counts a run is summed up by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestTotals {
    pub files: usize,
    pub ok: usize,
    pub partial: usize,
    pub failed: usize,
    pub pages: usize,
    pub ocr_pages: usize,
}

impl IngestRun {
    pub fn totals(&self) -> IngestTotals {
        let (pages, ocr_pages) = self.summary.pages();
        IngestTotals {
            files: self.summary.files.len(),
            ok: self.summary.count(ExtractionStatus::Ok),
            partial: self.summary.count(ExtractionStatus::Partial),
            failed: self.summary.count(ExtractionStatus::Failed),
            pages,
            ocr_pages,
        }
    }

    /// How long the ingest took (the watchlists' run not included).
    pub fn duration(&self) -> Duration {
        Duration::try_from_secs_f64(self.summary.seconds).unwrap_or_default()
    }

    /// Files not stored with all their text.
    pub fn not_ok(&self) -> usize {
        self.summary.files.len() - self.summary.count(ExtractionStatus::Ok)
    }
}

/// Ingests every file under `paths` with `options`, calling `on_file` as
/// each one finishes (from worker threads: done, total). One bad file
/// never stops the run.
///
/// # Errors
/// [`AppError::UnknownReference`] (field `foia`) for a FOIA request the
/// vault does not have, before anything is read; vault errors that keep
/// the run from starting.
pub fn ingest(
    vault: &mut Vault,
    actor: &Actor,
    paths: &[PathBuf],
    options: &IngestOptions,
    on_file: &(dyn Fn(&FileReport, usize, usize) + Sync),
) -> AppResult<IngestRun> {
    super::require_writer(actor)?;
    act_as(vault, actor)?;
    if let Some(foia) = &options.foia
        && vault.foia(foia)?.is_none()
    {
        return Err(AppError::UnknownReference {
            field: "foia".into(),
            kind: RecordKind::FoiaRequest,
            id: foia.clone(),
        });
    }
    let summary =
        testimonio_ingest::ingest(vault, paths, options, on_file).map_err(|e| match e {
            testimonio_ingest::pipeline::IngestError::Vault(v) => AppError::from(v),
        })?;
    let mentions = super::mentions::scan(vault, actor);
    let watchlists = open_index(vault).and_then(|index| watchlists::run_all(vault, &index, actor));
    Ok(IngestRun {
        summary,
        watchlists,
        mentions,
    })
}
