//! init, passwd, check, audit log, backup, restore, key.

use serde_json::json;
use testimonio_domain::Lang;
use testimonio_i18n::{format, tr};
use testimonio_vault::{ChainFault, KdfParams, Passphrase, Unlock, Vault};

use crate::cli::{BackupArgs, InitArgs, PasswdArgs, RestoreArgs};
use crate::context::{
    CliResult, Context, Failure, actor, exit, operator_name, print_json, set_operator_name,
};

pub fn init(cx: &Context, args: &InitArgs) -> CliResult {
    let dir = cx.vault_dir()?;
    let kdf = KdfParams {
        m_cost: args.kdf_memory_mib.saturating_mul(1024),
        t_cost: args.kdf_passes,
        p_cost: 1,
    };
    if let Some(name) = &args.name {
        set_operator_name(cx, name)?;
    } else if let Some(name) = cx.ask_line(tr!(cx.lang, "cli-prompt-operator-name"))?
        && !name.is_empty()
    {
        set_operator_name(cx, &name)?;
    }
    let passphrase = if cx.passphrase_file.is_some() {
        cx.passphrase(tr!(cx.lang, "cli-prompt-passphrase"))?
    } else {
        new_passphrase(cx)?
    };
    let created = Vault::create(dir, &passphrase, kdf, actor()).map_err(|e| cx.vault_error(e))?;
    let recovery = created.recovery_key.reveal();
    if args.json {
        print_json(&json!({
            "vault": dir,
            "vault_id": created.vault.vault_id(),
            "operator": operator_name(),
            "recovery_key": recovery,
        }));
    } else {
        println!(
            "{}",
            tr!(
                cx.lang,
                "cli-vault-created",
                path = dir.display().to_string(),
                name = operator_name()
            )
        );
        println!();
        println!("{}", tr!(cx.lang, "cli-vault-recovery-key"));
        println!("    {recovery}");
    }
    Ok(())
}

/// A new passphrase asked twice on the terminal.
fn new_passphrase(cx: &Context) -> CliResult<Passphrase> {
    let first = cx.passphrase(tr!(cx.lang, "cli-prompt-new-passphrase"))?;
    let again = Passphrase::new(cx.ask(tr!(cx.lang, "cli-prompt-repeat-passphrase"))?)
        .map_err(|e| cx.vault_error(e))?;
    if !first.matches(&again) {
        return Err(Failure::message(tr!(
            cx.lang,
            "cli-error-passphrases-differ"
        )));
    }
    Ok(first)
}

pub fn passwd(cx: &Context, args: &PasswdArgs) -> CliResult {
    let mut vault = if args.recovery || args.recovery_key_file.is_some() {
        let key = cx.recovery_key(args.recovery_key_file.as_deref())?;
        cx.open_with(Unlock::Recovery(&key))?
    } else {
        cx.open()?
    };
    let sub = Context {
        lang: cx.lang,
        vault_dir: None,
        passphrase_file: args.new_passphrase_file.clone(),
    };
    let new = match &args.new_passphrase_file {
        Some(_) => sub.passphrase(tr!(cx.lang, "cli-prompt-new-passphrase"))?,
        None => new_passphrase(&sub)?,
    };
    vault
        .change_passphrase(&new)
        .map_err(|e| cx.vault_error(e))?;
    println!("{}", tr!(cx.lang, "cli-vault-passphrase-changed"));
    Ok(())
}

pub fn check(cx: &Context, json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let report = vault.check().map_err(|e| cx.vault_error(e))?;
    if json_out {
        print_json(&report);
    } else {
        // Faults and notes are the vault's technical findings (paths,
        // hashes, table names), printed as the vault states them.
        for fault in &report.faults {
            println!(
                "{}",
                tr!(cx.lang, "cli-check-fault", fault = fault.to_string())
            );
        }
        for note in &report.notes {
            println!(
                "{}",
                tr!(cx.lang, "cli-check-note", note = note.to_string())
            );
        }
        println!(
            "{}",
            tr!(
                cx.lang,
                "cli-check-summary",
                documents = report.documents_checked,
                entries = report.audit_entries
            )
        );
    }
    if report.is_ok() {
        if !json_out {
            println!("{}", tr!(cx.lang, "cli-check-ok"));
        }
        Ok(())
    } else {
        Err(Failure::message(tr!(
            cx.lang,
            "cli-check-failed",
            count = report.faults.len()
        ))
        .with_status(exit::CHECK_FAULTS))
    }
}

/// Prints a query's fingerprint in this vault's audit log.
pub fn query_fingerprint(cx: &Context, query: &str) -> CliResult {
    let vault = cx.open()?;
    println!("{}", vault.query_fingerprint(query));
    Ok(())
}

pub fn audit_log(cx: &Context, limit: usize, json_out: bool) -> CliResult {
    let vault = cx.open()?;
    let entries = vault.audit_tail(limit).map_err(|e| cx.vault_error(e))?;
    let (count, faults) = vault.verify_audit_chain().map_err(|e| cx.vault_error(e))?;
    let head = entries.last().map(|e| e.hash.clone()).unwrap_or_default();
    if json_out {
        print_json(&json!({
            "entries": entries,
            "total": count,
            "head": head,
            "chain_ok": faults.is_empty(),
            "faults": faults.iter().map(ToString::to_string).collect::<Vec<_>>(),
        }));
    } else {
        // Entries are records of the log: codes, names and hashes as stored.
        for e in &entries {
            println!(
                "{:>6}  {}  {:<28} {:<24} {:<28} {}",
                e.seq, e.at, e.actor, e.action, e.object, e.detail
            );
        }
        println!(
            "{}",
            tr!(cx.lang, "cli-audit-summary", count = count, head = head)
        );
        for f in &faults {
            println!(
                "{}",
                tr!(cx.lang, "cli-check-fault", fault = chain_fault(cx.lang, f))
            );
        }
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(Failure::message(tr!(cx.lang, "cli-audit-broken")).with_status(exit::CHECK_FAULTS))
    }
}

/// A break in the audit chain, in the user's language.
fn chain_fault(lang: Lang, fault: &ChainFault) -> String {
    match *fault {
        ChainFault::Missing { after, next } => tr!(
            lang,
            "cli-audit-missing",
            count = next - after - 1,
            first = (after + 1).to_string(),
            last = (next - 1).to_string()
        ),
        ChainFault::Altered { seq } => tr!(lang, "cli-audit-altered", seq = seq.to_string()),
        ChainFault::BrokenLink { seq } => {
            tr!(lang, "cli-audit-broken-link", seq = seq.to_string())
        }
    }
}

pub fn backup(cx: &Context, args: &BackupArgs) -> CliResult {
    let mut vault = cx.open()?;
    let summary = vault.backup(&args.out).map_err(|e| cx.vault_error(e))?;
    if args.json {
        print_json(&summary);
    } else {
        println!(
            "{}",
            tr!(
                cx.lang,
                "cli-backup-written",
                path = summary.path.display().to_string(),
                files = summary.files,
                size = format::file_size(cx.lang, summary.bytes)
            )
        );
    }
    Ok(())
}

pub fn restore(cx: &Context, args: &RestoreArgs) -> CliResult {
    let dir = cx.vault_dir()?;
    let vault = if args.recovery || args.recovery_key_file.is_some() {
        let key = cx.recovery_key(args.recovery_key_file.as_deref())?;
        testimonio_vault::restore(&args.backup, dir, Unlock::Recovery(&key), actor())
    } else {
        let passphrase = cx.passphrase(tr!(cx.lang, "cli-prompt-passphrase"))?;
        testimonio_vault::restore(&args.backup, dir, Unlock::Passphrase(&passphrase), actor())
    }
    .map_err(|e| cx.vault_error(e))?;
    let counts = vault.counts().map_err(|e| cx.vault_error(e))?;
    println!(
        "{}",
        tr!(
            cx.lang,
            "cli-restore-done",
            path = dir.display().to_string(),
            people = counts.people,
            events = counts.events,
            documents = counts.documents
        )
    );
    Ok(())
}

pub fn age_identity(cx: &Context) -> CliResult {
    let mut vault = cx.open()?;
    let identity = vault.reveal_age_identity().map_err(|e| cx.vault_error(e))?;
    println!("{}", identity.as_str());
    Ok(())
}

/// `key signing-key`: the vault's public signing key as `minisign.pub`
/// (made on first use), to check packet bags with `minisign -V`.
pub fn signing_key(cx: &Context) -> CliResult {
    let mut vault = cx.open()?;
    let key = testimonio_app::reports::signing_key(&mut vault, &crate::context::operator())
        .map_err(|e| cx.app_error(&e))?;
    print!("{}", key.public_key);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_in_the_audit_chain_read_in_both_languages() {
        let one = ChainFault::Missing { after: 3, next: 5 };
        let two = ChainFault::Missing { after: 3, next: 6 };
        assert_eq!(chain_fault(Lang::En, &one), "audit entry 4 is missing");
        assert_eq!(
            chain_fault(Lang::Es, &two),
            "faltan las entradas de auditoría 4 a 5"
        );
        assert_eq!(
            chain_fault(Lang::Es, &ChainFault::Altered { seq: 1200 }),
            "la entrada de auditoría 1200 fue alterada"
        );
    }
}
