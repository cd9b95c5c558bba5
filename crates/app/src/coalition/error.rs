//! What goes wrong in coalition use cases, typed, with its message from
//! the catalog.

use testimonio_coalition::{BundleFault, OprfError};
use testimonio_domain::Lang;
use testimonio_i18n::tr;

/// A coalition use case refused (HTTP 400, exit 1).
#[derive(Debug, thiserror::Error)]
pub enum CoalitionError {
    /// Sharing needs a coalition joined first.
    #[error("this vault has not joined a coalition")]
    NotJoined,
    /// A vault is a member of one coalition.
    #[error("this vault is a member of coalition {coalition} already")]
    AlreadyJoined { coalition: String },
    /// The hub's recipient is not an age X25519 recipient.
    #[error("the hub's recipient is not an age recipient (age1…)")]
    BadHubRecipient,
    /// A coalition id is 1 to 64 letters, digits, `-` or `_`.
    #[error("a coalition id is 1 to 64 letters, digits, '-' or '_'")]
    BadCoalitionId,
    /// The custodian's address, key and token go together.
    #[error("the custodian's address, public key and token are given together")]
    CustodianIncomplete,
    /// The custodian's public key is not one.
    #[error("the custodian's public key is not 64 hex digits of a ristretto255 element")]
    BadCustodianKey,
    /// The custodian could not be reached or answered nonsense.
    #[error("the key custodian at {url} could not be reached")]
    CustodianUnreachable { url: String },
    /// The custodian does not know this member's token.
    #[error("the key custodian does not know this member")]
    CustodianUnauthorized,
    /// The member's evaluations for today are spent.
    #[error("the key custodian's daily budget for this member is spent")]
    CustodianBudget,
    /// The custodian's answer fails its proof: not the pinned key.
    #[error("the key custodian's answer does not verify: {0}")]
    CustodianProof(OprfError),
    /// This vault holds a custodian's key already.
    #[error("this vault is a key custodian already")]
    CustodianExists,
    /// This vault is no key custodian.
    #[error("this vault is not a key custodian: run `custodian init`")]
    NotACustodian,
    /// A custodian's member of that name exists.
    #[error("the custodian has a member named {name} already")]
    MemberTaken { name: String },
    /// This vault is the hub of a coalition already.
    #[error("this vault is the hub of coalition {coalition} already")]
    HubExists { coalition: String },
    /// This vault is no coalition hub.
    #[error("this vault is not a coalition hub: run `coalition create`")]
    NotAHub,
    /// A bundle refused.
    #[error("bundle refused: {0}")]
    Bundle(BundleFault),
}

impl CoalitionError {
    /// The message for the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CoalitionError::NotJoined => tr!(lang, "coalition-error-not-joined").to_owned(),
            CoalitionError::AlreadyJoined { coalition } => tr!(
                lang,
                "coalition-error-already-joined",
                coalition = coalition.as_str()
            ),
            CoalitionError::BadHubRecipient => {
                tr!(lang, "coalition-error-bad-hub-recipient").to_owned()
            }
            CoalitionError::BadCoalitionId => {
                tr!(lang, "coalition-error-bad-coalition-id").to_owned()
            }
            CoalitionError::CustodianIncomplete => {
                tr!(lang, "coalition-error-custodian-incomplete").to_owned()
            }
            CoalitionError::BadCustodianKey => {
                tr!(lang, "coalition-error-bad-custodian-key").to_owned()
            }
            CoalitionError::CustodianUnreachable { url } => tr!(
                lang,
                "coalition-error-custodian-unreachable",
                url = url.as_str()
            ),
            CoalitionError::CustodianUnauthorized => {
                tr!(lang, "coalition-error-custodian-unauthorized").to_owned()
            }
            CoalitionError::CustodianBudget => {
                tr!(lang, "coalition-error-custodian-budget").to_owned()
            }
            CoalitionError::CustodianProof(_) => {
                tr!(lang, "coalition-error-custodian-proof").to_owned()
            }
            CoalitionError::CustodianExists => {
                tr!(lang, "coalition-error-custodian-exists").to_owned()
            }
            CoalitionError::NotACustodian => {
                tr!(lang, "coalition-error-not-a-custodian").to_owned()
            }
            CoalitionError::MemberTaken { name } => {
                tr!(lang, "coalition-error-member-taken", name = name.as_str())
            }
            CoalitionError::HubExists { coalition } => tr!(
                lang,
                "coalition-error-hub-exists",
                coalition = coalition.as_str()
            ),
            CoalitionError::NotAHub => tr!(lang, "coalition-error-not-a-hub").to_owned(),
            CoalitionError::Bundle(fault) => bundle_fault(lang, fault),
        }
    }
}

/// Why a bundle was refused, in `lang`.
pub fn bundle_fault(lang: Lang, fault: &BundleFault) -> String {
    match fault {
        BundleFault::NotForThisHub => tr!(lang, "bundle-refused-not-for-this-hub").to_owned(),
        BundleFault::NotABundle => tr!(lang, "bundle-refused-not-a-bundle").to_owned(),
        BundleFault::UnsupportedVersion { found } => {
            tr!(lang, "bundle-refused-version", found = found.as_str())
        }
        BundleFault::UnknownMember => tr!(lang, "bundle-refused-unknown-member").to_owned(),
        BundleFault::BadSignature => tr!(lang, "bundle-refused-signature").to_owned(),
        BundleFault::ForeignCoalition => tr!(lang, "bundle-refused-foreign").to_owned(),
        BundleFault::NotNewer { number, last } => tr!(
            lang,
            "bundle-refused-not-newer",
            number = *number,
            last = *last
        ),
        BundleFault::Malformed { line, column } => tr!(
            lang,
            "bundle-refused-malformed",
            line = *line,
            column = *column
        ),
        BundleFault::Invalid { field } => {
            tr!(lang, "bundle-refused-invalid", field = field.as_str())
        }
    }
}
