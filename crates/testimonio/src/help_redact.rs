//! `--help` of `document redact`, from the catalog (`redaction.ftl`):
//! what `help.rs` asks for under that path.

use testimonio_i18n::{Lang, tr};

const PATH: &str = "document redact";

/// The command's about.
pub fn about(lang: Lang, path: &str) -> Option<&'static str> {
    (path == PATH).then(|| tr!(lang, "cli-about-document-redact"))
}

/// An argument's help, by argument id.
pub fn arg_help(lang: Lang, path: &str, id: &str) -> Option<&'static str> {
    if path != PATH {
        return None;
    }
    Some(match id {
        "id" => tr!(lang, "cli-arg-redact-id"),
        "bates_prefix" => tr!(lang, "cli-arg-redact-bates-prefix"),
        "queries" => tr!(lang, "cli-arg-redact-match"),
        "words" => tr!(lang, "cli-arg-redact-words"),
        "regions" => tr!(lang, "cli-arg-redact-region"),
        "pages" => tr!(lang, "cli-arg-redact-pages"),
        "jobs" => tr!(lang, "cli-arg-redact-jobs"),
        _ => return None,
    })
}

/// The placeholder of an argument's value.
pub fn value_name(lang: Lang, path: &str, id: &str) -> Option<&'static str> {
    if path != PATH {
        return None;
    }
    Some(match id {
        "id" => tr!(lang, "cli-value-id"),
        "bates_prefix" => tr!(lang, "cli-value-text"),
        "queries" => tr!(lang, "cli-value-query"),
        "words" => tr!(lang, "cli-value-page-words"),
        "regions" => tr!(lang, "cli-value-page-region"),
        "pages" => tr!(lang, "cli-value-range"),
        "jobs" => tr!(lang, "cli-value-number"),
        _ => return None,
    })
}
