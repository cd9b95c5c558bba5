//! Typed failures. None carries bundle content: a hostile or mistaken
//! bundle is refused by what is wrong with it, never by echoing it.

/// Why a bundle is refused. The hub stores nothing of a refused bundle.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleFault {
    /// Not encrypted to this hub (or not an age file at all).
    #[error("the bundle is not encrypted to this hub")]
    NotForThisHub,
    /// Decrypted, but not a `testimonio-bundle` file.
    #[error("not a testimonio-bundle file")]
    NotABundle,
    /// A `testimonio-bundle` of a version this build does not read.
    #[error("testimonio-bundle version {found} is not supported")]
    UnsupportedVersion { found: String },
    /// Signed by a key that is no member of this coalition.
    #[error("the bundle's signer is not a member of this coalition")]
    UnknownMember,
    /// The signature does not match the content: altered after signing.
    #[error("the bundle's signature does not match its content")]
    BadSignature,
    /// For another coalition.
    #[error("the bundle is for another coalition")]
    ForeignCoalition,
    /// Not newer than the member's last bundle received (a replay).
    #[error("bundle number {number} is not newer than {last}, the member's last")]
    NotNewer { number: u64, last: u64 },
    /// The content is not the format's JSON (position only).
    #[error("the bundle's content is malformed at line {line}, column {column}")]
    Malformed { line: usize, column: usize },
    /// A field holds a value the format does not allow (its path only).
    #[error("the bundle's field {field} is invalid")]
    Invalid { field: String },
}

/// A failure of the oblivious PRF.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OprfError {
    /// The custodian's proof does not verify against its public key: a
    /// custodian that evaluated with another key, or a tampered answer.
    #[error("the custodian's proof does not verify")]
    ProofFailed,
    /// A message that is not the encoding of a group element or scalar.
    #[error("malformed {what}")]
    Malformed { what: &'static str },
    /// Not as many evaluations as inputs.
    #[error("{got} evaluations for {expected} inputs")]
    CountMismatch { expected: usize, got: usize },
    /// An input the protocol refuses (empty or too long).
    #[error("an input the oblivious PRF refuses")]
    Input,
}
