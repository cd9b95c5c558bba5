//! init, passwd, check, audit log, backup, restore, key.

use serde_json::json;
use testimonio_vault::{KdfParams, Unlock, Vault};

use crate::cli::{BackupArgs, InitArgs, PasswdArgs, RestoreArgs};
use crate::context::{CliResult, Context, actor, exit, print_json};

pub fn init(cx: &Context, args: &InitArgs) -> CliResult {
    let dir = cx.vault_dir()?;
    let kdf = KdfParams {
        m_cost: args.kdf_memory_mib.saturating_mul(1024),
        t_cost: args.kdf_passes,
        p_cost: 1,
    };
    let passphrase = if cx.passphrase_file.is_some() {
        cx.passphrase("Passphrase", "Frase de contraseña")?
    } else {
        let first = cx.passphrase("New passphrase", "Nueva frase de contraseña")?;
        let again = cx.ask("Repeat the passphrase", "Repita la frase de contraseña")?;
        let again = testimonio_vault::Passphrase::new(again).map_err(|e| cx.vault_error(e))?;
        if !first.matches(&again) {
            return Err(cx.fail(
                "the passphrases differ",
                "las frases de contraseña no coinciden",
            ));
        }
        first
    };
    let created = Vault::create(dir, &passphrase, kdf, actor()).map_err(|e| cx.vault_error(e))?;
    let recovery = created.recovery_key.reveal();
    if args.json {
        print_json(
            &json!({ "vault": dir, "vault_id": created.vault.vault_id(), "recovery_key": recovery }),
        );
    } else {
        println!(
            "{} {}",
            cx.t("Vault created in", "Bóveda creada en"),
            dir.display()
        );
        println!();
        println!("{}", cx.t(
            "Recovery key (shown only now; write it down and keep it apart from the passphrase):",
            "Clave de recuperación (se muestra solo ahora; anótela y guárdela aparte de la frase de contraseña):",
        ));
        println!("    {recovery}");
    }
    Ok(())
}

pub fn passwd(cx: &Context, args: &PasswdArgs) -> CliResult {
    let dir = cx.vault_dir()?;
    let mut vault = if args.recovery || args.recovery_key_file.is_some() {
        let key = cx.recovery_key(args.recovery_key_file.as_deref())?;
        Vault::open(dir, Unlock::Recovery(&key), actor()).map_err(|e| cx.vault_error(e))?
    } else {
        cx.open()?
    };
    let new = match &args.new_passphrase_file {
        Some(path) => {
            let sub = Context {
                lang: cx.lang,
                vault_dir: None,
                passphrase_file: Some(path.clone()),
            };
            sub.passphrase("New passphrase", "Nueva frase de contraseña")?
        }
        None => {
            let sub = Context {
                lang: cx.lang,
                vault_dir: None,
                passphrase_file: None,
            };
            let first = sub.passphrase("New passphrase", "Nueva frase de contraseña")?;
            let again = testimonio_vault::Passphrase::new(
                sub.ask("Repeat the passphrase", "Repita la frase de contraseña")?,
            )
            .map_err(|e| cx.vault_error(e))?;
            if !first.matches(&again) {
                return Err(cx.fail(
                    "the passphrases differ",
                    "las frases de contraseña no coinciden",
                ));
            }
            first
        }
    };
    vault
        .change_passphrase(&new)
        .map_err(|e| cx.vault_error(e))?;
    println!(
        "{}",
        cx.t("Passphrase changed.", "Frase de contraseña cambiada.")
    );
    Ok(())
}

pub fn check(cx: &Context, json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let report = vault.check().map_err(|e| cx.vault_error(e))?;
    if json_out {
        print_json(&report);
    } else {
        for fault in &report.faults {
            println!("{}: {fault}", cx.t("FAULT", "FALLA"));
        }
        for note in &report.notes {
            println!("{}: {note}", cx.t("note", "nota"));
        }
        println!(
            "{}: {} {}, {} {}",
            cx.t("checked", "verificado"),
            report.documents_checked,
            cx.t("documents", "documentos"),
            report.audit_entries,
            cx.t("audit entries", "entradas de auditoría"),
        );
    }
    if report.is_ok() {
        if !json_out {
            println!("{}", cx.t("ok: no faults", "ok: sin fallas"));
        }
        Ok(())
    } else {
        Err(cx
            .fail(
                format!("check found {} fault(s)", report.faults.len()),
                format!("la verificación encontró {} falla(s)", report.faults.len()),
            )
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
        for e in &entries {
            println!(
                "{:>6}  {}  {:<28} {:<24} {:<28} {}",
                e.seq, e.at, e.actor, e.action, e.object, e.detail
            );
        }
        println!(
            "{}: {count}; {}: {head}",
            cx.t("entries", "entradas"),
            cx.t("head", "cabeza")
        );
        for f in &faults {
            println!("{}: {f}", cx.t("FAULT", "FALLA"));
        }
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(cx
            .fail(
                "the audit chain is broken",
                "la cadena de auditoría está rota",
            )
            .with_status(exit::CHECK_FAULTS))
    }
}

pub fn backup(cx: &Context, args: &BackupArgs) -> CliResult {
    let mut vault = cx.open()?;
    let summary = vault.backup(&args.out).map_err(|e| cx.vault_error(e))?;
    if args.json {
        print_json(&summary);
    } else {
        println!(
            "{} {} ({} {}, {} bytes)",
            cx.t("Backup written to", "Copia de seguridad escrita en"),
            summary.path.display(),
            summary.files,
            cx.t("files", "archivos"),
            summary.bytes
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
        let passphrase = cx.passphrase("Passphrase", "Frase de contraseña")?;
        testimonio_vault::restore(&args.backup, dir, Unlock::Passphrase(&passphrase), actor())
    }
    .map_err(|e| cx.vault_error(e))?;
    let counts = vault.counts().map_err(|e| cx.vault_error(e))?;
    println!(
        "{} {}: {} {}, {} {}, {} {}",
        cx.t("Restored and verified into", "Restaurada y verificada en"),
        dir.display(),
        counts.people,
        cx.t("people", "personas"),
        counts.events,
        cx.t("events", "eventos"),
        counts.documents,
        cx.t("documents", "documentos"),
    );
    Ok(())
}

pub fn age_identity(cx: &Context) -> CliResult {
    let mut vault = cx.open()?;
    let identity = vault.reveal_age_identity().map_err(|e| cx.vault_error(e))?;
    println!("{}", identity.as_str());
    Ok(())
}
