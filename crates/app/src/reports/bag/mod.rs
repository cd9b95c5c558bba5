//! A packet as a verifiable BagIt bag (RFC 8493): the packet PDF, the
//! exhibits byte-exact and the custody log of each as JSON Lines under
//! `data/`; `manifest-sha256.txt`, `bag-info.txt`, the vault's public
//! signing key (`minisign.pub`) and `tagmanifest-sha256.txt` over them;
//! the tag manifest signed by the vault's key in minisign's format and,
//! when a TSA is named, an RFC 3161 timestamp of its SHA-256.
//!
//! [`make_packet_bag`] / [`make_case_packet_bag`] make it (the packet's
//! reads and export are audited as for any packet); [`verify_bag`]
//! checks one on disk, with or without a vault.

pub mod format;
mod source;
pub mod timestamp;
pub mod verify;

use serde::Serialize;
use sha2::{Digest, Sha256};
use testimonio_domain::{FieldError, Lang, Problem};
use testimonio_report::Format;
use testimonio_vault::{SigningKeyInfo, Vault};

use crate::reports::packet::{Packet, make_case_packet, make_packet};
use crate::{Actor, AppError, AppResult, act_as};
use format::{BagFile, sha256_hex};

pub use source::{MAX_ZIP_ENTRY, zip_bag};
pub use verify::{BagCheck, BagFault, BagFinding, SignatureCheck, verify_bag};

/// A packet made into a bag, ready to be written file by file.
#[derive(Debug)]
pub struct PacketBag {
    /// Every file of the bag, paths relative to it with `/`: payload
    /// first, then the tag files.
    pub files: Vec<BagFile>,
    pub events: usize,
    pub exhibits: usize,
    /// The signing key's id (minisign's, 16 hex digits).
    pub key_id: String,
    /// The timestamp's time, when a TSA stamped the tag manifest.
    pub timestamped_at: Option<String>,
}

/// The bag of person `person`'s packet (see [`make_packet`]), its
/// exhibits read (audited, hash-verified), signed by the vault's key (made
/// on first use) and, with `tsa`, timestamped by that authority.
///
/// # Errors
/// As [`make_packet`]; [`AppError::Invalid`] on `tsa` when the authority
/// gives no valid timestamp.
pub fn make_packet_bag(
    vault: &mut Vault,
    actor: &Actor,
    person: &str,
    lang: Lang,
    generated_on: chrono::NaiveDate,
    tsa: Option<&str>,
) -> AppResult<PacketBag> {
    let packet = make_packet(vault, actor, person, lang, Format::Pdf, generated_on, true)?;
    bag(vault, &packet, lang, generated_on, tsa)
}

/// The bag of case `case`'s packet (see [`make_case_packet`]).
///
/// # Errors
/// As [`make_case_packet`] and [`make_packet_bag`].
pub fn make_case_packet_bag(
    vault: &mut Vault,
    actor: &Actor,
    case: &str,
    lang: Lang,
    generated_on: chrono::NaiveDate,
    tsa: Option<&str>,
) -> AppResult<PacketBag> {
    let packet = make_case_packet(vault, actor, case, lang, Format::Pdf, generated_on, true)?;
    bag(vault, &packet, lang, generated_on, tsa)
}

/// The vault's signing key (its public half, as `minisign.pub`), made on
/// first use; any account that may export packets may read it.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that makes no packets; the vault's
/// errors.
pub fn signing_key(vault: &mut Vault, actor: &Actor) -> AppResult<SigningKeyInfo> {
    if !actor.role().sees_own_identities() && !actor.role().sees_all_identities() {
        return Err(AppError::Forbidden);
    }
    act_as(vault, actor)?;
    Ok(vault.signing_key()?)
}

/// One line of an exhibit's custody log in the bag.
#[derive(Serialize)]
struct CustodyLine<'a> {
    exhibit: usize,
    document: &'a str,
    /// The original's SHA-256, as stored in the vault.
    sha256: &'a str,
    #[serde(flatten)]
    event: &'a testimonio_vault::CustodyEvent,
}

fn bag(
    vault: &mut Vault,
    packet: &Packet,
    lang: Lang,
    generated_on: chrono::NaiveDate,
    tsa: Option<&str>,
) -> AppResult<PacketBag> {
    let mut payload = vec![BagFile {
        path: format!("data/{}.pdf", testimonio_i18n::tr!(lang, "packet-bag-file")),
        bytes: packet.document.clone(),
    }];
    for exhibit in &packet.exhibit_files {
        let name = format::safe_file_name(&exhibit.file_name);
        payload.push(BagFile {
            path: format!("data/exhibits/{name}"),
            bytes: exhibit.bytes.clone(),
        });
        let mut jsonl = Vec::new();
        for event in &exhibit.custody {
            let line = CustodyLine {
                exhibit: exhibit.number,
                document: &exhibit.document_id,
                sha256: &exhibit.sha256,
                event,
            };
            serde_json::to_writer(&mut jsonl, &line).map_err(AppError::internal)?;
            jsonl.push(b'\n');
        }
        payload.push(BagFile {
            path: format!("data/custody/{name}.jsonl"),
            bytes: jsonl,
        });
    }
    let key = vault.signing_key()?;
    let exhibit_range = match packet.exhibit_files.len() {
        0 => "none".to_owned(),
        n => format!("Exhibit 1 to Exhibit {n} (no Bates numbers: exhibits are unaltered)"),
    };
    let info = format::bag_info(&[
        ("Source-Organization", "unrecorded in this vault".to_owned()),
        ("Contact-Name", vault.actor().as_str().to_owned()),
        ("External-Identifier", packet.subject.clone()),
        (
            "External-Description",
            format!(
                "Case packet ({}); events: {}; exhibits: {}, each with its custody log",
                lang.code(),
                packet.events,
                packet.exhibits
            ),
        ),
        ("Bagging-Date", generated_on.to_string()),
        (
            "Bag-Software-Agent",
            format!("testimonio {}", env!("CARGO_PKG_VERSION")),
        ),
        ("Payload-Oxum", format::payload_oxum(&payload)),
        ("Exhibit-Range", exhibit_range),
        ("Bates-Range", "none".to_owned()),
        ("Signing-Key-Id", key.key_id.clone()),
    ]);
    let tags = vec![
        BagFile {
            path: format::BAGIT.into(),
            bytes: format::BAGIT_TXT.as_bytes().to_vec(),
        },
        BagFile {
            path: format::BAG_INFO.into(),
            bytes: info.into_bytes(),
        },
        BagFile {
            path: format::MANIFEST.into(),
            bytes: format::manifest(&payload).into_bytes(),
        },
        BagFile {
            path: format::PUBLIC_KEY.into(),
            bytes: key.public_key.clone().into_bytes(),
        },
    ];
    let tag_manifest = format::manifest(&tags).into_bytes();
    let digest: [u8; 32] = Sha256::digest(&tag_manifest).into();
    let signature = vault.sign_detached(
        &tag_manifest,
        &format!(
            "file:{} sha256:{} subject:{}",
            format::TAG_MANIFEST,
            sha256_hex(&tag_manifest),
            packet.subject
        ),
    )?;
    let mut timestamped_at = None;
    let mut stamp = None;
    if let Some(url) = tsa {
        let reply = timestamp::fetch(url, &digest).map_err(|fault| {
            AppError::invalid(FieldError::new(
                "tsa",
                Problem::TimestampFailed {
                    reason: fault.code(),
                },
            ))
        })?;
        timestamped_at = timestamp::check_reply(&reply, &digest, None).ok();
        stamp = Some(reply);
    }
    let mut files = payload;
    files.extend(tags);
    files.push(BagFile {
        path: format::TAG_MANIFEST.into(),
        bytes: tag_manifest,
    });
    files.push(BagFile {
        path: format::SIGNATURE.into(),
        bytes: signature.into_bytes(),
    });
    if let Some(reply) = stamp {
        files.push(BagFile {
            path: format::TIMESTAMP.into(),
            bytes: reply,
        });
    }
    Ok(PacketBag {
        files,
        events: packet.events,
        exhibits: packet.exhibits,
        key_id: key.key_id,
        timestamped_at,
    })
}
