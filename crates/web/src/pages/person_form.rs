//! `GET /people/new`, `POST /people`: record a new person with the consent
//! they give; `GET /people/{id}/edit`, `POST /people/{id}`: change one. The
//! records use cases decide; this module draws the form and puts each
//! refusal on its field. Identity fields are offered only to a viewer who
//! may see them.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use testimonio_app::AppError as UseCaseError;
use testimonio_app::records::people::{self, InitialConsent, PersonFields};
use testimonio_domain::exchange::PersonRecord;
use testimonio_domain::{ConsentLevel, FieldError, Lang, Problem, RecordId};

use super::events::use_case;
use super::forms::{
    FormErrors, error_summary, field, flash_saved, input, path_id, select, textarea,
};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::t;
use crate::layout::{csrf_field, page};
use crate::state::AppState;

/// The form as submitted: every field a text, absent when not on the form
/// (identity fields for a viewer who may not see them).
#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub pseudonym: Option<String>,
    pub legal_name: Option<String>,
    /// One per line.
    pub aliases: Option<String>,
    pub contact: Option<String>,
    pub a_number: Option<String>,
    pub immigration_status: Option<String>,
    pub address: Option<String>,
    pub birth_year: Option<String>,
    /// Group ids separated by spaces.
    pub groups: Option<String>,
    pub consent: Option<String>,
    pub consent_given: Option<String>,
}

impl PersonForm {
    fn from_record(record: &PersonRecord) -> Self {
        Self {
            pseudonym: Some(record.pseudonym.clone()),
            legal_name: record.legal_name.clone(),
            aliases: Some(record.aliases.join("\n")),
            contact: record.contact.clone(),
            a_number: record.a_number.clone(),
            immigration_status: record.immigration_status.clone(),
            address: record.address.clone(),
            birth_year: record.birth_year.map(|y| y.to_string()),
            groups: Some(record.groups.join(" ")),
            ..Self::default()
        }
    }

    /// The fields to store; on a new person an empty text is no value.
    fn fields(&self, creating: bool) -> Result<PersonFields, FieldError> {
        let text = |v: &Option<String>| match v {
            Some(s) if creating && s.trim().is_empty() => None,
            other => other.as_ref().map(|s| s.trim().to_owned()),
        };
        let list = |v: &Option<String>| {
            v.as_ref()
                .map(|s| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        };
        let birth_year = match self.birth_year.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(year) => Some(
                year.parse::<i64>()
                    .map_err(|_| FieldError::new("birth_year", Problem::BadBirthYear))?,
            ),
        };
        Ok(PersonFields {
            pseudonym: text(&self.pseudonym),
            legal_name: text(&self.legal_name),
            aliases: self.aliases.as_ref().map(|s| {
                s.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect()
            }),
            contact: text(&self.contact),
            a_number: text(&self.a_number),
            immigration_status: text(&self.immigration_status),
            address: text(&self.address),
            birth_year,
            groups: list(&self.groups),
        })
    }
}

/// New or an existing person.
#[derive(Clone)]
enum Mode {
    New,
    Edit(RecordId),
}

/// The field's name on the form and its label, for a refused field.
fn place(lang: Lang, field: &str) -> (&'static str, &'static str) {
    match field {
        "legal_name" => ("legal_name", t(lang, "field-legal-name")),
        "aliases" => ("aliases", t(lang, "field-aliases")),
        "contact" => ("contact", t(lang, "field-contact")),
        "a_number" => ("a_number", t(lang, "field-a-number")),
        "immigration_status" => ("immigration_status", t(lang, "field-immigration-status")),
        "address" => ("address", t(lang, "field-address")),
        "birth_year" => ("birth_year", t(lang, "field-birth-year")),
        f if f.starts_with("groups") => ("groups", t(lang, "field-groups")),
        f if f.starts_with("consent") => ("consent", t(lang, "field-consent")),
        _ => ("pseudonym", t(lang, "field-pseudonym")),
    }
}

fn form_page(
    viewer: &Viewer,
    mode: &Mode,
    form: &PersonForm,
    identity: bool,
    errors: &FormErrors,
) -> Markup {
    let lang = viewer.lang;
    let (title, action) = match mode {
        Mode::New => (viewer.t("person-new"), "/people".to_owned()),
        Mode::Edit(id) => (viewer.t("person-edit"), format!("/people/{id}")),
    };
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let levels: Vec<(String, String)> = ConsentLevel::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.label(lang).to_owned()))
        .collect();
    let e = errors;
    let body = html! {
        h1 { (title) }
        (error_summary(viewer, errors))
        form method="post" action=(action) novalidate {
            (csrf_field(viewer))
            (field(e, "pseudonym", viewer.t("field-pseudonym"), Some(viewer.t("person-pseudonym-hint")), |c| input(c, "pseudonym", "text", &value(&form.pseudonym))))
            @if matches!(mode, Mode::New) {
                (field(e, "consent", viewer.t("field-consent"), Some(viewer.t("person-consent-hint")), |c| select(c, "consent", Some(viewer.t("person-consent-choose")), &levels, &value(&form.consent))))
                (field(e, "consent_given", viewer.t("field-given-on"), Some(viewer.t("field-day-hint")), |c| input(c, "consent_given", "text", &value(&form.consent_given))))
            }
            (field(e, "groups", viewer.t("field-groups"), Some(viewer.t("field-groups-hint")), |c| input(c, "groups", "text", &value(&form.groups))))
            (field(e, "birth_year", viewer.t("field-birth-year"), None, |c| input(c, "birth_year", "text", &value(&form.birth_year))))
            @if identity {
                fieldset {
                    legend { (viewer.t("person-identity")) }
                    p.hint { (viewer.t("person-identity-sensitive")) }
                    (field(e, "legal_name", viewer.t("field-legal-name"), None, |c| input(c, "legal_name", "text", &value(&form.legal_name))))
                    (field(e, "aliases", viewer.t("field-aliases"), Some(viewer.t("person-aliases-hint")), |c| textarea(c, "aliases", &value(&form.aliases), 2)))
                    (field(e, "contact", viewer.t("field-contact"), None, |c| input(c, "contact", "text", &value(&form.contact))))
                    (field(e, "a_number", viewer.t("field-a-number"), None, |c| input(c, "a_number", "text", &value(&form.a_number))))
                    (field(e, "immigration_status", viewer.t("field-immigration-status"), None, |c| input(c, "immigration_status", "text", &value(&form.immigration_status))))
                    (field(e, "address", viewer.t("field-address"), None, |c| textarea(c, "address", &value(&form.address), 2)))
                }
            }
            button type="submit" { (viewer.t("person-save")) }
        }
    };
    page(viewer, title, body)
}

pub async fn new_form(viewer: Viewer) -> Markup {
    // Whoever records a person may see their identity from then on.
    form_page(
        &viewer,
        &Mode::New,
        &PersonForm::default(),
        true,
        &FormErrors::default(),
    )
}

pub async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Markup, AppError> {
    let id = path_id(&id)?;
    let lookup = id.clone();
    let view = use_case(&state, &viewer, move |v, actor| {
        people::show(v, actor, &lookup)
    })
    .await?;
    let (form, identity) = match &view.identity {
        Some(person) => (
            PersonForm::from_record(&PersonRecord::from_person(person)),
            true,
        ),
        None => (
            PersonForm {
                pseudonym: Some(view.summary.pseudonym.to_string()),
                groups: Some(
                    view.summary
                        .groups
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                ..PersonForm::default()
            },
            false,
        ),
    };
    Ok(form_page(
        &viewer,
        &Mode::Edit(id),
        &form,
        identity,
        &FormErrors::default(),
    ))
}

pub async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<PersonForm>,
) -> Result<Response, AppError> {
    save(state, viewer, Mode::New, form).await
}

pub async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<PersonForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    save(state, viewer, Mode::Edit(id), form).await
}

async fn save(
    state: AppState,
    viewer: Viewer,
    mode: Mode,
    form: PersonForm,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    // Each refusal as (field, message), already in the viewer's language.
    let refused = |errors: Vec<(String, String)>| {
        let mut messages = FormErrors::default();
        for (field, message) in errors {
            let (name, label) = place(lang, &field);
            messages.add(name, label, message);
        }
        let identity = matches!(mode, Mode::New) || form.legal_name.is_some();
        Ok((
            StatusCode::BAD_REQUEST,
            form_page(&viewer, &mode, &form, identity, &messages),
        )
            .into_response())
    };
    let as_messages = move |errors: Vec<FieldError>| -> Vec<(String, String)> {
        errors
            .into_iter()
            .map(|e| (e.field.clone(), e.problem.message(lang)))
            .collect()
    };
    let fields = match form.fields(matches!(mode, Mode::New)) {
        Ok(fields) => fields,
        Err(e) => return refused(as_messages(vec![e])),
    };
    let consent = form
        .consent
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|level| InitialConsent {
            level: level.to_owned(),
            given_on: form.consent_given.clone().filter(|d| !d.trim().is_empty()),
        });
    let target = mode.clone();
    let result = use_case(&state, &viewer, move |v, actor| {
        let recorded = match &target {
            Mode::New => people::create(v, actor, None, fields, consent),
            Mode::Edit(id) => people::edit(v, actor, id, fields),
        };
        match recorded {
            Ok(r) => Ok(Ok(r)),
            Err(UseCaseError::Invalid(errors)) => Ok(Err(as_messages(errors))),
            Err(err @ UseCaseError::UnknownReference { .. }) => {
                // The only records a person names are groups.
                Ok(Err(vec![("groups".to_owned(), err.message(lang))]))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match result {
        Ok(recorded) => Ok((
            [(header::SET_COOKIE, flash_saved(&state))],
            Redirect::to(&format!("/people/{}", recorded.id)),
        )
            .into_response()),
        Err(errors) => refused(errors),
    }
}
