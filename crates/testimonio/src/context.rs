//! What every command needs: the language, the vault path, the passphrase,
//! the operator's name, and failures that carry their exit status and a
//! message from the catalog in the user's language.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use testimonio_app::{AppError, ErrorClass};
use testimonio_domain::Lang;
use testimonio_i18n::tr;
use testimonio_vault::private_fs::{self, PrivateFile};
use testimonio_vault::{Actor, Passphrase, RecoveryKey, Unlock, Vault, VaultError};

/// Exit statuses, documented in the README.
pub mod exit {
    use testimonio_app::ErrorClass;

    /// The command failed; nothing was changed by the failed step.
    pub const FAILURE: u8 = 1;
    /// The command line itself was refused (an unknown option, a bad value).
    pub const USAGE: u8 = 2;
    /// `check` found damage.
    pub const CHECK_FAULTS: u8 = 3;
    /// `import` finished but some lines or rows were refused.
    pub const PARTIAL: u8 = 4;

    /// The exit status of a use case's error, by its class: the one place
    /// the command line decides it. Every class is a plain failure today
    /// (the README documents `1`); the match makes a new class a decision.
    pub fn for_class(class: ErrorClass) -> u8 {
        match class {
            ErrorClass::BadRequest
            | ErrorClass::Forbidden
            | ErrorClass::NotFound
            | ErrorClass::Conflict
            | ErrorClass::Internal => FAILURE,
        }
    }
}

/// A failure with its exit status and a one-line message already in the
/// user's language. It never holds record content.
#[derive(Debug)]
pub struct Failure {
    pub status: u8,
    pub message: String,
}

impl Failure {
    /// A failure with a message from the catalog (`tr!`), exit status 1.
    pub fn message(message: impl Into<String>) -> Self {
        Self {
            status: exit::FAILURE,
            message: message.into(),
        }
    }

    /// A vault error, as the use cases render it.
    pub fn vault(lang: Lang, err: VaultError) -> Self {
        Self::app(lang, &AppError::from(err))
    }

    /// A use case's error, with its message from the catalog and its exit
    /// status from [`exit::for_class`].
    pub fn app(lang: Lang, err: &AppError) -> Self {
        let class = err.class();
        if let ErrorClass::Internal = class {
            tracing::error!(error = %err, "internal error");
        }
        Self {
            status: exit::for_class(class),
            message: err.message(lang),
        }
    }

    pub fn with_status(mut self, status: u8) -> Self {
        self.status = status;
        self
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.status)
    }
}

pub type CliResult<T = ()> = Result<T, Failure>;

pub struct Context {
    pub lang: Lang,
    pub vault_dir: Option<PathBuf>,
    pub passphrase_file: Option<PathBuf>,
}

impl Context {
    /// A command-line option whose value did not parse: `--OPTION: reason`.
    pub fn option_error(&self, option: &str, err: &testimonio_domain::FieldError) -> Failure {
        Failure::message(tr!(
            self.lang,
            "cli-error-option",
            option = option,
            reason = err.problem.message(self.lang)
        ))
    }

    pub fn app_error(&self, err: &AppError) -> Failure {
        Failure::app(self.lang, err)
    }

    pub fn vault_error(&self, err: VaultError) -> Failure {
        Failure::vault(self.lang, err)
    }

    /// An I/O error on a path the user gave: `PATH: reason`.
    pub fn io_error(&self, path: &Path, err: &std::io::Error) -> Failure {
        Failure::message(tr!(
            self.lang,
            "cli-error-io",
            path = path.display().to_string(),
            reason = io_reason(self.lang, err)
        ))
    }

    /// Starts a file for the user. Every file the CLI writes for the user
    /// goes through here or [`Context::write_private`]: 0600 from the first
    /// byte (exports and packets hold identities), and in place only once
    /// [`PrivateFile::commit`] succeeds.
    ///
    /// # Errors
    /// The directory cannot be written.
    pub fn create_private(&self, path: &Path) -> CliResult<PrivateFile> {
        PrivateFile::create(path).map_err(|e| self.io_error(path, &e))
    }

    /// Writes a whole file for the user, privately (see [`Context::create_private`]).
    ///
    /// # Errors
    /// I/O errors; nothing is left at `path` then.
    pub fn write_private(&self, path: &Path, bytes: &[u8]) -> CliResult {
        private_fs::write_atomically(path, bytes).map_err(|e| self.io_error(path, &e))
    }

    /// Creates a directory for the user's files (and missing parents) 0700.
    ///
    /// # Errors
    /// I/O errors.
    pub fn create_private_dir(&self, dir: &Path) -> CliResult {
        private_fs::create_dir_all(dir).map_err(|e| self.io_error(dir, &e))
    }

    /// # Errors
    /// No `--vault` and no `TESTIMONIO_VAULT`.
    pub fn vault_dir(&self) -> CliResult<&Path> {
        self.vault_dir
            .as_deref()
            .ok_or_else(|| Failure::message(tr!(self.lang, "cli-error-no-vault")))
    }

    /// The passphrase from `--passphrase-file`, or asked on the terminal
    /// with `prompt` (a catalog message).
    ///
    /// # Errors
    /// An unreadable file, no terminal to ask on, a too-short passphrase.
    pub fn passphrase(&self, prompt: &str) -> CliResult<Passphrase> {
        let text = match &self.passphrase_file {
            Some(path) => std::fs::read_to_string(path).map_err(|e| {
                Failure::message(tr!(
                    self.lang,
                    "cli-error-passphrase-file",
                    path = path.display().to_string(),
                    reason = io_reason(self.lang, &e)
                ))
            })?,
            None => self.ask(prompt)?,
        };
        Passphrase::new(text).map_err(|e| self.vault_error(e))
    }

    /// Reads a secret from the terminal without echo.
    ///
    /// # Errors
    /// No terminal.
    pub fn ask(&self, prompt: &str) -> CliResult<String> {
        if !std::io::stdin().is_terminal() {
            return Err(Failure::message(tr!(self.lang, "cli-error-no-terminal")));
        }
        rpassword::prompt_password(format!("{prompt} ")).map_err(|e| self.terminal_error(&e))
    }

    /// Reads one line from the terminal, shown as typed; `None` when not on
    /// a terminal.
    ///
    /// # Errors
    /// The terminal cannot be read.
    pub fn ask_line(&self, prompt: &str) -> CliResult<Option<String>> {
        if !std::io::stdin().is_terminal() {
            return Ok(None);
        }
        eprint!("{prompt} ");
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|e| self.terminal_error(&e))?;
        Ok(Some(line.trim().to_owned()))
    }

    fn terminal_error(&self, err: &std::io::Error) -> Failure {
        Failure::message(tr!(
            self.lang,
            "cli-error-terminal",
            reason = io_reason(self.lang, err)
        ))
    }

    /// The recovery key from `file`, or asked on the terminal.
    ///
    /// # Errors
    /// An unreadable file, no terminal, a malformed key.
    pub fn recovery_key(&self, file: Option<&Path>) -> CliResult<RecoveryKey> {
        let text = match file {
            Some(path) => std::fs::read_to_string(path).map_err(|e| self.io_error(path, &e))?,
            None => self.ask(tr!(self.lang, "cli-prompt-recovery-key"))?,
        };
        RecoveryKey::parse(&text).map_err(|e| self.vault_error(e))
    }

    /// Opens the vault with the passphrase, acting as the operator (see
    /// [`operator`]).
    ///
    /// # Errors
    /// No vault given; a wrong passphrase; a damaged vault.
    pub fn open(&self) -> CliResult<Vault> {
        let dir = self.vault_dir()?;
        testimonio_vault::vault::read_key_file(dir).map_err(|e| self.vault_error(e))?;
        let passphrase = self.passphrase(tr!(self.lang, "cli-prompt-passphrase"))?;
        self.open_with(Unlock::Passphrase(&passphrase))
    }

    /// Opens the vault with a passphrase or the recovery key, acting as the
    /// operator: the name given with `--as`, else the one recorded at `init`.
    ///
    /// # Errors
    /// No vault given; a wrong key; a damaged vault.
    pub fn open_with(&self, unlock: Unlock<'_>) -> CliResult<Vault> {
        let dir = self.vault_dir()?;
        let mut vault = Vault::open(dir, unlock, actor()).map_err(|e| self.vault_error(e))?;
        if OPERATOR.get().is_none() {
            let creator = vault.created_by().map_err(|e| self.vault_error(e))?;
            if let Some(name) = creator.as_deref().and_then(|a| a.strip_prefix("cli:")) {
                set_operator_name(self, name)?;
            }
        }
        testimonio_app::act_as(&mut vault, &operator()).map_err(|e| self.app_error(&e))?;
        Ok(vault)
    }
}

/// An I/O error's reason in the user's language: the common kinds from the
/// catalog, the system's own text otherwise.
pub fn io_reason(lang: Lang, err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => tr!(lang, "cli-io-not-found").to_owned(),
        ErrorKind::PermissionDenied => tr!(lang, "cli-io-permission-denied").to_owned(),
        ErrorKind::AlreadyExists => tr!(lang, "cli-io-already-exists").to_owned(),
        ErrorKind::IsADirectory => tr!(lang, "cli-io-is-a-directory").to_owned(),
        ErrorKind::NotADirectory => tr!(lang, "cli-io-not-a-directory").to_owned(),
        ErrorKind::InvalidData => tr!(lang, "cli-io-invalid-data").to_owned(),
        _ => tr!(lang, "cli-io-other", reason = err.to_string()),
    }
}

/// The operator's name for this run: from `--as`, or read from the vault
/// when it is opened (the name given at `init`).
static OPERATOR: OnceLock<String> = OnceLock::new();

/// Sets the operator's name for this run (from `--as`, `init --name`, or
/// the vault's creator). The first name set wins: `--as` is set first.
///
/// # Errors
/// A name the audit log refuses (empty, too long, control characters).
pub fn set_operator_name(cx: &Context, name: &str) -> CliResult {
    let name = name.trim();
    Actor::new(name).map_err(|e| cx.vault_error(e))?;
    Actor::new(&format!("cli:{name}")).map_err(|e| cx.vault_error(e))?;
    let _ = OPERATOR.set(name.to_owned());
    Ok(())
}

/// The operator's name: the one set for this run, else the OS user and
/// host (a vault made before names were asked). Never a documented person.
pub fn operator_name() -> String {
    if let Some(name) = OPERATOR.get() {
        return name.clone();
    }
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".into());
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_default();
    if host.is_empty() {
        user
    } else {
        format!("{user}@{host}")
    }
}

/// The operator as the actor of a use case. Call after [`Context::open`],
/// which reads the name recorded at `init`.
pub fn operator() -> testimonio_app::Actor {
    testimonio_app::Actor::Operator {
        name: operator_name(),
    }
}

/// The acting account for the audit log (`cli:NAME`).
pub fn actor() -> Actor {
    Actor::new(&format!("cli:{}", operator_name()))
        .unwrap_or_else(|_| Actor::new("cli").expect("a valid actor"))
}

/// Progress on a terminal, silence in pipes.
pub struct Progress {
    enabled: bool,
    label: String,
}

impl Progress {
    pub fn new(label: &str) -> Self {
        Self {
            enabled: std::io::stderr().is_terminal(),
            label: label.to_owned(),
        }
    }

    pub fn update(&self, done: u64) {
        if self.enabled {
            eprint!("\r{} {done}", self.label);
        }
    }

    pub fn finish(&self) {
        if self.enabled {
            eprintln!();
        }
    }
}

pub fn print_json(value: &impl serde::Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("output serializes")
    );
}
