//! The soak benchmark: many connections of mixed page and API traffic for
//! minutes on end against `testimonio serve` in its own process, to see
//! that nothing fails and that the server's memory levels off.
//!
//! `testimonio-bench soak [--seconds S] [--connections C] [--events N]
//! [--interval I] [--warmup W] [--server PATH]` creates a vault of
//! `DemoSpec::scaled(N)` (minimum KDF cost) in a temporary directory with an
//! analyst account and an API token, starts `testimonio serve` on a free
//! loopback port over it (the binary next to this one, as
//! `scripts/bench soak` builds both, or `--server`), logs in over HTTP, and
//! checks every request of the mix once. Then `C` keep-alive connections
//! (spread over eight loopback source addresses, as the server caps
//! connections per address) send requests back to back for `S` seconds,
//! each picking the next from a weighted mix of pages (dashboard, event
//! list and event pages, people, a group, search, the analysis page,
//! static files) and JSON API calls.
//!
//! Every `I` seconds it prints the requests and errors of that interval,
//! the 99th percentile latency per route, and the server's resident memory
//! (`VmRSS` of its process). At the end: errors (target 0), p50/p99/max per
//! route over the whole run, and the memory verdict: after the warm-up
//! (the first `W` seconds), every sample (one each 10 s) within 10 % of the
//! one taken when the warm-up ended.
//!
//! Any status other than 200, a broken connection or no answer within
//! 60 s is an error; the connection is opened again and goes on.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, ensure};
use testimonio_demo::{DemoSpec, generate};
use testimonio_domain::Role;
use testimonio_domain::seeded::SeededRng;
use testimonio_vault::Username;

use super::web::{self, Conn, REQUEST_TIMEOUT};

/// Memory after the warm-up stays within this share of its level then.
const FLAT_WITHIN: f64 = 0.10;

/// Resident memory is sampled this often (reports show the latest sample).
const SAMPLE_EVERY: Duration = Duration::from_secs(10);

/// Loopback addresses the connections come from, in turn.
const SOURCES: u8 = 8;

/// Mixed page and API traffic against `testimonio serve` in its own
/// process: errors, p99 per route and resident memory every interval.
#[derive(Debug, Clone, PartialEq, Eq, clap::Parser)]
#[command(name = "testimonio-bench soak")]
pub struct Options {
    /// How long the load runs, in seconds.
    #[arg(long, default_value_t = 600)]
    pub seconds: u64,
    /// Concurrent keep-alive connections.
    #[arg(long, default_value_t = 200)]
    pub connections: usize,
    /// Demo events in the vault.
    #[arg(long, default_value_t = 10_000)]
    pub events: usize,
    /// Seconds between reports.
    #[arg(long, default_value_t = 60)]
    pub interval: u64,
    /// Seconds before memory must be flat.
    #[arg(long, default_value_t = 60)]
    pub warmup: u64,
    /// The testimonio binary (default: the one beside this benchmark).
    #[arg(long)]
    pub server: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            seconds: 600,
            connections: 200,
            events: 10_000,
            interval: 60,
            warmup: 60,
            server: None,
        }
    }
}

impl Options {
    /// The options, once checked together.
    ///
    /// # Errors
    /// A warm-up not shorter than the run.
    pub fn checked(self) -> Result<Self> {
        ensure!(
            self.warmup < self.seconds,
            "--warmup must be shorter than --seconds"
        );
        Ok(self)
    }
}

// ---------------------------------------------------------------------------
// The mix

/// One route of the mix: a label, how often it is picked, and the
/// concrete requests it cycles through.
struct Route {
    label: String,
    weight: u32,
    requests: Vec<Arc<[u8]>>,
}

/// What the requests need: the server, a session, a token, some ids.
struct Targets {
    addr: SocketAddr,
    session: String,
    token: String,
    events: Vec<String>,
    people: Vec<String>,
    groups: Vec<String>,
}

fn page(t: &Targets, path: &str, session: bool) -> Arc<[u8]> {
    let mut request = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nUser-Agent: testimonio-bench\r\n\
         Accept: text/html,*/*\r\nAccept-Language: en\r\n",
        t.addr
    );
    if session {
        let _ = write!(request, "Cookie: testimonio_session={}\r\n", t.session);
    }
    request.push_str("\r\n");
    Arc::from(request.into_bytes())
}

fn api(t: &Targets, path: &str) -> Arc<[u8]> {
    Arc::from(
        format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nUser-Agent: testimonio-bench\r\n\
             Accept: application/json\r\nAuthorization: Bearer {}\r\n\r\n",
            t.addr, t.token
        )
        .into_bytes(),
    )
}

fn mix(t: &Targets) -> Vec<Route> {
    let route = |label: &str, weight: u32, requests: Vec<Arc<[u8]>>| Route {
        label: label.to_owned(),
        weight,
        requests,
    };
    let some = |ids: &[String], n: usize| ids.iter().take(n).cloned().collect::<Vec<_>>();
    vec![
        route("GET /health", 4, vec![page(t, "/health", false)]),
        route(
            "GET /static/app.css",
            4,
            vec![page(t, "/static/app.css", false)],
        ),
        route("GET /", 8, vec![page(t, "/", true)]),
        route(
            "GET /events?page=N",
            12,
            (1..=20)
                .map(|n| page(t, &format!("/events?page={n}"), true))
                .collect(),
        ),
        route(
            "GET /events/{id}",
            15,
            some(&t.events, 500)
                .iter()
                .map(|id| page(t, &format!("/events/{id}"), true))
                .collect(),
        ),
        route("GET /people", 4, vec![page(t, "/people", true)]),
        route(
            "GET /people/{id}",
            8,
            some(&t.people, 200)
                .iter()
                .map(|id| page(t, &format!("/people/{id}"), true))
                .collect(),
        ),
        route(
            "GET /groups/{id}",
            3,
            some(&t.groups, 50)
                .iter()
                .map(|id| page(t, &format!("/groups/{id}"), true))
                .collect(),
        ),
        route(
            "GET /search?q=…",
            5,
            [
                "march",
                "detention",
                "vigil",
                "raid OR arrest",
                "\"know your rights\"",
            ]
            .iter()
            .map(|q| page(t, &format!("/search?q={}", encode(q)), true))
            .collect(),
        ),
        route("GET /analysis", 2, vec![page(t, "/analysis", true)]),
        route(
            "GET /api/v1/events",
            12,
            (0..20)
                .map(|n| api(t, &format!("/api/v1/events?limit=50&offset={}", n * 50)))
                .collect(),
        ),
        route(
            "GET /api/v1/events/{id}",
            12,
            some(&t.events, 500)
                .iter()
                .map(|id| api(t, &format!("/api/v1/events/{id}")))
                .collect(),
        ),
        route(
            "GET /api/v1/people/{id}",
            5,
            some(&t.people, 200)
                .iter()
                .map(|id| api(t, &format!("/api/v1/people/{id}")))
                .collect(),
        ),
    ]
}

fn encode(q: &str) -> String {
    q.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The mix's draws, from the shared seeded generator: the same mix every
/// run.
struct Picker(SeededRng);

impl Picker {
    fn new(seed: u64) -> Self {
        Picker(SeededRng::new(seed))
    }

    /// A route index by weight, and a request index within it.
    fn pick(&mut self, routes: &[Route], total_weight: u32) -> (usize, usize) {
        let mut w = self.0.below(u64::from(total_weight)) as u32;
        for (i, r) in routes.iter().enumerate() {
            if w < r.weight {
                let j = self.0.index(r.requests.len());
                return (i, j);
            }
            w -= r.weight;
        }
        (routes.len() - 1, 0)
    }
}

// ---------------------------------------------------------------------------
// The server process

/// `testimonio serve`, stopped when dropped.
pub(crate) struct Server {
    child: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Resident memory of the process, bytes.
    pub(crate) fn rss(&self) -> Result<u64> {
        self.status_bytes("VmRSS:")
    }

    /// The most resident memory the process has had, bytes.
    pub(crate) fn peak_rss(&self) -> Result<u64> {
        self.status_bytes("VmHWM:")
    }

    fn status_bytes(&self, field: &str) -> Result<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .context("reading the server's /proc status")?;
        let kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .with_context(|| format!("no {field} in the server's /proc status"))?;
        Ok(kib * 1024)
    }
}

fn server_binary(options: &Options) -> Result<PathBuf> {
    testimonio_binary(options.server.as_deref())
}

/// The testimonio binary: `given`, or the one beside this benchmark.
pub(crate) fn testimonio_binary(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = given {
        return Ok(path.to_owned());
    }
    let me = std::env::current_exe()?;
    let path = me
        .parent()
        .context("the benchmark's directory")?
        .join("testimonio");
    ensure!(
        path.exists(),
        "{} not found: build it (scripts/bench soak does) or give --server",
        path.display()
    );
    Ok(path)
}

pub(crate) fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}

pub(crate) fn start_server(
    binary: &Path,
    vault: &Path,
    passphrase: &Path,
    addr: SocketAddr,
    extra: &[&str],
) -> Result<Server> {
    let child = Command::new(binary)
        .args(["serve", "--addr", &addr.to_string()])
        .args(extra)
        .env("TESTIMONIO_VAULT", vault)
        .env("TESTIMONIO_PASSPHRASE_FILE", passphrase)
        .stdin(Stdio::null())
        // The access log (a line per request) would dwarf everything.
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("starting {}", binary.display()))?;
    Ok(Server { child })
}

/// Waits until `path` answers 200 (the server has opened the vault, the
/// search index is ready), at most `patience`.
pub(crate) async fn wait_for(
    addr: SocketAddr,
    request: &[u8],
    patience: Duration,
    what: &str,
) -> Result<()> {
    let started = Instant::now();
    loop {
        if let Ok(mut conn) = Conn::connect_from(addr, None).await
            && let Ok(Ok(frame)) =
                tokio::time::timeout(Duration::from_secs(30), conn.exchange(request)).await
            && frame.status == 200
        {
            return Ok(());
        }
        ensure!(
            started.elapsed() < patience,
            "{what} did not answer 200 within {} s",
            patience.as_secs()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

// ---------------------------------------------------------------------------
// The load

/// What was measured, by interval and route.
#[derive(Default)]
struct Stats {
    /// (interval, route) → latencies in microseconds.
    latencies: BTreeMap<(u64, usize), Vec<u32>>,
    /// (interval, route) → errors.
    errors: BTreeMap<(u64, usize), u64>,
    /// Non-200 statuses (0: broken connection, 1: no answer) and counts.
    statuses: BTreeMap<u16, u64>,
}

struct Run {
    addr: SocketAddr,
    routes: Arc<Vec<Route>>,
    started: Instant,
    end: Instant,
    interval: Duration,
    stats: Arc<Mutex<Stats>>,
}

fn lock(stats: &Mutex<Stats>) -> std::sync::MutexGuard<'_, Stats> {
    stats
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

async fn worker(run: Arc<Run>, index: usize) -> Result<()> {
    let from = IpAddr::V4(Ipv4Addr::new(
        127,
        0,
        1,
        1 + (index % usize::from(SOURCES)) as u8,
    ));
    let total_weight: u32 = run.routes.iter().map(|r| r.weight).sum();
    let mut picker =
        Picker::new(0x9e37_79b9_7f4a_7c15 ^ (index as u64 + 1).wrapping_mul(0x2545_f491));
    let mut conn = Conn::connect_from(run.addr, Some(from)).await?;
    loop {
        let sent = Instant::now();
        if sent >= run.end {
            return Ok(());
        }
        let (r, q) = picker.pick(&run.routes, total_weight);
        let reply =
            tokio::time::timeout(REQUEST_TIMEOUT, conn.exchange(&run.routes[r].requests[q])).await;
        let done = Instant::now();
        let status = match reply {
            Ok(Ok(frame)) => frame.status,
            Ok(Err(_)) => 0,
            Err(_) => 1,
        };
        let bucket = sent.duration_since(run.started).as_secs() / run.interval.as_secs().max(1);
        {
            let mut stats = lock(&run.stats);
            let micros = u32::try_from(done.duration_since(sent).as_micros()).unwrap_or(u32::MAX);
            stats.latencies.entry((bucket, r)).or_default().push(micros);
            if status != 200 {
                *stats.errors.entry((bucket, r)).or_default() += 1;
                *stats.statuses.entry(status).or_default() += 1;
            }
        }
        if status == 0 || status == 1 {
            // A broken or stuck connection: open another, as a browser would.
            conn = Conn::connect_from(run.addr, Some(from)).await?;
        }
    }
}

fn ms(us: u32) -> String {
    format!("{:.1}", f64::from(us) / 1000.0)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// The report of one interval: requests, errors, p99 per route, memory.
fn interval_report(run: &Run, bucket: u64, rss: u64) -> String {
    let stats = lock(&run.stats);
    let mut out = String::new();
    let mut requests = 0usize;
    let mut errors = 0u64;
    let mut lines = Vec::new();
    for (i, route) in run.routes.iter().enumerate() {
        let mut l = stats
            .latencies
            .get(&(bucket, i))
            .cloned()
            .unwrap_or_default();
        l.sort_unstable();
        let e = stats.errors.get(&(bucket, i)).copied().unwrap_or(0);
        requests += l.len();
        errors += e;
        let p99 = web::percentile(&l, 99.0).map_or_else(|| "-".to_owned(), ms);
        lines.push(format!(
            "    {:<28} {:>8} req {:>5} err   p99 {:>8} ms",
            route.label,
            l.len(),
            e,
            p99
        ));
    }
    let secs = run.interval.as_secs();
    let _ = writeln!(
        out,
        "[{:>4} s] {} requests ({:.0}/s), {} errors, server RSS {}",
        (bucket + 1) * secs,
        requests,
        requests as f64 / secs as f64,
        errors,
        mib(rss)
    );
    for l in lines {
        let _ = writeln!(out, "{l}");
    }
    out
}

pub fn run(options: &Options) -> Result<()> {
    let binary = server_binary(options)?;
    let spec = DemoSpec::scaled(options.events);
    let data = generate(&spec);
    let dir = tempfile::Builder::new()
        .prefix("testimonio-bench-soak-")
        .tempdir()?;
    eprintln!(
        "creating the vault and importing {} events…",
        options.events
    );
    let vault_dir = dir.path().join("vault");
    let (mut vault, accounts) = web::build_vault(&vault_dir, &data)?;
    let analyst = accounts
        .iter()
        .find(|a| a.role == Role::Analyst)
        .context("no analyst account")?;
    let token =
        vault.create_api_token(&Username::parse(analyst.user.username.as_str())?, "soak")?;
    let token = token.as_str().to_owned();
    drop(vault);
    let events: Vec<String> = data.events.iter().map(|e| e.id.clone()).collect();
    let (busiest, _) = web::busiest_person(&data).context("no demo person is on an event")?;
    let mut people: Vec<String> = vec![busiest];
    people.extend(data.people.iter().map(|p| p.id.clone()));
    let groups: Vec<String> = data.groups.iter().map(|g| g.id.clone()).collect();
    drop(data);
    // The demo vault's passphrase (fictional data), for the server process.
    let passphrase = dir.path().join("passphrase");
    std::fs::write(&passphrase, format!("{}\n", web::PASSPHRASE))?;

    let addr = SocketAddr::from(([127, 0, 0, 1], free_port()?));
    eprintln!("starting {} serve on {addr}…", binary.display());
    let server = start_server(&binary, &vault_dir, &passphrase, addr, &[])?;

    let client = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let probe = |path: &str| -> Arc<[u8]> {
        Arc::from(format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").into_bytes())
    };
    client.block_on(wait_for(
        addr,
        &probe("/health"),
        Duration::from_secs(120),
        "the server",
    ))?;
    let session = client.block_on(web::log_in(
        addr,
        analyst.user.username.as_str(),
        &analyst.password,
    ))?;
    let targets = Targets {
        addr,
        session,
        token,
        events,
        people,
        groups,
    };
    let routes = mix(&targets);
    // Each request once, before the clock starts (the search index may
    // still be opening: it gets two minutes).
    eprintln!("checking every request of the mix once…");
    for route in &routes {
        for request in &route.requests {
            client.block_on(wait_for(
                addr,
                request,
                Duration::from_secs(120),
                &route.label,
            ))?;
        }
    }
    let idle_rss = server.rss()?;

    let seconds = options.seconds;
    eprintln!(
        "{} connections for {seconds} s, a report every {} s…",
        options.connections, options.interval
    );
    println!(
        "soak: {} connections, {seconds} s, {} demo events, server `{} serve` (pid {}), RSS at rest {}",
        options.connections,
        options.events,
        binary.display(),
        server.child.id(),
        mib(idle_rss)
    );
    let started = Instant::now();
    let run = Arc::new(Run {
        addr,
        routes: Arc::new(routes),
        started,
        end: started + Duration::from_secs(seconds),
        interval: Duration::from_secs(options.interval),
        stats: Arc::new(Mutex::new(Stats::default())),
    });
    let warmup = Duration::from_secs(options.warmup);
    let samples = client.block_on(async {
        let mut workers = Vec::with_capacity(options.connections);
        for i in 0..options.connections {
            workers.push(tokio::spawn(worker(run.clone(), i)));
        }
        // (seconds since start, RSS) every SAMPLE_EVERY, and the reports.
        let mut samples: Vec<(Duration, u64)> = Vec::new();
        let mut next_report: u32 = 1;
        let mut tick = tokio::time::interval_at(
            tokio::time::Instant::from_std(started + SAMPLE_EVERY),
            SAMPLE_EVERY,
        );
        loop {
            tick.tick().await;
            let at = started.elapsed();
            let rss = server.rss()?;
            samples.push((at, rss));
            while at >= run.interval * next_report {
                print!("{}", interval_report(&run, u64::from(next_report) - 1, rss));
                next_report += 1;
            }
            if Instant::now() >= run.end {
                break;
            }
        }
        for w in workers {
            w.await??;
        }
        Ok::<_, anyhow::Error>(samples)
    })?;
    drop(server);
    print!(
        "{}",
        summary(&run, &samples, warmup, idle_rss, started.elapsed())
    );
    Ok(())
}

fn summary(
    run: &Run,
    samples: &[(Duration, u64)],
    warmup: Duration,
    idle_rss: u64,
    elapsed: Duration,
) -> String {
    let stats = lock(&run.stats);
    let mut out = String::new();
    let _ = writeln!(out, "\nwhole run ({:.0} s):", elapsed.as_secs_f64());
    let _ = writeln!(
        out,
        "    {:<28} {:>9} {:>7} {:>9} {:>9} {:>9}",
        "route", "requests", "errors", "p50 ms", "p99 ms", "max ms"
    );
    let mut total = 0usize;
    let mut errors = 0u64;
    for (i, route) in run.routes.iter().enumerate() {
        let mut l: Vec<u32> = stats
            .latencies
            .iter()
            .filter(|((_, r), _)| *r == i)
            .flat_map(|(_, v)| v.iter().copied())
            .collect();
        l.sort_unstable();
        let e: u64 = stats
            .errors
            .iter()
            .filter(|((_, r), _)| *r == i)
            .map(|(_, n)| n)
            .sum();
        total += l.len();
        errors += e;
        let p = |q: f64| web::percentile(&l, q).map_or_else(|| "-".to_owned(), ms);
        let _ = writeln!(
            out,
            "    {:<28} {:>9} {:>7} {:>9} {:>9} {:>9}",
            route.label,
            l.len(),
            e,
            p(50.0),
            p(99.0),
            l.last().map_or_else(|| "-".to_owned(), |&m| ms(m))
        );
    }
    let _ = writeln!(
        out,
        "    {:<28} {:>9} {:>7}   ({:.0} requests/s)",
        "all",
        total,
        errors,
        total as f64 / elapsed.as_secs_f64()
    );
    if !stats.statuses.is_empty() {
        let seen: Vec<String> = stats
            .statuses
            .iter()
            .map(|(s, n)| match s {
                0 => format!("broken connection ×{n}"),
                1 => format!("no answer in {} s ×{n}", REQUEST_TIMEOUT.as_secs()),
                s => format!("{s} ×{n}"),
            })
            .collect();
        let _ = writeln!(out, "    errors: {}", seen.join(", "));
    }
    let _ = writeln!(
        out,
        "errors: {errors} (target 0): {}",
        if errors == 0 { "met" } else { "NOT met" }
    );
    let _ = writeln!(out, "{}", memory_verdict(samples, warmup, idle_rss));
    out
}

/// Whether memory stayed within [`FLAT_WITHIN`] of its level at the end of
/// the warm-up.
fn memory_verdict(samples: &[(Duration, u64)], warmup: Duration, idle_rss: u64) -> String {
    // The first sample at the end of the warm-up (samples are taken on a
    // tick, a hair after each multiple of SAMPLE_EVERY).
    let Some(&(base_at, base)) = samples
        .iter()
        .find(|(at, _)| *at + SAMPLE_EVERY / 2 >= warmup)
    else {
        return "memory: no sample after the warm-up (run longer than --warmup)".to_owned();
    };
    let after: Vec<u64> = samples
        .iter()
        .filter(|(at, _)| *at > base_at)
        .map(|&(_, rss)| rss)
        .collect();
    let (Some(&min), Some(&max), Some(&last)) =
        (after.iter().min(), after.iter().max(), after.last())
    else {
        return format!(
            "memory: {} at {:.0} s, no sample after it (run longer than --warmup)",
            mib(base),
            base_at.as_secs_f64()
        );
    };
    let drift = |v: u64| (v as f64 - base as f64) / base as f64;
    let flat = drift(max) <= FLAT_WITHIN && drift(min) >= -FLAT_WITHIN;
    format!(
        "memory: at rest {}, {} after the warm-up ({:.0} s); since then {} – {} ({:+.1} % … {:+.1} %), last {} ({:+.1} %): {} (target: within {:.0} %)",
        mib(idle_rss),
        mib(base),
        base_at.as_secs_f64(),
        mib(min),
        mib(max),
        drift(min) * 100.0,
        drift(max) * 100.0,
        mib(last),
        drift(last) * 100.0,
        if flat { "flat" } else { "NOT flat" },
        FLAT_WITHIN * 100.0
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn parse_options(args: &[String]) -> Result<Option<Options>> {
        crate::cli::parse_args::<Options>("soak", args)?
            .map(Options::checked)
            .transpose()
    }

    #[test]
    fn options_parse() {
        assert_eq!(parse_options(&[]).unwrap(), Some(Options::default()));
        let o = parse_options(&args(&[
            "--seconds",
            "120",
            "--connections=50",
            "--warmup",
            "30",
        ]))
        .unwrap()
        .unwrap();
        assert_eq!((o.seconds, o.connections, o.warmup), (120, 50, 30));
        assert_eq!(parse_options(&args(&["--help"])).unwrap(), None);
        assert!(
            parse_options(&args(&["--seconds", "30"])).is_err(),
            "warm-up longer than the run"
        );
        assert!(parse_options(&args(&["--bogus"])).is_err());
    }

    #[test]
    fn the_picker_follows_the_weights() {
        let routes: Vec<Route> = [(1, 1), (3, 2)]
            .iter()
            .map(|&(weight, n)| Route {
                label: String::new(),
                weight,
                requests: (0..n).map(|_| Arc::from(&b""[..])).collect(),
            })
            .collect();
        let mut picker = Picker::new(42);
        let mut counts = [0usize; 2];
        for _ in 0..40_000 {
            let (r, q) = picker.pick(&routes, 4);
            assert!(q < routes[r].requests.len());
            counts[r] += 1;
        }
        let share = counts[1] as f64 / 40_000.0;
        assert!((0.72..0.78).contains(&share), "{share}");
    }

    #[test]
    fn memory_is_flat_within_ten_percent_of_its_level_after_the_warm_up() {
        let s = |secs: u64, mib: u64| (Duration::from_secs(secs), mib << 20);
        let s_ms = |ms: u64, mib: u64| (Duration::from_millis(ms), mib << 20);
        let flat = [s(10, 50), s_ms(60_004, 100), s(70, 105), s(120, 109)];
        assert!(memory_verdict(&flat, Duration::from_secs(60), 40 << 20).contains(": flat"));
        let growing = [s(60, 100), s(120, 115)];
        assert!(memory_verdict(&growing, Duration::from_secs(60), 40 << 20).contains("NOT flat"));
        assert!(memory_verdict(&[s(60, 100)], Duration::from_secs(60), 1).contains("no sample"));
    }
}
