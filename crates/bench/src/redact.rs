//! `testimonio-bench redact`: redacted, Bates-stamped copies beside the
//! bare tools, same pages, same run.
//!
//! - Ours: `evidence::redaction::redact` of the first N pages of the
//!   Second Circuit opinion (a text layer) with every match of the docket
//!   number (on every page's header) redacted: each page's layer words
//!   read, rasterized at 300 dpi, burned, OCRed, the PDF composed with
//!   its Bates labels, checked (pdftotext, pdfinfo) and stored encrypted,
//!   in pages per minute. Target: ≥ 30 pages/min on 2 cores.
//! - Peer: bare `pdftoppm` (300 dpi, gray) piped to bare `tesseract`
//!   (TSV, same languages) on the same pages, `jobs` pages at once: the
//!   floor under any raster redaction that re-reads its pages.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Result, bail, ensure};
use testimonio_app::Actor;
use testimonio_app::evidence::{ingest, redaction};
use testimonio_ingest::redact::RedactOptions;
use testimonio_ingest::tools::{self, Limits};
use testimonio_ingest::{FileOutcome, IngestOptions};
use testimonio_vault::{KdfParams, Passphrase, Vault};

use crate::cli;

/// Options of `testimonio-bench redact`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Parser)]
#[command(name = "testimonio-bench redact")]
pub struct Options {
    /// Pages of the 40-page opinion to copy (from page 1).
    #[arg(long, default_value = "20", value_parser = cli::at_least_one)]
    pages: usize,
    /// Pages made at once, for ours and for the peer.
    #[arg(long, default_value = "2", value_parser = cli::at_least_one)]
    jobs: usize,
    /// Where to put the vault (default: the system temp dir).
    #[arg(long)]
    dir: Option<PathBuf>,
}

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(rel)
}

const OPINION: &str = "foia/second-circuit-opinion-aclu-v-ice-2021.pdf";

/// Bare pdftoppm + tesseract on pages 1..=pages, `jobs` at once.
fn peer(pdf: &[u8], pages: usize, jobs: usize) -> Result<f64> {
    let next = AtomicUsize::new(1);
    let failed = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    let page = next.fetch_add(1, Ordering::SeqCst);
                    if page > pages {
                        break;
                    }
                    let n = page.to_string();
                    let image = tools::run(
                        "pdftoppm",
                        &["-r", "300", "-gray", "-f", &n, "-l", &n, "-"],
                        &[],
                        pdf,
                        Limits::default(),
                    );
                    let read = image.and_then(|image| {
                        tools::run(
                            "tesseract",
                            &["stdin", "stdout", "-l", "eng+spa", "--psm", "3", "tsv"],
                            &[("OMP_THREAD_LIMIT", "1")],
                            &image.stdout,
                            Limits::default(),
                        )
                    });
                    if read.is_err() {
                        failed.fetch_add(1, Ordering::SeqCst);
                    }
                }
            });
        }
    });
    ensure!(
        failed.load(Ordering::SeqCst) == 0,
        "the peer's tools failed"
    );
    Ok(started.elapsed().as_secs_f64())
}

pub fn run(options: &Options) -> Result<()> {
    let base = options.dir.clone().unwrap_or_else(std::env::temp_dir);
    let dir = tempfile::Builder::new()
        .prefix("testimonio-bench-redact-")
        .tempdir_in(base)?;
    let pdf = std::fs::read(corpus(OPINION))?;
    let pages = options.pages.min(40);
    let mut vault = Vault::create(
        &dir.path().join("vault"),
        &Passphrase::new("benchmark passphrase, not secret".into())?,
        KdfParams::MINIMUM,
        testimonio_vault::Actor::new("bench:redact")?,
    )?
    .vault;
    let actor = Actor::Operator {
        name: "bench".into(),
    };
    let run = ingest::ingest(
        &mut vault,
        &actor,
        &[corpus(OPINION)],
        &IngestOptions::default(),
        &|_, _, _| {},
    )?;
    let id = match &run.summary.files[0].outcome {
        FileOutcome::Stored { id, .. } => id.clone(),
        other => bail!("the opinion was not ingested: {other:?}"),
    };
    let request = redaction::RedactionRequest {
        document: id,
        pages: Some((1, pages as u32)),
        words: Vec::new(),
        regions: Vec::new(),
        queries: vec!["\"21-1233\"".into()],
        bates_prefix: "BENCH".into(),
    };
    let redact_options = RedactOptions {
        jobs: options.jobs,
        ..RedactOptions::default()
    };
    println!(
        "redact: {pages} pages of the opinion, 300 dpi, {} at once",
        options.jobs
    );
    let started = Instant::now();
    let copy = redaction::redact(&mut vault, &actor, &request, &redact_options)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let ours = started.elapsed().as_secs_f64();
    ensure!(copy.matches >= pages, "the docket number on every page");
    let bare = peer(&pdf, pages, options.jobs)?;
    let per_minute = |seconds: f64| pages as f64 * 60.0 / seconds;
    println!(
        "  redacted copy (ours)       {:>7.1} pages/min  ({ours:.1} s; {} boxes; target >= 30)",
        per_minute(ours),
        copy.matches
    );
    println!(
        "  pdftoppm + tesseract (peer){:>7.1} pages/min  ({bare:.1} s)",
        per_minute(bare)
    );
    println!("  ours / peer                {:>7.2}", bare / ours);
    Ok(())
}
