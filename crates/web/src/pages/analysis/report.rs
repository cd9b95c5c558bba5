//! `POST /analysis/report`: the report form, its checking, and the
//! download (composed and released by the application layer).

use axum::extract::{Form, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use testimonio_app::reports::{self, compose_report};
use testimonio_domain::{Audience, Lang, Role};
use testimonio_report::Format;

use super::{
    Choice, DEFAULT_MIN_COUNT, REPORT_CASES, RawChoice, audience_code, audience_options,
    default_audience, options, parse_audience, parse_choice, today,
};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::t;
use crate::layout::{csrf_field, page};
use crate::pages::forms::{FormErrors, error_summary, field, input, select, viewer_at};
use crate::state::AppState;

/// The report download (roles that write records; others are told who
/// can).
pub(super) fn report_form(
    viewer: &Viewer,
    choice: Choice,
    raw: &ReportRaw,
    errors: &FormErrors,
) -> Markup {
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
        (
            "en".to_owned(),
            viewer.t("shell-language-english").to_owned(),
        ),
        (
            "es".to_owned(),
            viewer.t("shell-language-spanish").to_owned(),
        ),
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
// POST /analysis/report

/// The report form's values as given.
#[derive(Debug, Clone, Default)]
pub(super) struct ReportRaw {
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
}
