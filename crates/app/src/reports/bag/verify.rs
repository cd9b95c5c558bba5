//! Checking a packet bag on disk: the declaration, every payload file
//! against `manifest-sha256.txt` (changed, missing, added and renamed
//! files each reported with its path), every tag file against
//! `tagmanifest-sha256.txt`, the Payload-Oxum, the minisign signature of
//! the tag manifest (against a trusted key when one is given: the vault's
//! or a `minisign.pub` the user holds; a bag whose key and signature were
//! both replaced fails there), and the timestamp's imprint when present.
//! Custody logs are payload files: an edited line is a changed file.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;
use std::path::{Component, Path};

use testimonio_domain::Lang;
use testimonio_i18n::tr;

use super::format::{self, parse_manifest, sha256_hex};
use super::source::BagSource;
use super::timestamp::{TimestampFault, check_reply};
use crate::AppResult;

/// What is wrong with one file of a bag (or the bag).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BagFault {
    /// No `bagit.txt`, or not a BagIt 1.0 declaration.
    NotABag,
    /// A manifest that must be there is not.
    NoManifest,
    /// A manifest line that is not `<sha256> <path>` (1-based line).
    BadManifestLine { line: usize },
    /// A manifest names a path outside the bag or outside `data/`.
    UnsafePath,
    /// The file's bytes differ from its manifest hash.
    Changed,
    /// A file the manifest lists is not there.
    Missing,
    /// A file no manifest lists.
    Added,
    /// A listed file is gone and an unlisted one has its exact bytes.
    Renamed { from: String },
    /// Not a regular file (a link, a device).
    NotAFile,
    /// A zipped file that cannot be inflated, or inflates past the limit.
    Unreadable,
    /// `bag-info.txt`'s Payload-Oxum does not match the payload.
    WrongOxum { stated: String, found: String },
    /// No signature file.
    NoSignature,
    /// The signature does not verify with the key it was checked against.
    BadSignature,
    /// The bag's `minisign.pub` is not the trusted key.
    UntrustedKey,
    /// The timestamp reply does not hold for this tag manifest.
    BadTimestamp(TimestampFault),
}

impl BagFault {
    /// A stable code, for `--json`.
    pub fn code(&self) -> &'static str {
        match self {
            BagFault::NotABag => "not-a-bag",
            BagFault::NoManifest => "no-manifest",
            BagFault::BadManifestLine { .. } => "bad-manifest-line",
            BagFault::UnsafePath => "unsafe-path",
            BagFault::Changed => "changed",
            BagFault::Missing => "missing",
            BagFault::Added => "added",
            BagFault::Renamed { .. } => "renamed",
            BagFault::NotAFile => "not-a-file",
            BagFault::Unreadable => "unreadable",
            BagFault::WrongOxum { .. } => "wrong-oxum",
            BagFault::NoSignature => "no-signature",
            BagFault::BadSignature => "bad-signature",
            BagFault::UntrustedKey => "untrusted-key",
            BagFault::BadTimestamp(_) => "bad-timestamp",
        }
    }

    /// The reason in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BagFault::NotABag => tr!(lang, "bag-fault-not-a-bag").to_owned(),
            BagFault::NoManifest => tr!(lang, "bag-fault-no-manifest").to_owned(),
            BagFault::BadManifestLine { line } => {
                tr!(lang, "bag-fault-bad-manifest-line", line = *line)
            }
            BagFault::UnsafePath => tr!(lang, "bag-fault-unsafe-path").to_owned(),
            BagFault::Changed => tr!(lang, "bag-fault-changed").to_owned(),
            BagFault::Missing => tr!(lang, "bag-fault-missing").to_owned(),
            BagFault::Added => tr!(lang, "bag-fault-added").to_owned(),
            BagFault::Renamed { from } => tr!(lang, "bag-fault-renamed", from = from.as_str()),
            BagFault::NotAFile => tr!(lang, "bag-fault-not-a-file").to_owned(),
            BagFault::Unreadable => tr!(lang, "bag-fault-unreadable").to_owned(),
            BagFault::WrongOxum { stated, found } => tr!(
                lang,
                "bag-fault-wrong-oxum",
                stated = stated.as_str(),
                found = found.as_str()
            ),
            BagFault::NoSignature => tr!(lang, "bag-fault-no-signature").to_owned(),
            BagFault::BadSignature => tr!(lang, "bag-fault-bad-signature").to_owned(),
            BagFault::UntrustedKey => tr!(lang, "bag-fault-untrusted-key").to_owned(),
            BagFault::BadTimestamp(fault) => {
                tr!(lang, "bag-fault-bad-timestamp", reason = fault.code())
            }
        }
    }
}

/// One problem found: the file (relative to the bag, `/`) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BagFinding {
    pub path: String,
    pub fault: BagFault,
}

/// How the signature was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureCheck {
    /// Verified with the trusted key (the vault's or one given).
    Trusted { key_id: String },
    /// Verified only with the key the bag itself carries: it proves the
    /// bag is unchanged since someone signed it, not who.
    SelfSigned { key_id: String },
    /// Not verified (see the findings).
    Failed,
}

/// The result of checking a bag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BagCheck {
    pub findings: Vec<BagFinding>,
    pub payload_files: usize,
    pub signature: SignatureCheck,
    /// The timestamp's time, when a `.tsr` is present and holds.
    pub timestamped_at: Option<String>,
}

impl BagCheck {
    /// Whether the bag holds: no finding, and a signature verified.
    pub fn ok(&self) -> bool {
        self.findings.is_empty() && !matches!(self.signature, SignatureCheck::Failed)
    }
}

/// Checks the bag at `path`: a folder, or a zip holding one (RFC 8493
/// §4.2). `trusted_key` is the text of a `minisign.pub` (the vault's, or
/// one the user holds); without it the signature is checked against the
/// bag's own key only ([`SignatureCheck::SelfSigned`]).
///
/// # Errors
/// [`crate::AppError::Internal`] when a file of the bag cannot be read for a
/// reason other than its absence (permissions, I/O).
pub fn verify_bag(path: &Path, trusted_key: Option<&str>) -> AppResult<BagCheck> {
    let mut findings = Vec::new();
    let Some(mut source) = BagSource::open(path, &mut findings)? else {
        return Ok(BagCheck {
            findings,
            payload_files: 0,
            signature: SignatureCheck::Failed,
            timestamped_at: None,
        });
    };
    let bag = &mut source;
    let on_disk = bag.list(&mut findings)?;
    let declaration = bag.read(format::BAGIT)?;
    if declaration
        .as_deref()
        .map(String::from_utf8_lossy)
        .is_none_or(|text| !text.starts_with("BagIt-Version: 1."))
    {
        findings.push(BagFinding {
            path: format::BAGIT.into(),
            fault: BagFault::NotABag,
        });
    }
    let mut listed = BTreeSet::new();
    let payload_lines = load_manifest(bag, format::MANIFEST, true, &mut listed, &mut findings)?;
    let tag_lines = load_manifest(bag, format::TAG_MANIFEST, false, &mut listed, &mut findings)?;
    let payload = check_files(bag, payload_lines, &on_disk, &mut listed, &mut findings)?;
    check_files(bag, tag_lines, &on_disk, &mut listed, &mut findings)?;
    unlisted(&on_disk, &listed, &mut findings);
    // The Oxum is a quick completeness check: only worth a finding when
    // the manifest found nothing wrong with the payload.
    if !findings.iter().any(|f| f.path.starts_with(format::DATA)) {
        check_oxum(bag, &payload, &mut findings)?;
    }
    let tag_manifest = bag.read(format::TAG_MANIFEST)?;
    let signature = check_signature(bag, tag_manifest.as_deref(), trusted_key, &mut findings)?;
    let mut timestamped_at = None;
    if let (Some(reply), Some(manifest)) = (bag.read(format::TIMESTAMP)?, &tag_manifest) {
        let digest: [u8; 32] = {
            use sha2::Digest;
            sha2::Sha256::digest(manifest).into()
        };
        match check_reply(&reply, &digest, None) {
            Ok(time) => timestamped_at = Some(time),
            Err(fault) => findings.push(BagFinding {
                path: format::TIMESTAMP.into(),
                fault: BagFault::BadTimestamp(fault),
            }),
        }
    }
    findings.extend(bag.take_unreadable());
    Ok(BagCheck {
        findings,
        payload_files: payload.len(),
        signature,
        timestamped_at,
    })
}

/// Whether a manifest's path stays inside the bag (and, for the payload
/// manifest, inside `data/`).
fn safe(path: &str, payload: bool) -> bool {
    let relative = Path::new(path)
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    relative && (!payload || path.starts_with(format::DATA))
}

/// Reads one manifest: its lines whose paths are safe (each then counts
/// as listed), the others and malformed lines as findings.
fn load_manifest(
    bag: &mut BagSource,
    name: &str,
    payload: bool,
    listed: &mut BTreeSet<String>,
    findings: &mut Vec<BagFinding>,
) -> AppResult<Vec<format::ManifestLine>> {
    let Some(text) = bag.read(name)? else {
        if payload {
            findings.push(BagFinding {
                path: name.into(),
                fault: BagFault::NoManifest,
            });
        }
        return Ok(Vec::new());
    };
    listed.insert(name.to_owned());
    let (lines, bad) = parse_manifest(&String::from_utf8_lossy(&text));
    for line in bad {
        findings.push(BagFinding {
            path: name.into(),
            fault: BagFault::BadManifestLine { line },
        });
    }
    let mut kept = Vec::new();
    for line in lines {
        if safe(&line.path, payload) {
            listed.insert(line.path.clone());
            kept.push(line);
        } else {
            findings.push(BagFinding {
                path: line.path,
                fault: BagFault::UnsafePath,
            });
        }
    }
    Ok(kept)
}

/// Checks the files a manifest lists; returns those found (path and
/// size). A missing file whose bytes turn up under an unlisted name is
/// reported as renamed.
fn check_files(
    bag: &mut BagSource,
    lines: Vec<format::ManifestLine>,
    on_disk: &BTreeMap<String, ()>,
    listed: &mut BTreeSet<String>,
    findings: &mut Vec<BagFinding>,
) -> AppResult<Vec<(String, u64)>> {
    let mut found = Vec::new();
    for line in lines {
        if !on_disk.contains_key(&line.path) {
            let renamed = renamed_to(bag, &line.sha256, on_disk, listed)?;
            findings.push(match renamed {
                Some(to) => BagFinding {
                    path: to,
                    fault: BagFault::Renamed { from: line.path },
                },
                None => BagFinding {
                    path: line.path,
                    fault: BagFault::Missing,
                },
            });
            continue;
        }
        let Some(bytes) = bag.read(&line.path)? else {
            continue;
        };
        found.push((line.path.clone(), bytes.len() as u64));
        if sha256_hex(&bytes) != line.sha256 {
            findings.push(BagFinding {
                path: line.path,
                fault: BagFault::Changed,
            });
        }
    }
    Ok(found)
}

/// An unlisted file with the bytes of `sha256`: where a missing file went.
fn renamed_to(
    bag: &mut BagSource,
    sha256: &str,
    on_disk: &BTreeMap<String, ()>,
    listed: &mut BTreeSet<String>,
) -> AppResult<Option<String>> {
    for path in on_disk.keys() {
        if listed.contains(path) || !path.starts_with(format::DATA) {
            continue;
        }
        if let Some(bytes) = bag.read(path)?
            && sha256_hex(&bytes) == sha256
        {
            // Reported once, as the rename, not again as an added file.
            listed.insert(path.clone());
            return Ok(Some(path.clone()));
        }
    }
    Ok(None)
}

/// Files no manifest lists, but the declaration and `bag-info.txt` (which
/// a bag without a tag manifest lists nowhere), the signature and the
/// timestamp (which sign the tag manifest, so cannot be in it).
fn unlisted(
    on_disk: &BTreeMap<String, ()>,
    listed: &BTreeSet<String>,
    findings: &mut Vec<BagFinding>,
) {
    for path in on_disk.keys() {
        let exempt = [
            format::BAGIT,
            format::BAG_INFO,
            format::SIGNATURE,
            format::TIMESTAMP,
        ];
        if listed.contains(path) || exempt.contains(&path.as_str()) {
            continue;
        }
        findings.push(BagFinding {
            path: path.clone(),
            fault: BagFault::Added,
        });
    }
}

fn check_oxum(
    bag: &mut BagSource,
    payload: &[(String, u64)],
    findings: &mut Vec<BagFinding>,
) -> AppResult<()> {
    let Some(info) = bag.read(format::BAG_INFO)? else {
        return Ok(());
    };
    let info = String::from_utf8_lossy(&info);
    let Some(stated) = info
        .lines()
        .find_map(|l| l.strip_prefix("Payload-Oxum:"))
        .map(str::trim)
    else {
        return Ok(());
    };
    let found = format!(
        "{}.{}",
        payload.iter().map(|(_, size)| size).sum::<u64>(),
        payload.len()
    );
    if stated != found {
        findings.push(BagFinding {
            path: format::BAG_INFO.into(),
            fault: BagFault::WrongOxum {
                stated: stated.to_owned(),
                found,
            },
        });
    }
    Ok(())
}

/// Verifies the tag manifest's signature: with the trusted key when
/// given (and then the bag's key must be that key), else with the bag's.
fn check_signature(
    bag: &mut BagSource,
    tag_manifest: Option<&[u8]>,
    trusted_key: Option<&str>,
    findings: &mut Vec<BagFinding>,
) -> AppResult<SignatureCheck> {
    let Some(signature) = bag.read(format::SIGNATURE)? else {
        findings.push(BagFinding {
            path: format::SIGNATURE.into(),
            fault: BagFault::NoSignature,
        });
        return Ok(SignatureCheck::Failed);
    };
    let Some(manifest) = tag_manifest else {
        return Ok(SignatureCheck::Failed);
    };
    let bag_key = bag
        .read(format::PUBLIC_KEY)?
        .map(|k| String::from_utf8_lossy(&k).into_owned());
    let key_text = match (trusted_key, &bag_key) {
        (Some(trusted), bag) => {
            if bag.as_deref().map(key_base64) != Some(key_base64(trusted)) {
                findings.push(BagFinding {
                    path: format::PUBLIC_KEY.into(),
                    fault: BagFault::UntrustedKey,
                });
            }
            trusted.to_owned()
        }
        (None, Some(bag)) => bag.clone(),
        (None, None) => {
            findings.push(BagFinding {
                path: format::PUBLIC_KEY.into(),
                fault: BagFault::Missing,
            });
            return Ok(SignatureCheck::Failed);
        }
    };
    let verified = minisign::PublicKeyBox::from_string(&key_text)
        .and_then(minisign::PublicKeyBox::into_public_key)
        .and_then(|pk| {
            let signature =
                minisign::SignatureBox::from_string(&String::from_utf8_lossy(&signature))?;
            minisign::verify(&pk, &signature, Cursor::new(manifest), true, false, false)?;
            Ok(key_id(&pk))
        });
    match verified {
        Ok(key_id) if trusted_key.is_some() => Ok(SignatureCheck::Trusted { key_id }),
        Ok(key_id) => Ok(SignatureCheck::SelfSigned { key_id }),
        Err(_) => {
            findings.push(BagFinding {
                path: format::SIGNATURE.into(),
                fault: BagFault::BadSignature,
            });
            Ok(SignatureCheck::Failed)
        }
    }
}

/// The key line of a `minisign.pub` (its comment line aside).
fn key_base64(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("untrusted comment:"))
        .unwrap_or("")
}

fn key_id(pk: &minisign::PublicKey) -> String {
    let mut id = [0u8; 8];
    id.copy_from_slice(&pk.keynum()[..8]);
    format!("{:016X}", u64::from_le_bytes(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::bag::format::{BagFile, manifest};

    fn bag(manifest_text: &str, info: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join(format::BAGIT), format::BAGIT_TXT).unwrap();
        std::fs::write(dir.path().join("data/a.txt"), "a").unwrap();
        std::fs::write(dir.path().join(format::MANIFEST), manifest_text).unwrap();
        std::fs::write(dir.path().join(format::BAG_INFO), info).unwrap();
        dir
    }

    fn codes(check: &BagCheck) -> Vec<(&str, &str)> {
        check
            .findings
            .iter()
            .map(|f| (f.path.as_str(), f.fault.code()))
            .collect()
    }

    #[test]
    fn paths_outside_the_payload_and_a_wrong_oxum_are_named() {
        let a = BagFile {
            path: "data/a.txt".into(),
            bytes: b"a".to_vec(),
        };
        let escape = format!("{}  ../../etc/passwd\n", "0".repeat(64));
        let dir = bag(
            &format!("{}{escape}", manifest([&a])),
            "Payload-Oxum: 5.1\n",
        );
        let check = verify_bag(dir.path(), None).unwrap();
        assert_eq!(
            codes(&check),
            [
                ("../../etc/passwd", "unsafe-path"),
                (format::BAG_INFO, "wrong-oxum"),
                (format::SIGNATURE, "no-signature"),
            ]
        );
        assert!(!check.ok());
        assert_eq!(check.payload_files, 1);
    }

    #[test]
    fn a_folder_that_is_not_a_bag_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let check = verify_bag(dir.path(), None).unwrap();
        assert_eq!(
            codes(&check)[..2],
            [
                (format::BAGIT, "not-a-bag"),
                (format::MANIFEST, "no-manifest")
            ]
        );
    }
}
