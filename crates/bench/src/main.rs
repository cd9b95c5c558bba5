//! Testimonio's benchmarks. Each figure is printed beside its peer, measured
//! in the same run on the same machine, never against a remembered number.
//!
//! `testimonio-bench vault [--events N] [--runs R] [--dir PATH]` writes and
//! reads `N` demo events (with their people and groups) through the
//! encrypted vault and through the same schema and statements in a plain,
//! unencrypted SQLite file, and prints both throughputs and their ratio.
//!
//! What is compared, so that the only difference is encryption:
//! - write: the vault's production write path, [`Vault::import_records`]
//!   (exchange record → domain value → `records::put_*` → audit entry, per
//!   record, 500 records per transaction, one `import` entry at the end),
//!   against the same steps on the plain peer
//!   ([`testimonio_vault::bench_peers::PlainVault`], which uses the same
//!   `records::put_*` and `audit::append` inside the vault);
//! - read: [`Vault::events`] against the peer's `events`, which calls the
//!   function the vault calls.
//!
//! Both databases get the same pragmas (the vault's `db::configure`: WAL,
//! `synchronous = FULL`, `secure_delete`), the same migrations, and live in
//! the same directory. The plain peer is opened by the same SQLite library
//! (SQLCipher without a key is plain SQLite).
//!
//! `testimonio-bench web [...]` measures the web app's pages under
//! concurrent load beside a trivial static route of the same server: see
//! the `web` module. `testimonio-bench soak [...]` loads `testimonio serve`
//! for minutes with mixed traffic and watches its memory: see `soak`.
//! `testimonio-bench sheets [...]` imports a messy 100,000-row CSV and
//! XLSX with `testimonio import` beside pandas and csvkit reading the same
//! files: see `sheets`.
//!
//! Benchmarks never run in CI: `scripts/bench` runs them.

/// The same allocator as the `testimonio` binary, so the server measured
/// here allocates as the real one does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, ensure};
use testimonio_demo::{DemoSpec, generate};
use testimonio_domain::exchange::ExchangeRecord;
use testimonio_domain::{Event, FieldError, UsState};
use testimonio_vault::bench_peers::{PlainVault, sqlite_versions};
use testimonio_vault::{Actor, EventFilter, KdfParams, Passphrase, Vault};

use crate::cli::Benchmark;

mod analysis;
mod cli;
mod corpus;
mod ingest;
mod ingest_mixed;
mod redact;
mod report;
mod search;
mod sheets;
mod soak;
mod upload;
mod web;

/// Records per transaction, as in the vault's import.
const BATCH: usize = testimonio_vault::transfer::IMPORT_BATCH;

/// The target: encrypted throughput at least this share of plain.
const TARGET: f64 = 0.8;

const ACTOR: &str = "bench:vault";

/// One record as `Vault::import_records` takes it: a location and the parsed record.
type Item = (String, std::result::Result<ExchangeRecord, String>);

/// Options of `testimonio-bench vault`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Parser)]
#[command(name = "testimonio-bench vault")]
pub struct VaultOptions {
    /// Number of demo events to write and read.
    #[arg(long, default_value = "100000", value_parser = cli::at_least_one)]
    events: usize,
    /// Repetitions of each timed phase; the median is reported.
    #[arg(long, default_value = "3", value_parser = cli::at_least_one)]
    runs: usize,
    /// Where to create the temporary databases (default: the system temp dir).
    #[arg(long)]
    dir: Option<PathBuf>,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("testimonio-bench: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    use clap::Parser;
    match cli::Cli::parse().benchmark {
        Benchmark::Vault(options) => vault_benchmark(&options),
        Benchmark::Web(options) => web::run(&options),
        Benchmark::Ingest(options) => ingest::run(&options),
        Benchmark::Redact(options) => redact::run(&options),
        Benchmark::Analysis(options) => analysis::run(&options),
        Benchmark::Report(options) => report::run(&options),
        Benchmark::Search(options) => search::run(&options),
        Benchmark::Soak(options) => soak::run(&options.checked()?),
        Benchmark::Upload(options) => upload::run(&options),
        Benchmark::Sheets(options) => sheets::run(&options),
        Benchmark::MeasureChild(options) => sheets::launch(&options),
    }
}

// ---------------------------------------------------------------------------
// The vault benchmark

fn vault_benchmark(options: &VaultOptions) -> Result<()> {
    let n = options.events;
    let spec = DemoSpec::scaled(n);
    let data = generate(&spec);
    let items: Vec<Item> = data
        .records()
        .enumerate()
        .map(|(i, r)| (format!("record {}", i + 1), Ok(r)))
        .collect();
    let record_count = items.len();

    // Every record converts to a domain value before anything is timed, so
    // that neither side meets a refused record.
    let started = Instant::now();
    let events = to_domain(&items)?;
    let conversion = started.elapsed();
    let state = busiest_state(&events).context("no demo event has a state")?;
    let state_events = events
        .iter()
        .filter(|e| e.location().state == Some(state))
        .count();
    drop(events);
    let filtered = EventFilter {
        state: Some(state),
        ..EventFilter::default()
    };

    let base = match &options.dir {
        Some(d) => {
            std::fs::create_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
            tempfile::Builder::new()
                .prefix("testimonio-bench-")
                .tempdir_in(d)?
        }
        None => tempfile::Builder::new()
            .prefix("testimonio-bench-")
            .tempdir()?,
    };
    let passphrase = Passphrase::new("benchmark passphrase".into())?;

    let mut enc = Timings::default();
    let mut plain = Timings::default();
    let mut sizes = (0u64, 0u64);
    for run in 0..options.runs {
        let vault_dir = base.path().join(format!("vault-{run}"));
        let plain_dir = base.path().join(format!("plain-{run}"));
        std::fs::create_dir_all(&plain_dir)?;
        let plain_path = plain_dir.join("plain.db");
        // Alternate which side goes first, so that neither always meets a
        // warmer (or busier) machine.
        let encrypted_first = run % 2 == 0;

        let (vault, peer) = if encrypted_first {
            let v = write_encrypted(
                &vault_dir,
                &passphrase,
                items.clone(),
                record_count,
                &mut enc,
            )?;
            let c = write_plain(&plain_path, items.clone(), record_count, &mut plain)?;
            (v, c)
        } else {
            let c = write_plain(&plain_path, items.clone(), record_count, &mut plain)?;
            let v = write_encrypted(
                &vault_dir,
                &passphrase,
                items.clone(),
                record_count,
                &mut enc,
            )?;
            (v, c)
        };

        for (filter, expected, pick) in [
            (&EventFilter::default(), n, Phase::ReadAll),
            (&filtered, state_events, Phase::ReadFiltered),
        ] {
            let read_vault = |t: &mut Timings| -> Result<Vec<Event>> {
                let (found, took) = timed(|| Ok(vault.events(filter)?))?;
                t.push(pick, took);
                Ok(found)
            };
            let read_plain = |t: &mut Timings| -> Result<Vec<Event>> {
                let (found, took) = timed(|| Ok(peer.events(filter)?))?;
                t.push(pick, took);
                Ok(found)
            };
            let (a, b) = if encrypted_first {
                let a = read_vault(&mut enc)?;
                (a, read_plain(&mut plain)?)
            } else {
                let b = read_plain(&mut plain)?;
                (read_vault(&mut enc)?, b)
            };
            ensure!(
                a.len() == expected,
                "the vault returned {} events, expected {expected}",
                a.len()
            );
            ensure!(
                a == b,
                "the vault and the plain database returned different events"
            );
        }

        // Closing checkpoints the write-ahead log into the database file.
        drop(vault);
        drop(peer);
        sizes = (
            file_size(&vault_dir.join(testimonio_vault::vault::DATABASE_FILE))?,
            file_size(&plain_path)?,
        );
        eprintln!("run {}/{} done", run + 1, options.runs);
    }

    let versions = sqlite_versions();

    let report = Report {
        options,
        spec: &spec,
        record_count,
        state,
        state_events,
        conversion,
        enc: &enc,
        plain: &plain,
        sizes,
        dir: base.path(),
        versions,
    };
    print!("{}", report.render());
    Ok(())
}

fn to_domain(items: &[Item]) -> Result<Vec<Event>> {
    let mut events = Vec::new();
    for (location, parsed) in items {
        let record = parsed
            .as_ref()
            .map_err(|e| anyhow::anyhow!("{location}: {e}"))?;
        let refused =
            |e: Vec<FieldError>| anyhow::anyhow!("{location}: demo record refused: {}", join(&e));
        match record {
            ExchangeRecord::Header(_) => {}
            ExchangeRecord::Group(g) => drop(g.into_group().map_err(refused)?),
            ExchangeRecord::Person(p) => drop(p.into_person().map_err(refused)?),
            ExchangeRecord::Event(e) => events.push(e.into_event().map_err(refused)?),
        }
    }
    Ok(events)
}

fn join(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The state with the most events, for a realistic filtered read.
fn busiest_state(events: &[Event]) -> Option<UsState> {
    let mut counts = std::collections::BTreeMap::new();
    for state in events.iter().filter_map(|e| e.location().state) {
        *counts.entry(state).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(state, count)| (count, std::cmp::Reverse(state)))
        .map(|(s, _)| s)
}

/// Writes every record through the vault's import: its production write path.
fn write_encrypted(
    dir: &Path,
    passphrase: &Passphrase,
    items: Vec<Item>,
    expected: usize,
    timings: &mut Timings,
) -> Result<Vault> {
    let mut vault = Vault::create(dir, passphrase, KdfParams::MINIMUM, Actor::new(ACTOR)?)?.vault;
    let (report, took) =
        timed(|| Ok(vault.import_records("bench", items.into_iter(), &mut |_| {})?))?;
    ensure!(
        report.failed.is_empty() && report.created == expected as u64,
        "the vault import created {} of {expected} records; failures: {:?}",
        report.created,
        report.failed.first()
    );
    timings.push(Phase::Write, took);
    Ok(vault)
}

/// Does what [`Vault::import_records`] does, step for step, on the plain
/// peer ([`PlainVault`]): the same conversions, statements and audit
/// entries.
fn write_plain(
    path: &Path,
    items: Vec<Item>,
    expected: usize,
    timings: &mut Timings,
) -> Result<PlainVault> {
    // `Vault::create` records the vault's creation; so does the peer.
    let mut peer = PlainVault::create(path, &Actor::new(ACTOR)?)?;
    let (report, took) = timed(|| Ok(peer.import_records("bench", items.into_iter())?))?;
    ensure!(
        report.failed.is_empty() && report.created == expected as u64,
        "the plain peer created {} of {expected} records; failures: {:?}",
        report.created,
        report.failed.first()
    );
    timings.push(Phase::Write, took);
    Ok(peer)
}

fn timed<T>(f: impl FnOnce() -> Result<T>) -> Result<(T, Duration)> {
    let started = Instant::now();
    let value = f()?;
    Ok((value, started.elapsed()))
}

fn file_size(path: &Path) -> Result<u64> {
    let mut total = std::fs::metadata(path)
        .with_context(|| format!("{}", path.display()))?
        .len();
    // A log left behind (it should not be, once closed) counts too.
    for suffix in ["-wal", "-shm"] {
        let mut other = path.as_os_str().to_owned();
        other.push(suffix);
        if let Ok(m) = std::fs::metadata(&other) {
            total += m.len();
        }
    }
    Ok(total)
}

// ---------------------------------------------------------------------------
// Timings and the report

#[derive(Clone, Copy)]
enum Phase {
    Write,
    ReadAll,
    ReadFiltered,
}

#[derive(Default)]
struct Timings {
    write: Vec<Duration>,
    read_all: Vec<Duration>,
    read_filtered: Vec<Duration>,
}

impl Timings {
    fn push(&mut self, phase: Phase, took: Duration) {
        self.get_mut(phase).push(took);
    }

    fn get_mut(&mut self, phase: Phase) -> &mut Vec<Duration> {
        match phase {
            Phase::Write => &mut self.write,
            Phase::ReadAll => &mut self.read_all,
            Phase::ReadFiltered => &mut self.read_filtered,
        }
    }

    fn get(&self, phase: Phase) -> &[Duration] {
        match phase {
            Phase::Write => &self.write,
            Phase::ReadAll => &self.read_all,
            Phase::ReadFiltered => &self.read_filtered,
        }
    }

    fn median(&self, phase: Phase) -> Duration {
        let mut all = self.get(phase).to_vec();
        all.sort();
        all[all.len() / 2]
    }
}

struct Report<'a> {
    options: &'a VaultOptions,
    spec: &'a DemoSpec,
    record_count: usize,
    state: UsState,
    state_events: usize,
    conversion: Duration,
    enc: &'a Timings,
    plain: &'a Timings,
    sizes: (u64, u64),
    dir: &'a Path,
    versions: String,
}

impl Report<'_> {
    fn render(&self) -> String {
        let n = self.options.events;
        let mut out = String::new();
        let w = &mut out;
        let _ = writeln!(w);
        let _ = writeln!(
            w,
            "Testimonio vault benchmark: encrypted vault vs the same schema in plain SQLite, same run"
        );
        let _ = writeln!(
            w,
            "data:   DemoSpec::scaled({n}): {} events, {} people, {} groups ({} records)",
            self.spec.events, self.spec.people, self.spec.groups, self.record_count
        );
        let _ = writeln!(
            w,
            "method: runs={} (median shown); fresh databases each run; {BATCH} records per transaction, \
             each record audited; WAL, synchronous=FULL, {} KiB pages and a 64 MiB cache on both sides",
            self.options.runs,
            testimonio_vault::db::PAGE_SIZE / 1024
        );
        let _ = writeln!(
            w,
            "        {}; databases under {}",
            self.versions,
            self.dir.display()
        );
        let _ = writeln!(w);

        let filtered_label = format!("read filtered, state={} (events/s)", self.state.code());
        let rows = [
            ("write (events/s, incl. people & groups)", Phase::Write, n),
            ("read all (events/s)", Phase::ReadAll, n),
            (
                filtered_label.as_str(),
                Phase::ReadFiltered,
                self.state_events,
            ),
        ];
        let label_width = rows
            .iter()
            .map(|r| r.0.chars().count())
            .max()
            .unwrap_or(0)
            .max(24);
        let _ = writeln!(
            w,
            "{:<label_width$}  {:>12}  {:>12}  {:>11}  {:>6}",
            "phase", "encrypted", "plain", "enc/plain", "target"
        );
        let _ = writeln!(
            w,
            "{}",
            "-".repeat(label_width + 2 + 12 + 2 + 12 + 2 + 11 + 2 + 6 + 7)
        );
        for (label, phase, count) in rows {
            let e = per_second(count, self.enc.median(phase));
            let p = per_second(count, self.plain.median(phase));
            let ratio = e / p;
            let verdict = if ratio >= TARGET { "PASS" } else { "BELOW" };
            let _ = writeln!(
                w,
                "{label:<label_width$}  {:>12}  {:>12}  {:>11.2}  {:>6}  {verdict}",
                thousands(e),
                thousands(p),
                ratio,
                format!("≥ {TARGET:.1}"),
            );
        }
        let (es, ps) = self.sizes;
        let _ = writeln!(
            w,
            "{:<label_width$}  {:>12}  {:>12}  {:>11.2}",
            "database file size",
            mebibytes(es),
            mebibytes(ps),
            es as f64 / ps as f64
        );
        let _ = writeln!(w);
        let _ = writeln!(w, "seconds per run (encrypted | plain):");
        for (label, phase) in [
            ("write", Phase::Write),
            ("read all", Phase::ReadAll),
            ("read filtered", Phase::ReadFiltered),
        ] {
            let list = |t: &Timings| {
                t.get(phase)
                    .iter()
                    .map(|d| format!("{:.3}", d.as_secs_f64()))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let _ = writeln!(w, "  {label:<14} {} | {}", list(self.enc), list(self.plain));
        }
        let _ = writeln!(
            w,
            "write records/s (median): encrypted {}, plain {}",
            thousands(per_second(self.record_count, self.enc.median(Phase::Write))),
            thousands(per_second(
                self.record_count,
                self.plain.median(Phase::Write)
            )),
        );
        let _ = writeln!(
            w,
            "validation (exchange record → domain value) of all records, timed alone: {:.3} s; \
             both write paths include it, as the vault's import does",
            self.conversion.as_secs_f64()
        );
        let _ = writeln!(
            w,
            "filtered read returns {} of {n} events",
            self.state_events
        );
        out
    }
}

fn per_second(count: usize, took: Duration) -> f64 {
    count as f64 / took.as_secs_f64().max(f64::MIN_POSITIVE)
}

/// A rate or count rounded to a whole number, grouped as English writes it
/// (the benchmark's reports are in English).
fn thousands(value: f64) -> String {
    testimonio_i18n::format::number(testimonio_i18n::Lang::En, value.max(0.0).round() as u64)
}

fn mebibytes(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(999.4), "999");
        assert_eq!(thousands(1000.0), "1,000");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
    }

    fn parse_options(args: &[String]) -> Result<VaultOptions> {
        cli::parse_args("vault", args)?.context("help")
    }

    #[test]
    fn options_parse() {
        let args: Vec<String> = ["--events", "1_000", "--runs=1"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let o = parse_options(&args).unwrap();
        assert_eq!((o.events, o.runs), (1000, 1));
        assert!(parse_options(&["--events".to_owned(), "0".to_owned()]).is_err());
        assert!(parse_options(&["--nope".to_owned()]).is_err());
    }

    /// The two write paths leave the same records and the same number of
    /// audit entries: the peer does the vault's work, minus encryption.
    #[test]
    fn peer_does_the_same_work_as_the_vault() {
        let data = generate(&DemoSpec::scaled(200));
        let items: Vec<Item> = data.records().map(|r| (String::new(), Ok(r))).collect();
        let count = items.len();
        let dir = tempfile::tempdir().unwrap();
        let pass = Passphrase::new("benchmark passphrase".into()).unwrap();
        let mut t = Timings::default();
        let vault =
            write_encrypted(&dir.path().join("v"), &pass, items.clone(), count, &mut t).unwrap();
        let peer = write_plain(&dir.path().join("p.db"), items, count, &mut t).unwrap();
        assert_eq!(vault.counts().unwrap(), peer.counts().unwrap());
        let all = EventFilter::default();
        assert_eq!(vault.events(&all).unwrap(), peer.events(&all).unwrap());
        let (entries, faults) = peer.verify_audit_chain().unwrap();
        assert!(faults.is_empty());
        assert_eq!(entries as u64, vault.counts().unwrap().audit_entries);
    }
}
