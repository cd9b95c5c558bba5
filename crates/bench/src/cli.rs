//! The command line: one clap subcommand per benchmark, each with its own
//! options struct in its module, and the value parsers they share.

use anyhow::Result;

use crate::{analysis, ingest, redact, report, search, sheets, soak, upload, web};

/// Testimonio's benchmarks: each figure beside its peer, same run.
#[derive(Debug, clap::Parser)]
#[command(
    name = "testimonio-bench",
    arg_required_else_help = true,
    after_help = "`testimonio-bench BENCHMARK --help` lists a benchmark's options."
)]
pub struct Cli {
    #[command(subcommand)]
    pub benchmark: Benchmark,
}

#[derive(Debug, clap::Subcommand)]
pub enum Benchmark {
    /// Encrypted vault vs the same schema in plain SQLite, same run.
    Vault(crate::VaultOptions),
    /// The web app's pages vs a trivial static route, same server, same run.
    Web(web::Options),
    /// Evidence ingest vs pdftotext and bare tesseract on the same files, same run.
    Ingest(ingest::Options),
    /// Redacted, Bates-stamped copies vs bare pdftoppm + tesseract on the same pages.
    Redact(redact::Options),
    /// Pattern analysis (10,000 permutations) and a public PDF report on 100,000 events.
    Analysis(analysis::Options),
    /// The PDF renderer: a public report of 100,000 events and a packet of
    /// 200 exhibits citing 2,000 pages, time and peak memory.
    Report(report::Options),
    /// Our search index vs SQLite FTS5 and PostgreSQL full-text search, same corpus, same run.
    Search(search::Options),
    /// 200 connections of mixed page and API traffic for 10 minutes against
    /// `testimonio serve`: errors, p99 per route and resident memory every minute.
    Soak(soak::Options),
    /// Uploads of a 100 MB video and 50 phone photos to `testimonio serve`
    /// vs `cp` and the command line's ingest: MB/s and the server's memory.
    Upload(upload::Options),
    /// `testimonio import` of a messy 100,000-row CSV and XLSX (dry run and
    /// import) vs pandas and csvkit reading the same files: rows/s and memory.
    Sheets(sheets::Options),
    /// The sheets benchmark's launcher: runs a command and reports its peak
    /// memory and CPU time, its own memory kept out of the child's.
    #[command(hide = true)]
    MeasureChild(sheets::LauncherOptions),
}

/// A whole number (`_` may group digits: `100_000`), at least 1.
///
/// # Errors
/// Not a whole number, or 0.
pub fn at_least_one(text: &str) -> Result<usize, String> {
    match count(text)? {
        0 => Err("must be at least 1".to_owned()),
        n => Ok(n),
    }
}

/// A whole number (`_` may group digits), 0 allowed.
///
/// # Errors
/// Not a whole number.
pub fn count(text: &str) -> Result<usize, String> {
    text.replace('_', "")
        .parse()
        .map_err(|_| format!("expected a whole number, got {text:?}"))
}

/// [`at_least_one`] as a `u64`.
///
/// # Errors
/// Not a whole number, or 0.
pub fn at_least_one_u64(text: &str) -> Result<u64, String> {
    at_least_one(text).map(|n| n as u64)
}

/// [`count`] as a `u64`.
///
/// # Errors
/// Not a whole number.
pub fn count_u64(text: &str) -> Result<u64, String> {
    count(text).map(|n| n as u64)
}

/// Parses one benchmark's options as they follow its name; `Ok(None)` when
/// help was asked for.
///
/// # Errors
/// Unknown options and bad values, with clap's message.
#[cfg(test)]
pub fn parse_args<T: clap::Parser>(name: &str, args: &[String]) -> Result<Option<T>> {
    match T::try_parse_from(std::iter::once(name).chain(args.iter().map(String::as_str))) {
        Ok(options) => Ok(Some(options)),
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => Ok(None),
        Err(e) => anyhow::bail!("{}", e.render()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn each_benchmark_is_a_subcommand_with_its_options() {
        let cli = Cli::try_parse_from(["testimonio-bench", "vault", "--events", "1_000"]).unwrap();
        assert!(matches!(cli.benchmark, Benchmark::Vault(o) if o.events == 1000));
        let cli = Cli::try_parse_from(["testimonio-bench", "search", "--nice", "-10"]).unwrap();
        assert!(matches!(cli.benchmark, Benchmark::Search(_)));
        for name in [
            "vault", "web", "ingest", "analysis", "report", "search", "soak", "upload", "sheets",
        ] {
            let help = Cli::try_parse_from(["testimonio-bench", name, "--help"]).unwrap_err();
            assert_eq!(help.kind(), clap::error::ErrorKind::DisplayHelp, "{name}");
        }
        let help = Cli::try_parse_from(["testimonio-bench", "--help"]).unwrap_err();
        let text = help.render().to_string();
        for name in [
            "vault", "web", "ingest", "analysis", "report", "search", "soak", "upload", "sheets",
        ] {
            assert!(text.contains(name), "{name} missing in {text}");
        }
        assert!(Cli::try_parse_from(["testimonio-bench", "nope"]).is_err());
    }

    #[test]
    fn numbers_may_group_digits_and_counts_may_be_zero() {
        assert_eq!(at_least_one("100_000"), Ok(100_000));
        assert!(at_least_one("0").is_err());
        assert!(at_least_one("x").is_err());
        assert_eq!(count("0"), Ok(0));
        assert_eq!(count_u64("1_0"), Ok(10));
    }
}
