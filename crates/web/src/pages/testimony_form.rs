//! `GET /testimonies/new` and `POST /testimonies`: record a testimony;
//! `GET /testimonies/{id}/edit` and `POST /testimonies/{id}`: change one
//! (only a viewer who may read its account; a changed account clears the
//! review mark). The person is chosen by pseudonym from a select; events
//! and documents are ids; the account is a text area. The use cases
//! decide; each refusal is put on its field in the viewer's language and
//! what was typed is kept.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use testimonio_app::AppError as UseCaseError;
use testimonio_app::records::people;
use testimonio_app::records::testimonies::{self, TestimonyFields};
use testimonio_domain::{ConsentLevel, Lang, RecordId, Testimony};
use testimonio_vault::{PeopleFilter, PersonSummary};
use zeroize::Zeroizing;

use super::events::use_case;
use super::forms::{
    FormErrors, error_summary, field, flash_saved, input, path_id, select, textarea, viewer_at,
};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::t;
use crate::layout::{csrf_field, page};
use crate::state::AppState;

/// The form as submitted. Holds the account as typed, so it has no
/// `Debug`: it is never printed or logged.
#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct TestimonyForm {
    pub person: String,
    pub interviewer: String,
    pub date: String,
    pub place: String,
    pub language: String,
    pub consent: String,
    /// Event ids separated by spaces.
    pub events: String,
    /// Document ids separated by spaces.
    pub documents: String,
    pub account: String,
}

impl TestimonyForm {
    fn from_testimony(t: &Testimony) -> Self {
        let ids = |list: &[RecordId]| {
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        };
        Self {
            person: t.person.to_string(),
            interviewer: t.interviewer.to_string(),
            date: t.date.to_string(),
            place: t.place.to_string(),
            language: t.language.to_string(),
            consent: t.consent.code().to_owned(),
            events: ids(&t.events),
            documents: ids(&t.documents),
            account: t.account.expose().to_owned(),
        }
    }

    fn fields(&self) -> TestimonyFields {
        let ids = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        TestimonyFields {
            person: Some(self.person.clone()),
            interviewer: Some(self.interviewer.clone()),
            date: Some(self.date.clone()),
            place: Some(self.place.clone()),
            language: Some(self.language.clone()),
            account: Some(Zeroizing::new(self.account.clone())),
            consent: Some(self.consent.clone()),
            events: Some(ids(&self.events)),
            documents: Some(ids(&self.documents)),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    /// The person whose page the form was opened from.
    pub person: String,
}

/// The form field of a refused field, and its label.
fn place(lang: Lang, field: &str) -> (&'static str, &'static str) {
    match field {
        "person" => ("person", t(lang, "field-person")),
        "interviewer" => ("interviewer", t(lang, "field-interviewer")),
        "date" => ("date", t(lang, "field-date")),
        "place" => ("place", t(lang, "field-place")),
        "language" => ("language", t(lang, "field-language")),
        "consent" => ("consent", t(lang, "field-consent")),
        f if f.starts_with("events") => ("events", t(lang, "field-events")),
        f if f.starts_with("documents") => ("documents", t(lang, "field-documents")),
        "account" => ("account", t(lang, "field-account")),
        // The id is made by the server: a clash is nobody's field.
        _ => ("", t(lang, "field-id")),
    }
}

/// A new testimony or an existing one.
#[derive(Clone)]
enum Mode {
    New,
    Edit(RecordId),
}

fn form_page(
    viewer: &Viewer,
    mode: &Mode,
    form: &TestimonyForm,
    people: &[PersonSummary],
    errors: &FormErrors,
) -> Markup {
    let lang = viewer.lang;
    let (title, action) = match mode {
        Mode::New => (viewer.t("testimony-new"), "/testimonies".to_owned()),
        Mode::Edit(id) => (viewer.t("testimony-edit"), format!("/testimonies/{id}")),
    };
    let levels: Vec<(String, String)> = ConsentLevel::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.label(lang).to_owned()))
        .collect();
    let people: Vec<(String, String)> = people
        .iter()
        .map(|p| (p.id.to_string(), p.pseudonym.to_string()))
        .collect();
    let e = errors;
    let body = html! {
        h1 { (title) }
        (error_summary(viewer, errors))
        @if let Mode::Edit(id) = mode {
            p { a href={ "/testimonies/" (id) } { "← " (viewer.t("testimony-title")) } }
            p.hint { (viewer.t("testimony-edit-hint")) }
        }
        form method="post" action=(action) novalidate {
            (csrf_field(viewer))
            (field(e, "person", viewer.t("field-person"), Some(viewer.t("testimony-person-hint")), |c| html! {
                div translate="no" { (select(c, "person", Some(viewer.t("testimony-person-choose")), &people, &form.person)) }
            }))
            (field(e, "interviewer", viewer.t("field-interviewer"), Some(viewer.t("testimony-interviewer-hint")), |c| input(c, "interviewer", "text", &form.interviewer)))
            (field(e, "date", viewer.t("field-date"), Some(viewer.t("field-date-hint")), |c| input(c, "date", "text", &form.date)))
            (field(e, "place", viewer.t("field-place"), None, |c| input(c, "place", "text", &form.place)))
            (field(e, "language", viewer.t("field-language"), Some(viewer.t("testimony-language-hint")), |c| input(c, "language", "text", &form.language)))
            (field(e, "consent", viewer.t("field-consent"), Some(viewer.t("testimony-consent-hint")), |c| select(c, "consent", Some(viewer.t("person-consent-choose")), &levels, &form.consent)))
            (field(e, "account", viewer.t("field-account"), Some(viewer.t("testimony-account-hint")), |c| html! {
                div translate="no" { (textarea(c, "account", &form.account, 12)) }
            }))
            (field(e, "events", viewer.t("field-events"), Some(viewer.t("testimony-ids-hint")), |c| input(c, "events", "text", &form.events)))
            (field(e, "documents", viewer.t("field-documents"), Some(viewer.t("testimony-ids-hint")), |c| input(c, "documents", "text", &form.documents)))
            button type="submit" { (viewer.t("testimony-save")) }
        }
    };
    page(viewer, title, body)
}

async fn everyone(state: &AppState, viewer: &Viewer) -> Result<Vec<PersonSummary>, AppError> {
    use_case(state, viewer, |v, actor| {
        people::list(v, actor, &PeopleFilter::default())
    })
    .await
}

pub async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<NewQuery>,
) -> Result<Markup, AppError> {
    let people = everyone(&state, &viewer).await?;
    let form = TestimonyForm {
        person: q.person,
        language: viewer.lang.code().to_owned(),
        ..TestimonyForm::default()
    };
    Ok(form_page(
        &viewer,
        &Mode::New,
        &form,
        &people,
        &FormErrors::default(),
    ))
}

pub async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Markup, AppError> {
    let id = path_id(&id)?;
    let lookup = id.clone();
    let (people, view) = use_case(&state, &viewer, move |v, actor| {
        let view = testimonies::show(v, actor, &lookup)?;
        Ok((people::list(v, actor, &PeopleFilter::default())?, view))
    })
    .await?;
    // Only a viewer who may read the account may change it.
    let Some(account) = view.account else {
        return Err(AppError::from(UseCaseError::Forbidden));
    };
    let s = view.summary;
    let form = TestimonyForm::from_testimony(&Testimony {
        id: s.id,
        person: s.person,
        interviewer: s.interviewer,
        date: s.date,
        place: s.place,
        language: s.language,
        account,
        consent: s.consent,
        events: s.events,
        documents: s.documents,
    });
    Ok(form_page(
        &viewer,
        &Mode::Edit(id),
        &form,
        &people,
        &FormErrors::default(),
    ))
}

pub async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<TestimonyForm>,
) -> Result<Response, AppError> {
    save(state, viewer, Mode::New, form).await
}

pub async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<TestimonyForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    save(state, viewer, Mode::Edit(id), form).await
}

async fn save(
    state: AppState,
    viewer: Viewer,
    mode: Mode,
    form: TestimonyForm,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let fields = form.fields();
    let target = mode.clone();
    let result = use_case(&state, &viewer, move |v, actor| {
        let recorded = match &target {
            Mode::New => testimonies::add(v, actor, None, fields),
            Mode::Edit(id) => testimonies::edit(v, actor, id, fields),
        };
        match recorded {
            Ok(recorded) => Ok(Ok(recorded.id)),
            Err(UseCaseError::Invalid(errors)) => Ok(Err(errors
                .into_iter()
                .map(|e| (e.field.clone(), e.problem.message(lang)))
                .collect::<Vec<_>>())),
            Err(err @ UseCaseError::UnknownReference { .. }) => {
                let UseCaseError::UnknownReference { field, .. } = &err else {
                    unreachable!("matched above")
                };
                Ok(Err(vec![(field.clone(), err.message(lang))]))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match result {
        Ok(id) => Ok((
            [(header::SET_COOKIE, flash_saved(&state))],
            Redirect::to(&format!("/testimonies/{id}")),
        )
            .into_response()),
        Err(refusals) => {
            let mut errors = FormErrors::default();
            for (f, message) in refusals {
                let (name, label) = place(lang, &f);
                errors.add(name, label, message);
            }
            let back = match &mode {
                Mode::New => "/testimonies/new".to_owned(),
                Mode::Edit(id) => format!("/testimonies/{id}/edit"),
            };
            let viewer = viewer_at(&viewer, back);
            let people = everyone(&state, &viewer).await?;
            Ok((
                StatusCode::BAD_REQUEST,
                form_page(&viewer, &mode, &form, &people, &errors),
            )
                .into_response())
        }
    }
}
