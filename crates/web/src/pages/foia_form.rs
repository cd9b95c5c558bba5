//! The FOIA request form: GET /foia/new, POST /foia, GET /foia/{id}/edit,
//! POST /foia/{id}. It maps field by field onto `FoiaRequestParts`, so that
//! nothing a request holds is lost by editing it; `testimonio_app::foia`
//! files or updates the request, and its refusals are shown next to their
//! fields in the user's language (`render`).

use std::collections::BTreeMap;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use maud::Markup;
use testimonio_app::foia::{self as uc, Saved};
use testimonio_foia::{
    AppealParts, CommunicationParts, DecisionParts, FieldError, FoiaRequest, FoiaRequestParts,
    Problem, TollingParts,
};
use testimonio_i18n::tr;

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{Lang, t};
use crate::state::AppState;

use super::forms::*;

use super::foia::*;

mod render;

pub(crate) use render::form_page;

/// The form's single fields: (name, label key). The names of the groups
/// of rows (`tolling`, `communications`) are here too, for their messages.
pub(crate) const FIELDS: [(&str, &str); 30] = [
    ("id", "foia-id"),
    ("agency", "foia-agency"),
    ("component", "foia-component"),
    ("subject", "foia-subject"),
    ("tracking_number", "foia-tracking-number"),
    ("status", "foia-status"),
    ("requester", "foia-requester"),
    ("request_text", "foia-request-text"),
    ("date_sent", "foia-date-sent"),
    ("date_received", "foia-date-received"),
    ("date_perfected", "foia-date-perfected"),
    ("expedited_requested", "foia-expedited-requested"),
    ("expedited_outcome", "foia-expedited-outcome"),
    ("expedited_date", "foia-expedited-date"),
    ("fee_category", "foia-fee-category"),
    ("fee_waiver_requested", "foia-fee-waiver-requested"),
    ("fee_waiver_outcome", "foia-fee-waiver-outcome"),
    ("fee_waiver_date", "foia-fee-waiver-date"),
    ("unusual_circumstances", "foia-unusual-circumstances"),
    ("extension_notified", "foia-extension-notified"),
    ("determination_outcome", "foia-determination"),
    ("determination_date", "foia-determination-date"),
    ("appeal_filed", "foia-appeal-filed"),
    ("appeal_received", "foia-appeal-received"),
    ("appeal_decided", "foia-appeal-decided"),
    (
        "appeal_unusual_circumstances",
        "foia-appeal-unusual-circumstances",
    ),
    (
        "appeal_extension_notified",
        "foia-appeal-extension-notified",
    ),
    ("appeal_window_days", "foia-appeal-window-days"),
    ("tolling", "foia-tolling"),
    ("communications", "foia-communications"),
];

pub(crate) fn label(lang: Lang, name: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, key)| t(lang, key))
}

pub(crate) fn static_name(name: &str) -> Option<&'static str> {
    FIELDS.iter().map(|(n, _)| *n).find(|n| *n == name)
}

/// One tolling period as typed.
#[derive(Clone, Default)]
pub(crate) struct TollingRow {
    kind: String,
    from: String,
    to: String,
}

/// One communication as typed.
#[derive(Clone, Default)]
pub(crate) struct CommunicationRow {
    date: String,
    direction: String,
    summary: String,
}

/// The form as submitted, or as filled from a stored request. No `Debug`:
/// the request text, the requester and the summaries are sensitive.
#[derive(Clone, Default)]
pub struct FoiaForm {
    values: BTreeMap<&'static str, String>,
    /// The rows that are not blank, in the order given.
    tolling: Vec<TollingRow>,
    communications: Vec<CommunicationRow>,
    /// More rows than [`MAX_ROWS`] were sent.
    too_many: bool,
}

/// `tolling_3_from` → `(3, "from")`.
pub(crate) fn row_key<'a>(key: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let rest = key.strip_prefix(prefix)?;
    let (index, sub) = rest.split_once('_')?;
    Some((index.parse().ok()?, sub))
}

pub(crate) fn optional(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

pub(crate) fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl FoiaForm {
    fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    fn checked(&self, name: &str) -> bool {
        is_checked(self.get(name))
    }

    fn set(&mut self, name: &'static str, value: impl Into<String>) {
        self.values.insert(name, value.into());
    }

    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut form = FoiaForm::default();
        let mut tolling: BTreeMap<usize, TollingRow> = BTreeMap::new();
        let mut communications: BTreeMap<usize, CommunicationRow> = BTreeMap::new();
        for (key, value) in pairs {
            if let Some(name) = static_name(&key) {
                form.values.insert(name, value);
            } else if let Some((i, sub)) = row_key(&key, "tolling_") {
                let row = tolling.entry(i).or_default();
                match sub {
                    "kind" => row.kind = value,
                    "from" => row.from = value,
                    "to" => row.to = value,
                    _ => {}
                }
            } else if let Some((i, sub)) = row_key(&key, "communication_") {
                let row = communications.entry(i).or_default();
                match sub {
                    "date" => row.date = value,
                    "direction" => row.direction = value,
                    "summary" => row.summary = value,
                    _ => {}
                }
            }
        }
        form.tolling = tolling
            .into_values()
            .filter(|r| {
                ![&r.kind, &r.from, &r.to]
                    .iter()
                    .all(|v| v.trim().is_empty())
            })
            .collect();
        form.communications = communications
            .into_values()
            .filter(|r| {
                ![&r.date, &r.direction, &r.summary]
                    .iter()
                    .all(|v| v.trim().is_empty())
            })
            .collect();
        form.too_many = form.tolling.len() > MAX_ROWS || form.communications.len() > MAX_ROWS;
        form
    }

    /// The form filled from a stored request: every field it holds.
    fn from_request(r: &FoiaRequest) -> Self {
        let p = r.to_parts();
        let mut f = FoiaForm::default();
        let flag = |b: bool| if b { "1" } else { "" };
        f.set("id", p.id);
        f.set("agency", p.agency);
        f.set("component", p.component.unwrap_or_default());
        f.set("subject", p.subject);
        f.set("request_text", p.request_text.unwrap_or_default());
        f.set("requester", p.requester.unwrap_or_default());
        f.set("tracking_number", p.tracking_number.unwrap_or_default());
        f.set("status", p.status.unwrap_or_default());
        f.set("date_sent", p.date_sent.unwrap_or_default());
        f.set("date_received", p.date_received.unwrap_or_default());
        f.set("date_perfected", p.date_perfected.unwrap_or_default());
        f.set("expedited_requested", flag(p.expedited_requested));
        if let Some(d) = p.expedited_decision {
            f.set("expedited_outcome", d.outcome);
            f.set("expedited_date", d.date);
        }
        f.set("fee_category", p.fee_category.unwrap_or_default());
        f.set("fee_waiver_requested", flag(p.fee_waiver_requested));
        if let Some(d) = p.fee_waiver_decision {
            f.set("fee_waiver_outcome", d.outcome);
            f.set("fee_waiver_date", d.date);
        }
        f.set("unusual_circumstances", flag(p.unusual_circumstances));
        f.set(
            "extension_notified",
            p.extension_notified.unwrap_or_default(),
        );
        if let Some(d) = p.determination {
            f.set("determination_outcome", d.outcome);
            f.set("determination_date", d.date);
        }
        if let Some(a) = p.appeal {
            f.set("appeal_filed", a.filed);
            f.set("appeal_received", a.received.unwrap_or_default());
            f.set("appeal_decided", a.decided.unwrap_or_default());
            f.set(
                "appeal_unusual_circumstances",
                flag(a.unusual_circumstances),
            );
            f.set(
                "appeal_extension_notified",
                a.extension_notified.unwrap_or_default(),
            );
        }
        f.set(
            "appeal_window_days",
            p.appeal_window_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
        );
        f.tolling = r
            .tolling()
            .iter()
            .map(|t| TollingRow {
                kind: t.kind.code().to_owned(),
                from: day_text(t.from),
                to: t.to.map(day_text).unwrap_or_default(),
            })
            .collect();
        f.communications = r
            .communications()
            .iter()
            .map(|m| CommunicationRow {
                date: day_text(m.date),
                direction: m.direction.code().to_owned(),
                summary: m.summary.expose().to_owned(),
            })
            .collect();
        f
    }

    /// A decision when either of its fields is filled.
    fn decision(&self, outcome: &str, date: &str) -> Option<DecisionParts> {
        let (o, d) = (self.get(outcome).trim(), self.get(date).trim());
        (!o.is_empty() || !d.is_empty()).then(|| DecisionParts {
            outcome: o.to_owned(),
            date: d.to_owned(),
        })
    }

    /// The parts for `FoiaRequest::new`, and the problems found before
    /// (a number of days that is not a number).
    fn to_parts(&self, lang: Lang, id: &str) -> (FoiaRequestParts, Vec<(&'static str, String)>) {
        let mut problems = Vec::new();
        let opt = |name: &str| optional(self.get(name));
        let appeal_fields = [
            "appeal_filed",
            "appeal_received",
            "appeal_decided",
            "appeal_extension_notified",
        ];
        let appeal = (appeal_fields.iter().any(|n| !self.get(n).trim().is_empty())
            || self.checked("appeal_unusual_circumstances"))
        .then(|| AppealParts {
            filed: self.get("appeal_filed").trim().to_owned(),
            received: opt("appeal_received"),
            decided: opt("appeal_decided"),
            unusual_circumstances: self.checked("appeal_unusual_circumstances"),
            extension_notified: opt("appeal_extension_notified"),
        });
        let appeal_window_days = match self.get("appeal_window_days").trim() {
            "" => None,
            days => match days.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    problems.push((
                        "appeal_window_days",
                        t(lang, "foia-not-a-number").to_owned(),
                    ));
                    None
                }
            },
        };
        if self.too_many {
            problems.push(("", t(lang, "foia-too-many-rows").to_owned()));
        }
        let parts = FoiaRequestParts {
            id: id.to_owned(),
            agency: self.get("agency").trim().to_owned(),
            component: opt("component"),
            subject: self.get("subject").trim().to_owned(),
            request_text: optional(&self.get("request_text").replace("\r\n", "\n")),
            requester: opt("requester"),
            tracking_number: opt("tracking_number"),
            status: opt("status"),
            date_sent: opt("date_sent"),
            date_received: opt("date_received"),
            date_perfected: opt("date_perfected"),
            expedited_requested: self.checked("expedited_requested"),
            expedited_decision: self.decision("expedited_outcome", "expedited_date"),
            fee_category: opt("fee_category"),
            fee_waiver_requested: self.checked("fee_waiver_requested"),
            fee_waiver_decision: self.decision("fee_waiver_outcome", "fee_waiver_date"),
            tolling: self
                .tolling
                .iter()
                .take(MAX_ROWS)
                .map(|r| TollingParts {
                    kind: r.kind.trim().to_owned(),
                    from: r.from.trim().to_owned(),
                    to: optional(&r.to),
                })
                .collect(),
            unusual_circumstances: self.checked("unusual_circumstances"),
            extension_notified: opt("extension_notified"),
            determination: self.decision("determination_outcome", "determination_date"),
            appeal,
            appeal_window_days,
            communications: self
                .communications
                .iter()
                .take(MAX_ROWS)
                .map(|r| CommunicationParts {
                    date: r.date.trim().to_owned(),
                    direction: r.direction.trim().to_owned(),
                    summary: r.summary.replace("\r\n", "\n").trim().to_owned(),
                })
                .collect(),
        };
        (parts, problems)
    }
}

/// Where an error of `FoiaRequest::new` goes in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// A single field (`""`: the summary only).
    Field(&'static str),
    /// A field of a row: `tolling` or `communications`, the row, the
    /// field (`kind`, `from`, `to`; `date`, `direction`, `summary`).
    Row(&'static str, usize, &'static str),
}

/// `tolling[2].to` → `(2, "to")`; `tolling[2]` → `(2, "")`.
pub(crate) fn row_path(field: &str, prefix: &str) -> Option<(usize, String)> {
    let rest = field.strip_prefix(prefix)?.strip_prefix('[')?;
    let (index, rest) = rest.split_once(']')?;
    Some((index.parse().ok()?, rest.trim_start_matches('.').to_owned()))
}

/// The place in the form of a field of `FoiaRequestParts`.
pub(crate) fn place_of(field: &str) -> Place {
    if let Some((i, sub)) = row_path(field, "tolling") {
        let sub = match sub.as_str() {
            "kind" => "kind",
            "to" => "to",
            _ => "from",
        };
        return Place::Row("tolling", i, sub);
    }
    if let Some((i, sub)) = row_path(field, "communications") {
        let sub = match sub.as_str() {
            "direction" => "direction",
            "summary" => "summary",
            _ => "date",
        };
        return Place::Row("communications", i, sub);
    }
    let name = match field {
        "expedited_decision" | "expedited_decision.outcome" => "expedited_outcome",
        "expedited_decision.date" => "expedited_date",
        "fee_waiver_decision" | "fee_waiver_decision.outcome" => "fee_waiver_outcome",
        "fee_waiver_decision.date" => "fee_waiver_date",
        "determination" | "determination.outcome" => "determination_outcome",
        "determination.date" => "determination_date",
        other => return Place::Field(static_name(&other.replace('.', "_")).unwrap_or("")),
    };
    Place::Field(name)
}

/// "Period 2" / "Communication 3".
pub(crate) fn row_title(lang: Lang, group: &str, index: usize) -> String {
    if group == "tolling" {
        tr!(lang, "foia-period", number = index + 1)
    } else {
        tr!(lang, "foia-communication", number = index + 1)
    }
}

pub(crate) fn row_field_label(lang: Lang, sub: &str) -> &'static str {
    match sub {
        "kind" => t(lang, "foia-tolling-kind"),
        "from" => t(lang, "foia-from"),
        "to" => t(lang, "foia-to"),
        "date" => t(lang, "foia-comm-date"),
        "direction" => t(lang, "foia-direction"),
        _ => t(lang, "foia-summary"),
    }
}

/// What another field is called in a message: its label (the message
/// quotes it as the language does).
pub(crate) fn other_label(lang: Lang, other: &str) -> String {
    match place_of(other) {
        Place::Row(group, i, _) => row_title(lang, group, i),
        Place::Field("") => other.to_owned(),
        Place::Field(name) => label(lang, name).to_owned(),
    }
}

/// The reason of an error in `lang`, naming other fields by their labels
/// rather than by their names in the data.
pub(crate) fn reason(lang: Lang, problem: &Problem) -> String {
    match problem {
        Problem::Before { other } => {
            tr!(lang, "foia-is-before", other = other_label(lang, other))
        }
        Problem::Requires { other } => {
            tr!(lang, "foia-requires", other = other_label(lang, other))
        }
        Problem::Overlaps { other } => {
            tr!(lang, "foia-overlaps", other = other_label(lang, other))
        }
        p => p.message(lang),
    }
}

/// The messages of a refused form: per field (with the summary) and per
/// row field.
#[derive(Default)]
pub(crate) struct Messages {
    form: FormErrors,
    rows: Vec<(&'static str, usize, &'static str, String)>,
}

impl Messages {
    fn add(&mut self, lang: Lang, error: &FieldError) {
        let text = reason(lang, &error.problem);
        match place_of(&error.field) {
            Place::Field(name) => self.form.add(name, label(lang, name), text),
            Place::Row(group, i, sub) => {
                self.form.add(
                    group,
                    label(lang, group),
                    tr!(
                        lang,
                        "foia-row-problem",
                        row = row_title(lang, group, i),
                        field = row_field_label(lang, sub).to_lowercase(),
                        reason = text.as_str()
                    ),
                );
                self.rows.push((group, i, sub, text));
            }
        }
    }

    fn row(&self, group: &str, i: usize, sub: &str) -> Vec<&str> {
        self.rows
            .iter()
            .filter(|(g, r, s, _)| *g == group && *r == i && *s == sub)
            .map(|(_, _, _, m)| m.as_str())
            .collect()
    }
}

/// Whether the form records a new request or updates one.
#[derive(Debug, Clone)]
pub(crate) enum Mode {
    New,
    Edit(testimonio_domain::RecordId),
}

pub async fn new_form(viewer: Viewer) -> Markup {
    form_page(
        &viewer,
        &Mode::New,
        &FoiaForm::default(),
        &Messages::default(),
    )
}

pub async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let lookup = id.clone();
    let request = state
        .with_vault(&viewer.actor(), move |v| Ok(uc::find(v, lookup.as_str())))
        .await?;
    let request = match request {
        Ok(request) => request,
        Err(err @ testimonio_app::AppError::NotFound { .. }) => {
            return Ok(not_found_page(&viewer, &err));
        }
        Err(err) => return Err(err.into()),
    };
    let form = FoiaForm::from_request(&request);
    Ok(form_page(&viewer, &Mode::Edit(id), &form, &Messages::default()).into_response())
}

pub async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    save(state, viewer, Mode::New, FoiaForm::from_pairs(pairs)).await
}

pub async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    save(state, viewer, Mode::Edit(id), FoiaForm::from_pairs(pairs)).await
}

pub(crate) async fn save(
    state: AppState,
    viewer: Viewer,
    mode: Mode,
    form: FoiaForm,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let id = match &mode {
        Mode::Edit(id) => id.to_string(),
        Mode::New if form.get("id").trim().is_empty() => uc::new_request_id(),
        Mode::New => form.get("id").trim().to_owned(),
    };
    let (parts, problems) = form.to_parts(lang, &id);
    let mut messages = Messages::default();
    for (name, text) in problems {
        messages.form.add(name, label(lang, name), text);
    }
    let checked = messages.form.is_empty();
    let editing = match &mode {
        Mode::Edit(id) => Some(id.clone()),
        Mode::New => None,
    };
    let actor = viewer.app_actor()?;
    let saved = state
        .with_vault(&viewer.actor(), move |v| {
            let today = today();
            if !checked {
                // Refused by the form already: only the parts' own
                // messages, once the request is known to exist.
                if let Some(id) = &editing {
                    uc::find(v, id.as_str())?;
                }
                return Ok(Saved::Refused(
                    uc::validate(parts, today).err().unwrap_or_default(),
                ));
            }
            Ok(match &editing {
                Some(id) => uc::update(v, &actor, id.as_str(), today, |p| *p = parts)?,
                None => uc::file(v, &actor, parts, today)?,
            })
        })
        .await?;
    match saved {
        Saved::Stored(..) => {
            return Ok((
                [(header::SET_COOKIE, flash_saved(&state))],
                Redirect::to(&format!("/foia/{id}")),
            )
                .into_response());
        }
        Saved::Refused(errors) => {
            for e in &errors {
                messages.add(lang, e);
            }
        }
    }
    let path = match &mode {
        Mode::New => "/foia/new".to_owned(),
        Mode::Edit(id) => format!("/foia/{id}/edit"),
    };
    let viewer = viewer_at(&viewer, path);
    Ok((
        StatusCode::BAD_REQUEST,
        form_page(&viewer, &mode, &form, &messages),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn errors_of_the_parts_land_on_their_form_fields() {
        assert_eq!(place_of("agency"), Place::Field("agency"));
        assert_eq!(place_of("appeal.filed"), Place::Field("appeal_filed"));
        assert_eq!(
            place_of("appeal.extension_notified"),
            Place::Field("appeal_extension_notified")
        );
        assert_eq!(
            place_of("expedited_decision"),
            Place::Field("expedited_outcome")
        );
        assert_eq!(
            place_of("determination.date"),
            Place::Field("determination_date")
        );
        assert_eq!(place_of("tolling[2].to"), Place::Row("tolling", 2, "to"));
        assert_eq!(place_of("tolling[1]"), Place::Row("tolling", 1, "from"));
        assert_eq!(
            place_of("communications[0].summary"),
            Place::Row("communications", 0, "summary")
        );
        assert_eq!(place_of("requester_name"), Place::Field(""));
    }

    #[test]
    fn a_form_becomes_parts_with_rows_and_decisions() {
        let form = FoiaForm::from_pairs(pairs(&[
            ("csrf", "x"),
            ("agency", "ice"),
            ("subject", " Detainers "),
            ("date_received", "2025-03-03"),
            ("determination_outcome", "denied"),
            ("determination_date", "2025-04-01"),
            ("appeal_filed", "2025-04-10"),
            ("appeal_window_days", "120"),
            ("tolling_0_kind", "clarification"),
            ("tolling_0_from", "2025-03-10"),
            ("tolling_0_to", ""),
            ("tolling_1_kind", ""),
            ("tolling_1_from", ""),
            ("communication_5_date", "2025-03-04"),
            ("communication_5_direction", "in"),
            ("communication_5_summary", "Acknowledgment\r\nletter"),
            ("communication_6_direction", ""),
        ]));
        let (parts, problems) = form.to_parts(Lang::En, "foia-1");
        assert!(problems.is_empty());
        assert_eq!(parts.subject, "Detainers");
        assert_eq!(parts.tolling.len(), 1);
        assert_eq!(parts.tolling[0].to, None);
        assert_eq!(parts.communications.len(), 1);
        assert_eq!(parts.communications[0].summary, "Acknowledgment\nletter");
        assert_eq!(parts.appeal.as_ref().unwrap().filed, "2025-04-10");
        assert_eq!(parts.appeal_window_days, Some(120));
        assert!(parts.expedited_decision.is_none());
        assert!(parts.extension_notified.is_none());
        let request = FoiaRequest::new(parts, d(2026, 1, 1)).unwrap();
        // And back: the stored request fills the form with everything.
        let again = FoiaForm::from_request(&request);
        let (parts, _) = again.to_parts(Lang::En, "foia-1");
        assert_eq!(FoiaRequest::new(parts, d(2026, 1, 1)).unwrap(), request);
    }

    #[test]
    fn messages_name_other_fields_by_their_labels() {
        let form = FoiaForm::from_pairs(pairs(&[
            ("agency", "ice"),
            ("subject", "Records"),
            ("date_sent", "2025-03-10"),
            ("date_received", "2025-03-07"),
            ("tolling_0_kind", "clarification"),
            ("tolling_0_from", "2025-03-20"),
            ("tolling_0_to", "2025-03-12"),
            ("appeal_window_days", "ninety"),
        ]));
        let (parts, problems) = form.to_parts(Lang::Es, "foia-1");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].0, "appeal_window_days");
        let errors = FoiaRequest::new(parts, d(2026, 1, 1)).unwrap_err();
        let mut m = Messages::default();
        for e in &errors {
            m.add(Lang::Es, e);
        }
        assert_eq!(
            m.form.messages("date_received"),
            ["es anterior a «Enviada el»"]
        );
        assert_eq!(m.row("tolling", 0, "to"), ["termina antes de empezar"]);
        assert!(m.form.messages("tolling")[0].starts_with("Periodo 1, hasta: "));
    }

    #[test]
    fn days_are_formatted_per_language() {
        assert_eq!(format_day(Lang::En, d(2025, 1, 22)), "22 January 2025");
        assert_eq!(format_day(Lang::Es, d(2025, 1, 22)), "22 de enero de 2025");
        assert_eq!(days_text(Lang::Es, 1), "1 día");
        assert_eq!(days_text(Lang::En, -3), "3 days");
    }

    #[test]
    fn days_left_agree_in_number() {
        assert_eq!(
            tr!(Lang::Es, "foia-days-left", count = 1),
            "Próximo, falta 1 día"
        );
        assert_eq!(
            tr!(Lang::Es, "foia-days-left", count = 3),
            "Próximo, faltan 3 días"
        );
        assert_eq!(
            tr!(Lang::En, "foia-days-left", count = 1),
            "Upcoming, 1 day left"
        );
        assert_eq!(count_text(Lang::Es, 1, 1), "1 solicitud");
        assert_eq!(count_text(Lang::Es, 2, 5), "2 solicitudes de 5");
    }
}
