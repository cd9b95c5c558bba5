//! Testimonio's web app: server-rendered HTML that works without
//! JavaScript, in English and Spanish, over one open vault.
//!
//! Every route is declared once in [`routes`] with its [`Access`] rule; the
//! router and the authorization-matrix test are both built from that list,
//! so a new route cannot go unguarded or untested. Only this crate knows
//! HTTP and HTML.

pub mod api;
pub mod auth;
pub mod client;
pub mod custodian;
pub mod error;
pub mod findings_cache;
pub mod i18n;
pub mod layout;
pub mod limits;
pub mod page_images;
pub mod pages;
pub mod serve;
pub mod session;
pub mod state;
pub mod unlock_attempts;
pub mod upload;

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};

use axum::Router;

pub use auth::Access;
use auth::{FORM_LIMIT, guard};
pub use client::{ClientAddr, TrustedProxies, parse_trusted_proxy};
use error::ErrorKind;
pub use serve::ConnectionLimits;
pub use state::{AppState, Config};

/// One route: method, path pattern, who may use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

macro_rules! route {
    ($method:ident, $path:literal, $access:ident, $handler:expr) => {
        (
            RouteSpec {
                method: stringify!($method),
                path: $path,
                access: Access::$access,
            },
            $method($handler),
        )
    };
}

/// Every route of the app.
pub fn routes() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    use pages::*;
    vec![
        route!(get, "/health", Static, health),
        route!(get, "/static/app.css", Static, stylesheet),
        route!(get, "/lang/{code}", Public, login::switch_language),
        route!(get, "/login", Public, login::form),
        route!(post, "/login", Public, login::submit),
        route!(post, "/logout", LoggedIn, login::logout),
        route!(get, "/login/2fa", Public, twofactor::code_form),
        route!(post, "/login/2fa", Public, twofactor::code_submit),
        route!(get, "/account/2fa", LoggedIn, twofactor::settings),
        route!(post, "/account/2fa", LoggedIn, twofactor::enable),
        route!(post, "/account/2fa/disable", LoggedIn, twofactor::disable),
        route!(get, "/unlock", Public, admin::unlock_form),
        route!(post, "/unlock", Public, admin::unlock),
        route!(get, "/", LoggedIn, dashboard::show),
        route!(get, "/events", LoggedIn, events::list),
        route!(post, "/events", Writer, event_form::create),
        route!(get, "/events/new", Writer, event_form::new_form),
        route!(get, "/events/{id}", LoggedIn, events::show),
        route!(post, "/events/{id}", Writer, event_form::update),
        route!(get, "/events/{id}/edit", Writer, event_form::edit_form),
        // Uploads stream their bodies (their own limits, see upload.rs).
        route!(post, "/events/{id}/files", Writer, uploads::event_files),
        route!(get, "/people", LoggedIn, people::list),
        route!(post, "/people", Writer, person_form::create),
        route!(get, "/people/new", Writer, person_form::new_form),
        route!(get, "/people/{id}", LoggedIn, people::show),
        route!(post, "/people/{id}", Writer, person_form::update),
        route!(get, "/people/{id}/edit", Writer, person_form::edit_form),
        route!(post, "/people/{id}/files", Writer, uploads::person_files),
        route!(post, "/people/{id}/consent", Writer, people::add_consent),
        route!(
            post,
            "/people/{id}/consent/withdraw",
            Writer,
            people::withdraw_consent
        ),
        route!(get, "/testimonies", LoggedIn, testimonies::list),
        route!(post, "/testimonies", Writer, testimony_form::create),
        route!(get, "/testimonies/new", Writer, testimony_form::new_form),
        route!(get, "/testimonies/{id}", LoggedIn, testimonies::show),
        route!(
            post,
            "/testimonies/{id}/files",
            Writer,
            uploads::testimony_files
        ),
        route!(post, "/testimonies/{id}", Writer, testimony_form::update),
        route!(
            get,
            "/testimonies/{id}/edit",
            Writer,
            testimony_form::edit_form
        ),
        route!(
            post,
            "/testimonies/{id}/review",
            Reviewer,
            testimonies::review
        ),
        route!(get, "/groups", LoggedIn, groups::list),
        route!(get, "/groups/{id}", LoggedIn, groups::show),
        route!(get, "/admin/users", Admin, admin::users),
        route!(post, "/admin/users", Admin, admin::create_user),
        route!(
            post,
            "/admin/users/{id}/disabled",
            Admin,
            admin::set_disabled
        ),
        route!(
            post,
            "/admin/users/{id}/tokens/{token}/revoke",
            Admin,
            admin::revoke_token
        ),
        route!(get, "/admin/audit", Admin, admin::audit),
        route!(post, "/admin/lock", Admin, admin::lock),
        route!(get, "/cases", LoggedIn, cases::list),
        route!(post, "/cases", Writer, cases::create),
        route!(get, "/cases/new", Writer, cases::new_form),
        route!(get, "/cases/{id}", LoggedIn, cases::show),
        route!(post, "/cases/{id}/links", Writer, cases::link),
        route!(post, "/cases/{id}/unlink", Writer, cases::unlink),
        route!(post, "/cases/{id}/status", Writer, cases::set_status),
        route!(get, "/cases/{id}/packet", Writer, cases::packet),
        route!(get, "/foia", LoggedIn, foia::list),
        route!(post, "/foia", Writer, foia_form::create),
        route!(get, "/foia/new", Writer, foia_form::new_form),
        route!(get, "/foia/calendar.ics", LoggedIn, foia::calendar),
        route!(get, "/foia/{id}", LoggedIn, foia::show),
        route!(get, "/foia/{id}/letter", Writer, foia::letter),
        route!(post, "/foia/{id}", Writer, foia_form::update),
        route!(get, "/foia/{id}/edit", Writer, foia_form::edit_form),
        // Documents are the evidence itself: every logged-in role reads
        // them (see pages/documents.rs).
        route!(get, "/documents", LoggedIn, documents::list),
        route!(post, "/documents/upload", Writer, uploads::documents),
        route!(get, "/documents/{id}", LoggedIn, documents::show),
        route!(
            get,
            "/documents/{id}/pages/{n}",
            LoggedIn,
            documents::page_view
        ),
        route!(
            get,
            "/documents/{id}/pages/{n}/image",
            LoggedIn,
            documents::page_image
        ),
        // Redacted copies are exports: roles that see every identity.
        route!(
            get,
            "/documents/{id}/pages/{n}/redact",
            Reviewer,
            documents::redact_form
        ),
        route!(
            post,
            "/documents/{id}/redact",
            Reviewer,
            documents::redact_make
        ),
        // Search and watchlists read document pages and event narratives,
        // never identity fields (see pages/search.rs).
        route!(get, "/search", LoggedIn, search::show),
        route!(get, "/watchlists", LoggedIn, watchlists::list),
        route!(post, "/watchlists", Writer, watchlists::create),
        route!(post, "/watchlists/run", Writer, watchlists::run),
        route!(get, "/watchlists/hits", LoggedIn, watchlists::hits),
        route!(
            post,
            "/watchlists/hits/{id}/accept",
            Writer,
            watchlists::accept
        ),
        route!(
            post,
            "/watchlists/hits/{id}/dismiss",
            Writer,
            watchlists::dismiss
        ),
        // People mentioned in evidence: hits of the people whose identity
        // the account may see (the use case filters; see pages/mentions.rs).
        route!(get, "/mentions", Writer, mentions::queue),
        route!(post, "/mentions/{id}", Writer, mentions::review),
        // The pattern analysis: aggregates without identity fields, for
        // every role; reports leave only with roles that write records,
        // audited (see pages/analysis.rs).
        route!(get, "/analysis", LoggedIn, analysis::show),
        // Spreadsheet import: coordinators and administrators, who see
        // every identity (rows are merged into people's identities).
        route!(get, "/import", Reviewer, imports::list),
        route!(post, "/import/upload", Reviewer, imports::upload),
        route!(get, "/import/{id}", Reviewer, imports::show),
        route!(post, "/import/{id}/layout", Reviewer, imports::layout),
        route!(post, "/import/{id}/mapping", Reviewer, imports::mapping),
        route!(post, "/import/{id}/profile", Reviewer, imports::profile),
        route!(post, "/import/{id}/matches", Reviewer, imports::matches),
        route!(post, "/import/{id}/save-profile", Reviewer, imports::save),
        route!(post, "/import/{id}/check", Reviewer, imports::check),
        route!(post, "/import/{id}/run", Reviewer, imports::run),
        route!(
            get,
            "/import/{id}/report.csv",
            Reviewer,
            imports::report_csv
        ),
        route!(post, "/analysis/report", Writer, analysis::download),
    ]
}

/// Routes whose bodies are uploads: read as a stream under the upload
/// limits (`Config::uploads`), not the form limit.
pub fn is_upload(path: &str) -> bool {
    path.ends_with("/files")
        || path == "/documents/upload"
        || path == "/import/upload"
        || path == "/api/v1/documents"
}

/// The app, with its guards, limits, headers and error pages.
pub fn router(state: AppState) -> Router {
    let mut app: Router<AppState> = Router::new();
    for (spec, method_router) in routes() {
        let method_router = if is_upload(spec.path) {
            method_router.layer(DefaultBodyLimit::disable())
        } else {
            method_router
        };
        let guarded = method_router.route_layer(middleware::from_fn_with_state(
            (state.clone(), spec.access),
            guard,
        ));
        app = app.route(spec.path, guarded);
    }
    for (spec, method_router) in api::api_routes() {
        let method_router = if is_upload(spec.path) {
            method_router.layer(DefaultBodyLimit::disable())
        } else {
            method_router
        };
        let guarded = method_router.route_layer(middleware::from_fn_with_state(
            (state.clone(), spec.access),
            api::api_guard,
        ));
        app = app.route(spec.path, guarded);
    }
    app.layer(middleware::from_fn_with_state(
        state.clone(),
        client::find_client,
    ))
    .layer(middleware::from_fn(error_pages))
    .layer(middleware::from_fn(security_headers))
    .layer(middleware::from_fn(access_log))
    .layer(DefaultBodyLimit::max(FORM_LIMIT))
    .with_state(state)
}

/// Serves `state` on `addr` until Ctrl-C.
///
/// # Errors
/// The address cannot be bound.
pub async fn serve(addr: SocketAddr, state: AppState) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    serve_on(listener, state).await
}

/// Serves on an already bound listener (tests bind port 0) until Ctrl-C,
/// within the connection limits of the state's [`Config`] (see `serve.rs`).
///
/// # Errors
/// None today: accept errors are logged and waited out, as before.
pub async fn serve_on(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let limits = state.config().connections.clone();
    let trusted = state.config().trusted_proxies.clone();
    serve::serve(listener, router(state), limits, trusted).await;
    Ok(())
}

async fn health() -> &'static str {
    "ok"
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/app.css"),
    )
        .into_response()
}

/// Headers on every response, errors and static files included.
async fn security_headers(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name: &'static str, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(
        h,
        "content-security-policy",
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "no-referrer");
    set(
        h,
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "cross-origin-resource-policy", "same-origin");
    if !h.contains_key(header::CACHE_CONTROL) {
        set(h, "cache-control", "no-store");
    }
    response
}

/// Replaces the body of every error response with a page in the user's
/// language that reveals nothing about the server's insides.
async fn error_pages(req: Request, next: Next) -> Response {
    let lang = i18n::negotiate(req.headers());
    let path = req.uri().path().to_owned();
    let response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    if path.starts_with("/api/") {
        if response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/json"))
        {
            return response;
        }
        let kind = response
            .extensions()
            .get::<ErrorKind>()
            .copied()
            .unwrap_or_else(|| ErrorKind::from_status(status));
        let mut json = api::json_error(lang, kind);
        *json.status_mut() = status;
        return json;
    }
    if response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"))
    {
        return response;
    }
    let kind = response
        .extensions()
        .get::<ErrorKind>()
        .copied()
        .unwrap_or_else(|| ErrorKind::from_status(status));
    // A use case's refusal says what was wrong; a server error never does.
    let detail = response
        .extensions()
        .get::<error::UseCaseError>()
        .filter(|_| status.is_client_error())
        .map(|err| err.message(lang));
    let mut page = pages::error_page(lang, &path, kind, detail.as_deref()).into_response();
    *page.status_mut() = status;
    page
}

/// One structured line per request: method, route path, status, time.
/// No query strings, no bodies, no cookies.
async fn access_log(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let response = next.run(req).await;
    tracing::info!(
        method = %method,
        path = %path,
        status = response.status().as_u16(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    response
}

/// Fills a route's `{param}`s with `value`, for tests that visit every route.
pub fn sample_path(pattern: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map_or(rest.len(), |e| start + e + 1);
        out.push_str(value);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The method of a [`RouteSpec`] as an HTTP method.
pub fn method_of(spec: &RouteSpec) -> Method {
    Method::from_bytes(spec.method.to_ascii_uppercase().as_bytes()).unwrap_or(Method::GET)
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request as HttpRequest, StatusCode};
    use testimonio_app::{AppError as UseCaseError, RecordKind};
    use testimonio_domain::Lang;
    use tower_service::Service;

    use super::*;

    /// The body of the error page for a handler failing with `err`, asked
    /// for in Spanish.
    async fn spanish_error_page(err: fn() -> error::AppError) -> (StatusCode, String) {
        let mut app: Router = Router::new()
            .route("/x", get(move || async move { Err::<(), _>(err()) }))
            .layer(middleware::from_fn(error_pages));
        let request = HttpRequest::get("/x")
            .header("accept-language", "es-MX")
            .body(Body::empty())
            .expect("request");
        let response = app.call(request).await.expect("infallible");
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .expect("body");
        (status, String::from_utf8(bytes.to_vec()).expect("utf-8"))
    }

    #[tokio::test]
    async fn a_refusal_shows_the_use_case_message_in_spanish() {
        let (status, body) = spanish_error_page(|| {
            UseCaseError::NotFound {
                kind: RecordKind::Person,
                id: "p-1".into(),
            }
            .into()
        })
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let expected = UseCaseError::NotFound {
            kind: RecordKind::Person,
            id: "p-1".into(),
        }
        .message(Lang::Es);
        assert!(body.contains(&expected), "{expected:?} missing in {body}");
        assert!(body.contains("p-1"));

        let (status, body) = spanish_error_page(|| {
            UseCaseError::UnknownReference {
                field: "people[0].person".into(),
                kind: RecordKind::Person,
                id: "p-9".into(),
            }
            .into()
        })
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.contains("p-9"), "{body}");
        assert!(body.contains("lang=\"es\""));
    }

    #[tokio::test]
    async fn an_internal_failure_shows_no_detail() {
        let (status, body) = spanish_error_page(|| {
            UseCaseError::internal(std::io::Error::other("secret-path /srv/vault")).into()
        })
        .await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!body.contains("secret-path"), "{body}");
        assert!(body.contains(testimonio_i18n::tr!(Lang::Es, "error-internal")));
    }
}
