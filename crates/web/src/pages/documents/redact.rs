//! Redacting a document, without JavaScript:
//!
//! - GET /documents/{id}/pages/{n}/redact: the page image as an
//!   `<input type="image">` (a click submits the form with its x, y; two
//!   clicks are a region's corners, the first kept in a hidden field), the
//!   current choice drawn over it (an SVG the clicks pass through, by the
//!   stylesheet), the page's words as checkboxes, a search whose every
//!   match is redacted, the Bates prefix and whether the copy is of this
//!   page or the whole document. Every change is a GET of this page: the
//!   choice lives in the URL until it is made.
//! - POST /documents/{id}/redact: makes, checks and stores the copy of
//!   the choice shown (hidden fields), then goes to the copy's page.
//!
//! Roles that may export evidence only (`Access::Reviewer`: coordinators
//! and administrators), as the use case requires.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use testimonio_app::evidence::redaction::{
    self, PageWords, RedactFailure, RedactionRequest, RegionPick, WordPick,
};
use testimonio_i18n::tr;
use testimonio_ingest::redact::{Area, RedactOptions};
use testimonio_search::highlight;
use testimonio_search::query::positive_text;

use super::{document_id, page_number};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::layout::{csrf_field, page};
use crate::state::AppState;

/// Width of the clickable page image, CSS pixels (the stylesheet keeps
/// it, so a click's x, y are read against it).
const PICK_WIDTH: f64 = 600.0;

/// The choice as the URL (or the POST) carries it.
#[derive(Debug, Default)]
struct Choice {
    words: Vec<usize>,
    regions: Vec<Area>,
    corner: Option<(f64, f64)>,
    q: String,
    prefix: String,
    whole: bool,
}

fn area_text(a: &Area) -> String {
    let [x0, y0, x1, y1] = a.rounded();
    format!("{x0},{y0},{x1},{y1}")
}

fn numbers(value: &str) -> Option<Vec<f64>> {
    value
        .split(',')
        .map(|n| n.trim().parse::<f64>().ok().filter(|v| v.is_finite()))
        .collect()
}

impl Choice {
    /// Reads the fields; a click (`pick.x`, `pick.y`) on an image of
    /// `height` CSS pixels is a corner, or completes a region.
    fn from_pairs(pairs: &[(String, String)], height: f64) -> Choice {
        let mut c = Choice::default();
        let mut pick = (None, None);
        for (k, v) in pairs {
            match k.as_str() {
                "w" => c.words.extend(v.parse::<usize>().ok()),
                "r" => {
                    if let Some(n) = numbers(v).filter(|n| n.len() == 4) {
                        c.regions.extend(Area::new(n[0], n[1], n[2], n[3]));
                    }
                }
                "corner" => {
                    c.corner = numbers(v).filter(|n| n.len() == 2).map(|n| (n[0], n[1]));
                }
                "pick.x" => pick.0 = v.parse::<f64>().ok(),
                "pick.y" => pick.1 = v.parse::<f64>().ok(),
                "q" => c.q = v.trim().to_owned(),
                "prefix" => c.prefix = v.trim().to_ascii_uppercase(),
                "scope" => c.whole = v == "all",
                _ => {}
            }
        }
        c.words.sort_unstable();
        c.words.dedup();
        if let (Some(x), Some(y)) = pick {
            let at = (
                (x / PICK_WIDTH).clamp(0.0, 1.0),
                (y / height.max(1.0)).clamp(0.0, 1.0),
            );
            match c.corner.take() {
                Some(first) => c.regions.extend(Area::new(first.0, first.1, at.0, at.1)),
                None => c.corner = Some(at),
            }
        }
        c
    }
}

/// The clickable image's height for a page of these proportions.
fn pick_height(words: &PageWords) -> f64 {
    let (w, h) = if words.width > 0.0 && words.height > 0.0 {
        (words.width, words.height)
    } else {
        let (w, h) = super::DEFAULT_IMAGE_SIZE;
        (f64::from(w), f64::from(h))
    };
    (PICK_WIDTH * h / w).round()
}

pub async fn form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, n)): Path<(String, String)>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = document_id(&id)?;
    let n = page_number(&n)?;
    let actor = viewer.app_actor()?;
    let for_vault = id.clone();
    let (info, words) = state
        .with_vault(&viewer.actor(), move |v| {
            let words = redaction::page_words(v, &actor, &for_vault, n)?;
            Ok((v.document(&for_vault)?, words))
        })
        .await?;
    let height = pick_height(&words);
    let choice = Choice::from_pairs(&pairs, height);
    let texts: Vec<&str> = words.words.iter().map(|w| w.text.as_str()).collect();
    let query = (!choice.q.is_empty())
        .then(|| testimonio_search::parse(&choice.q).ok())
        .flatten();
    let matched = query.as_ref().map_or_else(Vec::new, |node| {
        highlight::matched_words(&texts, &positive_text(node))
    });
    let lang = viewer.lang;
    let name = super::display_name(&info);
    let base = format!("/documents/{id}/pages/{n}");
    let burned: Vec<&Area> = words
        .words
        .iter()
        .filter(|w| choice.words.contains(&w.index))
        .map(|w| &w.area)
        .chain(choice.regions.iter())
        .collect();
    let matched_areas: Vec<&Area> = words
        .words
        .iter()
        .zip(matched.iter().copied().chain(std::iter::repeat(false)))
        .filter_map(|(w, m)| m.then_some(&w.area))
        .collect();
    let body = html! {
        p.crumbs {
            a href="/documents" { (viewer.t("documents-title")) } " › "
            a href={ "/documents/" (id) } { (name) } " › "
            a href=(base) { (tr!(lang, "documents-image-alt", page = n)) }
        }
        h1 { (viewer.t("redact-title")) " " small { (name) } }
        p.hint { (viewer.t("redact-hint")) }
        form.redact method="get" action={ (base) "/redact" } {
            @for r in &choice.regions { input type="hidden" name="r" value=(area_text(r)); }
            @if let Some((x, y)) = choice.corner {
                input type="hidden" name="corner" value={ (format!("{x:.4},{y:.4}")) };
                p.marks role="status" { (viewer.t("redact-corner-set")) }
            }
            div.redact-scroll {
                div.redact-canvas {
                    input.redact-pick type="image" name="pick" src={ (base) "/image" }
                        width=(PICK_WIDTH) height=(height) alt=(viewer.t("redact-pick-alt"));
                    (overlay(&burned, &matched_areas, choice.corner))
                }
            }
            p { (tr!(lang, "redact-chosen", words = choice.words.len(), regions = choice.regions.len(), matches = matched_areas.len())) }
            label { (viewer.t("redact-query")) " "
                input type="search" name="q" value=(choice.q) maxlength="500"; }
            label { (viewer.t("redact-prefix")) " "
                input type="text" name="prefix" value=(choice.prefix) maxlength="20"
                    pattern="[A-Za-z0-9][A-Za-z0-9_\\-]*" autocapitalize="characters"; }
            fieldset {
                legend { (viewer.t("redact-scope")) }
                label { input type="radio" name="scope" value="page" checked[!choice.whole]; " " (viewer.t("redact-scope-page")) }
                label { input type="radio" name="scope" value="all" checked[choice.whole]; " " (viewer.t("redact-scope-all")) }
            }
            details open[!choice.words.is_empty()] {
                summary { (tr!(lang, "redact-words", count = words.words.len())) }
                ul.redact-words {
                    @for w in &words.words {
                        li { label {
                            input type="checkbox" name="w" value=(w.index) checked[choice.words.contains(&w.index)];
                            " " (w.text)
                        } }
                    }
                }
            }
            button type="submit" { (viewer.t("redact-preview")) }
            " " a href={ (base) "/redact" } { (viewer.t("redact-clear")) }
        }
        form method="post" action={ "/documents/" (id) "/redact" } {
            (csrf_field(&viewer))
            input type="hidden" name="page" value=(n);
            @for w in &choice.words { input type="hidden" name="w" value=(w); }
            @for r in &choice.regions { input type="hidden" name="r" value=(area_text(r)); }
            input type="hidden" name="q" value=(choice.q);
            input type="hidden" name="prefix" value=(choice.prefix);
            input type="hidden" name="scope" value=(if choice.whole { "all" } else { "page" });
            button type="submit" { (viewer.t("redact-make")) }
        }
    };
    Ok(page(&viewer, viewer.t("redact-title"), body).into_response())
}

/// The choice drawn over the clickable image (fractions of the page).
fn overlay(burned: &[&Area], matched: &[&Area], corner: Option<(f64, f64)>) -> Markup {
    let at = |v: f64| format!("{:.2}", v * 1000.0);
    html! {
        svg.redact-marks xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000"
            preserveAspectRatio="none" aria-hidden="true" {
            @for a in burned {
                rect.burn x=(at(a.x0)) y=(at(a.y0)) width=(at(a.x1 - a.x0)) height=(at(a.y1 - a.y0)) {}
            }
            @for a in matched {
                rect.match x=(at(a.x0)) y=(at(a.y0)) width=(at(a.x1 - a.x0)) height=(at(a.y1 - a.y0)) {}
            }
            @if let Some((x, y)) = corner {
                rect.corner x=(at(x - 0.006)) y=(at(y - 0.004)) width="12" height="8" {}
            }
        }
    }
}

pub async fn make(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = document_id(&id)?;
    let page = pairs
        .iter()
        .find(|(k, _)| k == "page")
        .and_then(|(_, v)| v.parse::<u32>().ok())
        .filter(|p| *p > 0)
        .unwrap_or(1);
    // Regions arrive complete: no click, so the height does not matter.
    let choice = Choice::from_pairs(&pairs, 1.0);
    let request = RedactionRequest {
        document: id,
        pages: (!choice.whole).then_some((page, page)),
        words: choice
            .words
            .iter()
            .map(|&index| WordPick { page, index })
            .collect(),
        regions: choice
            .regions
            .iter()
            .map(|&area| RegionPick { page, area })
            .collect(),
        queries: if choice.q.is_empty() {
            Vec::new()
        } else {
            vec![choice.q.clone()]
        },
        bates_prefix: choice.prefix,
    };
    let actor = viewer.app_actor()?;
    let copy = state
        .with_vault(&viewer.actor(), move |v| {
            redaction::redact(v, &actor, &request, &RedactOptions::default()).map_err(|e| match e {
                RedactFailure::App(e) => e.into(),
                RedactFailure::Query { .. } => AppError::BAD_REQUEST,
            })
        })
        .await?;
    Ok(Redirect::to(&format!("/documents/{}", copy.copy.id)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn two_clicks_make_a_region() {
        let first = Choice::from_pairs(&pairs(&[("pick.x", "60"), ("pick.y", "100")]), 800.0);
        let corner = first.corner.expect("a corner");
        assert!((corner.0 - 0.1).abs() < 1e-9 && (corner.1 - 0.125).abs() < 1e-9);
        assert!(first.regions.is_empty());
        let second = Choice::from_pairs(
            &pairs(&[
                ("corner", "0.1,0.125"),
                ("pick.x", "300"),
                ("pick.y", "40"),
                ("w", "3"),
                ("w", "3"),
                ("prefix", "ice"),
                ("scope", "all"),
            ]),
            800.0,
        );
        assert_eq!(second.corner, None);
        assert_eq!(second.regions[0].rounded(), [0.1, 0.05, 0.5, 0.125]);
        assert_eq!(second.words, vec![3]);
        assert_eq!(second.prefix, "ICE");
        assert!(second.whole);
    }
}
