//! What every command needs: the language, the vault path, the passphrase,
//! and errors that carry their exit status and a message in both languages.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use testimonio_domain::Lang;
use testimonio_vault::private_fs::{self, PrivateFile};
use testimonio_vault::{Actor, Passphrase, RecordKind, RecoveryKey, Unlock, Vault, VaultError};

/// Exit statuses, documented in the README.
pub mod exit {
    /// The command failed; nothing was changed by the failed step.
    pub const FAILURE: u8 = 1;
    /// `check` found damage.
    pub const CHECK_FAULTS: u8 = 3;
    /// `import` finished but some lines or rows were refused.
    pub const PARTIAL: u8 = 4;
}

/// A failure with its exit status and a one-line message already in the
/// user's language. It never holds record content.
#[derive(Debug)]
pub struct Failure {
    pub status: u8,
    pub message: String,
}

impl Failure {
    pub fn new(lang: Lang, en: impl Into<String>, es: impl Into<String>) -> Self {
        let (en, es) = (en.into(), es.into());
        Self {
            status: exit::FAILURE,
            message: if lang == Lang::Es { es } else { en },
        }
    }

    pub fn vault(lang: Lang, err: &VaultError) -> Self {
        let message = match (err, lang) {
            (VaultError::WrongKey, Lang::Es) => {
                "frase de contraseña o clave de recuperación incorrecta (no se cambió nada)".into()
            }
            (VaultError::NotAVault { path, .. }, Lang::Es) => {
                format!("{}: no es una bóveda de Testimonio", path.display())
            }
            (VaultError::AlreadyExists { path }, Lang::Es) => {
                format!("{}: ya existe y no está vacío", path.display())
            }
            (VaultError::NotFound { kind, id }, Lang::Es) => {
                format!("{} {id} no encontrado", spanish_noun(*kind))
            }
            (VaultError::Backup { path, problem }, Lang::Es) => {
                format!(
                    "copia de seguridad {}: {}",
                    path.display(),
                    problem.message(Lang::Es)
                )
            }
            (other, Lang::Es) => format!("error: {other}"),
            (other, Lang::En) => other.to_string(),
        };
        Self {
            status: exit::FAILURE,
            message,
        }
    }

    /// A use case's error, with its message from the catalog.
    pub fn app(lang: Lang, err: &testimonio_app::AppError) -> Self {
        if let testimonio_app::ErrorClass::Internal = err.class() {
            tracing::error!(error = %err, "internal error");
        }
        Self {
            status: exit::FAILURE,
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

fn spanish_noun(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Person => "la persona",
        RecordKind::Document => "el documento",
        RecordKind::Event => "el evento",
        other => other.noun(),
    }
}

pub type CliResult<T = ()> = Result<T, Failure>;

pub struct Context {
    pub lang: Lang,
    pub vault_dir: Option<PathBuf>,
    pub passphrase_file: Option<PathBuf>,
}

impl Context {
    pub fn t<'a>(&self, en: &'a str, es: &'a str) -> &'a str {
        self.lang.pick(en, es)
    }

    pub fn fail(&self, en: impl Into<String>, es: impl Into<String>) -> Failure {
        Failure::new(self.lang, en, es)
    }

    /// A command-line option whose value did not parse: `--OPTION: reason`.
    pub fn option_error(&self, option: &str, err: &testimonio_domain::FieldError) -> Failure {
        self.fail(
            format!("--{option}: {}", err.problem.message(Lang::En)),
            format!("--{option}: {}", err.problem.message(Lang::Es)),
        )
    }

    pub fn app_error(&self, err: &testimonio_app::AppError) -> Failure {
        Failure::app(self.lang, err)
    }

    pub fn vault_error(&self, err: VaultError) -> Failure {
        Failure::vault(self.lang, &err)
    }

    /// An I/O error on a path the user gave: `PATH: reason`.
    pub fn io_error(&self, path: &Path, err: &std::io::Error) -> Failure {
        self.fail(
            format!("{}: {err}", path.display()),
            format!("{}: {err}", path.display()),
        )
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
        self.vault_dir.as_deref().ok_or_else(|| {
            self.fail(
                "no vault given: use --vault DIR or set TESTIMONIO_VAULT",
                "no se indicó la bóveda: use --vault DIR o defina TESTIMONIO_VAULT",
            )
        })
    }

    /// The passphrase from `--passphrase-file`, or asked on the terminal.
    ///
    /// # Errors
    /// An unreadable file, no terminal to ask on, a too-short passphrase.
    pub fn passphrase(&self, prompt_en: &str, prompt_es: &str) -> CliResult<Passphrase> {
        let text = match &self.passphrase_file {
            Some(path) => std::fs::read_to_string(path).map_err(|e| {
                self.fail(
                    format!("{}: cannot read the passphrase file: {e}", path.display()),
                    format!(
                        "{}: no se puede leer el archivo de la frase de contraseña: {e}",
                        path.display()
                    ),
                )
            })?,
            None => self.ask(prompt_en, prompt_es)?,
        };
        Passphrase::new(text).map_err(|_| {
            self.fail(
                format!(
                    "the passphrase must have at least {} characters",
                    Passphrase::MIN_CHARS
                ),
                format!(
                    "la frase de contraseña debe tener al menos {} caracteres",
                    Passphrase::MIN_CHARS
                ),
            )
        })
    }

    /// Reads a secret from the terminal without echo.
    ///
    /// # Errors
    /// No terminal.
    pub fn ask(&self, prompt_en: &str, prompt_es: &str) -> CliResult<String> {
        if !std::io::stdin().is_terminal() {
            return Err(self.fail(
                "no passphrase: use --passphrase-file or TESTIMONIO_PASSPHRASE_FILE when not on a terminal",
                "falta la frase de contraseña: use --passphrase-file o TESTIMONIO_PASSPHRASE_FILE fuera de una terminal",
            ));
        }
        rpassword::prompt_password(format!("{}: ", self.t(prompt_en, prompt_es))).map_err(|e| {
            self.fail(
                format!("cannot read from the terminal: {e}"),
                format!("no se puede leer de la terminal: {e}"),
            )
        })
    }

    /// The recovery key from `file`, or asked on the terminal.
    ///
    /// # Errors
    /// An unreadable file, no terminal, a malformed key.
    pub fn recovery_key(&self, file: Option<&Path>) -> CliResult<RecoveryKey> {
        let text = match file {
            Some(path) => std::fs::read_to_string(path).map_err(|e| {
                self.fail(
                    format!("{}: {e}", path.display()),
                    format!("{}: {e}", path.display()),
                )
            })?,
            None => self.ask("Recovery key", "Clave de recuperación")?,
        };
        RecoveryKey::parse(&text).map_err(|_| {
            self.fail(
                "a recovery key is 32 letters and digits in groups of four",
                "una clave de recuperación tiene 32 letras y dígitos en grupos de cuatro",
            )
        })
    }

    /// Opens the vault with the passphrase.
    ///
    /// # Errors
    /// No vault given; a wrong passphrase; a damaged vault.
    pub fn open(&self) -> CliResult<Vault> {
        let dir = self.vault_dir()?;
        testimonio_vault::vault::read_key_file(dir).map_err(|e| self.vault_error(e))?;
        let passphrase = self.passphrase("Passphrase", "Frase de contraseña")?;
        Vault::open(dir, Unlock::Passphrase(&passphrase), actor()).map_err(|e| self.vault_error(e))
    }
}

/// The operator's name: the OS user and host, never a documented person.
fn operator_name() -> String {
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

/// The operator as the actor of a use case.
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
