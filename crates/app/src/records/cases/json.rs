//! The one JSON shape of a case, for the command line (`--json`) and the
//! API: codes and ids, the subject by pseudonym or name, the notes only
//! when the view holds them, withheld excerpts without their quote.

use serde_json::{Value, json};
use testimonio_domain::CaseRecord;
use testimonio_vault::ShownExcerpt;

use super::{CaseView, Listed, Subject};

impl Subject {
    /// `{"kind": "person" | "group", "id", "name"}`.
    pub fn to_json(&self) -> Value {
        let kind = match self {
            Subject::Person(_) => "person",
            Subject::Group(_) => "group",
        };
        json!({ "kind": kind, "id": self.id().as_str(), "name": self.name() })
    }
}

impl Listed {
    /// `{"case", "subject", "links"}`.
    pub fn to_json(&self) -> Value {
        json!({
            "case": CaseRecord::from_case(&self.case),
            "subject": self.subject.to_json(),
            "links": self.links,
        })
    }
}

impl CaseView {
    /// The case, its subject, its notes when the view holds them (`null`
    /// otherwise) and its linked records summarised.
    pub fn to_json(&self) -> Value {
        let excerpts: Vec<Value> = self
            .excerpts
            .iter()
            .map(|x| match x {
                ShownExcerpt::Readable(x) => json!({
                    "id": x.id, "document": x.document, "page": x.page, "quote": x.quote,
                }),
                ShownExcerpt::Withheld(x) => json!({ "id": x.id, "withheld": true }),
            })
            .collect();
        json!({
            "case": CaseRecord::from_case(&self.case),
            "subject": self.subject.to_json(),
            "sees_notes": self.sees_notes,
            "notes": self.notes.as_ref().map(|n| n.expose()),
            "events": self.events.iter().map(|e| json!({
                "id": e.id().as_str(),
                "date": e.date().to_string(),
                "event_type": e.event_type().code(),
            })).collect::<Vec<_>>(),
            "documents": self.documents.iter().map(|d| json!({
                "id": d.id, "file_name": d.file_name, "sha256": d.sha256,
            })).collect::<Vec<_>>(),
            "excerpts": excerpts,
            "foia": self.foia.iter().map(|f| json!({
                "id": f.id().as_str(), "subject": f.subject().as_str(),
            })).collect::<Vec<_>>(),
            "testimonies": self.testimonies,
            "missing": self.missing.iter().map(|l| json!({
                "kind": l.kind.code(), "id": l.target,
            })).collect::<Vec<_>>(),
        })
    }
}
