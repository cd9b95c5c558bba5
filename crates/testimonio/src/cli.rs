//! Command-line definitions. Their help texts are in the catalog
//! (`cli.ftl`), put on the tree by `help.rs` in the user's language.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "testimonio", version)]
pub struct Cli {
    #[arg(long, global = true, env = "TESTIMONIO_VAULT")]
    pub vault: Option<PathBuf>,
    #[arg(long, global = true, env = "TESTIMONIO_PASSPHRASE_FILE")]
    pub passphrase_file: Option<PathBuf>,
    #[arg(long, global = true)]
    pub lang: Option<String>,
    #[arg(long = "as", id = "operator", global = true, env = "TESTIMONIO_AS")]
    pub operator: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(InitArgs),
    Passwd(PasswdArgs),
    Import(ImportArgs),
    Export(ExportArgs),
    Events {
        #[command(subcommand)]
        command: EventsCommand,
    },
    People {
        #[command(subcommand)]
        command: PeopleCommand,
    },
    Person {
        #[command(subcommand)]
        command: PersonCommand,
    },
    Testimony {
        #[command(subcommand)]
        command: TestimonyCommand,
    },
    Ingest(IngestArgs),
    Search(SearchArgs),
    Reindex(JsonFlag),
    Packet(PacketArgs),
    Watchlist {
        #[command(subcommand)]
        command: WatchlistCommand,
    },
    Excerpt {
        #[command(subcommand)]
        command: ExcerptCommand,
    },
    Document {
        #[command(subcommand)]
        command: DocumentCommand,
    },
    Documents {
        #[command(subcommand)]
        command: DocumentsCommand,
    },
    Check(JsonFlag),
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    Backup(BackupArgs),
    Restore(RestoreArgs),
    Vocabulary(VocabularyArgs),
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    Foia {
        #[command(subcommand)]
        command: FoiaCommand,
    },
    Case {
        #[command(subcommand)]
        command: CaseCommand,
    },
    Coalition {
        #[command(subcommand)]
        command: crate::cli_coalition::CoalitionCommand,
    },
    Custodian {
        #[command(subcommand)]
        command: crate::cli_coalition::CustodianCommand,
    },
    Serve(ServeArgs),
    Demo(DemoArgs),
    Analyze(AnalyzeArgs),
    Report(ReportArgs),
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    Add {
        username: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    Passwd {
        username: String,
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    Disable {
        username: String,
    },
    Enable {
        username: String,
    },
    List(JsonFlag),
    Token {
        username: String,
        #[arg(long, default_value = "api", conflicts_with_all = ["list", "revoke"])]
        label: String,
        #[arg(long, default_value_t = 90, conflicts_with_all = ["list", "revoke"])]
        expires_in: u32,
        #[arg(long, conflicts_with = "revoke")]
        list: bool,
        #[arg(long)]
        revoke: Option<i64>,
        #[arg(long, requires = "list")]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum FoiaCommand {
    Add(FoiaAddArgs),
    List(FoiaListArgs),
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    Update(FoiaUpdateArgs),
    Link {
        id: String,
        #[arg(long)]
        document: Option<String>,
        #[arg(long)]
        bates: Option<String>,
        #[arg(long)]
        received: Option<String>,
        #[arg(long)]
        event: Option<String>,
    },
    Calendar {
        #[arg(long)]
        out: PathBuf,
    },
    Letter {
        id: String,
        #[arg(long, default_value = "request")]
        kind: String,
        #[arg(long)]
        signatory: Option<String>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct FoiaAddArgs {
    #[arg(long)]
    pub agency: String,
    #[arg(long)]
    pub subject: String,
    #[arg(long)]
    pub received: Option<String>,
    #[arg(long)]
    pub sent: Option<String>,
    #[arg(long)]
    pub tracking: Option<String>,
    #[arg(long)]
    pub component: Option<String>,
    #[arg(long)]
    pub expedited: bool,
    #[arg(long)]
    pub id: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct FoiaListArgs {
    #[arg(long)]
    pub overdue: bool,
    #[arg(long)]
    pub due_within: Option<u32>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct FoiaUpdateArgs {
    pub id: String,
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
    #[arg(long)]
    pub toll: Vec<String>,
    #[arg(long)]
    pub extension_notified: Option<String>,
    #[arg(long)]
    pub determination: Option<String>,
    #[arg(long)]
    pub appeal_filed: Option<String>,
    #[arg(long)]
    pub appeal_received: Option<String>,
    #[arg(long)]
    pub appeal_decided: Option<String>,
    #[arg(long)]
    pub note: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    #[arg(long)]
    pub secure_cookies: bool,
    #[arg(long = "trusted-proxy")]
    pub trusted_proxies: Vec<String>,
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
    pub max_upload_mb: u64,
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
    pub max_request_mb: u64,
}

#[derive(Debug, Args)]
pub struct JsonFlag {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, default_value_t = 64)]
    pub kdf_memory_mib: u32,
    #[arg(long, default_value_t = 3)]
    pub kdf_passes: u32,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PasswdArgs {
    #[arg(long)]
    pub new_passphrase_file: Option<PathBuf>,
    #[arg(long)]
    pub recovery: bool,
    #[arg(long)]
    pub recovery_key_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    #[arg(long)]
    pub json: bool,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub profile: Option<String>,
    #[arg(long)]
    pub save_profile: Option<String>,
    #[arg(long, conflicts_with = "profile")]
    pub accept_suggestions: bool,
    #[arg(long)]
    pub sheet: Option<String>,
    #[arg(long)]
    pub header_row: Option<u64>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    // The canonical exchange format (lossless), and its CSV directory.
    Jsonl,
    Csv,
    // Spreadsheets in the user's language (`--lang`): a workbook of
    // events, people and groups; the events sheet alone as one CSV.
    // (Plain comments: clap would show doc comments in English.)
    Xlsx,
    SheetCsv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    List(EventsListArgs),
}

#[derive(Debug, Args)]
pub struct EventsListArgs {
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long = "type")]
    pub event_type: Option<String>,
    #[arg(long)]
    pub state: Option<String>,
    #[arg(long)]
    pub field_office: Option<String>,
    #[arg(long)]
    pub group: Option<String>,
    #[arg(long)]
    pub person: Option<String>,
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
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
    List(PeopleListArgs),
}

#[derive(Debug, Args)]
pub struct PeopleListArgs {
    #[arg(long)]
    pub group: Option<String>,
    #[arg(long)]
    pub consent: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    Add(PersonAddArgs),
    Edit(PersonEditArgs),
    /// The pages that mention a person (or, without an id, every mention
    /// waiting for review).
    Mentions {
        id: Option<String>,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
}

/// The fields of a person, as options (shared by `person add` and `edit`).
#[derive(Debug, Args)]
pub struct PersonFieldArgs {
    #[arg(long)]
    pub legal_name: Option<String>,
    #[arg(long = "alias")]
    pub aliases: Vec<String>,
    #[arg(long)]
    pub contact: Option<String>,
    #[arg(long)]
    pub a_number: Option<String>,
    #[arg(long)]
    pub immigration_status: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub birth_year: Option<i64>,
    #[arg(long = "group")]
    pub groups: Vec<String>,
}

#[derive(Debug, Args)]
pub struct PersonAddArgs {
    #[arg(long)]
    pub pseudonym: String,
    #[arg(long)]
    pub consent: String,
    #[arg(long)]
    pub consent_given: Option<String>,
    #[arg(long)]
    pub id: Option<String>,
    #[command(flatten)]
    pub fields: PersonFieldArgs,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PersonEditArgs {
    pub id: String,
    #[arg(long)]
    pub pseudonym: Option<String>,
    #[command(flatten)]
    pub fields: PersonFieldArgs,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum TestimonyCommand {
    Add(Box<TestimonyAddArgs>),
    List {
        #[arg(long)]
        person: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    Review {
        id: String,
        #[arg(long)]
        json: bool,
    },
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
    Link {
        id: String,
        #[arg(long = "event")]
        events: Vec<String>,
        #[arg(long = "document")]
        documents: Vec<String>,
        #[arg(long)]
        json: bool,
    },
}

/// `testimony add`. The account is read from `--account-file` or stdin,
/// never from an option: the command line is visible to every user of
/// the machine.
#[derive(Debug, Args)]
pub struct TestimonyAddArgs {
    #[arg(long)]
    pub person: String,
    #[arg(long)]
    pub interviewer: String,
    #[arg(long)]
    pub date: String,
    #[arg(long)]
    pub place: String,
    #[arg(long)]
    pub language: String,
    #[arg(long)]
    pub consent: String,
    #[arg(long = "event")]
    pub events: Vec<String>,
    #[arg(long = "document")]
    pub documents: Vec<String>,
    #[arg(long)]
    pub account_file: Option<PathBuf>,
    #[arg(long)]
    pub id: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum DocumentCommand {
    Add {
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    Get {
        id: String,
        #[arg(long)]
        out: PathBuf,
    },
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    Text {
        id: String,
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long)]
        json: bool,
    },
    Redact(crate::commands::redact::RedactArgs),
}

#[derive(Debug, Subcommand)]
pub enum DocumentsCommand {
    List(DocumentsListArgs),
}

#[derive(Debug, Args)]
pub struct DocumentsListArgs {
    #[arg(long)]
    pub source_kind: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub foia: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct PacketArgs {
    #[command(subcommand)]
    pub command: Option<PacketCommand>,
    #[arg(required = true)]
    pub person: Option<String>,
    #[command(flatten)]
    pub output: PacketOutput,
}

/// Where a packet goes: a file (and its exhibits beside it), or a bag.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("destination").required(true).args(["out", "bag"])))]
pub struct PacketOutput {
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "pdf", conflicts_with = "bag")]
    pub format: ReportFormat,
    #[arg(long, conflicts_with = "bag")]
    pub exhibits_dir: Option<PathBuf>,
    #[arg(long)]
    pub bag: Option<PathBuf>,
    #[arg(long, requires = "bag")]
    pub tsa: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum PacketCommand {
    Verify {
        path: PathBuf,
        #[arg(long)]
        key: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    Add(CaseAddArgs),
    List {
        #[arg(long)]
        json: bool,
    },
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    Link(CaseLinkArgs),
    Unlink(CaseLinkArgs),
    Status {
        id: String,
        status: String,
        #[arg(long)]
        json: bool,
    },
    Packet(CasePacketArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("subject").required(true).args(["person", "group"])))]
pub struct CaseAddArgs {
    #[arg(long)]
    pub title: String,
    #[arg(long)]
    pub kind: String,
    #[arg(long)]
    pub person: Option<String>,
    #[arg(long)]
    pub group: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub attorney: Option<String>,
    #[arg(long)]
    pub opened: Option<String>,
    #[arg(long)]
    pub id: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["event", "document", "excerpt", "foia", "testimony"])))]
pub struct CaseLinkArgs {
    pub id: String,
    #[arg(long)]
    pub event: Option<String>,
    #[arg(long)]
    pub document: Option<String>,
    #[arg(long)]
    pub excerpt: Option<String>,
    #[arg(long)]
    pub foia: Option<String>,
    #[arg(long)]
    pub testimony: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CasePacketArgs {
    pub id: String,
    #[command(flatten)]
    pub output: PacketOutput,
}

#[derive(Debug, Subcommand)]
pub enum WatchlistCommand {
    Add {
        name: String,
        #[arg(long)]
        query: String,
        #[arg(long)]
        purpose: String,
        #[arg(long)]
        json: bool,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    Run {
        #[arg(long)]
        json: bool,
    },
    Hits {
        #[arg(long)]
        watchlist: Option<String>,
        #[arg(long)]
        all: bool,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    Accept {
        hit: i64,
        #[command(flatten)]
        links: LinkArgs,
        #[arg(long)]
        json: bool,
    },
    Dismiss {
        hit: i64,
    },
}

#[derive(Debug, Args)]
pub struct LinkArgs {
    #[arg(long)]
    pub tag: Vec<String>,
    #[arg(long)]
    pub event: Vec<String>,
    #[arg(long)]
    pub person: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ExcerptCommand {
    Add(ExcerptAddArgs),
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
    pub document: String,
    #[arg(long)]
    pub page: u32,
    #[arg(long)]
    pub from: usize,
    #[arg(long)]
    pub to: usize,
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub links: LinkArgs,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    pub query: String,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long)]
    pub source_kind: Option<String>,
    #[arg(long)]
    pub foia: Option<String>,
    #[arg(long)]
    pub custodian: Option<String>,
    #[arg(long)]
    pub obtained_on: Option<String>,
    #[arg(long)]
    pub bates_prefix: Option<String>,
    #[arg(long, default_value = "eng+spa")]
    pub ocr_lang: String,
    #[arg(long)]
    pub jobs: Option<usize>,
    #[arg(long, default_value_t = 1800)]
    pub file_timeout: u64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    Log {
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    Fingerprint {
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
    #[arg(long)]
    pub recovery: bool,
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
    AgeIdentity,
    SigningKey,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 400)]
    pub events: usize,
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    #[arg(long)]
    pub no_serve: bool,
    #[arg(long, num_args = 1..)]
    pub documents: Vec<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AudienceChoice {
    Internal,
    Coalition,
    Public,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[arg(long, value_enum, default_value = "internal")]
    pub audience: AudienceChoice,
    #[arg(long, default_value_t = 5)]
    pub min_count: u64,
    #[arg(long, default_value_t = 10_000)]
    pub permutations: u32,
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
    #[arg(long, value_enum)]
    pub audience: AudienceChoice,
    #[arg(long, value_enum)]
    pub format: ReportFormat,
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 5)]
    pub min_count: u64,
    #[arg(long, default_value_t = 10_000)]
    pub permutations: u32,
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    #[arg(long, default_value_t = 40)]
    pub max_cases: usize,
}
