//! A command line clap refuses: the help and version clap prints, or one
//! line from the catalog naming what was wrong, and exit status 2. clap's
//! own error texts are English only, so only the typed facts of its error
//! (its kind and the arguments and values it names) are used.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use testimonio_i18n::{Lang, tr};

use crate::context::exit;

/// Prints what clap refused (or the help it was asked for) and returns the
/// exit status: 0 for help and version, 2 for a usage error.
pub fn refuse(lang: Lang, err: &clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Help and version go to standard output; a broken pipe there
            // (`testimonio --help | head`) is not an error to report.
            let _ = err.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            ExitCode::from(exit::USAGE)
        }
        _ => {
            eprintln!("testimonio: {}", message(lang, err));
            eprintln!("{}", tr!(lang, "cli-usage-hint"));
            ExitCode::from(exit::USAGE)
        }
    }
}

/// A context value of the error as text: strings joined with ", ".
fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) if !list.is_empty() => Some(list.join(", ")),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn message(lang: Lang, err: &clap::Error) -> String {
    let arg = context(err, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(err, ContextKind::InvalidValue).unwrap_or_default();
    let mut lines = vec![match err.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            tr!(lang, "cli-usage-value-required", arg = arg)
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            tr!(lang, "cli-usage-invalid-value", arg = arg, value = value)
        }
        ErrorKind::UnknownArgument => tr!(lang, "cli-usage-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => tr!(
            lang,
            "cli-usage-unknown-command",
            command = context(err, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::NoEquals => tr!(lang, "cli-usage-no-equals", arg = arg),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            tr!(lang, "cli-usage-number-of-values", arg = arg)
        }
        ErrorKind::ArgumentConflict => tr!(
            lang,
            "cli-usage-conflict",
            arg = arg,
            other = context(err, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => tr!(lang, "cli-usage-missing", args = arg),
        ErrorKind::MissingSubcommand => tr!(lang, "cli-usage-missing-command").to_owned(),
        ErrorKind::InvalidUtf8 => tr!(lang, "cli-usage-not-utf8").to_owned(),
        _ => tr!(lang, "cli-usage-other").to_owned(),
    }];
    if let Some(values) = context(err, ContextKind::ValidValue) {
        lines.push(tr!(lang, "cli-usage-valid-values", values = values));
    }
    let suggestion = context(err, ContextKind::SuggestedSubcommand)
        .or_else(|| context(err, ContextKind::SuggestedArg))
        .or_else(|| context(err, ContextKind::SuggestedValue));
    if let Some(suggestion) = suggestion {
        lines.push(tr!(lang, "cli-usage-did-you-mean", suggestion = suggestion));
    }
    lines.join(" ")
}
