//! Events: the filtered, paged list, and one event. The form that records
//! or edits an event is in `event_form`.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use testimonio_app::records::{EventQuery, events, groups, people};
use testimonio_app::{Actor, AppResult};
use testimonio_domain::{Event, EventKind, Group, Lang, RecordId};
use testimonio_i18n::tr;
use testimonio_vault::{
    EventFilter, ExcerptFilter, PeopleFilter, PersonSummary, ShownExcerpt, Vault,
};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{format_date, t};
use crate::layout::{encode_path, page};
use crate::state::AppState;

use super::forms::*;

// ---------------------------------------------------------------------------
// GET /events

/// Rows per page of the event list.
pub const PAGE_SIZE: u64 = 50;

/// More people than this and the person filter is a text field of ids.
pub(crate) const PERSON_SELECT_MAX: usize = 500;

/// The filters of the list: (query name, label key).
pub(crate) const FILTERS: [(&str, &str); 9] = [
    ("kind", "field-kind"),
    ("type", "field-event-type"),
    ("state", "field-state"),
    ("field_office", "field-field-office"),
    ("group", "field-group"),
    ("person", "field-person"),
    ("from", "field-from"),
    ("to", "field-to"),
    ("verification", "field-verification"),
];

/// The filter values as given in the query string.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawFilters {
    values: Vec<(&'static str, String)>,
    pub(crate) page: u64,
}

impl RawFilters {
    pub(crate) fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut raw = RawFilters {
            values: Vec::new(),
            page: 1,
        };
        for (name, _) in FILTERS {
            if let Some((_, v)) = pairs.iter().find(|(k, _)| k == name) {
                let v = v.trim();
                if !v.is_empty() {
                    raw.values.push((name, v.to_owned()));
                }
            }
        }
        if let Some((_, p)) = pairs.iter().find(|(k, _)| k == "page") {
            raw.page = p.trim().parse::<u64>().unwrap_or(1).max(1);
        }
        raw
    }

    pub(crate) fn get(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// `/events?…&page=N`, keeping every filter.
    pub(crate) fn url(&self, page: u64) -> String {
        let mut url = String::from("/events?");
        for (k, v) in &self.values {
            url.push_str(k);
            url.push('=');
            url.push_str(&encode_path(v));
            url.push('&');
        }
        url.push_str(&format!("page={page}"));
        url
    }
}

pub(crate) fn label_of(lang: Lang, name: &str) -> &'static str {
    FILTERS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, key)| t(lang, key))
}

/// The vault filter for the raw values, and a message for each bad value
/// (a group or person must also be one the vault holds). Bad values are
/// left out of the filter.
pub(crate) fn parse_filters(
    lang: Lang,
    raw: &RawFilters,
    groups: &[Group],
    people: &[PersonSummary],
) -> (EventFilter, FormErrors) {
    let opt = |name: &str| Some(raw.get(name).to_owned()).filter(|v| !v.is_empty());
    let query = EventQuery {
        kind: opt("kind"),
        event_type: opt("type"),
        state: opt("state"),
        field_office: opt("field_office"),
        group: opt("group"),
        person: opt("person"),
        from: opt("from"),
        to: opt("to"),
        verification: opt("verification"),
        limit: None,
        offset: 0,
    };
    let (mut filter, field_errors) = query.parse();
    let mut errors = FormErrors::default();
    for e in &field_errors {
        let name = FILTERS
            .iter()
            .map(|(n, _)| *n)
            .find(|n| *n == e.field)
            .unwrap_or("");
        errors.add(name, label_of(lang, name), e.problem.message(lang));
    }
    if let Some(id) = filter.group.take() {
        if groups.iter().any(|g| g.id == id) {
            filter.group = Some(id);
        } else {
            errors.add(
                "group",
                label_of(lang, "group"),
                tr!(lang, "records-form-unknown-group", id = id.as_str()),
            );
        }
    }
    if let Some(id) = filter.person.take() {
        if people.iter().any(|p| p.id == id) {
            filter.person = Some(id);
        } else {
            errors.add(
                "person",
                label_of(lang, "person"),
                tr!(lang, "records-form-unknown-person", id = id.as_str()),
            );
        }
    }
    (filter, errors)
}

/// Runs use cases with the vault, as the viewer; their errors become the
/// page's error (status by class, in one place).
pub(crate) async fn use_case<T, F>(state: &AppState, viewer: &Viewer, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut Vault, &Actor) -> AppResult<T> + Send + 'static,
{
    let actor = viewer.app_actor()?;
    state
        .with_vault(&viewer.actor(), move |v| {
            f(v, &actor).map_err(AppError::from)
        })
        .await
}

pub(crate) struct ListData {
    groups: Vec<Group>,
    /// Everyone, when few enough for a select; otherwise at most the
    /// person named by the filter.
    people: Vec<PersonSummary>,
    person_select: bool,
    errors: FormErrors,
    total: u64,
    page: u64,
    pages: u64,
    events: Vec<Event>,
}

pub(crate) fn filter_form(viewer: &Viewer, raw: &RawFilters, data: &ListData) -> Markup {
    let lang = viewer.lang;
    let any = viewer.t("events-any");
    let e = &data.errors;
    let groups: Vec<(String, String)> = data
        .groups
        .iter()
        .map(|g| (g.id.to_string(), g.name.to_string()))
        .collect();
    let people: Vec<(String, String)> = data
        .people
        .iter()
        .map(|p| (p.id.to_string(), format!("{} ({})", p.pseudonym, p.id)))
        .collect();
    html! {
        form.filters method="get" action="/events" aria-label=(viewer.t("events-filter")) {
            (field(e, "kind", label_of(lang, "kind"), None, |c| select(c, "kind", Some(any), &kind_options(lang), raw.get("kind"))))
            (field(e, "type", label_of(lang, "type"), None, |c| type_select(c, "type", lang, any, raw.get("type"))))
            (field(e, "state", label_of(lang, "state"), None, |c| select(c, "state", Some(any), &state_options(lang), raw.get("state"))))
            (field(e, "field_office", label_of(lang, "field_office"), None, |c| select(c, "field_office", Some(any), &field_office_options(lang), raw.get("field_office"))))
            (field(e, "group", label_of(lang, "group"), None, |c| select(c, "group", Some(any), &groups, raw.get("group"))))
            @if data.person_select {
                (field(e, "person", label_of(lang, "person"), None, |c| select(c, "person", Some(any), &people, raw.get("person"))))
            } @else {
                (field(e, "person", label_of(lang, "person"), Some(viewer.t("field-id")), |c| input(c, "person", "text", raw.get("person"))))
            }
            (field(e, "from", label_of(lang, "from"), Some(viewer.t("field-range-hint")), |c| input(c, "from", "text", raw.get("from"))))
            (field(e, "to", label_of(lang, "to"), Some(viewer.t("field-range-hint")), |c| input(c, "to", "text", raw.get("to"))))
            (field(e, "verification", label_of(lang, "verification"), None, |c| select(c, "verification", Some(any), &verification_options(lang), raw.get("verification"))))
            div.field.buttons {
                button type="submit" { (viewer.t("events-filter")) }
                a href="/events" { (viewer.t("events-clear")) }
            }
        }
    }
}

pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let raw = RawFilters::from_pairs(&pairs);
    let query = raw.clone();
    let data = use_case(&state, &viewer, move |v, actor| {
        let groups = groups::list(v, actor)?;
        // Loading every person is the page's main cost in a large vault:
        // past the select's size, only the filtered person is looked up.
        let person_select = v.count_people()? as usize <= PERSON_SELECT_MAX;
        let people = if person_select {
            people::list(v, actor, &PeopleFilter::default())?
        } else {
            match RecordId::parse("person", query.get("person")) {
                Ok(id) => v.person_summary(&id)?.into_iter().collect(),
                Err(_) => Vec::new(),
            }
        };
        let (mut filter, errors) = parse_filters(lang, &query, &groups, &people);
        let total = v.count_events(&filter)?;
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let page = query.page.min(pages);
        filter.newest_first = true;
        filter.offset = ((page - 1) * PAGE_SIZE) as usize;
        filter.limit = Some(PAGE_SIZE as usize);
        let events = events::list(v, actor, &filter)?.events;
        Ok(ListData {
            groups,
            people,
            person_select,
            errors,
            total,
            page,
            pages,
            events,
        })
    })
    .await?;
    let user = viewer.user()?;
    let page_of = tr!(
        lang,
        "records-events-page",
        page = data.page,
        pages = data.pages
    );
    let body = html! {
        h1 { (viewer.t("events-title")) }
        @if user.role.can_write_records() {
            p { a.button href="/events/new" { (viewer.t("event-new")) } }
        }
        (filter_form(&viewer, &raw, &data))
        p role="status" {
            (tr!(lang, "records-events-count", count = data.total))
            @if data.pages > 1 {
                " · " (page_of)
            }
        }
        @if data.events.is_empty() {
            p { (viewer.t("events-none")) }
        } @else {
            (events_table(&viewer, &data.events, None, false))
        }
        @if data.pages > 1 {
            nav.pager aria-label=(viewer.t("events-page")) {
                @if data.page > 1 {
                    a rel="prev" href=(raw.url(data.page - 1)) { "← " (viewer.t("events-previous")) }
                }
                span { (page_of) }
                @if data.page < data.pages {
                    a rel="next" href=(raw.url(data.page + 1)) { (viewer.t("events-next")) " →" }
                }
            }
        }
    };
    let status = if data.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((status, page(&viewer, viewer.t("events-title"), body)).into_response())
}

// ---------------------------------------------------------------------------
// GET /events/{id}

pub(crate) struct EventView {
    event: Event,
    /// (person, pseudonym if the person still exists)
    people: Vec<(RecordId, Option<String>)>,
    /// (group, name if the group still exists)
    groups: Vec<(RecordId, Option<String>)>,
    /// Passages of documents linked to the event, as this viewer may see
    /// them: a quote can name a participant shown here by pseudonym.
    excerpts: Vec<ShownExcerpt>,
    /// Files documenting the event.
    attachments: Vec<testimonio_vault::DocumentInfo>,
    /// Testimonies that tell of the event, without accounts.
    testimonies: Vec<testimonio_vault::TestimonySummary>,
    /// The spreadsheet rows it was imported from, for roles that see
    /// every identity.
    origins: Option<Vec<testimonio_app::import::origins::Origin>>,
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let user = viewer.user()?.clone();
    let view = use_case(&state, &viewer, move |v, actor| {
        let event = events::show(v, actor, &id)?;
        let summaries = if event.participants().is_empty() {
            Vec::new()
        } else {
            people::list(v, actor, &PeopleFilter::default())?
        };
        let people = event
            .participants()
            .iter()
            .map(|p| {
                let name = summaries
                    .iter()
                    .find(|s| s.id == p.person)
                    .map(|s| s.pseudonym.to_string());
                (p.person.clone(), name)
            })
            .collect();
        let all_groups = if event.groups().is_empty() {
            Vec::new()
        } else {
            groups::list(v, actor)?
        };
        let groups = event
            .groups()
            .iter()
            .map(|g| {
                let name = all_groups
                    .iter()
                    .find(|x| &x.id == g)
                    .map(|x| x.name.to_string());
                (g.clone(), name)
            })
            .collect();
        let excerpts = v.excerpts_for(
            &user,
            &ExcerptFilter {
                event: Some(id.to_string()),
                ..ExcerptFilter::default()
            },
        )?;
        let attachments = testimonio_app::evidence::upload::attachments(
            v,
            actor,
            testimonio_vault::AttachmentOwner::Event,
            &id,
        )?
        .unwrap_or_default();
        let testimonies = testimonio_app::records::testimonies::list(
            v,
            actor,
            &testimonio_vault::TestimonyFilter {
                event: Some(event.id().clone()),
                ..testimonio_vault::TestimonyFilter::default()
            },
        )?;
        let origins = testimonio_app::import::origins::origins(
            v,
            actor,
            testimonio_vault::RecordKind::Event,
            &id,
        )?;
        Ok(EventView {
            event,
            people,
            groups,
            excerpts,
            attachments,
            testimonies,
            origins,
        })
    })
    .await?;
    let flashed = has_flash(&headers);
    let lang = viewer.lang;
    let user = viewer.user()?;
    let e = &view.event;
    let none = viewer.t("common-none");
    let title = format!(
        "{} · {}",
        e.event_type().label(lang),
        format_date(lang, &e.date())
    );
    let body = html! {
        p { a href="/events" { "← " (viewer.t("events-title")) } }
        h1 { (title) }
        @if flashed { p.notice role="status" { (viewer.t("event-saved")) } }
        @if user.role.can_write_records() {
            p { a.button href={ "/events/" (e.id()) "/edit" } { (viewer.t("common-edit")) } }
        }
        dl.facts {
            dt { (viewer.t("field-id")) } dd { code { (e.id()) } }
            dt { (viewer.t("field-kind")) } dd class=(e.kind().code()) { (e.kind().label(lang)) }
            dt { (viewer.t("field-event-type")) } dd { (e.event_type().label(lang)) }
            dt { (viewer.t("field-date")) } dd { (format_date(lang, &e.date())) }
            @if let Some(end) = e.end_date() {
                dt { (viewer.t("field-end-date")) } dd { (format_date(lang, &end)) }
            }
            dt { (viewer.t("field-facility")) } dd { (e.location().facility.as_ref().map_or(none, |f| f.as_str())) }
            dt { (viewer.t("field-city")) } dd { (e.location().city.as_ref().map_or(none, |c| c.as_str())) }
            dt { (viewer.t("field-state")) } dd { (e.location().state.map_or(none, |s| s.name(lang))) }
            @if e.kind() == EventKind::EnforcementAction {
                dt { (viewer.t("field-agency")) } dd { (e.agency().map_or(none, |a| a.name(lang))) }
                dt { (viewer.t("field-field-office")) } dd { (e.field_office().map_or(none, |f| f.name(lang))) }
            }
            dt { (viewer.t("field-verification")) } dd { (e.verification().label(lang)) }
        }
        h2 { (viewer.t("field-people")) }
        @if view.people.is_empty() {
            p { (none) }
        } @else {
            ul {
                @for (i, (person, name)) in view.people.iter().enumerate() {
                    li {
                        a href={ "/people/" (person) } { (name.as_deref().unwrap_or(person.as_str())) }
                        " — " (e.participants()[i].role.label(lang))
                    }
                }
            }
        }
        h2 { (viewer.t("field-groups")) }
        @if view.groups.is_empty() {
            p { (none) }
        } @else {
            ul {
                @for (group, name) in &view.groups {
                    li { a href={ "/groups/" (group) } { (name.as_deref().unwrap_or(group.as_str())) } }
                }
            }
        }
        h2 { (viewer.t("field-narrative")) }
        @if let Some(n) = e.narrative() {
            div.narrative { (n.expose()) }
        } @else {
            p { (none) }
        }
        (super::excerpts::excerpts_section(&viewer, &view.excerpts))
        @let action = format!("/events/{}/files", e.id());
        (super::uploads::attachments_section(&viewer, &view.attachments, user.role.can_write_records().then_some((action.as_str(), state.config().uploads.per_file))))
        @if !view.testimonies.is_empty() {
            (super::testimonies::event_section(&viewer, &view.testimonies))
        }
        @if let Some(origins) = view.origins.as_deref().filter(|o| !o.is_empty()) {
            (super::import_wizard::origins_section(&viewer, origins))
        }
    };
    Ok(with_flash_cleared(
        &state,
        flashed,
        StatusCode::OK,
        page(&viewer, &title, body),
    ))
}
