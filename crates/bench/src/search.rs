//! `testimonio-bench search`: our search index beside SQLite FTS5 and
//! PostgreSQL full-text search, on the same synthetic corpus (see
//! [`crate::corpus`]) and the same queries, in the same run.
//!
//! Each engine is built from the same pages, fed batch by batch (the
//! corpus is generated again for each, outside the timed parts), then:
//! - **cold**: for each query class, the engine is closed, its files are
//!   dropped from the OS page cache (`posix_fadvise(DONTNEED)` after a
//!   `sync`), it is opened again (ours: `SearchIndex::open_at_with_cache`,
//!   which reads each sealed file's header and last block and decrypts the
//!   rest block by block as queries read it, through a bounded cache;
//!   SQLite: a new connection; PostgreSQL: a server restart), and the
//!   class's first query runs once; the engine's resident memory is read
//!   right after each open and again after the warm rounds (ours and FTS5:
//!   the growth of this process's RSS since the engine was closed;
//!   PostgreSQL: the RSS of the server's processes);
//! - **warm**: one untimed pass over every variant of every class, then
//!   `--reps` timed rounds, each running one variant of every class in
//!   turn (variants cycle, so each round asks something slightly
//!   different); p50 and p99 (nearest rank) per class.
//!
//! One run of a query = the 20 best pages by relevance and the total number
//! of matching pages: ours in one call (`search_ids`), the peers in two
//! statements (top 20, then `count(*)`).
//!
//! The query classes, one variant of each, in the three languages (the
//! PostgreSQL text search configuration `tsm` is `simple` behind
//! `unaccent`; FTS5 uses `unicode61 remove_diacritics 2`; all three fold
//! case and accents the same way):
//!
//! | class            | ours                          | SQLite FTS5 `MATCH`                | PostgreSQL `to_tsquery('tsm', …)`        |
//! |------------------|-------------------------------|------------------------------------|------------------------------------------|
//! | rare name        | `maria arrimiez`              | `"maria" "arrimiez"` (AND)         | `maria & arrimiez`                       |
//! | common word      | `detention`                   | `"detention"`                      | `detention`                              |
//! | phrase           | `"hunger strike"`             | `"hunger strike"`                  | `hunger <-> strike`                      |
//! | proximity        | `officer NEAR/5 protest`      | `NEAR("officer" "protest", 5)`     | `officer <1> protest \| … \| officer <6> protest \| protest <1> officer \| … \| protest <6> officer` |
//! | fuzzy name       | `nunez~1`                     | `"nunez" OR "nunes" OR …`          | `nunez \| nunes \| …`                    |
//! | boolean + filter | `surveillance AND (protest OR vigil) source:foia_production date:2017..2019` | `"surveillance" AND ("protest" OR "vigil")` joined to the metadata table: `source = ? AND day BETWEEN ? AND ?` | `surveillance & (protest \| vigil)` and `source = $2 AND day BETWEEN $3 AND $4` |
//!
//! Where the peers approximate:
//! - proximity: `a NEAR/5 b` (ours) and FTS5's `NEAR(a b, 5)` both mean "at
//!   most 5 words between them, either order". PostgreSQL has only
//!   "exactly N positions after" (`<N>`), so the same set is spelled as
//!   the twelve alternatives above: exact, but the peer must check each.
//! - fuzzy: neither peer has edit-distance search on words (pg_trgm
//!   similarity is a different measure, and FTS5 has none). Both get the
//!   OR of every word of the corpus's lexicon within one edit of the
//!   query (substitution, insertion, deletion or swap of neighbours, as
//!   tantivy counts them), computed by the benchmark from the generator's
//!   own vocabulary: the same matches as ours, but the peers are handed
//!   the expansion for free.
//! - ranking: ours and FTS5 rank by BM25; PostgreSQL by `ts_rank`. The
//!   totals must agree; the top 20 of ours and FTS5 mostly agree (ties
//!   and tantivy's one-byte field norms make small differences).
//!
//! Targets (the issue's): warm p99 ≤ 50 ms for every class on this
//! machine, and ours faster than both peers in every class (warm p50 and
//! p99 both lower); ours opens cold in at most 1 s, with resident memory
//! after opening at most 25 % of the sealed index's size.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use chrono::NaiveDate;
use testimonio_search::SearchIndex;
use testimonio_search::compile::day_number;
use testimonio_vault::bench_peers::{
    Fts5Builder, Fts5Filter, Fts5Page, Fts5Reader, sqlite_version,
};
use testimonio_vault::{Actor, IndexablePage, KdfParams, Passphrase, Vault};

use crate::cli;
use crate::corpus::{Corpus, DEFAULT_SEED, Page, fold};

mod memory;

use memory::{resident, server_resident};

/// Hits asked of every engine.
const TOP: usize = 20;
/// Variants of each query class.
const VARIANTS: usize = 10;
/// Pages per `add_pages` call (one commit each) for ours.
const OURS_BATCH: usize = 100_000;
/// Pages per transaction (SQLite) or COPY (PostgreSQL).
const PEER_BATCH: usize = 20_000;
/// Target: warm p99 at most this.
const TARGET_P99: Duration = Duration::from_millis(50);
/// Target: ours opens cold in at most this.
const TARGET_OPEN: Duration = Duration::from_secs(1);
/// Target: ours' resident memory after opening, at most this share of the
/// sealed index's size.
const TARGET_OPEN_MEMORY: f64 = 0.25;
/// PostgreSQL's port: only its Unix socket, in a private directory.
const PG_PORT: u16 = 54_329;

/// Options of `testimonio-bench search`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Parser)]
#[command(name = "testimonio-bench search")]
pub struct Options {
    /// Pages of the synthetic corpus.
    #[arg(long, default_value = "1000000", value_parser = cli::at_least_one_u64)]
    pages: u64,
    /// Timed warm rounds; each runs one variant of every query class.
    #[arg(long, default_value = "50", value_parser = cli::at_least_one)]
    reps: usize,
    /// Where to build the three indexes (default: the system temp dir; the
    /// PostgreSQL server's directory goes beside them and must be reachable
    /// by the postgres user when run as root).
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Corpus seed.
    #[arg(long, default_value_t = DEFAULT_SEED, value_parser = cli::at_least_one_u64)]
    seed: u64,
    /// Leave out PostgreSQL (also skipped, with a message, when not installed).
    #[arg(long)]
    skip_postgres: bool,
    /// Leave out SQLite FTS5.
    #[arg(long)]
    skip_sqlite: bool,
    /// Ours: MiB of decrypted index blocks kept in memory.
    #[arg(long, default_value_t = testimonio_search::directory::DEFAULT_CACHE_BYTES >> 20)]
    cache_mb: usize,
    /// Run at this scheduling priority (e.g. -10, as root), the PostgreSQL
    /// server too, when other work shares the machine.
    #[arg(long, allow_negative_numbers = true, value_parser = clap::value_parser!(i32).range(-20..=19))]
    nice: Option<i32>,
}

// ---------------------------------------------------------------------------
// The queries

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    RareName,
    CommonWord,
    Phrase,
    Proximity,
    FuzzyName,
    BooleanFilter,
}

const CLASSES: [Class; 6] = [
    Class::RareName,
    Class::CommonWord,
    Class::Phrase,
    Class::Proximity,
    Class::FuzzyName,
    Class::BooleanFilter,
];

impl Class {
    fn label(self) -> &'static str {
        match self {
            Class::RareName => "rare name",
            Class::CommonWord => "common word",
            Class::Phrase => "phrase",
            Class::Proximity => "proximity",
            Class::FuzzyName => "fuzzy name",
            Class::BooleanFilter => "boolean + filter",
        }
    }
}

/// The metadata part of a query: a source kind and a date range.
#[derive(Clone, Copy)]
struct Filter {
    source: &'static str,
    from: NaiveDate,
    to: NaiveDate,
}

/// One query in the three engines' languages.
struct Spec {
    ours: String,
    fts5: String,
    pg: String,
    filter: Option<Filter>,
}

const COMMON_WORDS: [&str; VARIANTS] = [
    "detention",
    "officer",
    "protest",
    "community",
    "enforcement",
    "surveillance",
    "immigration",
    "custody",
    "activist",
    "report",
];

const PHRASES: [&str; VARIANTS] = [
    "hunger strike",
    "field office",
    "detention center",
    "know your rights",
    "removal proceedings",
    "huelga de hambre",
    "centro de detención",
    "social media",
    "notice to appear",
    "sanctuary city",
];

const NEAR: [(&str, &str); VARIANTS] = [
    ("officer", "protest"),
    ("surveillance", "activist"),
    ("agent", "vigil"),
    ("police", "march"),
    ("informant", "meeting"),
    ("detention", "hunger"),
    ("agentes", "protesta"),
    ("ice", "raid"),
    ("photographs", "rally"),
    ("social", "organizer"),
];
const NEAR_DISTANCE: u32 = 5;

/// Surnames written with accents in the corpus (Núñez, Peña…), asked
/// without them and with one edit allowed.
const FUZZY: [&str; VARIANTS] = [
    "nunez",
    "pena",
    "ibanez",
    "quinonez",
    "ordonez",
    "castaneda",
    "avendano",
    "zuniga",
    "velasquez",
    "melendez",
];

/// (word, one of two words, source, first year, last year).
const BOOLEAN: [(&str, &str, &str, &str, i32, i32); VARIANTS] = [
    (
        "surveillance",
        "protest",
        "vigil",
        "foia_production",
        2017,
        2019,
    ),
    (
        "monitoring",
        "rally",
        "march",
        "foia_production",
        2016,
        2018,
    ),
    (
        "informant",
        "activist",
        "organizer",
        "foia_production",
        2018,
        2020,
    ),
    (
        "vigilancia",
        "protesta",
        "marcha",
        "foia_production",
        2017,
        2021,
    ),
    (
        "detainee",
        "transfer",
        "release",
        "court_record",
        2015,
        2019,
    ),
    ("raid", "community", "church", "email", 2017, 2019),
    (
        "intelligence",
        "protest",
        "demonstration",
        "foia_production",
        2019,
        2021,
    ),
    ("arrest", "activist", "leader", "news", 2013, 2018),
    ("surveillance", "social", "media", "email", 2016, 2020),
    ("agentes", "comunidad", "familia", "interview", 2018, 2022),
];

fn quoted(words: &[&str]) -> String {
    format!("\"{}\"", words.join(" "))
}

fn specs(corpus: &Corpus, lexicon: &BTreeSet<String>) -> Result<Vec<Vec<Spec>>> {
    let known = |text: &str| -> Result<()> {
        for word in crate::corpus::folded_words(text) {
            ensure!(
                lexicon.contains(&word),
                "the query word {word:?} never occurs in the corpus"
            );
        }
        Ok(())
    };
    let mut all = Vec::new();
    for class in CLASSES {
        let mut variants = Vec::with_capacity(VARIANTS);
        match class {
            Class::RareName => {
                let names = corpus.rare_names(VARIANTS);
                ensure!(names.len() == VARIANTS, "too few rare names");
                for name in names {
                    known(&name)?;
                    let words: Vec<&str> = name.split(' ').collect();
                    variants.push(Spec {
                        ours: name.clone(),
                        fts5: words
                            .iter()
                            .map(|w| quoted(&[w]))
                            .collect::<Vec<_>>()
                            .join(" "),
                        pg: words.join(" & "),
                        filter: None,
                    });
                }
            }
            Class::CommonWord => {
                for word in COMMON_WORDS {
                    known(word)?;
                    variants.push(Spec {
                        ours: word.to_owned(),
                        fts5: quoted(&[word]),
                        pg: word.to_owned(),
                        filter: None,
                    });
                }
            }
            Class::Phrase => {
                for phrase in PHRASES {
                    known(phrase)?;
                    let folded = fold(phrase);
                    variants.push(Spec {
                        ours: format!("\"{phrase}\""),
                        fts5: format!("\"{phrase}\""),
                        pg: folded.split(' ').collect::<Vec<_>>().join(" <-> "),
                        filter: None,
                    });
                }
            }
            Class::Proximity => {
                for (a, b) in NEAR {
                    known(a)?;
                    known(b)?;
                    let mut alternatives = Vec::new();
                    for (x, y) in [(a, b), (b, a)] {
                        for n in 1..=NEAR_DISTANCE + 1 {
                            alternatives.push(format!("{x} <{n}> {y}"));
                        }
                    }
                    variants.push(Spec {
                        ours: format!("{a} NEAR/{NEAR_DISTANCE} {b}"),
                        fts5: format!("NEAR(\"{a}\" \"{b}\", {NEAR_DISTANCE})"),
                        pg: alternatives.join(" | "),
                        filter: None,
                    });
                }
            }
            Class::FuzzyName => {
                for name in FUZZY {
                    known(name)?;
                    let near = corpus.within_one_edit(lexicon, name);
                    variants.push(Spec {
                        ours: format!("{name}~1"),
                        fts5: near
                            .iter()
                            .map(|w| quoted(&[w]))
                            .collect::<Vec<_>>()
                            .join(" OR "),
                        pg: near.join(" | "),
                        filter: None,
                    });
                }
            }
            Class::BooleanFilter => {
                for (a, b, c, source, from, to) in BOOLEAN {
                    known(&format!("{a} {b} {c}"))?;
                    variants.push(Spec {
                        ours: format!("{a} AND ({b} OR {c}) source:{source} date:{from}..{to}"),
                        fts5: format!("\"{a}\" AND (\"{b}\" OR \"{c}\")"),
                        pg: format!("{a} & ({b} | {c})"),
                        filter: Some(Filter {
                            source,
                            from: NaiveDate::from_ymd_opt(from, 1, 1).expect("a date"),
                            to: NaiveDate::from_ymd_opt(to, 12, 31).expect("a date"),
                        }),
                    });
                }
            }
        }
        all.push(variants);
    }
    Ok(all)
}

// ---------------------------------------------------------------------------
// The engines

/// A hit: document and page.
type Hit = (String, u32);

trait Engine {
    /// Closes, drops the files from the OS page cache, opens again: the
    /// time to open.
    fn reopen_cold(&mut self) -> Result<Duration>;
    /// Resident bytes the engine holds now (see the module documentation).
    fn memory(&self) -> u64;
    /// The top hits and the total.
    fn run(&mut self, spec: &Spec) -> Result<(u64, Vec<Hit>)>;
}

/// Drops every file under `path` from the OS page cache.
fn evict(path: &Path) -> Result<()> {
    rustix::fs::sync();
    let mut stack = vec![path.to_owned()];
    while let Some(p) = stack.pop() {
        let meta = std::fs::symlink_metadata(&p).with_context(|| format!("{}", p.display()))?;
        if meta.is_dir() {
            for entry in std::fs::read_dir(&p)? {
                stack.push(entry?.path());
            }
        } else if meta.is_file() {
            let file = std::fs::File::open(&p).with_context(|| format!("{}", p.display()))?;
            rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::DontNeed)?;
        }
    }
    Ok(())
}

fn disk_size(path: &Path) -> Result<u64> {
    let meta = std::fs::symlink_metadata(path).with_context(|| format!("{}", path.display()))?;
    if meta.is_dir() {
        let mut total = 0;
        for entry in std::fs::read_dir(path)? {
            total += disk_size(&entry?.path())?;
        }
        Ok(total)
    } else {
        Ok(meta.len())
    }
}

/// CPU time used so far by a process, all threads: ours (`None`) or
/// another (a PostgreSQL backend). Unlike wall time, it does not grow when
/// other work shares the machine.
fn cpu_time(pid: Option<i32>) -> Duration {
    let path = pid.map_or_else(
        || "/proc/self/stat".to_owned(),
        |p| format!("/proc/{p}/stat"),
    );
    let Ok(stat) = std::fs::read_to_string(path) else {
        return Duration::ZERO;
    };
    let Some((_, rest)) = stat.rsplit_once(") ") else {
        return Duration::ZERO;
    };
    // After the command: state is field 3, utime 14, stime 15.
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |i: usize| -> u64 { fields.get(i).and_then(|f| f.parse().ok()).unwrap_or(0) };
    let ticks = field(11) + field(12);
    Duration::from_secs_f64(ticks as f64 / rustix::param::clock_ticks_per_second() as f64)
}

/// The 1-minute load average: other processes on the machine disturb
/// every figure, so the report says how busy it was.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

fn progress(engine: &str, done: u64, of: u64, started: Instant) {
    eprintln!(
        "  {engine}: {done}/{of} pages ({:.1} s)",
        started.elapsed().as_secs_f64()
    );
}

// --- ours

struct Ours {
    root: PathBuf,
    vault: Vault,
    index: Option<SearchIndex>,
    cache_bytes: usize,
    /// This process's resident bytes with the index closed.
    baseline: u64,
}

impl Engine for Ours {
    fn reopen_cold(&mut self) -> Result<Duration> {
        self.index = None;
        evict(&self.root)?;
        self.baseline = resident(None);
        let started = Instant::now();
        self.index = Some(SearchIndex::open_at_with_cache(
            &self.root,
            self.vault.search_index_sealer(),
            self.cache_bytes,
        )?);
        Ok(started.elapsed())
    }

    fn memory(&self) -> u64 {
        resident(None).saturating_sub(self.baseline)
    }

    fn run(&mut self, spec: &Spec) -> Result<(u64, Vec<Hit>)> {
        let index = self.index.as_ref().context("the index is not open")?;
        let (total, hits) = index
            .search_ids(&spec.ours, 0, TOP)
            .with_context(|| format!("ours: {}", spec.ours))?;
        Ok((
            total,
            hits.into_iter()
                .map(|(doc, page, _)| (doc, page.unwrap_or(0)))
                .collect(),
        ))
    }
}

/// What the first pass over the corpus saw.
#[derive(Default)]
struct CorpusStats {
    pages: u64,
    words: u64,
    bytes: u64,
    generation: Duration,
}

impl CorpusStats {
    fn add(&mut self, page: &Page) {
        self.pages += 1;
        self.bytes += page.text.len() as u64;
        let mut inside = false;
        for b in page.text.bytes() {
            // Every non-ASCII character the generator writes is a letter.
            let word = b.is_ascii_alphanumeric() || b >= 0x80;
            self.words += u64::from(word && !inside);
            inside = word;
        }
    }
}

/// What building took: wall time and CPU time.
#[derive(Clone, Copy, Default)]
struct Built {
    wall: Duration,
    cpu: Duration,
}

impl Built {
    fn add(&mut self, wall: Instant, cpu: Duration) {
        self.wall += wall.elapsed();
        self.cpu += cpu_time(None).saturating_sub(cpu);
    }
}

fn build_ours(
    corpus: &Corpus,
    base: &Path,
    stats: &mut CorpusStats,
    cache_bytes: usize,
) -> Result<(Ours, Built)> {
    let passphrase = Passphrase::new("benchmark passphrase".into())?;
    let vault = Vault::create(
        &base.join("vault"),
        &passphrase,
        KdfParams::MINIMUM,
        Actor::new("bench:search")?,
    )?
    .vault;
    let root = base.join("index");
    let mut index = SearchIndex::open_at(&root, vault.search_index_sealer())?;
    let mut pages = corpus.iter();
    let mut took = Built::default();
    let started = Instant::now();
    loop {
        let generating = Instant::now();
        let batch: Vec<IndexablePage> = pages
            .by_ref()
            .take(OURS_BATCH)
            .map(|p| {
                stats.add(&p);
                IndexablePage {
                    file_name: Some(format!("{}.pdf", p.document)),
                    document: p.document,
                    page: p.page,
                    text: p.text,
                    source_kind: Some(p.source),
                    foia: p.foia,
                    day: Some(p.day),
                }
            })
            .collect();
        stats.generation += generating.elapsed();
        if batch.is_empty() {
            break;
        }
        let n = batch.len() as u64;
        let (adding, cpu) = (Instant::now(), cpu_time(None));
        let added = index.add_pages(batch)?;
        took.add(adding, cpu);
        ensure!(added == n, "ours: added {added} of {n} pages");
        progress("ours", stats.pages, corpus.pages, started);
    }
    ensure!(
        index.entries() == corpus.pages,
        "ours: the index holds {} entries, expected {}",
        index.entries(),
        corpus.pages
    );
    drop(index);
    Ok((
        Ours {
            root,
            vault,
            index: None,
            cache_bytes,
            baseline: 0,
        },
        took,
    ))
}

// --- SQLite FTS5 (the peer lives in the vault crate, which alone names
// the database library: `testimonio_vault::bench_peers`)

struct Fts {
    path: PathBuf,
    reader: Option<Fts5Reader>,
    /// This process's resident bytes with the database closed.
    baseline: u64,
}

fn build_fts(corpus: &Corpus, path: &Path) -> Result<(Fts, Built)> {
    let mut builder =
        Fts5Builder::create(path).context("creating the FTS5 table (is FTS5 compiled in?)")?;
    let mut pages = corpus.iter();
    let mut took = Built::default();
    let mut done = 0u64;
    let started = Instant::now();
    loop {
        let batch: Vec<Page> = pages.by_ref().take(PEER_BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let foia: Vec<String> = batch.iter().map(|p| p.foia.join(" ")).collect();
        let rows: Vec<Fts5Page<'_>> = batch
            .iter()
            .zip(&foia)
            .map(|(p, foia)| Fts5Page {
                row: p.row as i64,
                document: &p.document,
                page: p.page,
                text: &p.text,
                source: p.source.code(),
                foia,
                day: day_number(p.day),
            })
            .collect();
        let (inserting, cpu) = (Instant::now(), cpu_time(None));
        builder.insert(&rows)?;
        took.add(inserting, cpu);
        done += batch.len() as u64;
        if done.is_multiple_of(100_000) || done == corpus.pages {
            progress("FTS5", done, corpus.pages, started);
        }
    }
    let (optimizing, cpu) = (Instant::now(), cpu_time(None));
    builder.optimize()?;
    took.add(optimizing, cpu);
    eprintln!(
        "  FTS5: optimize {:.1} s",
        optimizing.elapsed().as_secs_f64()
    );
    Ok((
        Fts {
            path: path.to_owned(),
            reader: None,
            baseline: 0,
        },
        took,
    ))
}

impl Engine for Fts {
    fn reopen_cold(&mut self) -> Result<Duration> {
        self.reader = None;
        evict(&self.path)?;
        self.baseline = resident(None);
        let started = Instant::now();
        self.reader = Some(Fts5Reader::open(&self.path)?);
        Ok(started.elapsed())
    }

    fn memory(&self) -> u64 {
        resident(None).saturating_sub(self.baseline)
    }

    fn run(&mut self, spec: &Spec) -> Result<(u64, Vec<Hit>)> {
        let reader = self.reader.as_ref().context("FTS5 is not open")?;
        let filter = spec.filter.as_ref().map(|f| Fts5Filter {
            source: f.source,
            from_day: day_number(f.from),
            to_day: day_number(f.to),
        });
        Ok(reader.top(&spec.fts5, filter.as_ref())?)
    }
}

// --- PostgreSQL

/// A PostgreSQL server of our own: its own data directory and socket
/// directory, no TCP, stopped when dropped.
struct PgServer {
    bin: PathBuf,
    root: tempfile::TempDir,
    data: PathBuf,
    /// Run the server tools as the `postgres` user (we are root, which
    /// `initdb` refuses).
    as_postgres: bool,
    running: bool,
}

/// PostgreSQL's binaries: `TESTIMONIO_PG_BIN`, else the newest
/// `/usr/lib/postgresql/*/bin`, else `pg_config --bindir`.
fn postgres_bin() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TESTIMONIO_PG_BIN") {
        return Some(PathBuf::from(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Some(bin);
    }
    let out = Command::new("pg_config").arg("--bindir").output().ok()?;
    let bin = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    bin.join("initdb").exists().then_some(bin)
}

fn user_id(flag: &str) -> Result<u32> {
    let out = Command::new("id")
        .args([flag, "postgres"])
        .output()
        .context("id")?;
    ensure!(out.status.success(), "there is no postgres user");
    Ok(String::from_utf8(out.stdout)?.trim().parse()?)
}

impl PgServer {
    fn init(bin: PathBuf, parent: &Path) -> Result<Self> {
        let as_postgres = rustix::process::geteuid().is_root();
        let root = tempfile::Builder::new()
            .prefix("testimonio-bench-pg-")
            .tempdir_in(parent)?;
        if as_postgres {
            std::os::unix::fs::chown(root.path(), Some(user_id("-u")?), Some(user_id("-g")?))?;
        }
        let data = root.path().join("data");
        let server = PgServer {
            bin,
            data,
            root,
            as_postgres,
            running: false,
        };
        let mut initdb = server.tool("initdb");
        initdb.arg("-D").arg(&server.data).args([
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ]);
        run_quietly(&mut initdb).with_context(|| {
            format!(
                "initdb in {} (as root, the postgres user must be able to reach it: \
                 choose another --dir)",
                server.root.path().display()
            )
        })?;
        let settings = format!(
            "
# testimonio-bench search
port = {PG_PORT}
listen_addresses = ''
unix_socket_directories = '{}'
shared_buffers = '4GB'
work_mem = '64MB'
maintenance_work_mem = '2GB'
effective_cache_size = '16GB'
temp_buffers = '256MB'
max_wal_size = '16GB'
checkpoint_timeout = '30min'
wal_level = minimal
max_wal_senders = 0
synchronous_commit = off
random_page_cost = 1.1
effective_io_concurrency = 200
jit = off
autovacuum = off
",
            server.root.path().display()
        );
        std::fs::OpenOptions::new()
            .append(true)
            .open(server.data.join("postgresql.conf"))?
            .write_all(settings.as_bytes())?;
        Ok(server)
    }

    fn tool(&self, name: &str) -> Command {
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(self.bin.join(name));
            c
        } else {
            Command::new(self.bin.join(name))
        }
    }

    fn start(&mut self) -> Result<()> {
        let mut pg_ctl = self.tool("pg_ctl");
        pg_ctl
            .arg("-D")
            .arg(&self.data)
            .arg("-l")
            .arg(self.root.path().join("server.log"))
            .args(["-w", "-t", "300", "start"]);
        run_quietly(&mut pg_ctl).with_context(|| {
            format!(
                "starting PostgreSQL (log: {})",
                self.root.path().join("server.log").display()
            )
        })?;
        self.running = true;
        Ok(())
    }

    fn stop(&mut self) -> Result<()> {
        if self.running {
            let mut pg_ctl = self.tool("pg_ctl");
            pg_ctl
                .arg("-D")
                .arg(&self.data)
                .args(["-m", "fast", "-w", "-t", "300", "stop"]);
            run_quietly(&mut pg_ctl).context("stopping PostgreSQL")?;
            self.running = false;
        }
        Ok(())
    }

    fn connect(&self) -> Result<postgres::Client> {
        Ok(postgres::Config::new()
            .host_path(self.root.path())
            .port(PG_PORT)
            .user("postgres")
            .dbname("postgres")
            .connect(postgres::NoTls)?)
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        if let Err(e) = self.stop() {
            eprintln!("testimonio-bench: {e:#}");
        }
    }
}

fn run_quietly(command: &mut Command) -> Result<()> {
    let out = command
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("{command:?}"))?;
    if !out.status.success() {
        bail!(
            "{command:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

const PG_SETUP: &str = "
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION tsm (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION tsm
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part,
        numword, numhword, hword_numpart
    WITH unaccent, simple;
CREATE TABLE pages (
    id integer NOT NULL,
    doc text NOT NULL,
    page integer NOT NULL,
    source text NOT NULL,
    foia text[] NOT NULL,
    day date NOT NULL,
    tsv tsvector NOT NULL
);
CREATE TEMPORARY TABLE staging (
    id integer, doc text, page integer, source text, foia text[], day date, body text
);";

const PG_INDEXES: &str = "
CREATE INDEX pages_tsv ON pages USING gin (tsv);
CREATE INDEX pages_source_day ON pages (source, day);";

/// Top 20 by `ts_rank`, as PostgreSQL's manual writes it.
const PG_TOP: &str = "
SELECT doc, page FROM pages, to_tsquery('tsm', $1) AS q
WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT 20";
const PG_COUNT: &str = "SELECT count(*) FROM pages WHERE tsv @@ to_tsquery('tsm', $1)";
const PG_TOP_FILTERED: &str = "
SELECT doc, page FROM pages, to_tsquery('tsm', $1) AS q
WHERE tsv @@ q AND source = $2 AND day BETWEEN $3 AND $4
ORDER BY ts_rank(tsv, q) DESC LIMIT 20";
const PG_COUNT_FILTERED: &str = "
SELECT count(*) FROM pages
WHERE tsv @@ to_tsquery('tsm', $1) AND source = $2 AND day BETWEEN $3 AND $4";

struct Pg {
    server: PgServer,
    client: Option<(postgres::Client, [postgres::Statement; 4])>,
    version: String,
}

/// A page as a line of COPY's text format.
fn copy_line(out: &mut String, p: &Page) {
    let _ = write!(
        out,
        "{}\t{}\t{}\t{}\t{{{}}}\t{}\t",
        p.row,
        p.document,
        p.page,
        p.source.code(),
        p.foia.join(","),
        p.day
    );
    for c in p.text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('\n');
}

fn build_pg(corpus: &Corpus, mut server: PgServer) -> Result<(Pg, Built)> {
    server.start()?;
    let mut client = server.connect()?;
    let version: String = client.query_one("SHOW server_version", &[])?.get(0);
    // The server's work is done by this connection's backend process.
    let backend: i32 = client.query_one("SELECT pg_backend_pid()", &[])?.get(0);
    let backend_cpu = cpu_time(Some(backend));
    let mut took = Built::default();
    let started = Instant::now();
    let mut tx = client.transaction()?;
    tx.batch_execute(PG_SETUP)?;
    let mut pages = corpus.iter();
    let mut done = 0u64;
    let mut buffer = String::new();
    loop {
        let batch: Vec<Page> = pages.by_ref().take(PEER_BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let (loading, cpu) = (Instant::now(), cpu_time(None));
        buffer.clear();
        for p in &batch {
            copy_line(&mut buffer, p);
        }
        let mut writer = tx.copy_in("COPY staging FROM STDIN")?;
        writer.write_all(buffer.as_bytes())?;
        writer.finish()?;
        tx.batch_execute(
            "INSERT INTO pages SELECT id, doc, page, source, foia, day, to_tsvector('tsm', body)
             FROM staging;
             TRUNCATE staging;",
        )?;
        took.add(loading, cpu);
        done += batch.len() as u64;
        if done.is_multiple_of(100_000) || done == corpus.pages {
            progress("PostgreSQL", done, corpus.pages, started);
        }
    }
    let (finishing, cpu) = (Instant::now(), cpu_time(None));
    tx.commit()?;
    client.batch_execute(PG_INDEXES)?;
    client.batch_execute("VACUUM ANALYZE pages")?;
    took.add(finishing, cpu);
    took.cpu += cpu_time(Some(backend)).saturating_sub(backend_cpu);
    eprintln!(
        "  PostgreSQL: commit, GIN index, VACUUM ANALYZE {:.1} s",
        finishing.elapsed().as_secs_f64()
    );
    let rows: i64 = client.query_one("SELECT count(*) FROM pages", &[])?.get(0);
    ensure!(
        rows as u64 == corpus.pages,
        "PostgreSQL holds {rows} pages, expected {}",
        corpus.pages
    );
    Ok((
        Pg {
            server,
            client: None,
            version,
        },
        took,
    ))
}

impl Pg {
    /// (table with its indexes and TOAST, the GIN index alone), in bytes.
    fn sizes(&mut self) -> Result<(u64, u64)> {
        let mut client = self.server.connect()?;
        let row = client.query_one(
            "SELECT pg_total_relation_size('pages'), pg_relation_size('pages_tsv')",
            &[],
        )?;
        Ok((row.get::<_, i64>(0) as u64, row.get::<_, i64>(1) as u64))
    }
}

impl Engine for Pg {
    fn reopen_cold(&mut self) -> Result<Duration> {
        self.client = None;
        self.server.stop()?;
        evict(&self.server.data)?;
        let started = Instant::now();
        self.server.start()?;
        let mut client = self.server.connect()?;
        let statements = [
            client.prepare(PG_TOP)?,
            client.prepare(PG_COUNT)?,
            client.prepare(PG_TOP_FILTERED)?,
            client.prepare(PG_COUNT_FILTERED)?,
        ];
        self.client = Some((client, statements));
        Ok(started.elapsed())
    }

    fn memory(&self) -> u64 {
        server_resident(&self.server.data)
    }

    fn run(&mut self, spec: &Spec) -> Result<(u64, Vec<Hit>)> {
        let (client, [top, count, top_filtered, count_filtered]) = self
            .client
            .as_mut()
            .context("PostgreSQL is not connected")?;
        let (rows, total) = match spec.filter {
            None => {
                let rows = client.query(&*top, &[&spec.pg])?;
                let total: i64 = client.query_one(&*count, &[&spec.pg])?.get(0);
                (rows, total)
            }
            Some(f) => {
                let params: [&(dyn postgres::types::ToSql + Sync); 4] =
                    [&spec.pg, &f.source, &f.from, &f.to];
                let rows = client.query(&*top_filtered, &params)?;
                let total: i64 = client.query_one(&*count_filtered, &params)?.get(0);
                (rows, total)
            }
        };
        let hits = rows
            .iter()
            .map(|r| (r.get::<_, String>(0), r.get::<_, i32>(1) as u32))
            .collect();
        Ok((total as u64, hits))
    }
}

// ---------------------------------------------------------------------------
// Measuring

/// What one engine did.
struct Measured {
    name: &'static str,
    build: Built,
    size: u64,
    /// Time to open for each cold run.
    opens: Vec<Duration>,
    /// Resident memory right after each open.
    open_memory: Vec<u64>,
    /// Resident memory after the warm rounds.
    warm_memory: u64,
    /// [class]
    cold: Vec<Duration>,
    /// [class][round]
    warm: Vec<Vec<Duration>>,
    /// [class][variant]
    totals: Vec<Vec<u64>>,
    /// [class][variant]
    hits: Vec<Vec<Vec<Hit>>>,
}

fn measure(
    name: &'static str,
    engine: &mut dyn Engine,
    specs: &[Vec<Spec>],
    reps: usize,
    build: Built,
    size: u64,
) -> Result<Measured> {
    let classes = specs.len();
    let mut m = Measured {
        name,
        build,
        size,
        opens: Vec::new(),
        open_memory: Vec::new(),
        warm_memory: 0,
        cold: Vec::new(),
        warm: vec![Vec::with_capacity(reps); classes],
        totals: vec![vec![0; VARIANTS]; classes],
        hits: vec![vec![Vec::new(); VARIANTS]; classes],
    };
    for variants in specs {
        m.opens.push(engine.reopen_cold()?);
        m.open_memory.push(engine.memory());
        let started = Instant::now();
        engine.run(&variants[0])?;
        m.cold.push(started.elapsed());
    }
    eprintln!(
        "  {name}: cold runs done (open {:.2} s)",
        median(&m.opens).as_secs_f64()
    );
    for (c, variants) in specs.iter().enumerate() {
        for (v, spec) in variants.iter().enumerate() {
            let (total, hits) = engine.run(spec)?;
            m.totals[c][v] = total;
            m.hits[c][v] = hits;
        }
    }
    for round in 0..reps {
        for (c, variants) in specs.iter().enumerate() {
            let v = round % VARIANTS;
            let started = Instant::now();
            let (total, _) = engine.run(&variants[v])?;
            m.warm[c].push(started.elapsed());
            ensure!(
                total == m.totals[c][v],
                "{name}: the same query gave {total} then {} matches",
                m.totals[c][v]
            );
        }
    }
    m.warm_memory = engine.memory();
    eprintln!("  {name}: {reps} warm rounds done");
    Ok(m)
}

fn median(samples: &[Duration]) -> Duration {
    percentile(samples, 0.5)
}

fn median_bytes(samples: &[u64]) -> u64 {
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    sorted
        .get(sorted.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or(0)
}

/// Nearest rank.
fn percentile(samples: &[Duration], p: f64) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

// ---------------------------------------------------------------------------
// The run

pub fn run(options: &Options) -> Result<()> {
    let parent = match &options.dir {
        Some(d) => {
            std::fs::create_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
            d.clone()
        }
        None => std::env::temp_dir(),
    };
    let base = tempfile::Builder::new()
        .prefix("testimonio-bench-search-")
        .tempdir_in(&parent)?;

    if let Some(n) = options.nice {
        rustix::process::setpriority_process(None, n)
            .with_context(|| format!("--nice {n} (lowering it needs root)"))?;
    }
    eprintln!(
        "search benchmark: {} pages under {}",
        options.pages,
        base.path().display()
    );
    let preparing = Instant::now();
    let corpus = Corpus::new(options.pages, options.seed);
    let lexicon = corpus.lexicon();
    let specs = specs(&corpus, &lexicon)?;
    let setup = preparing.elapsed();

    let mut loads = vec![("start", load_average())];
    // Ours first: its pass over the corpus also counts it.
    let mut stats = CorpusStats::default();
    eprintln!("ours: building");
    let (mut ours, build) = build_ours(
        &corpus,
        base.path(),
        &mut stats,
        options.cache_mb.saturating_mul(1 << 20),
    )?;
    let size = disk_size(&ours.root)?;
    let mut results = vec![measure(
        "ours",
        &mut ours,
        &specs,
        options.reps,
        build,
        size,
    )?];
    drop(ours);
    loads.push(("after ours", load_average()));

    let sqlite_version = sqlite_version();
    if options.skip_sqlite {
        eprintln!("FTS5: skipped (--skip-sqlite)");
    } else {
        eprintln!("FTS5: building");
        let path = base.path().join("fts5.db");
        let (mut fts, build) = build_fts(&corpus, &path)?;
        let size = disk_size(&path)?;
        results.push(measure(
            "FTS5",
            &mut fts,
            &specs,
            options.reps,
            build,
            size,
        )?);
        drop(fts);
        std::fs::remove_file(&path)?;
        loads.push(("after FTS5", load_average()));
    }

    let pg_note = if options.skip_postgres {
        "PostgreSQL: skipped (--skip-postgres)".into()
    } else if let Some(bin) = postgres_bin() {
        eprintln!("PostgreSQL: building ({})", bin.display());
        let server = PgServer::init(bin, &parent)?;
        let (mut pg, build) = build_pg(&corpus, server)?;
        let (size, gin) = pg.sizes()?;
        results.push(measure(
            "PostgreSQL",
            &mut pg,
            &specs,
            options.reps,
            build,
            size,
        )?);
        format!(
            "PostgreSQL {}: size = pg_total_relation_size('pages') (heap with the tsvectors, TOAST, \
             the GIN index of {} and a (source, day) B-tree)",
            pg.version,
            bytes(gin)
        )
    } else {
        let note = "PostgreSQL: not installed (no initdb under /usr/lib/postgresql/*/bin or \
                    pg_config --bindir; `apt-get install postgresql`): column skipped";
        eprintln!("{note}");
        note.into()
    };

    loads.push(("end", load_average()));
    let report = Report {
        loads,
        options,
        corpus: &corpus,
        lexicon: lexicon.len(),
        stats: &stats,
        setup,
        specs: &specs,
        results: &results,
        sqlite_version,
        pg_note,
    };
    print!("{}", report.render());
    Ok(())
}

// ---------------------------------------------------------------------------
// The report

struct Report<'a> {
    loads: Vec<(&'static str, String)>,
    options: &'a Options,
    corpus: &'a Corpus,
    lexicon: usize,
    stats: &'a CorpusStats,
    setup: Duration,
    specs: &'a [Vec<Spec>],
    results: &'a [Measured],
    sqlite_version: String,
    pg_note: String,
}

/// A row of the build table: its label and how to show one engine's value.
type Row<'a> = (&'a str, &'a dyn Fn(&Measured) -> String);

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.2}")
    } else if ms < 100.0 {
        format!("{ms:.1}")
    } else {
        format!("{ms:.0}")
    }
}

fn bytes(n: u64) -> String {
    let n = n as f64;
    if n >= 1024.0 * 1024.0 * 1024.0 {
        format!("{:.2} GiB", n / (1024.0 * 1024.0 * 1024.0))
    } else {
        format!("{:.1} MiB", n / (1024.0 * 1024.0))
    }
}

fn grouped(n: u64) -> String {
    testimonio_i18n::format::number(testimonio_i18n::Lang::En, n)
}

fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

impl Report<'_> {
    fn render(&self) -> String {
        let mut out = String::new();
        let w = &mut out;
        let s = self.stats;
        let _ = writeln!(w);
        let _ = writeln!(
            w,
            "Testimonio search benchmark: our sealed index beside SQLite FTS5 and PostgreSQL \
             full-text search; same corpus, same queries, same run"
        );
        let _ = writeln!(
            w,
            "corpus:  {} pages in {} documents; {} words ({:.0} per page), {} of text; \
             lexicon of {} words (Zipf), 300,000 people; seed {:#x}",
            grouped(s.pages),
            grouped(self.corpus.documents()),
            grouped(s.words),
            s.words as f64 / s.pages.max(1) as f64,
            bytes(s.bytes),
            grouped(self.lexicon as u64),
            self.corpus.seed,
        );
        let _ = writeln!(
            w,
            "         generated in {:.1} s (+ {:.1} s of vocabulary and people), outside every timing below",
            s.generation.as_secs_f64(),
            self.setup.as_secs_f64()
        );
        let _ = writeln!(
            w,
            "engines: ours: testimonio-search (tantivy), files sealed in 64 KiB blocks decrypted as \
             queries read them, cache of {} MiB of decrypted blocks, one thread per query; added \
             {OURS_BATCH} pages per commit",
            self.options.cache_mb
        );
        let _ = writeln!(
            w,
            "         FTS5: {}, contentless, unicode61 remove_diacritics 2, metadata table joined on rowid; \
             1 GiB cache, mmap; bulk load without journal, then 'optimize'",
            self.sqlite_version
        );
        let _ = writeln!(w, "         {}", self.pg_note);
        let _ = writeln!(
            w,
            "         (PostgreSQL: unaccent + simple; loaded by COPY in {PEER_BATCH}-page batches in one \
             transaction, wal_level minimal, then GIN; shared_buffers 4GB, jit off, up to 2 parallel workers)"
        );
        let _ = writeln!(
            w,
            "method:  a run = top {TOP} by relevance + total count. cold = first run after closing, dropping \
             the files from the OS page cache and opening again"
        );
        let _ = writeln!(
            w,
            "         (PostgreSQL: restarting the server), once per class; warm = {} rounds after one \
             untimed pass over the {VARIANTS} variants of each class; p50/p99 nearest rank",
            self.options.reps
        );
        let _ = writeln!(
            w,
            "machine: {} CPUs{}; 1-minute load average {} (other processes running on the machine \
             count in every figure)",
            std::thread::available_parallelism().map_or(0, usize::from),
            self.options
                .nice
                .map_or(String::new(), |n| format!(", benchmark at nice {n}")),
            self.loads
                .iter()
                .map(|(when, load)| format!("{load} {when}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = writeln!(w);

        // Build.
        let name_width = 24;
        let col = 14;
        let _ = write!(w, "{:<name_width$}", "build");
        for r in self.results {
            let _ = write!(w, "{:>col$}", r.name);
        }
        let _ = writeln!(w);
        let _ = writeln!(w, "{}", "-".repeat(name_width + col * self.results.len()));
        let rows: [Row<'_>; 6] = [
            ("time (load + index)", &|r| {
                format!("{:.1} s", r.build.wall.as_secs_f64())
            }),
            ("CPU time of that", &|r| {
                format!("{:.1} s", r.build.cpu.as_secs_f64())
            }),
            ("size on disk", &|r| bytes(r.size)),
            ("open (median of cold)", &|r| {
                format!("{:.2} s", median(&r.opens).as_secs_f64())
            }),
            ("memory after open", &|r| {
                bytes(median_bytes(&r.open_memory))
            }),
            ("memory after warm runs", &|r| bytes(r.warm_memory)),
        ];
        for (label, f) in rows {
            let _ = write!(w, "{label:<name_width$}");
            for r in self.results {
                let _ = write!(w, "{:>col$}", f(r));
            }
            let _ = writeln!(w);
        }
        let _ = writeln!(
            w,
            "(CPU: ours, its indexing threads and merges; FTS5, our process; PostgreSQL, the loading \
             backend and our COPY client)"
        );
        let _ = writeln!(
            w,
            "(open: ours reads each sealed file's header and last block; FTS5 opens a connection; \
             PostgreSQL restarts)"
        );
        let _ = writeln!(
            w,
            "(memory, median of the cold opens: ours and FTS5, the growth of this process's resident \
             memory since the engine was closed, which misses memory the allocator reuses from the closed copy \
             (a lower bound); PostgreSQL, the resident memory of its server's processes)"
        );
        let _ = writeln!(w);

        // Latency.
        let n = self.results.len();
        let cell = 9;
        let group = cell * n + 3;
        let label_width = 18;
        let _ = writeln!(
            w,
            "{:<label_width$}{:>group$}{:>group$}{:>group$}",
            "latency (ms)", "cold", "warm p50", "warm p99"
        );
        let _ = write!(w, "{:<label_width$}", "class");
        for _ in 0..3 {
            let _ = write!(w, "   ");
            for r in self.results {
                let _ = write!(w, "{:>cell$}", shorten(r.name, cell - 1));
            }
        }
        let _ = writeln!(w);
        let _ = writeln!(w, "{}", "-".repeat(label_width + group * 3));
        for (c, class) in CLASSES.iter().enumerate() {
            let _ = write!(w, "{:<label_width$}", class.label());
            let columns: [&dyn Fn(&Measured) -> Duration; 3] =
                [&|r| r.cold[c], &|r| percentile(&r.warm[c], 0.5), &|r| {
                    percentile(&r.warm[c], 0.99)
                }];
            for f in columns {
                let _ = write!(w, "   ");
                for r in self.results {
                    let _ = write!(w, "{:>cell$}", ms(f(r)));
                }
            }
            let _ = writeln!(w);
        }
        let _ = writeln!(w);

        // Targets.
        let ours = &self.results[0];
        let peers = &self.results[1..];
        let open = median(&ours.opens);
        let open_memory = median_bytes(&ours.open_memory);
        let open_ok = open <= TARGET_OPEN;
        let memory_ok = open_memory as f64 <= TARGET_OPEN_MEMORY * ours.size as f64;
        let _ = writeln!(
            w,
            "targets (open)    {} cold open {:.2} s ≤ {:.0} s;  {} memory after open {} ≤ {:.0} % of the \
             sealed index ({}: {:.1} %)",
            verdict(open_ok),
            open.as_secs_f64(),
            TARGET_OPEN.as_secs_f64(),
            verdict(memory_ok),
            bytes(open_memory),
            TARGET_OPEN_MEMORY * 100.0,
            bytes(ours.size),
            100.0 * open_memory as f64 / ours.size.max(1) as f64
        );
        let mut all_pass = open_ok && memory_ok;
        let _ = write!(w, "{:<label_width$}{:>22}", "targets (warm)", "p99 ≤ 50 ms");
        for p in peers {
            let _ = write!(w, "{:>34}", format!("faster than {} (p50×, p99×)", p.name));
        }
        let _ = writeln!(w);
        let _ = writeln!(w, "{}", "-".repeat(label_width + 22 + 34 * peers.len()));
        for (c, class) in CLASSES.iter().enumerate() {
            let p99 = percentile(&ours.warm[c], 0.99);
            let p50 = percentile(&ours.warm[c], 0.5);
            let ok = p99 <= TARGET_P99;
            all_pass &= ok;
            let _ = write!(
                w,
                "{:<label_width$}{:>22}",
                class.label(),
                format!("{} {} ms", verdict(ok), ms(p99))
            );
            for p in peers {
                let r50 = ratio(percentile(&p.warm[c], 0.5), p50);
                let r99 = ratio(percentile(&p.warm[c], 0.99), p99);
                let ok = r50 > 1.0 && r99 > 1.0;
                all_pass &= ok;
                let _ = write!(
                    w,
                    "{:>34}",
                    format!("{} ×{} ×{}", verdict(ok), times(r50), times(r99))
                );
            }
            let _ = writeln!(w);
        }
        let _ = writeln!(
            w,
            "(×: the peer's time over ours; above 1 is ours faster. cold, for reference: {})",
            CLASSES
                .iter()
                .enumerate()
                .map(|(c, class)| {
                    let peers: Vec<String> = peers
                        .iter()
                        .map(|p| format!("{} ×{}", p.name, times(ratio(p.cold[c], ours.cold[c]))))
                        .collect();
                    format!("{} {}", class.label(), peers.join(", "))
                })
                .collect::<Vec<_>>()
                .join("; ")
        );
        let _ = writeln!(
            w,
            "overall: {}",
            if all_pass {
                "every target met"
            } else {
                "some targets missed (FAIL above)"
            }
        );
        let _ = writeln!(w);

        // Correctness.
        let _ = writeln!(
            w,
            "matching pages (totals), variant 1 of each class, and agreement over all {VARIANTS} variants"
        );
        let _ = write!(w, "{:<label_width$}", "class");
        for r in self.results {
            let _ = write!(w, "{:>12}", r.name);
        }
        let _ = writeln!(w, "{:>10}{:>18}", "agree", "top-20 ∩ FTS5");
        let _ = writeln!(w, "{}", "-".repeat(label_width + 12 * n + 28));
        let mut differences = Vec::new();
        for (c, class) in CLASSES.iter().enumerate() {
            let _ = write!(w, "{:<label_width$}", class.label());
            for r in self.results {
                let _ = write!(w, "{:>12}", grouped(r.totals[c][0]));
            }
            let mut agree = 0;
            for v in 0..VARIANTS {
                let totals: Vec<u64> = self.results.iter().map(|r| r.totals[c][v]).collect();
                if totals.iter().all(|t| *t == totals[0]) {
                    agree += 1;
                } else {
                    differences.push(format!(
                        "  {} variant {}: {} → {}",
                        class.label(),
                        v + 1,
                        self.specs[c][v].ours,
                        self.results
                            .iter()
                            .map(|r| format!("{} {}", r.name, r.totals[c][v]))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
            let overlap = self
                .results
                .iter()
                .find(|r| r.name == "FTS5")
                .map(|fts| {
                    let mut shared = 0usize;
                    let mut possible = 0usize;
                    for v in 0..VARIANTS {
                        let theirs: BTreeSet<&Hit> = fts.hits[c][v].iter().collect();
                        shared += ours.hits[c][v]
                            .iter()
                            .filter(|h| theirs.contains(h))
                            .count();
                        possible += ours.hits[c][v].len().max(fts.hits[c][v].len());
                    }
                    format!("{shared}/{possible}")
                })
                .unwrap_or_else(|| "—".into());
            let _ = writeln!(w, "{:>10}{:>18}", format!("{agree}/{VARIANTS}"), overlap);
        }
        if differences.is_empty() {
            let _ = writeln!(
                w,
                "every engine found the same number of pages for every query"
            );
        } else {
            let _ = writeln!(w, "totals that differ:");
            for d in differences {
                let _ = writeln!(w, "{d}");
            }
        }
        let _ = writeln!(w);

        // The queries.
        let _ = writeln!(
            w,
            "queries (variant 1 of {VARIANTS}; the other variants change the words, see crates/bench/src/search.rs)"
        );
        for (c, class) in CLASSES.iter().enumerate() {
            let spec = &self.specs[c][0];
            let filter = spec.filter.map_or(String::new(), |f| {
                format!(
                    "  + source = '{}' AND day BETWEEN {} AND {}",
                    f.source, f.from, f.to
                )
            });
            let _ = writeln!(w, "  {:<17} ours:  {}", class.label(), spec.ours);
            let _ = writeln!(
                w,
                "  {:<17} FTS5:  {}{filter}",
                "",
                shorten(&spec.fts5, 110)
            );
            let _ = writeln!(w, "  {:<17} PG:    {}{filter}", "", shorten(&spec.pg, 110));
        }
        out
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok { "PASS" } else { "FAIL" }
}

fn ratio(peer: Duration, ours: Duration) -> f64 {
    peer.as_secs_f64() / ours.as_secs_f64().max(1e-9)
}

fn times(r: f64) -> String {
    if r >= 100.0 {
        format!("{r:.0}")
    } else if r >= 10.0 {
        format!("{r:.1}")
    } else {
        format!("{r:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let samples: Vec<Duration> = (1..=50).map(Duration::from_millis).collect();
        assert_eq!(percentile(&samples, 0.5), Duration::from_millis(25));
        assert_eq!(percentile(&samples, 0.99), Duration::from_millis(50));
        assert_eq!(percentile(&samples[..1], 0.99), Duration::from_millis(1));
    }

    #[test]
    fn every_query_word_occurs_and_fuzzy_expansions_include_the_word() {
        let corpus = Corpus::new(5_000, DEFAULT_SEED);
        let lexicon = corpus.lexicon();
        let specs = specs(&corpus, &lexicon).unwrap();
        assert_eq!(specs.len(), CLASSES.len());
        assert!(specs.iter().all(|v| v.len() == VARIANTS));
        let fuzzy = &specs[4][0];
        assert!(fuzzy.fts5.contains("\"nunez\"") && fuzzy.pg.contains("nunez"));
        assert!(specs[3][0].pg.contains("protest <6> officer"));
    }

    #[test]
    fn copy_lines_escape_text() {
        let page = Page {
            row: 3,
            document: "doc-0000001".into(),
            page: 2,
            text: "a\tb\nc\\d".into(),
            source: testimonio_domain::SourceKind::Email,
            foia: vec!["2019-ICFO-00001".into()],
            day: NaiveDate::from_ymd_opt(2019, 3, 2).unwrap(),
        };
        let mut line = String::new();
        copy_line(&mut line, &page);
        assert_eq!(
            line,
            "3\tdoc-0000001\t2\temail\t{2019-ICFO-00001}\t2019-03-02\ta\\tb\\nc\\\\d\n"
        );
    }
}
