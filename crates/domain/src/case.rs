//! Cases: a legal or advocacy file around a person or a group, with the
//! records it links to.

use serde::{Deserialize, Serialize};
use testimonio_i18n::tr;

use crate::date::PartialDate;
use crate::error::{FieldError, Problem};
use crate::lang::Lang;
use crate::text::{RecordId, Sensitive, ShortText};

/// Defines a closed set of stable codes with a parser and catalog labels.
macro_rules! code_enum {
    (
        $(#[$meta:meta])* $name:ident, $hint:literal,
        { $( $(#[$vmeta:meta])* $variant:ident => $code:literal, $label:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the order forms offer them.
            pub const ALL: &'static [$name] = &[$( $name::$variant ),+];

            /// The stable code (stored, typed on the command line, in JSON).
            pub fn code(self) -> &'static str {
                match self {
                    $( $name::$variant => $code ),+
                }
            }

            /// The label in `lang`, from the catalog.
            pub fn label(self, lang: Lang) -> &'static str {
                match self {
                    $( $name::$variant => tr!(lang, $label) ),+
                }
            }

            /// # Errors
            /// A code that is not one of the set, on `field`.
            pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.code() == code.trim())
                    .ok_or_else(|| FieldError::new(field, Problem::UnknownCode { known_hint: $hint }))
            }
        }
    };
}

code_enum!(
    /// What a case is: the legal or advocacy work it holds.
    CaseKind,
    "removal_defense, prosecutorial_discretion, first_amendment, foia_litigation, advocacy",
    {
        /// Defense in removal (deportation) proceedings.
        RemovalDefense => "removal_defense", "case-kind-removal-defense",
        /// A request for prosecutorial discretion.
        ProsecutorialDiscretion => "prosecutorial_discretion", "case-kind-prosecutorial-discretion",
        /// A First Amendment (retaliation) claim.
        FirstAmendment => "first_amendment", "case-kind-first-amendment",
        /// Litigation to enforce a FOIA request.
        FoiaLitigation => "foia_litigation", "case-kind-foia-litigation",
        /// Advocacy outside the courts.
        Advocacy => "advocacy", "case-kind-advocacy",
    }
);

code_enum!(
    /// Where a case stands.
    CaseStatus,
    "open, pending_decision, won, lost, closed",
    {
        Open => "open", "case-status-open",
        /// Waiting for a decision of a court or an agency.
        PendingDecision => "pending_decision", "case-status-pending-decision",
        Won => "won", "case-status-won",
        Lost => "lost", "case-status-lost",
        Closed => "closed", "case-status-closed",
    }
);

code_enum!(
    /// The kinds of record a case links to.
    CaseLinkKind,
    "event, document, excerpt, foia, testimony",
    {
        Event => "event", "case-link-kind-event",
        Document => "document", "case-link-kind-document",
        Excerpt => "excerpt", "case-link-kind-excerpt",
        /// A FOIA request.
        Foia => "foia", "case-link-kind-foia",
        Testimony => "testimony", "case-link-kind-testimony",
    }
);

/// Who a case is about: exactly one person or one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseSubject {
    Person(RecordId),
    Group(RecordId),
}

impl CaseSubject {
    /// The subject from a person id and a group id as typed: exactly one
    /// must be given (`subject: required` when neither, `group` exclusive
    /// with `person` when both).
    ///
    /// # Errors
    /// Neither or both given; a malformed id.
    pub fn parse(person: Option<&str>, group: Option<&str>) -> Result<Self, FieldError> {
        fn given(v: Option<&str>) -> Option<&str> {
            v.map(str::trim).filter(|v| !v.is_empty())
        }
        match (given(person), given(group)) {
            (Some(p), None) => RecordId::parse("person", p).map(CaseSubject::Person),
            (None, Some(g)) => RecordId::parse("group", g).map(CaseSubject::Group),
            (None, None) => Err(FieldError::new("subject", Problem::Required)),
            (Some(_), Some(_)) => Err(FieldError::new(
                "group",
                Problem::ExclusiveWith { other: "person" },
            )),
        }
    }

    /// The person, for a person's case.
    pub fn person(&self) -> Option<&RecordId> {
        match self {
            CaseSubject::Person(id) => Some(id),
            CaseSubject::Group(_) => None,
        }
    }

    /// The group, for a group's case.
    pub fn group(&self) -> Option<&RecordId> {
        match self {
            CaseSubject::Group(id) => Some(id),
            CaseSubject::Person(_) => None,
        }
    }
}

/// A case, without its notes (which are read on their own, audited).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub id: RecordId,
    pub title: ShortText,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub subject: CaseSubject,
    pub attorney: Option<ShortText>,
    pub opened_on: Option<PartialDate>,
    pub closed_on: Option<PartialDate>,
}

/// A case as plain data (JSON on the command line and in the API): codes
/// and ids, no notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRecord {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub attorney: Option<String>,
    pub opened_on: Option<String>,
    pub closed_on: Option<String>,
}

impl CaseRecord {
    pub fn from_case(case: &Case) -> Self {
        Self {
            id: case.id.to_string(),
            title: case.title.to_string(),
            kind: case.kind.code().to_owned(),
            status: case.status.code().to_owned(),
            person: case.subject.person().map(ToString::to_string),
            group: case.subject.group().map(ToString::to_string),
            attorney: case.attorney.as_ref().map(ToString::to_string),
            opened_on: case.opened_on.map(|d| d.to_string()),
            closed_on: case.closed_on.map(|d| d.to_string()),
        }
    }
}

/// The longest accepted case notes.
pub const NOTES_MAX: usize = 20_000;

/// A case's fields as typed, checked together by [`CaseParts::into_case`].
///
/// Holds the notes as typed, so it has no `Debug`.
#[derive(Clone, Default)]
pub struct CaseParts {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub status: Option<String>,
    pub person: Option<String>,
    pub group: Option<String>,
    pub attorney: Option<String>,
    pub opened_on: Option<String>,
    pub closed_on: Option<String>,
    pub notes: Option<String>,
}

impl CaseParts {
    /// The case and its notes, or every refused field.
    ///
    /// # Errors
    /// Each refused field, named.
    pub fn into_case(self) -> Result<(Case, Option<Sensitive>), Vec<FieldError>> {
        fn keep<T>(errors: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
            r.map_err(|e| errors.push(e)).ok()
        }
        let mut errors = Vec::new();
        let id = keep(&mut errors, RecordId::parse("id", &self.id));
        let title = keep(&mut errors, ShortText::parse("title", &self.title));
        let kind = keep(&mut errors, CaseKind::parse("kind", &self.kind));
        let status = keep(
            &mut errors,
            match self.status.as_deref().map(str::trim) {
                None | Some("") => Ok(CaseStatus::Open),
                Some(s) => CaseStatus::parse("status", s),
            },
        );
        let subject = keep(
            &mut errors,
            CaseSubject::parse(self.person.as_deref(), self.group.as_deref()),
        );
        let attorney = keep(
            &mut errors,
            ShortText::parse_optional("attorney", self.attorney.as_deref()),
        );
        let date = |field: &str, v: Option<&str>| match v.map(str::trim) {
            None | Some("") => Ok(None),
            Some(v) => PartialDate::parse(field, v).map(Some),
        };
        let opened_on = keep(&mut errors, date("opened_on", self.opened_on.as_deref()));
        let closed_on = keep(&mut errors, date("closed_on", self.closed_on.as_deref()));
        let notes = keep(
            &mut errors,
            Sensitive::parse_optional("notes", self.notes.as_deref(), NOTES_MAX),
        );
        if let (Some(Some(opened)), Some(Some(closed))) = (&opened_on, &closed_on)
            && closed.latest() < opened.earliest()
        {
            errors.push(FieldError::new("closed_on", Problem::EndBeforeStart));
        }
        match (
            id, title, kind, status, subject, attorney, opened_on, closed_on, notes,
        ) {
            (
                Some(id),
                Some(title),
                Some(kind),
                Some(status),
                Some(subject),
                Some(attorney),
                Some(opened_on),
                Some(closed_on),
                Some(notes),
            ) if errors.is_empty() => Ok((
                Case {
                    id,
                    title,
                    kind,
                    status,
                    subject,
                    attorney,
                    opened_on,
                    closed_on,
                },
                notes,
            )),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> CaseParts {
        CaseParts {
            id: "case-1".into(),
            title: "Defensa".into(),
            kind: "removal_defense".into(),
            person: Some("p-1".into()),
            ..CaseParts::default()
        }
    }

    #[test]
    fn codes_round_trip() {
        for kind in CaseKind::ALL {
            assert_eq!(CaseKind::parse("kind", kind.code()).unwrap(), *kind);
        }
        for status in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse("status", status.code()).unwrap(), *status);
        }
        for link in CaseLinkKind::ALL {
            assert_eq!(CaseLinkKind::parse("kind", link.code()).unwrap(), *link);
        }
        assert_eq!(
            CaseKind::parse("kind", "divorce").unwrap_err().field,
            "kind"
        );
    }

    #[test]
    fn a_case_is_open_by_default_and_names_one_subject() {
        let (case, notes) = parts().into_case().unwrap();
        assert_eq!(case.status, CaseStatus::Open);
        assert_eq!(case.subject.person().unwrap().as_str(), "p-1");
        assert!(notes.is_none());

        let both = CaseParts {
            group: Some("g-1".into()),
            ..parts()
        };
        let errors = both.into_case().unwrap_err();
        assert_eq!(errors[0].field, "group");
        let neither = CaseParts {
            person: None,
            ..parts()
        };
        assert_eq!(neither.into_case().unwrap_err()[0].field, "subject");
    }

    #[test]
    fn every_refused_field_is_named_at_once() {
        let bad = CaseParts {
            title: " ".into(),
            kind: "x".into(),
            status: Some("maybe".into()),
            opened_on: Some("2024-05".into()),
            closed_on: Some("2023".into()),
            ..parts()
        };
        let fields: Vec<String> = bad
            .into_case()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["title", "kind", "status", "closed_on"]);
    }
}
