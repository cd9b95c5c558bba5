//! Two-factor login with TOTP (RFC 6238): enrollment with a QR code drawn
//! on the server, and the code step after the password.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use totp_rs::{Algorithm, Builder, Secret, Totp};
use zeroize::Zeroizing;

use crate::auth::Viewer;
use crate::error::AppError;
use crate::layout::{csrf_field, page, raw};
use crate::pages::login::{NextQuery, safe_next};
use crate::session::{SESSION_COOKIE, cookie, same_token, set_cookie};
use crate::state::AppState;

/// Wrong codes allowed in one login before the half-open session ends.
const MAX_CODE_FAILURES: u32 = 5;

fn totp(secret_b32: &str, account: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret_b32).ok()?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret)
        .with_account_name(account)
        .with_issuer(Some("Testimonio"))
        .build()
        .ok()
}

/// Checks `code` against the secret, refusing a step already used by this
/// account (RFC 6238 §5.2: a code is accepted once).
fn accept(state: &AppState, user_id: i64, secret_b32: &str, account: &str, code: &str) -> bool {
    let code: String = code.chars().filter(char::is_ascii_digit).collect();
    let Some(step) = totp(secret_b32, account).and_then(|t| t.check_current(&code)) else {
        return false;
    };
    state.accept_totp_step(user_id, step)
}

/// A fresh 160-bit secret, base32 (RFC 4226 recommends 160 bits).
fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
    let secret = Secret::from(bytes).to_base32();
    zeroize::Zeroize::zeroize(&mut bytes);
    secret
}

/// The QR code of an `otpauth://` URL, as SVG.
fn qr_svg(url: &str) -> String {
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(220, 220)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
    next: Option<String>,
}

fn code_page(viewer: &Viewer, csrf: &str, next: &str, failed: bool) -> Response {
    let body = html! {
        h1 { (viewer.t("twofactor.title")) }
        @if failed { p.error role="alert" { (viewer.t("twofactor.wrong_code")) } }
        form.stack method="post" action="/login/2fa" {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="next" value=(next);
            label for="code" { (viewer.t("twofactor.code")) }
            input #code name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required;
            button type="submit" { (viewer.t("login.submit")) }
        }
    };
    let status = if failed {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    (status, page(viewer, viewer.t("twofactor.title"), body)).into_response()
}

/// The code step of a login whose password was accepted.
pub async fn code_form(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Response {
    let pending = cookie(&headers, SESSION_COOKIE)
        .and_then(|t| state.sessions().get(&t, state.config().timeouts));
    match pending {
        Some(s) if s.second_factor_pending => {
            code_page(&viewer, &s.csrf, &safe_next(q.next.as_deref()), false)
        }
        _ => Redirect::to("/login").into_response(),
    }
}

/// Checks the code and turns the half-open session into a full one under
/// a new cookie (no session fixation). The guard cannot check this form's
/// CSRF token (no full session yet), so it is checked here.
pub async fn code_submit(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let Some(token) = cookie(&headers, SESSION_COOKIE) else {
        return Ok(Redirect::to("/login").into_response());
    };
    let Some(session) = state
        .sessions()
        .get(&token, state.config().timeouts)
        .filter(|s| s.second_factor_pending)
    else {
        return Ok(Redirect::to("/login").into_response());
    };
    let given_csrf = crate::auth::form_field(&body, "csrf").unwrap_or_default();
    if !same_token(&given_csrf, &session.csrf) {
        return Err(AppError::Kind(crate::error::ErrorKind::Csrf));
    }
    let form: CodeForm = serde_urlencoded_form(&body).ok_or(AppError::BAD_REQUEST)?;
    let next = safe_next(form.next.as_deref());
    let user_id = session.user_id;
    let (secret, user) = state
        .with_vault("web:login", move |v| {
            Ok((v.totp_secret(user_id)?, v.user(user_id)?))
        })
        .await?;
    let (Some(secret), Some(user)) = (secret, user) else {
        state.sessions().remove(&token);
        return Ok(Redirect::to("/login").into_response());
    };
    if !accept(&state, user_id, &secret, user.username.as_str(), &form.code) {
        let mut failures = 0;
        state.sessions().update(&token, |s| {
            s.second_factor_failures += 1;
            failures = s.second_factor_failures;
        });
        if failures >= MAX_CODE_FAILURES {
            state.sessions().remove(&token);
            return Ok(Redirect::to("/login").into_response());
        }
        return Ok(code_page(&viewer, &session.csrf, &next, true));
    }
    state.sessions().remove(&token);
    let fresh = state.sessions().create(user_id, false);
    let cookie = set_cookie(
        SESSION_COOKIE,
        &fresh,
        None,
        true,
        state.config().secure_cookies,
    );
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response())
}

fn serde_urlencoded_form(body: &[u8]) -> Option<CodeForm> {
    Some(CodeForm {
        code: crate::auth::form_field(body, "code")?,
        next: crate::auth::form_field(body, "next"),
    })
}

fn settings_page(
    viewer: &Viewer,
    enabled: bool,
    enrolling: Option<(&str, &str)>,
    message: Option<(bool, &'static str)>,
) -> Markup {
    let body = html! {
        h1 { (viewer.t("twofactor.settings")) }
        @if let Some((ok, key)) = message {
            p class=(if ok { "notice" } else { "error" }) role="status" { (viewer.t(key)) }
        }
        @if enabled {
            p.notice { (viewer.t("twofactor.enabled")) }
            form.stack method="post" action="/account/2fa/disable" {
                (csrf_field(viewer))
                label for="code" { (viewer.t("twofactor.code")) }
                input #code name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required;
                button.danger type="submit" { (viewer.t("twofactor.disable")) }
            }
        } @else if let Some((secret, url)) = enrolling {
            p { (viewer.t("twofactor.scan")) }
            figure.qr { (raw(qr_svg(url))) }
            p { (viewer.t("twofactor.or_type")) " " code { (secret) } }
            form.stack method="post" action="/account/2fa" {
                (csrf_field(viewer))
                label for="code" { (viewer.t("twofactor.code")) }
                input #code name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required;
                button type="submit" { (viewer.t("twofactor.enable")) }
            }
        }
    };
    page(viewer, viewer.t("twofactor.settings"), body)
}

/// Shows the state of two-factor login; when off, starts an enrollment
/// with a fresh secret kept in the session until confirmed.
pub async fn settings(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
) -> Result<Markup, AppError> {
    let user = viewer.user()?.clone();
    let user_id = user.id;
    let enabled = state
        .with_vault(&viewer.actor(), move |v| {
            Ok(v.totp_secret(user_id)?.is_some())
        })
        .await?;
    if enabled {
        return Ok(settings_page(&viewer, true, None, None));
    }
    let secret = Zeroizing::new(new_secret());
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        let kept = secret.clone();
        state
            .sessions()
            .update(&token, move |s| s.enrolling_secret = Some(kept));
    }
    let url = totp(&secret, user.username.as_str())
        .and_then(|t| t.to_url().ok())
        .unwrap_or_default();
    Ok(settings_page(&viewer, false, Some((&secret, &url)), None))
}

#[derive(Deserialize)]
pub struct SettingsForm {
    code: String,
}

pub async fn enable(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Form(form): Form<SettingsForm>,
) -> Result<Response, AppError> {
    let user = viewer.user()?.clone();
    let token = cookie(&headers, SESSION_COOKIE).unwrap_or_default();
    let secret = state
        .sessions()
        .get(&token, state.config().timeouts)
        .and_then(|s| s.enrolling_secret);
    let Some(secret) = secret else {
        return Ok(Redirect::to("/account/2fa").into_response());
    };
    if !accept(&state, user.id, &secret, user.username.as_str(), &form.code) {
        let url = totp(&secret, user.username.as_str())
            .and_then(|t| t.to_url().ok())
            .unwrap_or_default();
        let page = settings_page(
            &viewer,
            false,
            Some((&secret, &url)),
            Some((false, "twofactor.wrong_code")),
        );
        return Ok((StatusCode::BAD_REQUEST, page).into_response());
    }
    let user_id = user.id;
    let stored = secret.clone();
    state
        .with_vault(&viewer.actor(), move |v| {
            Ok(v.set_totp_secret(user_id, Some(&stored))?)
        })
        .await?;
    state
        .sessions()
        .update(&token, |s| s.enrolling_secret = None);
    Ok(settings_page(&viewer, true, None, Some((true, "twofactor.now_enabled"))).into_response())
}

pub async fn disable(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<SettingsForm>,
) -> Result<Response, AppError> {
    let user = viewer.user()?.clone();
    let user_id = user.id;
    let secret = state
        .with_vault(&viewer.actor(), move |v| Ok(v.totp_secret(user_id)?))
        .await?;
    let Some(secret) = secret else {
        return Ok(Redirect::to("/account/2fa").into_response());
    };
    if !accept(&state, user.id, &secret, user.username.as_str(), &form.code) {
        let page = settings_page(&viewer, true, None, Some((false, "twofactor.wrong_code")));
        return Ok((StatusCode::BAD_REQUEST, page).into_response());
    }
    state
        .with_vault(&viewer.actor(), move |v| {
            Ok(v.set_totp_secret(user_id, None)?)
        })
        .await?;
    Ok(Redirect::to("/account/2fa").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_verify_and_the_qr_is_an_svg() {
        let secret = new_secret();
        let t = totp(&secret, "ana").unwrap();
        let code = t.generate_current().to_string();
        assert!(t.check_current(&code).is_some());
        let url = t.to_url().unwrap();
        assert!(url.starts_with("otpauth://totp/"));
        let svg = qr_svg(&url);
        assert!(svg.contains("<svg") && !svg.contains("<script"));
    }
}
