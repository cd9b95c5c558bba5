//! The pattern analysis as a page, and the pattern report as a download.
//!
//! `GET /analysis` shows, for one audience, the figures `testimonio
//! analyze` prints: who is counted, how soon enforcement followed
//! protected activity (shares within 30, 90 and 180 days, with counts and
//! denominators), the test against chance, how spread out and how
//! concentrated it is, with the report's charts and tile map (drawn by
//! `testimonio_report::chart`, written as SVG by `testimonio_report::svg`:
//! presentation attributes only, no `style`, so the CSP holds) and tables
//! by state, field office and type. Everything comes from the same
//! [`Findings`] a report is made of, so consent filtering and suppression
//! are the report's own: a suppressed count is the word "suppressed",
//! never a number, on the page as in the report. Findings carry no
//! identity field, no record id shown here and no case vignette.
//!
//! # Who sees which audience
//!
//! Every logged-in role may view every audience, internal included: the
//! internal figures are aggregates of the events every role already reads
//! one by one under pseudonyms (`/events`: date, type, state, field office,
//! people by pseudonym), with no identity field, so refusing them to
//! analysts and viewers would protect nothing and stop the analysts doing
//! their work. What differs is the default: administrators and
//! coordinators, who decide what leaves the group, land on the internal
//! figures; everyone else lands on the coalition's, so that what a person
//! who does not decide on disclosure sees (and might copy) by default is
//! what may be shared with the coalition. The internal view says plainly
//! that it must not be shared.
//!
//! `POST /analysis/report` (roles that write records, as the route table
//! says) makes the report as `testimonio report` does — the same findings
//! with case vignettes, rendered as PDF or HTML in English or Spanish —
//! records the export in the audit log, and only then sends the file, as
//! an attachment that is never cached.
//!
//! Findings are computed off the async threads and kept between requests
//! (`findings_cache.rs`): the permutation test runs again only after the
//! records changed.

mod pieces;
mod report;

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use testimonio_app::reports::{self, Records};
use testimonio_domain::{Audience, Lang, PartialDate, Role};
use testimonio_i18n::tr;
use testimonio_report::{Findings, FindingsOptions};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::findings_cache::{FindingsKey, Lookup};
use crate::i18n::{format_date, t};
use crate::layout::page;
use crate::pages::forms::{FormErrors, error_summary, field, input, select, viewer_at};
use crate::state::AppState;
use pieces::{audience_notice, chance, geography, headline, over_time, timing};
pub use report::download;
use report::{ReportRaw, report_form};

/// Permutations of the test against chance (the command line's default).
const PERMUTATIONS: u32 = 10_000;
/// Its seed (the command line's default: the same seed, the same p-value).
const SEED: u64 = 0;
/// Counts of fewer people than this are suppressed unless asked otherwise
/// (the analysis crate's default).
pub const DEFAULT_MIN_COUNT: u64 = 5;
/// The largest threshold accepted (anything above hides nearly all).
const MAX_MIN_COUNT: u64 = 1000;
/// Case vignettes in a report, at most (the command line's default).
const REPORT_CASES: usize = 40;
/// Width of the charts in points: the report's text width.
const CHART_WIDTH: f32 = 468.0;

/// The day consent is read on, as the command line reads it.
fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

fn audience_code(a: Audience) -> &'static str {
    match a {
        Audience::Internal => "internal",
        Audience::Coalition => "coalition",
        Audience::Public => "public",
    }
}

fn parse_audience(code: &str) -> Option<Audience> {
    [Audience::Internal, Audience::Coalition, Audience::Public]
        .into_iter()
        .find(|a| audience_code(*a) == code)
}

/// The audience shown when none is asked for (see the module's comment).
pub fn default_audience(role: Role) -> Audience {
    if role.sees_all_identities() {
        Audience::Internal
    } else {
        Audience::Coalition
    }
}

fn audience_options(lang: Lang) -> Vec<(String, String)> {
    [
        (Audience::Internal, "analysis-audience-internal"),
        (Audience::Coalition, "analysis-audience-coalition"),
        (Audience::Public, "analysis-audience-public"),
    ]
    .into_iter()
    .map(|(a, key)| (audience_code(a).to_owned(), t(lang, key).to_owned()))
    .collect()
}

/// The figures asked for. Internal figures suppress nothing, so their
/// threshold is always the default (one cache entry, whatever was typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Choice {
    audience: Audience,
    min_count: u64,
}

/// The form's values as given.
#[derive(Debug, Clone, Default)]
struct RawChoice {
    audience: String,
    min_count: String,
}

impl RawChoice {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim().to_owned())
                .unwrap_or_default()
        };
        Self {
            audience: get("audience"),
            min_count: get("min_count"),
        }
    }
}

/// The choice, or the messages about it. An empty audience is the role's
/// default; an empty threshold is the default threshold.
fn parse_choice(lang: Lang, role: Role, raw: &RawChoice) -> Result<Choice, FormErrors> {
    let mut errors = FormErrors::default();
    let audience = if raw.audience.is_empty() {
        Some(default_audience(role))
    } else {
        let a = parse_audience(&raw.audience);
        if a.is_none() {
            errors.add(
                "audience",
                t(lang, "analysis-audience"),
                t(lang, "analysis-audience-invalid").to_owned(),
            );
        }
        a
    };
    let min_count = if raw.min_count.is_empty() {
        Some(DEFAULT_MIN_COUNT)
    } else {
        let n = raw
            .min_count
            .parse::<u64>()
            .ok()
            .filter(|n| (2..=MAX_MIN_COUNT).contains(n));
        if n.is_none() {
            errors.add(
                "min_count",
                t(lang, "analysis-min-count"),
                t(lang, "analysis-min-count-invalid").to_owned(),
            );
        }
        n
    };
    match (audience, min_count) {
        (Some(audience), Some(min_count)) if errors.is_empty() => Ok(Choice {
            audience,
            min_count: if audience == Audience::Internal {
                DEFAULT_MIN_COUNT
            } else {
                min_count
            },
        }),
        _ => Err(errors),
    }
}

fn options(
    audience: Audience,
    min_count: u64,
    as_of: chrono::NaiveDate,
    vignettes: usize,
) -> FindingsOptions {
    FindingsOptions {
        audience,
        min_count,
        as_of,
        permutations: PERMUTATIONS,
        seed: SEED,
        vignettes,
        threads: None,
    }
}

/// Computes findings off the async threads.
async fn compute(records: Records, options: FindingsOptions) -> Result<Findings, AppError> {
    tokio::task::spawn_blocking(move || Ok(records.findings(&options)?))
        .await
        .map_err(|e| AppError::internal(&e))?
}

/// The findings for `choice` today: from the cache when the records have
/// not changed since, else computed (one computation at a time).
async fn findings(
    state: &AppState,
    viewer: &Viewer,
    choice: Choice,
) -> Result<Arc<Findings>, AppError> {
    let key = FindingsKey {
        audience: choice.audience,
        min_count: choice.min_count,
        as_of: today(),
    };
    let cache_state = state.clone();
    let first = state
        .with_vault(&viewer.actor(), move |v| {
            Ok(cache_state.findings_cache().lookup(v, key)?)
        })
        .await?;
    if let Lookup::Hit(f) = first {
        return Ok(f);
    }
    let _permit = state
        .findings_cache()
        .permit()
        .await
        .map_err(|e| AppError::internal(&e))?;
    // Whoever held the permit may have just computed these very figures
    // (then `Err` carries them), else the records are read (`Ok`).
    let cache_state = state.clone();
    let actor = viewer.app_actor()?;
    let loaded = state
        .with_vault(&viewer.actor(), move |v| {
            match cache_state.findings_cache().lookup(v, key)? {
                Lookup::Hit(f) => Ok(Err(f)),
                Lookup::Miss { head } => Ok(Ok((head, reports::load(v, &actor)?))),
            }
        })
        .await?;
    let (head, records) = match loaded {
        Err(f) => return Ok(f),
        Ok(loaded) => loaded,
    };
    let mut f = compute(records, options(key.audience, key.min_count, key.as_of, 0)).await?;
    // The page never shows the internal detail (every pair, per-person
    // indicators): not kept in memory.
    f.detail = None;
    let f = Arc::new(f);
    state.findings_cache().insert(key, head, Arc::clone(&f));
    Ok(f)
}

/// The choice of audience and threshold (GET, so a view can be linked).
fn choice_form(
    viewer: &Viewer,
    raw: &RawChoice,
    choice: Option<Choice>,
    errors: &FormErrors,
) -> Markup {
    let lang = viewer.lang;
    // The figures shown, or what was typed when it was refused.
    let audience = choice.map_or_else(
        || raw.audience.clone(),
        |c| audience_code(c.audience).to_owned(),
    );
    let min_count = choice.map_or_else(|| raw.min_count.clone(), |c| c.min_count.to_string());
    html! {
        (error_summary(viewer, errors))
        form.filters.analysis-choice method="get" action="/analysis" {
            (field(errors, "audience", viewer.t("analysis-audience"), None, |c| select(c, "audience", None, &audience_options(lang), &audience)))
            (field(errors, "min_count", viewer.t("analysis-min-count"), Some(viewer.t("analysis-min-count-hint")), |c| input(c, "min_count", "number", &min_count)))
            div.field.buttons {
                button type="submit" { (viewer.t("analysis-show")) }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// GET /analysis

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let role = viewer.user()?.role;
    let raw = RawChoice::from_pairs(&pairs);
    let title = viewer.t("analysis-title");
    let choice = match parse_choice(lang, role, &raw) {
        Ok(c) => c,
        Err(errors) => {
            let body = html! {
                h1 { (title) }
                (choice_form(&viewer, &raw, None, &errors))
            };
            return Ok((StatusCode::BAD_REQUEST, page(&viewer, title, body)).into_response());
        }
    };
    let f = findings(&state, &viewer, choice).await?;
    // The language switch comes back to the same figures (the query is
    // rebuilt from the parsed choice, never copied from the request).
    let viewer = if pairs.is_empty() {
        viewer
    } else {
        viewer_at(
            &viewer,
            format!(
                "/analysis?audience={}&min_count={}",
                audience_code(choice.audience),
                choice.min_count
            ),
        )
    };
    let as_of = PartialDate::from_day("as_of", f.as_of)
        .map_or_else(|_| f.as_of.to_string(), |d| format_date(lang, &d));
    let body = html! {
        h1 { (title) }
        p.hint { (viewer.t("analysis-intro")) }
        (choice_form(&viewer, &raw, Some(choice), &FormErrors::default()))
        (audience_notice(lang, &f))
        p.as-of { (tr!(lang, "analysis-as-of", date = as_of)) }
        (headline(lang, &f))
        (timing(lang, &f))
        (chance(lang, &f))
        (geography(lang, &f))
        (over_time(lang, &f))
        @if f.audience != Audience::Internal {
            p.hint { (viewer.t("analysis-suppressed-note")) }
        }
        (report_form(&viewer, choice, &ReportRaw::default(), &FormErrors::default()))
    };
    Ok((StatusCode::OK, page(&viewer, title, body)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_read_and_checked() {
        let raw = |a: &str, k: &str| RawChoice {
            audience: a.into(),
            min_count: k.into(),
        };
        let c = parse_choice(Lang::En, Role::Coordinator, &raw("", "")).unwrap();
        assert_eq!(c.audience, Audience::Internal);
        let c = parse_choice(Lang::En, Role::Analyst, &raw("", "")).unwrap();
        assert_eq!(
            c,
            Choice {
                audience: Audience::Coalition,
                min_count: 5
            }
        );
        let c = parse_choice(Lang::En, Role::Viewer, &raw("public", "11")).unwrap();
        assert_eq!(c.min_count, 11);
        // Internal figures suppress nothing: one threshold for all.
        let c = parse_choice(Lang::En, Role::Viewer, &raw("internal", "9")).unwrap();
        assert_eq!(c.min_count, DEFAULT_MIN_COUNT);
        for (a, k, field) in [
            ("everyone", "5", "audience"),
            ("public", "1", "min_count"),
            ("public", "0", "min_count"),
            ("coalition", "-3", "min_count"),
            ("coalition", "2.5", "min_count"),
            ("coalition", "1001", "min_count"),
        ] {
            let errors = parse_choice(Lang::Es, Role::Admin, &raw(a, k)).unwrap_err();
            assert_eq!(errors.iter().next().unwrap().field, field, "{a} {k}");
        }
    }
}
