//! Private matching: the oblivious PRF (RFC 9497, ristretto255-SHA512,
//! verifiable mode, with the `voprf` crate).
//!
//! The member turns each normalised identity variant into an input
//! ([`match_input`]), blinds it ([`blind`]) and sends only the blinded
//! elements; the key custodian evaluates them with the coalition's key
//! ([`CustodianKey::evaluate`]), one batch and one proof per request,
//! seeing nothing of the inputs; the member unblinds, checks the proof
//! against the custodian's public key ([`finalize`]) and keeps 32 bytes
//! of each output as a match token. Without the custodian's key nobody —
//! member, hub, anyone who reads a bundle — can compute the token of a
//! guessed name, so a list of tokens cannot be tested against a list of
//! names offline.
//!
//! On the wire every element is hex in JSON ([`EvaluateRequest`],
//! [`EvaluateResponse`]).

use std::fmt;

use serde::{Deserialize, Serialize};
use voprf::{
    BlindedElement, EvaluationElement, Group, Proof, Ristretto255, VoprfClient, VoprfServer,
};
use zeroize::Zeroizing;

use crate::bundle::TokenKind;
use crate::error::OprfError;

type Suite = Ristretto255;
type Elem = <Ristretto255 as Group>::Elem;

/// Domain of the custodian's key derivation.
const KEY_INFO: &[u8] = b"testimonio-custodian v1";
/// Most inputs one request may carry.
pub const MAX_BATCH: usize = 10_000;

/// What a member sends the custodian.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluateRequest {
    /// Blinded elements, 64 hex digits each.
    pub blinded: Vec<String>,
}

/// What the custodian answers: one evaluation per blinded element, in
/// order, and one proof for the batch.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluateResponse {
    pub evaluated: Vec<String>,
    pub proof: String,
}

/// The input of one identity variant: the format's domain, what it is
/// (an A-number or a name: a full name and a name with the first surname
/// alone share one domain, so that one member's full name meets another's
/// shorter spelling) and its normalised text. Wiped on drop.
pub fn match_input(kind: TokenKind, normalised: &str) -> Zeroizing<Vec<u8>> {
    let kind = match kind {
        TokenKind::ANumber => "a_number",
        TokenKind::Name | TokenKind::NamePart => "name",
    };
    let mut out = Zeroizing::new(Vec::with_capacity(32 + normalised.len()));
    out.extend_from_slice(b"testimonio-match v1\0");
    out.extend_from_slice(kind.as_bytes());
    out.push(0);
    out.extend_from_slice(normalised.as_bytes());
    out
}

/// The coalition's matching key, held by the custodian only. Made from a
/// 32-byte seed (RFC 9497 `DeriveKeyPair`), which is what is stored,
/// encrypted; redacted in `Debug`.
pub struct CustodianKey(VoprfServer<Suite>);

impl fmt::Debug for CustodianKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CustodianKey(<redacted>)")
    }
}

/// The custodian's public key: what a member checks each proof against.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct CustodianPublicKey(Elem);

impl fmt::Debug for CustodianPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CustodianPublicKey({})", self.to_hex())
    }
}

impl CustodianPublicKey {
    /// # Errors
    /// Not 64 hex digits of a ristretto255 element.
    pub fn parse(text: &str) -> Result<Self, OprfError> {
        let bytes =
            hex::decode(text.trim()).map_err(|_| OprfError::Malformed { what: "public key" })?;
        Suite::deserialize_elem(&bytes)
            .map(Self)
            .map_err(|_| OprfError::Malformed { what: "public key" })
    }

    pub fn to_hex(&self) -> String {
        hex::encode(Suite::serialize_elem(self.0))
    }
}

impl CustodianKey {
    /// A new key and the seed to store (encrypted) for it.
    ///
    /// # Errors
    /// [`OprfError::Input`] if derivation fails (it does not for 32 bytes).
    pub fn generate() -> Result<(Self, Zeroizing<[u8; 32]>), OprfError> {
        let mut seed = Zeroizing::new([0u8; 32]);
        rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, seed.as_mut());
        Ok((Self::from_seed(&seed)?, seed))
    }

    /// # Errors
    /// [`OprfError::Input`] if derivation fails (it does not for 32 bytes).
    pub fn from_seed(seed: &[u8; 32]) -> Result<Self, OprfError> {
        VoprfServer::new_from_seed(seed, KEY_INFO)
            .map(Self)
            .map_err(|_| OprfError::Input)
    }

    pub fn public_key(&self) -> CustodianPublicKey {
        CustodianPublicKey(self.0.get_public_key())
    }

    /// Evaluates a batch of blinded elements with one proof.
    ///
    /// # Errors
    /// [`OprfError::Malformed`] for an element that is not one, or an
    /// empty or too large batch ([`MAX_BATCH`]).
    pub fn evaluate(&self, request: &EvaluateRequest) -> Result<EvaluateResponse, OprfError> {
        if request.blinded.is_empty() || request.blinded.len() > MAX_BATCH {
            return Err(OprfError::Malformed { what: "batch" });
        }
        let blinded = request
            .blinded
            .iter()
            .map(|h| {
                hex::decode(h)
                    .ok()
                    .and_then(|b| BlindedElement::<Suite>::deserialize(&b).ok())
                    .ok_or(OprfError::Malformed {
                        what: "blinded element",
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let result = self
            .0
            .batch_blind_evaluate(&mut rand_core::OsRng, &blinded)
            .map_err(|_| OprfError::Malformed { what: "batch" })?;
        Ok(EvaluateResponse {
            evaluated: result
                .messages
                .iter()
                .map(|m| hex::encode(m.serialize()))
                .collect(),
            proof: hex::encode(result.proof.serialize()),
        })
    }
}

/// Blinded inputs waiting for the custodian: the request to send and the
/// blinds to finish with. The blinds are secret (redacted `Debug`).
pub struct Blinded {
    clients: Vec<VoprfClient<Suite>>,
    pub request: EvaluateRequest,
}

impl fmt::Debug for Blinded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blinded({} inputs)", self.clients.len())
    }
}

/// Blinds `inputs` (each from [`match_input`]).
///
/// # Errors
/// [`OprfError::Input`] for an empty or too long input.
pub fn blind<I: AsRef<[u8]>>(inputs: &[I]) -> Result<Blinded, OprfError> {
    let mut clients = Vec::with_capacity(inputs.len());
    let mut blinded = Vec::with_capacity(inputs.len());
    for input in inputs {
        let result = VoprfClient::<Suite>::blind(input.as_ref(), &mut rand_core::OsRng)
            .map_err(|_| OprfError::Input)?;
        blinded.push(hex::encode(result.message.serialize()));
        clients.push(result.state);
    }
    Ok(Blinded {
        clients,
        request: EvaluateRequest { blinded },
    })
}

/// Unblinds the custodian's answer, checks its proof against `public_key`
/// and returns one token (64 hex digits) per input, in order.
///
/// # Errors
/// [`OprfError::CountMismatch`], [`OprfError::Malformed`],
/// [`OprfError::ProofFailed`].
pub fn finalize<I: AsRef<[u8]>>(
    inputs: &[I],
    blinded: &Blinded,
    response: &EvaluateResponse,
    public_key: CustodianPublicKey,
) -> Result<Vec<String>, OprfError> {
    if response.evaluated.len() != inputs.len() || blinded.clients.len() != inputs.len() {
        return Err(OprfError::CountMismatch {
            expected: inputs.len(),
            got: response.evaluated.len(),
        });
    }
    let messages = response
        .evaluated
        .iter()
        .map(|h| {
            hex::decode(h)
                .ok()
                .and_then(|b| EvaluationElement::<Suite>::deserialize(&b).ok())
                .ok_or(OprfError::Malformed {
                    what: "evaluated element",
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let proof = hex::decode(&response.proof)
        .ok()
        .and_then(|b| Proof::<Suite>::deserialize(&b).ok())
        .ok_or(OprfError::Malformed { what: "proof" })?;
    let inputs: Vec<&[u8]> = inputs.iter().map(AsRef::as_ref).collect();
    let outputs =
        VoprfClient::batch_finalize(&inputs, &blinded.clients, &messages, &proof, public_key.0)
            .map_err(|_| OprfError::ProofFailed)?;
    outputs
        .map(|o| {
            o.map(|out| hex::encode(&out[..32]))
                .map_err(|_| OprfError::Input)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(key: &CustodianKey, inputs: &[Zeroizing<Vec<u8>>]) -> Vec<String> {
        let blinded = blind(inputs).unwrap();
        let response = key.evaluate(&blinded.request).unwrap();
        finalize(inputs, &blinded, &response, key.public_key()).unwrap()
    }

    #[test]
    fn same_input_same_token_across_blinds_and_the_proof_binds_the_key() {
        let (key, seed) = CustodianKey::generate().unwrap();
        let again = CustodianKey::from_seed(&seed).unwrap();
        assert_eq!(key.public_key(), again.public_key());
        let inputs = vec![
            match_input(TokenKind::Name, "maria jose pena 1985"),
            match_input(TokenKind::ANumber, "012345678"),
        ];
        let first = round_trip(&key, &inputs);
        let second = round_trip(&again, &inputs);
        assert_eq!(first, second);
        assert_ne!(first[0], first[1]);
        assert_eq!(first[0].len(), 64);
        // A blinded element says nothing stable about its input.
        let b1 = blind(&inputs).unwrap();
        let b2 = blind(&inputs).unwrap();
        assert_ne!(b1.request.blinded, b2.request.blinded);
        // Evaluated by another key: the proof fails against the pinned one.
        let (other, _) = CustodianKey::generate().unwrap();
        let response = other.evaluate(&b1.request).unwrap();
        assert_eq!(
            finalize(&inputs, &b1, &response, key.public_key()),
            Err(OprfError::ProofFailed)
        );
        let pk = CustodianPublicKey::parse(&key.public_key().to_hex()).unwrap();
        assert_eq!(pk, key.public_key());
    }

    #[test]
    fn malformed_requests_are_refused() {
        let (key, _) = CustodianKey::generate().unwrap();
        let bad = EvaluateRequest {
            blinded: vec!["zz".to_owned()],
        };
        assert!(matches!(
            key.evaluate(&bad),
            Err(OprfError::Malformed { .. })
        ));
        let empty = EvaluateRequest { blinded: vec![] };
        assert!(key.evaluate(&empty).is_err());
    }
}
