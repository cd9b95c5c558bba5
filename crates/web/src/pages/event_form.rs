//! The event form: GET /events/new, POST /events, GET /events/{id}/edit,
//! POST /events/{id}.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use testimonio_app::records::events::{self, FieldPath, Recorded, Reference, Write};
use testimonio_app::{Actor, AppError as UseCaseError, AppResult, RecordKind};
use testimonio_domain::exchange::{EventRecord, ParticipantEntry};
use testimonio_domain::{Event, FieldError, Lang, ParticipantRole, RecordId, Verification};
use testimonio_i18n::tr;

use super::events::use_case;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::t;
use crate::layout::{csrf_field, page};
use crate::state::AppState;

use super::event_picker::{Picker, groups_picker, people_picker};
use super::forms::*;

/// The form's fields as submitted (or as filled from a stored event).
/// No `Debug`: the narrative is sensitive.
#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct EventForm {
    pub id: String,
    pub kind: String,
    pub event_type: String,
    pub date: String,
    pub end_date: String,
    pub state: String,
    pub city: String,
    pub facility: String,
    pub agency: String,
    pub field_office: String,
    pub people: String,
    pub groups: String,
    pub narrative: String,
    pub verification: String,
    /// Which button sent the form: empty to save it, or a picker step
    /// (see `event_picker.rs`).
    pub step: String,
    pub person_query: String,
    pub person_role: String,
    pub pick_person: String,
    pub new_pseudonym: String,
    pub new_consent: String,
    pub group_query: String,
    pub pick_group: String,
}

/// The form's fields: (name, label key).
pub(crate) const EVENT_FIELDS: [(&str, &str); 14] = [
    ("id", "field-id"),
    ("kind", "field-kind"),
    ("event_type", "field-event-type"),
    ("date", "field-date"),
    ("end_date", "field-end-date"),
    ("state", "field-state"),
    ("city", "field-city"),
    ("facility", "field-facility"),
    ("agency", "field-agency"),
    ("field_office", "field-field-office"),
    ("people", "field-people"),
    ("groups", "field-groups"),
    ("narrative", "field-narrative"),
    ("verification", "field-verification"),
];

pub(crate) fn event_label(lang: Lang, name: &str) -> &'static str {
    EVENT_FIELDS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, key)| t(lang, key))
}

/// A new random event id: `evt-` and 12 hex digits.
pub fn new_event_id() -> String {
    testimonio_app::ids::new_id("evt")
}

/// The role code for what a user typed: a code (`family_member`, `family
/// member`) or a label in either language (`Organizer`, `organizadora`),
/// case-insensitively. Anything else is returned as typed, for the domain
/// to refuse with its message.
pub fn role_code(text: &str) -> String {
    let typed = text.trim().to_lowercase();
    let as_code = typed.replace([' ', '-'], "_");
    for role in ParticipantRole::ALL {
        if role.code() == as_code {
            return role.code().to_owned();
        }
        for lang in Lang::ALL {
            let label = role.label(lang).to_lowercase();
            if label == typed {
                return role.code().to_owned();
            }
            // "Organizador/a" also as "organizador" and "organizadora".
            if let Some(base) = label.strip_suffix("/a") {
                let feminine = match base.strip_suffix('o') {
                    Some(stem) => format!("{stem}a"),
                    None => format!("{base}a"),
                };
                if typed == base || typed == feminine {
                    return role.code().to_owned();
                }
            }
        }
    }
    text.trim().to_owned()
}

/// The people field: one `person-id = role` per line (or `person-id role`).
/// Blank lines are skipped. Returns each entry with its 1-based line number.
pub fn parse_people(text: &str) -> Vec<(usize, ParticipantEntry)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let line = line.trim();
            let (id, role) = line
                .split_once('=')
                .or_else(|| line.split_once(char::is_whitespace))
                .unwrap_or((line, ""));
            (
                i + 1,
                ParticipantEntry {
                    id: id.trim().to_owned(),
                    role: role_code(role),
                },
            )
        })
        .collect()
}

/// The groups field: ids separated by spaces (or commas).
pub fn parse_groups(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(crate) fn optional(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

impl EventForm {
    /// The exchange record for this form, and the line number of each
    /// entry of `people`.
    fn to_record(&self, id: &str) -> (EventRecord, Vec<usize>) {
        let people = parse_people(&self.people);
        let lines = people.iter().map(|(n, _)| *n).collect();
        let narrative = self.narrative.replace("\r\n", "\n");
        let record = EventRecord {
            id: id.to_owned(),
            kind: optional(&self.kind),
            event_type: self.event_type.trim().to_owned(),
            date: self.date.trim().to_owned(),
            end_date: optional(&self.end_date),
            state: optional(&self.state),
            city: optional(&self.city),
            facility: optional(&self.facility),
            agency: optional(&self.agency),
            field_office: optional(&self.field_office),
            people: people.into_iter().map(|(_, p)| p).collect(),
            groups: parse_groups(&self.groups),
            narrative: optional(&narrative),
            verification: optional(&self.verification),
        };
        (record, lines)
    }

    /// The form filled from a stored event, roles as labels in `lang`.
    fn from_event(lang: Lang, e: &Event) -> Self {
        Self {
            id: e.id().to_string(),
            kind: e.kind().code().to_owned(),
            event_type: e.event_type().code().to_owned(),
            date: e.date().to_string(),
            end_date: e.end_date().map(|d| d.to_string()).unwrap_or_default(),
            state: e
                .location()
                .state
                .map(|s| s.code().to_owned())
                .unwrap_or_default(),
            city: e
                .location()
                .city
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            facility: e
                .location()
                .facility
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            agency: e.agency().map(|a| a.code().to_owned()).unwrap_or_default(),
            field_office: e
                .field_office()
                .map(|f| f.code().to_owned())
                .unwrap_or_default(),
            people: e
                .participants()
                .iter()
                .map(|p| format!("{} = {}", p.person, p.role.label(lang)))
                .collect::<Vec<_>>()
                .join("\n"),
            groups: e
                .groups()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" "),
            narrative: e
                .narrative()
                .map(|n| n.expose().to_owned())
                .unwrap_or_default(),
            verification: e.verification().code().to_owned(),
            ..Self::default()
        }
    }
}

/// The form field a domain field error belongs to, and its message in
/// `lang` (naming the line of the people field, or the group id).
pub(crate) fn map_field_error(
    lang: Lang,
    record: &EventRecord,
    lines: &[usize],
    error: &FieldError,
) -> (&'static str, String) {
    let problem = error.problem.message(lang);
    match FieldPath::of(error, record) {
        FieldPath::Participant { index, .. } => {
            let message = match lines.get(index) {
                Some(n) => tr!(
                    lang,
                    "records-form-line-problem",
                    line = *n,
                    problem = problem
                ),
                None => problem,
            };
            ("people", message)
        }
        FieldPath::Group(index) => {
            let message = match record.groups.get(index) {
                Some(g) => tr!(
                    lang,
                    "records-form-group-problem",
                    group = g.as_str(),
                    problem = problem
                ),
                None => problem,
            };
            ("groups", message)
        }
        FieldPath::Field(field) => {
            let name = EVENT_FIELDS
                .iter()
                .map(|(n, _)| *n)
                .find(|n| *n == field)
                .unwrap_or("");
            (name, problem)
        }
    }
}

/// A person or group the event names that the vault does not hold (its
/// kind, the entry's position in the event's list, its id), as a message
/// next to its field.
pub(crate) fn map_vault_refusal(
    lang: Lang,
    lines: &[usize],
    kind: RecordKind,
    position: Option<usize>,
    id: &str,
) -> Option<(&'static str, String)> {
    if kind == RecordKind::Person {
        let message = match position.and_then(|index| lines.get(index)) {
            Some(n) => tr!(lang, "records-form-unknown-person-line", line = *n, id = id),
            None => tr!(lang, "records-form-unknown-person", id = id),
        };
        return Some(("people", message));
    }
    if kind == RecordKind::Group {
        return Some(("groups", tr!(lang, "records-form-unknown-group", id = id)));
    }
    None
}

/// Whether the form creates an event or edits one.
#[derive(Debug, Clone)]
pub(crate) enum Mode {
    New,
    Edit(RecordId),
}

pub(crate) fn role_hint(lang: Lang) -> String {
    let roles: Vec<&str> = ParticipantRole::ALL.iter().map(|r| r.label(lang)).collect();
    tr!(lang, "records-form-people-hint", roles = roles.join(", "))
}

pub(crate) fn event_form_page(
    viewer: &Viewer,
    mode: &Mode,
    form: &EventForm,
    errors: &FormErrors,
    picker: &Picker,
) -> Markup {
    let lang = viewer.lang;
    let e = errors;
    let label = |name: &str| event_label(lang, name);
    let (title, action) = match mode {
        Mode::New => (viewer.t("event-new"), "/events".to_owned()),
        Mode::Edit(id) => (viewer.t("event-edit"), format!("/events/{id}")),
    };
    let none = viewer.t("common-none");
    let people_hint = role_hint(lang);
    let body = html! {
        @if let Mode::Edit(id) = mode {
            p { a href={ "/events/" (id) } { "← " (viewer.t("common-view")) " " code { (id) } } }
        }
        h1 { (title) }
        (error_summary(viewer, errors))
        @if let Some(notice) = &picker.notice {
            p.notice role="status" { (notice) }
        }
        form.stack.record method="post" action=(action) {
            (csrf_field(viewer))
            // The default button (Enter in any field) saves: the first
            // submit button of a form is the one Enter presses.
            button.default-submit type="submit" name="step" value="" tabindex="-1" aria-hidden="true" { (viewer.t("event-save")) }
            @match mode {
                Mode::New => {
                    (field(e, "id", label("id"), Some(viewer.t("field-id-hint")), |c| input(c, "id", "text", &form.id)))
                }
                Mode::Edit(id) => {
                    p { strong { (label("id")) ": " } code { (id) } }
                }
            }
            (field(e, "kind", label("kind"), None, |c| select(c, "kind", Some(none), &kind_options(lang), &form.kind)))
            (field(e, "event_type", label("event_type"), None, |c| type_select(c, "event_type", lang, none, &form.event_type)))
            (field(e, "date", label("date"), Some(viewer.t("field-date-hint")), |c| input(c, "date", "text", &form.date)))
            (field(e, "end_date", label("end_date"), Some(viewer.t("field-date-hint")), |c| input(c, "end_date", "text", &form.end_date)))
            (field(e, "state", label("state"), None, |c| select(c, "state", Some(none), &state_options(lang), &form.state)))
            (field(e, "city", label("city"), None, |c| input(c, "city", "text", &form.city)))
            (field(e, "facility", label("facility"), None, |c| input(c, "facility", "text", &form.facility)))
            (field(e, "agency", label("agency"), Some(viewer.t("field-enforcement-only")), |c| select(c, "agency", Some(none), &agency_options(lang), &form.agency)))
            (field(e, "field_office", label("field_office"), Some(viewer.t("field-enforcement-only")), |c| select(c, "field_office", Some(none), &field_office_options(lang), &form.field_office)))
            (field(e, "people", label("people"), Some(&people_hint), |c| textarea(c, "people", &form.people, 4)))
            (people_picker(viewer, &action, form, e, picker))
            (field(e, "groups", label("groups"), Some(viewer.t("field-groups-hint")), |c| input(c, "groups", "text", &form.groups)))
            (groups_picker(viewer, &action, form, e, picker))
            (field(e, "narrative", label("narrative"), None, |c| textarea(c, "narrative", &form.narrative, 10)))
            (field(e, "verification", label("verification"), None, |c| select(c, "verification", None, &verification_options(lang), if form.verification.is_empty() { Verification::default().code() } else { &form.verification })))
            button.save type="submit" { (viewer.t("event-save")) }
        }
    };
    page(viewer, title, body)
}

pub async fn new_form(viewer: Viewer) -> Markup {
    event_form_page(
        &viewer,
        &Mode::New,
        &EventForm::default(),
        &FormErrors::default(),
        &Picker::default(),
    )
}

pub async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Markup, AppError> {
    let id = path_id(&id)?;
    let lookup = id.clone();
    let event = use_case(&state, &viewer, move |v, actor| {
        events::show(v, actor, &lookup)
    })
    .await?;
    let form = EventForm::from_event(viewer.lang, &event);
    Ok(event_form_page(
        &viewer,
        &Mode::Edit(id),
        &form,
        &FormErrors::default(),
        &Picker::default(),
    ))
}

pub async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<EventForm>,
) -> Result<Response, AppError> {
    save(state, viewer, Mode::New, form).await
}

pub async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<EventForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    save(state, viewer, Mode::Edit(id), form).await
}

/// What came of a submitted event form.
pub(crate) enum Stored {
    Saved,
    /// Refused: the fields, and every person or group not held.
    Refused(Vec<FieldError>, Vec<Reference>),
    IdTaken,
}

/// Records the event, or says every reason it was refused (the use case
/// stops at the first unknown reference; the form names them all).
fn store(
    v: &mut testimonio_vault::Vault,
    actor: &Actor,
    record: &EventRecord,
    mode: &Mode,
) -> AppResult<Stored> {
    let write = match mode {
        Mode::Edit(id) => {
            // An event that is gone is gone, whatever the form says.
            events::show(v, actor, id)?;
            Write::Change
        }
        // `new` would be shadowed by the form's own URL, /events/new.
        Mode::New if record.id == "new" => return Ok(Stored::IdTaken),
        Mode::New => Write::Create,
    };
    match events::record(v, actor, record, write) {
        Ok(Recorded::Stored(..)) => Ok(Stored::Saved),
        Ok(Recorded::IdTaken) => Ok(Stored::IdTaken),
        Err(UseCaseError::Invalid(errors)) => Ok(Stored::Refused(
            errors,
            events::unknown_references(v, record)?,
        )),
        Err(UseCaseError::UnknownReference { .. }) => Ok(Stored::Refused(
            Vec::new(),
            events::unknown_references(v, record)?,
        )),
        Err(other) => Err(other),
    }
}

pub(crate) async fn save(
    state: AppState,
    viewer: Viewer,
    mode: Mode,
    form: EventForm,
) -> Result<Response, AppError> {
    if let Some(answer) = super::event_picker::run_step(&state, &viewer, &mode, form.clone()).await
    {
        return answer;
    }
    let lang = viewer.lang;
    let id = match &mode {
        Mode::Edit(id) => id.to_string(),
        Mode::New if form.id.trim().is_empty() => new_event_id(),
        Mode::New => form.id.trim().to_owned(),
    };
    let (record, lines) = form.to_record(&id);
    let mut errors = FormErrors::default();
    let stored = {
        let (record, mode) = (record.clone(), mode.clone());
        use_case(&state, &viewer, move |v, actor| {
            store(v, actor, &record, &mode)
        })
        .await?
    };
    match stored {
        Stored::Saved => {
            return Ok((
                [(header::SET_COOKIE, flash_saved(&state))],
                Redirect::to(&format!("/events/{id}")),
            )
                .into_response());
        }
        Stored::Refused(field_errors, unknown) => {
            for fe in &field_errors {
                let (name, message) = map_field_error(lang, &record, &lines, fe);
                errors.add(name, event_label(lang, name), message);
            }
            for r in &unknown {
                let position = match r.at {
                    FieldPath::Participant { index, .. } | FieldPath::Group(index) => Some(index),
                    FieldPath::Field(_) => None,
                };
                match map_vault_refusal(lang, &lines, r.kind, position, r.id.as_str()) {
                    Some((name, message)) => errors.add(name, event_label(lang, name), message),
                    None => errors.add("", "", t(lang, "event-not-saved").to_owned()),
                }
            }
        }
        Stored::IdTaken => {
            errors.add(
                "id",
                event_label(lang, "id"),
                t(lang, "event-id-taken").to_owned(),
            );
        }
    }
    let path = match &mode {
        Mode::New => "/events/new".to_owned(),
        Mode::Edit(id) => format!("/events/{id}/edit"),
    };
    let viewer = viewer_at(&viewer, path);
    Ok((
        StatusCode::BAD_REQUEST,
        event_form_page(&viewer, &mode, &form, &errors, &Picker::default()),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::events::*;
    use testimonio_domain::EventKind;

    #[test]
    fn people_lines_take_codes_and_labels_in_both_languages() {
        let text = "p-1 = organizer\r\n\r\n  p-2=Persona afectada \np-3 = family member\np-4 organizadora\np-5 = Vocero\np-6 = WITNESS\np-7\np-8 = picnic\n";
        let parsed = parse_people(text);
        let got: Vec<(usize, &str, &str)> = parsed
            .iter()
            .map(|(n, p)| (*n, p.id.as_str(), p.role.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "p-1", "organizer"),
                (3, "p-2", "target"),
                (4, "p-3", "family_member"),
                (5, "p-4", "organizer"),
                (6, "p-5", "spokesperson"),
                (7, "p-6", "witness"),
                (8, "p-7", ""),
                (9, "p-8", "picnic"),
            ]
        );
    }

    #[test]
    fn every_role_label_reads_back_as_its_code() {
        for lang in Lang::ALL {
            for role in ParticipantRole::ALL {
                assert_eq!(
                    role_code(role.label(lang)),
                    role.code(),
                    "{role:?} {lang:?}"
                );
            }
        }
    }

    #[test]
    fn form_errors_land_next_to_their_fields() {
        let form = EventForm {
            event_type: "protest".into(),
            date: "2019-02-30".into(),
            agency: "ice".into(),
            people: "p-1 = organizer\n\np-1 = witness\np-2 = picnic".into(),
            groups: "g-1, g-1".into(),
            ..EventForm::default()
        };
        let (record, lines) = form.to_record("evt-1");
        assert_eq!(lines, [1, 3, 4]);
        let errors = record.into_event().unwrap_err();
        let mapped: Vec<(&str, String)> = errors
            .iter()
            .map(|e| map_field_error(Lang::En, &record, &lines, e))
            .collect();
        assert!(
            mapped
                .iter()
                .any(|(f, m)| *f == "date" && m.contains("not a valid date"))
        );
        assert!(
            mapped
                .iter()
                .any(|(f, m)| *f == "people" && m.starts_with("Line 4: is not a known code"))
        );
        assert!(
            mapped
                .iter()
                .any(|(f, m)| *f == "groups" && m.starts_with("g-1: "))
        );
        let es: Vec<(&str, String)> = errors
            .iter()
            .map(|e| map_field_error(Lang::Es, &record, &lines, e))
            .collect();
        assert!(
            es.iter()
                .any(|(f, m)| *f == "people" && m.starts_with("Línea 4: "))
        );
    }

    #[test]
    fn vault_refusals_name_the_line() {
        let (field, message) =
            map_vault_refusal(Lang::En, &[2, 5], RecordKind::Person, Some(1), "p-9").unwrap();
        assert_eq!(field, "people");
        assert_eq!(message, "Line 5: no person has this id: p-9");
        let (field, _) =
            map_vault_refusal(Lang::Es, &[], RecordKind::Group, Some(0), "g-9").unwrap();
        assert_eq!(field, "groups");
        assert!(map_vault_refusal(Lang::En, &[], RecordKind::Document, None, "d-9").is_none());
    }

    #[test]
    fn generated_ids_are_valid() {
        let id = new_event_id();
        assert_eq!(id.len(), 16);
        assert!(id.starts_with("evt-"));
        assert!(RecordId::parse("id", &id).is_ok());
    }

    #[test]
    fn filters_refuse_bad_values_without_failing() {
        let pairs: Vec<(String, String)> = [
            ("kind", "protected_activity"),
            ("state", "XX"),
            ("from", "2020"),
            ("to", "2019-13"),
            ("group", "g 1"),
            ("page", "x"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let raw = RawFilters::from_pairs(&pairs);
        assert_eq!(raw.page, 1);
        let (filter, errors) = parse_filters(Lang::Es, &raw, &[], &[]);
        assert_eq!(filter.kind, Some(EventKind::ProtectedActivity));
        assert!(filter.state.is_none() && filter.to.is_none());
        assert_eq!(filter.from, chrono::NaiveDate::from_ymd_opt(2020, 1, 1));
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["state", "to", "group"]);
        assert!(errors.messages("state")[0].starts_with("no es un código conocido"));
        assert_eq!(
            raw.url(2),
            "/events?kind=protected_activity&state=XX&group=g%201&from=2020&to=2019-13&page=2"
        );
    }
}
