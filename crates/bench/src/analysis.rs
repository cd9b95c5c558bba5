//! `testimonio-bench analysis`: the pattern analysis and a public PDF
//! report on 100,000 demo events and 20,000 people, with their times and
//! the process's peak memory. Targets: analysis (proximity, spread,
//! indicators and a 10,000-permutation chance test) under 1 s; the public
//! PDF report (its own findings under disclosure control, composed and
//! rendered) under 5 s.

use std::collections::HashMap;
use std::time::Instant;

use anyhow::Result;
use testimonio_analysis::Audience;
use testimonio_demo::{DemoSpec, generate};
use testimonio_domain::exchange::ExchangeRecord;
use testimonio_domain::{Event, Lang};
use testimonio_report::{Findings, FindingsOptions, Format, Subject};

use crate::cli;

/// Options of `testimonio-bench analysis`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Parser)]
#[command(name = "testimonio-bench analysis")]
pub struct Options {
    /// Demo events.
    #[arg(long, default_value = "100000", value_parser = cli::at_least_one)]
    events: usize,
    /// Demo people.
    #[arg(long, default_value = "20000", value_parser = cli::at_least_one)]
    people: usize,
    /// Permutations of the chance test.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(1..))]
    permutations: u32,
    /// Repetitions; the median is shown.
    #[arg(long, default_value = "3", value_parser = cli::at_least_one)]
    runs: usize,
}

/// The process's peak resident memory (VmHWM) since it started or since
/// the last [`reset_peak_memory`], in MiB.
pub fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The demo data of `events` events and `people` people, as the
/// analysis takes it.
///
/// # Errors
/// A demo record that does not convert (a bug in the generator).
pub fn demo_data(events: usize, people: usize) -> Result<(Vec<Subject>, Vec<Event>)> {
    let spec = DemoSpec {
        people,
        groups: (people / 8).max(6),
        events,
        ..DemoSpec::standard()
    };
    let mut subjects = Vec::with_capacity(spec.people);
    let mut events = Vec::with_capacity(spec.events);
    for record in generate(&spec).records() {
        match record {
            ExchangeRecord::Person(p) => {
                let person = p
                    .into_person()
                    .map_err(|e| anyhow::anyhow!("demo person: {e:?}"))?;
                subjects.push(Subject {
                    id: person.id,
                    pseudonym: person.pseudonym,
                    groups: person.groups,
                    consent: person.consent,
                });
            }
            ExchangeRecord::Event(e) => events.push(
                e.into_event()
                    .map_err(|e| anyhow::anyhow!("demo event: {e:?}"))?,
            ),
            _ => {}
        }
    }
    Ok((subjects, events))
}

/// Resets the process's peak resident memory to its current resident
/// memory (Linux: `5` written to `/proc/self/clear_refs`); false when
/// that is not possible.
pub fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The process's resident memory now (VmRSS), in MiB.
pub fn resident_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

pub fn run(options: &Options) -> Result<()> {
    let started = Instant::now();
    let (subjects, events) = demo_data(options.events, options.people)?;
    let generated = started.elapsed().as_secs_f64();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date");
    let options_for = |audience, vignettes| FindingsOptions {
        audience,
        min_count: 5,
        as_of,
        permutations: options.permutations,
        seed: 0,
        vignettes,
        threads: None,
    };
    let mut analysis = Vec::new();
    let mut report = Vec::new();
    let mut pdf_size = 0;
    for _ in 0..options.runs {
        let t = Instant::now();
        let findings = Findings::compute(
            &subjects,
            &events,
            &HashMap::new(),
            &options_for(Audience::Internal, 0),
        )
        .map_err(|e| anyhow::anyhow!(e.message(Lang::En)))?;
        analysis.push(t.elapsed().as_secs_f64());
        std::hint::black_box(&findings);
        let t = Instant::now();
        let public = Findings::compute(
            &subjects,
            &events,
            &HashMap::new(),
            &options_for(Audience::Public, 12),
        )
        .map_err(|e| anyhow::anyhow!(e.message(Lang::En)))?;
        let pdf = testimonio_report::render(&public, Lang::En, Format::Pdf);
        report.push(t.elapsed().as_secs_f64());
        pdf_size = pdf.len();
    }
    let (analysis_s, report_s) = (median(analysis.clone()), median(report.clone()));
    let verdict = |ok: bool| if ok { "PASS" } else { "FAIL" };
    println!(
        "analysis benchmark: {} events, {} people, {} permutations; median of {} runs ({:.1} s to generate the demo data)",
        events.len(),
        subjects.len(),
        options.permutations,
        options.runs,
        generated
    );
    println!();
    println!("{:<64} {:>10} {:>10}  result", "phase", "seconds", "target");
    println!("{}", "-".repeat(96));
    println!(
        "{:<64} {:>10.3} {:>10}  {}",
        "full analysis (internal): proximity, spread, indicators, chance test",
        analysis_s,
        "< 1 s",
        verdict(analysis_s < 1.0)
    );
    println!(
        "{:<64} {:>10.3} {:>10}  {}",
        format!(
            "public PDF report (findings + compose + render, {} KiB)",
            pdf_size / 1024
        ),
        report_s,
        "< 5 s",
        verdict(report_s < 5.0)
    );
    println!();
    let list = |v: &[f64]| {
        v.iter()
            .map(|s| format!("{s:.3}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "seconds per run: analysis {} | report {}",
        list(&analysis),
        list(&report)
    );
    match peak_memory_mib() {
        Some(mib) => {
            println!("peak memory (VmHWM, whole process incl. the demo data): {mib:.0} MiB")
        }
        None => println!("peak memory: not available (/proc/self/status)"),
    }
    Ok(())
}
