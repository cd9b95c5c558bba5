//! RFC 3161 timestamps of a bag's tag manifest: the request built as DER
//! (`x509-tsp`), sent over HTTP as `application/timestamp-query`, and the
//! reply checked (status granted, a token whose SHA-256 imprint and nonce
//! are the ones asked for) before it is kept byte for byte as the bag's
//! `.tsr`. Checking the TSA's own signature and certificate needs its CA,
//! which the verifier brings: `openssl ts -verify -CAfile ...`.

use std::time::Duration;

use cmpv2::status::PkiStatus;
use der::asn1::{Int, OctetString};
use der::oid::ObjectIdentifier;
use der::{Any, Decode, Encode};
use x509_tsp::{MessageImprint, TimeStampReq, TimeStampResp, TspVersion, TstInfo};

/// id-sha256 (RFC 5754).
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
/// id-signedData (RFC 5652).
const SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
/// id-ct-TSTInfo (RFC 3161).
const TST_INFO: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");

/// Why a timestamp could not be had or does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampFault {
    /// The TSA could not be reached or answered with an HTTP error.
    Unreachable,
    /// The reply is not a DER TimeStampResp with a signed TSTInfo token.
    Malformed,
    /// The TSA refused (a status other than granted).
    Rejected,
    /// The token stamps another digest (or not a SHA-256 one).
    WrongImprint,
    /// The token does not carry the request's nonce.
    WrongNonce,
}

impl TimestampFault {
    /// A stable code, for JSON and the catalog's selectors.
    pub fn code(self) -> &'static str {
        match self {
            TimestampFault::Unreachable => "unreachable",
            TimestampFault::Malformed => "malformed",
            TimestampFault::Rejected => "rejected",
            TimestampFault::WrongImprint => "wrong-imprint",
            TimestampFault::WrongNonce => "wrong-nonce",
        }
    }
}

/// A TimeStampReq for the SHA-256 `digest`, with `nonce`, asking for the
/// TSA's certificate in the token.
///
/// # Errors
/// [`TimestampFault::Malformed`] if DER encoding fails (it does not for
/// these inputs).
pub fn request(digest: &[u8; 32], nonce: u64) -> Result<Vec<u8>, TimestampFault> {
    let req = TimeStampReq {
        version: TspVersion::V1,
        message_imprint: imprint_of(digest)?,
        req_policy: None,
        nonce: Some(nonce_int(nonce)?),
        cert_req: true,
        extensions: None,
    };
    req.to_der().map_err(|_| TimestampFault::Malformed)
}

fn imprint_of(digest: &[u8; 32]) -> Result<MessageImprint, TimestampFault> {
    Ok(MessageImprint {
        hash_algorithm: cms::cert::x509::spki::AlgorithmIdentifier {
            oid: SHA256,
            parameters: None,
        },
        hashed_message: OctetString::new(digest.to_vec()).map_err(|_| TimestampFault::Malformed)?,
    })
}

fn nonce_int(nonce: u64) -> Result<Int, TimestampFault> {
    // A positive INTEGER in its minimal encoding (as a reply decodes):
    // no leading zero bytes but one that keeps the sign bit clear.
    let be = nonce.to_be_bytes();
    let first = be.iter().position(|b| *b != 0).unwrap_or(be.len() - 1);
    let mut bytes = Vec::with_capacity(9);
    if be[first] & 0x80 != 0 {
        bytes.push(0);
    }
    bytes.extend_from_slice(&be[first..]);
    Int::new(&bytes).map_err(|_| TimestampFault::Malformed)
}

/// Asks the TSA at `url` to stamp `digest`; returns its reply (the
/// DER TimeStampResp, as received) once checked by [`check_reply`].
///
/// # Errors
/// A [`TimestampFault`]: unreachable, malformed, rejected, or a token for
/// another digest or nonce.
pub fn fetch(url: &str, digest: &[u8; 32]) -> Result<Vec<u8>, TimestampFault> {
    let nonce = rand::random::<u64>();
    let body = request(digest, nonce)?;
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .map_err(|_| TimestampFault::Unreachable)?;
    let reply = client
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/timestamp-query")
        .body(body)
        .send()
        .and_then(reqwest::blocking::Response::error_for_status)
        .map_err(|e| {
            tracing::warn!(error = %e, "timestamp authority unreachable");
            TimestampFault::Unreachable
        })?;
    let bytes = reply
        .bytes()
        .map_err(|_| TimestampFault::Unreachable)?
        .to_vec();
    check_reply(&bytes, digest, Some(nonce))?;
    Ok(bytes)
}

/// Checks a TimeStampResp: status granted (with or without changes), a
/// signed-data token whose TSTInfo stamps `digest` with SHA-256 and, when
/// given, carries `nonce`. Returns the token's time (`genTime`, as
/// YYYY-MM-DDTHH:MM:SSZ).
///
/// # Errors
/// The first [`TimestampFault`] found.
pub fn check_reply(
    reply: &[u8],
    digest: &[u8; 32],
    nonce: Option<u64>,
) -> Result<String, TimestampFault> {
    let resp = TimeStampResp::from_der(reply).map_err(|_| TimestampFault::Malformed)?;
    if !matches!(
        resp.status.status,
        PkiStatus::Accepted | PkiStatus::GrantedWithMods
    ) {
        return Err(TimestampFault::Rejected);
    }
    let token = resp.time_stamp_token.ok_or(TimestampFault::Malformed)?;
    if token.content_type != SIGNED_DATA {
        return Err(TimestampFault::Malformed);
    }
    // SignedData ::= SEQUENCE { version, digestAlgorithms,
    // encapContentInfo, [0] certificates, [1] crls, signerInfos }: only
    // the encapsulated content is read here (the signature and the
    // certificates are the verifier's, with the TSA's CA), so a TSA's
    // certificate set that a strict decoder refuses (one listed twice)
    // does not stop the imprint check.
    let fields: Vec<Any> = token
        .content
        .decode_as()
        .map_err(|_| TimestampFault::Malformed)?;
    let encap: cms::signed_data::EncapsulatedContentInfo = fields
        .get(2)
        .ok_or(TimestampFault::Malformed)?
        .decode_as()
        .map_err(|_| TimestampFault::Malformed)?;
    if encap.econtent_type != TST_INFO {
        return Err(TimestampFault::Malformed);
    }
    let content: Any = encap.econtent.ok_or(TimestampFault::Malformed)?;
    let octets: OctetString = content.decode_as().map_err(|_| TimestampFault::Malformed)?;
    let info = TstInfo::from_der(octets.as_bytes()).map_err(|_| TimestampFault::Malformed)?;
    if info.message_imprint.hash_algorithm.oid != SHA256
        || info.message_imprint.hashed_message.as_bytes() != digest
    {
        return Err(TimestampFault::WrongImprint);
    }
    if let Some(nonce) = nonce
        && info.nonce != Some(nonce_int(nonce)?)
    {
        return Err(TimestampFault::WrongNonce);
    }
    Ok(info.gen_time.to_date_time().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_carries_the_digest_and_nonce_in_der() {
        let digest = [7u8; 32];
        let der = request(&digest, 42).unwrap();
        let req = TimeStampReq::from_der(&der).unwrap();
        assert_eq!(req.message_imprint.hashed_message.as_bytes(), digest);
        assert_eq!(req.message_imprint.hash_algorithm.oid, SHA256);
        assert!(req.cert_req);
        assert_eq!(req.nonce, Some(nonce_int(42).unwrap()));
    }

    #[test]
    fn garbage_is_not_a_reply() {
        assert_eq!(
            check_reply(b"not der", &[0; 32], None),
            Err(TimestampFault::Malformed)
        );
    }
}
