//! `--help` of the `coalition` and `custodian` commands, from the catalog
//! (`coalition.ftl`): what `help.rs` asks for paths under them.

use testimonio_i18n::{Lang, tr};

fn ours(path: &str) -> bool {
    path.starts_with("coalition") || path.starts_with("custodian")
}

/// A command's about, by its path.
pub fn about(lang: Lang, path: &str) -> Option<&'static str> {
    Some(match path {
        "coalition" => tr!(lang, "cli-about-coalition"),
        "coalition join" => tr!(lang, "cli-about-coalition-join"),
        "coalition share" => tr!(lang, "cli-about-coalition-share"),
        "coalition status" => tr!(lang, "cli-about-coalition-status"),
        "coalition create" => tr!(lang, "cli-about-coalition-create"),
        "coalition invite" => tr!(lang, "cli-about-coalition-invite"),
        "coalition admit" => tr!(lang, "cli-about-coalition-admit"),
        "coalition receive" => tr!(lang, "cli-about-coalition-receive"),
        "custodian" => tr!(lang, "cli-about-custodian"),
        "custodian init" => tr!(lang, "cli-about-custodian-init"),
        "custodian add-member" => tr!(lang, "cli-about-custodian-add-member"),
        "custodian serve" => tr!(lang, "cli-about-custodian-serve"),
        _ => return None,
    })
}

/// An argument's help, by path and argument id.
pub fn arg_help(lang: Lang, path: &str, id: &str) -> Option<&'static str> {
    if !ours(path) {
        return None;
    }
    Some(match (path, id) {
        (_, "coalition_id") => tr!(lang, "cli-arg-coalition-id"),
        (_, "hub_recipient") => tr!(lang, "cli-arg-coalition-hub"),
        (_, "custodian_url") => tr!(lang, "cli-arg-coalition-custodian-url"),
        (_, "custodian_key") => tr!(lang, "cli-arg-coalition-custodian-key"),
        (_, "custodian_token_file") => tr!(lang, "cli-arg-coalition-custodian-token-file"),
        ("coalition share", "out") => tr!(lang, "cli-arg-coalition-share-out"),
        ("coalition admit", "name") => tr!(lang, "cli-arg-coalition-admit-name"),
        ("coalition admit", "member_key") => tr!(lang, "cli-arg-coalition-admit-key"),
        ("coalition receive", "files") => tr!(lang, "cli-arg-coalition-receive-files"),
        ("custodian add-member", "name") => tr!(lang, "cli-arg-custodian-member-name"),
        ("custodian add-member", "daily_budget") => tr!(lang, "cli-arg-custodian-daily-budget"),
        ("custodian add-member", "token_out") => tr!(lang, "cli-arg-custodian-token-out"),
        ("custodian serve", "addr") => tr!(lang, "cli-arg-custodian-addr"),
        _ => return None,
    })
}

/// The placeholder of an argument's value.
pub fn value_name(lang: Lang, path: &str, id: &str) -> Option<&'static str> {
    if !ours(path) {
        return None;
    }
    Some(match id {
        "coalition_id" => tr!(lang, "cli-value-id"),
        "hub_recipient" | "custodian_key" | "member_key" => tr!(lang, "cli-value-key"),
        "files" => tr!(lang, "cli-value-path"),
        "custodian_url" => tr!(lang, "cli-value-url"),
        "custodian_token_file" | "out" | "token_out" => tr!(lang, "cli-value-file"),
        "name" => tr!(lang, "cli-value-name"),
        "daily_budget" => tr!(lang, "cli-value-number"),
        "addr" => tr!(lang, "cli-value-address"),
        _ => return None,
    })
}
