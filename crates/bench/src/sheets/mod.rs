//! The spreadsheet import benchmark (issue 14): `testimonio import` of a
//! messy 100,000-row CSV and the same rows as XLSX, as a dry run and as an
//! import (validated, mapped to codes, encrypted, audited), beside pandas
//! and csvkit reading the same file in the same run.
//!
//! `testimonio-bench sheets [--rows 100000] [--small 20000] [--runs 1]
//! [--testimonio PATH] [--venv DIR] [--dir PATH] [--keep]`:
//! - the files: [`data`] writes the first `--small` and `--rows` rows of the
//!   register (Windows-1252 CSV with semicolons and a title row; XLSX with
//!   real date cells), 0.5 % of the rows bad;
//! - ours, each a child process on a fresh vault (`init` with the weakest
//!   KDF, as the command line's tests do): `import FILE --dry-run
//!   --accept-suggestions --json`, then `import FILE --accept-suggestions
//!   --json`; each report must count every row, refuse exactly the bad
//!   rows, create an event for every other row and the people on them;
//! - the peers, each a child process on the same file: pandas
//!   (`read_csv(encoding='cp1252', sep=';', skiprows=1)` /
//!   `read_excel(engine='openpyxl', skiprows=1)`) and csvkit (`csvstat` of
//!   the CSV, `in2csv` of the XLSX), from the virtual environment that
//!   `scripts/bench sheets` installs (`--venv`); a peer that is missing is
//!   skipped and said so;
//! - every child is measured alike ([`child::measure`]): wall time from
//!   spawn to exit (start-up included: Python's and pandas' imports, our
//!   vault's opening), CPU time and peak resident memory (`wait4`).
//!
//! Printed: rows/s of the dry run, the import and each peer, their peak
//! memory, the ratio import/peer (target: at least 0.5), and the peak at
//! `--rows` against the peak at `--small` (target: flat in the row count).

mod child;
pub mod data;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, ensure};
use serde_json::Value;

pub use self::child::{LauncherOptions, launch};
use self::child::{Measured, measure};
use self::data::Expected;
use crate::cli;
use crate::soak::testimonio_binary;

/// The issue's target: the import at least this share of the peer's read.
const TARGET: f64 = 0.5;
/// Peak memory at `--rows` within this factor of the peak at `--small`
/// counts as flat.
const FLAT: f64 = 1.25;
const PASSPHRASE: &str = "sheets benchmark passphrase";

/// Options of `testimonio-bench sheets`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Parser)]
#[command(name = "testimonio-bench sheets")]
pub struct Options {
    /// Data rows of the large files.
    #[arg(long, default_value = "100000", value_parser = cli::at_least_one)]
    pub rows: usize,
    /// Data rows of the small files, to show memory is flat (0: none).
    #[arg(long, default_value = "20000", value_parser = cli::count)]
    pub small: usize,
    /// Repetitions of each measurement: the median time and the highest
    /// peak are shown.
    #[arg(long, default_value = "1", value_parser = cli::at_least_one)]
    pub runs: usize,
    /// The testimonio binary (default: the one beside this benchmark).
    #[arg(long)]
    pub testimonio: Option<PathBuf>,
    /// The Python virtual environment with pandas, openpyxl and csvkit
    /// (default: $HOME/.cache/testimonio/bench-venv).
    #[arg(long)]
    pub venv: Option<PathBuf>,
    /// Where to write the files and vaults (default: the system temp dir).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Keep the files (to profile an import of them): their folder is printed.
    #[arg(long)]
    pub keep: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Xlsx,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Xlsx => "XLSX",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// Runs repeated: the median time, the highest peak.
#[derive(Debug, Clone, Copy)]
struct Figure {
    seconds: f64,
    cpu_seconds: f64,
    peak_rss: u64,
}

impl Figure {
    fn of(runs: &[Measured]) -> Self {
        let median = |f: fn(&Measured) -> f64| {
            let mut all: Vec<f64> = runs.iter().map(f).collect();
            all.sort_by(f64::total_cmp);
            all[all.len() / 2]
        };
        Figure {
            seconds: median(|m| m.seconds),
            cpu_seconds: median(|m| m.cpu_seconds),
            peak_rss: runs.iter().map(|m| m.peak_rss).max().unwrap_or(0),
        }
    }

    fn rate(&self, rows: usize) -> f64 {
        rows as f64 / self.seconds.max(1e-9)
    }
}

/// One peer's figure, or why it is missing.
type PeerFigure = std::result::Result<Figure, String>;

/// The figures of one file.
struct Line {
    format: Format,
    rows: usize,
    bytes: u64,
    dry_run: Figure,
    import: Figure,
    pandas: PeerFigure,
    /// pandas' own read alone, in the process (seconds, median).
    pandas_read: Option<f64>,
    csvkit: PeerFigure,
}

/// The Python peers found in the virtual environment.
struct Peers {
    python: Option<PathBuf>,
    csvkit: Option<PathBuf>,
    versions: String,
}

impl Peers {
    fn find(venv: &Path) -> Self {
        let bin = venv.join("bin");
        let python = bin.join("python");
        let versions = Command::new(&python)
            .args([
                "-c",
                "import sys, pandas, openpyxl; print(f'Python {sys.version.split()[0]}, pandas {pandas.__version__}, openpyxl {openpyxl.__version__}')",
            ])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
        let csvkit = Command::new(bin.join("csvstat"))
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| {
                let text = String::from_utf8_lossy(&o.stdout).to_string()
                    + &String::from_utf8_lossy(&o.stderr);
                text.trim().replace("csvstat", "csvkit")
            });
        let mut said = Vec::new();
        said.extend(versions.clone());
        said.extend(csvkit.clone());
        Peers {
            python: versions.is_some().then_some(python),
            csvkit: csvkit.is_some().then_some(bin),
            versions: said.join(", "),
        }
    }
}

const PANDAS: &str = r"
import json, sys, time
started = time.perf_counter()
import pandas as pd
imported = time.perf_counter()
kind, path = sys.argv[1], sys.argv[2]
if kind == 'csv':
    frame = pd.read_csv(path, encoding='cp1252', sep=';', skiprows=1)
else:
    frame = pd.read_excel(path, engine='openpyxl', skiprows=1)
read = time.perf_counter()
print(json.dumps({'rows': len(frame), 'columns': len(frame.columns),
                  'import_seconds': imported - started, 'read_seconds': read - imported}))
";

/// Runs `make()`'s command `runs` times; every run must pass `check`.
fn repeat(
    runs: usize,
    mut make: impl FnMut() -> Result<Command>,
    mut check: impl FnMut(&Measured) -> Result<()>,
) -> Result<(Figure, Vec<Measured>)> {
    let mut all = Vec::new();
    for _ in 0..runs {
        let m = measure(&mut make()?)?;
        check(&m)?;
        all.push(m);
    }
    Ok((Figure::of(&all), all))
}

struct Ours<'a> {
    binary: &'a Path,
    passphrase: PathBuf,
    vault: PathBuf,
}

impl Ours<'_> {
    fn command(&self) -> Command {
        let mut command = Command::new(self.binary);
        command
            .env("TESTIMONIO_VAULT", &self.vault)
            .env("TESTIMONIO_PASSPHRASE_FILE", &self.passphrase)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("TESTIMONIO_AS");
        command
    }

    /// A fresh vault, with the weakest key derivation (as the command
    /// line's tests make theirs): opening it costs nothing measurable.
    fn fresh_vault(&self) -> Result<()> {
        if self.vault.exists() {
            std::fs::remove_dir_all(&self.vault)?;
        }
        let m = measure(self.command().args([
            "init",
            "--kdf-memory-mib",
            "8",
            "--kdf-passes",
            "1",
            "--json",
        ]))?;
        ensure!(
            m.code == Some(0),
            "testimonio init failed: {}",
            m.stderr_tail()
        );
        Ok(())
    }

    fn import(&self, file: &Path, dry_run: bool) -> Command {
        let mut command = self.command();
        command.args(["--lang", "es", "import"]).arg(file);
        if dry_run {
            command.arg("--dry-run");
        }
        command.args(["--accept-suggestions", "--json"]);
        command
    }
}

/// The import's report must count what the file holds.
fn check_report(m: &Measured, expected: &Expected, dry_run: bool) -> Result<()> {
    let what = if dry_run { "the dry run" } else { "the import" };
    // 4: some rows were refused (the planted ones), the rest imported.
    let partial = if expected.refused > 0 { 4 } else { 0 };
    ensure!(
        m.code == Some(partial),
        "{what} exited with {:?}, expected {partial}: {}",
        m.code,
        m.stderr_tail()
    );
    let report: Value = serde_json::from_slice(&m.stdout)
        .with_context(|| format!("{what}'s --json output is not JSON"))?;
    let number = |key: &str| report[key].as_u64();
    let got = (
        number("rows"),
        number("refused"),
        number("created"),
        number("updated"),
        number("unchanged"),
        report["records"]["events"]["created"].as_u64(),
        report["records"]["people"]["created"].as_u64(),
        report["dry_run"].as_bool(),
        number("header_row"),
    );
    let want = (
        Some(expected.rows),
        Some(expected.refused),
        Some(expected.created),
        Some(0),
        Some(0),
        Some(expected.created),
        Some(expected.people),
        Some(dry_run),
        Some(2),
    );
    ensure!(
        got == want,
        "{what}'s report does not count the file: (rows, refused, created, updated, unchanged, \
         events created, people created, dry run, header row) = {got:?}, expected {want:?}; \
         first problems: {}",
        report["problems"]
            .as_array()
            .map(|p| p
                .iter()
                .take(5)
                .map(Value::to_string)
                .collect::<Vec<_>>()
                .join(" "))
            .unwrap_or_default()
    );
    Ok(())
}

fn measure_ours(
    ours: &Ours<'_>,
    file: &Path,
    expected: &Expected,
    runs: usize,
) -> Result<(Figure, Figure)> {
    let mut dry = Vec::new();
    let mut import = Vec::new();
    for _ in 0..runs {
        ours.fresh_vault()?;
        let m = measure(&mut ours.import(file, true))?;
        check_report(&m, expected, true)?;
        dry.push(m);
        let m = measure(&mut ours.import(file, false))?;
        check_report(&m, expected, false)?;
        import.push(m);
    }
    std::fs::remove_dir_all(&ours.vault)?;
    Ok((Figure::of(&dry), Figure::of(&import)))
}

fn measure_pandas(
    peers: &Peers,
    format: Format,
    file: &Path,
    rows: usize,
    runs: usize,
) -> (PeerFigure, Option<f64>) {
    let Some(python) = &peers.python else {
        return (Err("pandas not installed".into()), None);
    };
    let mut reads = Vec::new();
    let result = repeat(
        runs,
        || {
            let mut command = Command::new(python);
            command.args(["-c", PANDAS, format.extension()]).arg(file);
            Ok(command)
        },
        |m| {
            ensure!(m.code == Some(0), "pandas failed: {}", m.stderr_tail());
            let out: Value = serde_json::from_slice(&m.stdout)?;
            ensure!(
                out["rows"].as_u64() == Some(rows as u64) && out["columns"].as_u64() == Some(10),
                "pandas read {out}, expected {rows} rows of 10 columns"
            );
            reads.extend(out["read_seconds"].as_f64());
            Ok(())
        },
    );
    reads.sort_by(f64::total_cmp);
    let read = reads.get(reads.len() / 2).copied();
    match result {
        Ok((figure, _)) => (Ok(figure), read),
        Err(e) => (Err(format!("{e:#}")), None),
    }
}

fn measure_csvkit(
    peers: &Peers,
    format: Format,
    file: &Path,
    rows: usize,
    runs: usize,
) -> PeerFigure {
    let Some(bin) = &peers.csvkit else {
        return Err("csvkit not installed".into());
    };
    let result = repeat(
        runs,
        || {
            let mut command = match format {
                Format::Csv => {
                    let mut c = Command::new(bin.join("csvstat"));
                    c.args([
                        "--encoding",
                        "cp1252",
                        "--delimiter",
                        ";",
                        "--skip-lines",
                        "1",
                    ]);
                    c
                }
                Format::Xlsx => {
                    let mut c = Command::new(bin.join("in2csv"));
                    c.args(["--skip-lines", "1"]);
                    c
                }
            };
            command.arg(file);
            Ok(command)
        },
        |m| {
            ensure!(m.code == Some(0), "csvkit failed: {}", m.stderr_tail());
            let out = String::from_utf8_lossy(&m.stdout);
            match format {
                Format::Csv => ensure!(
                    out.contains(&format!("Row count: {rows}")),
                    "csvstat did not count {rows} rows"
                ),
                Format::Xlsx => {
                    let lines = out.lines().count();
                    ensure!(
                        lines == rows + 1,
                        "in2csv wrote {lines} lines, expected {}",
                        rows + 1
                    );
                }
            }
            Ok(())
        },
    );
    result.map(|(f, _)| f).map_err(|e| format!("{e:#}"))
}

/// Runs the benchmark and prints its figures.
///
/// # Errors
/// A file or a vault could not be made, or an import did not count the
/// file's rows.
pub fn run(options: &Options) -> Result<()> {
    let binary = testimonio_binary(options.testimonio.as_deref())?;
    let venv = match &options.venv {
        Some(v) => v.clone(),
        None => PathBuf::from(std::env::var_os("HOME").context("HOME is not set")?)
            .join(".cache/testimonio/bench-venv"),
    };
    let peers = Peers::find(&venv);
    if peers.python.is_none() {
        eprintln!(
            "pandas is not installed in {} (scripts/bench sheets installs it): its column is skipped",
            venv.display()
        );
    }
    if peers.csvkit.is_none() {
        eprintln!(
            "csvkit is not installed in {} (scripts/bench sheets installs it): its column is skipped",
            venv.display()
        );
    }
    let base = match &options.dir {
        Some(d) => {
            std::fs::create_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
            tempfile::Builder::new()
                .prefix("testimonio-bench-sheets-")
                .tempdir_in(d)?
        }
        None => tempfile::Builder::new()
            .prefix("testimonio-bench-sheets-")
            .tempdir()?,
    };
    let passphrase = base.path().join("passphrase");
    std::fs::write(&passphrase, format!("{PASSPHRASE}\n"))?;
    let ours = Ours {
        binary: &binary,
        passphrase,
        vault: base.path().join("vault"),
    };

    let mut sizes = Vec::new();
    if options.small > 0 && options.small < options.rows {
        sizes.push(options.small);
    }
    sizes.push(options.rows);

    let mut lines = Vec::new();
    for &rows in &sizes {
        let expected = Expected::of(rows);
        for format in [Format::Csv, Format::Xlsx] {
            let file = base
                .path()
                .join(format!("registro-{rows}.{}", format.extension()));
            eprintln!("{} {rows}: writing…", format.name());
            match format {
                Format::Csv => data::write_csv(&file, rows)?,
                Format::Xlsx => data::write_xlsx(&file, rows)?,
            }
            let bytes = std::fs::metadata(&file)?.len();
            eprintln!(
                "{} {rows}: testimonio import (dry run, then import)…",
                format.name()
            );
            let (dry_run, import) = measure_ours(&ours, &file, &expected, options.runs)
                .with_context(|| format!("{} {rows}", format.name()))?;
            eprintln!("{} {rows}: pandas, csvkit…", format.name());
            let (pandas, pandas_read) = measure_pandas(&peers, format, &file, rows, options.runs);
            let csvkit = measure_csvkit(&peers, format, &file, rows, options.runs);
            for (name, figure) in [("pandas", &pandas), ("csvkit", &csvkit)] {
                if let Err(why) = figure {
                    eprintln!("{} {rows}: {name} skipped: {why}", format.name());
                }
            }
            if !options.keep {
                std::fs::remove_file(&file)?;
            }
            lines.push(Line {
                format,
                rows,
                bytes,
                dry_run,
                import,
                pandas,
                pandas_read,
                csvkit,
            });
        }
    }
    let last = Expected::of(options.rows);
    print!("{}", render(options, &peers, &binary, &lines, &last));
    if options.keep {
        println!("files kept in {}", base.keep().display());
    }
    Ok(())
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

fn thousands(value: f64) -> String {
    crate::thousands(value)
}

fn peer_cells(figure: &PeerFigure, rows: usize) -> (String, String) {
    match figure {
        Ok(f) => (thousands(f.rate(rows)), mib(f.peak_rss)),
        Err(_) => ("skipped".into(), "-".into()),
    }
}

fn ratio(import: &Figure, peer: &PeerFigure, rows: usize) -> Option<f64> {
    peer.as_ref().ok().map(|p| import.rate(rows) / p.rate(rows))
}

fn render(
    options: &Options,
    peers: &Peers,
    binary: &Path,
    lines: &[Line],
    last: &Expected,
) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "Testimonio sheets benchmark: `testimonio import` of a messy register vs pandas and csvkit reading the same file, same run"
    );
    let _ = writeln!(
        w,
        "data:   {} rows (and {}): Windows-1252 CSV with ';' and a title row / XLSX with date cells; \
         {} people, {} bad rows refused, 30 % of rows with a ~100-character narrative",
        thousands(options.rows as f64),
        thousands(options.small as f64),
        thousands(last.people as f64),
        thousands(last.refused as f64),
    );
    let _ = writeln!(
        w,
        "method: each side a child process, wall time spawn to exit (start-up included), peak RSS from wait4; \
         ours on a fresh vault, `import --accept-suggestions --json` (dry run, then import); runs={} (median time, highest peak)",
        options.runs
    );
    let _ = writeln!(
        w,
        "        {}; peers: {}",
        binary.display(),
        if peers.versions.is_empty() {
            "none installed"
        } else {
            &peers.versions
        }
    );
    let _ = writeln!(
        w,
        "        pandas: read_csv(encoding='cp1252', sep=';', skiprows=1) / read_excel(engine='openpyxl', skiprows=1); \
         csvkit: csvstat of the CSV, in2csv of the XLSX"
    );
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "{:<12} {:>8} {:>10} {:>10} {:>8}  {:>10} {:>8}  {:>10} {:>8}  {:>8} {:>8}",
        "file",
        "MB",
        "dry rows/s",
        "imp rows/s",
        "imp MiB",
        "pandas r/s",
        "pd MiB",
        "csvkit r/s",
        "ck MiB",
        "imp/pd",
        "imp/ck",
    );
    let _ = writeln!(
        w,
        "{}",
        "-".repeat(12 + 9 + 11 + 11 + 9 + 12 + 9 + 12 + 9 + 10 + 9)
    );
    for line in lines {
        let rows = line.rows;
        let (pd_rate, pd_mib) = peer_cells(&line.pandas, rows);
        let (ck_rate, ck_mib) = peer_cells(&line.csvkit, rows);
        let show = |r: Option<f64>| r.map_or("-".to_owned(), |r| format!("{r:.2}"));
        let _ = writeln!(
            w,
            "{:<12} {:>8.1} {:>10} {:>10} {:>8}  {:>10} {:>8}  {:>10} {:>8}  {:>8} {:>8}",
            format!("{} {}k", line.format.name(), rows / 1000),
            line.bytes as f64 / 1e6,
            thousands(line.dry_run.rate(rows)),
            thousands(line.import.rate(rows)),
            mib(line.import.peak_rss),
            pd_rate,
            pd_mib,
            ck_rate,
            ck_mib,
            show(ratio(&line.import, &line.pandas, rows)),
            show(ratio(&line.import, &line.csvkit, rows)),
        );
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "seconds (wall / CPU) and peak MiB of every child:");
    for line in lines {
        let peer = |f: &PeerFigure| match f {
            Ok(f) => format!(
                "{:.2} / {:.2} s, {} MiB",
                f.seconds,
                f.cpu_seconds,
                mib(f.peak_rss)
            ),
            Err(why) => format!("skipped ({why})"),
        };
        let _ = writeln!(
            w,
            "  {} {}k: dry run {:.2} / {:.2} s, {} MiB; import {:.2} / {:.2} s, {} MiB; pandas {}{}; csvkit {}",
            line.format.name(),
            line.rows / 1000,
            line.dry_run.seconds,
            line.dry_run.cpu_seconds,
            mib(line.dry_run.peak_rss),
            line.import.seconds,
            line.import.cpu_seconds,
            mib(line.import.peak_rss),
            peer(&line.pandas),
            line.pandas_read.map_or(String::new(), |s| format!(
                " (of which the read itself {s:.2} s)"
            )),
            peer(&line.csvkit),
        );
    }
    let _ = writeln!(w);
    for format in [Format::Csv, Format::Xlsx] {
        let of = |rows: usize| lines.iter().find(|l| l.format == format && l.rows == rows);
        let (Some(small), Some(large)) = (of(options.small), of(options.rows)) else {
            continue;
        };
        let growth = |a: &Figure, b: &Figure| b.peak_rss as f64 / a.peak_rss.max(1) as f64;
        let dry = growth(&small.dry_run, &large.dry_run);
        let import = growth(&small.import, &large.import);
        let _ = writeln!(
            w,
            "memory, {} {}k vs {}k: dry run {} → {} MiB (×{dry:.2}), import {} → {} MiB (×{import:.2}): {}",
            format.name(),
            large.rows / 1000,
            small.rows / 1000,
            mib(small.dry_run.peak_rss),
            mib(large.dry_run.peak_rss),
            mib(small.import.peak_rss),
            mib(large.import.peak_rss),
            if dry.max(import) <= FLAT {
                format!("flat (within ×{FLAT})")
            } else {
                format!("GROWS (target: within ×{FLAT})")
            }
        );
    }
    for line in lines.iter().filter(|l| l.rows == options.rows) {
        let verdict = |peer: &PeerFigure, name: &str| match ratio(&line.import, peer, line.rows) {
            Some(r) if r >= TARGET => format!("{name} {r:.2} PASS"),
            Some(r) => format!("{name} {r:.2} BELOW"),
            None => format!("{name} skipped"),
        };
        let _ = writeln!(
            w,
            "target, {} {}k: import at least {TARGET}× the peer's read: {}; {}",
            line.format.name(),
            line.rows / 1000,
            verdict(&line.pandas, "pandas"),
            verdict(&line.csvkit, "csvkit"),
        );
    }
    let _ = writeln!(
        w,
        "checked: every report counted {} rows, refused the {} planted bad rows, created {} events and {} people",
        thousands(last.rows as f64),
        thousands(last.refused as f64),
        thousands(last.created as f64),
        thousands(last.people as f64),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse() {
        let o: Options = cli::parse_args(
            "sheets",
            &["--rows".into(), "1_000".into(), "--small=0".into()],
        )
        .unwrap()
        .unwrap();
        assert_eq!((o.rows, o.small, o.runs), (1000, 0, 1));
        assert!(cli::parse_args::<Options>("sheets", &["--rows".into(), "0".into()]).is_err());
    }

    #[test]
    fn a_figure_is_the_median_time_and_the_highest_peak() {
        let m = |seconds: f64, peak_rss: u64| Measured {
            seconds,
            cpu_seconds: seconds,
            peak_rss,
            code: Some(0),
            stdout: Vec::new(),
            stderr: Vec::new(),
        };
        let f = Figure::of(&[m(3.0, 10), m(1.0, 30), m(2.0, 20)]);
        assert_eq!((f.seconds, f.peak_rss), (2.0, 30));
        assert!((f.rate(4) - 2.0).abs() < 1e-9);
    }

    #[test]
    fn a_report_that_does_not_count_the_file_is_refused() {
        let expected = Expected {
            rows: 10,
            refused: 1,
            created: 9,
            people: 4,
        };
        let report = |refused: u64| {
            Measured {
            seconds: 1.0,
            cpu_seconds: 1.0,
            peak_rss: 0,
            code: Some(4),
            stdout: serde_json::json!({
                "rows": 10, "refused": refused, "created": 10 - refused, "updated": 0, "unchanged": 0,
                "dry_run": false, "header_row": 2,
                "records": {"events": {"created": 10 - refused}, "people": {"created": 4}},
            })
            .to_string()
            .into_bytes(),
            stderr: Vec::new(),
        }
        };
        check_report(&report(1), &expected, false).unwrap();
        assert!(check_report(&report(2), &expected, false).is_err());
        assert!(check_report(&report(1), &expected, true).is_err());
    }
}
