//! Testimonies in reports: when an account may be quoted, once.
//!
//! An account is quoted in a case vignette of the person who gave it only
//! when (a) a coordinator or an administrator marked it reviewed for
//! publication, (b) the consent given for the account allows a narrative
//! for the audience, and (c) the consent in force of its giver and of
//! every person named by every event it is linked to allows it too. The
//! review mark is required for every audience, internal included: the
//! mark says the account was read for publication, and a report is one.

use std::collections::HashMap;

use testimonio_domain::{Audience, ConsentLevel, Event, PartialDate, RecordId, Sensitive};

/// A testimony as a report reads it: no interviewer, no place.
#[derive(Debug, Clone)]
pub struct TestimonyInput {
    pub id: RecordId,
    /// Who gave it.
    pub person: RecordId,
    pub date: PartialDate,
    /// The consent given for this account.
    pub consent: ConsentLevel,
    /// Whether it was marked reviewed for publication.
    pub reviewed: bool,
    /// The events it tells of.
    pub events: Vec<RecordId>,
    pub account: Sensitive,
}

/// An account quoted in a vignette.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedTestimony {
    /// The testimony's id (internal only).
    pub id: Option<RecordId>,
    /// When it was given: as recorded (internal), or no finer than the month.
    pub date: PartialDate,
    pub account: String,
}

/// Whether `t` may be quoted for `audience`; `tells` says whether a
/// person's consent in force lets their story reach the audience.
pub fn may_quote(
    t: &TestimonyInput,
    audience: Audience,
    tells: &dyn Fn(&RecordId) -> bool,
    events: &HashMap<&RecordId, &Event>,
) -> bool {
    t.reviewed
        && t.consent.allows_narrative(audience)
        && tells(&t.person)
        && t.events.iter().all(|id| {
            events
                .get(id)
                .is_some_and(|e| e.participants().iter().all(|p| tells(&p.person)))
        })
}
