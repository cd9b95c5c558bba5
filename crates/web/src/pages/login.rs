//! Logging in and out, and switching language.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;
use testimonio_vault::{LoginOutcome, Password};

use crate::auth::Viewer;
use crate::client::ClientAddr;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::layout::page;
use crate::session::{DEVICE_COOKIE, PRE_SESSION_COOKIE, SESSION_COOKIE, random_token, set_cookie};
use crate::state::AppState;

#[derive(Debug, Deserialize, Default)]
pub struct NextQuery {
    pub next: Option<String>,
}

/// Only local paths: never an open redirect to another site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        // Browsers drop tabs and newlines from URLs (`/\t/host` becomes
        // `//host`), and control characters cannot go in a header at all.
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n
                    .bytes()
                    .any(|b| b == b'\\' || b == b' ' || b.is_ascii_control()) =>
        {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

pub async fn switch_language(Path(code): Path<String>, Query(q): Query<NextQuery>) -> Response {
    let lang = Lang::from_tag(&code).unwrap_or_default();
    let cookie = set_cookie("lang", lang.code(), Some(365 * 24 * 3600), false, false);
    (
        [(header::SET_COOKIE, cookie)],
        Redirect::to(&safe_next(q.next.as_deref())),
    )
        .into_response()
}

fn login_page(viewer: &Viewer, next: &str, message: Option<&'static str>) -> Response {
    // A fresh double-submit token for the form shown before any session.
    let token = random_token();
    let body = html! {
        h1 { (viewer.t("login-title")) }
        @if let Some(key) = message {
            p.error role="alert" { (viewer.t(key)) }
        }
        form.stack method="post" action="/login" {
            input type="hidden" name="csrf" value=(token);
            input type="hidden" name="next" value=(next);
            label for="username" { (viewer.t("login-username")) }
            input #username name="username" type="text" autocomplete="username" autocapitalize="none" required;
            label for="password" { (viewer.t("login-password")) }
            input #password name="password" type="password" autocomplete="current-password" required;
            button type="submit" { (viewer.t("login-submit")) }
        }
    };
    let cookie = set_cookie(PRE_SESSION_COOKIE, &token, Some(3600), true, false);
    let status = if message.is_some() {
        axum::http::StatusCode::BAD_REQUEST
    } else {
        axum::http::StatusCode::OK
    };
    (
        status,
        [(header::SET_COOKIE, cookie)],
        page(viewer, viewer.t("login-title"), body),
    )
        .into_response()
}

pub async fn form(
    viewer: Viewer,
    headers: axum::http::HeaderMap,
    Query(q): Query<NextQuery>,
) -> Response {
    if viewer.user.is_some() {
        return Redirect::to(&safe_next(q.next.as_deref())).into_response();
    }
    // A session cookie that no longer opens a session: it timed out, the
    // account was disabled, or the vault was locked.
    if crate::session::cookie(&headers, SESSION_COOKIE).is_some_and(|c| !c.is_empty()) {
        let mut page = login_page(
            &viewer,
            &safe_next(q.next.as_deref()),
            Some("login-expired"),
        );
        *page.status_mut() = axum::http::StatusCode::OK;
        return page;
    }
    login_page(&viewer, &safe_next(q.next.as_deref()), None)
}

#[derive(Deserialize)]
pub struct LoginForm {
    username: String,
    password: String,
    next: Option<String>,
}

pub async fn submit(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    viewer: Viewer,
    headers: axum::http::HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let next = safe_next(form.next.as_deref());
    if !state.allow_login_attempt(client) {
        let mut r = login_page(&viewer, &next, Some("login-rate-limited"));
        *r.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
        return Ok(r);
    }
    let username = form.username;
    let password = Password::attempt(form.password);
    let throttle = state.config().login_throttle;
    let device = crate::session::cookie(&headers, DEVICE_COOKIE).map(zeroize::Zeroizing::new);
    let known = device.clone();
    let outcome = state
        .with_vault("web:login", move |v| {
            Ok(v.verify_login(
                &username,
                &password,
                &throttle,
                known.as_deref().map(String::as_str),
            )?)
        })
        .await?;
    let user = match outcome {
        LoginOutcome::Success(user) => user,
        // One answer for an unknown name, a wrong password and an account
        // in its delay, so that none tells whether a username exists.
        LoginOutcome::BadCredentials | LoginOutcome::Throttled { .. } => {
            return Ok(login_page(&viewer, &next, Some("login-failed")));
        }
        LoginOutcome::Disabled => return Ok(login_page(&viewer, &next, Some("login-disabled"))),
    };
    let user_id = user.id;
    let (has_second_factor, new_device) = state
        .with_vault(&user.actor_name(), move |v| {
            let new_device = v.remember_device(user_id, device.as_deref().map(String::as_str))?;
            Ok((v.totp_secret(user_id)?.is_some(), new_device))
        })
        .await?;
    let session = state.start_session(user.id, has_second_factor).await?;
    let next = if has_second_factor {
        format!("/login/2fa?next={}", crate::layout::encode_path(&next))
    } else {
        next
    };
    let secure = state.config().secure_cookies;
    let cookie = set_cookie(SESSION_COOKIE, &session.token, None, true, secure);
    let clear_pre = set_cookie(PRE_SESSION_COOKIE, "", Some(0), true, secure);
    let mut response = (
        AppendHeaders([
            (header::SET_COOKIE, cookie),
            (header::SET_COOKIE, clear_pre),
        ]),
        Redirect::to(&next),
    )
        .into_response();
    if let Some(device) = new_device {
        let age = u64::from(testimonio_vault::login::DEVICE_DAYS) * 24 * 3600;
        let cookie = set_cookie(DEVICE_COOKIE, &device, Some(age), true, secure);
        if let Ok(value) = axum::http::HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    Ok(response)
}

pub async fn logout(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Result<Response, AppError> {
    if let Some(token) = crate::session::cookie(&headers, SESSION_COOKIE) {
        state.end_session(&token).await?;
    }
    let cookie = set_cookie(
        SESSION_COOKIE,
        "",
        Some(0),
        true,
        state.config().secure_cookies,
    );
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/login")).into_response())
}
