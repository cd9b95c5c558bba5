//! `--help` of the `case` commands, from the catalog (`cases.ftl`): what
//! `help.rs` asks for paths under `case`.

use testimonio_i18n::{Lang, tr};

/// A `case` command's about, by its path.
pub fn about(lang: Lang, path: &str) -> Option<&'static str> {
    Some(match path {
        "case" => tr!(lang, "cli-about-case"),
        "case add" => tr!(lang, "cli-about-case-add"),
        "case list" => tr!(lang, "cli-about-case-list"),
        "case show" => tr!(lang, "cli-about-case-show"),
        "case link" => tr!(lang, "cli-about-case-link"),
        "case unlink" => tr!(lang, "cli-about-case-unlink"),
        "case status" => tr!(lang, "cli-about-case-status"),
        "case packet" => tr!(lang, "cli-about-case-packet"),
        _ => return None,
    })
}

/// A `case` command's argument help, by path and argument id.
pub fn arg_help(lang: Lang, path: &str, id: &str) -> Option<&'static str> {
    if !path.starts_with("case") {
        return None;
    }
    Some(match (path, id) {
        ("case add", "id") => tr!(lang, "cli-arg-case-add-id"),
        (_, "id") => tr!(lang, "cli-arg-case-id"),
        (_, "title") => tr!(lang, "cli-arg-case-title"),
        (_, "kind") => tr!(lang, "cli-arg-case-kind"),
        (_, "person") => tr!(lang, "cli-arg-case-person"),
        (_, "group") => tr!(lang, "cli-arg-case-group"),
        (_, "status") => tr!(lang, "cli-arg-case-status"),
        (_, "attorney") => tr!(lang, "cli-arg-case-attorney"),
        (_, "opened") => tr!(lang, "cli-arg-case-opened"),
        (_, "event") => tr!(lang, "cli-arg-case-event"),
        (_, "document") => tr!(lang, "cli-arg-case-document"),
        (_, "excerpt") => tr!(lang, "cli-arg-case-excerpt"),
        (_, "foia") => tr!(lang, "cli-arg-case-foia"),
        (_, "testimony") => tr!(lang, "cli-arg-case-testimony"),
        ("case packet", "out") => tr!(lang, "cli-arg-packet-out"),
        ("case packet", "format") => tr!(lang, "cli-arg-packet-format"),
        ("case packet", "exhibits_dir") => tr!(lang, "cli-arg-packet-exhibits-dir"),
        _ => return None,
    })
}

/// The placeholder of a `case` argument's value.
pub fn value_name(lang: Lang, path: &str, id: &str) -> Option<&'static str> {
    if !path.starts_with("case") {
        return None;
    }
    Some(match id {
        "id" | "person" | "group" | "event" | "document" | "excerpt" | "foia" | "testimony" => {
            tr!(lang, "cli-value-id")
        }
        "title" | "attorney" => tr!(lang, "cli-value-text"),
        "kind" | "status" | "format" => tr!(lang, "cli-value-code"),
        "opened" => tr!(lang, "cli-value-date"),
        "out" => tr!(lang, "cli-value-file"),
        "exhibits_dir" => tr!(lang, "cli-value-dir"),
        "bag" => tr!(lang, "cli-value-path"),
        "tsa" => tr!(lang, "cli-value-url"),
        _ => return None,
    })
}
