//! GET /documents: the filtered, paged list of originals.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use testimonio_app::evidence::documents;
use testimonio_domain::{ExtractionStatus, SourceKind};
use testimonio_foia::FoiaRequest;
use testimonio_i18n::{format, tr};
use testimonio_vault::{DocumentFilter, DocumentInfo};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{Lang, format_number, t};
use crate::layout::{encode_path, page};
use crate::state::AppState;

use super::super::foia::is_checked;
use super::super::forms::*;
use super::{
    PAGE_SIZE, display_name, format_added, source_kind_options, status_badge, status_options,
};

/// The list's filters as given in the query string.
#[derive(Debug, Clone, Default)]
pub(crate) struct ListQuery {
    source: String,
    status: String,
    foia: String,
    attachments: bool,
    page: u32,
}

impl ListQuery {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map_or("", |(_, v)| v.trim())
        };
        ListQuery {
            source: get("source").to_owned(),
            status: get("status").to_owned(),
            foia: get("foia").to_owned(),
            attachments: is_checked(get("attachments")),
            page: get("page").parse::<u32>().unwrap_or(1).max(1),
        }
    }

    /// `/documents?…&page=N`, keeping every filter.
    fn url(&self, page: u32) -> String {
        let mut url = String::from("/documents?");
        for (k, v) in [
            ("source", &self.source),
            ("status", &self.status),
            ("foia", &self.foia),
        ] {
            if !v.is_empty() {
                url.push_str(&format!("{k}={}&", encode_path(v)));
            }
        }
        if self.attachments {
            url.push_str("attachments=1&");
        }
        url.push_str(&format!("page={page}"));
        url
    }

    /// The vault filter, and a message for each bad value (left out of
    /// the filter).
    fn filter(&self, lang: Lang, requests: &[FoiaRequest]) -> (DocumentFilter, FormErrors) {
        let mut filter = DocumentFilter {
            top_level_only: !self.attachments,
            ..DocumentFilter::default()
        };
        let mut errors = FormErrors::default();
        if !self.source.is_empty() {
            match SourceKind::parse("source", &self.source) {
                Ok(k) => filter.source_kind = Some(k),
                Err(e) => errors.add(
                    "source",
                    t(lang, "documents-source"),
                    e.problem.message(lang),
                ),
            }
        }
        if !self.status.is_empty() {
            match ExtractionStatus::parse("status", &self.status) {
                Ok(s) => filter.status = Some(s),
                Err(e) => errors.add(
                    "status",
                    t(lang, "documents-status"),
                    e.problem.message(lang),
                ),
            }
        }
        if !self.foia.is_empty() {
            if requests.iter().any(|r| r.id().as_str() == self.foia) {
                filter.foia = Some(self.foia.clone());
            } else {
                errors.add(
                    "foia",
                    t(lang, "documents-foia"),
                    t(lang, "error-not-found").to_owned(),
                );
            }
        }
        (filter, errors)
    }
}

struct ListData {
    requests: Vec<FoiaRequest>,
    errors: FormErrors,
    total: u64,
    page: u32,
    pages: u32,
    documents: Vec<DocumentInfo>,
}

fn filter_form(viewer: &Viewer, q: &ListQuery, data: &ListData) -> Markup {
    let lang = viewer.lang;
    let any = viewer.t("events-any");
    let e = &data.errors;
    let requests: Vec<(String, String)> = data
        .requests
        .iter()
        .map(|r| {
            (
                r.id().to_string(),
                format!("{} · {}", r.reference(), r.subject().as_str()),
            )
        })
        .collect();
    html! {
        form.filters method="get" action="/documents" aria-label=(viewer.t("events-filter")) {
            (field(e, "source", viewer.t("documents-source"), None, |c| select(c, "source", Some(any), &source_kind_options(lang), &q.source)))
            (field(e, "status", viewer.t("documents-status"), None, |c| select(c, "status", Some(any), &status_options(lang), &q.status)))
            (field(e, "foia", viewer.t("documents-foia"), None, |c| select(c, "foia", Some(any), &requests, &q.foia)))
            div.field.check {
                input #f-attachments type="checkbox" name="attachments" value="1" checked[q.attachments];
                label for="f-attachments" { (viewer.t("documents-include-attachments")) }
            }
            div.field.buttons {
                button type="submit" { (viewer.t("events-filter")) }
                a href="/documents" { (viewer.t("events-clear")) }
            }
        }
    }
}

fn documents_table(viewer: &Viewer, documents: &[DocumentInfo]) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    html! {
        div.scroll {
            table.documents {
                thead { tr {
                    th scope="col" { (viewer.t("documents-name")) }
                    th scope="col" { (viewer.t("documents-status")) }
                    th scope="col" class="num" { (viewer.t("documents-pages")) }
                    th scope="col" class="col-source" { (viewer.t("documents-source")) }
                    th scope="col" class="num" { (viewer.t("documents-size")) }
                    th scope="col" class="col-added" { (viewer.t("documents-added")) }
                } }
                tbody {
                    @for d in documents {
                        tr {
                            td.doc-name { a href={ "/documents/" (d.id) } { (display_name(d)) } }
                            td { (status_badge(lang, d.status)) }
                            td.num { (format_number(lang, u64::from(d.page_count))) }
                            td.col-source { (d.source_kind.map_or(none, |k| k.label(lang))) }
                            td.num { (format::file_size(lang, d.size)) }
                            td.col-added { (format_added(lang, &d.added_at)) }
                        }
                    }
                }
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
    let q = ListQuery::from_pairs(&pairs);
    let query = q.clone();
    let actor = viewer.app_actor()?;
    let data = state
        .with_vault(&viewer.actor(), move |v| {
            let requests = v.foias()?;
            let (filter, errors) = query.filter(lang, &requests);
            let list = documents::list(v, &actor, &filter, query.page, Some(PAGE_SIZE))?;
            Ok(ListData {
                requests,
                errors,
                total: list.total,
                page: list.page,
                pages: list.pages,
                documents: list.documents,
            })
        })
        .await?;
    let can_upload = viewer
        .user
        .as_ref()
        .is_some_and(|u| u.role.can_write_records());
    let upload_limit = state.config().uploads.per_file;
    let body = html! {
        h1 { (viewer.t("documents-title")) }
        p.hint { (viewer.t("documents-intro")) }
        @if can_upload {
            details.upload-box open {
                summary { (viewer.t("upload-submit")) }
                (super::super::uploads::upload_form(&viewer, upload_limit, "/documents/upload"))
            }
        }
        (error_summary(&viewer, &data.errors))
        (filter_form(&viewer, &q, &data))
        p role="status" {
            strong { (format_number(lang, data.total)) } " "
            (tr!(lang, "documents-count", count = data.total))
            @if data.pages > 1 {
                " · " (page_of(lang, data.page, data.pages))
            }
        }
        @if data.documents.is_empty() {
            p { (viewer.t("documents-none")) }
        } @else {
            (documents_table(&viewer, &data.documents))
        }
        @if data.pages > 1 {
            nav.pager aria-label=(viewer.t("events-page")) {
                @if data.page > 1 {
                    a rel="prev" href=(q.url(data.page - 1)) { "← " (viewer.t("events-previous")) }
                }
                span { (page_of(lang, data.page, data.pages)) }
                @if data.page < data.pages {
                    a rel="next" href=(q.url(data.page + 1)) { (viewer.t("events-next")) " →" }
                }
            }
        }
    };
    let status = if data.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((status, page(&viewer, viewer.t("documents-title"), body)).into_response())
}

/// `Page 2 of 7` / `Página 2 de 7`.
pub(super) fn page_of(lang: Lang, page: u32, pages: u32) -> String {
    tr!(lang, "documents-page-of", page = page, pages = pages)
}
