//! Who is asking: the session, the account, its role, the language, and
//! the guard that enforces each route's access rule and CSRF.

use std::net::SocketAddr;

use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use testimonio_vault::User;

use crate::error::{AppError, ErrorKind};
use crate::i18n::{Lang, negotiate};
use crate::session::{PRE_SESSION_COOKIE, SESSION_COOKIE, cookie, same_token};
use crate::state::AppState;

/// Largest form body accepted (a long narrative fits many times over).
pub const FORM_LIMIT: usize = 256 * 1024;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, without even looking at the session: health and static files.
    Static,
    /// Anyone, also while the vault is locked (login, unlock).
    Public,
    /// Any logged-in account.
    LoggedIn,
    /// Accounts that may write records: admin, coordinator, documenter.
    Writer,
    /// Coordinators and administrators: who marks testimonies reviewed
    /// for publication.
    Reviewer,
    /// Administrators.
    Admin,
}

impl Access {
    pub fn allows(self, user: Option<&User>) -> bool {
        match (self, user) {
            (Access::Static | Access::Public, _) => true,
            (_, None) => false,
            (Access::LoggedIn, Some(_)) => true,
            (Access::Writer, Some(u)) => u.role.can_write_records(),
            (Access::Reviewer, Some(u)) => u.role.sees_all_identities(),
            (Access::Admin, Some(u)) => u.role.is_admin(),
        }
    }
}

/// The person looking at a page: language, account (if logged in), the
/// CSRF token for forms, the path (for the language switch).
#[derive(Debug, Clone)]
pub struct Viewer {
    pub lang: Lang,
    pub user: Option<User>,
    pub csrf: String,
    pub path: String,
}

impl Viewer {
    /// The logged-in account; routes behind the guard always have one.
    ///
    /// # Errors
    /// [`ErrorKind::Unauthorized`] when there is none.
    pub fn user(&self) -> Result<&User, AppError> {
        self.user
            .as_ref()
            .ok_or(AppError::Kind(ErrorKind::Unauthorized))
    }

    /// The logged-in account as the actor of a use case.
    ///
    /// # Errors
    /// [`ErrorKind::Unauthorized`] when there is none.
    pub fn app_actor(&self) -> Result<testimonio_app::Actor, AppError> {
        let user = self.user()?;
        Ok(testimonio_app::Actor::Account {
            username: user.username.to_string(),
            role: user.role,
        })
    }

    /// The name recorded in the audit log for this viewer's actions.
    pub fn actor(&self) -> String {
        self.user
            .as_ref()
            .map_or_else(|| "web:anonymous".to_owned(), User::actor_name)
    }

    pub fn t(&self, key: &'static str) -> &'static str {
        crate::i18n::t(self.lang, key)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .ok_or_else(|| AppError::internal(&"route without the access guard"))
    }
}

/// The client's address, for rate limiting: the peer, or the client named
/// by a trusted proxy (see `client.rs`).
pub fn client_ip(req: &Request) -> std::net::IpAddr {
    match req.extensions().get::<crate::client::ClientAddr>() {
        Some(client) => client.0,
        None => req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(std::net::IpAddr::from([127, 0, 0, 1]), |c| c.0.ip()),
    }
}

/// Enforces `access` for one route: resolves the session and account,
/// refuses what the role may not do, checks the CSRF token of every
/// state-changing request, and hands handlers a [`Viewer`].
pub async fn guard(
    State((state, access)): State<(AppState, Access)>,
    req: Request,
    next: Next,
) -> Response {
    match check(&state, access, req).await {
        Ok(req) => next.run(req).await,
        Err(response) => response,
    }
}

async fn check(state: &AppState, access: Access, mut req: Request) -> Result<Request, Response> {
    let lang = negotiate(req.headers());
    if access == Access::Static {
        let path = req.uri().path().to_owned();
        req.extensions_mut().insert(Viewer {
            lang,
            user: None,
            csrf: String::new(),
            path,
        });
        return Ok(req);
    }
    if !matches!(access, Access::Public) && state.is_locked() {
        return Err(AppError::Locked.into_response());
    }
    let token = cookie(req.headers(), SESSION_COOKIE).filter(|t| !t.is_empty());
    // From the vault: a session ended by a password change or a disable
    // (from any process), a logout or a lock is gone for every request.
    let any_session = match token {
        Some(t) => match state.session(&t).await {
            Ok(found) => found,
            Err(AppError::Locked) if access == Access::Public => None,
            Err(e) => return Err(e.into_response()),
        },
        None => None,
    };
    // A session waiting for its TOTP code is not logged in yet; its CSRF
    // token still protects the code form.
    let pending_csrf = any_session
        .as_ref()
        .filter(|s| s.second_factor_pending)
        .map(|s| s.csrf.to_string());
    let session = any_session.filter(|s| !s.second_factor_pending);
    let user = session.as_ref().map(|s| s.user.clone());
    if !access.allows(user.as_ref()) {
        if user.is_some() {
            return Err(AppError::FORBIDDEN.into_response());
        }
        if req.method() == Method::GET {
            let next = crate::layout::encode_path(req.uri().path());
            return Err(Redirect::to(&format!("/login?next={next}")).into_response());
        }
        return Err(AppError::Kind(ErrorKind::Unauthorized).into_response());
    }
    let csrf = match (&session, pending_csrf) {
        (Some(s), _) => s.csrf.to_string(),
        (None, Some(pending)) => pending,
        (None, None) => cookie(req.headers(), PRE_SESSION_COOKIE).unwrap_or_default(),
    };
    let path = req.uri().path().to_owned();
    let mut req = if is_state_changing(req.method()) {
        verify_csrf(req, &csrf).await?
    } else {
        req
    };
    req.extensions_mut().insert(Viewer {
        lang,
        user,
        csrf,
        path,
    });
    Ok(req)
}

fn is_state_changing(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Reads the form body (bounded), checks its `csrf` field against the
/// expected token, and puts the body back for the handler.
async fn verify_csrf(req: Request, expected: &str) -> Result<Request, Response> {
    if is_multipart(req.headers()) {
        // An upload is streamed to its handler, never buffered here: its
        // token comes in the form's action URL (`?csrf=`), which is
        // neither logged (the access log has the path only) nor sent on
        // as a referrer (the answer is a page of its own).
        let given = req
            .uri()
            .query()
            .and_then(|q| form_field(q.as_bytes(), "csrf"))
            .unwrap_or_default();
        if expected.is_empty() || !same_token(&given, expected) {
            return Err(AppError::Kind(ErrorKind::Csrf).into_response());
        }
        return Ok(req);
    }
    let (parts, body) = req.into_parts();
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let bytes = to_bytes(body, FORM_LIMIT)
        .await
        .map_err(|_| AppError::Kind(ErrorKind::TooLarge).into_response())?;
    let given = if is_form {
        form_field(&bytes, "csrf").unwrap_or_default()
    } else {
        String::new()
    };
    if expected.is_empty() || !same_token(&given, expected) {
        return Err(AppError::Kind(ErrorKind::Csrf).into_response());
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// Whether a request's body is `multipart/form-data` (an upload).
pub fn is_multipart(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        })
}

/// One field of an urlencoded body (decoded by `form_urlencoded`; an
/// invalid escape stays as it was, invalid UTF-8 becomes U+FFFD). The
/// caller bounds the body's size.
pub fn form_field(body: &[u8], name: &str) -> Option<String> {
    form_urlencoded::parse(body)
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

#[cfg(test)]
mod tests {
    use super::form_field;

    #[test]
    fn form_fields_are_percent_and_plus_decoded() {
        let body = b"csrf=ab%2Fc&next=%2Fpeople%3Fq%3D1&name=Jos%C3%A9+P%C3%A9rez&empty=&flag";
        assert_eq!(form_field(body, "csrf").as_deref(), Some("ab/c"));
        assert_eq!(form_field(body, "next").as_deref(), Some("/people?q=1"));
        assert_eq!(form_field(body, "name").as_deref(), Some("José Pérez"));
        assert_eq!(form_field(body, "empty").as_deref(), Some(""));
        assert_eq!(form_field(body, "flag").as_deref(), Some(""));
        assert_eq!(form_field(body, "missing"), None);
        // The first of repeated fields; names are decoded too.
        assert_eq!(form_field(b"a=1&a=2&b%20c=3", "a").as_deref(), Some("1"));
        assert_eq!(form_field(b"a=1&a=2&b%20c=3", "b c").as_deref(), Some("3"));
    }

    #[test]
    fn a_broken_escape_never_matches_a_token() {
        // A bad escape is kept as written, so it can never equal a hex token.
        assert_eq!(form_field(b"csrf=%zz%4", "csrf").as_deref(), Some("%zz%4"));
        assert_eq!(form_field(b"csrf=%ff", "csrf").as_deref(), Some("\u{FFFD}"));
    }
}
