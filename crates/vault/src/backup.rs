//! Backups: one tar file holding the key file, a consistent encrypted
//! snapshot of the database, the encrypted blobs and an authenticated
//! manifest. Nothing in it is plaintext; restoring needs the passphrase
//! (or the recovery key) and verifies every file before the new vault
//! appears.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Component, Path, PathBuf};
use testimonio_i18n::tr;

use serde::{Deserialize, Serialize};
use testimonio_domain::Lang;
use zeroize::Zeroizing;

use crate::audit::AuditAction;
use crate::blobs::BlobStore;
use crate::db;
use crate::error::{Refusal, Result, VaultError};
use crate::keys::{Key32, VaultKeys};
use crate::private_fs::{self, PrivateFile};
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
        private_fs::create_dir_all(&tmp_dir).map_err(|e| VaultError::io(&tmp_dir, e))?;
        let snapshot = private_tempdir(&tmp_dir, "snapshot-")?;
        let snapshot_db = snapshot.path().join(DATABASE_FILE);
        {
            let key = Zeroizing::new(format!("x'{}'", hex::encode(self.keys().database.bytes())));
            let path = snapshot_db.to_str().ok_or_else(|| {
                VaultError::from(Refusal::PathNotUtf8 {
                    path: snapshot_db.clone(),
                })
            })?;
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
        // SQLite made it 0644 (inside our 0700 directory): the tar records
        // the mode, so give it the vault's. (Creating it 0600 beforehand
        // made SQLCipher's ATTACH intermittently lose `sqlcipher_export`.)
        private_fs::restrict_file(&snapshot_db).map_err(|e| VaultError::io(&snapshot_db, e))?;
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

        let mut tmp = PrivateFile::create(out).map_err(|e| VaultError::io(out, e))?;
        let mut bytes = 0;
        {
            let mut builder = tar::Builder::new(BufWriter::new(tmp.as_file_mut()));
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
        tmp.commit().map_err(|e| VaultError::io(out, e))?;
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

/// Why a backup was refused. Entry names come from the archive and are
/// shown quoted and escaped, cut to a readable length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupProblem {
    /// Not a tar archive at all.
    NotAnArchive,
    /// The archive ends early or a header is corrupt.
    Damaged,
    /// The first entry is not the manifest (backups always write it first).
    NoManifest,
    /// The manifest is not the JSON this version writes.
    BadManifest,
    Unsupported {
        format: String,
        version: u32,
    },
    /// An absolute path, a `..`, or a name a backup never holds.
    UnsafeEntry {
        entry: String,
    },
    /// A link, a device, a directory: only regular files are restored.
    NotAFile {
        entry: String,
    },
    /// A file the manifest does not list.
    NotListed {
        entry: String,
    },
    Duplicate {
        entry: String,
    },
    /// Listed in the manifest, absent from the archive.
    Missing {
        entry: String,
    },
    /// Size or hash differs from the manifest.
    Mismatch {
        entry: String,
    },
    /// The manifest's MAC does not verify under this vault's key.
    NotAuthentic,
    /// The restored vault failed `check` (the faults name no content).
    FailsCheck {
        faults: Vec<String>,
    },
}

impl BackupProblem {
    /// The reason in `lang`, from the catalog (`errors.ftl`, `backup-*`).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::NotAnArchive => tr!(lang, "backup-not-an-archive").to_owned(),
            Self::Damaged => tr!(lang, "backup-damaged").to_owned(),
            Self::NoManifest => tr!(lang, "backup-no-manifest").to_owned(),
            Self::BadManifest => tr!(lang, "backup-bad-manifest").to_owned(),
            Self::Unsupported { format, version } => tr!(
                lang,
                "backup-unsupported",
                format = format!("{format:?}"),
                version = version.to_string()
            ),
            Self::UnsafeEntry { entry } => {
                tr!(lang, "backup-unsafe-entry", entry = quoted(entry))
            }
            Self::NotAFile { entry } => tr!(lang, "backup-not-a-file", entry = quoted(entry)),
            Self::NotListed { entry } => tr!(lang, "backup-not-listed", entry = quoted(entry)),
            Self::Duplicate { entry } => tr!(lang, "backup-duplicate", entry = quoted(entry)),
            Self::Missing { entry } => tr!(lang, "backup-missing", entry = quoted(entry)),
            Self::Mismatch { entry } => tr!(lang, "backup-mismatch", entry = quoted(entry)),
            Self::NotAuthentic => tr!(lang, "backup-not-authentic").to_owned(),
            Self::FailsCheck { faults } => {
                tr!(lang, "backup-fails-check", faults = faults.join("; "))
            }
        }
    }
}

impl std::fmt::Display for BackupProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// An archive's entry name for a message: escaped (no terminal control
/// characters reach the screen) and cut at 120 characters.
fn quoted(entry: &str) -> String {
    const MAX: usize = 120;
    let mut shown: String = entry.chars().take(MAX).collect();
    if entry.chars().count() > MAX {
        shown.push('…');
    }
    format!("{shown:?}")
}

/// The largest manifest read (about a million and a half files).
const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

/// Reads the archive into `staging`: the manifest first (kept in memory),
/// then only the regular files it lists, each once, each created 0600 in
/// directories created 0700, each checked against its size and hash as it
/// is written. Anything else refuses the whole backup. The manifest is not
/// authenticated yet: that needs the key file it lists.
fn extract(
    reader: impl Read,
    staging: &Path,
    fail: &dyn Fn(BackupProblem) -> VaultError,
) -> Result<Manifest> {
    let mut archive = tar::Archive::new(reader);
    let mut entries = archive
        .entries()
        .map_err(|_| fail(BackupProblem::NotAnArchive))?;
    let mut first = match entries.next() {
        None => return Err(fail(BackupProblem::NoManifest)),
        Some(entry) => entry.map_err(|_| fail(BackupProblem::NotAnArchive))?,
    };
    if member_name(&first, fail)? != MANIFEST {
        return Err(fail(BackupProblem::NoManifest));
    }
    if first.size() > MAX_MANIFEST_BYTES {
        return Err(fail(BackupProblem::BadManifest));
    }
    let mut manifest_json = Vec::new();
    first
        .read_to_end(&mut manifest_json)
        .map_err(|_| fail(BackupProblem::Damaged))?;
    let manifest: Manifest =
        serde_json::from_slice(&manifest_json).map_err(|_| fail(BackupProblem::BadManifest))?;
    if manifest.format != BACKUP_FORMAT || manifest.version != BACKUP_VERSION {
        return Err(fail(BackupProblem::Unsupported {
            format: manifest.format,
            version: manifest.version,
        }));
    }
    let mut expected: HashMap<&str, &ManifestFile> = HashMap::new();
    for f in &manifest.files {
        if f.path == MANIFEST || !safe_member(Path::new(&f.path)) {
            return Err(fail(BackupProblem::UnsafeEntry {
                entry: f.path.clone(),
            }));
        }
        if expected.insert(&f.path, f).is_some() {
            return Err(fail(BackupProblem::Duplicate {
                entry: f.path.clone(),
            }));
        }
    }
    let mut done = HashSet::new();
    for entry in entries {
        let mut entry = entry.map_err(|_| fail(BackupProblem::Damaged))?;
        let name = member_name(&entry, fail)?;
        let Some(listed) = expected.remove(name.as_str()) else {
            return Err(fail(if done.contains(&name) || name == MANIFEST {
                BackupProblem::Duplicate { entry: name }
            } else {
                BackupProblem::NotListed { entry: name }
            }));
        };
        if entry.size() != listed.size {
            return Err(fail(BackupProblem::Mismatch { entry: name }));
        }
        let target = staging.join(&name);
        if let Some(dir) = target.parent() {
            private_fs::create_dir_all(dir).map_err(|e| VaultError::io(dir, e))?;
        }
        let mut out =
            private_fs::create_new_file(&target).map_err(|e| VaultError::io(&target, e))?;
        let mut hasher = blake3::Hasher::new();
        let mut buf = vec![0u8; 64 * 1024];
        let mut size = 0u64;
        loop {
            let n = match entry.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return Err(fail(BackupProblem::Damaged)),
            };
            hasher.update(&buf[..n]);
            size += n as u64;
            out.write_all(&buf[..n])
                .map_err(|e| VaultError::io(&target, e))?;
        }
        out.sync_all().map_err(|e| VaultError::io(&target, e))?;
        if size != listed.size || hasher.finalize().to_hex().as_str() != listed.blake3 {
            return Err(fail(BackupProblem::Mismatch { entry: name }));
        }
        done.insert(name);
    }
    drop(expected);
    if let Some(missing) = manifest.files.iter().find(|f| !done.contains(&f.path)) {
        return Err(fail(BackupProblem::Missing {
            entry: missing.path.clone(),
        }));
    }
    Ok(manifest)
}

/// An entry's name, if it is a regular file with a name a backup can hold.
fn member_name<R: Read>(
    entry: &tar::Entry<'_, R>,
    fail: &dyn Fn(BackupProblem) -> VaultError,
) -> Result<String> {
    let path = entry.path().map_err(|_| fail(BackupProblem::Damaged))?;
    let name = path.to_string_lossy().into_owned();
    if !entry.header().entry_type().is_file() {
        return Err(fail(BackupProblem::NotAFile { entry: name }));
    }
    if !safe_member(&path) {
        return Err(fail(BackupProblem::UnsafeEntry { entry: name }));
    }
    Ok(name)
}

/// Restores a backup into `new_dir`, which must not exist or be empty.
/// Every file is verified against the authenticated manifest, and the
/// restored vault passes `check`, before `new_dir` appears. An entry the
/// manifest does not list refuses the backup; the new vault has the modes
/// of a new one (directories 0700, files 0600).
///
/// # Errors
/// A wrong passphrase, a damaged or altered backup ([`VaultError::Backup`]
/// with its [`BackupProblem`]), an occupied target. Nothing is left at
/// `new_dir` or beside it on failure.
pub fn restore(backup: &Path, new_dir: &Path, unlock: Unlock<'_>, actor: Actor) -> Result<Vault> {
    let fail = |problem: BackupProblem| VaultError::Backup {
        path: backup.to_owned(),
        problem,
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
    private_fs::create_dir_all(parent).map_err(|e| VaultError::io(parent, e))?;
    let staging = private_tempdir(parent, ".testimonio-restore-")?;
    let file = File::open(backup).map_err(|e| VaultError::io(backup, e))?;
    let manifest = extract(BufReader::new(file), staging.path(), &fail)?;
    let key_file = read_key_file(staging.path())?;
    let data_key = match unlock {
        Unlock::Passphrase(p) => key_file.unlock(p)?,
        Unlock::Recovery(r) => key_file.unlock_with_recovery(r)?,
    };
    let keys = VaultKeys::derive(&data_key);
    if manifest.vault_id != key_file.vault_id || manifest.compute_mac(&keys.backup) != manifest.mac
    {
        return Err(fail(BackupProblem::NotAuthentic));
    }
    let staged = staging.keep();
    let result = (|| {
        if new_dir.exists() {
            fs::remove_dir(new_dir).map_err(|e| VaultError::io(new_dir, e))?;
        }
        fs::rename(&staged, new_dir).map_err(|e| VaultError::io(new_dir, e))?;
        let mut vault = Vault::open(new_dir, unlock, actor)?;
        let report = vault.check()?;
        if !report.is_ok() {
            return Err(fail(BackupProblem::FailsCheck {
                faults: report.faults,
            }));
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

/// A temporary directory only the owner can enter (tempfile's default
/// follows the umask: 0755).
fn private_tempdir(parent: &Path, prefix: &str) -> Result<tempfile::TempDir> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(private_fs::DIR_MODE));
    }
    builder
        .tempdir_in(parent)
        .map_err(|e| VaultError::io(parent, e))
}

#[cfg(test)]
mod tests;
