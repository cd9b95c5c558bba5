//! The vault's signing key: one Ed25519 key pair in minisign's format,
//! made on first use, that signs what the vault exports (a packet bag's
//! tag manifest) so that anyone holding the public key can check it with
//! the stock `minisign -V`.
//!
//! The secret half is stored only in the encrypted database and never
//! leaves this module: callers get signatures and the public key, never
//! the secret. In memory it is held in [`SecretBytes`], which does not
//! print in `Debug` (minisign's own `SecretKey` prints its bytes) and is
//! wiped on drop.

use std::fmt;
use std::io::Cursor;

use rusqlite::OptionalExtension;
use zeroize::Zeroizing;

use crate::audit::AuditAction;
use crate::error::{Result, VaultError};
use crate::vault::Vault;

/// The public half of the vault's signing key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningKeyInfo {
    /// minisign's key id: 16 upper-case hex digits.
    pub key_id: String,
    /// The public key file as `minisign -G` writes it (`minisign.pub`):
    /// an untrusted comment line, then the key in base64.
    pub public_key: String,
    pub created_at: String,
}

/// A secret key's serialized bytes: redacted in `Debug`, wiped on drop.
struct SecretBytes(Zeroizing<Vec<u8>>);

impl fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretBytes([redacted])")
    }
}

impl Vault {
    /// The vault's signing key (its public half), made and stored on first
    /// use (an audited write: `record_created` of `signing-key:ID`).
    ///
    /// # Errors
    /// Database errors; [`VaultError::Internal`] if key generation fails.
    pub fn signing_key(&mut self) -> Result<SigningKeyInfo> {
        if let Some(info) = self.stored_signing_key()? {
            return Ok(info);
        }
        let minisign::KeyPair { pk, sk } =
            minisign::KeyPair::generate_unencrypted_keypair().map_err(key_error)?;
        // minisign's `SecretKey` is not wiped on drop (it has no `Drop`):
        // it lives only for this call and `sign_detached`'s.
        let secret = SecretBytes(Zeroizing::new(sk.to_bytes()));
        let public_key = pk.to_box().map_err(key_error)?.into_string();
        let key_id = key_id(&pk);
        let now = crate::now();
        self.write(|v, tx| {
            // Another handle may have made it meanwhile: its key stays.
            let made = tx.execute(
                "INSERT INTO signing_keys (id, key_id, public_key, secret_key, created_at, created_by)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING",
                rusqlite::params![key_id, public_key, secret.0.as_slice(), now, v.actor().as_str()],
            )?;
            if made == 0 {
                return Ok(());
            }
            v.audit(
                tx,
                AuditAction::RecordCreated,
                &format!("signing-key:{key_id}"),
                "",
            )
        })?;
        self.stored_signing_key()?
            .ok_or_else(|| VaultError::internal("signing key not stored"))
    }

    /// The stored signing key's public half, or `None` before first use.
    ///
    /// # Errors
    /// Database errors.
    pub fn stored_signing_key(&self) -> Result<Option<SigningKeyInfo>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT key_id, public_key, created_at FROM signing_keys WHERE id = 1",
                [],
                |r| {
                    Ok(SigningKeyInfo {
                        key_id: r.get(0)?,
                        public_key: r.get(1)?,
                        created_at: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Signs `data` with the vault's signing key (made on first use):
    /// returns the signature file as `minisign -S` writes it (`.minisig`),
    /// with `trusted_comment` signed along.
    ///
    /// # Errors
    /// Database errors; [`VaultError::Internal`] if the stored key is
    /// unreadable or signing fails.
    pub fn sign_detached(&mut self, data: &[u8], trusted_comment: &str) -> Result<String> {
        let info = self.signing_key()?;
        let secret = SecretBytes(Zeroizing::new(self.conn().query_row(
            "SELECT secret_key FROM signing_keys WHERE id = 1",
            [],
            |r| r.get::<_, Vec<u8>>(0),
        )?));
        let sk = minisign::SecretKey::from_bytes(&secret.0).map_err(key_error)?;
        let pk = minisign::PublicKeyBox::from_string(&info.public_key)
            .and_then(minisign::PublicKeyBox::into_public_key)
            .map_err(key_error)?;
        let signature = minisign::sign(
            Some(&pk),
            &sk,
            Cursor::new(data),
            Some(trusted_comment),
            Some(&format!(
                "signature from testimonio vault key {}",
                info.key_id
            )),
        )
        .map_err(key_error)?;
        Ok(signature.into_string())
    }
}

/// minisign's key id as its tools print it.
fn key_id(pk: &minisign::PublicKey) -> String {
    let mut id = [0u8; 8];
    id.copy_from_slice(&pk.keynum()[..8]);
    format!("{:016X}", u64::from_le_bytes(id))
}

/// minisign's errors name no secret; kept as internal developer text.
fn key_error(e: minisign::PError) -> VaultError {
    VaultError::internal(format!("signing key: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_does_not_print() {
        let secret = SecretBytes(Zeroizing::new(vec![0xAB; 64]));
        let shown = format!("{secret:?}");
        assert!(!shown.contains("ab") && !shown.contains("AB"), "{shown}");
    }
}
