//! A bundle signed by its member and encrypted to the hub.
//!
//! The signed envelope (what the hub finds once it decrypts):
//!
//! ```text
//! b"testimonio-bundle v1\n"    the magic line (21 bytes)
//! 32 bytes                      the member's Ed25519 public key
//! 64 bytes                      Ed25519 signature of magic ‖ body
//! the rest                      the body: the bundle's canonical JSON
//! ```
//!
//! The envelope is then age-encrypted (X25519) to the hub's recipient, so
//! only the hub reads it and a bundle on the way or on a member's disk
//! shows nothing. Ed25519 is deterministic: the same body and key give the
//! same envelope (the golden test relies on it); age is not.

use std::fmt;
use std::io::{Read, Write};
use std::str::FromStr;

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use zeroize::Zeroizing;

use crate::bundle::Bundle;
use crate::error::BundleFault;

/// The first line of every envelope.
pub const MAGIC: &[u8] = b"testimonio-bundle v1\n";
const HEAD: usize = MAGIC.len() + 32 + 64;

/// The member's signing key (Ed25519): wiped on drop (ed25519-dalek's
/// `zeroize`), redacted in `Debug`, never serialized.
pub struct MemberKey(SigningKey);

impl fmt::Debug for MemberKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MemberKey(<redacted>)")
    }
}

/// A member's public key, as the hub registers it: 64 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MemberPublicKey(VerifyingKey);

impl MemberKey {
    pub fn generate() -> Self {
        Self(SigningKey::generate(&mut rand_core::OsRng))
    }

    pub fn from_seed(seed: &[u8; 32]) -> Self {
        Self(SigningKey::from_bytes(seed))
    }

    /// The seed, for storing in the member's encrypted vault only.
    pub fn seed(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.0.to_bytes())
    }

    pub fn public(&self) -> MemberPublicKey {
        MemberPublicKey(self.0.verifying_key())
    }

    /// The signed envelope of `bundle` (canonicalized first).
    ///
    /// # Errors
    /// As [`Bundle::to_bytes`].
    pub fn sign(&self, bundle: &Bundle) -> Result<Vec<u8>, BundleFault> {
        let mut bundle = bundle.clone();
        bundle.canonicalize();
        let body = bundle.to_bytes()?;
        let signature = self.0.sign(&signed_message(&body));
        let mut out = Vec::with_capacity(HEAD + body.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(self.0.verifying_key().as_bytes());
        out.extend_from_slice(&signature.to_bytes());
        out.extend_from_slice(&body);
        Ok(out)
    }
}

impl MemberPublicKey {
    /// # Errors
    /// Not 64 hex digits of a valid Ed25519 point.
    pub fn parse(hex_text: &str) -> Result<Self, BundleFault> {
        let bad = || BundleFault::Invalid {
            field: "member_key".to_owned(),
        };
        let bytes: [u8; 32] = hex::decode(hex_text.trim())
            .map_err(|_| bad())?
            .try_into()
            .map_err(|_| bad())?;
        VerifyingKey::from_bytes(&bytes)
            .map(Self)
            .map_err(|_| bad())
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0.as_bytes())
    }
}

fn signed_message(body: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(MAGIC.len() + body.len());
    message.extend_from_slice(MAGIC);
    message.extend_from_slice(body);
    message
}

/// An envelope opened: who signed it (checked) and the bundle (parsed and
/// checked). Whether the signer is a member is the hub's question.
#[derive(Debug, Clone)]
pub struct Opened {
    pub signer: MemberPublicKey,
    pub bundle: Bundle,
}

/// Checks an envelope's signature, then parses its body.
///
/// # Errors
/// [`BundleFault::NotABundle`], [`BundleFault::UnsupportedVersion`],
/// [`BundleFault::BadSignature`], or the body's faults.
pub fn open_envelope(envelope: &[u8]) -> Result<Opened, BundleFault> {
    if envelope.len() < HEAD || !envelope.starts_with(MAGIC) {
        if envelope.starts_with(b"testimonio-bundle v") {
            let line = envelope.split(|b| *b == b'\n').next().unwrap_or_default();
            let found: String = String::from_utf8_lossy(&line[19..])
                .chars()
                .filter(char::is_ascii_digit)
                .take(6)
                .collect();
            return Err(BundleFault::UnsupportedVersion { found });
        }
        return Err(BundleFault::NotABundle);
    }
    let key: [u8; 32] = envelope[MAGIC.len()..MAGIC.len() + 32]
        .try_into()
        .map_err(|_| BundleFault::NotABundle)?;
    let signer = VerifyingKey::from_bytes(&key).map_err(|_| BundleFault::BadSignature)?;
    let signature = Signature::from_slice(&envelope[MAGIC.len() + 32..HEAD])
        .map_err(|_| BundleFault::BadSignature)?;
    let body = &envelope[HEAD..];
    signer
        .verify(&signed_message(body), &signature)
        .map_err(|_| BundleFault::BadSignature)?;
    Ok(Opened {
        signer: MemberPublicKey(signer),
        bundle: Bundle::from_bytes(body)?,
    })
}

/// `envelope` encrypted to the hub's age recipient (`age1…`).
///
/// # Errors
/// [`BundleFault::Invalid`] of `hub_recipient` when it is not an age
/// X25519 recipient; encryption's own failure as the same.
pub fn encrypt_to_hub(envelope: &[u8], hub_recipient: &str) -> Result<Vec<u8>, BundleFault> {
    let bad = || BundleFault::Invalid {
        field: "hub_recipient".to_owned(),
    };
    let recipient = parse_recipient(hub_recipient).ok_or_else(bad)?;
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(|_| bad())?;
    let mut out = Vec::with_capacity(envelope.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out).map_err(|_| bad())?;
    writer.write_all(envelope).map_err(|_| bad())?;
    writer.finish().map_err(|_| bad())?;
    Ok(out)
}

/// Whether `text` is an age X25519 recipient.
pub fn parse_recipient(text: &str) -> Option<age::x25519::Recipient> {
    age::x25519::Recipient::from_str(text.trim()).ok()
}

/// The hub's age identity (X25519): decrypts what members send it.
/// Redacted in `Debug`; its text form is for the hub's encrypted vault.
pub struct HubIdentity(age::x25519::Identity);

impl fmt::Debug for HubIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HubIdentity(<redacted>)")
    }
}

impl HubIdentity {
    pub fn generate() -> Self {
        Self(age::x25519::Identity::generate())
    }

    /// # Errors
    /// Not an `AGE-SECRET-KEY-1…` string.
    pub fn parse(text: &str) -> Result<Self, BundleFault> {
        age::x25519::Identity::from_str(text.trim())
            .map(Self)
            .map_err(|_| BundleFault::Invalid {
                field: "hub_identity".to_owned(),
            })
    }

    /// The secret's text form, for the hub's encrypted vault only.
    pub fn expose(&self) -> Zeroizing<String> {
        use age::secrecy::ExposeSecret;
        Zeroizing::new(self.0.to_string().expose_secret().to_owned())
    }

    /// The recipient members encrypt to (`age1…`).
    pub fn recipient(&self) -> String {
        self.0.to_public().to_string()
    }

    /// Decrypts a sealed bundle and opens its envelope. Decrypted bytes
    /// stay in memory.
    ///
    /// # Errors
    /// [`BundleFault::NotForThisHub`], then as [`open_envelope`].
    pub fn open(&self, sealed: &[u8]) -> Result<Opened, BundleFault> {
        let decryptor =
            age::Decryptor::new_buffered(sealed).map_err(|_| BundleFault::NotForThisHub)?;
        let mut reader = decryptor
            .decrypt(std::iter::once(&self.0 as &dyn age::Identity))
            .map_err(|_| BundleFault::NotForThisHub)?;
        let mut envelope = Zeroizing::new(Vec::new());
        reader
            .read_to_end(&mut envelope)
            .map_err(|_| BundleFault::NotForThisHub)?;
        open_envelope(&envelope)
    }
}
