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

use std::sync::Arc;

use axum::extract::{Form, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use testimonio_analysis::Cell;
use testimonio_app::reports::{self, Records, compose_report};
use testimonio_domain::{Audience, Lang, PartialDate, Role, UsState};
use testimonio_report::chart::{BarChart, Drawing, TileMap, bar_chart, tile_map};
use testimonio_report::compose::{office_label, state_label, type_label};
use testimonio_report::findings::{ChanceTest, Concentration, CountList, INTERVALS};
use testimonio_report::{Findings, FindingsOptions, Format, fmt, svg};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::findings_cache::{FindingsKey, Lookup};
use crate::i18n::{format_date, format_number, t};
use crate::layout::{csrf_field, page, raw as pre_escaped};
use crate::pages::forms::{FormErrors, error_summary, field, input, select, viewer_at};
use crate::state::AppState;

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

// ---------------------------------------------------------------------------
// Pieces of the page

/// A count of people or pairs: the number (in a `data` element carrying
/// it, for tests and machines), or the word for a suppressed one.
fn count(lang: Lang, c: Cell) -> Markup {
    match c {
        Cell::Shown(n) => html! { data.tally value=(n) { (format_number(lang, n)) } },
        Cell::Suppressed => html! { span.suppressed { (t(lang, "analysis-suppressed")) } },
    }
}

fn count_cell(lang: Lang, c: Cell) -> Markup {
    html! { td.num.suppressed[c.is_suppressed()] { (count(lang, c)) } }
}

fn share_text(lang: Lang, share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_owned(), |s| fmt::percent(lang, s))
}

fn days_text(lang: Lang, n: u64) -> String {
    let unit = if n == 1 {
        t(lang, "analysis-day")
    } else {
        t(lang, "analysis-days")
    };
    format!("{} {unit}", format_number(lang, n))
}

fn within_text(lang: Lang, days: u32) -> String {
    format!(
        "{} {}",
        t(lang, "analysis-within"),
        days_text(lang, u64::from(days))
    )
}

/// The label of an interval category: for people (each by their shortest
/// interval) or for pairs.
fn interval_label(lang: Lang, code: &str, people: bool) -> &'static str {
    match code {
        "0_30" => t(lang, "analysis-interval-0-30"),
        "31_90" => t(lang, "analysis-interval-31-90"),
        "91_180" => t(lang, "analysis-interval-91-180"),
        "181_365" => t(lang, "analysis-interval-181-365"),
        "over_365" => t(lang, "analysis-interval-over-365"),
        _ if people => t(lang, "analysis-interval-none-people"),
        _ => t(lang, "analysis-interval-none-pairs"),
    }
}

fn unknown_or(lang: Lang, code: &str, label: impl Fn(&str) -> String) -> String {
    if code == "unknown" {
        t(lang, "analysis-unknown").to_owned()
    } else {
        label(code)
    }
}

/// A drawing of the report crate as inline SVG (presentation attributes
/// only), in a figure with its caption.
fn figure(drawing: &Drawing, id: &str, caption: &str, data: Markup) -> Markup {
    html! {
        figure.chart {
            (pre_escaped(svg::render(drawing, id)))
            figcaption { (caption) }
            (data)
        }
    }
}

/// A table of people by category, known categories by name with
/// "unknown" last — never by count, so that a suppressed count's place in
/// the order gives nothing away — and the total.
fn people_table(
    lang: Lang,
    class: &str,
    caption: &str,
    first: &str,
    list: &CountList,
    label: impl Fn(&str) -> String,
) -> Markup {
    let mut rows: Vec<(String, &str, Cell)> = list
        .entries()
        .map(|(code, c)| (unknown_or(lang, code, &label), code, c))
        .collect();
    rows.sort_by(|a, b| ((a.1 == "unknown"), &a.0).cmp(&((b.1 == "unknown"), &b.0)));
    html! {
        div.scroll {
            table class={ "analysis " (class) } {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (first) }
                    th.num scope="col" { (t(lang, "analysis-people")) }
                } }
                tbody {
                    @if rows.is_empty() {
                        tr { td colspan="2" { (t(lang, "analysis-nobody")) } }
                    }
                    @for (name, code, c) in &rows {
                        tr data-code=(code) {
                            th scope="row" { (name) }
                            (count_cell(lang, *c))
                        }
                    }
                }
                tfoot { tr {
                    th scope="row" { (t(lang, "analysis-total")) }
                    (count_cell(lang, list.total()))
                } }
            }
        }
    }
}

/// The interval categories as a table (the chart's numbers).
fn interval_table(lang: Lang, caption: &str, what: &str, list: &CountList, people: bool) -> Markup {
    html! {
        div.scroll {
            table.analysis.intervals {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (t(lang, "analysis-interval")) }
                    th.num scope="col" { (what) }
                } }
                tbody {
                    @for code in INTERVALS {
                        tr data-code=(code) {
                            th scope="row" { (interval_label(lang, code, people)) }
                            (count_cell(lang, list.get(code)))
                        }
                    }
                }
                tfoot { tr {
                    th scope="row" { (t(lang, "analysis-total")) }
                    (count_cell(lang, list.total()))
                } }
            }
        }
    }
}

fn bar(lang: Lang, description: &str, bars: Vec<(String, Cell)>) -> Drawing {
    bar_chart(&BarChart {
        description: description.to_owned(),
        bars,
        suppressed: t(lang, "analysis-suppressed").to_owned(),
        axis: t(lang, "analysis-axis-people").to_owned(),
        width: CHART_WIDTH,
        format: fmt::counter(lang),
    })
}

fn audience_notice(lang: Lang, f: &Findings) -> Markup {
    match f.audience {
        Audience::Internal => html! {
            p.notice-warn.audience-notice { (t(lang, "analysis-notice-internal")) }
        },
        audience => html! {
            p.audience-notice {
                (t(lang, if audience == Audience::Coalition {
                    "analysis-notice-coalition"
                } else {
                    "analysis-notice-public"
                }))
                " " (t(lang, "analysis-notice-suppressed")) " "
                strong { (format_number(lang, f.min_count)) } " "
                (t(lang, "analysis-notice-suppressed-end"))
            }
        },
    }
}

fn headline(lang: Lang, f: &Findings) -> Markup {
    let p = &f.population;
    let card = |key: &'static str, c: Cell| {
        html! { div.card { span.count { (count(lang, c)) } span.label { (t(lang, key)) } } }
    };
    html! {
        section.cards aria-label=(t(lang, "analysis-who")) {
            (card("analysis-people-counted", p.people))
            (card("analysis-people-targeted", p.people_targeted))
            (card("analysis-enforcement-actions", p.enforcement_actions))
            (card("analysis-protected-activities", p.protected_activities))
        }
    }
}

fn timing(lang: Lang, f: &Findings) -> Markup {
    let own = &f.proximity;
    let group = &f.group_proximity;
    let people_bars: Vec<(String, Cell)> = INTERVALS
        .iter()
        .map(|code| {
            (
                interval_label(lang, code, true).to_owned(),
                f.people_by_interval.get(code),
            )
        })
        .collect();
    let chart = bar(lang, t(lang, "analysis-chart-intervals-desc"), people_bars);
    let quartiles = |p: &testimonio_report::findings::PublishedProximity| match &p.days {
        Some(q) => html! {
            (t(lang, "analysis-median")) " " strong { (days_text(lang, q.median.round() as u64)) }
            " (" (t(lang, "analysis-quartiles")) " " (fmt::decimal(lang, q.q1, 1)) " "
            (t(lang, "analysis-and")) " " (fmt::decimal(lang, q.q3, 1))
            @if let (Some(min), Some(max)) = (q.min, q.max) {
                "; " (t(lang, "analysis-from")) " " (fmt::decimal(lang, min, 0)) " "
                (t(lang, "analysis-to")) " " (fmt::decimal(lang, max, 0))
            }
            ") " (t(lang, "analysis-over")) " " (count(lang, Cell::Shown(q.n))) " "
            (t(lang, "analysis-pairs-with-earlier"))
        },
        None => html! { (t(lang, "analysis-quartiles-withheld")) },
    };
    html! {
        section #timing aria-labelledby="timing-title" {
            h2 #timing-title { (t(lang, "analysis-timing")) }
            @if own.pairs.is_suppressed() {
                p { (t(lang, "analysis-timing-suppressed")) }
            } @else {
                p.hint { (t(lang, "analysis-timing-hint")) }
                section.cards.windows aria-label=(t(lang, "analysis-timing")) {
                    @for w in &own.within {
                        div.card.window {
                            span.count { @match w.share {
                                Some(s) => (fmt::percent(lang, s)),
                                None => (count(lang, w.count)),
                            } }
                            span.label { (within_text(lang, w.days)) }
                            span.detail {
                                (count(lang, w.count)) " " (t(lang, "analysis-of")) " "
                                (count(lang, w.denominator)) " " (t(lang, "analysis-pairs-word"))
                            }
                        }
                    }
                }
            }
            div.scroll {
                table.analysis.windows {
                    caption { (t(lang, "analysis-windows-caption")) }
                    thead { tr {
                        th scope="col" { (t(lang, "analysis-window")) }
                        th.num scope="col" { (t(lang, "analysis-after-own")) }
                        th.num scope="col" { (t(lang, "analysis-share")) }
                        th.num scope="col" { (t(lang, "analysis-after-group")) }
                        th.num scope="col" { (t(lang, "analysis-share")) }
                    } }
                    tbody {
                        @for (o, g) in own.within.iter().zip(&group.within) {
                            tr {
                                th scope="row" { (within_text(lang, o.days)) }
                                (count_cell(lang, o.count))
                                td.num { (share_text(lang, o.share)) }
                                (count_cell(lang, g.count))
                                td.num { (share_text(lang, g.share)) }
                            }
                        }
                    }
                    tfoot { tr {
                        th scope="row" { (t(lang, "analysis-all-pairs")) }
                        (count_cell(lang, own.pairs))
                        td.num { (share_text(lang, (!own.pairs.is_suppressed()).then_some(1.0))) }
                        (count_cell(lang, group.pairs))
                        td.num { (share_text(lang, (!group.pairs.is_suppressed()).then_some(1.0))) }
                    } }
                }
            }
            p.hint { (t(lang, "analysis-group-note")) }
            ul.quartiles {
                li { strong { (t(lang, "analysis-after-own")) } ": " (quartiles(own)) }
                li { strong { (t(lang, "analysis-after-group")) } ": " (quartiles(group)) }
                li { (t(lang, "analysis-imprecise")) ": " (count(lang, own.imprecise)) }
            }
            (figure(&chart, "fig-intervals", t(lang, "analysis-chart-intervals"), html! {
                details.figure-data {
                    summary { (t(lang, "analysis-as-table")) }
                    (interval_table(lang, t(lang, "analysis-chart-intervals"), t(lang, "analysis-people"), &f.people_by_interval, true))
                    (interval_table(lang, t(lang, "analysis-pairs-by-interval"), t(lang, "analysis-pairs"), &own.intervals, false))
                }
            }))
        }
    }
}

fn chance(lang: Lang, f: &Findings) -> Markup {
    html! {
        section #chance aria-labelledby="chance-title" {
            h2 #chance-title { (t(lang, "analysis-chance")) }
            @match &f.chance {
                ChanceTest::Done(r) => {
                    p.p-value {
                        strong { (fmt::p_equation(lang, r.p_value)) }
                        " — " (t(lang, "analysis-permutation-test")) ", "
                        (format_number(lang, u64::from(r.permutations))) " "
                        (t(lang, "analysis-permutations")) ", " (t(lang, "analysis-seed")) " " (r.seed)
                    }
                    p {
                        (t(lang, "analysis-mean-observed")) " " strong { (fmt::decimal(lang, r.observed_mean_days, 1)) }
                        "; " (t(lang, "analysis-mean-chance")) " " (fmt::decimal(lang, r.null_mean_days, 1))
                        " (" (t(lang, "analysis-null-range")) " " (fmt::decimal(lang, r.null_percentile_2_5, 1))
                        " " (t(lang, "analysis-and")) " " (fmt::decimal(lang, r.null_percentile_97_5, 1)) "); "
                        (t(lang, "analysis-capped-at")) " " (days_text(lang, u64::from(r.cap_days))) ". "
                        (t(lang, "analysis-test-over")) " " (count(lang, r.pairs)) " "
                        (t(lang, "analysis-pairs-word")) " " (t(lang, "analysis-of")) " "
                        (count(lang, r.people)) " " (t(lang, "analysis-people-word")) "."
                    }
                    h3 { (t(lang, "analysis-method")) }
                    p.method { (r.method.get(lang)) }
                },
                ChanceTest::NothingToTest => p { (t(lang, "analysis-nothing-to-test")) },
                ChanceTest::Withheld => p { (t(lang, "analysis-chance-withheld")) },
            }
        }
    }
}

fn concentration_cards(lang: Lang, f: &Findings) -> Markup {
    let largest = |c: &Concentration| match &c.largest {
        Some(l) => html! {
            span.count { (fmt::percent(lang, l.share)) }
            span.label { (t(lang, "analysis-largest-office")) }
            span.detail { (office_label(&l.label, lang)) ": " (count(lang, Cell::Shown(l.count))) " " (t(lang, "analysis-people-word")) }
        },
        None => html! {
            span.count { "—" }
            span.label { (t(lang, "analysis-largest-office")) }
            span.detail { (t(lang, if c.distinct > 0 { "analysis-not-published" } else { "analysis-nobody" })) }
        },
    };
    html! {
        section.cards aria-label=(t(lang, "analysis-spread")) {
            div.card {
                span.count { (format_number(lang, f.offices.distinct)) }
                span.label { (t(lang, "analysis-field-offices")) }
            }
            div.card {
                span.count { (format_number(lang, f.states.distinct)) }
                span.label { (t(lang, "analysis-states")) }
            }
            div.card { (largest(&f.offices)) }
            div.card {
                span.count { (f.offices.hhi.map_or_else(|| "—".to_owned(), |h| fmt::decimal(lang, h, 2))) }
                span.label { (t(lang, "analysis-hhi")) }
                span.detail { (t(lang, if f.offices.hhi.is_some() { "analysis-hhi-hint" } else { "analysis-not-published" })) }
            }
        }
    }
}

fn geography(lang: Lang, f: &Findings) -> Markup {
    let states: Vec<(UsState, Cell)> = f
        .by_state
        .entries()
        .filter_map(|(code, c)| UsState::parse("state", code).ok().map(|s| (s, c)))
        .collect();
    let map = tile_map(&TileMap {
        description: t(lang, "analysis-map-desc").to_owned(),
        states,
        suppressed: t(lang, "analysis-suppressed").to_owned(),
        none: t(lang, "analysis-none-documented").to_owned(),
        format: fmt::counter(lang),
        width: CHART_WIDTH,
        min_shown: if f.audience == Audience::Internal {
            1
        } else {
            f.min_count
        },
    });
    html! {
        section #where aria-labelledby="where-title" {
            h2 #where-title { (t(lang, "analysis-where")) }
            p.hint { (t(lang, "analysis-spread-hint")) }
            (concentration_cards(lang, f))
            (figure(&map, "fig-map", t(lang, "analysis-map"), html! {}))
            (people_table(lang, "by-state", t(lang, "analysis-by-state"), t(lang, "analysis-state"), &f.by_state, |c| state_label(c, lang)))
            (people_table(lang, "by-office", t(lang, "analysis-by-office"), t(lang, "analysis-field-office"), &f.by_field_office, |c| office_label(c, lang)))
        }
    }
}

fn over_time(lang: Lang, f: &Findings) -> Markup {
    let mut years: Vec<(String, Cell)> = f
        .by_year
        .entries()
        .map(|(y, c)| (unknown_or(lang, y, str::to_owned), c))
        .collect();
    years.sort_by(|a, b| a.0.cmp(&b.0));
    let chart = bar(lang, t(lang, "analysis-chart-years-desc"), years);
    html! {
        section #time aria-labelledby="time-title" {
            h2 #time-title { (t(lang, "analysis-over-time")) }
            (figure(&chart, "fig-years", t(lang, "analysis-chart-years"), html! {
                details.figure-data {
                    summary { (t(lang, "analysis-as-table")) }
                    (people_table(lang, "by-year", t(lang, "analysis-chart-years"), t(lang, "analysis-year"), &f.by_year, str::to_owned))
                }
            }))
            (people_table(lang, "by-type", t(lang, "analysis-by-type"), t(lang, "analysis-type"), &f.by_type, |c| type_label(c, lang)))
        }
    }
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

/// The report download (roles that write records; others are told who
/// can).
fn report_form(viewer: &Viewer, choice: Choice, raw: &ReportRaw, errors: &FormErrors) -> Markup {
    let lang = viewer.lang;
    let can = viewer
        .user
        .as_ref()
        .is_some_and(|u| u.role.can_write_records());
    let audience = if raw.audience.is_empty() {
        audience_code(choice.audience).to_owned()
    } else {
        raw.audience.clone()
    };
    let min_count = if raw.min_count.is_empty() {
        choice.min_count.to_string()
    } else {
        raw.min_count.clone()
    };
    let format = if raw.format.is_empty() {
        "pdf".to_owned()
    } else {
        raw.format.clone()
    };
    let language = if raw.lang.is_empty() {
        lang.code().to_owned()
    } else {
        raw.lang.clone()
    };
    let formats = vec![
        ("pdf".to_owned(), viewer.t("analysis-format-pdf").to_owned()),
        (
            "html".to_owned(),
            viewer.t("analysis-format-html").to_owned(),
        ),
    ];
    let languages = vec![
        ("en".to_owned(), "English".to_owned()),
        ("es".to_owned(), "Español".to_owned()),
    ];
    html! {
        section #report aria-labelledby="report-title" {
            h2 #report-title { (viewer.t("analysis-report")) }
            @if can {
                p.hint { (viewer.t("analysis-report-hint")) }
                (error_summary(viewer, errors))
                form.filters.report method="post" action="/analysis/report" {
                    (csrf_field(viewer))
                    (field(errors, "audience", viewer.t("analysis-audience"), None, |c| select(c, "audience", None, &audience_options(lang), &audience)))
                    (field(errors, "min_count", viewer.t("analysis-min-count"), None, |c| input(c, "min_count", "number", &min_count)))
                    (field(errors, "format", viewer.t("analysis-format"), None, |c| select(c, "format", None, &formats, &format)))
                    (field(errors, "lang", viewer.t("analysis-language"), None, |c| select(c, "lang", None, &languages, &language)))
                    div.field.buttons {
                        button type="submit" { (viewer.t("analysis-download")) }
                    }
                }
            } @else {
                p.hint { (viewer.t("analysis-report-writers-only")) }
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
        p.as-of { (viewer.t("analysis-as-of")) " " (as_of) "." }
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

// ---------------------------------------------------------------------------
// POST /analysis/report

/// The report form's values as given.
#[derive(Debug, Clone, Default)]
struct ReportRaw {
    audience: String,
    min_count: String,
    format: String,
    lang: String,
}

struct ReportChoice {
    audience: Audience,
    min_count: u64,
    format: Format,
    lang: Lang,
}

fn parse_report(
    viewer_lang: Lang,
    role: Role,
    raw: &ReportRaw,
) -> Result<ReportChoice, FormErrors> {
    let lang = viewer_lang;
    // The audience must be said: a report is a deliberate export.
    let mut errors = match parse_choice(
        lang,
        role,
        &RawChoice {
            audience: raw.audience.clone(),
            min_count: raw.min_count.clone(),
        },
    ) {
        Ok(_) if raw.audience.is_empty() => {
            let mut e = FormErrors::default();
            e.add(
                "audience",
                t(lang, "analysis-audience"),
                t(lang, "analysis-audience-invalid").to_owned(),
            );
            e
        }
        Ok(_) => FormErrors::default(),
        Err(e) => e,
    };
    let format = match raw.format.as_str() {
        "pdf" => Some(Format::Pdf),
        "html" => Some(Format::Html),
        _ => {
            errors.add(
                "format",
                t(lang, "analysis-format"),
                t(lang, "analysis-format-invalid").to_owned(),
            );
            None
        }
    };
    let report_lang = if raw.lang.is_empty() {
        Some(viewer_lang)
    } else {
        let l = match raw.lang.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        };
        if l.is_none() {
            errors.add(
                "lang",
                t(lang, "analysis-language"),
                t(lang, "analysis-language-invalid").to_owned(),
            );
        }
        l
    };
    let audience = parse_audience(&raw.audience);
    match (audience, format, report_lang) {
        (Some(audience), Some(format), Some(report_lang)) if errors.is_empty() => {
            let min_count = raw.min_count.parse().unwrap_or(DEFAULT_MIN_COUNT);
            Ok(ReportChoice {
                audience,
                min_count: if audience == Audience::Internal {
                    DEFAULT_MIN_COUNT
                } else {
                    min_count
                },
                format,
                lang: report_lang,
            })
        }
        _ => Err(errors),
    }
}

pub async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let role = viewer.user()?.role;
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let raw = ReportRaw {
        audience: get("audience"),
        min_count: get("min_count"),
        format: get("format"),
        lang: get("lang"),
    };
    let choice = match parse_report(viewer.lang, role, &raw) {
        Ok(c) => c,
        Err(errors) => {
            // The form again, with its messages (the language switch
            // returns to the analysis page, not to this POST's URL).
            let viewer = viewer_at(&viewer, "/analysis".to_owned());
            let shown = Choice {
                audience: parse_audience(&raw.audience).unwrap_or(default_audience(role)),
                min_count: DEFAULT_MIN_COUNT,
            };
            let title = viewer.t("analysis-report");
            let body = html! {
                p { a href="/analysis" { "← " (viewer.t("analysis-title")) } }
                (report_form(&viewer, shown, &raw, &errors))
            };
            return Ok((StatusCode::BAD_REQUEST, page(&viewer, title, body)).into_response());
        }
    };
    let _permit = state
        .findings_cache()
        .permit()
        .await
        .map_err(|e| AppError::internal(&e))?;
    let actor = viewer.app_actor()?;
    let load_actor = actor.clone();
    let records = state
        .with_vault(&viewer.actor(), move |v| Ok(reports::load(v, &load_actor)?))
        .await?;
    let as_of = today();
    let options = options(choice.audience, choice.min_count, as_of, REPORT_CASES);
    let (format, lang) = (choice.format, choice.lang);
    let compose_actor = actor.clone();
    let report = tokio::task::spawn_blocking(move || {
        let f = records.findings(&options)?;
        Ok::<_, AppError>(compose_report(&compose_actor, &f, lang, format)?)
    })
    .await
    .map_err(|e| AppError::internal(&e))??;
    let audience = report.audience();
    // Audited before a byte is sent: a report that cannot be audited is
    // not handed out.
    let bytes = state
        .with_vault(&viewer.actor(), move |v| Ok(report.release(v, &actor)?))
        .await?;
    let content_type = match format {
        Format::Pdf => "application/pdf",
        Format::Html => "text/html; charset=utf-8",
    };
    let disposition = format!(
        "attachment; filename=\"testimonio-report-{}-{}-{}.{}\"",
        audience_code(audience),
        lang.code(),
        as_of.format("%Y-%m-%d"),
        format.code()
    );
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
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

    #[test]
    fn reports_need_an_audience_and_a_format() {
        let raw = |a: &str, f: &str, l: &str| ReportRaw {
            audience: a.into(),
            min_count: String::new(),
            format: f.into(),
            lang: l.into(),
        };
        let ok = parse_report(Lang::Es, Role::Coordinator, &raw("public", "pdf", "")).unwrap();
        assert_eq!(ok.format, Format::Pdf);
        assert_eq!(ok.lang, Lang::Es);
        assert_eq!(ok.min_count, DEFAULT_MIN_COUNT);
        let fields = |r: ReportRaw| -> Vec<&'static str> {
            parse_report(Lang::En, Role::Coordinator, &r)
                .err()
                .map(|e| e.iter().map(|e| e.field).collect())
                .unwrap_or_default()
        };
        assert_eq!(fields(raw("", "", "")), ["audience", "format"]);
        assert_eq!(fields(raw("public", "docx", "fr")), ["format", "lang"]);
        assert!(fields(raw("internal", "html", "en")).is_empty());
    }

    #[test]
    fn interval_labels_exist_for_every_category() {
        for code in INTERVALS {
            for lang in [Lang::En, Lang::Es] {
                assert!(!interval_label(lang, code, true).is_empty());
                assert!(!interval_label(lang, code, false).is_empty());
            }
        }
        assert_ne!(
            interval_label(Lang::En, "none", true),
            interval_label(Lang::En, "none", false)
        );
    }
}
