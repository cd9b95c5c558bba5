//! Command-line definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "testimonio",
    version,
    about = "Encrypted documentation and evidence for immigrant-rights groups / Documentación y evidencia cifradas para organizaciones de derechos de inmigrantes"
)]
pub struct Cli {
    /// The vault directory.
    #[arg(long, global = true, env = "TESTIMONIO_VAULT")]
    pub vault: Option<PathBuf>,
    /// Read the passphrase from this file instead of asking.
    #[arg(long, global = true, env = "TESTIMONIO_PASSPHRASE_FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// Language of messages: en or es (default: from LANG).
    #[arg(long, global = true)]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new vault.
    Init(InitArgs),
    /// Change the passphrase (nothing is re-encrypted).
    Passwd(PasswdArgs),
    /// Import JSON Lines or a CSV directory (idempotent by id).
    Import(ImportArgs),
    /// Export everything, identities included (audited).
    Export(ExportArgs),
    /// Events.
    Events {
        #[command(subcommand)]
        command: EventsCommand,
    },
    /// People (pseudonyms only).
    People {
        #[command(subcommand)]
        command: PeopleCommand,
    },
    /// One person.
    Person {
        #[command(subcommand)]
        command: PersonCommand,
    },
    /// Ingest evidence: originals with the text of every page (PDF text
    /// layer or OCR, images, email, HTML, text). Exit status 4 when some
    /// file was not read completely.
    Ingest(IngestArgs),
    /// Search every document page and event narrative (see `testimonio
    /// search --help` for the query language).
    Search(SearchArgs),
    /// Rebuild the search index from the vault.
    Reindex(JsonFlag),
    /// One person's case packet (internal): timeline, sources, excerpts by
    /// exhibit and page, a manifest of SHA-256 hashes. Reads the identity
    /// (audited).
    Packet(PacketArgs),
    /// Saved queries re-run after every ingest; their new hits wait for review.
    Watchlist {
        #[command(subcommand)]
        command: WatchlistCommand,
    },
    /// Exact passages of document pages, tagged and linked to events and people.
    Excerpt {
        #[command(subcommand)]
        command: ExcerptCommand,
    },
    /// Original files.
    Document {
        #[command(subcommand)]
        command: DocumentCommand,
    },
    /// Stored documents.
    Documents {
        #[command(subcommand)]
        command: DocumentsCommand,
    },
    /// Check the database, every blob's hash and the audit chain.
    Check(JsonFlag),
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Write an encrypted backup file.
    Backup(BackupArgs),
    /// Restore a backup into a new vault (verified).
    Restore(RestoreArgs),
    /// The event-type vocabulary.
    Vocabulary(VocabularyArgs),
    /// Keys.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
    /// Accounts for the web app.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// FOIA requests and their statutory deadlines.
    Foia {
        #[command(subcommand)]
        command: FoiaCommand,
    },
    /// Unlock the vault and serve the web app.
    Serve(ServeArgs),
    /// Create a vault filled with fictional demo data and serve it.
    Demo(DemoArgs),
    /// Pattern analysis: timing of enforcement after protected activity, a
    /// test against chance, spread over offices and states.
    Analyze(AnalyzeArgs),
    /// Write a pattern report (HTML or PDF) for one audience, with small
    /// counts suppressed and only what consent allows (audited). Its
    /// language is --lang.
    Report(ReportArgs),
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account.
    Add {
        username: String,
        /// admin, coordinator, documenter, analyst or viewer.
        #[arg(long)]
        role: String,
        /// Read the password from this file instead of asking.
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    /// Set an account's password: ends its web sessions, revokes its API
    /// tokens, lifts its login and second-factor delays.
    Passwd {
        username: String,
        /// Read the password from this file instead of asking.
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    /// Disable an account: its web sessions end at once, its API tokens
    /// stop working.
    Disable { username: String },
    /// Enable a disabled account.
    Enable { username: String },
    /// List accounts.
    List(JsonFlag),
    /// Issue an API token for an account (shown once); with --list, list
    /// its tokens; with --revoke ID, revoke one.
    Token {
        username: String,
        /// What the token is for.
        #[arg(long, default_value = "api", conflicts_with_all = ["list", "revoke"])]
        label: String,
        /// Days until the new token expires (1 to 3650).
        #[arg(long, value_name = "DAYS", default_value_t = 90, conflicts_with_all = ["list", "revoke"])]
        expires_in: u32,
        /// List the account's tokens: id, issued, expires, last used,
        /// status (never the tokens themselves).
        #[arg(long, conflicts_with = "revoke")]
        list: bool,
        /// Revoke the token with this id (see --list): it stops working at once.
        #[arg(long, value_name = "ID")]
        revoke: Option<i64>,
        /// With --list: print JSON.
        #[arg(long, requires = "list")]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum FoiaCommand {
    /// Record a request.
    Add(FoiaAddArgs),
    /// List requests with their next deadline.
    List(FoiaListArgs),
    /// One request with every computed date and how it was computed.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Change a request: status, dates, tolling, extension, determination, appeal.
    Update(FoiaUpdateArgs),
    /// Link a production (a stored document, with its Bates range) or an event to a request.
    Link {
        id: String,
        /// A stored document's id (`testimonio documents list`).
        #[arg(long)]
        document: Option<String>,
        /// The production's Bates range: FIRST..LAST.
        #[arg(long)]
        bates: Option<String>,
        /// The day the production arrived (YYYY-MM-DD).
        #[arg(long)]
        received: Option<String>,
        /// An event's id.
        #[arg(long)]
        event: Option<String>,
    },
    /// Every deadline as an iCalendar (RFC 5545) file.
    Calendar {
        #[arg(long)]
        out: PathBuf,
    },
    /// A request or appeal letter, as editable text.
    Letter {
        id: String,
        /// request or appeal.
        #[arg(long, default_value = "request")]
        kind: String,
        /// Name to sign the letter with.
        #[arg(long)]
        signatory: Option<String>,
        /// Output file; `.pdf` writes a PDF, anything else plain text.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct FoiaAddArgs {
    /// ice, cbp, uscis, dhs, eoir, doj, fbi, dos, …
    #[arg(long)]
    pub agency: String,
    #[arg(long)]
    pub subject: String,
    /// The day the proper component received the request (YYYY-MM-DD).
    #[arg(long)]
    pub received: Option<String>,
    /// The day it was sent.
    #[arg(long)]
    pub sent: Option<String>,
    /// The agency's tracking number.
    #[arg(long)]
    pub tracking: Option<String>,
    /// The component (e.g. ICE FOIA Office).
    #[arg(long)]
    pub component: Option<String>,
    /// Expedited processing was requested.
    #[arg(long)]
    pub expedited: bool,
    /// An id for the request (default: generated).
    #[arg(long)]
    pub id: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct FoiaListArgs {
    /// Only requests with an overdue deadline.
    #[arg(long)]
    pub overdue: bool,
    /// Only requests with a deadline within this many days.
    #[arg(long)]
    pub due_within: Option<u32>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct FoiaUpdateArgs {
    pub id: String,
    /// drafted, submitted, acknowledged, clarification_requested, fee_dispute, processing, …
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub tracking: Option<String>,
    #[arg(long)]
    pub sent: Option<String>,
    #[arg(long)]
    pub received: Option<String>,
    #[arg(long)]
    pub perfected: Option<String>,
    /// A tolling period: KIND:FROM[..TO], KIND clarification or fee_dispute.
    #[arg(long)]
    pub toll: Vec<String>,
    /// The day the agency notified an unusual-circumstances extension.
    #[arg(long)]
    pub extension_notified: Option<String>,
    /// The agency's determination: OUTCOME:DATE (e.g. partial_release:2025-03-01).
    #[arg(long)]
    pub determination: Option<String>,
    /// The day an administrative appeal was filed.
    #[arg(long)]
    pub appeal_filed: Option<String>,
    #[arg(long)]
    pub appeal_received: Option<String>,
    #[arg(long)]
    pub appeal_decided: Option<String>,
    /// A communication: DATE:in|out:SUMMARY.
    #[arg(long)]
    pub note: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Mark cookies Secure (when a TLS proxy is in front).
    #[arg(long)]
    pub secure_cookies: bool,
    /// A reverse proxy in front of the server (an IP address or a CIDR
    /// network; repeatable): from it, the client is the last address in
    /// X-Forwarded-For that is not itself a trusted proxy, and per-address
    /// limits count that client. From any other peer the header is ignored.
    #[arg(long = "trusted-proxy", value_name = "ADDR")]
    pub trusted_proxies: Vec<String>,
}

#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Argon2id memory in MiB (default 64; lower only for tests).
    #[arg(long, default_value_t = 64)]
    pub kdf_memory_mib: u32,
    /// Argon2id passes.
    #[arg(long, default_value_t = 3)]
    pub kdf_passes: u32,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PasswdArgs {
    /// Read the new passphrase from this file instead of asking.
    #[arg(long)]
    pub new_passphrase_file: Option<PathBuf>,
    /// Unlock with the recovery key (asked for) instead of the passphrase.
    #[arg(long)]
    pub recovery: bool,
    /// Unlock with the recovery key read from this file.
    #[arg(long)]
    pub recovery_key_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A .jsonl file, `-` for standard input, or a directory with groups.csv, people.csv, events.csv.
    pub file: PathBuf,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// Output file (jsonl; default standard output) or directory (csv; required).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// List events, oldest first.
    List(EventsListArgs),
}

#[derive(Debug, Args)]
pub struct EventsListArgs {
    /// protected_activity or enforcement_action.
    #[arg(long)]
    pub kind: Option<String>,
    /// A vocabulary code (see `testimonio vocabulary`).
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// USPS state code.
    #[arg(long)]
    pub state: Option<String>,
    /// ICE ERO field office code.
    #[arg(long)]
    pub field_office: Option<String>,
    #[arg(long)]
    pub group: Option<String>,
    #[arg(long)]
    pub person: Option<String>,
    /// From this day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Up to this day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// reported, corroborated or documented.
    #[arg(long)]
    pub verification: Option<String>,
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PeopleCommand {
    /// List people by pseudonym (no identity fields).
    List(PeopleListArgs),
}

#[derive(Debug, Args)]
pub struct PeopleListArgs {
    #[arg(long)]
    pub group: Option<String>,
    /// Only people whose consent today is at least this level.
    #[arg(long)]
    pub consent: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Show one person with identity fields (audited).
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DocumentCommand {
    /// Store an original file (byte-exact, hashed, deduplicated).
    Add {
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Write an original back out, verifying its hash (audited).
    Get {
        id: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Metadata, pages, status and chain of custody.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// The text of one page (audited).
    Text {
        id: String,
        /// Page number, from 1.
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DocumentsCommand {
    /// List stored documents.
    List(DocumentsListArgs),
}

#[derive(Debug, Args)]
pub struct DocumentsListArgs {
    /// foia_production, court_record, email, photo, interview, news or other.
    #[arg(long)]
    pub source_kind: Option<String>,
    /// stored, ok, partial or failed.
    #[arg(long)]
    pub status: Option<String>,
    /// Only documents produced under this FOIA request.
    #[arg(long)]
    pub foia: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PacketArgs {
    /// The person's id.
    pub person: String,
    /// The file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// pdf or html.
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: ReportFormat,
    /// Also write the cited originals here, as "Exhibit NN - name" (byte-exact, audited).
    #[arg(long)]
    pub exhibits_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum WatchlistCommand {
    /// Save a query (it runs at once, then after every ingest).
    Add {
        /// A short name.
        name: String,
        /// The query (same language as `testimonio search`).
        #[arg(long)]
        query: String,
        /// Why this is watched.
        #[arg(long)]
        purpose: String,
        #[arg(long)]
        json: bool,
    },
    /// The watchlists with their pending hits.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Run every active watchlist now.
    Run {
        #[arg(long)]
        json: bool,
    },
    /// Hits waiting for review (newest first).
    Hits {
        /// Only this watchlist's.
        #[arg(long)]
        watchlist: Option<String>,
        /// Reviewed hits too.
        #[arg(long)]
        all: bool,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Accept a hit: the sentence around its match becomes an excerpt.
    Accept {
        hit: i64,
        #[command(flatten)]
        links: LinkArgs,
        #[arg(long)]
        json: bool,
    },
    /// Dismiss a hit.
    Dismiss { hit: i64 },
}

#[derive(Debug, Args)]
pub struct LinkArgs {
    /// A tag (animus, surveillance, protest_monitoring, targeting_leader, …); repeatable.
    #[arg(long)]
    pub tag: Vec<String>,
    /// An event the passage is evidence for; repeatable.
    #[arg(long)]
    pub event: Vec<String>,
    /// A person the passage is about; repeatable.
    #[arg(long)]
    pub person: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ExcerptCommand {
    /// Record a passage: document, page and character range.
    Add(ExcerptAddArgs),
    /// Excerpts, by event, person, document or tag.
    List {
        #[arg(long)]
        event: Option<String>,
        #[arg(long)]
        person: Option<String>,
        #[arg(long)]
        document: Option<String>,
        #[arg(long)]
        tag: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ExcerptAddArgs {
    /// The document's id.
    pub document: String,
    /// Page number, from 1.
    #[arg(long)]
    pub page: u32,
    /// First character of the passage in the page text (from 0).
    #[arg(long)]
    pub from: usize,
    /// Character after the passage's last.
    #[arg(long)]
    pub to: usize,
    /// A note.
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub links: LinkArgs,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words, "phrases", "phrase"~5, a NEAR/5 b, prefix*, name~1 or name~2,
    /// AND / OR / NOT / -word, parentheses, exact:"José Peña", and filters
    /// kind: source: foia: doc: date:2017..2019 person: group: lang:
    pub query: String,
    /// Results per page.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Results to skip (for the next pages).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files and folders (read recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// foia_production, court_record, email, photo, interview, news or other.
    #[arg(long)]
    pub source_kind: Option<String>,
    /// The FOIA request these documents answer (`testimonio foia list`).
    #[arg(long)]
    pub foia: Option<String>,
    /// Who held the files before they reached the vault.
    #[arg(long)]
    pub custodian: Option<String>,
    /// The day the files were obtained (YYYY-MM-DD).
    #[arg(long)]
    pub obtained_on: Option<String>,
    /// The Bates prefix stamped on the pages (e.g. "ICE 2024-ICLI").
    #[arg(long)]
    pub bates_prefix: Option<String>,
    /// OCR languages, Tesseract codes joined by + (--lang sets the language of messages).
    #[arg(long, default_value = "eng+spa")]
    pub ocr_lang: String,
    /// Files read and OCR processes run at once (default: one per core).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Seconds one file may take, OCR and attachments included.
    #[arg(long, default_value_t = 1800)]
    pub file_timeout: u64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Show the newest entries and verify the chain.
    Log {
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// The fingerprint of a search query, as `search` entries of the audit
    /// log record it (the log never holds the query itself).
    Fingerprint {
        /// The query, as it was searched.
        query: String,
    },
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    pub out: PathBuf,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    pub backup: PathBuf,
    /// Unlock with the recovery key (asked for) instead of the passphrase.
    #[arg(long)]
    pub recovery: bool,
    /// Unlock with the recovery key read from this file.
    #[arg(long)]
    pub recovery_key_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VocabularyArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Print the age identity that decrypts the blob store with the stock `age` tool (audited).
    AgeIdentity,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Scale the demo to this many events (default 400).
    #[arg(long, default_value_t = 400)]
    pub events: usize,
    /// Address to serve the web app on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Create the vault and print what it holds, without serving it.
    #[arg(long)]
    pub no_serve: bool,
    /// Also ingest these real documents (files or folders), so that the
    /// documents, search and watchlist pages have something to show.
    #[arg(long, num_args = 1..)]
    pub documents: Vec<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

/// Who an analysis or a report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AudienceChoice {
    Internal,
    Coalition,
    Public,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// internal, coalition or public: only people whose consent allows it
    /// are counted; for coalition and public, small counts are suppressed.
    #[arg(long, value_enum, default_value = "internal")]
    pub audience: AudienceChoice,
    /// Counts of fewer people than this are suppressed (coalition, public).
    #[arg(long, default_value_t = 5)]
    pub min_count: u64,
    /// Permutations of the test against chance.
    #[arg(long, default_value_t = 10_000)]
    pub permutations: u32,
    /// Seed of the test against chance (the same seed, the same p-value).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Pdf,
    Html,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// internal, coalition or public.
    #[arg(long, value_enum)]
    pub audience: AudienceChoice,
    /// pdf or html.
    #[arg(long, value_enum)]
    pub format: ReportFormat,
    /// The file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Counts of fewer people than this are suppressed (coalition, public).
    #[arg(long, default_value_t = 5)]
    pub min_count: u64,
    /// Permutations of the test against chance.
    #[arg(long, default_value_t = 10_000)]
    pub permutations: u32,
    /// Seed of the test against chance.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// At most this many case vignettes.
    #[arg(long, default_value_t = 40)]
    pub max_cases: usize,
}
