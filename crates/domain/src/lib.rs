//! Testimonio's domain model.
//!
//! Types here can only hold valid values ("parse, don't validate"): each
//! is built by a `parse`/`new` that returns a [`FieldError`] naming the
//! field and the reason, in English and Spanish. This crate does no I/O.

pub mod case;
pub mod consent;
pub mod date;
pub mod document;
pub mod document_date;
pub mod error;
pub mod event;
pub mod exchange;
pub mod geo;
pub mod lang;
pub mod person;
pub mod role;
pub mod seeded;
pub mod testimony;
pub mod text;
pub mod vocabulary;

pub use case::{Case, CaseKind, CaseLinkKind, CaseParts, CaseRecord, CaseStatus, CaseSubject};
pub use consent::{Audience, ConsentHistory, ConsentLevel, ConsentRecord};
pub use date::{DatePrecision, PartialDate};
pub use document::{ExcerptTag, ExtractionStatus, PageDecision, SourceKind, TextMethod};
pub use document_date::{DateSource, DocumentDate};
pub use error::{BATES_PREFIX_RULE, FieldError, Problem};
pub use event::{Event, EventParts, Location, Participant, ParticipantRole, Verification};
pub use geo::{Agency, FieldOffice, UsState};
pub use lang::{Bilingual, Lang};
pub use person::{ANumber, Group, Identity, Person};
pub use role::Role;
pub use testimony::{LanguageTag, Testimony, TestimonyParts};
pub use text::{RecordId, Sensitive, ShortText};
pub use vocabulary::{EventKind, EventType, Vocabulary};
