//! The upload benchmark: files sent to `testimonio serve` (its own process)
//! through `POST /api/v1/documents` on loopback, beside `cp` of the same
//! files into the vault's folder and the command line's `testimonio
//! ingest` of the same files into a vault of its own, same run; and the
//! server's peak resident memory while it receives them.
//!
//! `testimonio-bench upload [--video-mb 100] [--photos 50] [--batch 10]
//! [--server PATH]`: one video of `--video-mb` MB (an MP4 header, then
//! random bytes: stored and listed, never read back), and `--photos` phone
//! photos of 3 to 5 MB (a JPEG header, then random bytes: each goes through
//! the whole ingest, whose OCR gives up on it at once — OCR itself is
//! measured by `testimonio-bench ingest`), sent `--batch` per request.
//!
//! Printed: MB/s of each path and its ratio to `cp` and to the command
//! line's ingest (target: the upload at least 0.5× the command line), and
//! the server's resident memory before, its peak during the video, and its
//! peak during the photos (target: the peak does not grow with the file's
//! size, so the 100 MB video costs far less than 100 MB).

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, ensure};
use testimonio_demo::{DemoSpec, generate};
use testimonio_domain::Role;
use testimonio_domain::seeded::SeededRng;
use testimonio_vault::Username;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::soak::{free_port, start_server, testimonio_binary, wait_for};
use super::web;

/// Uploads through the web vs `cp` and the command line's ingest.
#[derive(Debug, Clone, PartialEq, Eq, clap::Parser)]
#[command(name = "testimonio-bench upload")]
pub struct Options {
    /// Size of the video, in MB.
    #[arg(long, default_value_t = 100)]
    pub video_mb: u64,
    /// Phone photos of 3 to 5 MB.
    #[arg(long, default_value_t = 50)]
    pub photos: usize,
    /// Photos per upload request.
    #[arg(long, default_value_t = 10)]
    pub batch: usize,
    /// The testimonio binary (default: the one beside this benchmark).
    #[arg(long)]
    pub server: Option<PathBuf>,
}

const MB: f64 = 1_000_000.0;

/// A file of `size` bytes starting with `header`, the rest random.
fn write_file(path: &Path, header: &[u8], size: usize, rng: &mut SeededRng) -> Result<()> {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    file.write_all(header)?;
    let mut left = size.saturating_sub(header.len());
    let mut chunk = vec![0u8; 1 << 16];
    while left > 0 {
        for b in chunk.iter_mut() {
            *b = rng.next_u64() as u8;
        }
        let n = left.min(chunk.len());
        file.write_all(&chunk[..n])?;
        left -= n;
    }
    file.flush()?;
    Ok(())
}

fn mp4_header() -> Vec<u8> {
    let mut h = b"\0\0\0\x18ftypmp42\0\0\0\0isommp42".to_vec();
    h.extend_from_slice(b"\0\0\0\x08free");
    h
}

fn jpeg_header() -> Vec<u8> {
    b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0".to_vec()
}

fn total_bytes(paths: &[PathBuf]) -> Result<u64> {
    paths.iter().map(|p| Ok(std::fs::metadata(p)?.len())).sum()
}

/// Sends `paths` in one `multipart/form-data` request, streamed from disk,
/// and waits for the answer's status.
async fn upload(addr: SocketAddr, token: &str, paths: &[PathBuf]) -> Result<u16> {
    const BOUNDARY: &str = "testimonio-bench-boundary-7c1f";
    let mut parts = Vec::new();
    let mut length = 0u64;
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
        let head = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        );
        let size = std::fs::metadata(path)?.len();
        length += head.len() as u64 + size + 2;
        parts.push((head, path.clone()));
    }
    let tail = format!("--{BOUNDARY}--\r\n");
    length += tail.len() as u64;
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    let request = format!(
        "POST /api/v1/documents HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await?;
    let mut buf = vec![0u8; 1 << 16];
    for (head, path) in parts {
        stream.write_all(head.as_bytes()).await?;
        // A blocking read of a local file between socket writes: the
        // client has nothing else to do meanwhile.
        let mut file = std::fs::File::open(&path)?;
        loop {
            let n = std::io::Read::read(&mut file, &mut buf)?;
            if n == 0 {
                break;
            }
            stream.write_all(&buf[..n]).await?;
        }
        stream.write_all(b"\r\n").await?;
    }
    stream.write_all(tail.as_bytes()).await?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await?;
    let text = String::from_utf8_lossy(&answer);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .context("no status in the answer")?;
    ensure!(
        status == 200,
        "the upload answered {status}: {}",
        text.chars().take(400).collect::<String>()
    );
    ensure!(
        !text.contains("\"not_received\""),
        "a file was not received: {}",
        text.chars().take(400).collect::<String>()
    );
    Ok(status)
}

/// `cp` of `paths` into `dir`: seconds.
fn copy(paths: &[PathBuf], dir: &Path) -> Result<f64> {
    std::fs::create_dir_all(dir)?;
    let started = Instant::now();
    let status = Command::new("cp").args(paths).arg(dir).status()?;
    ensure!(status.success(), "cp failed");
    // What the vault does for each blob: the data on disk.
    let sync = Command::new("sync").status()?;
    ensure!(sync.success(), "sync failed");
    Ok(started.elapsed().as_secs_f64())
}

/// `testimonio ingest` of `paths` into the vault at `vault`: seconds.
fn cli_ingest(binary: &Path, vault: &Path, passphrase: &Path, paths: &[PathBuf]) -> Result<f64> {
    let started = Instant::now();
    let status = Command::new(binary)
        .arg("ingest")
        .args(paths)
        .env("TESTIMONIO_VAULT", vault)
        .env("TESTIMONIO_PASSPHRASE_FILE", passphrase)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    // 4: some files kept no text (the random photos), as expected.
    ensure!(
        matches!(status.code(), Some(0 | 4)),
        "testimonio ingest failed: {status}"
    );
    Ok(started.elapsed().as_secs_f64())
}

fn rate(bytes: u64, seconds: f64) -> f64 {
    bytes as f64 / MB / seconds.max(1e-9)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Runs the benchmark and prints its figures.
///
/// # Errors
/// A file, a vault, the server or a peer could not be made or run.
pub fn run(options: &Options) -> Result<()> {
    ensure!(options.batch > 0, "--batch must be at least 1");
    let binary = testimonio_binary(options.server.as_deref())?;
    let dir = tempfile::Builder::new()
        .prefix("testimonio-bench-upload-")
        .tempdir()?;
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files)?;
    let mut rng = SeededRng::new(0x5eed_0a0d);
    eprintln!(
        "writing a {} MB video and {} photos…",
        options.video_mb, options.photos
    );
    let video = files.join("VID_20261130_094107.mp4");
    write_file(
        &video,
        &mp4_header(),
        (options.video_mb * 1_000_000) as usize,
        &mut rng,
    )?;
    let mut photos = Vec::new();
    for i in 0..options.photos {
        let path = files.join(format!("IMG_20261130_{i:06}.jpg"));
        let size = rng.between(3_000_000, 5_000_000) as usize;
        write_file(&path, &jpeg_header(), size, &mut rng)?;
        photos.push(path);
    }
    let video_bytes = total_bytes(std::slice::from_ref(&video))?;
    let photo_bytes = total_bytes(&photos)?;

    // Two vaults with the same small demo data: one served, one for the
    // command line (the same bytes in one vault would be "already there").
    let data = generate(&DemoSpec::scaled(200));
    let served = dir.path().join("served");
    let (mut vault, _) = web::build_vault(&served, &data)?;
    let writer = Username::parse(&format!("bench-{}", Role::Coordinator.code()))?;
    let token = vault
        .create_api_token(&writer, "upload")?
        .as_str()
        .to_owned();
    drop(vault);
    let by_cli = dir.path().join("cli");
    drop(web::build_vault(&by_cli, &data)?);
    let passphrase = dir.path().join("passphrase");
    std::fs::write(&passphrase, format!("{}\n", web::PASSPHRASE))?;

    let addr = SocketAddr::from(([127, 0, 0, 1], free_port()?));
    let request_mb = (options.video_mb.max(5 * options.batch as u64) + 10).to_string();
    let file_mb = (options.video_mb + 10).to_string();
    let server = start_server(
        &binary,
        &served,
        &passphrase,
        addr,
        &["--max-upload-mb", &file_mb, "--max-request-mb", &request_mb],
    )?;
    let client = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let health = format!("GET /health HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    client.block_on(wait_for(
        addr,
        health.as_bytes(),
        Duration::from_secs(120),
        "the server",
    ))?;
    let idle_rss = server.rss()?;

    eprintln!("cp…");
    let cp_video = copy(std::slice::from_ref(&video), &served.join("bench-cp-video"))?;
    let cp_photos = copy(&photos, &served.join("bench-cp-photos"))?;

    eprintln!("uploading the video…");
    let started = Instant::now();
    client.block_on(upload(addr, &token, std::slice::from_ref(&video)))?;
    let web_video = started.elapsed().as_secs_f64();
    let peak_video = server.peak_rss()?;

    eprintln!("uploading the photos, {} per request…", options.batch);
    let started = Instant::now();
    for batch in photos.chunks(options.batch) {
        client.block_on(upload(addr, &token, batch))?;
    }
    let web_photos = started.elapsed().as_secs_f64();
    let peak_photos = server.peak_rss()?;
    drop(server);

    eprintln!("the command line's ingest…");
    let cli_video = cli_ingest(&binary, &by_cli, &passphrase, std::slice::from_ref(&video))?;
    let cli_photos = cli_ingest(&binary, &by_cli, &passphrase, &photos)?;

    println!("upload benchmark: `testimonio serve` on loopback, POST /api/v1/documents");
    println!(
        "{:<34} {:>10} {:>10} {:>10} {:>12} {:>12}",
        "files", "cp MB/s", "CLI MB/s", "web MB/s", "web / cp", "web / CLI"
    );
    for (label, bytes, cp, cli, web) in [
        (
            format!("1 video, {:.0} MB", video_bytes as f64 / MB),
            video_bytes,
            cp_video,
            cli_video,
            web_video,
        ),
        (
            format!("{} photos, {:.0} MB", photos.len(), photo_bytes as f64 / MB),
            photo_bytes,
            cp_photos,
            cli_photos,
            web_photos,
        ),
    ] {
        let (cp, cli, web) = (rate(bytes, cp), rate(bytes, cli), rate(bytes, web));
        println!(
            "{label:<34} {cp:>10.1} {cli:>10.1} {web:>10.1} {:>11.2}x {:>11.2}x",
            web / cp,
            web / cli
        );
    }
    println!(
        "server resident memory: {} before, peak {} during the video (+{}), peak {} after the photos (+{})",
        mib(idle_rss),
        mib(peak_video),
        mib(peak_video.saturating_sub(idle_rss)),
        mib(peak_photos),
        mib(peak_photos.saturating_sub(idle_rss)),
    );
    println!(
        "targets: web at least 0.5x the CLI ingest; the video's memory well under its {:.0} MB",
        video_bytes as f64 / MB
    );
    Ok(())
}
