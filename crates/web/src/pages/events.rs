//! Events: the filtered, paged list; one event; the form that records a
//! new event or edits one. Also the form helpers the other pages share:
//! labelled fields with their hints and messages, and the error summary.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use rand::RngCore;
use serde::Deserialize;
use testimonio_domain::exchange::{EventRecord, ParticipantEntry};
use testimonio_domain::{
    Agency, Event, EventKind, EventType, FieldError, FieldOffice, Group, Lang, Location,
    PartialDate, ParticipantRole, RecordId, UsState, Verification,
};
use testimonio_vault::{EventFilter, PeopleFilter, PersonSummary, VaultError};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{format_date, format_number, t};
use crate::layout::{csrf_field, encode_path, page};
use crate::session::{cookie, set_cookie};
use crate::state::AppState;

// ---------------------------------------------------------------------------
// Form helpers shared by the pages of this crate.

/// One message about one field of a form.
#[derive(Debug, Clone)]
pub(crate) struct FormError {
    /// The form field's `name`.
    pub field: &'static str,
    /// The field's label, for the summary.
    pub label: &'static str,
    pub message: String,
}

/// The messages about a submitted form, in the order found.
#[derive(Debug, Clone, Default)]
pub(crate) struct FormErrors(Vec<FormError>);

impl FormErrors {
    pub fn add(&mut self, field: &'static str, label: &'static str, message: String) {
        self.0.push(FormError {
            field,
            label,
            message,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn messages(&self, field: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|e| e.field == field)
            .map(|e| e.message.as_str())
            .collect()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FormError> {
        self.0.iter()
    }
}

/// The `id` of a form field's control.
pub(crate) fn field_id(name: &str) -> String {
    format!("f-{name}")
}

/// What a control needs to know about its field.
pub(crate) struct Control {
    pub id: String,
    pub described_by: Option<String>,
    pub invalid: bool,
}

/// One labelled field: the label, an optional hint, the field's messages
/// (linked to the control with `aria-describedby`), then the control.
pub(crate) fn field(
    errors: &FormErrors,
    name: &'static str,
    label: &str,
    hint: Option<&str>,
    control: impl FnOnce(&Control) -> Markup,
) -> Markup {
    let id = field_id(name);
    let messages = errors.messages(name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let mut described = Vec::new();
    if hint.is_some() {
        described.push(hint_id.clone());
    }
    if !messages.is_empty() {
        described.push(error_id.clone());
    }
    let c = Control {
        id: id.clone(),
        described_by: (!described.is_empty()).then(|| described.join(" ")),
        invalid: !messages.is_empty(),
    };
    html! {
        div.field.invalid[c.invalid] {
            label for=(id) { (label) }
            @if let Some(h) = hint { p.hint id=(hint_id) { (h) } }
            @if !messages.is_empty() {
                div.field-error id=(error_id) { @for m in &messages { p { (m) } } }
            }
            (control(&c))
        }
    }
}

/// A one-line input.
pub(crate) fn input(c: &Control, name: &str, kind: &str, value: &str) -> Markup {
    html! {
        input id=(c.id) name=(name) type=(kind) value=(value)
            aria-describedby=[c.described_by.as_deref()]
            aria-invalid=[c.invalid.then_some("true")];
    }
}

/// A multi-line input.
pub(crate) fn textarea(c: &Control, name: &str, value: &str, rows: u32) -> Markup {
    html! {
        textarea id=(c.id) name=(name) rows=(rows)
            aria-describedby=[c.described_by.as_deref()]
            aria-invalid=[c.invalid.then_some("true")] { (value) }
    }
}

/// A select of `(value, label)` options, with an optional empty first
/// option labelled `empty`.
pub(crate) fn select(
    c: &Control,
    name: &str,
    empty: Option<&str>,
    options: &[(String, String)],
    selected: &str,
) -> Markup {
    html! {
        select id=(c.id) name=(name)
            aria-describedby=[c.described_by.as_deref()]
            aria-invalid=[c.invalid.then_some("true")] {
            @if let Some(e) = empty { option value="" selected[selected.is_empty()] { (e) } }
            @for (value, label) in options {
                option value=(value) selected[value == selected] { (label) }
            }
        }
    }
}

/// The summary at the top of a refused form, each message linking to its field.
pub(crate) fn error_summary(viewer: &Viewer, errors: &FormErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error-summary role="alert" {
                h2 { (viewer.t("event.has_errors")) }
                ul {
                    @for e in errors.iter() {
                        li {
                            @if e.field.is_empty() {
                                (e.message)
                            } @else {
                                a href={ "#" (field_id(e.field)) } { (e.label) ": " (e.message) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A one-shot "Saved." notice carried across a redirect in a short cookie.
const FLASH_COOKIE: &str = "testimonio_flash";

/// The `Set-Cookie` that makes the next page show "Saved.".
pub(crate) fn flash_saved(state: &AppState) -> String {
    set_cookie(
        FLASH_COOKIE,
        "saved",
        Some(60),
        true,
        state.config().secure_cookies,
    )
}

/// Whether the request carries the "Saved." notice.
pub(crate) fn has_flash(headers: &HeaderMap) -> bool {
    cookie(headers, FLASH_COOKIE).as_deref() == Some("saved")
}

/// A page, clearing the notice cookie if it was shown.
pub(crate) fn with_flash_cleared(
    state: &AppState,
    flashed: bool,
    status: StatusCode,
    markup: Markup,
) -> Response {
    if flashed {
        let clear = set_cookie(
            FLASH_COOKIE,
            "",
            Some(0),
            true,
            state.config().secure_cookies,
        );
        (status, [(header::SET_COOKIE, clear)], markup).into_response()
    } else {
        (status, markup).into_response()
    }
}

/// The viewer as if on `path` (so that the language switch of a page
/// answering a POST returns to the form, not to the POST's URL).
pub(crate) fn viewer_at(viewer: &Viewer, path: String) -> Viewer {
    Viewer {
        path,
        ..viewer.clone()
    }
}

/// A record id from a URL; anything invalid is simply not found.
pub(crate) fn path_id(id: &str) -> Result<RecordId, AppError> {
    RecordId::parse("id", id).map_err(|_| AppError::NOT_FOUND)
}

/// City, state (or facility, city, state): what is known of a place.
pub(crate) fn place_text(lang: Lang, location: &Location) -> String {
    let parts: Vec<&str> = [
        location.facility.as_ref().map(|f| f.as_str()),
        location.city.as_ref().map(|c| c.as_str()),
        location.state.map(|s| s.name(lang)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        t(lang, "common.none").to_owned()
    } else {
        parts.join(", ")
    }
}

/// A table of events, each row linking to the event. With `person`, a
/// column gives that person's role in each event; with `numbered`, a first
/// column numbers the rows (matching the timeline's markers).
pub(crate) fn events_table(
    viewer: &Viewer,
    events: &[Event],
    person: Option<&RecordId>,
    numbered: bool,
) -> Markup {
    let lang = viewer.lang;
    html! {
        div.scroll {
            table.events {
                thead { tr {
                    @if numbered { th scope="col" { "#" } }
                    th scope="col" { (viewer.t("field.date")) }
                    th.col-kind scope="col" { (viewer.t("field.kind")) }
                    th scope="col" { (viewer.t("field.event_type")) }
                    @if person.is_some() { th scope="col" { (viewer.t("field.role")) } }
                    th scope="col" { (viewer.t("field.place")) }
                    th scope="col" { (viewer.t("field.field_office")) }
                    th scope="col" { (viewer.t("field.verification")) }
                } }
                tbody {
                    @for (i, e) in events.iter().enumerate() {
                        tr class=(e.kind().code()) {
                            @if numbered { td { (i + 1) } }
                            td { a href={ "/events/" (e.id()) } { (format_date(lang, &e.date())) } }
                            td.col-kind { (e.kind().label(lang)) }
                            td { (e.event_type().label(lang)) }
                            @if let Some(p) = person {
                                td {
                                    @for part in e.participants().iter().filter(|x| &x.person == p) {
                                        (part.role.label(lang))
                                    }
                                }
                            }
                            td { (place_text(lang, e.location())) }
                            td { (e.field_office().map_or(viewer.t("common.none"), |f| f.name(lang))) }
                            td { (e.verification().label(lang)) }
                        }
                    }
                }
            }
        }
    }
}

fn kind_options(lang: Lang) -> Vec<(String, String)> {
    EventKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), k.label(lang).to_owned()))
        .collect()
}

fn state_options(lang: Lang) -> Vec<(String, String)> {
    UsState::all()
        .map(|s| (s.code().to_owned(), s.name(lang).to_owned()))
        .collect()
}

fn field_office_options(lang: Lang) -> Vec<(String, String)> {
    FieldOffice::all()
        .map(|f| {
            (
                f.code().to_owned(),
                format!("{} ({})", f.name(lang), f.code()),
            )
        })
        .collect()
}

fn agency_options(lang: Lang) -> Vec<(String, String)> {
    Agency::all()
        .map(|a| (a.code().to_owned(), a.name(lang).to_owned()))
        .collect()
}

fn verification_options(lang: Lang) -> Vec<(String, String)> {
    Verification::ALL
        .iter()
        .map(|v| (v.code().to_owned(), v.label(lang).to_owned()))
        .collect()
}

/// The event-type select: one group of options per kind, labels in `lang`.
fn type_select(c: &Control, name: &str, lang: Lang, empty: &str, selected: &str) -> Markup {
    html! {
        select id=(c.id) name=(name)
            aria-describedby=[c.described_by.as_deref()]
            aria-invalid=[c.invalid.then_some("true")] {
            option value="" selected[selected.is_empty()] { (empty) }
            @for kind in EventKind::ALL {
                optgroup label=(kind.label(lang)) {
                    @for ty in EventType::all().filter(|ty| ty.kind() == kind) {
                        option value=(ty.code()) selected[ty.code() == selected] { (ty.label(lang)) }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// GET /events

/// Rows per page of the event list.
pub const PAGE_SIZE: u64 = 50;

/// More people than this and the person filter is a text field of ids.
const PERSON_SELECT_MAX: usize = 500;

/// The filters of the list: (query name, label key).
const FILTERS: [(&str, &str); 9] = [
    ("kind", "field.kind"),
    ("type", "field.event_type"),
    ("state", "field.state"),
    ("field_office", "field.field_office"),
    ("group", "field.group"),
    ("person", "field.person"),
    ("from", "field.from"),
    ("to", "field.to"),
    ("verification", "field.verification"),
];

/// The filter values as given in the query string.
#[derive(Debug, Clone, Default)]
struct RawFilters {
    values: Vec<(&'static str, String)>,
    page: u64,
}

impl RawFilters {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
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

    fn get(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// `/events?…&page=N`, keeping every filter.
    fn url(&self, page: u64) -> String {
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

fn label_of(lang: Lang, name: &str) -> &'static str {
    FILTERS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, key)| t(lang, key))
}

/// The vault filter for the raw values, and a message for each bad value.
/// Bad values are left out of the filter.
fn parse_filters(
    lang: Lang,
    raw: &RawFilters,
    groups: &[Group],
    people: &[PersonSummary],
) -> (EventFilter, FormErrors) {
    let mut filter = EventFilter::default();
    let mut errors = FormErrors::default();
    let mut bad = |name: &'static str, e: FieldError| {
        errors.add(name, label_of(lang, name), e.problem.message(lang));
    };
    let opt = |name: &str| Some(raw.get(name)).filter(|v| !v.is_empty());
    if let Some(v) = opt("kind") {
        match EventKind::parse("kind", v) {
            Ok(k) => filter.kind = Some(k),
            Err(e) => bad("kind", e),
        }
    }
    if let Some(v) = opt("type") {
        match EventType::parse("type", v) {
            Ok(ty) => filter.event_type = Some(ty),
            Err(e) => bad("type", e),
        }
    }
    if let Some(v) = opt("state") {
        match UsState::parse("state", v) {
            Ok(s) => filter.state = Some(s),
            Err(e) => bad("state", e),
        }
    }
    if let Some(v) = opt("field_office") {
        match FieldOffice::parse("field_office", v) {
            Ok(f) => filter.field_office = Some(f),
            Err(e) => bad("field_office", e),
        }
    }
    if let Some(v) = opt("verification") {
        match Verification::parse("verification", v) {
            Ok(x) => filter.verification = Some(x),
            Err(e) => bad("verification", e),
        }
    }
    let mut from = None;
    if let Some(v) = opt("from") {
        match PartialDate::parse("from", v) {
            Ok(d) => from = Some(d.earliest()),
            Err(e) => bad("from", e),
        }
    }
    let mut to = None;
    if let Some(v) = opt("to") {
        match PartialDate::parse("to", v) {
            Ok(d) => to = Some(d.latest()),
            Err(e) => bad("to", e),
        }
    }
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        bad(
            "to",
            FieldError::new("to", testimonio_domain::Problem::EndBeforeStart),
        );
        to = None;
    }
    filter.from = from;
    filter.to = to;
    if let Some(v) = opt("group") {
        match RecordId::parse("group", v) {
            Ok(id) if groups.iter().any(|g| g.id == id) => filter.group = Some(id),
            Ok(_) => errors.add(
                "group",
                label_of(lang, "group"),
                t(lang, "error.not_found").to_owned(),
            ),
            Err(e) => errors.add("group", label_of(lang, "group"), e.problem.message(lang)),
        }
    }
    if let Some(v) = opt("person") {
        match RecordId::parse("person", v) {
            Ok(id) if people.iter().any(|p| p.id == id) => filter.person = Some(id),
            Ok(_) => errors.add(
                "person",
                label_of(lang, "person"),
                t(lang, "error.not_found").to_owned(),
            ),
            Err(e) => errors.add("person", label_of(lang, "person"), e.problem.message(lang)),
        }
    }
    (filter, errors)
}

struct ListData {
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

fn filter_form(viewer: &Viewer, raw: &RawFilters, data: &ListData) -> Markup {
    let lang = viewer.lang;
    let any = viewer.t("events.any");
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
        form.filters method="get" action="/events" aria-label=(viewer.t("events.filter")) {
            (field(e, "kind", label_of(lang, "kind"), None, |c| select(c, "kind", Some(any), &kind_options(lang), raw.get("kind"))))
            (field(e, "type", label_of(lang, "type"), None, |c| type_select(c, "type", lang, any, raw.get("type"))))
            (field(e, "state", label_of(lang, "state"), None, |c| select(c, "state", Some(any), &state_options(lang), raw.get("state"))))
            (field(e, "field_office", label_of(lang, "field_office"), None, |c| select(c, "field_office", Some(any), &field_office_options(lang), raw.get("field_office"))))
            (field(e, "group", label_of(lang, "group"), None, |c| select(c, "group", Some(any), &groups, raw.get("group"))))
            @if data.person_select {
                (field(e, "person", label_of(lang, "person"), None, |c| select(c, "person", Some(any), &people, raw.get("person"))))
            } @else {
                (field(e, "person", label_of(lang, "person"), Some(viewer.t("field.id")), |c| input(c, "person", "text", raw.get("person"))))
            }
            (field(e, "from", label_of(lang, "from"), Some(viewer.t("field.range_hint")), |c| input(c, "from", "text", raw.get("from"))))
            (field(e, "to", label_of(lang, "to"), Some(viewer.t("field.range_hint")), |c| input(c, "to", "text", raw.get("to"))))
            (field(e, "verification", label_of(lang, "verification"), None, |c| select(c, "verification", Some(any), &verification_options(lang), raw.get("verification"))))
            div.field.buttons {
                button type="submit" { (viewer.t("events.filter")) }
                a href="/events" { (viewer.t("events.clear")) }
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
    let data = state
        .with_vault(&viewer.actor(), move |v| {
            let groups = v.groups()?;
            // Loading every person is the page's main cost in a large vault:
            // past the select's size, only the filtered person is looked up.
            let person_select = v.count_people()? as usize <= PERSON_SELECT_MAX;
            let people = if person_select {
                v.people(&PeopleFilter::default())?
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
            let events = if total > 0 {
                v.events(&filter)?
            } else {
                Vec::new()
            };
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
    let body = html! {
        h1 { (viewer.t("events.title")) }
        @if user.role.can_write_records() {
            p { a.button href="/events/new" { (viewer.t("event.new")) } }
        }
        (filter_form(&viewer, &raw, &data))
        p role="status" {
            strong { (format_number(lang, data.total)) } " " (viewer.t("events.count"))
            @if data.pages > 1 {
                " · " (viewer.t("events.page")) " " (format_number(lang, data.page)) " "
                (viewer.t("events.page_of")) " " (format_number(lang, data.pages))
            }
        }
        @if data.events.is_empty() {
            p { (viewer.t("events.none")) }
        } @else {
            (events_table(&viewer, &data.events, None, false))
        }
        @if data.pages > 1 {
            nav.pager aria-label=(viewer.t("events.page")) {
                @if data.page > 1 {
                    a rel="prev" href=(raw.url(data.page - 1)) { "← " (viewer.t("events.previous")) }
                }
                span { (viewer.t("events.page")) " " (format_number(lang, data.page)) " " (viewer.t("events.page_of")) " " (format_number(lang, data.pages)) }
                @if data.page < data.pages {
                    a rel="next" href=(raw.url(data.page + 1)) { (viewer.t("events.next")) " →" }
                }
            }
        }
    };
    let status = if data.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((status, page(&viewer, viewer.t("events.title"), body)).into_response())
}

// ---------------------------------------------------------------------------
// GET /events/{id}

struct EventView {
    event: Event,
    /// (person, pseudonym if the person still exists)
    people: Vec<(RecordId, Option<String>)>,
    /// (group, name if the group still exists)
    groups: Vec<(RecordId, Option<String>)>,
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let view = state
        .with_vault(&viewer.actor(), move |v| {
            let event = v.event(&id)?.ok_or(AppError::NOT_FOUND)?;
            let summaries = if event.participants().is_empty() {
                Vec::new()
            } else {
                v.people(&PeopleFilter::default())?
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
                v.groups()?
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
            Ok(EventView {
                event,
                people,
                groups,
            })
        })
        .await?;
    let flashed = has_flash(&headers);
    let lang = viewer.lang;
    let user = viewer.user()?;
    let e = &view.event;
    let none = viewer.t("common.none");
    let title = format!(
        "{} · {}",
        e.event_type().label(lang),
        format_date(lang, &e.date())
    );
    let body = html! {
        p { a href="/events" { "← " (viewer.t("events.title")) } }
        h1 { (title) }
        @if flashed { p.notice role="status" { (viewer.t("event.saved")) } }
        @if user.role.can_write_records() {
            p { a.button href={ "/events/" (e.id()) "/edit" } { (viewer.t("common.edit")) } }
        }
        dl.facts {
            dt { (viewer.t("field.id")) } dd { code { (e.id()) } }
            dt { (viewer.t("field.kind")) } dd class=(e.kind().code()) { (e.kind().label(lang)) }
            dt { (viewer.t("field.event_type")) } dd { (e.event_type().label(lang)) }
            dt { (viewer.t("field.date")) } dd { (format_date(lang, &e.date())) }
            @if let Some(end) = e.end_date() {
                dt { (viewer.t("field.end_date")) } dd { (format_date(lang, &end)) }
            }
            dt { (viewer.t("field.facility")) } dd { (e.location().facility.as_ref().map_or(none, |f| f.as_str())) }
            dt { (viewer.t("field.city")) } dd { (e.location().city.as_ref().map_or(none, |c| c.as_str())) }
            dt { (viewer.t("field.state")) } dd { (e.location().state.map_or(none, |s| s.name(lang))) }
            @if e.kind() == EventKind::EnforcementAction {
                dt { (viewer.t("field.agency")) } dd { (e.agency().map_or(none, |a| a.name(lang))) }
                dt { (viewer.t("field.field_office")) } dd { (e.field_office().map_or(none, |f| f.name(lang))) }
            }
            dt { (viewer.t("field.verification")) } dd { (e.verification().label(lang)) }
        }
        h2 { (viewer.t("field.people")) }
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
        h2 { (viewer.t("field.groups")) }
        @if view.groups.is_empty() {
            p { (none) }
        } @else {
            ul {
                @for (group, name) in &view.groups {
                    li { a href={ "/groups/" (group) } { (name.as_deref().unwrap_or(group.as_str())) } }
                }
            }
        }
        h2 { (viewer.t("field.narrative")) }
        @if let Some(n) = e.narrative() {
            div.narrative { (n.expose()) }
        } @else {
            p { (none) }
        }
    };
    Ok(with_flash_cleared(
        &state,
        flashed,
        StatusCode::OK,
        page(&viewer, &title, body),
    ))
}

// ---------------------------------------------------------------------------
// The event form: GET /events/new, POST /events, GET /events/{id}/edit,
// POST /events/{id}

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
}

/// The form's fields: (name, label key).
const EVENT_FIELDS: [(&str, &str); 14] = [
    ("id", "field.id"),
    ("kind", "field.kind"),
    ("event_type", "field.event_type"),
    ("date", "field.date"),
    ("end_date", "field.end_date"),
    ("state", "field.state"),
    ("city", "field.city"),
    ("facility", "field.facility"),
    ("agency", "field.agency"),
    ("field_office", "field.field_office"),
    ("people", "field.people"),
    ("groups", "field.groups"),
    ("narrative", "field.narrative"),
    ("verification", "field.verification"),
];

fn event_label(lang: Lang, name: &str) -> &'static str {
    EVENT_FIELDS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, key)| t(lang, key))
}

/// A new random event id: `evt-` and 12 hex digits.
pub fn new_event_id() -> String {
    let mut bytes = [0u8; 6];
    rand::rng().fill_bytes(&mut bytes);
    format!("evt-{}", hex::encode(bytes))
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

fn optional(value: &str) -> Option<String> {
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
        }
    }
}

/// The form field a domain field error belongs to, and its message in
/// `lang` (naming the line of the people field, or the group id).
fn map_field_error(
    lang: Lang,
    record: &EventRecord,
    lines: &[usize],
    error: &FieldError,
) -> (&'static str, String) {
    let problem = error.problem.message(lang);
    let field = error.field.as_str();
    if let Some(rest) = field.strip_prefix("people[") {
        let line = rest
            .split(']')
            .next()
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| lines.get(i));
        let message = match line {
            Some(n) => format!("{} {n}: {problem}", t(lang, "field.line")),
            None => problem,
        };
        return ("people", message);
    }
    if let Some(rest) = field.strip_prefix("groups[") {
        let group = rest
            .split(']')
            .next()
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| record.groups.get(i));
        let message = match group {
            Some(g) => format!("{g}: {problem}"),
            None => problem,
        };
        return ("groups", message);
    }
    let name = EVENT_FIELDS
        .iter()
        .map(|(n, _)| *n)
        .find(|n| *n == field)
        .unwrap_or("");
    (name, problem)
}

/// The vault's refusal of an unknown person or group
/// (`people[0].id: unknown person x`), as a message next to its field.
fn map_vault_refusal(lang: Lang, lines: &[usize], reason: &str) -> Option<(&'static str, String)> {
    let (field, rest) = reason.split_once(": ")?;
    if let Some(id) = rest.strip_prefix("unknown person ") {
        let index = field
            .strip_prefix("people[")?
            .split(']')
            .next()?
            .parse::<usize>()
            .ok()?;
        let message = match lines.get(index) {
            Some(n) => format!(
                "{} {n}: {} {id}",
                t(lang, "field.line"),
                t(lang, "event.unknown_person")
            ),
            None => format!("{} {id}", t(lang, "event.unknown_person")),
        };
        return Some(("people", message));
    }
    if let Some(id) = rest.strip_prefix("unknown group ") {
        return Some(("groups", format!("{} {id}", t(lang, "event.unknown_group"))));
    }
    None
}

/// Whether the form creates an event or edits one.
#[derive(Debug, Clone)]
enum Mode {
    New,
    Edit(RecordId),
}

fn role_hint(lang: Lang) -> String {
    let roles: Vec<&str> = ParticipantRole::ALL.iter().map(|r| r.label(lang)).collect();
    format!(
        "{}. {}: {}.",
        t(lang, "field.people_hint"),
        t(lang, "field.roles"),
        roles.join(", ")
    )
}

fn event_form_page(viewer: &Viewer, mode: &Mode, form: &EventForm, errors: &FormErrors) -> Markup {
    let lang = viewer.lang;
    let e = errors;
    let label = |name: &str| event_label(lang, name);
    let (title, action) = match mode {
        Mode::New => (viewer.t("event.new"), "/events".to_owned()),
        Mode::Edit(id) => (viewer.t("event.edit"), format!("/events/{id}")),
    };
    let none = viewer.t("common.none");
    let people_hint = role_hint(lang);
    let body = html! {
        @if let Mode::Edit(id) = mode {
            p { a href={ "/events/" (id) } { "← " (viewer.t("common.view")) " " code { (id) } } }
        }
        h1 { (title) }
        (error_summary(viewer, errors))
        form.stack.record method="post" action=(action) {
            (csrf_field(viewer))
            @match mode {
                Mode::New => {
                    (field(e, "id", label("id"), Some(viewer.t("field.id_hint")), |c| input(c, "id", "text", &form.id)))
                }
                Mode::Edit(id) => {
                    p { strong { (label("id")) ": " } code { (id) } }
                }
            }
            (field(e, "kind", label("kind"), None, |c| select(c, "kind", Some(none), &kind_options(lang), &form.kind)))
            (field(e, "event_type", label("event_type"), None, |c| type_select(c, "event_type", lang, none, &form.event_type)))
            (field(e, "date", label("date"), Some(viewer.t("field.date_hint")), |c| input(c, "date", "text", &form.date)))
            (field(e, "end_date", label("end_date"), Some(viewer.t("field.date_hint")), |c| input(c, "end_date", "text", &form.end_date)))
            (field(e, "state", label("state"), None, |c| select(c, "state", Some(none), &state_options(lang), &form.state)))
            (field(e, "city", label("city"), None, |c| input(c, "city", "text", &form.city)))
            (field(e, "facility", label("facility"), None, |c| input(c, "facility", "text", &form.facility)))
            (field(e, "agency", label("agency"), Some(viewer.t("field.enforcement_only")), |c| select(c, "agency", Some(none), &agency_options(lang), &form.agency)))
            (field(e, "field_office", label("field_office"), Some(viewer.t("field.enforcement_only")), |c| select(c, "field_office", Some(none), &field_office_options(lang), &form.field_office)))
            (field(e, "people", label("people"), Some(&people_hint), |c| textarea(c, "people", &form.people, 4)))
            (field(e, "groups", label("groups"), Some(viewer.t("field.groups_hint")), |c| input(c, "groups", "text", &form.groups)))
            (field(e, "narrative", label("narrative"), None, |c| textarea(c, "narrative", &form.narrative, 10)))
            (field(e, "verification", label("verification"), None, |c| select(c, "verification", None, &verification_options(lang), if form.verification.is_empty() { Verification::default().code() } else { &form.verification })))
            button type="submit" { (viewer.t("event.save")) }
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
    )
}

pub async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Markup, AppError> {
    let id = path_id(&id)?;
    let lookup = id.clone();
    let event = state
        .with_vault(&viewer.actor(), move |v| {
            v.event(&lookup)?.ok_or(AppError::NOT_FOUND)
        })
        .await?;
    let form = EventForm::from_event(viewer.lang, &event);
    Ok(event_form_page(
        &viewer,
        &Mode::Edit(id),
        &form,
        &FormErrors::default(),
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

/// A person or group the form names that the vault does not hold.
enum Unknown {
    /// (index in the people field's entries, id)
    Person(usize, RecordId),
    Group(RecordId),
}

/// What came of a submitted event form.
enum Stored {
    Saved,
    /// The form has field errors (already collected).
    Invalid,
    Unknown(Vec<Unknown>),
    IdTaken,
    /// The vault refused the event (an unknown reference in a race).
    Refused(String),
}

/// The people and groups named by a form that do not exist.
fn unknown_references(
    v: &testimonio_vault::Vault,
    people: &[(usize, RecordId)],
    groups: &[RecordId],
) -> Result<Vec<Unknown>, AppError> {
    let mut unknown = Vec::new();
    if !people.is_empty() {
        let known: std::collections::HashSet<RecordId> = v
            .people(&PeopleFilter::default())?
            .into_iter()
            .map(|p| p.id)
            .collect();
        unknown.extend(
            people
                .iter()
                .filter(|(_, id)| !known.contains(id))
                .map(|(i, id)| Unknown::Person(*i, id.clone())),
        );
    }
    if !groups.is_empty() {
        let known: std::collections::HashSet<RecordId> =
            v.groups()?.into_iter().map(|g| g.id).collect();
        unknown.extend(
            groups
                .iter()
                .filter(|id| !known.contains(*id))
                .map(|id| Unknown::Group(id.clone())),
        );
    }
    Ok(unknown)
}

async fn save(
    state: AppState,
    viewer: Viewer,
    mode: Mode,
    form: EventForm,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let id = match &mode {
        Mode::Edit(id) => id.to_string(),
        Mode::New if form.id.trim().is_empty() => new_event_id(),
        Mode::New => form.id.trim().to_owned(),
    };
    let (record, lines) = form.to_record(&id);
    let mut errors = FormErrors::default();
    let event = match record.into_event() {
        Ok(event) => Some(event),
        Err(field_errors) => {
            for fe in &field_errors {
                let (name, message) = map_field_error(lang, &record, &lines, fe);
                errors.add(name, event_label(lang, name), message);
            }
            None
        }
    };
    // Every valid id the form names, to report every unknown one at once
    // (the vault stops at the first).
    let people: Vec<(usize, RecordId)> = record
        .people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| RecordId::parse("id", &p.id).ok().map(|id| (i, id)))
        .collect();
    let groups: Vec<RecordId> = record
        .groups
        .iter()
        .filter_map(|g| RecordId::parse("groups", g).ok())
        .collect();
    let editing = match &mode {
        Mode::Edit(id) => Some(id.clone()),
        Mode::New => None,
    };
    let stored = state
        .with_vault(&viewer.actor(), move |v| {
            if let Some(id) = &editing
                && v.event(id)?.is_none()
            {
                return Err(AppError::NOT_FOUND);
            }
            let unknown = unknown_references(v, &people, &groups)?;
            if !unknown.is_empty() {
                return Ok(Stored::Unknown(unknown));
            }
            let Some(event) = event else {
                return Ok(Stored::Invalid);
            };
            // `new` would be shadowed by the form's own URL, /events/new.
            if editing.is_none() && (event.id().as_str() == "new" || v.event(event.id())?.is_some())
            {
                return Ok(Stored::IdTaken);
            }
            match v.put_event(&event) {
                Ok(_) => Ok(Stored::Saved),
                Err(VaultError::Invalid(reason)) => Ok(Stored::Refused(reason)),
                Err(other) => Err(other.into()),
            }
        })
        .await?;
    match stored {
        Stored::Saved => {
            return Ok((
                [(header::SET_COOKIE, flash_saved(&state))],
                Redirect::to(&format!("/events/{id}")),
            )
                .into_response());
        }
        Stored::Invalid => {}
        Stored::Unknown(unknown) => {
            for u in unknown {
                let (name, message) = match u {
                    Unknown::Person(i, person) => (
                        "people",
                        match lines.get(i) {
                            Some(n) => format!(
                                "{} {n}: {} {person}",
                                t(lang, "field.line"),
                                t(lang, "event.unknown_person")
                            ),
                            None => format!("{} {person}", t(lang, "event.unknown_person")),
                        },
                    ),
                    Unknown::Group(group) => (
                        "groups",
                        format!("{} {group}", t(lang, "event.unknown_group")),
                    ),
                };
                errors.add(name, event_label(lang, name), message);
            }
        }
        Stored::IdTaken => {
            errors.add(
                "id",
                event_label(lang, "id"),
                t(lang, "event.id_taken").to_owned(),
            );
        }
        Stored::Refused(reason) => match map_vault_refusal(lang, &lines, &reason) {
            Some((name, message)) => errors.add(name, event_label(lang, name), message),
            None => errors.add("", "", t(lang, "event.not_saved").to_owned()),
        },
    }
    let path = match &mode {
        Mode::New => "/events/new".to_owned(),
        Mode::Edit(id) => format!("/events/{id}/edit"),
    };
    let viewer = viewer_at(&viewer, path);
    Ok((
        StatusCode::BAD_REQUEST,
        event_form_page(&viewer, &mode, &form, &errors),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

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
            map_vault_refusal(Lang::En, &[2, 5], "people[1].id: unknown person p-9").unwrap();
        assert_eq!(field, "people");
        assert_eq!(message, "Line 5: no person has this id: p-9");
        let (field, _) = map_vault_refusal(Lang::Es, &[], "groups[0]: unknown group g-9").unwrap();
        assert_eq!(field, "groups");
        assert!(map_vault_refusal(Lang::En, &[], "something else").is_none());
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
