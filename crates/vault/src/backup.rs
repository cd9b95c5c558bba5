//! Backups: one tar file holding the key file, a consistent encrypted
//! snapshot of the database, the encrypted blobs and an authenticated
//! manifest. Nothing in it is plaintext; restoring needs the passphrase
//! (or the recovery key) and verifies every file before the new vault
//! appears.

use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::audit::AuditAction;
use crate::blobs::BlobStore;
use crate::db;
use crate::error::{Result, VaultError};
use crate::keys::{Key32, VaultKeys};
use crate::vault::{Actor, DATABASE_FILE, KEY_FILE, Unlock, Vault, read_key_file};

pub const BACKUP_FORMAT: &str = "testimonio-backup";
pub const BACKUP_VERSION: u32 = 1;
const MANIFEST: &str = "manifest.json";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub vault_id: String,
    pub created_at: String,
    pub schema_version: i64,
    pub files: Vec<ManifestFile>,
    /// Keyed BLAKE3 over the manifest without this field.
    #[serde(default)]
    pub mac: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    pub path: String,
    pub size: u64,
    pub blake3: String,
}

impl Manifest {
    fn compute_mac(&self, key: &Key32) -> String {
        let mut unsigned = self.clone();
        unsigned.mac = String::new();
        let bytes = serde_json::to_vec(&unsigned).expect("manifests serialize");
        blake3::keyed_hash(key.bytes(), &bytes).to_hex().to_string()
    }
}

fn hash_file(path: &Path) -> Result<(u64, String)> {
    let mut f = File::open(path).map_err(|e| VaultError::io(path, e))?;
    let mut h = blake3::Hasher::new();
    let size = std::io::copy(&mut f, &mut h).map_err(|e| VaultError::io(path, e))?;
    Ok((size, h.finalize().to_hex().to_string()))
}

/// Summary of a written backup.
#[derive(Debug, Clone, Serialize)]
pub struct BackupSummary {
    pub path: PathBuf,
    pub files: usize,
    pub bytes: u64,
}

impl Vault {
    /// Writes a backup to `out` (replaced atomically if it exists).
    ///
    /// # Errors
    /// I/O and database errors; nothing is left at `out` on failure.
    pub fn backup(&mut self, out: &Path) -> Result<BackupSummary> {
        let created_at = crate::now();
        // Audited first, so the backup holds the record of its own making.
        self.write(|v, tx| v.audit(tx, AuditAction::Backup, "vault", ""))?;
        let tmp_dir = self.dir().join("tmp");
        fs::create_dir_all(&tmp_dir).map_err(|e| VaultError::io(&tmp_dir, e))?;
        let snapshot = tempfile::Builder::new()
            .prefix("snapshot-")
            .tempdir_in(&tmp_dir)
            .map_err(|e| VaultError::io(&tmp_dir, e))?;
        let snapshot_db = snapshot.path().join(DATABASE_FILE);
        {
            let key = Zeroizing::new(format!("x'{}'", hex::encode(self.keys().database.bytes())));
            let path = snapshot_db
                .to_str()
                .ok_or_else(|| VaultError::Invalid("vault path is not UTF-8".into()))?;
            self.conn().execute(
                "ATTACH DATABASE ?1 AS backup KEY ?2",
                rusqlite::params![path, key.as_str()],
            )?;
            self.conn().execute_batch(&db::cipher_settings("backup"))?;
            let exported = self
                .conn()
                .query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()));
            self.conn().execute_batch("DETACH DATABASE backup")?;
            exported?;
        }
        let mut files: Vec<(String, PathBuf)> = vec![
            (KEY_FILE.into(), self.dir().join(KEY_FILE)),
            (DATABASE_FILE.into(), snapshot_db.clone()),
        ];
        let names: Vec<String> = {
            let mut stmt = self
                .conn()
                .prepare("SELECT blob_name FROM documents ORDER BY blob_name")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        for name in names {
            let rel = BlobStore::relative_path(&name);
            files.push((rel.to_string_lossy().into_owned(), self.dir().join(&rel)));
        }
        let mut manifest = Manifest {
            format: BACKUP_FORMAT.into(),
            version: BACKUP_VERSION,
            vault_id: self.vault_id().to_owned(),
            created_at,
            schema_version: db::schema_version(self.conn())?,
            files: Vec::with_capacity(files.len()),
            mac: String::new(),
        };
        for (rel, path) in &files {
            let (size, blake3) = hash_file(path)?;
            manifest.files.push(ManifestFile {
                path: rel.clone(),
                size,
                blake3,
            });
        }
        manifest.mac = manifest.compute_mac(&self.keys().backup);

        let out_dir = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp =
            tempfile::NamedTempFile::new_in(out_dir).map_err(|e| VaultError::io(out_dir, e))?;
        let mut bytes = 0;
        {
            let mut builder = tar::Builder::new(BufWriter::new(tmp.as_file()));
            let manifest_json = serde_json::to_vec_pretty(&manifest).expect("manifests serialize");
            append_bytes(&mut builder, MANIFEST, &manifest_json)
                .map_err(|e| VaultError::io(out, e))?;
            for (rel, path) in &files {
                builder
                    .append_path_with_name(path, rel)
                    .map_err(|e| VaultError::io(path, e))?;
            }
            for f in &manifest.files {
                bytes += f.size;
            }
            let mut inner = builder.into_inner().map_err(|e| VaultError::io(out, e))?;
            inner.flush().map_err(|e| VaultError::io(out, e))?;
        }
        tmp.as_file()
            .sync_all()
            .map_err(|e| VaultError::io(out, e))?;
        tmp.persist(out).map_err(|e| VaultError::io(out, e.error))?;
        Ok(BackupSummary {
            path: out.to_owned(),
            files: files.len(),
            bytes,
        })
    }
}

fn append_bytes<W: Write>(
    builder: &mut tar::Builder<W>,
    name: &str,
    data: &[u8],
) -> std::io::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_size(data.len() as u64);
    header.set_mode(0o600);
    header.set_cksum();
    builder.append_data(&mut header, name, data)
}

/// Only the names a backup can hold: no absolute paths, no `..`.
fn safe_member(path: &Path) -> bool {
    let parts: Vec<_> = path.components().collect();
    if !parts.iter().all(|c| matches!(c, Component::Normal(_))) {
        return false;
    }
    let s = path.to_string_lossy();
    match parts.len() {
        1 => s == MANIFEST || s == KEY_FILE || s == DATABASE_FILE,
        3 => {
            let shard = parts[1].as_os_str().to_string_lossy();
            let file = parts[2].as_os_str().to_string_lossy();
            let hex = |t: &str| {
                t.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            };
            parts[0].as_os_str() == "blobs"
                && shard.len() == 2
                && hex(&shard)
                && file
                    .strip_suffix(".age")
                    .is_some_and(|name| name.len() == 64 && hex(name) && name.starts_with(&*shard))
        }
        _ => false,
    }
}

/// Restores a backup into `new_dir`, which must not exist or be empty.
/// Every file is verified against the authenticated manifest, and the
/// restored vault passes `check`, before `new_dir` appears.
///
/// # Errors
/// A wrong passphrase, a damaged or altered backup, an occupied target.
pub fn restore(backup: &Path, new_dir: &Path, unlock: Unlock<'_>, actor: Actor) -> Result<Vault> {
    let fail = |reason: String| VaultError::Backup {
        path: backup.to_owned(),
        reason,
    };
    if new_dir.exists()
        && fs::read_dir(new_dir)
            .map_err(|e| VaultError::io(new_dir, e))?
            .next()
            .is_some()
    {
        return Err(VaultError::AlreadyExists {
            path: new_dir.to_owned(),
        });
    }
    let parent = new_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| VaultError::io(parent, e))?;
    let staging = tempfile::Builder::new()
        .prefix(".testimonio-restore-")
        .tempdir_in(parent)
        .map_err(|e| VaultError::io(parent, e))?;
    let file = File::open(backup).map_err(|e| VaultError::io(backup, e))?;
    let mut archive = tar::Archive::new(BufReader::new(file));
    let entries = archive
        .entries()
        .map_err(|e| fail(format!("not a backup archive: {e}")))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| fail(format!("damaged archive: {e}")))?;
        let path = entry
            .path()
            .map_err(|e| fail(format!("damaged archive: {e}")))?
            .into_owned();
        if !safe_member(&path) || !entry.header().entry_type().is_file() {
            return Err(fail(format!("unexpected member {}", path.display())));
        }
        let target = staging.path().join(&path);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(|e| VaultError::io(dir, e))?;
        }
        let mut out = File::create(&target).map_err(|e| VaultError::io(&target, e))?;
        std::io::copy(&mut entry.by_ref().take(u64::MAX), &mut out)
            .map_err(|e| VaultError::io(&target, e))?;
        out.sync_all().map_err(|e| VaultError::io(&target, e))?;
    }
    let manifest_text = fs::read_to_string(staging.path().join(MANIFEST))
        .map_err(|_| fail("no manifest".into()))?;
    let manifest: Manifest =
        serde_json::from_str(&manifest_text).map_err(|e| fail(format!("bad manifest: {e}")))?;
    if manifest.format != BACKUP_FORMAT || manifest.version != BACKUP_VERSION {
        return Err(fail(format!(
            "unsupported backup format {} version {}",
            manifest.format, manifest.version
        )));
    }
    let key_file = read_key_file(staging.path())?;
    let data_key = match unlock {
        Unlock::Passphrase(p) => key_file.unlock(p)?,
        Unlock::Recovery(r) => key_file.unlock_with_recovery(r)?,
    };
    let keys = VaultKeys::derive(&data_key);
    if manifest.vault_id != key_file.vault_id || manifest.compute_mac(&keys.backup) != manifest.mac
    {
        return Err(fail(
            "the manifest is not authentic (altered, or from another vault)".into(),
        ));
    }
    let mut listed = std::collections::HashSet::new();
    for f in &manifest.files {
        let path = Path::new(&f.path);
        if !safe_member(path) {
            return Err(fail(format!("unexpected member {}", f.path)));
        }
        let (size, blake3) = hash_file(&staging.path().join(path))
            .map_err(|_| fail(format!("{} is missing", f.path)))?;
        if size != f.size || blake3 != f.blake3 {
            return Err(fail(format!("{} does not match the manifest", f.path)));
        }
        listed.insert(f.path.clone());
    }
    fs::remove_file(staging.path().join(MANIFEST))
        .map_err(|e| VaultError::io(staging.path(), e))?;
    let staged = staging.keep();
    let result = (|| {
        if new_dir.exists() {
            fs::remove_dir(new_dir).map_err(|e| VaultError::io(new_dir, e))?;
        }
        fs::rename(&staged, new_dir).map_err(|e| VaultError::io(new_dir, e))?;
        let mut vault = Vault::open(new_dir, unlock, actor)?;
        let report = vault.check()?;
        if !report.is_ok() {
            return Err(fail(format!(
                "restored vault fails its check: {}",
                report.faults.join("; ")
            )));
        }
        let detail = format!("from backup created {}", manifest.created_at);
        vault.write(|v, tx| v.audit(tx, AuditAction::Restored, "vault", &detail))?;
        Ok(vault)
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&staged);
        let _ = fs::remove_dir_all(new_dir);
    }
    result
}
