//! `testimonio-bench ingest`: evidence ingest beside the bare tools, same
//! files, same run.
//!
//! - Text-layer PDFs: `testimonio ingest` (read, SHA-256, encrypt into the
//!   blob store, pdftotext, per-page quality check, Bates search, one
//!   transaction per file) on N distinct copies of the 40-page Second
//!   Circuit opinion, in pages per second, against `pdftotext` alone on the
//!   same files (one after another, as it is usually run; and two at once,
//!   for reference). Target: ingest/pdftotext ≥ 1.0 using both cores.
//! - OCR: ingest of M distinct copies of the scanned ICE letter (every page
//!   rasterized at 300 dpi and OCRed), in pages per minute, against bare
//!   `tesseract` on the same page images (rendered once, beforehand) with
//!   the same parallelism and languages. Target: ≥ 0.9.
//!
//! - A mixed production (`ingest_mixed`): text pages, stamped scans and
//!   broken-encoding pages in equal parts, against `pdftotext` + bare
//!   `tesseract` on the pages each needs, with word recall per shape.
//!   Targets: ≥ 0.9 of the peer's pages/s, recall ≥ 0.95 on every shape.
//!
//! The copies differ by a comment after `%%EOF` (ignored by readers), so
//! that deduplication does not skip them.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, Result, bail, ensure};
use testimonio_domain::ExtractionStatus;
use testimonio_ingest::pipeline::FileOutcome;
use testimonio_ingest::{IngestOptions, ingest};
use testimonio_vault::{Actor, KdfParams, Passphrase, Vault};

use crate::cli;

/// Options of `testimonio-bench ingest`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Parser)]
#[command(name = "testimonio-bench ingest")]
pub struct Options {
    /// Copies of the 40-page born-digital opinion (20: 800 pages).
    #[arg(long, default_value = "20", value_parser = cli::count)]
    copies: usize,
    /// Copies of the 2-page scanned letter (8: 16 OCR pages).
    #[arg(long, default_value = "8", value_parser = cli::count)]
    ocr_copies: usize,
    /// Parallel files / OCR processes, for ingest and for the peers.
    #[arg(long, default_value = "2", value_parser = cli::at_least_one)]
    jobs: usize,
    /// Repetitions of each timed phase; the median is shown.
    #[arg(long, default_value = "3", value_parser = cli::at_least_one)]
    runs: usize,
    /// Pages of each shape in the mixed production (text pages, stamped
    /// scans, broken encodings; at most 13); 0 leaves it out.
    #[arg(long, default_value = "8", value_parser = cli::count)]
    mixed_pages: usize,
    /// Where to put the copies and vaults (default: the system temp dir).
    #[arg(long)]
    dir: Option<PathBuf>,
}

pub(crate) fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(rel)
}

fn write_copies(source: &Path, dir: &Path, count: usize) -> Result<Vec<PathBuf>> {
    let bytes = std::fs::read(source).with_context(|| format!("reading {}", source.display()))?;
    std::fs::create_dir_all(dir)?;
    (0..count)
        .map(|i| {
            let mut copy = bytes.clone();
            copy.extend_from_slice(format!("\n% benchmark copy {i}\n").as_bytes());
            let path = dir.join(format!("copy-{i:04}.pdf"));
            std::fs::write(&path, copy)?;
            Ok(path)
        })
        .collect()
}

/// Runs `jobs` commands at a time over `inputs`, draining their output.
pub(crate) fn run_tool_parallel(
    inputs: &[PathBuf],
    jobs: usize,
    command: &(dyn Fn(&Path) -> Command + Sync),
) -> Result<f64> {
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    let failures = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(inputs.len()).max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(input) = inputs.get(i) else { break };
                    let ok = command(input)
                        .stdout(Stdio::piped())
                        .stderr(Stdio::null())
                        .output()
                        .is_ok_and(|o| o.status.success() && !o.stdout.is_empty());
                    if !ok {
                        failures.fetch_add(1, Ordering::SeqCst);
                    }
                }
            });
        }
    });
    ensure!(failures.into_inner() == 0, "a peer tool run failed");
    Ok(started.elapsed().as_secs_f64())
}

/// Ingests `files` into a fresh vault; returns (seconds, pages, OCR pages).
fn ingest_into_fresh_vault(
    dir: &Path,
    files: &[PathBuf],
    jobs: usize,
) -> Result<(f64, usize, usize)> {
    let _ = std::fs::remove_dir_all(dir);
    let vault = Vault::create(
        dir,
        &Passphrase::new("benchmark passphrase, not secret".into())?,
        KdfParams::MINIMUM,
        Actor::new("bench:ingest")?,
    )?
    .vault;
    let options = IngestOptions {
        jobs,
        ..IngestOptions::default()
    };
    let started = Instant::now();
    let summary = ingest(&vault, files, &options, &|_, _, _| {})?;
    let seconds = started.elapsed().as_secs_f64();
    for file in &summary.files {
        if let FileOutcome::Stored { status, detail, .. } = &file.outcome {
            ensure!(
                *status == ExtractionStatus::Ok,
                "{}: {status:?} {detail}",
                file.path.display()
            );
        } else {
            bail!("{}: {:?}", file.path.display(), file.outcome);
        }
    }
    let (pages, ocr_pages) = summary.pages();
    drop(vault);
    std::fs::remove_dir_all(dir)?;
    Ok((seconds, pages, ocr_pages))
}

pub(crate) fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

pub fn run(options: &Options) -> Result<()> {
    let root = match &options.dir {
        Some(dir) => tempfile::Builder::new()
            .prefix("testimonio-bench-ingest-")
            .tempdir_in(dir)?,
        None => tempfile::Builder::new()
            .prefix("testimonio-bench-ingest-")
            .tempdir()?,
    };
    let root = root.path();
    let jobs = options.jobs;

    // Text-layer PDFs.
    let opinions = write_copies(
        &corpus("foia/second-circuit-opinion-aclu-v-ice-2021.pdf"),
        &root.join("opinions"),
        options.copies,
    )?;
    let pdftotext = |path: &Path| {
        let mut c = Command::new("pdftotext");
        c.arg(path).arg("-");
        c
    };
    let mut ours = Vec::new();
    let mut peer_one = Vec::new();
    let mut peer_parallel = Vec::new();
    let mut text_pages = 0;
    for _ in 0..options.runs {
        peer_one.push(run_tool_parallel(&opinions, 1, &pdftotext)?);
        peer_parallel.push(run_tool_parallel(&opinions, jobs, &pdftotext)?);
        let (seconds, pages, ocr_pages) =
            ingest_into_fresh_vault(&root.join("vault-text"), &opinions, jobs)?;
        ensure!(ocr_pages == 0, "a born-digital page was OCRed");
        text_pages = pages;
        ours.push(seconds);
    }
    let rate = |seconds: f64| text_pages as f64 / seconds;
    let (ours_s, one_s, par_s) = (
        median(ours.clone()),
        median(peer_one.clone()),
        median(peer_parallel.clone()),
    );

    // OCR.
    let letters = write_copies(
        &corpus("foia/ice-fourth-interim-release-letter-2025-scanned.pdf"),
        &root.join("letters"),
        options.ocr_copies,
    )?;
    let images_dir = root.join("page-images");
    std::fs::create_dir_all(&images_dir)?;
    let mut images = Vec::new();
    for (i, letter) in letters.iter().enumerate() {
        for page in ["1", "2"] {
            let out = Command::new("pdftoppm")
                .args(["-r", "300", "-gray", "-f", page, "-l", page])
                .arg(letter)
                .output()?;
            ensure!(out.status.success(), "pdftoppm failed");
            let path = images_dir.join(format!("letter-{i:03}-page-{page}.pgm"));
            std::fs::write(&path, out.stdout)?;
            images.push(path);
        }
    }
    let tesseract = |path: &Path| {
        let mut c = Command::new("tesseract");
        c.arg(path)
            .args(["-", "-l", "eng+spa", "--psm", "3", "tsv"])
            .env("OMP_THREAD_LIMIT", "1");
        c
    };
    let ocr_runs = options.runs.min(2);
    let mut ocr_ours = Vec::new();
    let mut ocr_peer = Vec::new();
    let mut ocr_pages_done = 0;
    for _ in 0..ocr_runs {
        ocr_peer.push(run_tool_parallel(&images, jobs, &tesseract)?);
        let (seconds, _, ocr_pages) =
            ingest_into_fresh_vault(&root.join("vault-ocr"), &letters, jobs)?;
        ocr_pages_done = ocr_pages;
        ocr_ours.push(seconds);
    }
    ensure!(
        ocr_pages_done == images.len(),
        "ingest OCRed {ocr_pages_done} pages, the peer {}",
        images.len()
    );
    let per_minute = |seconds: f64| images.len() as f64 * 60.0 / seconds;
    let (ocr_ours_s, ocr_peer_s) = (median(ocr_ours.clone()), median(ocr_peer.clone()));

    let text_ratio = rate(ours_s) / rate(one_s);
    let ocr_ratio = per_minute(ocr_ours_s) / per_minute(ocr_peer_s);
    println!(
        "ingest benchmark: {} copies of a 40-page born-digital PDF ({text_pages} pages), {} copies of a 2-page scan ({} OCR pages); --jobs {jobs}; median of {} (OCR: {ocr_runs}) runs",
        options.copies,
        options.ocr_copies,
        images.len(),
        options.runs
    );
    println!();
    println!(
        "{:<58} {:>12} {:>10} {:>8}",
        "phase", "rate", "unit", "ratio"
    );
    println!("{}", "-".repeat(92));
    println!(
        "{:<58} {:>12.1} {:>10} {:>8.2}",
        "testimonio ingest, text-layer PDFs",
        rate(ours_s),
        "pages/s",
        text_ratio
    );
    println!(
        "{:<58} {:>12.1} {:>10} {:>8.2}",
        "pdftotext alone, one file at a time (the peer)",
        rate(one_s),
        "pages/s",
        1.0
    );
    println!(
        "{:<58} {:>12.1} {:>10} {:>8.2}",
        format!("pdftotext alone, {jobs} files at a time (reference)"),
        rate(par_s),
        "pages/s",
        rate(ours_s) / rate(par_s)
    );
    println!(
        "{:<58} {:>12.1} {:>10} {:>8.2}",
        "testimonio ingest, scanned PDFs (render 300 dpi + OCR)",
        per_minute(ocr_ours_s),
        "pages/min",
        ocr_ratio
    );
    println!(
        "{:<58} {:>12.1} {:>10} {:>8.2}",
        format!("bare tesseract on the same page images, {jobs} at a time"),
        per_minute(ocr_peer_s),
        "pages/min",
        1.0
    );
    println!();
    let verdict = |ok: bool| if ok { "PASS" } else { "FAIL" };
    println!(
        "target: text-layer ingest / pdftotext ≥ 1.0   {text_ratio:.2}  {}",
        verdict(text_ratio >= 1.0)
    );
    println!(
        "target: OCR ingest / bare tesseract ≥ 0.9     {ocr_ratio:.2}  {}",
        verdict(ocr_ratio >= 0.9)
    );
    println!();
    let list = |v: &[f64]| {
        v.iter()
            .map(|s| format!("{s:.2}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "seconds per run: ingest text {} | pdftotext {} | pdftotext ×{jobs} {}",
        list(&ours),
        list(&peer_one),
        list(&peer_parallel)
    );
    println!(
        "                 ingest OCR {} | tesseract ×{jobs} {}",
        list(&ocr_ours),
        list(&ocr_peer)
    );
    if options.mixed_pages > 0 {
        crate::ingest_mixed::run(root, options.mixed_pages, jobs, options.runs.min(2))?;
    }
    Ok(())
}
