//! The mixed production of `testimonio-bench ingest`: the three shapes a
//! real FOIA production mixes, in equal parts, built from the corpus with
//! a known text for each page, so that both speed and what was read are
//! measured.
//!
//! - Text pages: single pages of the Second Circuit opinion (`pdfseparate`);
//!   known text: `pdftotext` of the page.
//! - Stamped scans: other pages of the opinion rendered at 300 dpi as a
//!   grey JPEG "scan", with a one-line court stamp as the only text layer
//!   (`shapes::stamped_scan_pdf`); known text: the page's own text.
//! - Broken encodings: the text of other pages written with glyph codes
//!   shifted by three letters (`shapes::shifted_encoding_pdf`, the text
//!   layer extracts as `Wkh djhqfb`); known text: the lines written.
//!
//! The peer pipeline does what each page needs and nothing else:
//! `pdftotext` on the text pages and bare `tesseract` on the others' page
//! images (rendered beforehand, not timed), with the same parallelism.
//! Recall is word recall against the known text (case-folded words of two
//! or more characters, counted as a multiset), per shape, for both.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail, ensure};
use testimonio_ingest::pipeline::FileOutcome;
use testimonio_ingest::shapes::{shifted_encoding_pdf, stamped_scan_pdf};
use testimonio_ingest::{IngestOptions, ingest};
use testimonio_vault::{Actor, KdfParams, Passphrase, Vault};

use crate::ingest::{corpus, median, run_tool_parallel};

const OPINION: &str = "foia/second-circuit-opinion-aclu-v-ice-2021.pdf";
/// Pages of the opinion: each shape takes its own.
const OPINION_PAGES: usize = 40;

/// One page of the production.
struct Page {
    shape: Shape,
    pdf: PathBuf,
    /// What the peer reads: the PDF (text pages) or its page image.
    peer_input: PathBuf,
    known: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Shape {
    Text,
    StampedScan,
    BrokenEncoding,
}

impl Shape {
    const ALL: [Shape; 3] = [Shape::Text, Shape::StampedScan, Shape::BrokenEncoding];

    fn label(self) -> &'static str {
        match self {
            Shape::Text => "text pages",
            Shape::StampedScan => "stamped scans",
            Shape::BrokenEncoding => "broken encodings",
        }
    }
}

fn tool(program: &str, args: &[&str]) -> Result<Vec<u8>> {
    let out = Command::new(program)
        .args(args)
        .output()
        .with_context(|| format!("running {program}"))?;
    ensure!(out.status.success(), "{program} {args:?} failed");
    Ok(out.stdout)
}

/// Lines of `text` re-wrapped to at most `width` characters, ASCII only
/// (the shifted font encodes letters; other characters would not draw),
/// at most `max` lines.
fn ascii_lines(text: &str, width: usize, max: usize) -> Vec<String> {
    let ascii: String = text
        .chars()
        .map(|c| if c.is_ascii_graphic() { c } else { ' ' })
        .collect();
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in ascii.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
            if lines.len() == max {
                return lines;
            }
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() && lines.len() < max {
        lines.push(line);
    }
    lines
}

/// Builds `per_shape` pages of each shape under `dir`.
fn build(dir: &Path, per_shape: usize) -> Result<Vec<Page>> {
    ensure!(
        3 * per_shape <= OPINION_PAGES,
        "at most {} pages per shape (the opinion has {OPINION_PAGES})",
        OPINION_PAGES / 3
    );
    std::fs::create_dir_all(dir)?;
    let opinion = corpus(OPINION);
    let opinion_arg = opinion.to_str().context("corpus path")?;
    let mut pages = Vec::new();
    for (i, shape) in Shape::ALL.into_iter().enumerate() {
        for n in 0..per_shape {
            let number = (i * per_shape + n + 1).to_string();
            let single = dir.join(format!("page-{number}.pdf"));
            let single_arg = single.to_str().context("temp path")?;
            tool(
                "pdfseparate",
                &["-f", &number, "-l", &number, opinion_arg, single_arg],
            )?;
            let known = String::from_utf8(tool("pdftotext", &[single_arg, "-"])?)?;
            let page = match shape {
                Shape::Text => Page {
                    shape,
                    peer_input: single.clone(),
                    pdf: single,
                    known,
                },
                Shape::StampedScan => {
                    let jpeg = tool("pdftoppm", &["-r", "300", "-gray", "-jpeg", single_arg])?;
                    let image = dir.join(format!("scan-{number}.jpg"));
                    std::fs::write(&image, &jpeg)?;
                    let stamp = format!(
                        "Case 1:19-cv-07993 Document 42 Filed 03/04/21 Page {number} of {OPINION_PAGES}"
                    );
                    let pdf = dir.join(format!("stamped-{number}.pdf"));
                    std::fs::write(
                        &pdf,
                        stamped_scan_pdf(&jpeg, &stamp).context("pdftoppm wrote no JPEG")?,
                    )?;
                    Page {
                        shape,
                        pdf,
                        peer_input: image,
                        known,
                    }
                }
                Shape::BrokenEncoding => {
                    let lines = ascii_lines(&known, 78, 36);
                    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
                    let pdf = dir.join(format!("shifted-{number}.pdf"));
                    std::fs::write(&pdf, shifted_encoding_pdf(&refs))?;
                    let image = dir.join(format!("shifted-{number}.pgm"));
                    let pgm = tool(
                        "pdftoppm",
                        &["-r", "300", "-gray", pdf.to_str().context("temp path")?],
                    )?;
                    std::fs::write(&image, pgm)?;
                    Page {
                        shape,
                        pdf,
                        peer_input: image,
                        known: lines.join("\n"),
                    }
                }
            };
            pages.push(page);
        }
    }
    Ok(pages)
}

/// Case-folded words of two or more characters with a letter, counted.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2 && w.chars().any(char::is_alphabetic))
    {
        *counts.entry(word.to_lowercase()).or_default() += 1;
    }
    counts
}

/// The share of `known`'s words (as a multiset) found in `read`.
fn recall(known: &str, read: &str) -> (usize, usize) {
    let read = words(read);
    let known = words(known);
    let total = known.values().sum();
    let found = known
        .iter()
        .map(|(w, n)| (*n).min(read.get(w).copied().unwrap_or(0)))
        .sum();
    (found, total)
}

/// Ingests every page into a fresh vault: seconds, and each page's text
/// as stored (in `pages` order).
fn ingest_pages(dir: &Path, pages: &[Page], jobs: usize) -> Result<(f64, Vec<String>)> {
    let _ = std::fs::remove_dir_all(dir);
    let mut vault = Vault::create(
        dir,
        &Passphrase::new("benchmark passphrase, not secret".into())?,
        KdfParams::MINIMUM,
        Actor::new("bench:ingest")?,
    )?
    .vault;
    let files: Vec<PathBuf> = pages.iter().map(|p| p.pdf.clone()).collect();
    let options = IngestOptions {
        jobs,
        ..IngestOptions::default()
    };
    let started = Instant::now();
    let summary = ingest(&vault, &files, &options, &|_, _, _| {})?;
    let seconds = started.elapsed().as_secs_f64();
    let mut texts = Vec::with_capacity(pages.len());
    for file in &summary.files {
        let FileOutcome::Stored { id, .. } = &file.outcome else {
            bail!("{}: {:?}", file.path.display(), file.outcome);
        };
        let text = vault
            .read_page_text(id, 1)?
            .map(|page| page.text)
            .unwrap_or_default();
        texts.push(text);
    }
    drop(vault);
    std::fs::remove_dir_all(dir)?;
    Ok((seconds, texts))
}

fn peer_command(page_is_text: bool) -> impl Fn(&Path) -> Command + Sync {
    move |path: &Path| {
        let mut c;
        if page_is_text {
            c = Command::new("pdftotext");
            c.arg(path).arg("-");
        } else {
            c = Command::new("tesseract");
            c.arg(path)
                .args(["-", "-l", "eng+spa", "--psm", "3"])
                .env("OMP_THREAD_LIMIT", "1");
        }
        c
    }
}

/// Builds the production, times ingest and the peer pipeline `runs`
/// times, and prints pages/s and recall per shape beside the peer's.
///
/// # Errors
/// A tool missing or failing, a page not stored.
pub fn run(root: &Path, per_shape: usize, jobs: usize, runs: usize) -> Result<()> {
    let pages = build(&root.join("mixed"), per_shape)?;
    let inputs = |text: bool| -> Vec<PathBuf> {
        pages
            .iter()
            .filter(|p| (p.shape == Shape::Text) == text)
            .map(|p| p.peer_input.clone())
            .collect()
    };
    let (text_inputs, ocr_inputs) = (inputs(true), inputs(false));
    let mut ours = Vec::new();
    let mut peer = Vec::new();
    let mut texts = Vec::new();
    for _ in 0..runs {
        let text_s = run_tool_parallel(&text_inputs, jobs, &peer_command(true))?;
        let ocr_s = run_tool_parallel(&ocr_inputs, jobs, &peer_command(false))?;
        peer.push(text_s + ocr_s);
        let (seconds, read) = ingest_pages(&root.join("vault-mixed"), &pages, jobs)?;
        ours.push(seconds);
        texts = read;
    }
    // The peer's own reading, once, untimed, for its recall.
    let peer_texts: Vec<String> = pages
        .iter()
        .map(|p| {
            let out = peer_command(p.shape == Shape::Text)(&p.peer_input).output()?;
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        })
        .collect::<Result<_>>()?;

    let (ours_s, peer_s) = (median(ours.clone()), median(peer.clone()));
    let rate = |s: f64| pages.len() as f64 / s;
    let ratio = rate(ours_s) / rate(peer_s);
    println!();
    println!(
        "mixed production: {per_shape} pages of each shape ({} pages), --jobs {jobs}, median of {runs} runs",
        pages.len()
    );
    println!(
        "{:<58} {:>12} {:>10} {:>8}",
        "phase", "rate", "unit", "ratio"
    );
    println!("{}", "-".repeat(92));
    println!(
        "{:<58} {:>12.2} {:>10} {:>8.2}",
        "testimonio ingest, mixed production",
        rate(ours_s),
        "pages/s",
        ratio
    );
    println!(
        "{:<58} {:>12.2} {:>10} {:>8.2}",
        "pdftotext (text pages) + bare tesseract (the others)",
        rate(peer_s),
        "pages/s",
        1.0
    );
    println!();
    println!(
        "{:<20} {:>16} {:>16}   target ≥ 0.95 (ours)",
        "word recall", "testimonio", "peer"
    );
    let mut all_pass = true;
    for shape in Shape::ALL {
        let sum = |read: &[String]| {
            let (found, total) = pages
                .iter()
                .zip(read)
                .filter(|(p, _)| p.shape == shape)
                .map(|(p, text)| recall(&p.known, text))
                .fold((0, 0), |(f, t), (a, b)| (f + a, t + b));
            found as f64 / total.max(1) as f64
        };
        let (ours_recall, peer_recall) = (sum(&texts), sum(&peer_texts));
        let pass = ours_recall >= 0.95;
        all_pass &= pass;
        println!(
            "{:<20} {:>16.3} {:>16.3}   {}",
            shape.label(),
            ours_recall,
            peer_recall,
            if pass { "PASS" } else { "FAIL" }
        );
    }
    println!(
        "target: mixed ingest / peer pipeline ≥ 0.9   {ratio:.2}  {}",
        if ratio >= 0.9 { "PASS" } else { "FAIL" }
    );
    println!(
        "target: recall ≥ 0.95 on every shape          {}",
        if all_pass { "PASS" } else { "FAIL" }
    );
    let list = |v: &[f64]| {
        v.iter()
            .map(|s| format!("{s:.2}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "seconds per run: ingest {} | peer {}",
        list(&ours),
        list(&peer)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recall_counts_each_known_word_as_often_as_it_occurs() {
        assert_eq!(recall("The court, the Court.", "the court"), (2, 4));
        assert_eq!(recall("a 2021 b", "x"), (0, 0));
        assert_eq!(recall("Peña Núñez", "PEÑA núñez"), (2, 2));
    }

    #[test]
    fn lines_are_wrapped_and_ascii() {
        let lines = ascii_lines("Sección § one two three", 9, 5);
        assert_eq!(lines, ["Secci n", "one two", "three"]);
        assert!(ascii_lines(&"word ".repeat(100), 10, 3).len() == 3);
    }
}
