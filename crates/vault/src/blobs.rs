//! The encrypted, content-addressed blob store for original files.
//!
//! Each blob is a standard age file (X25519 recipient), so that with the
//! vault's age identity (`testimonio key age-identity`) it can be recovered
//! with the stock `age -d` tool. The identity is derived from the data key.
//! A blob's name is a keyed BLAKE3 hash of the plaintext's SHA-256: stable
//! for deduplication, but revealing nothing about the content to someone
//! without the key (a known file's SHA-256 cannot be matched against it).
//!
//! Writes go to `tmp/` (ciphertext only) and are renamed into place after
//! an fsync, so a crash leaves either no blob or a whole one.

use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::{Result, VaultError};
use crate::keys::Key32;
use crate::private_fs;

/// The SHA-256 of a blob's plaintext, as lowercase hex.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sha256Hex(String);

impl Sha256Hex {
    /// # Errors
    /// Not 64 lowercase hex digits.
    pub fn parse(s: &str) -> Result<Self> {
        if s.len() == 64
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            Ok(Self(s.to_owned()))
        } else {
            Err(VaultError::Schema(format!("{s:?} is not a SHA-256 in hex")))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A stored blob: where it is and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBlob {
    pub name: String,
    pub sha256: Sha256Hex,
    pub size: u64,
}

pub struct BlobStore {
    dir: PathBuf,
    tmp: PathBuf,
    name_key: Key32,
    identity: age::x25519::Identity,
}

impl BlobStore {
    pub(crate) fn new(vault_dir: &Path, name_key: Key32, identity_seed: &Key32) -> Result<Self> {
        Ok(Self {
            dir: vault_dir.join("blobs"),
            tmp: vault_dir.join("tmp"),
            name_key,
            identity: age_identity(identity_seed)?,
        })
    }

    /// The age identity line (`AGE-SECRET-KEY-1…`) that decrypts every blob.
    pub fn age_identity(&self) -> Zeroizing<String> {
        Zeroizing::new(self.identity.to_string().expose_secret().to_owned())
    }

    /// The blob name for a plaintext SHA-256.
    pub fn name_for(&self, sha256: &Sha256Hex) -> String {
        blob_name(&self.name_key, sha256)
    }

    fn path_for(&self, name: &str) -> PathBuf {
        blob_path(&self.dir, name)
    }

    /// Encrypts everything `reader` gives into the store. If a blob with the
    /// same plaintext exists, the new copy is discarded.
    ///
    /// # Errors
    /// Reading the input or writing the store.
    pub fn put(&self, reader: &mut dyn Read) -> Result<(StoredBlob, bool)> {
        self.sink().put(reader)
    }

    /// A writer into this store that holds no key able to decrypt it, for
    /// work that must not hold a database connection (a slow upload).
    pub fn sink(&self) -> BlobSink {
        BlobSink {
            dir: self.dir.clone(),
            tmp: self.tmp.clone(),
            name_key: self.name_key.clone(),
            recipient: self.identity.to_public(),
        }
    }

    /// Decrypts a blob into `out`, checking its SHA-256 against `expected`.
    ///
    /// # Errors
    /// A missing or undecryptable blob, or a hash mismatch (the blob was
    /// changed since intake). On a mismatch, `out` may hold partial data: the
    /// caller writes to a temporary place and discards it.
    pub fn get(&self, expected: &Sha256Hex, out: &mut dyn Write) -> Result<u64> {
        let name = self.name_for(expected);
        let path = self.path_for(&name);
        let file = File::open(&path).map_err(|e| VaultError::Blob {
            name: name.clone(),
            reason: format!("cannot open: {e}"),
        })?;
        let decryptor =
            age::Decryptor::new_buffered(BufReader::new(file)).map_err(|e| VaultError::Blob {
                name: name.clone(),
                reason: format!("not a readable age file: {e}"),
            })?;
        let mut reader = decryptor
            .decrypt(std::iter::once(&self.identity as &dyn age::Identity))
            .map_err(|e| VaultError::Blob {
                name: name.clone(),
                reason: format!("cannot decrypt: {e}"),
            })?;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut buf = Zeroizing::new(vec![0u8; 64 * 1024]);
        loop {
            let n = match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    return Err(VaultError::Blob {
                        name,
                        reason: format!("damaged ciphertext: {e}"),
                    });
                }
            };
            hasher.update(&buf[..n]);
            size += n as u64;
            out.write_all(&buf[..n])
                .map_err(|e| VaultError::io("output", e))?;
        }
        let actual = hex::encode(hasher.finalize());
        if actual != expected.as_str() {
            return Err(VaultError::Blob {
                name,
                reason: "content does not match its recorded SHA-256".into(),
            });
        }
        Ok(size)
    }

    /// Every blob name present on disk.
    ///
    /// # Errors
    /// Reading the store's directory.
    pub fn names_on_disk(&self) -> Result<Vec<String>> {
        let mut names = Vec::new();
        let Ok(shards) = fs::read_dir(&self.dir) else {
            return Ok(names);
        };
        for shard in shards {
            let shard = shard.map_err(|e| VaultError::io(&self.dir, e))?;
            let entries =
                fs::read_dir(shard.path()).map_err(|e| VaultError::io(shard.path(), e))?;
            for entry in entries {
                let entry = entry.map_err(|e| VaultError::io(shard.path(), e))?;
                if let Some(name) = entry
                    .file_name()
                    .to_str()
                    .and_then(|n| n.strip_suffix(".age"))
                {
                    names.push(name.to_owned());
                }
            }
        }
        names.sort();
        Ok(names)
    }

    /// The path of a blob relative to the vault, for backups.
    pub(crate) fn relative_path(name: &str) -> PathBuf {
        Path::new("blobs")
            .join(&name[..2])
            .join(format!("{name}.age"))
    }
}

/// Writes new blobs into a store: the encryption is to the store's public
/// key, so a sink can put but never read. Cloned freely.
#[derive(Clone)]
pub struct BlobSink {
    dir: PathBuf,
    tmp: PathBuf,
    name_key: Key32,
    recipient: age::x25519::Recipient,
}

impl std::fmt::Debug for BlobSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlobSink")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl BlobSink {
    /// Encrypts everything `reader` gives into the store, streaming: the
    /// plaintext is never whole in memory nor on disk (only ciphertext goes
    /// to `tmp/`, removed on any error). If a blob with the same plaintext
    /// exists, the new copy is discarded; the flag says whether this one is
    /// new.
    ///
    /// # Errors
    /// Reading the input (the reader's error is kept as the source of
    /// [`VaultError::Io`]) or writing the store.
    pub fn put(&self, reader: &mut dyn Read) -> Result<(StoredBlob, bool)> {
        private_fs::create_dir_all(&self.tmp).map_err(|e| VaultError::io(&self.tmp, e))?;
        let tmp =
            tempfile::NamedTempFile::new_in(&self.tmp).map_err(|e| VaultError::io(&self.tmp, e))?;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        {
            let encryptor = age::Encryptor::with_recipients(std::iter::once(
                &self.recipient as &dyn age::Recipient,
            ))
            .map_err(|e| VaultError::Blob {
                name: "new".into(),
                reason: e.to_string(),
            })?;
            let file = tmp
                .as_file()
                .try_clone()
                .map_err(|e| VaultError::io(tmp.path(), e))?;
            let mut writer = encryptor
                .wrap_output(BufWriter::new(file))
                .map_err(|e| VaultError::io(tmp.path(), e))?;
            let mut buf = Zeroizing::new(vec![0u8; 64 * 1024]);
            loop {
                let n = match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(VaultError::io("input", e)),
                };
                hasher.update(&buf[..n]);
                size += n as u64;
                writer
                    .write_all(&buf[..n])
                    .map_err(|e| VaultError::io(tmp.path(), e))?;
            }
            let mut inner = writer.finish().map_err(|e| VaultError::io(tmp.path(), e))?;
            inner.flush().map_err(|e| VaultError::io(tmp.path(), e))?;
        }
        tmp.as_file()
            .sync_all()
            .map_err(|e| VaultError::io(tmp.path(), e))?;
        let sha256 = Sha256Hex(hex::encode(hasher.finalize()));
        let name = blob_name(&self.name_key, &sha256);
        let path = blob_path(&self.dir, &name);
        let blob = StoredBlob { name, sha256, size };
        if path.exists() {
            return Ok((blob, false));
        }
        let parent = path.parent().expect("blob paths have a parent");
        private_fs::create_dir_all(parent).map_err(|e| VaultError::io(parent, e))?;
        tmp.persist(&path)
            .map_err(|e| VaultError::io(&path, e.error))?;
        sync_dir(parent)?;
        Ok((blob, true))
    }
}

fn blob_name(name_key: &Key32, sha256: &Sha256Hex) -> String {
    hex::encode(blake3::keyed_hash(name_key.bytes(), sha256.as_str().as_bytes()).as_bytes())
}

fn blob_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(&name[..2]).join(format!("{name}.age"))
}

fn age_identity(seed: &Key32) -> Result<age::x25519::Identity> {
    let hrp = bech32::Hrp::parse("AGE-SECRET-KEY-").expect("a valid human-readable part");
    let encoded = Zeroizing::new(
        bech32::encode_upper::<bech32::Bech32>(hrp, seed.bytes())
            .map_err(|e| VaultError::internal(format_args!("age identity: {e}")))?,
    );
    age::x25519::Identity::from_str(&encoded)
        .map_err(|e| VaultError::internal(format_args!("age identity: {e}")))
}

pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| VaultError::io(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(dir: &Path) -> BlobStore {
        BlobStore::new(dir, Key32::from_bytes([1; 32]), &Key32::from_bytes([2; 32])).unwrap()
    }

    #[test]
    fn round_trip_dedup_and_tamper() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        let (blob, new) = s.put(&mut &b"hello canary-blob-xyzzy"[..]).unwrap();
        assert!(new);
        let (again, new) = s.put(&mut &b"hello canary-blob-xyzzy"[..]).unwrap();
        assert!(!new);
        assert_eq!(blob, again);
        assert_ne!(
            blob.name,
            blob.sha256.as_str(),
            "name must not be the plaintext hash"
        );
        let mut out = Vec::new();
        s.get(&blob.sha256, &mut out).unwrap();
        assert_eq!(out, b"hello canary-blob-xyzzy");

        let path = s.path_for(&blob.name);
        let mut bytes = fs::read(&path).unwrap();
        assert!(!bytes.windows(6).any(|w| w == b"canary"));
        let last = bytes.len() - 5;
        bytes[last] ^= 1;
        fs::write(&path, bytes).unwrap();
        let err = s.get(&blob.sha256, &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains(&blob.name), "{err}");
    }

    #[test]
    fn identity_is_a_standard_age_identity() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        let id = s.age_identity();
        assert!(id.starts_with("AGE-SECRET-KEY-1"));
        let parsed = age::x25519::Identity::from_str(&id).unwrap();
        let (blob, _) = s.put(&mut &b"data"[..]).unwrap();
        let ciphertext = fs::read(s.path_for(&blob.name)).unwrap();
        let plain = age::decrypt(&parsed, &ciphertext).unwrap();
        assert_eq!(plain, b"data");
    }
}
