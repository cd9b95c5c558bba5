//! People: the list (pseudonyms only), one person's page (identity only
//! for roles allowed to see it, read through the audited vault call), the
//! timeline, the events, consent history and consent editing.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use maud::{Markup, html};
use serde::Deserialize;
use testimonio_app::AppError as UseCaseError;
use testimonio_app::records::consent::{self, GivenOn, Grant};
use testimonio_app::records::{PersonView, events, groups, people};
#[cfg(test)]
use testimonio_domain::ConsentRecord;
use testimonio_domain::{
    ConsentLevel, Event, FieldError, Group, Lang, PartialDate, Person, Problem, RecordId,
};
use testimonio_i18n::tr;
use testimonio_vault::{EventFilter, ExcerptFilter, PeopleFilter, PersonSummary, ShownExcerpt};

use super::events::use_case;
use super::forms::{
    FormErrors, error_summary, events_table, field, flash_saved, has_flash, input, path_id, select,
    viewer_at, with_flash_cleared,
};
use super::timeline;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{format_date, t};
use crate::layout::{csrf_field, page, raw};
use crate::state::AppState;

/// Today, as the server sees it (UTC).
fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A day for display, in the user's language.
pub(crate) fn day_text(lang: Lang, day: NaiveDate) -> String {
    PartialDate::from_day("day", day).map_or_else(|_| day.to_string(), |d| format_date(lang, &d))
}

/// Links to groups by id, with their names when known.
pub(crate) fn group_links(viewer: &Viewer, ids: &[RecordId], groups: &[Group]) -> Markup {
    html! {
        @if ids.is_empty() {
            (viewer.t("common-none"))
        } @else {
            @for (i, id) in ids.iter().enumerate() {
                @if i > 0 { ", " }
                a href={ "/groups/" (id) } {
                    (groups.iter().find(|g| &g.id == id).map_or(id.as_str(), |g| g.name.as_str()))
                }
            }
        }
    }
}

/// A table of people: pseudonym, groups, consent level today.
pub(crate) fn people_table(viewer: &Viewer, people: &[PersonSummary], groups: &[Group]) -> Markup {
    let lang = viewer.lang;
    let today = today();
    html! {
        div.scroll {
            table.people {
                thead { tr {
                    th scope="col" { (viewer.t("field-pseudonym")) }
                    th scope="col" { (viewer.t("field-groups")) }
                    th scope="col" { (viewer.t("person-consent-today")) }
                } }
                tbody {
                    @for p in people {
                        tr {
                            th scope="row" { a href={ "/people/" (p.id) } { (p.pseudonym.as_str()) } }
                            td { (group_links(viewer, &p.groups, groups)) }
                            td { (p.consent.level_on(today).label(lang)) }
                        }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// GET /people

pub async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, AppError> {
    let (people, groups) = use_case(&state, &viewer, |v, actor| {
        Ok((
            people::list(v, actor, &PeopleFilter::default())?,
            groups::list(v, actor)?,
        ))
    })
    .await?;
    let body = html! {
        h1 { (tr!(viewer.lang, "records-people-heading", count = people.len())) }
        @if viewer.user.as_ref().is_some_and(|u| u.role.can_write_records()) {
            p { a.button href="/people/new" { (viewer.t("person-add-link")) } }
        }
        @if people.is_empty() {
            p { (viewer.t("people-none")) }
        } @else {
            (people_table(&viewer, &people, &groups))
        }
    };
    Ok(page(&viewer, viewer.t("people-title"), body))
}

// ---------------------------------------------------------------------------
// GET /people/{id}

/// Everything one person's page shows.
struct PersonData {
    summary: PersonSummary,
    /// Only for roles allowed to see it; its read was audited by the vault.
    identity: Option<Person>,
    events: Vec<Event>,
    groups: Vec<Group>,
    /// Passages of documents linked to the person, as this viewer may
    /// see them (a quoted passage can name them).
    excerpts: Vec<ShownExcerpt>,
    /// Files about the person, for who may see their identity.
    attachments: Option<Vec<testimonio_vault::DocumentInfo>>,
    /// The largest file an upload may carry.
    upload_limit: u64,
    /// Their testimonies, without accounts.
    testimonies: Vec<testimonio_vault::TestimonySummary>,
    /// The pages that mention them, only with the identity (the read is
    /// audited as an identity read).
    mentions: Option<Vec<testimonio_vault::Mention>>,
}

/// Loads a person's page. The identity is read (and the read audited) only
/// when the use case finds this user may see it; otherwise it is never read.
async fn load(state: &AppState, viewer: &Viewer, id: RecordId) -> Result<PersonData, AppError> {
    let user = viewer.user()?.clone();
    let upload_limit = state.config().uploads.per_file;
    use_case(state, viewer, move |v, actor| {
        let PersonView { summary, identity } = people::show(v, actor, &id)?;
        let mentions = match identity {
            Some(_) => Some(testimonio_app::evidence::mentions::for_person(
                v, actor, &id, true,
            )?),
            None => None,
        };
        let attachments = testimonio_app::evidence::upload::attachments(
            v,
            actor,
            testimonio_vault::AttachmentOwner::Person,
            &id,
        )?;
        let testimonies = testimonio_app::records::testimonies::list(
            v,
            actor,
            &testimonio_vault::TestimonyFilter {
                person: Some(id.clone()),
                ..testimonio_vault::TestimonyFilter::default()
            },
        )?;
        let excerpts = v.excerpts_for(
            &user,
            &ExcerptFilter {
                person: Some(id.to_string()),
                ..ExcerptFilter::default()
            },
        )?;
        let events = events::list(
            v,
            actor,
            &EventFilter {
                person: Some(id),
                ..EventFilter::default()
            },
        )?
        .events;
        // Only the groups this page names: the person's, and the events'.
        let mut ids: Vec<&RecordId> = summary
            .groups
            .iter()
            .chain(events.iter().flat_map(|e| e.groups()))
            .collect();
        ids.sort();
        ids.dedup();
        let groups = ids
            .into_iter()
            .map(|g| v.group(g))
            .filter_map(Result::transpose)
            .collect::<Result<_, _>>()?;
        Ok(PersonData {
            summary,
            identity,
            events,
            groups,
            excerpts,
            attachments,
            upload_limit,
            testimonies,
            mentions,
        })
    })
    .await
}

/// The consent forms' values and messages.
#[derive(Clone, Default)]
struct ConsentState {
    grant: ConsentForm,
    withdraw: WithdrawForm,
    errors: FormErrors,
}

impl ConsentState {
    fn fresh() -> Self {
        let day = today().format("%Y-%m-%d").to_string();
        Self {
            grant: ConsentForm {
                level: String::new(),
                given_on: day.clone(),
                note: String::new(),
            },
            withdraw: WithdrawForm { withdrawn_on: day },
            errors: FormErrors::default(),
        }
    }
}

fn identity_section(viewer: &Viewer, identity: Option<&Person>) -> Markup {
    let none = viewer.t("common-none");
    fn text<'a>(s: Option<&'a testimonio_domain::Sensitive>, none: &'a str) -> &'a str {
        s.map_or(none, |s| s.expose())
    }
    html! {
        section aria-labelledby="identity-heading" {
            h2 #identity-heading { (viewer.t("person-identity")) }
            @if let Some(p) = identity {
                @let id = &p.identity;
                dl.identity {
                    dt { (viewer.t("field-legal-name")) } dd { (text(id.legal_name.as_ref(), none)) }
                    dt { (viewer.t("field-aliases")) }
                    dd {
                        @if id.aliases.is_empty() { (none) } @else {
                            (id.aliases.iter().map(|a| a.expose()).collect::<Vec<_>>().join(", "))
                        }
                    }
                    dt { (viewer.t("field-contact")) } dd { (text(id.contact.as_ref(), none)) }
                    dt { (viewer.t("field-a-number")) } dd { (id.a_number.as_ref().map_or(none, |a| a.expose())) }
                    dt { (viewer.t("field-immigration-status")) } dd { (text(id.immigration_status.as_ref(), none)) }
                    dt { (viewer.t("field-address")) } dd { (text(id.address.as_ref(), none)) }
                    dt { (viewer.t("field-birth-year")) }
                    dd { @if let Some(y) = id.birth_year { (y) } @else { (none) } }
                }
                p.hint { (viewer.t("person-identity-audited")) }
            } @else {
                p.hint { (viewer.t("person-identity-hidden")) }
            }
        }
    }
}

fn timeline_section(viewer: &Viewer, events: &[Event]) -> Markup {
    let lang = viewer.lang;
    let items: Vec<timeline::Item> = events
        .iter()
        .enumerate()
        .map(|(i, e)| timeline::Item {
            number: i + 1,
            kind: e.kind(),
            date: e.date(),
            label: format!(
                "{} — {} ({})",
                format_date(lang, &e.date()),
                e.event_type().label(lang),
                e.kind().label(lang)
            ),
        })
        .collect();
    let labels = timeline::Labels {
        title: viewer.t("person-timeline"),
        description: viewer.t("person-timeline-caption"),
        lang: viewer.lang,
    };
    let lags = timeline::lags(&items);
    html! {
        section aria-labelledby="timeline-heading" {
            h2 #timeline-heading { (viewer.t("person-timeline")) }
            @if items.is_empty() {
                p { (viewer.t("person-no-events")) }
            } @else {
                figure.timeline-figure {
                    (raw(timeline::svg(&items, &labels)))
                    figcaption.hint { (viewer.t("person-timeline-caption")) }
                }
                h3 { (viewer.t("person-timeline-list")) }
                ol.timeline-list {
                    @for (i, item) in items.iter().enumerate() {
                        li class=(item.kind.code()) {
                            a href={ "/events/" (events[i].id()) } { (item.label) }
                            @if let Some(lag) = lags[i] {
                                " — " (timeline::lag_text(&labels, lag.days, items[lag.after].number))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn consent_section(
    viewer: &Viewer,
    data: &PersonData,
    consent: &ConsentState,
    can_write: bool,
) -> Markup {
    let lang = viewer.lang;
    let today = today();
    let none = viewer.t("common-none");
    let id = &data.summary.id;
    let e = &consent.errors;
    let levels: Vec<(String, String)> = ConsentLevel::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.label(lang).to_owned()))
        .collect();
    let records = data.summary.consent.records();
    let governing = data.summary.consent.governing_on(today);
    html! {
        section aria-labelledby="consent-heading" {
            h2 #consent-heading { (viewer.t("person-consent-history")) }
            p {
                strong { (viewer.t("person-consent-today")) ": " }
                (data.summary.consent.level_on(today).label(lang))
            }
            @if records.is_empty() {
                p { (viewer.t("person-no-consent")) }
            } @else {
                div.scroll {
                    table.consent {
                        thead { tr {
                            th scope="col" { (viewer.t("field-consent")) }
                            th scope="col" { (viewer.t("field-given-on")) }
                            th scope="col" { (viewer.t("field-withdrawn-on")) }
                            th scope="col" { (viewer.t("field-note")) }
                            th scope="col" { (viewer.t("field-in-force")) }
                        } }
                        tbody {
                            @for (i, r) in records.iter().enumerate() {
                                // One grant governs today (the latest in
                                // force); an older one it replaced is not.
                                @let in_force = governing == Some(i);
                                tr {
                                    th scope="row" { (r.level.label(lang)) }
                                    td { (r.given_on.map_or_else(|| none.to_owned(), |d| day_text(lang, d))) }
                                    td { (r.withdrawn_on.map_or_else(|| none.to_owned(), |d| day_text(lang, d))) }
                                    td { (r.note.as_ref().map_or(none, |n| n.as_str())) }
                                    td { (if in_force { viewer.t("common-yes") } else { viewer.t("common-no") }) }
                                }
                            }
                        }
                    }
                }
            }
            @if can_write {
                (error_summary(viewer, e))
                h3 #grant-heading { (viewer.t("person-add-consent")) }
                form.stack method="post" action={ "/people/" (id) "/consent" } aria-labelledby="grant-heading" {
                    (csrf_field(viewer))
                    (field(e, "level", viewer.t("field-consent"), None, |c| select(c, "level", None, &levels, &consent.grant.level)))
                    (field(e, "given_on", viewer.t("field-given-on"), Some(viewer.t("field-day-hint")), |c| input(c, "given_on", "text", &consent.grant.given_on)))
                    (field(e, "note", viewer.t("field-note"), None, |c| input(c, "note", "text", &consent.grant.note)))
                    button type="submit" { (viewer.t("common-save")) }
                }
                h3 #withdraw-heading { (viewer.t("person-withdraw")) }
                form.stack method="post" action={ "/people/" (id) "/consent/withdraw" } aria-labelledby="withdraw-heading" {
                    (csrf_field(viewer))
                    p.hint { (viewer.t("person-withdraw-hint")) }
                    (field(e, "withdrawn_on", viewer.t("person-withdraw-on"), Some(viewer.t("field-day-hint")), |c| input(c, "withdrawn_on", "text", &consent.withdraw.withdrawn_on)))
                    button.danger type="submit" { (viewer.t("person-withdraw")) }
                }
            }
        }
    }
}

fn person_page(
    viewer: &Viewer,
    data: &PersonData,
    consent: &ConsentState,
    flashed: bool,
) -> Markup {
    let can_write = viewer
        .user
        .as_ref()
        .is_some_and(|u| u.role.can_write_records());
    let s = &data.summary;
    let body = html! {
        p { a href="/people" { "← " (viewer.t("people-title")) } }
        h1 { (s.pseudonym.as_str()) }
        @if flashed { p.notice role="status" { (viewer.t("event-saved")) } }
        // Only who may see the identity may change the person.
        @if can_write && data.identity.is_some() {
            p { a href=(format!("/people/{}/edit", s.id)) { (viewer.t("person-edit-link")) } }
        }
        dl.facts {
            dt { (viewer.t("field-id")) } dd { code { (s.id) } }
            dt { (viewer.t("field-groups")) } dd { (group_links(viewer, &s.groups, &data.groups)) }
        }
        (identity_section(viewer, data.identity.as_ref()))
        @if let Some(found) = &data.mentions {
            (super::mentions::person_section(viewer, found, can_write))
        }
        (timeline_section(viewer, &data.events))
        section aria-labelledby="events-heading" {
            h2 #events-heading { (tr!(viewer.lang, "records-person-events-heading", count = data.events.len())) }
            @if data.events.is_empty() {
                p { (viewer.t("person-no-events")) }
            } @else {
                (events_table(viewer, &data.events, Some(&s.id), true))
            }
        }
        (super::testimonies::person_section(viewer, &s.id, &data.testimonies))
        (super::excerpts::excerpts_section(viewer, &data.excerpts))
        @if let Some(files) = &data.attachments {
            @let action = format!("/people/{}/files", s.id);
            (super::uploads::attachments_section(viewer, files, can_write.then_some((action.as_str(), data.upload_limit))))
        }
        (consent_section(viewer, data, consent, can_write))
    };
    let title = tr!(
        viewer.lang,
        "records-person-page-title",
        pseudonym = s.pseudonym.as_str()
    );
    page(viewer, &title, body)
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let data = load(&state, &viewer, id).await?;
    let flashed = has_flash(&headers);
    let markup = person_page(&viewer, &data, &ConsentState::fresh(), flashed);
    Ok(with_flash_cleared(&state, flashed, StatusCode::OK, markup))
}

// ---------------------------------------------------------------------------
// POST /people/{id}/consent and POST /people/{id}/consent/withdraw

#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct ConsentForm {
    pub level: String,
    pub given_on: String,
    pub note: String,
}

#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct WithdrawForm {
    pub withdrawn_on: String,
}

/// The consent form's messages for the fields a use case refused.
fn consent_errors(lang: Lang, errors: &[FieldError]) -> FormErrors {
    let mut form = FormErrors::default();
    for e in errors {
        let (name, label) = match e.field.as_str() {
            "level" => ("level", t(lang, "field-consent")),
            "note" => ("note", t(lang, "field-note")),
            "withdrawn_on" => ("withdrawn_on", t(lang, "person-withdraw-on")),
            // A grant withdrawn before it was given is the given day's fault.
            _ => ("given_on", t(lang, "field-given-on")),
        };
        form.add(name, label, e.problem.message(lang));
    }
    form
}

impl ConsentForm {
    fn grant(&self) -> Grant {
        Grant {
            level: self.level.clone(),
            given_on: Some(self.given_on.clone()),
            withdrawn_on: None,
            note: Some(self.note.clone()),
        }
    }
}

/// The grant the form describes, or the messages about its fields.
#[cfg(test)]
fn parse_grant(lang: Lang, form: &ConsentForm) -> Result<ConsentRecord, FormErrors> {
    form.grant()
        .parse(GivenOn::Required)
        .map_err(|e| consent_errors(lang, &e))
}

fn back_to_person(state: &AppState, id: &RecordId) -> Response {
    (
        [(header::SET_COOKIE, flash_saved(state))],
        Redirect::to(&format!("/people/{id}")),
    )
        .into_response()
}

/// The person's page again, with the consent forms' values and messages.
async fn refused(
    state: &AppState,
    viewer: &Viewer,
    id: RecordId,
    consent: ConsentState,
) -> Result<Response, AppError> {
    let viewer = viewer_at(viewer, format!("/people/{id}"));
    let data = load(state, &viewer, id).await?;
    Ok((
        StatusCode::BAD_REQUEST,
        person_page(&viewer, &data, &consent, false),
    )
        .into_response())
}

pub async fn add_consent(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<ConsentForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let (person, grant) = (id.clone(), form.grant());
    let added = use_case(&state, &viewer, move |v, actor| {
        match consent::add(v, actor, &person, &grant, GivenOn::Required) {
            Ok(()) => Ok(Ok(())),
            Err(UseCaseError::Invalid(errors)) => Ok(Err(errors)),
            Err(other) => Err(other),
        }
    })
    .await?;
    match added {
        Ok(()) => Ok(back_to_person(&state, &id)),
        Err(errors) => {
            let consent = ConsentState {
                grant: form,
                errors: consent_errors(viewer.lang, &errors),
                ..ConsentState::fresh()
            };
            refused(&state, &viewer, id, consent).await
        }
    }
}

pub async fn withdraw_consent(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<WithdrawForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    // Required: `day` gives a day or refuses the field.
    let day = consent::day("withdrawn_on", Some(&form.withdrawn_on), true)
        .and_then(|d| d.ok_or_else(|| FieldError::new("withdrawn_on", Problem::Required)));
    match day {
        Ok(day) => {
            let person = id.clone();
            use_case(&state, &viewer, move |v, actor| {
                consent::withdraw(v, actor, &person, day)
            })
            .await?;
            Ok(back_to_person(&state, &id))
        }
        Err(problem) => {
            let consent = ConsentState {
                withdraw: form,
                errors: consent_errors(viewer.lang, &[problem]),
                ..ConsentState::fresh()
            };
            refused(&state, &viewer, id, consent).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(level: &str, given_on: &str, note: &str) -> ConsentForm {
        ConsentForm {
            level: level.into(),
            given_on: given_on.into(),
            note: note.into(),
        }
    }

    #[test]
    fn grants_are_checked_field_by_field() {
        let ok = parse_grant(Lang::En, &grant("public_anonymous", "2024-02-29", " ")).unwrap();
        assert_eq!(ok.level, ConsentLevel::PublicAnonymous);
        assert_eq!(ok.given_on, NaiveDate::from_ymd_opt(2024, 2, 29));
        assert!(ok.note.is_none());

        let errors = parse_grant(Lang::Es, &grant("everything", "2023-02-29", "")).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["level", "given_on"]);
        assert!(errors.messages("given_on")[0].starts_with("no es una fecha válida"));

        let errors = parse_grant(Lang::En, &grant("internal", "", "")).unwrap_err();
        assert_eq!(errors.messages("given_on"), ["is required"]);
    }

    #[test]
    fn days_read_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2021, 3, 4).unwrap();
        assert_eq!(day_text(Lang::En, d), "4 March 2021");
        assert_eq!(day_text(Lang::Es, d), "4 de marzo de 2021");
    }
}
