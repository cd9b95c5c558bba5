//! report: a pattern report for one audience, as HTML or PDF, audited
//! before it is written.

use testimonio_report::{FindingsOptions, Format};

use crate::cli::{ReportArgs, ReportFormat};
use crate::commands::analyze::{findings, load, today};
use crate::context::{CliResult, Context};

pub fn run(cx: &Context, args: &ReportArgs) -> CliResult {
    let format = match args.format {
        ReportFormat::Pdf => Format::Pdf,
        ReportFormat::Html => Format::Html,
    };
    let audience = args.audience.audience();
    let mut vault = cx.open()?;
    let (subjects, events) = load(cx, &vault)?;
    let f = findings(
        cx,
        &subjects,
        &events,
        &FindingsOptions {
            audience,
            min_count: args.min_count,
            as_of: today(),
            permutations: args.permutations,
            seed: args.seed,
            vignettes: args.max_cases,
            threads: None,
        },
    )?;
    let bytes = testimonio_report::render(&f, cx.lang, format);
    let narratives = f
        .vignettes
        .iter()
        .flat_map(|v| &v.steps)
        .filter(|s| s.narrative.is_some())
        .count() as u64;
    // Audited before a byte is written; a report that cannot be audited
    // is not written.
    vault
        .record_report(
            format.code(),
            audience,
            &[
                ("min_count", args.min_count),
                ("people", f.population.people.shown().unwrap_or(0)),
                (
                    "people_suppressed",
                    u64::from(f.population.people.is_suppressed()),
                ),
                ("cases", f.vignettes.len() as u64),
                ("narratives", narratives),
                ("identities", 0),
            ],
        )
        .map_err(|e| cx.vault_error(e))?;
    cx.write_private(&args.out, &bytes)?;
    eprintln!(
        "{} {} ({}, {} {})",
        cx.t("wrote", "escrito"),
        args.out.display(),
        format.code(),
        f.vignettes.len(),
        cx.t("cases", "casos"),
    );
    Ok(())
}
