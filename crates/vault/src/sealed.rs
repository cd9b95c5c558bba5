//! Sealed files: files encrypted and authenticated with a vault subkey,
//! for derived data that lives beside the database (the search index). The
//! key never leaves this type.
//!
//! Format v1 (whole files): `TMSEAL1\0`, a 24-byte random nonce, then the
//! XChaCha20-Poly1305 ciphertext of the content. The associated data binds
//! the purpose and the file's name, so a file cannot be swapped for
//! another or moved between purposes without failing to open. Still read
//! (the search index converts such files to v2 when it opens them).
//!
//! Format v2 (in blocks, `blocks.rs`): each block sealed on its own, so a
//! reader decrypts only the blocks it needs.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use zeroize::Zeroizing;

use crate::keys::Key32;

mod blocks;

pub use blocks::{BlockHeader, BlockWriter, DEFAULT_BLOCK_SIZE, HEADER_LEN, SealedFormat};

const MAGIC: &[u8; 8] = b"TMSEAL1\0";

/// Seals and opens the files of one purpose.
#[derive(Clone)]
pub struct FileSealer {
    key: Key32,
    purpose: &'static str,
}

impl std::fmt::Debug for FileSealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileSealer")
            .field("purpose", &self.purpose)
            .finish_non_exhaustive()
    }
}

/// A sealed file that did not open: altered, truncated, from another vault
/// or purpose, or under another name.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
#[error("sealed file {name} does not open: {reason}")]
pub struct UnsealError {
    pub name: String,
    pub reason: &'static str,
}

impl FileSealer {
    pub(crate) fn new(key: Key32, purpose: &'static str) -> Self {
        FileSealer { key, purpose }
    }

    fn aad(&self, name: &str) -> Vec<u8> {
        format!("testimonio sealed file v1\0{}\0{name}", self.purpose).into_bytes()
    }

    /// Encrypts `plaintext` as the file called `name`.
    pub fn seal(&self, name: &str, plaintext: &[u8]) -> Vec<u8> {
        let cipher = XChaCha20Poly1305::new(self.key.bytes().into());
        let mut nonce = [0u8; 24];
        rand::rng().fill_bytes(&mut nonce);
        let ciphertext = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: &self.aad(name),
                },
            )
            .expect("XChaCha20-Poly1305 encryption cannot fail for in-memory buffers");
        let mut out = Vec::with_capacity(MAGIC.len() + nonce.len() + ciphertext.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ciphertext);
        out
    }

    /// Decrypts the file called `name`.
    ///
    /// # Errors
    /// Not a sealed file, or it does not authenticate under this name.
    pub fn open(&self, name: &str, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, UnsealError> {
        let fail = |reason| UnsealError {
            name: name.to_owned(),
            reason,
        };
        let rest = sealed
            .strip_prefix(MAGIC)
            .ok_or_else(|| fail("not a sealed file"))?;
        if rest.len() < 24 + 16 {
            return Err(fail("truncated"));
        }
        let (nonce, ciphertext) = rest.split_at(24);
        let cipher = XChaCha20Poly1305::new(self.key.bytes().into());
        cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: &self.aad(name),
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| fail("authentication failed (altered, or another vault or name)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_files_open_only_under_their_own_name_and_key() {
        let sealer = FileSealer::new(Key32::from_bytes([3; 32]), "search index");
        let sealed = sealer.seal("meta.json", b"plain words");
        assert!(!sealed.windows(5).any(|w| w == b"plain"));
        assert_eq!(&*sealer.open("meta.json", &sealed).unwrap(), b"plain words");
        assert!(sealer.open("other.json", &sealed).is_err());
        let other = FileSealer::new(Key32::from_bytes([4; 32]), "search index");
        assert!(other.open("meta.json", &sealed).is_err());
        let mut flipped = sealed.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(sealer.open("meta.json", &flipped).is_err());
        assert!(sealer.open("meta.json", &sealed[..20]).is_err());
    }
}
