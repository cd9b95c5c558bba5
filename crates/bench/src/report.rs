//! `testimonio-bench report`: the PDF renderer on the two largest
//! documents the project writes, against the targets.
//!
//! - The public report of 100,000 demo events and 20,000 people (its own
//!   findings under disclosure control, composed, rendered): < 5 s.
//! - A case packet of 200 exhibits whose excerpts cite 2,000 pages
//!   (synthetic: 400 events, 10 cited pages per exhibit, every citation
//!   tied to an event), composed and rendered: < 60 s.
//!
//! For each: the render time alone (median of the runs), the whole time
//! the target is about, the PDF's size and the peak resident memory while
//! rendering, above what the process held before (the peak is reset
//! before each renderer through `/proc/self/clear_refs`).

use std::collections::HashMap;
use std::time::Instant;

use anyhow::Result;
use testimonio_analysis::Audience;
use testimonio_domain::Lang;
use testimonio_report::doc::Document;
use testimonio_report::packet::{
    PacketCase, PacketDocument, PacketEvent, PacketExcerpt, PacketInput, PacketPerson,
    PacketProvenance,
};
use testimonio_report::{Findings, FindingsOptions};

use crate::analysis::{demo_data, median, peak_memory_mib, reset_peak_memory, resident_memory_mib};
use crate::cli;

/// Options of `testimonio-bench report`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Parser)]
#[command(name = "testimonio-bench report")]
pub struct Options {
    /// Demo events of the public report.
    #[arg(long, default_value = "100000", value_parser = cli::at_least_one)]
    events: usize,
    /// Demo people of the public report.
    #[arg(long, default_value = "20000", value_parser = cli::at_least_one)]
    people: usize,
    /// Exhibits of the packet.
    #[arg(long, default_value = "200", value_parser = cli::at_least_one)]
    exhibits: usize,
    /// Pages of the exhibits cited by the packet (spread over the exhibits).
    #[arg(long, default_value = "2000", value_parser = cli::at_least_one)]
    pages: usize,
    /// Repetitions; the median is shown.
    #[arg(long, default_value = "3", value_parser = cli::at_least_one)]
    runs: usize,
}

/// A PDF renderer measured.
struct Renderer {
    name: &'static str,
    render: fn(&Document) -> Vec<u8>,
}

/// The renderers measured. The hand-written writer typst replaced was
/// measured beside it here until its removal (2026-12-03, same run: public
/// report 0.48 s vs typst 0.58 s total, packet 0.06 s vs 1.34 s; typst
/// embeds and subsets fonts, tags and compresses, which it did not).
const RENDERERS: &[Renderer] = &[Renderer {
    name: "typst",
    render: testimonio_report::pdf::render,
}];

/// What one renderer did with one document.
struct Measured {
    render_s: f64,
    bytes: usize,
    peak_extra_mib: Option<f64>,
}

fn measure(renderer: &Renderer, doc: &Document, runs: usize) -> Measured {
    let before = resident_memory_mib();
    let reset = reset_peak_memory();
    let mut times = Vec::with_capacity(runs);
    let mut bytes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let pdf = (renderer.render)(doc);
        times.push(t.elapsed().as_secs_f64());
        bytes = pdf.len();
        std::hint::black_box(&pdf);
    }
    let peak = if reset { peak_memory_mib() } else { None };
    Measured {
        render_s: median(times),
        bytes,
        peak_extra_mib: peak.zip(before).map(|(p, b)| (p - b).max(0.0)),
    }
}

/// A packet of `exhibits` documents whose excerpts cite `pages` pages.
pub fn synthetic_packet(exhibits: usize, pages: usize) -> PacketInput {
    let start = chrono::NaiveDate::from_ymd_opt(2016, 1, 17).expect("valid date");
    let events: Vec<PacketEvent> = (0..2 * exhibits)
        .map(|i| {
            let day = start + chrono::Duration::days(9 * i as i64);
            let protected = i % 2 == 0;
            PacketEvent {
                id: format!("e-{i:04}"),
                date: day.to_string(),
                day,
                until: day,
                protected,
                type_label: if protected {
                    "Hunger strike".into()
                } else {
                    "Notice to appear".into()
                },
                role_label: if protected {
                    "Organizer".into()
                } else {
                    "Target".into()
                },
                place: "Đà Nẵng Street, Tacoma, WA".into(),
                narrative: protected.then(|| {
                    "Nguyễn Thị Lan led the strike; officers called her an instigator \
                     and hoped deportation would take away some of her clout."
                        .into()
                }),
            }
        })
        .collect();
    let documents: Vec<PacketDocument> = (0..exhibits)
        .map(|i| PacketDocument {
            id: format!("d-{i:04}"),
            file_name: format!("foia-production-{i:03}-interim-release.pdf"),
            sha256: format!("{:064x}", (i as u128 + 1) * 0x9e37_79b9_7f4a_7c15),
            size: 400_000 + i as u64,
            // The certification page lists how each exhibit came in.
            provenance: PacketProvenance {
                added_at: "2024-03-01T12:00:00Z".into(),
                added_by: "coordinator".into(),
                source_label: Some("FOIA production".into()),
                custodian: Some("U.S. Immigration and Customs Enforcement".into()),
                obtained_on: Some("2024-02-27".into()),
                extracted_with: Some("pdftotext 22.12.0".into()),
                custody_events: 3,
            },
        })
        .collect();
    let per_exhibit = pages.div_ceil(exhibits).max(1);
    let excerpts: Vec<PacketExcerpt> = (0..pages)
        .map(|p| {
            let d = (p / per_exhibit).min(exhibits - 1);
            PacketExcerpt {
                document: documents[d].id.clone(),
                page: (p % per_exhibit + 1) as u32,
                quote: "The subject is an instigator; removal would take away some of her \
                        clout among the detained population (Łódź, Ольга, Peña Núñez)."
                    .into(),
                tags: vec!["retaliation".into()],
                events: vec![events[p % events.len()].id.clone()],
            }
        })
        .collect();
    PacketInput {
        case: Some(PacketCase {
            id: "case-1".into(),
            title: "Prosecutorial discretion request".into(),
            kind_label: "Removal defense".into(),
            status_label: "Open".into(),
            attorney: Some("Peña Núñez".into()),
            opened_on: Some("2024-03".into()),
        }),
        person: PacketPerson {
            id: "p-1".into(),
            pseudonym: "Lan".into(),
            legal_name: Some("Nguyễn Thị Lan".into()),
        },
        events,
        excerpts,
        documents,
        software: "testimonio bench".into(),
        generated_on: "2026-12-03".into(),
    }
}

pub fn run(options: &Options) -> Result<()> {
    let started = Instant::now();
    let (subjects, events) = demo_data(options.events, options.people)?;
    let generated = started.elapsed().as_secs_f64();
    let findings_options = FindingsOptions {
        audience: Audience::Public,
        min_count: 5,
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date"),
        permutations: 10_000,
        seed: 0,
        vignettes: 12,
        threads: None,
    };
    let t = Instant::now();
    let findings = Findings::compute(&subjects, &events, &HashMap::new(), &findings_options)
        .map_err(|e| anyhow::anyhow!(e.message(Lang::En)))?;
    let report = testimonio_report::compose::compose(&findings, Lang::En);
    let report_compose_s = t.elapsed().as_secs_f64();
    drop(findings);
    drop((subjects, events));

    let input = synthetic_packet(options.exhibits, options.pages);
    let t = Instant::now();
    let packet = testimonio_report::packet::packet(&input, Lang::En);
    let packet_compose_s = t.elapsed().as_secs_f64();

    println!(
        "report benchmark: public report of {} events / {} people ({:.1} s to generate); \
         packet of {} exhibits citing {} pages; median of {} runs",
        options.events, options.people, generated, options.exhibits, options.pages, options.runs
    );
    println!();
    println!(
        "{:<40} {:>10} {:>10} {:>10} {:>12} {:>9}  result",
        "document / renderer", "render s", "total s", "KiB", "peak +MiB", "target"
    );
    println!("{}", "-".repeat(104));
    let verdict = |ok: bool| if ok { "PASS" } else { "FAIL" };
    for (label, doc, compose_s, target) in [
        ("public report", &report, report_compose_s, 5.0),
        ("packet", &packet, packet_compose_s, 60.0),
    ] {
        for renderer in RENDERERS {
            let m = measure(renderer, doc, options.runs);
            let total = compose_s + m.render_s;
            println!(
                "{:<40} {:>10.3} {:>10.3} {:>10} {:>12} {:>9}  {}",
                format!("{label}: {}", renderer.name),
                m.render_s,
                total,
                m.bytes / 1024,
                m.peak_extra_mib
                    .map_or_else(|| "n/a".to_owned(), |p| format!("{p:.0}")),
                format!("< {target} s"),
                verdict(total < target)
            );
        }
    }
    println!();
    println!(
        "total s = findings and compose (report {report_compose_s:.3} s, packet \
         {packet_compose_s:.3} s) + render; peak +MiB = peak resident memory while \
         rendering above what the process held before"
    );
    if let Some(mib) = peak_memory_mib() {
        println!("peak memory of the last phase (VmHWM): {mib:.0} MiB");
    }
    Ok(())
}
