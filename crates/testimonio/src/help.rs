//! `--help` in the user's language. clap derives the command tree from
//! `cli.rs`; every command's about, every argument's help, the headings and
//! the notes clap would add in English (defaults, environment variables,
//! possible values) are put on it here from the catalog (`cli.ftl`). A test
//! walks the tree so that no command or argument can lack them.

use clap::{Arg, ArgAction, Command};
use testimonio_i18n::{Lang, tr};

/// A command's about, by its path (`""` is the root).
fn about(lang: Lang, path: &str) -> Option<&'static str> {
    Some(match path {
        "" => tr!(lang, "cli-about"),
        "init" => tr!(lang, "cli-about-init"),
        "passwd" => tr!(lang, "cli-about-passwd"),
        "import" => tr!(lang, "cli-about-import"),
        "export" => tr!(lang, "cli-about-export"),
        "events" => tr!(lang, "cli-about-events"),
        "events list" => tr!(lang, "cli-about-events-list"),
        "people" => tr!(lang, "cli-about-people"),
        "people list" => tr!(lang, "cli-about-people-list"),
        "person" => tr!(lang, "cli-about-person"),
        "person show" => tr!(lang, "cli-about-person-show"),
        "person add" => tr!(lang, "cli-about-person-add"),
        "person edit" => tr!(lang, "cli-about-person-edit"),
        "person mentions" => tr!(lang, "cli-about-person-mentions"),
        "testimony" => tr!(lang, "cli-about-testimony"),
        "testimony add" => tr!(lang, "cli-about-testimony-add"),
        "testimony list" => tr!(lang, "cli-about-testimony-list"),
        "testimony show" => tr!(lang, "cli-about-testimony-show"),
        "testimony review" => tr!(lang, "cli-about-testimony-review"),
        "testimony search" => tr!(lang, "cli-about-testimony-search"),
        "testimony link" => tr!(lang, "cli-about-testimony-link"),
        "document" => tr!(lang, "cli-about-document"),
        "document add" => tr!(lang, "cli-about-document-add"),
        "document get" => tr!(lang, "cli-about-document-get"),
        "document show" => tr!(lang, "cli-about-document-show"),
        "document text" => tr!(lang, "cli-about-document-text"),
        "search" => tr!(lang, "cli-about-search"),
        "reindex" => tr!(lang, "cli-about-reindex"),
        "packet" => tr!(lang, "cli-about-packet"),
        "packet verify" => tr!(lang, "cli-about-packet-verify"),
        "watchlist" => tr!(lang, "cli-about-watchlist"),
        "watchlist add" => tr!(lang, "cli-about-watchlist-add"),
        "watchlist list" => tr!(lang, "cli-about-watchlist-list"),
        "watchlist run" => tr!(lang, "cli-about-watchlist-run"),
        "watchlist hits" => tr!(lang, "cli-about-watchlist-hits"),
        "watchlist accept" => tr!(lang, "cli-about-watchlist-accept"),
        "watchlist dismiss" => tr!(lang, "cli-about-watchlist-dismiss"),
        "excerpt" => tr!(lang, "cli-about-excerpt"),
        "excerpt add" => tr!(lang, "cli-about-excerpt-add"),
        "excerpt list" => tr!(lang, "cli-about-excerpt-list"),
        "ingest" => tr!(lang, "cli-about-ingest"),
        "documents" => tr!(lang, "cli-about-documents"),
        "documents list" => tr!(lang, "cli-about-documents-list"),
        "check" => tr!(lang, "cli-about-check"),
        "audit" => tr!(lang, "cli-about-audit"),
        "audit log" => tr!(lang, "cli-about-audit-log"),
        "audit fingerprint" => tr!(lang, "cli-about-audit-fingerprint"),
        "backup" => tr!(lang, "cli-about-backup"),
        "restore" => tr!(lang, "cli-about-restore"),
        "vocabulary" => tr!(lang, "cli-about-vocabulary"),
        "key" => tr!(lang, "cli-about-key"),
        "key age-identity" => tr!(lang, "cli-about-key-age-identity"),
        "key signing-key" => tr!(lang, "cli-about-key-signing-key"),
        "demo" => tr!(lang, "cli-about-demo"),
        "analyze" => tr!(lang, "cli-about-analyze"),
        "report" => tr!(lang, "cli-about-report"),
        "user" => tr!(lang, "cli-about-user"),
        "user add" => tr!(lang, "cli-about-user-add"),
        "user passwd" => tr!(lang, "cli-about-user-passwd"),
        "user disable" => tr!(lang, "cli-about-user-disable"),
        "user enable" => tr!(lang, "cli-about-user-enable"),
        "user list" => tr!(lang, "cli-about-user-list"),
        "user token" => tr!(lang, "cli-about-user-token"),
        "serve" => tr!(lang, "cli-about-serve"),
        "foia" => tr!(lang, "cli-about-foia"),
        "foia add" => tr!(lang, "cli-about-foia-add"),
        "foia list" => tr!(lang, "cli-about-foia-list"),
        "foia show" => tr!(lang, "cli-about-foia-show"),
        "foia update" => tr!(lang, "cli-about-foia-update"),
        "foia link" => tr!(lang, "cli-about-foia-link"),
        "foia calendar" => tr!(lang, "cli-about-foia-calendar"),
        "foia letter" => tr!(lang, "cli-about-foia-letter"),
        _ => {
            return crate::help_cases::about(lang, path)
                .or_else(|| crate::help_coalition::about(lang, path))
                .or_else(|| crate::help_redact::about(lang, path));
        }
    })
}

/// An argument's help, by command path and argument id; arguments that
/// mean the same everywhere are found by id alone.
fn arg_help(lang: Lang, path: &str, id: &str) -> Option<&'static str> {
    if let Some(help) = crate::help_cases::arg_help(lang, path, id)
        .or_else(|| crate::help_coalition::arg_help(lang, path, id))
        .or_else(|| crate::help_redact::arg_help(lang, path, id))
    {
        return Some(help);
    }
    Some(match (path, id) {
        (_, "vault") => tr!(lang, "cli-arg-vault"),
        (_, "passphrase_file") => tr!(lang, "cli-arg-passphrase-file"),
        (_, "lang") => tr!(lang, "cli-arg-lang"),
        (_, "json") => tr!(lang, "cli-arg-json"),
        (_, "help") => tr!(lang, "cli-arg-help"),
        (_, "version") => tr!(lang, "cli-arg-version"),
        (_, "recovery") => tr!(lang, "cli-arg-recovery"),
        (_, "recovery_key_file") => tr!(lang, "cli-arg-recovery-key-file"),
        ("init", "kdf_memory_mib") => tr!(lang, "cli-arg-init-kdf-memory-mib"),
        ("init", "kdf_passes") => tr!(lang, "cli-arg-init-kdf-passes"),
        ("passwd", "new_passphrase_file") => tr!(lang, "cli-arg-passwd-new-passphrase-file"),
        ("import", "file") => tr!(lang, "cli-arg-import-file"),
        ("import", "dry_run") => tr!(lang, "cli-arg-import-dry-run"),
        ("import", "profile") => tr!(lang, "cli-arg-import-profile"),
        ("import", "save_profile") => tr!(lang, "cli-arg-import-save-profile"),
        ("import", "accept_suggestions") => tr!(lang, "cli-arg-import-accept-suggestions"),
        ("import", "sheet") => tr!(lang, "cli-arg-import-sheet"),
        ("import", "header_row") => tr!(lang, "cli-arg-import-header-row"),
        ("export", "format") => tr!(lang, "cli-arg-export-format"),
        ("export", "out") => tr!(lang, "cli-arg-export-out"),
        ("events list", "kind") => tr!(lang, "cli-arg-events-list-kind"),
        ("events list", "event_type") => tr!(lang, "cli-arg-events-list-event-type"),
        ("events list", "state") => tr!(lang, "cli-arg-events-list-state"),
        ("events list", "field_office") => tr!(lang, "cli-arg-events-list-field-office"),
        ("events list" | "people list", "group") => tr!(lang, "cli-arg-events-list-group"),
        ("events list", "person") => tr!(lang, "cli-arg-events-list-person"),
        ("events list", "from") => tr!(lang, "cli-arg-events-list-from"),
        ("events list", "to") => tr!(lang, "cli-arg-events-list-to"),
        ("events list", "verification") => tr!(lang, "cli-arg-events-list-verification"),
        ("events list", "limit") => tr!(lang, "cli-arg-events-list-limit"),
        ("events list", "offset") => tr!(lang, "cli-arg-events-list-offset"),
        ("people list", "consent") => tr!(lang, "cli-arg-people-list-consent"),
        ("person show" | "document get" | "document show", "id") => {
            tr!(lang, "cli-arg-person-show-id")
        }
        ("person add" | "person edit", "pseudonym") => tr!(lang, "cli-arg-person-pseudonym"),
        ("person add", "consent") => tr!(lang, "cli-arg-person-consent"),
        ("person add", "consent_given") => tr!(lang, "cli-arg-person-consent-given"),
        ("person add", "id") => tr!(lang, "cli-arg-person-add-id"),
        ("person edit", "id") => tr!(lang, "cli-arg-person-show-id"),
        ("person mentions", "id") => tr!(lang, "cli-arg-person-mentions-id"),
        ("person mentions", "all") => tr!(lang, "cli-arg-person-mentions-all"),
        ("person add" | "person edit", "legal_name") => tr!(lang, "cli-arg-person-legal-name"),
        ("person add" | "person edit", "aliases") => tr!(lang, "cli-arg-person-alias"),
        ("person add" | "person edit", "contact") => tr!(lang, "cli-arg-person-contact"),
        ("person add" | "person edit", "a_number") => tr!(lang, "cli-arg-person-a-number"),
        ("person add" | "person edit", "immigration_status") => {
            tr!(lang, "cli-arg-person-immigration-status")
        }
        ("person add" | "person edit", "address") => tr!(lang, "cli-arg-person-address"),
        ("person add" | "person edit", "birth_year") => tr!(lang, "cli-arg-person-birth-year"),
        ("person add" | "person edit", "groups") => tr!(lang, "cli-arg-person-group"),
        ("document add", "files") => tr!(lang, "cli-arg-document-add-files"),
        ("document text", "id") => tr!(lang, "cli-arg-document-text-id"),
        ("search", "query") => tr!(lang, "cli-arg-search-query"),
        ("search", "limit") => tr!(lang, "cli-arg-search-limit"),
        ("demo", "documents") => tr!(lang, "cli-arg-demo-documents"),
        ("packet", "person") => tr!(lang, "cli-arg-packet-person"),
        ("testimony add", "person") => tr!(lang, "cli-arg-testimony-person"),
        ("testimony add", "interviewer") => tr!(lang, "cli-arg-testimony-interviewer"),
        ("testimony add", "date") => tr!(lang, "cli-arg-testimony-date"),
        ("testimony add", "place") => tr!(lang, "cli-arg-testimony-place"),
        ("testimony add", "language") => tr!(lang, "cli-arg-testimony-language"),
        ("testimony add", "consent") => tr!(lang, "cli-arg-testimony-consent"),
        ("testimony add", "events") => tr!(lang, "cli-arg-testimony-event"),
        ("testimony add", "documents") => tr!(lang, "cli-arg-testimony-document"),
        ("testimony add", "account_file") => tr!(lang, "cli-arg-testimony-account-file"),
        ("testimony add", "id") => tr!(lang, "cli-arg-testimony-add-id"),
        ("testimony list", "person") => tr!(lang, "cli-arg-testimony-list-person"),
        ("testimony show" | "testimony review" | "testimony link", "id") => {
            tr!(lang, "cli-arg-testimony-id")
        }
        ("testimony link", "events") => tr!(lang, "cli-arg-testimony-link-event"),
        ("testimony link", "documents") => tr!(lang, "cli-arg-testimony-link-document"),
        ("testimony search", "query") => tr!(lang, "cli-arg-testimony-search-query"),
        ("packet", "out") => tr!(lang, "cli-arg-packet-out"),
        ("packet", "format") => tr!(lang, "cli-arg-packet-format"),
        ("packet", "exhibits_dir") => tr!(lang, "cli-arg-packet-exhibits-dir"),
        ("packet" | "case packet", "bag") => tr!(lang, "cli-arg-packet-bag"),
        ("packet" | "case packet", "tsa") => tr!(lang, "cli-arg-packet-tsa"),
        ("packet verify", "path") => tr!(lang, "cli-arg-packet-verify-path"),
        ("packet verify", "key") => tr!(lang, "cli-arg-packet-verify-key"),
        ("watchlist add", "name") => tr!(lang, "cli-arg-watchlist-add-name"),
        ("audit fingerprint", "query") => tr!(lang, "cli-arg-audit-fingerprint-query"),
        ("watchlist add", "query") => tr!(lang, "cli-arg-watchlist-add-query"),
        ("watchlist add", "purpose") => tr!(lang, "cli-arg-watchlist-add-purpose"),
        ("watchlist hits", "watchlist") => tr!(lang, "cli-arg-watchlist-hits-watchlist"),
        ("watchlist hits", "all") => tr!(lang, "cli-arg-watchlist-hits-all"),
        ("watchlist hits", "limit") => tr!(lang, "cli-arg-watchlist-hits-limit"),
        ("watchlist accept" | "watchlist dismiss", "hit") => {
            tr!(lang, "cli-arg-watchlist-accept-hit")
        }
        ("watchlist accept" | "excerpt add", "tag") => tr!(lang, "cli-arg-watchlist-accept-tag"),
        ("watchlist accept" | "excerpt add", "event") => {
            tr!(lang, "cli-arg-watchlist-accept-event")
        }
        ("watchlist accept" | "excerpt add", "person") => {
            tr!(lang, "cli-arg-watchlist-accept-person")
        }
        ("excerpt add", "document") => tr!(lang, "cli-arg-excerpt-add-document"),
        ("excerpt add", "page") => tr!(lang, "cli-arg-excerpt-add-page"),
        ("excerpt add", "from") => tr!(lang, "cli-arg-excerpt-add-from"),
        ("excerpt add", "to") => tr!(lang, "cli-arg-excerpt-add-to"),
        ("excerpt add", "note") => tr!(lang, "cli-arg-excerpt-add-note"),
        ("excerpt list", "event") => tr!(lang, "cli-arg-excerpt-list-event"),
        ("excerpt list", "person") => tr!(lang, "cli-arg-excerpt-list-person"),
        ("excerpt list", "document") => tr!(lang, "cli-arg-excerpt-list-document"),
        ("excerpt list", "tag") => tr!(lang, "cli-arg-excerpt-list-tag"),
        ("search", "offset") => tr!(lang, "cli-arg-search-offset"),
        ("document text", "page") => tr!(lang, "cli-arg-document-text-page"),
        ("ingest", "paths") => tr!(lang, "cli-arg-ingest-paths"),
        ("ingest" | "documents list", "source_kind") => tr!(lang, "cli-arg-ingest-source-kind"),
        ("ingest", "foia") => tr!(lang, "cli-arg-ingest-foia"),
        ("documents list", "foia") => tr!(lang, "cli-arg-documents-list-foia"),
        ("documents list", "status") => tr!(lang, "cli-arg-documents-list-status"),
        ("ingest", "custodian") => tr!(lang, "cli-arg-ingest-custodian"),
        ("ingest", "obtained_on") => tr!(lang, "cli-arg-ingest-obtained-on"),
        ("ingest", "bates_prefix") => tr!(lang, "cli-arg-ingest-bates-prefix"),
        ("ingest", "ocr_lang") => tr!(lang, "cli-arg-ingest-ocr-lang"),
        ("ingest", "jobs") => tr!(lang, "cli-arg-ingest-jobs"),
        ("ingest", "file_timeout") => tr!(lang, "cli-arg-ingest-file-timeout"),
        ("document get", "out") => tr!(lang, "cli-arg-document-get-out"),
        ("audit log", "limit") => tr!(lang, "cli-arg-audit-log-limit"),
        ("backup", "out") => tr!(lang, "cli-arg-backup-out"),
        ("restore", "backup") => tr!(lang, "cli-arg-restore-backup"),
        ("foia add", "agency") => tr!(lang, "cli-arg-foia-add-agency"),
        ("foia add", "subject") => tr!(lang, "cli-arg-foia-add-subject"),
        ("foia add" | "foia update", "received") => tr!(lang, "cli-arg-foia-add-received"),
        ("foia add" | "foia update", "sent") => tr!(lang, "cli-arg-foia-add-sent"),
        ("foia add" | "foia update", "tracking") => tr!(lang, "cli-arg-foia-add-tracking"),
        ("foia add", "component") => tr!(lang, "cli-arg-foia-add-component"),
        ("foia add", "expedited") => tr!(lang, "cli-arg-foia-add-expedited"),
        ("foia add", "id") => tr!(lang, "cli-arg-foia-add-id"),
        ("foia list", "overdue") => tr!(lang, "cli-arg-foia-list-overdue"),
        ("foia list", "due_within") => tr!(lang, "cli-arg-foia-list-due-within"),
        ("foia show" | "foia update" | "foia letter", "id") => tr!(lang, "cli-arg-foia-show-id"),
        ("foia update", "status") => tr!(lang, "cli-arg-foia-update-status"),
        ("foia update", "perfected") => tr!(lang, "cli-arg-foia-update-perfected"),
        ("foia update", "toll") => tr!(lang, "cli-arg-foia-update-toll"),
        ("foia update", "extension_notified") => {
            tr!(lang, "cli-arg-foia-update-extension-notified")
        }
        ("foia update", "determination") => tr!(lang, "cli-arg-foia-update-determination"),
        ("foia update", "appeal_filed") => tr!(lang, "cli-arg-foia-update-appeal-filed"),
        ("foia update", "appeal_received") => tr!(lang, "cli-arg-foia-update-appeal-received"),
        ("foia update", "appeal_decided") => tr!(lang, "cli-arg-foia-update-appeal-decided"),
        ("foia update", "note") => tr!(lang, "cli-arg-foia-update-note"),
        ("foia calendar", "out") => tr!(lang, "cli-arg-foia-calendar-out"),
        ("foia link", "id") => tr!(lang, "cli-arg-foia-link-id"),
        ("foia link", "document") => tr!(lang, "cli-arg-foia-link-document"),
        ("foia link", "bates") => tr!(lang, "cli-arg-foia-link-bates"),
        ("foia link", "received") => tr!(lang, "cli-arg-foia-link-received"),
        ("foia link", "event") => tr!(lang, "cli-arg-foia-link-event"),
        ("foia letter", "out") => tr!(lang, "cli-arg-foia-letter-out"),
        ("foia letter", "kind") => tr!(lang, "cli-arg-foia-letter-kind"),
        ("foia letter", "signatory") => tr!(lang, "cli-arg-foia-letter-signatory"),
        ("demo", "events") => tr!(lang, "cli-arg-demo-events"),
        ("demo" | "serve", "addr") => tr!(lang, "cli-arg-demo-addr"),
        ("demo", "no_serve") => tr!(lang, "cli-arg-demo-no-serve"),
        ("serve", "secure_cookies") => tr!(lang, "cli-arg-serve-secure-cookies"),
        ("serve", "trusted_proxies") => tr!(lang, "cli-arg-serve-trusted-proxies"),
        ("serve", "max_upload_mb") => tr!(lang, "cli-arg-serve-max-upload-mb"),
        ("serve", "max_request_mb") => tr!(lang, "cli-arg-serve-max-request-mb"),
        ("user token", "label") => tr!(lang, "cli-arg-user-token-label"),
        ("user token", "expires_in") => tr!(lang, "cli-arg-user-token-expires-in"),
        ("user token", "list") => tr!(lang, "cli-arg-user-token-list"),
        ("user token", "revoke") => tr!(lang, "cli-arg-user-token-revoke"),
        ("user add", "role") => tr!(lang, "cli-arg-user-add-role"),
        ("user add" | "user passwd", "password_file") => {
            tr!(lang, "cli-arg-user-add-password-file")
        }
        ("analyze" | "report", "audience") => tr!(lang, "cli-arg-analyze-audience"),
        ("analyze" | "report", "min_count") => tr!(lang, "cli-arg-analyze-min-count"),
        ("analyze" | "report", "permutations") => tr!(lang, "cli-arg-analyze-permutations"),
        ("analyze" | "report", "seed") => tr!(lang, "cli-arg-analyze-seed"),
        ("report", "format") => tr!(lang, "cli-arg-report-format"),
        ("report", "out") => tr!(lang, "cli-arg-report-out"),
        ("report", "max_cases") => tr!(lang, "cli-arg-report-max-cases"),
        (_, "operator") => tr!(lang, "cli-arg-operator"),
        ("init", "name") => tr!(lang, "cli-arg-init-name"),
        (
            "user add" | "user passwd" | "user disable" | "user enable" | "user token",
            "username",
        ) => tr!(lang, "cli-arg-user-add-username"),
        _ => return None,
    })
}

/// The command tree with every text in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    localize_at(cmd, lang, "")
}

fn localize_at(mut cmd: Command, lang: Lang, path: &str) -> Command {
    if let Some(text) = about(lang, path) {
        cmd = cmd.about(text).long_about(None::<&str>);
    }
    cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            tr!(lang, "cli-help-usage")
        ))
        .subcommand_help_heading(tr!(lang, "cli-help-commands"))
        .subcommand_value_name(tr!(lang, "cli-help-command-value"))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(path.is_empty()),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = arg_help(lang, path, &id);
        let value = value_name(lang, path, &id);
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let a = localize_arg(a, lang, help);
            match value {
                Some(name) if a.get_action().takes_values() => a.value_name(name),
                _ => a,
            }
        });
    }
    let line = usage(&cmd, lang, path);
    cmd = cmd.override_usage(line);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize_at(s, lang, &sub_path));
    }
    cmd
}

/// The placeholder of an argument's value (`--vault <DIR>`), by what it
/// holds, in the user's language; `None` for a flag.
fn value_name(lang: Lang, path: &str, id: &str) -> Option<&'static str> {
    if let Some(name) = crate::help_cases::value_name(lang, path, id)
        .or_else(|| crate::help_coalition::value_name(lang, path, id))
        .or_else(|| crate::help_redact::value_name(lang, path, id))
    {
        return Some(name);
    }
    Some(match (path, id) {
        (_, "vault" | "exhibits_dir") => tr!(lang, "cli-value-dir"),
        ("packet", "bag") | ("packet verify", "path") => tr!(lang, "cli-value-path"),
        ("packet", "tsa") => tr!(lang, "cli-value-url"),
        ("packet verify", "key") => tr!(lang, "cli-value-file"),
        ("import", "file") | ("ingest", "paths") | ("document add", "files") => {
            tr!(lang, "cli-value-path")
        }
        ("demo", "documents") => tr!(lang, "cli-value-path"),
        ("import", "profile" | "save_profile") => tr!(lang, "cli-value-name-or-file"),
        ("import", "sheet") => tr!(lang, "cli-value-name"),
        ("import", "header_row") => tr!(lang, "cli-value-number"),
        (
            _,
            "passphrase_file"
            | "new_passphrase_file"
            | "recovery_key_file"
            | "password_file"
            | "out"
            | "backup",
        ) => tr!(lang, "cli-value-file"),
        ("excerpt add", "from" | "to") => tr!(lang, "cli-value-number"),
        ("testimony add" | "testimony link", "events" | "documents") => tr!(lang, "cli-value-id"),
        ("testimony add", "account_file") => tr!(lang, "cli-value-file"),
        ("testimony add", "date") => tr!(lang, "cli-value-date"),
        ("testimony add", "interviewer" | "place") => tr!(lang, "cli-value-text"),
        ("testimony add", "language") => tr!(lang, "cli-value-code"),
        (
            _,
            "from" | "to" | "received" | "sent" | "perfected" | "extension_notified"
            | "appeal_filed" | "appeal_received" | "appeal_decided" | "obtained_on",
        ) => tr!(lang, "cli-value-date"),
        (
            _,
            "limit" | "offset" | "page" | "seed" | "permutations" | "min_count" | "max_cases"
            | "kdf_passes" | "jobs" | "events" | "hit",
        ) => tr!(lang, "cli-value-number"),
        (_, "kdf_memory_mib") => tr!(lang, "cli-value-mib"),
        (_, "max_upload_mb" | "max_request_mb") => tr!(lang, "cli-value-mb"),
        (_, "expires_in" | "due_within") => tr!(lang, "cli-value-days"),
        (_, "file_timeout") => tr!(lang, "cli-value-seconds"),
        (_, "id" | "person" | "event" | "document" | "group" | "foia" | "watchlist" | "revoke") => {
            tr!(lang, "cli-value-id")
        }
        (_, "username") => tr!(lang, "cli-value-username"),
        (_, "operator" | "name" | "signatory" | "custodian") => tr!(lang, "cli-value-name"),
        (_, "query") => tr!(lang, "cli-value-query"),
        (_, "addr" | "trusted_proxies") => tr!(lang, "cli-value-address"),
        (_, "bates") => tr!(lang, "cli-value-range"),
        (
            _,
            "subject" | "note" | "purpose" | "label" | "component" | "tracking" | "bates_prefix"
            | "pseudonym" | "legal_name" | "aliases" | "contact" | "a_number"
            | "immigration_status" | "address",
        ) => tr!(lang, "cli-value-text"),
        (_, "consent_given") => tr!(lang, "cli-value-date"),
        (_, "birth_year") => tr!(lang, "cli-value-number"),
        (_, "groups") => tr!(lang, "cli-value-id"),
        (
            _,
            "kind" | "event_type" | "state" | "field_office" | "verification" | "consent"
            | "status" | "source_kind" | "agency" | "role" | "tag" | "lang" | "ocr_lang"
            | "audience" | "format" | "determination" | "toll",
        ) => tr!(lang, "cli-value-code"),
        _ => return None,
    })
}

/// The usage line, as clap would write it but with its words from the
/// catalog: `testimonio user token [OPCIONES] <USERNAME>`.
fn usage(cmd: &Command, lang: Lang, path: &str) -> String {
    let mut words = vec!["testimonio".to_owned()];
    words.extend(path.split_whitespace().map(str::to_owned));
    words.push(format!("[{}]", tr!(lang, "cli-help-options-value")));
    for arg in cmd.get_positionals() {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
        let many = matches!(arg.get_num_args(), Some(range) if range.max_values() > 1);
        let dots = if many { "..." } else { "" };
        words.push(if arg.is_required_set() {
            format!("<{name}>{dots}")
        } else {
            format!("[{name}]{dots}")
        });
    }
    if cmd.has_subcommands() {
        words.push(format!("<{}>", tr!(lang, "cli-help-command-value")));
    }
    words.join(" ")
}

/// An argument's help from the catalog, under a heading from the catalog,
/// with the notes clap would write in English (`[default: …]`, `[env: …]`,
/// `[possible values: …]`) written from the catalog instead.
fn localize_arg(arg: Arg, lang: Lang, help: Option<&'static str>) -> Arg {
    let heading = if arg.is_positional() {
        tr!(lang, "cli-help-arguments")
    } else {
        tr!(lang, "cli-help-options")
    };
    let mut text: Vec<String> = help.map(str::to_owned).into_iter().collect();
    let takes_values = arg.get_action().takes_values();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if takes_values && !values.is_empty() {
        text.push(tr!(lang, "cli-help-values", values = values.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() {
        text.push(tr!(lang, "cli-help-default", value = defaults.join(", ")));
    }
    if let Some(name) = arg.get_env() {
        text.push(tr!(
            lang,
            "cli-help-env",
            name = name.to_string_lossy().into_owned()
        ));
    }
    let arg = arg
        .help_heading(heading)
        .help(text.join(" "))
        .long_help(None::<&str>)
        .hide_env(true);
    if takes_values {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
        for lang in [Lang::En, Lang::Es] {
            if about(lang, path).is_none() {
                missing.push(format!("about of `{path}`"));
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if arg_help(lang, path, id).is_none() {
                    missing.push(format!("`{path}` --{id}"));
                }
                if a.get_action().takes_values() && value_name(lang, path, id).is_none() {
                    missing.push(format!("value name of `{path}` --{id}"));
                }
            }
        }
        for s in cmd.get_subcommands() {
            let sub = if path.is_empty() {
                s.get_name().to_owned()
            } else {
                format!("{path} {}", s.get_name())
            };
            walk(s, &sub, missing);
        }
    }

    #[test]
    fn every_command_and_argument_has_help_from_the_catalog() {
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "missing help: {missing:#?}");
    }

    #[test]
    fn the_localized_tree_still_parses() {
        for lang in [Lang::En, Lang::Es] {
            let cmd = localize(Cli::command(), lang);
            cmd.clone().debug_assert();
            let m = cmd
                .try_get_matches_from([
                    "testimonio",
                    "--lang",
                    "es",
                    "events",
                    "list",
                    "--state",
                    "TX",
                ])
                .unwrap();
            assert!(m.subcommand_matches("events").is_some());
        }
    }
}
