//! Search: GET /search?q=…&offset=… — the search box, the query language
//! explained in the user's language, the results (a document and page
//! number, or an event, with the matches marked), facets that narrow the
//! query, and paging without a cap.
//!
//! Access: every logged-in role (`Access::LoggedIn`). The index holds
//! document pages and event narratives, both of which every role reads on
//! their own pages; it holds no identity field, and the results name
//! events by type and date, people never. A page's text is hostile input:
//! snippets are only ever interpolated as escaped text. Each results page
//! shown is audited (`Vault::record_search`: the query's keyed
//! fingerprint, the total, the documents and events shown).

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use testimonio_app::evidence::{SearchFailure, search};
use testimonio_domain::{DocumentDate, Lang, RecordId, SourceKind};
use testimonio_i18n::{format, tr};
use testimonio_search::{Facets, HitKind, SearchResults, Snippet};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{format_date, format_number, t};
use crate::layout::{encode_path, page};
use crate::state::AppState;

use super::documents::display_name;
use super::forms::{FormErrors, error_summary, field, viewer_at};
use super::watchlists::search_error;

/// Results per page.
pub const PER_PAGE: usize = 20;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;

/// The query string of the search page.
#[derive(Debug, Clone, Default)]
struct SearchQuery {
    q: String,
    offset: usize,
}

impl SearchQuery {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map_or("", |(_, v)| v.as_str())
        };
        SearchQuery {
            q: get("q").trim().to_owned(),
            offset: get("offset").trim().parse::<usize>().unwrap_or(0),
        }
    }
}

/// `/search?q=…` (and `&offset=N` past the first page).
pub(crate) fn search_url(q: &str, offset: usize) -> String {
    if offset == 0 {
        format!("/search?q={}", encode_path(q))
    } else {
        format!("/search?q={}&offset={offset}", encode_path(q))
    }
}

/// The message for a query that is too long, or `None`.
pub(crate) fn too_long(lang: Lang, q: &str) -> Option<String> {
    (q.chars().count() > MAX_QUERY_CHARS)
        .then(|| tr!(lang, "search-too-long", max = MAX_QUERY_CHARS))
}

/// A query's problem in the user's language: "at character N: reason".
pub(crate) fn query_problem(lang: Lang, q: &str) -> Option<String> {
    too_long(lang, q).or_else(|| search::check_query(q).err().map(|e| e.message(lang)))
}

/// A snippet with its matches in `<mark>`, every piece escaped.
pub(crate) fn snippet_markup(snippet: &Snippet) -> Markup {
    html! {
        @for f in &snippet.fragments {
            @if f.highlighted { mark { (f.text) } } @else { (f.text) }
        }
    }
}

/// A relevance score: `3.21` / `3,21`.
fn format_score(lang: Lang, score: f32) -> String {
    format::decimal(lang, f64::from(score), 2)
}

/// Where "Previous" leads: the page before, or from past the end the last
/// page of results.
fn previous_offset(offset: usize, total: u64) -> usize {
    let total = usize::try_from(total).unwrap_or(usize::MAX);
    if offset >= total {
        total.saturating_sub(1) / PER_PAGE * PER_PAGE
    } else {
        offset.saturating_sub(PER_PAGE)
    }
}

/// What the results page needs besides the results themselves.
struct Found {
    results: SearchResults,
    /// Document id → display name, and its own date with its source.
    documents: HashMap<String, (String, Option<DocumentDate>)>,
    /// Event id → "type · date".
    events: HashMap<String, String>,
    /// FOIA request id → "reference · subject".
    requests: HashMap<String, String>,
    /// Whether the index had the newest changes.
    current: bool,
}

enum Outcome {
    /// No query yet: the box and the help.
    Blank,
    Found(Box<Found>),
    /// The query is malformed: where and why, in the user's language.
    Invalid(String),
}

async fn run(state: &AppState, viewer: &Viewer, q: &SearchQuery) -> Result<Outcome, AppError> {
    let lang = viewer.lang;
    if q.q.is_empty() {
        return Ok(Outcome::Blank);
    }
    if let Some(message) = too_long(lang, &q.q) {
        return Ok(Outcome::Invalid(message));
    }
    let query = q.q.clone();
    let offset = q.offset;
    let actor = viewer.app_actor()?;
    state
        .with_search(&viewer.actor(), move |index, v, current| {
            // Audited by the use case before the snippets (document text)
            // are shown.
            let results = match search::search(v, index, &actor, &query, offset, PER_PAGE) {
                Ok(r) => r,
                Err(SearchFailure::Query(e)) => return Ok(Outcome::Invalid(e.message(lang))),
                Err(other) => return Err(search_error(other)),
            };
            let mut documents = HashMap::new();
            let mut events = HashMap::new();
            for hit in &results.hits {
                match hit.kind {
                    HitKind::Page => {
                        if !documents.contains_key(&hit.id)
                            && let Ok(info) = v.document(&hit.id)
                        {
                            documents.insert(
                                hit.id.clone(),
                                (display_name(&info).to_owned(), info.date),
                            );
                        }
                    }
                    HitKind::Event => {
                        if let Ok(id) = RecordId::parse("id", &hit.id)
                            && let Some(e) = v.event(&id)?
                        {
                            events.insert(
                                hit.id.clone(),
                                format!(
                                    "{} · {}",
                                    e.event_type().label(lang),
                                    format_date(lang, &e.date())
                                ),
                            );
                        }
                    }
                }
            }
            let requests = if results.facets.foia.is_empty() {
                HashMap::new()
            } else {
                v.foias()?
                    .into_iter()
                    .map(|r| {
                        (
                            r.id().to_string(),
                            format!("{} · {}", r.reference(), r.subject().as_str()),
                        )
                    })
                    .collect()
            };
            Ok(Outcome::Found(Box::new(Found {
                results,
                documents,
                events,
                requests,
                current,
            })))
        })
        .await
}

/// The query language, explained: (example, explanation key).
const HELP: [(&str, &str); 16] = [
    ("instigator", "search-help-word"),
    ("\"hunger strike\"", "search-help-phrase"),
    ("\"protest leader\"~5", "search-help-slop"),
    ("clout NEAR/5 protest", "search-help-near"),
    ("inst*", "search-help-prefix"),
    ("Dermody~1   Dermody~2", "search-help-fuzzy"),
    (
        "surveillance AND (protest OR vigil) NOT training",
        "search-help-boolean",
    ),
    (
        "huelga Y (protesta O vigilia) NO entrenamiento",
        "search-help-boolean-spanish",
    ),
    ("-training", "search-help-minus"),
    ("exact:\"José Peña\"", "search-help-exact"),
    ("kind:page   kind:event", "search-help-kind"),
    ("source:foia_production", "search-help-source"),
    ("foia:ID   doc:ID", "search-help-foia-doc"),
    (
        "date:2017..2019   date:2018-03   date:..2019-06-30",
        "search-help-date",
    ),
    ("person:ID   group:ID", "search-help-person-group"),
    ("lang:eng   lang:spa", "search-help-lang"),
];

fn help(viewer: &Viewer, open: bool) -> Markup {
    let lang = viewer.lang;
    html! {
        details.search-help open[open] {
            summary { (viewer.t("search-help-title")) }
            p { (viewer.t("search-help-intro")) }
            dl.search-help {
                @for (example, key) in HELP {
                    // Query syntax: typed as shown in every language.
                    dt { code translate="no" { (example) } }
                    dd { (viewer.t(key)) }
                }
            }
            p { (viewer.t("search-help-sources")) " "
                @for (i, k) in SourceKind::ALL.iter().enumerate() {
                    @if i > 0 { ", " }
                    code translate="no" { (k.code()) } " (" (k.label(lang)) ")"
                }
                "."
            }
        }
    }
}

fn search_form(viewer: &Viewer, q: &str, errors: &FormErrors) -> Markup {
    html! {
        form.search method="get" action="/search" role="search" {
            (field(errors, "q", viewer.t("search-query"), None, |c| html! {
                input id=(c.id) name="q" type="search" value=(q) maxlength=(MAX_QUERY_CHARS)
                    autocapitalize="none" spellcheck="false"
                    aria-describedby=[c.described_by.as_deref()]
                    aria-invalid=[c.invalid.then_some("true")];
            }))
            button type="submit" { (viewer.t("search-submit")) }
        }
    }
}

/// The label of a facet value.
fn facet_label(lang: Lang, facet: &str, value: &str, found: &Found) -> String {
    match facet {
        "kind" | "source" if value == "event" => t(lang, "search-kind-event").to_owned(),
        "kind" if value == "page" => t(lang, "search-kind-page").to_owned(),
        "source" => SourceKind::parse("source", value)
            .map_or_else(|_| value.to_owned(), |k| k.label(lang).to_owned()),
        "foia" => found
            .requests
            .get(value)
            .cloned()
            .unwrap_or_else(|| value.to_owned()),
        "lang" => match value {
            "eng" => t(lang, "search-lang-eng").to_owned(),
            "spa" => t(lang, "search-lang-spa").to_owned(),
            "und" => t(lang, "search-lang-und").to_owned(),
            other => other.to_owned(),
        },
        _ => value.to_owned(),
    }
}

/// One facet: each value a link adding its filter to the query.
fn facet(viewer: &Viewer, q: &str, title: &str, entries: Vec<(String, String, u64)>) -> Markup {
    let lang = viewer.lang;
    let terms: Vec<&str> = q.split_whitespace().collect();
    html! {
        @if !entries.is_empty() {
            section.facet {
                h3 { (title) }
                ul {
                    @for (filter, label, count) in &entries {
                        li {
                            @if terms.contains(&filter.as_str()) {
                                strong aria-current="true" { (label) } " (" (format_number(lang, *count)) ")"
                            } @else {
                                a href=(search_url(&format!("{q} {filter}"), 0)) { (label) }
                                " (" (format_number(lang, *count)) ")"
                            }
                        }
                    }
                }
            }
        }
    }
}

fn facets(viewer: &Viewer, q: &str, found: &Found) -> Markup {
    let lang = viewer.lang;
    let f: &Facets = &found.results.facets;
    let by_count = |name: &str, map: &std::collections::BTreeMap<String, u64>| {
        let mut entries: Vec<(String, String, u64)> = map
            .iter()
            .map(|(value, n)| {
                (
                    format!("{name}:{value}"),
                    facet_label(lang, name, value, found),
                    *n,
                )
            })
            .collect();
        entries.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        entries
    };
    // Years newest first.
    let years: Vec<(String, String, u64)> = f
        .year
        .iter()
        .rev()
        .filter(|(y, _)| **y > 0)
        .map(|(y, n)| (format!("date:{y}"), y.to_string(), *n))
        .collect();
    html! {
        aside.facets aria-labelledby="facets-heading" {
            h2 #facets-heading { (viewer.t("search-narrow")) }
            (facet(viewer, q, viewer.t("search-facet-kind"), by_count("kind", &f.kind)))
            (facet(viewer, q, viewer.t("search-facet-source"), by_count("source", &f.source)))
            (facet(viewer, q, viewer.t("search-facet-foia"), by_count("foia", &f.foia)))
            (facet(viewer, q, viewer.t("search-facet-year"), years))
            (facet(viewer, q, viewer.t("search-facet-lang"), by_count("lang", &f.lang)))
        }
    }
}

fn results(viewer: &Viewer, q: &str, found: &Found) -> Markup {
    let lang = viewer.lang;
    let r = &found.results;
    let from = r.offset + 1;
    let to = r.offset + r.hits.len();
    let encoded = encode_path(q);
    html! {
        @if !found.current {
            p.notice-warn role="status" { (viewer.t("search-not-current")) }
        }
        p role="status" {
            @if r.total == 0 {
                (viewer.t("search-no-results"))
            } @else if r.hits.is_empty() {
                (viewer.t("search-past-the-end")) " "
                a href=(search_url(q, 0)) { (viewer.t("search-first-page")) }
            } @else {
                (viewer.t("search-results")) " "
                strong { (format_number(lang, from as u64)) "–" (format_number(lang, to as u64)) }
                " " (viewer.t("events-page-of")) " "
                strong { (format_number(lang, r.total)) }
            }
        }
        @if !r.hits.is_empty() {
            ol.results start=(from) {
                @for hit in &r.hits {
                    li.hit {
                        @match (hit.kind, hit.page) {
                            (HitKind::Page, Some(n)) => {
                                @let name = found.documents.get(&hit.id).map_or(hit.id.as_str(), |d| d.0.as_str());
                                h3 {
                                    a href={ "/documents/" (hit.id) "/pages/" (n) "?q=" (encoded) "#match" } {
                                        (name) " — " (tr!(lang, "documents-page-number", page = n))
                                    }
                                }
                                p.hit-meta {
                                    (viewer.t("search-kind-page")) " · " code translate="no" { (hit.id) }
                                    @if let Some((_, Some(date))) = found.documents.get(&hit.id) {
                                        " · " (tr!(lang, "search-hit-date", date = format::day(lang, date.date), source = date.source.label(lang)))
                                    }
                                    " · " (viewer.t("search-score")) " " (format_score(lang, hit.score))
                                }
                            }
                            _ => {
                                @let label = found.events.get(&hit.id).map_or(hit.id.as_str(), String::as_str);
                                h3 { a href={ "/events/" (hit.id) } { (label) } }
                                p.hit-meta {
                                    (viewer.t("search-kind-event")) " · " code translate="no" { (hit.id) }
                                    " · " (viewer.t("search-score")) " " (format_score(lang, hit.score))
                                }
                            }
                        }
                        p.snippet { (snippet_markup(&hit.snippet)) }
                    }
                }
            }
        }
        @if r.offset > 0 || to < r.total as usize {
            nav.pager aria-label=(viewer.t("events-page")) {
                @if r.offset > 0 {
                    a rel="prev" href=(search_url(q, previous_offset(r.offset, r.total))) { "← " (viewer.t("events-previous")) }
                }
                @if !r.hits.is_empty() && to < r.total as usize {
                    a rel="next" href=(search_url(q, to)) { (viewer.t("events-next")) " →" }
                }
            }
        }
    }
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let q = SearchQuery::from_pairs(&pairs);
    let outcome = run(&state, &viewer, &q).await?;
    // The language switch comes back to the same search.
    let viewer = if q.q.is_empty() {
        viewer
    } else {
        viewer_at(&viewer, search_url(&q.q, q.offset))
    };
    let mut errors = FormErrors::default();
    if let Outcome::Invalid(message) = &outcome {
        errors.add("q", viewer.t("search-query"), message.clone());
    }
    let body = html! {
        h1 { (viewer.t("search-title")) }
        (error_summary(&viewer, &errors))
        (search_form(&viewer, &q.q, &errors))
        @match &outcome {
            Outcome::Found(found) => {
                div.search-layout {
                    section.search-results aria-labelledby="results-heading" {
                        h2 #results-heading { (viewer.t("search-results-heading")) }
                        (results(&viewer, &q.q, found))
                    }
                    (facets(&viewer, &q.q, found))
                }
                (help(&viewer, false))
            }
            _ => (help(&viewer, true)),
        }
    };
    let status = match outcome {
        Outcome::Invalid(_) => StatusCode::BAD_REQUEST,
        _ => StatusCode::OK,
    };
    let title = if q.q.is_empty() {
        viewer.t("search-title").to_owned()
    } else {
        format!("{} · {}", q.q, viewer.t("search-title"))
    };
    Ok((status, page(&viewer, &title, body)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_and_offsets_make_urls() {
        assert_eq!(
            search_url("\"hunger strike\" source:email", 0),
            "/search?q=%22hunger%20strike%22%20source%3Aemail"
        );
        assert_eq!(search_url("a", 40), "/search?q=a&offset=40");
        let q = SearchQuery::from_pairs(&[
            ("q".into(), "  protest ".into()),
            ("offset".into(), "-3".into()),
        ]);
        assert_eq!((q.q.as_str(), q.offset), ("protest", 0));
    }

    #[test]
    fn query_problems_name_the_place_in_both_languages() {
        assert_eq!(query_problem(Lang::En, "protest"), None);
        let en = query_problem(Lang::En, "\"open").unwrap();
        assert!(en.starts_with("at character 1:"), "{en}");
        let es = query_problem(Lang::Es, "a OR").unwrap();
        assert!(es.starts_with("en el carácter"), "{es}");
        let long = "a ".repeat(MAX_QUERY_CHARS);
        assert!(query_problem(Lang::Es, &long).is_some());
        assert_eq!(format_score(Lang::Es, 3.214), "3,21");
        assert_eq!(previous_offset(20, 40), 0);
        assert_eq!(previous_offset(27, 40), 7);
        assert_eq!(previous_offset(40, 40), 20);
        assert_eq!(previous_offset(9_999, 41), 40);
        assert_eq!(previous_offset(5, 0), 0);
    }
}
