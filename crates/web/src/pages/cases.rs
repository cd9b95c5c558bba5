//! Cases: `/cases` (the list), `/cases/new` and `POST /cases` (record one,
//! the subject chosen from people by pseudonym and groups by name),
//! `/cases/{id}` (the case page: its records in sections, a small form to
//! link a record by id, the status for writers, the packet for those who
//! may see the person's identity), `POST /cases/{id}/links` and
//! `/unlink`,
//! `POST /cases/{id}/status`, `GET /cases/{id}/packet`. The case use cases
//! decide; this module draws and puts each refusal on its field.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use testimonio_app::AppError as UseCaseError;
use testimonio_app::records::cases::{self, CaseView, LinkTarget, Subject};
use testimonio_app::records::{groups, people};
use testimonio_app::reports::make_case_packet;
use testimonio_domain::{CaseKind, CaseLinkKind, CaseParts, CaseStatus, FieldError, Lang};
use testimonio_i18n::tr;
use testimonio_report::Format;
use testimonio_vault::{PeopleFilter, ShownExcerpt};

use super::events::use_case;
use super::forms::{
    FormErrors, error_summary, field, flash_saved, has_flash, input, select, textarea,
    with_flash_cleared,
};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{format_date, t};
use crate::layout::{csrf_field, encode_path, page};
use crate::state::AppState;

/// The new-case form as submitted.
#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct CaseForm {
    pub title: String,
    pub kind: String,
    /// `person:ID` or `group:ID`.
    pub subject: String,
    pub status: String,
    pub attorney: String,
    pub opened_on: String,
    /// Sensitive: never logged, shown back only to the one who typed it.
    pub notes: String,
}

/// Who may be chosen as a case's subject: `(value, label)` for people by
/// pseudonym and for groups by name.
struct Subjects {
    people: Vec<(String, String)>,
    groups: Vec<(String, String)>,
}

fn codes<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (code(*v).to_owned(), label(*v).to_owned()))
        .collect()
}

/// The field's name on the form and its label, for a refused field.
fn place(lang: Lang, field: &str) -> (&'static str, &'static str) {
    match field {
        "title" => ("title", t(lang, "case-field-title")),
        "kind" => ("kind", t(lang, "case-field-kind")),
        "status" => ("status", t(lang, "case-field-status")),
        "attorney" => ("attorney", t(lang, "case-field-attorney")),
        "opened_on" => ("opened_on", t(lang, "case-field-opened")),
        "notes" => ("notes", t(lang, "case-field-notes")),
        _ => ("subject", t(lang, "case-field-subject")),
    }
}

fn form_page(viewer: &Viewer, form: &CaseForm, subjects: &Subjects, errors: &FormErrors) -> Markup {
    let lang = viewer.lang;
    let e = errors;
    let kinds = codes(CaseKind::ALL, CaseKind::code, |k| k.label(lang));
    let statuses = codes(CaseStatus::ALL, CaseStatus::code, |s| s.label(lang));
    let title = viewer.t("case-new");
    let body = html! {
        p { a href="/cases" { "← " (viewer.t("cases-title")) } }
        h1 { (title) }
        (error_summary(viewer, errors))
        form method="post" action="/cases" novalidate {
            (csrf_field(viewer))
            (field(e, "title", viewer.t("case-field-title"), None, |c| input(c, "title", "text", &form.title)))
            (field(e, "kind", viewer.t("case-field-kind"), None, |c| select(c, "kind", Some(viewer.t("case-choose")), &kinds, &form.kind)))
            (field(e, "subject", viewer.t("case-field-subject"), Some(viewer.t("case-subject-hint")), |c| html! {
                select id=(c.id) name="subject"
                    aria-describedby=[c.described_by.as_deref()]
                    aria-invalid=[c.invalid.then_some("true")] {
                    option value="" selected[form.subject.is_empty()] { (viewer.t("case-choose")) }
                    optgroup label=(viewer.t("nav-people")) {
                        @for (value, label) in &subjects.people {
                            option value=(value) selected[*value == form.subject] translate="no" { (label) }
                        }
                    }
                    optgroup label=(viewer.t("nav-groups")) {
                        @for (value, label) in &subjects.groups {
                            option value=(value) selected[*value == form.subject] translate="no" { (label) }
                        }
                    }
                }
            }))
            (field(e, "status", viewer.t("case-field-status"), None, |c| select(c, "status", None, &statuses, if form.status.is_empty() { "open" } else { &form.status })))
            (field(e, "attorney", viewer.t("case-field-attorney"), None, |c| input(c, "attorney", "text", &form.attorney)))
            (field(e, "opened_on", viewer.t("case-field-opened"), Some(viewer.t("case-date-hint")), |c| input(c, "opened_on", "text", &form.opened_on)))
            (field(e, "notes", viewer.t("case-field-notes"), Some(viewer.t("case-notes-hint")), |c| textarea(c, "notes", &form.notes, 4)))
            button type="submit" { (viewer.t("case-save")) }
        }
    };
    page(viewer, title, body)
}

async fn subjects(state: &AppState, viewer: &Viewer) -> Result<Subjects, AppError> {
    use_case(state, viewer, |v, actor| {
        let people = people::list(v, actor, &PeopleFilter::default())?
            .into_iter()
            .map(|p| (format!("person:{}", p.id), p.pseudonym.to_string()))
            .collect();
        let groups = groups::list(v, actor)?
            .into_iter()
            .map(|g| (format!("group:{}", g.id), g.name.to_string()))
            .collect();
        Ok(Subjects { people, groups })
    })
    .await
}

// ---------------------------------------------------------------------------
// GET /cases

pub async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, AppError> {
    let listed = use_case(&state, &viewer, |v, actor| cases::list(v, actor)).await?;
    let lang = viewer.lang;
    let writer = viewer.user()?.role.can_write_records();
    let body = html! {
        h1 { (tr!(lang, "cases-heading", count = listed.len())) }
        @if writer {
            p { a.button href="/cases/new" { (viewer.t("case-new")) } }
        }
        @if listed.is_empty() {
            p { (viewer.t("case-list-empty")) }
        } @else {
            div.scroll role="region" aria-label=(viewer.t("cases-title")) tabindex="0" {
                table.cases {
                    thead { tr {
                        th scope="col" { (viewer.t("case-field-title")) }
                        th scope="col" { (viewer.t("case-field-kind")) }
                        th scope="col" { (viewer.t("case-field-status")) }
                        th scope="col" { (viewer.t("case-field-subject")) }
                    } }
                    tbody {
                        @for l in &listed {
                            tr {
                                th scope="row" translate="no" { a href={ "/cases/" (encode_path(l.case.id.as_str())) } { (l.case.title.as_str()) } }
                                td { (l.case.kind.label(lang)) }
                                td { (l.case.status.label(lang)) }
                                td translate="no" { (subject_link(&l.subject)) }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(&viewer, viewer.t("cases-title"), body))
}

fn subject_link(subject: &Subject) -> Markup {
    let href = match subject {
        Subject::Person(p) => format!("/people/{}", encode_path(p.id.as_str())),
        Subject::Group(g) => format!("/groups/{}", encode_path(g.id.as_str())),
    };
    html! { a href=(href) { (subject.name()) } }
}

// ---------------------------------------------------------------------------
// GET /cases/new, POST /cases

pub async fn new_form(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, AppError> {
    let subjects = subjects(&state, &viewer).await?;
    Ok(form_page(
        &viewer,
        &CaseForm::default(),
        &subjects,
        &FormErrors::default(),
    ))
}

pub async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<CaseForm>,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let (person, group) = match form.subject.split_once(':') {
        Some(("person", id)) => (Some(id.to_owned()), None),
        Some(("group", id)) => (None, Some(id.to_owned())),
        _ => (None, None),
    };
    let parts = CaseParts {
        id: String::new(),
        title: form.title.clone(),
        kind: form.kind.clone(),
        status: Some(form.status.clone()),
        person,
        group,
        attorney: Some(form.attorney.clone()),
        opened_on: Some(form.opened_on.clone()),
        closed_on: None,
        notes: Some(form.notes.clone()),
    };
    let as_messages = move |errors: Vec<FieldError>| -> Vec<(String, String)> {
        errors
            .into_iter()
            .map(|e| (e.field.clone(), e.problem.message(lang)))
            .collect()
    };
    let result = use_case(&state, &viewer, move |v, actor| {
        match cases::add(v, actor, parts) {
            Ok(case) => Ok(Ok(case)),
            Err(UseCaseError::Invalid(errors)) => Ok(Err(as_messages(errors))),
            Err(err @ UseCaseError::UnknownReference { .. }) => {
                Ok(Err(vec![("subject".to_owned(), err.message(lang))]))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match result {
        Ok(case) => Ok((
            [(header::SET_COOKIE, flash_saved(&state))],
            Redirect::to(&format!("/cases/{}", encode_path(case.id.as_str()))),
        )
            .into_response()),
        Err(errors) => {
            let mut messages = FormErrors::default();
            for (field, message) in errors {
                let (name, label) = place(lang, &field);
                messages.add(name, label, message);
            }
            let subjects = subjects(&state, &viewer).await?;
            Ok((
                StatusCode::BAD_REQUEST,
                form_page(&viewer, &form, &subjects, &messages),
            )
                .into_response())
        }
    }
}

// ---------------------------------------------------------------------------
// GET /cases/{id}

/// What the link form shows back after a refusal.
#[derive(Default)]
struct LinkState {
    kind: String,
    id: String,
    errors: FormErrors,
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let view = use_case(&state, &viewer, move |v, actor| cases::show(v, actor, &id)).await?;
    let flashed = has_flash(&headers);
    let markup = case_page(&viewer, &view, &LinkState::default(), flashed)?;
    Ok(with_flash_cleared(&state, flashed, StatusCode::OK, markup))
}

fn case_page(
    viewer: &Viewer,
    view: &CaseView,
    link: &LinkState,
    flashed: bool,
) -> Result<Markup, AppError> {
    let lang = viewer.lang;
    let case = &view.case;
    let writer = viewer.user()?.role.can_write_records();
    let none = viewer.t("common-none");
    let path = format!("/cases/{}", encode_path(case.id.as_str()));
    let statuses = codes(CaseStatus::ALL, CaseStatus::code, |s| s.label(lang));
    let link_kinds = codes(
        &CaseLinkKind::ALL
            .iter()
            .copied()
            .filter(|k| *k != CaseLinkKind::Testimony)
            .collect::<Vec<_>>(),
        CaseLinkKind::code,
        |k| k.label(lang),
    );
    let e = &link.errors;
    let body = html! {
        p { a href="/cases" { "← " (viewer.t("cases-title")) } }
        @if flashed { p.notice role="status" { (viewer.t("event-saved")) } }
        h1 translate="no" { (case.title.as_str()) }
        dl.facts {
            dt { (viewer.t("case-field-id")) } dd { code translate="no" { (case.id) } }
            dt { (viewer.t("case-field-kind")) } dd { (case.kind.label(lang)) }
            dt { (viewer.t("case-field-status")) } dd { (case.status.label(lang)) }
            dt { (viewer.t("case-field-subject")) } dd translate="no" { (subject_link(&view.subject)) }
            dt { (viewer.t("case-field-attorney")) }
            dd { @if let Some(a) = &case.attorney { span translate="no" { (a.as_str()) } } @else { (none) } }
            dt { (viewer.t("case-field-opened")) } dd { (case.opened_on.as_ref().map_or_else(|| none.to_owned(), |d| format_date(lang, d))) }
            @if let Some(d) = &case.closed_on {
                dt { (viewer.t("case-field-closed")) } dd { (format_date(lang, d)) }
            }
            @if view.sees_notes {
                dt { (viewer.t("case-field-notes")) }
                dd { @if let Some(n) = &view.notes { span.case-notes translate="no" { (n.expose()) } } @else { (none) } }
            }
        }
        @if writer {
            form method="post" action={ (path) "/status" } {
                (csrf_field(viewer))
                (field(&FormErrors::default(), "status", viewer.t("case-change-status"), None, |c| select(c, "status", None, &statuses, case.status.code())))
                button type="submit" { (viewer.t("case-status-save")) }
            }
        }
        @if view.sees_notes && view.subject_is_person() {
            p { a.button href={ (path) "/packet" } download { (viewer.t("case-packet-download")) } }
            p.hint { (viewer.t("case-packet-hint")) }
        }
        (records(viewer, view))
        @if writer {
            section aria-labelledby="case-link-heading" {
                h2 #case-link-heading { (viewer.t("case-link-heading")) }
                (error_summary(viewer, e))
                form method="post" action={ (path) "/links" } novalidate {
                    (csrf_field(viewer))
                    (field(e, "kind", viewer.t("case-link-kind"), None, |c| select(c, "kind", None, &link_kinds, if link.kind.is_empty() { "event" } else { &link.kind })))
                    (field(e, "id", viewer.t("case-link-id"), Some(viewer.t("case-link-id-hint")), |c| input(c, "id", "text", &link.id)))
                    button type="submit" { (viewer.t("case-link-save")) }
                }
            }
        }
    };
    let title = tr!(lang, "case-page-title", title = case.title.as_str());
    Ok(page(viewer, &title, body))
}

/// For a writer, the button that takes one record off the case.
fn unlink_button(viewer: &Viewer, view: &CaseView, kind: CaseLinkKind, target: &str) -> Markup {
    let writer = viewer.user().is_ok_and(|u| u.role.can_write_records());
    html! {
        @if writer {
            form.unlink method="post" action={ "/cases/" (encode_path(view.case.id.as_str())) "/unlink" } {
                (csrf_field(viewer))
                input type="hidden" name="kind" value=(kind.code());
                input type="hidden" name="id" value=(target);
                button.secondary type="submit" { (viewer.t("case-unlink")) }
            }
        }
    }
}

/// The linked records, one section per kind that has any.
fn records(viewer: &Viewer, view: &CaseView) -> Markup {
    let lang = viewer.lang;
    let total = view.events.len()
        + view.documents.len()
        + view.excerpts.len()
        + view.foia.len()
        + view.testimonies.len()
        + view.missing.len();
    html! {
        @if total == 0 {
            p { (viewer.t("case-no-links")) }
        }
        @if !view.events.is_empty() {
            section aria-labelledby="case-events" {
                h2 #case-events { (tr!(lang, "case-events-heading", count = view.events.len())) }
                ul { @for e in &view.events { li {
                    a href={ "/events/" (encode_path(e.id().as_str())) } { (format_date(lang, &e.date())) }
                    " — " (e.event_type().label(lang))
                    (unlink_button(viewer, view, CaseLinkKind::Event, e.id().as_str()))
                } } }
            }
        }
        @if !view.documents.is_empty() {
            section aria-labelledby="case-documents" {
                h2 #case-documents { (tr!(lang, "case-documents-heading", count = view.documents.len())) }
                ul { @for d in &view.documents { li {
                    a href={ "/documents/" (encode_path(&d.id)) } translate="no" { (d.file_name.as_deref().or(d.attachment_name.as_deref()).unwrap_or(&d.id)) }
                    (unlink_button(viewer, view, CaseLinkKind::Document, &d.id))
                } } }
            }
        }
        @if !view.excerpts.is_empty() {
            section aria-labelledby="case-excerpts" {
                h2 #case-excerpts { (tr!(lang, "case-excerpts-heading", count = view.excerpts.len())) }
                ul { @for x in &view.excerpts { li {
                    @match x {
                        ShownExcerpt::Readable(x) => {
                            blockquote.snippet translate="no" { (x.quote) }
                            a href={ "/documents/" (encode_path(&x.document)) "/pages/" (x.page) "?excerpt=" (encode_path(&x.id)) "#excerpt" } {
                                (tr!(lang, "case-excerpt-page", page = x.page))
                            }
                        }
                        ShownExcerpt::Withheld(_) => { (viewer.t("case-excerpt-withheld")) }
                    }
                    @let xid = match x {
                        ShownExcerpt::Readable(e) => e.id.as_str(),
                        ShownExcerpt::Withheld(w) => w.id.as_str(),
                    };
                    (unlink_button(viewer, view, CaseLinkKind::Excerpt, xid))
                } } }
            }
        }
        @if !view.foia.is_empty() {
            section aria-labelledby="case-foia" {
                h2 #case-foia { (tr!(lang, "case-foia-heading", count = view.foia.len())) }
                ul { @for f in &view.foia { li {
                    a href={ "/foia/" (encode_path(f.id().as_str())) } translate="no" { (f.subject().as_str()) }
                    (unlink_button(viewer, view, CaseLinkKind::Foia, f.id().as_str()))
                } } }
            }
        }
        @if !view.testimonies.is_empty() {
            section aria-labelledby="case-testimonies" {
                h2 #case-testimonies { (tr!(lang, "case-testimonies-heading", count = view.testimonies.len())) }
                ul { @for id in &view.testimonies { li {
                    code translate="no" { (id) }
                    (unlink_button(viewer, view, CaseLinkKind::Testimony, id))
                } } }
            }
        }
        @if !view.missing.is_empty() {
            section aria-labelledby="case-missing" {
                h2 #case-missing { (viewer.t("case-missing-heading")) }
                ul { @for l in &view.missing { li {
                    (l.kind.label(lang)) " " code translate="no" { (l.target) }
                    (unlink_button(viewer, view, l.kind, &l.target))
                } } }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// POST /cases/{id}/links, POST /cases/{id}/status

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LinkForm {
    pub kind: String,
    pub id: String,
}

pub async fn link(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<LinkForm>,
) -> Result<Response, AppError> {
    change_link(state, viewer, id, form, true).await
}

/// `POST /cases/{id}/unlink`: a record taken off the case (the button
/// beside each linked record).
pub async fn unlink(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<LinkForm>,
) -> Result<Response, AppError> {
    change_link(state, viewer, id, form, false).await
}

/// Links (`add`) or unlinks a record, then back to the case; a refusal
/// is shown on the link form's fields.
async fn change_link(
    state: AppState,
    viewer: Viewer,
    id: String,
    form: LinkForm,
    add: bool,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let (case_id, kind, target) = (id.clone(), form.kind.clone(), form.id.clone());
    let refused = use_case(&state, &viewer, move |v, actor| {
        let target = LinkTarget {
            kind: &kind,
            id: &target,
        };
        let changed = if add {
            cases::link(v, actor, &case_id, target)
        } else {
            cases::unlink(v, actor, &case_id, target)
        };
        match changed {
            Ok(_) => Ok(None),
            Err(UseCaseError::Invalid(errors)) => Ok(Some(
                errors
                    .into_iter()
                    .map(|e| (e.field == "kind", e.problem.message(lang)))
                    .collect::<Vec<_>>(),
            )),
            Err(err @ UseCaseError::UnknownReference { .. }) => {
                Ok(Some(vec![(false, err.message(lang))]))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    let path = format!("/cases/{}", encode_path(&id));
    let Some(refused) = refused else {
        return Ok((
            [(header::SET_COOKIE, flash_saved(&state))],
            Redirect::to(&path),
        )
            .into_response());
    };
    let mut errors = FormErrors::default();
    for (on_kind, message) in refused {
        if on_kind {
            errors.add("kind", t(lang, "case-link-kind"), message);
        } else {
            errors.add("id", t(lang, "case-link-id"), message);
        }
    }
    let view = use_case(&state, &viewer, move |v, actor| cases::show(v, actor, &id)).await?;
    let state = LinkState {
        kind: form.kind,
        id: form.id,
        errors,
    };
    Ok((
        StatusCode::BAD_REQUEST,
        case_page(&viewer, &view, &state, false)?,
    )
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    let case_id = id.clone();
    use_case(&state, &viewer, move |v, actor| {
        cases::set_status(v, actor, &case_id, &form.status)
    })
    .await?;
    let path = format!("/cases/{}", encode_path(&id));
    Ok((
        [(header::SET_COOKIE, flash_saved(&state))],
        Redirect::to(&path),
    )
        .into_response())
}

// ---------------------------------------------------------------------------
// GET /cases/{id}/packet

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PacketQuery {
    /// `pdf` (the default) or `html`.
    pub format: String,
}

pub async fn packet(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Query(query): Query<PacketQuery>,
) -> Result<Response, AppError> {
    let format = match query.format.as_str() {
        "html" => Format::Html,
        _ => Format::Pdf,
    };
    let lang = viewer.lang;
    let today = chrono::Utc::now().date_naive();
    let case_id = id.clone();
    // Audited (the identity read and the export) before a byte is sent.
    let packet = use_case(&state, &viewer, move |v, actor| {
        make_case_packet(v, actor, &case_id, lang, format, today, false)
    })
    .await?;
    let content_type = match format {
        Format::Pdf => "application/pdf",
        Format::Html => "text/html; charset=utf-8",
    };
    let safe: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let disposition = format!(
        "attachment; filename=\"testimonio-{safe}-packet.{}\"",
        format.code()
    );
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        packet.document,
    )
        .into_response())
}
