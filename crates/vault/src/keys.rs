//! Keys: the passphrase, the data key, the recovery key and the key file.
//!
//! One random 256-bit data key encrypts everything. It is stored only
//! wrapped (XChaCha20-Poly1305) in the key file, once under a key derived
//! from the passphrase with Argon2id and once under the recovery key. The
//! wrapping binds the key file's metadata (vault id, slot, KDF parameters)
//! as associated data, so a tampered parameter fails to unwrap instead of
//! silently weakening anything. Changing the passphrase rewraps the data key
//! and re-encrypts nothing else.

use std::fmt;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::{
    XChaCha20Poly1305, XNonce,
    aead::{Aead, KeyInit, Payload},
};
use data_encoding::{BASE32_NOPAD, BASE64};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Refusal, Result, VaultError};

pub const KEYFILE_FORMAT: &str = "testimonio-keyfile";
pub const KEYFILE_VERSION: u32 = 1;

/// A passphrase as typed by a person. Redacted in `Debug`, wiped on drop.
pub struct Passphrase(SecretString);

impl Passphrase {
    pub const MIN_CHARS: usize = 8;

    /// # Errors
    /// [`Refusal::PassphraseTooShort`] under [`Self::MIN_CHARS`] characters.
    pub fn new(text: String) -> Result<Self> {
        // Only the trailing newline of a passphrase file is not part of it.
        let trimmed = text.trim_end_matches(['\n', '\r']).to_owned();
        let mut text = text;
        text.zeroize();
        if trimmed.chars().count() < Self::MIN_CHARS {
            return Err(Refusal::PassphraseTooShort {
                min: Self::MIN_CHARS,
            }
            .into());
        }
        Ok(Self(SecretString::from(trimmed)))
    }

    /// Whether two typed passphrases are the same (to confirm a new one).
    pub fn matches(&self, other: &Passphrase) -> bool {
        self.bytes() == other.bytes()
    }

    fn bytes(&self) -> &[u8] {
        self.0.expose_secret().as_bytes()
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(<redacted>)")
    }
}

/// A 256-bit key. Redacted in `Debug`, wiped on drop, never serialized.
#[derive(Clone)]
pub struct Key32(Zeroizing<[u8; 32]>);

impl Key32 {
    fn random() -> Self {
        let mut k = Zeroizing::new([0u8; 32]);
        rand::rng().fill_bytes(k.as_mut());
        Self(k)
    }

    /// Wraps raw key bytes (for tests and benchmarks; real keys come from [`KeyFile`]).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// A subkey for one purpose; subkeys of different contexts are independent.
    pub(crate) fn derive(&self, context: &str) -> Key32 {
        Key32::from_bytes(blake3::derive_key(context, self.0.as_ref()))
    }
}

impl fmt::Debug for Key32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key32(<redacted>)")
    }
}

/// The recovery key: 160 random bits shown once at `init` as eight groups
/// of four base32 characters. It unwraps the data key like the passphrase.
pub struct RecoveryKey(SecretString);

impl RecoveryKey {
    fn random() -> Self {
        let mut bytes = Zeroizing::new([0u8; 20]);
        rand::rng().fill_bytes(bytes.as_mut());
        let encoded = Zeroizing::new(BASE32_NOPAD.encode(bytes.as_ref()));
        let grouped: Vec<&str> = encoded
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect();
        Self(SecretString::from(grouped.join("-")))
    }

    /// Parses a recovery key as printed, ignoring case, spaces and dashes.
    ///
    /// # Errors
    /// Not 32 base32 characters.
    pub fn parse(text: &str) -> Result<Self> {
        let cleaned: Zeroizing<String> = Zeroizing::new(
            text.chars()
                .filter(|c| !matches!(c, '-' | ' ' | '\n' | '\r' | '\t'))
                .map(|c| c.to_ascii_uppercase())
                .collect(),
        );
        let bytes = Zeroizing::new(
            BASE32_NOPAD
                .decode(cleaned.as_bytes())
                .map_err(|_| Refusal::RecoveryKeyFormat)?,
        );
        if bytes.len() != 20 {
            return Err(Refusal::RecoveryKeyFormat.into());
        }
        let encoded = Zeroizing::new(BASE32_NOPAD.encode(&bytes));
        let grouped: Vec<&str> = encoded
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect();
        Ok(Self(SecretString::from(grouped.join("-"))))
    }

    /// The text to show the person, once.
    pub fn reveal(&self) -> &str {
        self.0.expose_secret()
    }

    fn wrapping_key(&self, vault_id: &str) -> Key32 {
        let mut material = Zeroizing::new(Vec::new());
        material.extend_from_slice(vault_id.as_bytes());
        material.push(0);
        material.extend_from_slice(self.0.expose_secret().as_bytes());
        Key32::from_bytes(blake3::derive_key(
            "testimonio 2026 recovery key wrapping v1",
            &material,
        ))
    }
}

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey(<redacted>)")
    }
}

/// Argon2id parameters, recorded in the key file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_cost: u32,
    /// Passes.
    pub t_cost: u32,
    /// Lanes.
    pub p_cost: u32,
}

impl KdfParams {
    /// The default: 64 MiB, 3 passes, 1 lane (OWASP's second recommended
    /// Argon2id setting, around half a second on this project's machines).
    pub const DEFAULT: KdfParams = KdfParams {
        m_cost: 64 * 1024,
        t_cost: 3,
        p_cost: 1,
    };

    /// The weakest parameters accepted (8 MiB, 1 pass): for tests only.
    pub const MINIMUM: KdfParams = KdfParams {
        m_cost: 8 * 1024,
        t_cost: 1,
        p_cost: 1,
    };

    fn check(self) -> Result<Params> {
        if self.m_cost < Self::MINIMUM.m_cost
            || self.t_cost < 1
            || self.p_cost < 1
            || self.p_cost > 16
        {
            return Err(Refusal::KdfBelowMinimum.into());
        }
        Params::new(self.m_cost, self.t_cost, self.p_cost, Some(32))
            .map_err(|e| VaultError::internal(format_args!("key derivation parameters: {e}")))
    }
}

/// A wrapped copy of the data key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    /// Base64 of the 24-byte XChaCha20 nonce.
    pub nonce: String,
    /// Base64 of the ciphertext with its tag.
    pub ciphertext: String,
}

/// The key file: versioned JSON, holding no secret in the clear.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFile {
    pub format: String,
    pub version: u32,
    /// Random; binds backups and slots to one vault.
    pub vault_id: String,
    pub created_at: String,
    pub kdf: KdfFields,
    pub passphrase_slot: Slot,
    pub recovery_slot: Slot,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KdfFields {
    pub algorithm: String,
    pub version: u32,
    #[serde(flatten)]
    pub params: KdfParams,
    /// Base64 of the 16-byte salt.
    pub salt: String,
}

impl KeyFile {
    /// Makes a new data key, wraps it under `passphrase` and a fresh
    /// recovery key, and returns all three.
    ///
    /// # Errors
    /// Unusable KDF parameters.
    pub fn create(
        passphrase: &Passphrase,
        params: KdfParams,
        created_at: String,
    ) -> Result<(KeyFile, Key32, RecoveryKey)> {
        params.check()?;
        let data_key = Key32::random();
        let recovery = RecoveryKey::random();
        let mut id = [0u8; 16];
        rand::rng().fill_bytes(&mut id);
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let mut file = KeyFile {
            format: KEYFILE_FORMAT.into(),
            version: KEYFILE_VERSION,
            vault_id: hex::encode(id),
            created_at,
            kdf: KdfFields {
                algorithm: "argon2id".into(),
                version: 19,
                params,
                salt: BASE64.encode(&salt),
            },
            passphrase_slot: Slot {
                nonce: String::new(),
                ciphertext: String::new(),
            },
            recovery_slot: Slot {
                nonce: String::new(),
                ciphertext: String::new(),
            },
        };
        let kek = file.passphrase_kek(passphrase)?;
        file.passphrase_slot = seal(&kek, data_key.bytes(), &file.aad("passphrase"));
        let rkek = recovery.wrapping_key(&file.vault_id);
        file.recovery_slot = seal(&rkek, data_key.bytes(), &file.aad("recovery"));
        Ok((file, data_key, recovery))
    }

    /// Parses and checks the format and version.
    ///
    /// # Errors
    /// Not JSON, another format, or a newer version.
    pub fn parse(text: &str) -> std::result::Result<KeyFile, String> {
        let file: KeyFile =
            serde_json::from_str(text).map_err(|e| format!("not a key file ({e})"))?;
        if file.format != KEYFILE_FORMAT {
            return Err(format!(
                "format is {:?}, expected {KEYFILE_FORMAT:?}",
                file.format
            ));
        }
        if file.version != KEYFILE_VERSION {
            return Err(format!(
                "key file version {} is not supported (this build reads version {KEYFILE_VERSION})",
                file.version
            ));
        }
        if file.kdf.algorithm != "argon2id" || file.kdf.version != 19 {
            return Err("unsupported key derivation".into());
        }
        Ok(file)
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a key file always serializes");
        s.push('\n');
        s
    }

    /// # Errors
    /// [`VaultError::WrongKey`] when the passphrase does not unwrap the key.
    pub fn unlock(&self, passphrase: &Passphrase) -> Result<Key32> {
        let kek = self.passphrase_kek(passphrase)?;
        open(&kek, &self.passphrase_slot, &self.aad("passphrase"))
    }

    /// # Errors
    /// [`VaultError::WrongKey`] when the recovery key does not unwrap the key.
    pub fn unlock_with_recovery(&self, recovery: &RecoveryKey) -> Result<Key32> {
        let kek = recovery.wrapping_key(&self.vault_id);
        open(&kek, &self.recovery_slot, &self.aad("recovery"))
    }

    /// Rewraps `data_key` under a new passphrase with a fresh salt.
    ///
    /// # Errors
    /// Unusable KDF parameters.
    pub fn rewrap(&mut self, data_key: &Key32, new: &Passphrase) -> Result<()> {
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        self.kdf.salt = BASE64.encode(&salt);
        let kek = self.passphrase_kek(new)?;
        self.passphrase_slot = seal(&kek, data_key.bytes(), &self.aad("passphrase"));
        Ok(())
    }

    fn passphrase_kek(&self, passphrase: &Passphrase) -> Result<Key32> {
        let params = self.kdf.params.check()?;
        let salt = BASE64
            .decode(self.kdf.salt.as_bytes())
            .map_err(|_| VaultError::internal("key file salt is not base64"))?;
        let mut out = Zeroizing::new([0u8; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(passphrase.bytes(), &salt, out.as_mut())
            .map_err(|e| VaultError::internal(format_args!("key derivation failed: {e}")))?;
        Ok(Key32::from_bytes(*out))
    }

    /// The metadata each slot is bound to.
    fn aad(&self, slot: &str) -> Vec<u8> {
        format!(
            "{}|{}|{}|{}|argon2id-{}|m={},t={},p={}|salt={}",
            self.format,
            self.version,
            self.vault_id,
            slot,
            self.kdf.version,
            self.kdf.params.m_cost,
            self.kdf.params.t_cost,
            self.kdf.params.p_cost,
            if slot == "passphrase" {
                self.kdf.salt.as_str()
            } else {
                "-"
            },
        )
        .into_bytes()
    }
}

pub(crate) fn seal(key: &Key32, plaintext: &[u8], aad: &[u8]) -> Slot {
    let cipher = XChaCha20Poly1305::new(key.bytes().into());
    let mut nonce = [0u8; 24];
    rand::rng().fill_bytes(&mut nonce);
    let ciphertext = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .expect("XChaCha20-Poly1305 encryption of a short buffer cannot fail");
    Slot {
        nonce: BASE64.encode(&nonce),
        ciphertext: BASE64.encode(&ciphertext),
    }
}

fn open(key: &Key32, slot: &Slot, aad: &[u8]) -> Result<Key32> {
    let nonce = BASE64
        .decode(slot.nonce.as_bytes())
        .map_err(|_| VaultError::WrongKey)?;
    let ciphertext = BASE64
        .decode(slot.ciphertext.as_bytes())
        .map_err(|_| VaultError::WrongKey)?;
    if nonce.len() != 24 {
        return Err(VaultError::WrongKey);
    }
    let cipher = XChaCha20Poly1305::new(key.bytes().into());
    let plain = Zeroizing::new(
        cipher
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &ciphertext,
                    aad,
                },
            )
            .map_err(|_| VaultError::WrongKey)?,
    );
    let bytes: [u8; 32] = plain
        .as_slice()
        .try_into()
        .map_err(|_| VaultError::WrongKey)?;
    Ok(Key32::from_bytes(bytes))
}

/// The purpose-specific keys derived from the data key.
pub struct VaultKeys {
    /// SQLCipher's raw database key.
    pub(crate) database: Key32,
    /// Names blobs so that a name does not reveal the plaintext's hash.
    pub(crate) blob_names: Key32,
    /// Seeds the age identity that encrypts blobs.
    pub(crate) blob_identity: Key32,
    /// Keys the audit chain's hashes.
    pub(crate) audit: Key32,
    /// Authenticates backup manifests.
    pub(crate) backup: Key32,
    /// Encrypts the files of the search index.
    pub(crate) search_index: Key32,
}

impl VaultKeys {
    pub fn derive(data_key: &Key32) -> Self {
        Self {
            database: data_key.derive("testimonio 2026 sqlcipher database key v1"),
            blob_names: data_key.derive("testimonio 2026 blob name key v1"),
            blob_identity: data_key.derive("testimonio 2026 blob age identity v1"),
            audit: data_key.derive("testimonio 2026 audit chain key v1"),
            backup: data_key.derive("testimonio 2026 backup manifest key v1"),
            search_index: data_key.derive("testimonio 2026 search index file key v1"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(s: &str) -> Passphrase {
        Passphrase::new(s.into()).unwrap()
    }

    #[test]
    fn passphrase_and_recovery_unwrap_the_same_key() {
        let (file, key, recovery) = KeyFile::create(
            &pass("correct horse"),
            KdfParams::MINIMUM,
            "2026-01-01T00:00:00Z".into(),
        )
        .unwrap();
        let parsed = KeyFile::parse(&file.to_json()).unwrap();
        assert_eq!(
            parsed.unlock(&pass("correct horse")).unwrap().bytes(),
            key.bytes()
        );
        let again = RecoveryKey::parse(&recovery.reveal().to_lowercase()).unwrap();
        assert_eq!(
            parsed.unlock_with_recovery(&again).unwrap().bytes(),
            key.bytes()
        );
        assert!(matches!(
            parsed.unlock(&pass("wrong horse")),
            Err(VaultError::WrongKey)
        ));
    }

    #[test]
    fn tampered_parameters_do_not_unwrap() {
        let (mut file, _, _) =
            KeyFile::create(&pass("correct horse"), KdfParams::MINIMUM, "t".into()).unwrap();
        file.kdf.params.t_cost = 2;
        assert!(matches!(
            file.unlock(&pass("correct horse")),
            Err(VaultError::WrongKey)
        ));
    }

    #[test]
    fn rewrap_changes_only_the_passphrase_slot() {
        let (mut file, key, recovery) =
            KeyFile::create(&pass("correct horse"), KdfParams::MINIMUM, "t".into()).unwrap();
        file.rewrap(&key, &pass("battery staple")).unwrap();
        assert!(file.unlock(&pass("correct horse")).is_err());
        assert_eq!(
            file.unlock(&pass("battery staple")).unwrap().bytes(),
            key.bytes()
        );
        assert!(file.unlock_with_recovery(&recovery).is_ok());
    }

    #[test]
    fn secrets_are_redacted() {
        let (_, key, recovery) =
            KeyFile::create(&pass("correct horse"), KdfParams::MINIMUM, "t".into()).unwrap();
        assert_eq!(format!("{key:?}"), "Key32(<redacted>)");
        assert_eq!(format!("{recovery:?}"), "RecoveryKey(<redacted>)");
        assert_eq!(
            format!("{:?}", pass("correct horse")),
            "Passphrase(<redacted>)"
        );
        assert!(Passphrase::new("short".into()).is_err());
    }
}
