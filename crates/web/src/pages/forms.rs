//! Form helpers shared by the pages of this crate: labelled fields with
//! their hints and messages, the error summary, option lists, the flash
//! message after a save.

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use testimonio_domain::{
    Agency, Event, EventKind, EventType, FieldOffice, Lang, Location, RecordId, UsState,
    Verification,
};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{format_date, t};
use crate::session::{cookie, set_cookie};
use crate::state::AppState;

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
    labelled(&errors.messages(name), name, label, hint, control)
}

/// A labelled control with the given messages: what [`field`] draws, for
/// forms that keep their messages elsewhere (rows of repeated fields).
pub(crate) fn labelled(
    messages: &[&str],
    name: &str,
    label: &str,
    hint: Option<&str>,
    control: impl FnOnce(&Control) -> Markup,
) -> Markup {
    let id = field_id(name);
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
                div.field-error id=(error_id) { @for m in messages { p { (m) } } }
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
                h2 { (viewer.t("event-has-errors")) }
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
pub(crate) const FLASH_COOKIE: &str = "testimonio_flash";

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
        t(lang, "common-none").to_owned()
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
                    th scope="col" { (viewer.t("field-date")) }
                    th.col-kind scope="col" { (viewer.t("field-kind")) }
                    th scope="col" { (viewer.t("field-event-type")) }
                    @if person.is_some() { th scope="col" { (viewer.t("field-role")) } }
                    th scope="col" { (viewer.t("field-place")) }
                    th scope="col" { (viewer.t("field-field-office")) }
                    th scope="col" { (viewer.t("field-verification")) }
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
                            td { (e.field_office().map_or(viewer.t("common-none"), |f| f.name(lang))) }
                            td { (e.verification().label(lang)) }
                        }
                    }
                }
            }
        }
    }
}

pub(crate) fn kind_options(lang: Lang) -> Vec<(String, String)> {
    EventKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), k.label(lang).to_owned()))
        .collect()
}

pub(crate) fn state_options(lang: Lang) -> Vec<(String, String)> {
    UsState::all()
        .map(|s| (s.code().to_owned(), s.name(lang).to_owned()))
        .collect()
}

pub(crate) fn field_office_options(lang: Lang) -> Vec<(String, String)> {
    FieldOffice::all()
        .map(|f| {
            (
                f.code().to_owned(),
                testimonio_i18n::tr!(
                    lang,
                    "shell-field-office-option",
                    name = f.name(lang),
                    code = f.code()
                ),
            )
        })
        .collect()
}

pub(crate) fn agency_options(lang: Lang) -> Vec<(String, String)> {
    Agency::all()
        .map(|a| (a.code().to_owned(), a.name(lang).to_owned()))
        .collect()
}

pub(crate) fn verification_options(lang: Lang) -> Vec<(String, String)> {
    Verification::ALL
        .iter()
        .map(|v| (v.code().to_owned(), v.label(lang).to_owned()))
        .collect()
}

/// The event-type select: one group of options per kind, labels in `lang`.
pub(crate) fn type_select(
    c: &Control,
    name: &str,
    lang: Lang,
    empty: &str,
    selected: &str,
) -> Markup {
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
