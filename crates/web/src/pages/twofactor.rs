//! Two-factor login with TOTP (RFC 6238): enrollment with a QR code drawn
//! on the server, and the code step after the password.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use testimonio_vault::{SecondFactorOutcome, WebSession};
use totp_rs::{Algorithm, Builder, Secret, Totp};
use zeroize::Zeroizing;

use crate::auth::Viewer;
use crate::error::AppError;
use crate::layout::{csrf_field, page, raw};
use crate::pages::login::{NextQuery, safe_next};
use crate::session::{SESSION_COOKIE, cookie, same_token, set_cookie};
use crate::state::AppState;

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

/// The time step `code` matches for the secret, if any.
fn matching_step(secret_b32: &str, account: &str, code: &str) -> Option<u64> {
    let code: String = code.chars().filter(char::is_ascii_digit).collect();
    totp(secret_b32, account).and_then(|t| t.check_current(&code))
}

/// Checks a code against the account's own secret, through the vault's
/// per-account throttle: counted before it is evaluated, refused while the
/// account is in its delay, every failure audited, a step used once.
async fn check_account_code(
    state: &AppState,
    actor: &str,
    user_id: i64,
    account: &str,
    code: &str,
) -> Result<SecondFactorOutcome, AppError> {
    let throttle = state.config().second_factor_throttle;
    let account = account.to_owned();
    let code = Zeroizing::new(code.to_owned());
    state
        .with_vault(actor, move |v| {
            Ok(v.verify_second_factor(user_id, &throttle, |secret| {
                matching_step(secret, &account, &code)
            })?)
        })
        .await
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

/// The code form; `problem` is a message key and its status.
fn code_page(
    viewer: &Viewer,
    csrf: &str,
    next: &str,
    problem: Option<(StatusCode, &'static str)>,
) -> Response {
    let body = html! {
        h1 { (viewer.t("twofactor-title")) }
        @if let Some((_, key)) = problem { p.error role="alert" { (viewer.t(key)) } }
        form.stack method="post" action="/login/2fa" {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="next" value=(next);
            label for="code" { (viewer.t("twofactor-code")) }
            input #code name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required;
            button type="submit" { (viewer.t("login-submit")) }
        }
    };
    let status = problem.map_or(StatusCode::OK, |(status, _)| status);
    (status, page(viewer, viewer.t("twofactor-title"), body)).into_response()
}

/// The half-open session of the request's cookie, if it has one (none
/// while the vault is locked: locking ended it).
async fn pending_session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(String, WebSession)>, AppError> {
    let Some(token) = cookie(headers, SESSION_COOKIE).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let session = match state.session(&token).await {
        Ok(found) => found.filter(|s| s.second_factor_pending),
        Err(AppError::Locked) => None,
        Err(e) => return Err(e),
    };
    Ok(session.map(|s| (token, s)))
}

/// The code step of a login whose password was accepted.
pub async fn code_form(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    Ok(match pending_session(&state, &headers).await? {
        Some((_, s)) => code_page(&viewer, &s.csrf, &safe_next(q.next.as_deref()), None),
        None => Redirect::to("/login").into_response(),
    })
}

/// Checks the code and turns the half-open session into a full one under
/// a new cookie (no session fixation). The guard cannot check this form's
/// CSRF token (no full session yet), so it is checked here. Wrong codes
/// are counted per account in the vault, across sessions and logins
/// (`Vault::verify_second_factor`).
pub async fn code_submit(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let Some((token, session)) = pending_session(&state, &headers).await? else {
        return Ok(Redirect::to("/login").into_response());
    };
    let given_csrf = crate::auth::form_field(&body, "csrf").unwrap_or_default();
    if !same_token(&given_csrf, &session.csrf) {
        return Err(AppError::Kind(crate::error::ErrorKind::Csrf));
    }
    let form: CodeForm = serde_urlencoded_form(&body).ok_or(AppError::BAD_REQUEST)?;
    let next = safe_next(form.next.as_deref());
    let user = session.user;
    let outcome = check_account_code(
        &state,
        "web:login",
        user.id,
        user.username.as_str(),
        &form.code,
    )
    .await?;
    match outcome {
        SecondFactorOutcome::Accepted => {}
        SecondFactorOutcome::Wrong => {
            let problem = (StatusCode::BAD_REQUEST, "twofactor-wrong-code");
            return Ok(code_page(&viewer, &session.csrf, &next, Some(problem)));
        }
        SecondFactorOutcome::Throttled { .. } => {
            let problem = (StatusCode::TOO_MANY_REQUESTS, "twofactor-throttled");
            return Ok(code_page(&viewer, &session.csrf, &next, Some(problem)));
        }
        SecondFactorOutcome::NotEnrolled => {
            state.end_session(&token).await?;
            return Ok(Redirect::to("/login").into_response());
        }
    }
    state.end_session(&token).await?;
    let fresh = state.start_session(user.id, false).await?;
    let cookie = set_cookie(
        SESSION_COOKIE,
        &fresh.token,
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
        h1 { (viewer.t("twofactor-settings")) }
        @if let Some((ok, key)) = message {
            p class=(if ok { "notice" } else { "error" }) role="status" { (viewer.t(key)) }
        }
        @if enabled {
            p.notice { (viewer.t("twofactor-enabled")) }
            form.stack method="post" action="/account/2fa/disable" {
                (csrf_field(viewer))
                label for="code" { (viewer.t("twofactor-code")) }
                input #code name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required;
                button.danger type="submit" { (viewer.t("twofactor-disable")) }
            }
        } @else if let Some((secret, url)) = enrolling {
            p { (viewer.t("twofactor-scan")) }
            figure.qr { (raw(qr_svg(url))) }
            p { (viewer.t("twofactor-or-type")) " " span translate="no" { code { (secret) } } }
            form.stack method="post" action="/account/2fa" {
                (csrf_field(viewer))
                label for="code" { (viewer.t("twofactor-code")) }
                input #code name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required;
                button type="submit" { (viewer.t("twofactor-enable")) }
            }
        }
    };
    page(viewer, viewer.t("twofactor-settings"), body)
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
            .with_vault(&viewer.actor(), move |v| {
                Ok(v.set_session_enrollment(&token, Some(&kept))?)
            })
            .await?;
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
        .session(&token)
        .await?
        .and_then(|s| s.enrolling_secret);
    let Some(secret) = secret else {
        return Ok(Redirect::to("/account/2fa").into_response());
    };
    // A code of the secret being enrolled (not yet the account's: nothing
    // to throttle); its step cannot log in afterwards.
    let Some(step) = matching_step(&secret, user.username.as_str(), &form.code) else {
        let url = totp(&secret, user.username.as_str())
            .and_then(|t| t.to_url().ok())
            .unwrap_or_default();
        let page = settings_page(
            &viewer,
            false,
            Some((&secret, &url)),
            Some((false, "twofactor-wrong-code")),
        );
        return Ok((StatusCode::BAD_REQUEST, page).into_response());
    };
    let user_id = user.id;
    state
        .with_vault(&viewer.actor(), move |v| {
            v.enable_second_factor(user_id, &secret, step)?;
            Ok(v.set_session_enrollment(&token, None)?)
        })
        .await?;
    Ok(settings_page(&viewer, true, None, Some((true, "twofactor-now-enabled"))).into_response())
}

pub async fn disable(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<SettingsForm>,
) -> Result<Response, AppError> {
    let user = viewer.user()?.clone();
    let user_id = user.id;
    let outcome = check_account_code(
        &state,
        &viewer.actor(),
        user_id,
        user.username.as_str(),
        &form.code,
    )
    .await?;
    let problem = match outcome {
        SecondFactorOutcome::Accepted => {
            state
                .with_vault(&viewer.actor(), move |v| {
                    Ok(v.disable_second_factor(user_id)?)
                })
                .await?;
            return Ok(Redirect::to("/account/2fa").into_response());
        }
        SecondFactorOutcome::NotEnrolled => {
            return Ok(Redirect::to("/account/2fa").into_response());
        }
        SecondFactorOutcome::Wrong => (StatusCode::BAD_REQUEST, "twofactor-wrong-code"),
        SecondFactorOutcome::Throttled { .. } => {
            (StatusCode::TOO_MANY_REQUESTS, "twofactor-throttled")
        }
    };
    let page = settings_page(&viewer, true, None, Some((false, problem.1)));
    Ok((problem.0, page).into_response())
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
