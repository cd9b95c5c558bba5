//! Administration: users and their API tokens, the audit log, locking and
//! unlocking the vault.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use testimonio_domain::Role;
use testimonio_i18n::tr;
use testimonio_vault::{
    ApiToken, AuditEntry, ChainFault, Passphrase, Password, TokenStatus, User, Username, VaultError,
};

use crate::auth::Viewer;
use crate::client::ClientAddr;
use crate::error::AppError;
use crate::i18n::{Lang, format_time};
use crate::layout::{csrf_field, page};
use crate::session::{PRE_SESSION_COOKIE, random_token, set_cookie};
use crate::state::AppState;

/// The users page: accounts, their API tokens, a new account, locking.
fn users_page(
    viewer: &Viewer,
    users: &[User],
    tokens: &[ApiToken],
    message: Option<(bool, String)>,
) -> Markup {
    let lang = viewer.lang;
    let body = html! {
        h1 { (viewer.t("users-title")) }
        @if let Some((ok, text)) = &message {
            p class=(if *ok { "notice" } else { "error" }) role="status" { (text) }
        }
        table {
            thead { tr {
                th scope="col" { (viewer.t("field-username")) }
                th scope="col" { (viewer.t("field-role")) }
                th scope="col" { (viewer.t("field-status")) }
                th scope="col" {}
            } }
            tbody {
                @for u in users {
                    tr {
                        td translate="no" { (u.username.as_str()) }
                        td { (u.role.label(lang)) }
                        td { (if u.disabled { viewer.t("users-disabled") } else { viewer.t("users-active") }) }
                        td {
                            form method="post" action={ "/admin/users/" (u.id) "/disabled" } {
                                (csrf_field(viewer))
                                input type="hidden" name="disabled" value=(if u.disabled { "false" } else { "true" });
                                button type="submit" { (if u.disabled { viewer.t("users-enable") } else { viewer.t("users-disable") }) }
                            }
                        }
                    }
                }
            }
        }
        (tokens_table(viewer, users, tokens))
        h2 { (viewer.t("users-add")) }
        form.stack method="post" action="/admin/users" {
            (csrf_field(viewer))
            label for="new-username" { (viewer.t("field-username")) }
            input #new-username name="username" type="text" autocomplete="off" required;
            label for="new-role" { (viewer.t("field-role")) }
            select #new-role name="role" {
                @for r in Role::ALL { option value=(r.code()) { (r.label(lang)) } }
            }
            label for="new-password" { (viewer.t("field-password")) }
            input #new-password name="password" type="password" autocomplete="new-password" minlength="12" required;
            button type="submit" { (viewer.t("common-add")) }
        }
        h2 { (viewer.t("lock-button")) }
        p.hint { (viewer.t("lock-hint")) }
        form method="post" action="/admin/lock" {
            (csrf_field(viewer))
            button.danger type="submit" { (viewer.t("lock-button")) }
        }
    };
    page(viewer, viewer.t("users-title"), body)
}

/// Every API token (never the token itself): whose, what for, when made,
/// when it expires, when last used, whether it works, and a button to
/// revoke it while it does.
fn tokens_table(viewer: &Viewer, users: &[User], tokens: &[ApiToken]) -> Markup {
    let lang = viewer.lang;
    let now = testimonio_vault::now();
    let when = |t: Option<&str>| {
        t.map_or_else(
            || viewer.t("tokens-never").to_owned(),
            |t| format_time(lang, t),
        )
    };
    html! {
        h2 #tokens { (viewer.t("tokens-title")) }
        @if tokens.is_empty() {
            p.hint { (viewer.t("tokens-none")) }
        } @else {
            div.scroll { table {
                thead { tr {
                    th scope="col" { (viewer.t("audit-number")) }
                    th scope="col" { (viewer.t("field-username")) }
                    th scope="col" { (viewer.t("tokens-label")) }
                    th scope="col" { (viewer.t("tokens-created")) }
                    th scope="col" { (viewer.t("tokens-expires")) }
                    th scope="col" { (viewer.t("tokens-last-used")) }
                    th scope="col" { (viewer.t("field-status")) }
                    th scope="col" {}
                } }
                tbody {
                    @for t in tokens {
                        @let status = t.status(&now);
                        @let owner = users.iter().find(|u| u.username == t.username).map(|u| u.id);
                        tr {
                            td { (t.id) }
                            td translate="no" { (t.username.as_str()) }
                            td translate="no" { (t.label) }
                            td { (format_time(lang, &t.created_at)) }
                            td { (t.expires_at.as_deref().map_or_else(|| viewer.t("common-none").to_owned(), |e| format_time(lang, e))) }
                            td { (when(t.last_used.as_deref())) }
                            td { (viewer.t(match status {
                                TokenStatus::Active => "tokens-active",
                                TokenStatus::Expired => "tokens-expired",
                                TokenStatus::Revoked => "tokens-revoked",
                            })) }
                            td {
                                @if let (TokenStatus::Active, Some(owner)) = (status, owner) {
                                    form method="post" action={ "/admin/users/" (owner) "/tokens/" (t.id) "/revoke" } {
                                        (csrf_field(viewer))
                                        button.danger type="submit" { (viewer.t("tokens-revoke")) }
                                    }
                                }
                            }
                        }
                    }
                }
            } }
        }
    }
}

/// Every account and every API token, for the users page.
async fn accounts(
    state: &AppState,
    viewer: &Viewer,
) -> Result<(Vec<User>, Vec<ApiToken>), AppError> {
    state
        .with_vault(&viewer.actor(), |v| Ok((v.users()?, v.api_tokens(None)?)))
        .await
}

pub async fn users(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, AppError> {
    let (users, tokens) = accounts(&state, &viewer).await?;
    Ok(users_page(&viewer, &users, &tokens, None))
}

/// Revokes one API token of one account: it stops working at once.
pub async fn revoke_token(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, token)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    state
        .with_vault(&viewer.actor(), move |v| {
            let user = v.user(id)?.ok_or(AppError::NOT_FOUND)?;
            match v.revoke_api_token(&user.username, token) {
                Err(VaultError::NotFound { .. }) => Err(AppError::NOT_FOUND),
                other => Ok(other?),
            }
        })
        .await?;
    Ok(Redirect::to("/admin/users#tokens").into_response())
}

#[derive(Deserialize)]
pub struct NewUser {
    username: String,
    role: String,
    password: String,
}

pub async fn create_user(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<NewUser>,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    // Refusals are rendered from their typed errors, in the user's language.
    let refusal =
        |err: testimonio_vault::VaultError| testimonio_app::AppError::from(err).message(lang);
    let parsed = (|| {
        let username = Username::parse(&form.username).map_err(refusal)?;
        let role = Role::parse("role", &form.role).map_err(|e| e.message(lang))?;
        let password = Password::new(form.password).map_err(refusal)?;
        Ok::<_, String>((username, role, password))
    })();
    let result = match parsed {
        Ok((username, role, password)) => {
            state
                .with_vault(&viewer.actor(), move |v| {
                    match v.create_user(&username, role, &password) {
                        Ok(_) => Ok(Ok(())),
                        Err(e @ (VaultError::Refused(_) | VaultError::Conflict(_))) => {
                            Ok(Err(testimonio_app::AppError::from(e).message(lang)))
                        }
                        Err(other) => Err(other.into()),
                    }
                })
                .await?
        }
        Err(reason) => Err(reason),
    };
    let (users, tokens) = accounts(&state, &viewer).await?;
    let (status, message) = match result {
        Ok(()) => (
            axum::http::StatusCode::OK,
            (true, viewer.t("users-created").to_owned()),
        ),
        Err(reason) => (axum::http::StatusCode::BAD_REQUEST, (false, reason)),
    };
    Ok((status, users_page(&viewer, &users, &tokens, Some(message))).into_response())
}

#[derive(Deserialize)]
pub struct DisabledForm {
    disabled: bool,
}

pub async fn set_disabled(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<DisabledForm>,
) -> Result<Response, AppError> {
    // Disabling ends the account's sessions in the same transaction.
    state
        .with_vault(&viewer.actor(), move |v| {
            let user = v.user(id)?.ok_or(AppError::NOT_FOUND)?;
            Ok(v.set_disabled(&user.username, form.disabled)?)
        })
        .await?;
    Ok(Redirect::to("/admin/users").into_response())
}

/// An audit action's label in `lang`. Actions are stored as codes that are
/// never renamed ([`testimonio_vault::AuditAction::code`]); a code this
/// version does not know (written by a newer one) is shown as stored, in a
/// `translate="no"` span.
fn action_label(lang: Lang, code: &str) -> Markup {
    let label = match code {
        "vault_created" => tr!(lang, "audit-action-vault-created"),
        "passphrase_changed" => tr!(lang, "audit-action-passphrase-changed"),
        "record_created" => tr!(lang, "audit-action-record-created"),
        "record_updated" => tr!(lang, "audit-action-record-updated"),
        "identity_read" => tr!(lang, "audit-action-identity-read"),
        "import" => tr!(lang, "audit-action-import"),
        "export" => tr!(lang, "audit-action-export"),
        "document_added" => tr!(lang, "audit-action-document-added"),
        "document_received_again" => tr!(lang, "audit-action-document-received-again"),
        "document_read" => tr!(lang, "audit-action-document-read"),
        "backup" => tr!(lang, "audit-action-backup"),
        "restored" => tr!(lang, "audit-action-restored"),
        "check" => tr!(lang, "audit-action-check"),
        "age_identity_revealed" => tr!(lang, "audit-action-age-identity-revealed"),
        "user_changed" => tr!(lang, "audit-action-user-changed"),
        "login" => tr!(lang, "audit-action-login"),
        "locked" => tr!(lang, "audit-action-locked"),
        "unlocked" => tr!(lang, "audit-action-unlocked"),
        "search" => tr!(lang, "audit-action-search"),
        "unlock_failed" => tr!(lang, "audit-action-unlock-failed"),
        "capture_read" => tr!(lang, "audit-action-capture-read"),
        "testimony_read" => tr!(lang, "audit-action-testimony-read"),
        other => return html! { span translate="no" { (other) } },
    };
    html! { span data-code=(code) { (label) } }
}

/// A break in the audit chain, in `lang`.
fn chain_fault(lang: Lang, fault: &ChainFault) -> String {
    match *fault {
        ChainFault::Missing { after, next } => tr!(
            lang,
            "audit-fault-missing",
            count = next - after - 1,
            first = after + 1,
            last = next - 1
        ),
        ChainFault::Altered { seq } => tr!(lang, "audit-fault-altered", seq = seq),
        ChainFault::BrokenLink { seq } => tr!(lang, "audit-fault-broken-link", seq = seq),
    }
}

pub async fn audit(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, AppError> {
    let lang = viewer.lang;
    let (entries, total, faults): (Vec<AuditEntry>, usize, Vec<ChainFault>) = state
        .with_vault(&viewer.actor(), |v| {
            let entries = v.audit_tail(200)?;
            let (total, faults) = v.verify_audit_chain()?;
            Ok((entries, total, faults))
        })
        .await?;
    let body = html! {
        h1 { (tr!(lang, "audit-title-count", count = total)) }
        @if faults.is_empty() {
            p.notice { (viewer.t("audit-chain-ok")) }
        } @else {
            div.error role="alert" {
                p { (viewer.t("audit-chain-broken")) }
                ul { @for f in &faults { li { (chain_fault(lang, f)) } } }
            }
        }
        div.scroll {
            table {
                thead { tr {
                    th scope="col" { (viewer.t("audit-number")) }
                    th scope="col" { (viewer.t("audit-when")) }
                    th scope="col" { (viewer.t("audit-actor")) }
                    th scope="col" { (viewer.t("audit-action")) }
                    th scope="col" { (viewer.t("audit-object")) }
                    th scope="col" { (viewer.t("audit-detail")) }
                } }
                tbody {
                    @for e in entries.iter().rev() {
                        tr {
                            td { (e.seq) }
                            td { time datetime=(e.at) { (format_time(lang, &e.at)) } }
                            td translate="no" { (e.actor) }
                            td { (action_label(lang, &e.action)) }
                            td translate="no" { (e.object) }
                            td translate="no" { (e.detail) }
                        }
                    }
                }
            }
        }
    };
    Ok(page(&viewer, viewer.t("audit-title"), body))
}

pub async fn lock(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    // Ends every session in the same transaction as its audit entry.
    state
        .with_vault(&viewer.actor(), |v| Ok(v.record_lock()?))
        .await?;
    state.lock_vault();
    Ok(Redirect::to("/unlock").into_response())
}

fn unlock_page(viewer: &Viewer, refusal: Option<Refusal>) -> Response {
    let token = random_token();
    let body = html! {
        h1 { (viewer.t("unlock-title")) }
        @if let Some(refusal) = refusal { p.error role="alert" { (viewer.t(refusal.message_key())) } }
        form.stack method="post" action="/unlock" {
            input type="hidden" name="csrf" value=(token);
            label for="passphrase" { (viewer.t("unlock-passphrase")) }
            input #passphrase name="passphrase" type="password" autocomplete="off" required;
            button type="submit" { (viewer.t("unlock-submit")) }
        }
    };
    let cookie = set_cookie(PRE_SESSION_COOKIE, &token, Some(3600), true, false);
    let status = refusal.map_or(StatusCode::OK, Refusal::status);
    (
        status,
        [(header::SET_COOKIE, cookie)],
        page(viewer, viewer.t("unlock-title"), body),
    )
        .into_response()
}

/// Why an unlock attempt was turned down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    WrongPassphrase,
    /// Too many attempts from this client this minute.
    RateLimited,
    /// Another attempt was being checked for too long.
    Busy,
}

impl Refusal {
    fn message_key(self) -> &'static str {
        match self {
            Refusal::WrongPassphrase => "unlock-failed",
            Refusal::RateLimited => "unlock-rate-limited",
            Refusal::Busy => "unlock-busy",
        }
    }

    fn status(self) -> StatusCode {
        match self {
            Refusal::WrongPassphrase => StatusCode::BAD_REQUEST,
            Refusal::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Refusal::Busy => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

pub async fn unlock_form(State(state): State<AppState>, viewer: Viewer) -> Response {
    if !state.is_locked() {
        return Redirect::to("/").into_response();
    }
    unlock_page(&viewer, None)
}

#[derive(Deserialize)]
pub struct UnlockForm {
    passphrase: String,
}

/// Checks a passphrase: at most a few attempts per client address per
/// minute, refused before any key is derived; one at a time; every failure
/// logged and, at the next successful unlock, audited (see
/// `unlock_attempts.rs`).
pub async fn unlock(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    viewer: Viewer,
    Form(form): Form<UnlockForm>,
) -> Response {
    let attempts = state.unlock_attempts();
    if !attempts.allow(client) {
        return unlock_page(&viewer, Some(Refusal::RateLimited));
    }
    let Ok(passphrase) = Passphrase::new(form.passphrase) else {
        attempts.record_failure(client);
        return unlock_page(&viewer, Some(Refusal::WrongPassphrase));
    };
    let Some(turn) = attempts.turn().await else {
        return unlock_page(&viewer, Some(Refusal::Busy));
    };
    // A wrong passphrase is noted as a failure by the unlock itself.
    match state.unlock_vault(passphrase, client, turn).await {
        Ok(()) => Redirect::to("/login").into_response(),
        Err(VaultError::WrongKey) => unlock_page(&viewer, Some(Refusal::WrongPassphrase)),
        Err(other) => AppError::internal(&other).into_response(),
    }
}
