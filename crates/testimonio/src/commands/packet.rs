//! `testimonio packet PERSON`: one person's case packet (internal
//! audience). The application layer reads, audits and returns it; this
//! writes it, and with `--exhibits-dir` the cited originals beside it as
//! "Exhibit NN - name", byte-exact and hash-verified; with `--bag DIR` the
//! whole as a signed BagIt bag (a folder, or a `.zip` holding one).
//! `testimonio packet verify PATH` checks either.

use std::path::Path;

use serde_json::json;
use testimonio_app::reports::{
    BagCheck, Packet, PacketBag, SignatureCheck, make_packet, make_packet_bag, signing_key,
    verify_bag, zip_bag,
};
use testimonio_i18n::tr;

use crate::cli::{PacketArgs, PacketCommand, PacketOutput};
use crate::commands::analyze::today;
use crate::context::{CliResult, Context, Failure, exit, operator, print_json};

pub fn run(cx: &Context, args: &PacketArgs) -> CliResult {
    if let Some(PacketCommand::Verify { path, key, json }) = &args.command {
        return verify(cx, path, key.as_deref(), *json);
    }
    let Some(person) = &args.person else {
        return Err(Failure::message(tr!(cx.lang, "cli-error-packet-person")));
    };
    let mut vault = cx.open()?;
    if let Some(dir) = &args.output.bag {
        let bag = make_packet_bag(
            &mut vault,
            &operator(),
            person,
            cx.lang,
            today(),
            args.output.tsa.as_deref(),
        )
        .map_err(|e| cx.app_error(&e))?;
        return write_bag(cx, &bag, dir);
    }
    let packet = make_packet(
        &mut vault,
        &operator(),
        person,
        cx.lang,
        args.output.format.format(),
        today(),
        args.output.exhibits_dir.is_some(),
    )
    .map_err(|e| cx.app_error(&e))?;
    write(cx, &packet, &args.output)
}

/// Writes a packet where `output` says (its file, its exhibits beside it
/// when asked) and says so: for the person's packet and the case's alike.
pub(crate) fn write(cx: &Context, packet: &Packet, output: &PacketOutput) -> CliResult {
    let Some(out) = &output.out else {
        return Err(Failure::message(tr!(cx.lang, "cli-error-packet-out")));
    };
    cx.write_private(out, &packet.document)?;
    if let Some(dir) = &output.exhibits_dir {
        cx.create_private_dir(dir)?;
        for exhibit in &packet.exhibit_files {
            cx.write_private(&dir.join(&exhibit.file_name), &exhibit.bytes)?;
        }
    }
    eprintln!(
        "{}",
        tr!(
            cx.lang,
            "packet-wrote",
            path = out.display().to_string(),
            events = packet.events,
            exhibits = packet.exhibits
        )
    );
    Ok(())
}

/// Writes a bag into `dest`: a folder that must not exist yet or be empty
/// (a bag is whole: files left from another would be added files), or,
/// when `dest` ends in `.zip`, a new zip holding the bag in one folder
/// named after the file (RFC 8493 §4.2).
pub(crate) fn write_bag(cx: &Context, bag: &PacketBag, dest: &Path) -> CliResult {
    let zipped = dest
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("zip"));
    let occupied = if zipped {
        dest.exists()
    } else {
        std::fs::read_dir(dest).is_ok_and(|mut entries| entries.next().is_some())
    };
    if occupied {
        return Err(Failure::message(tr!(
            cx.lang,
            "packet-bag-exists",
            path = dest.display().to_string()
        )));
    }
    if zipped {
        let base = dest
            .file_stem()
            .map_or_else(|| "bag".to_owned(), |s| s.to_string_lossy().into_owned());
        let bytes = zip_bag(&bag.files, &base, std::io::Cursor::new(Vec::new()))
            .map_err(|e| cx.app_error(&e))?
            .into_inner();
        if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            cx.create_private_dir(parent)?;
        }
        cx.write_private(dest, &bytes)?;
    } else {
        cx.create_private_dir(dest)?;
        for file in &bag.files {
            let path = dest.join(&file.path);
            if let Some(parent) = path.parent() {
                cx.create_private_dir(parent)?;
            }
            cx.write_private(&path, &file.bytes)?;
        }
    }
    eprintln!(
        "{}",
        tr!(
            cx.lang,
            "packet-bagged",
            path = dest.display().to_string(),
            files = bag.files.len(),
            key = bag.key_id.as_str()
        )
    );
    if let Some(time) = &bag.timestamped_at {
        eprintln!(
            "{}",
            tr!(cx.lang, "packet-timestamped", time = time.as_str())
        );
    }
    Ok(())
}

/// `packet verify PATH [--key minisign.pub] [--json]`: the trusted key is
/// the one given, else the vault's when a vault is given, else none (the
/// bag's own key only).
fn verify(cx: &Context, path: &Path, key: Option<&Path>, json: bool) -> CliResult {
    let trusted = match key {
        Some(file) => Some(std::fs::read_to_string(file).map_err(|e| cx.io_error(file, &e))?),
        None if cx.vault_dir.as_deref().is_some_and(Path::exists) => {
            let mut vault = cx.open()?;
            Some(
                signing_key(&mut vault, &operator())
                    .map_err(|e| cx.app_error(&e))?
                    .public_key,
            )
        }
        None => None,
    };
    let check = verify_bag(path, trusted.as_deref()).map_err(|e| cx.app_error(&e))?;
    if json {
        print_json(&as_json(cx, &check));
    } else {
        for finding in &check.findings {
            println!("{}: {}", finding.path, finding.fault.message(cx.lang));
        }
        println!("{}", signature_line(cx, &check.signature));
        if let Some(time) = &check.timestamped_at {
            println!(
                "{}",
                tr!(cx.lang, "packet-verify-timestamp", time = time.as_str())
            );
        }
    }
    let path_text = path.display().to_string();
    if check.ok() {
        eprintln!(
            "{}",
            tr!(
                cx.lang,
                "packet-verify-ok",
                path = path_text,
                files = check.payload_files
            )
        );
        Ok(())
    } else {
        Err(Failure::message(tr!(
            cx.lang,
            "packet-verify-failed",
            path = path_text,
            count = check.findings.len().max(1)
        ))
        .with_status(exit::CHECK_FAULTS))
    }
}

fn signature_line(cx: &Context, signature: &SignatureCheck) -> String {
    match signature {
        SignatureCheck::Trusted { key_id } => {
            tr!(cx.lang, "packet-verify-trusted", key = key_id.as_str())
        }
        SignatureCheck::SelfSigned { key_id } => {
            tr!(cx.lang, "packet-verify-self-signed", key = key_id.as_str())
        }
        SignatureCheck::Failed => tr!(cx.lang, "packet-verify-no-signature").to_owned(),
    }
}

fn as_json(cx: &Context, check: &BagCheck) -> serde_json::Value {
    let (signature, key_id) = match &check.signature {
        SignatureCheck::Trusted { key_id } => ("trusted", Some(key_id.as_str())),
        SignatureCheck::SelfSigned { key_id } => ("self-signed", Some(key_id.as_str())),
        SignatureCheck::Failed => ("failed", None),
    };
    json!({
        "ok": check.ok(),
        "payload_files": check.payload_files,
        "signature": { "status": signature, "key_id": key_id },
        "timestamp": check.timestamped_at,
        "findings": check.findings.iter().map(|f| json!({
            "path": f.path,
            "code": f.fault.code(),
            "message": f.fault.message(cx.lang),
        })).collect::<Vec<_>>(),
    })
}
