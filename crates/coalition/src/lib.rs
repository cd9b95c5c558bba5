//! The coalition's formats and cryptography, as pure logic (no I/O, no
//! HTTP): what a member group sends a coalition hub, and how people
//! reported by two groups meet there without anyone learning who they are.
//!
//! - [`bundle`]: `testimonio-bundle` v1, the member's consented,
//!   de-identified picture (people by pseudonymous id, groups, events,
//!   match tokens), as canonical JSON; parsing checks every code.
//! - [`seal`]: the bundle signed by the member (Ed25519) and encrypted to
//!   the hub's age recipient; opened by the hub, which checks the
//!   signature against the member key it registered.
//! - [`pseudonym`]: ids keyed by a per-member secret (the hub recognises a
//!   member's updates but cannot link two members' ids) and birth years
//!   in five-year bands.
//! - [`oprf`]: the oblivious PRF of private matching (RFC 9497,
//!   ristretto255-SHA512, verifiable mode): the member blinds, the key
//!   custodian evaluates without seeing the input, the member unblinds
//!   and checks the custodian's proof; the output is a match token.
//!
//! Nothing here reads an identity: callers hand in what they chose to
//! share, and every secret is a zeroized type without `Serialize`.

pub mod bundle;
pub mod error;
pub mod merge;
pub mod oprf;
pub mod pseudonym;
pub mod seal;

pub use bundle::{
    Bundle, BundleEvent, BundleGroup, BundleParticipant, BundlePerson, MatchToken, TokenKind,
};
pub use error::{BundleFault, OprfError};
pub use pseudonym::{PseudonymKey, birth_band};
pub use seal::{HubIdentity, MemberKey, MemberPublicKey, Opened};
