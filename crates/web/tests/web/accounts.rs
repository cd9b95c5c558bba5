//! Logins, second factors, sessions and API tokens under attack: parallel
//! guesses are counted per account in the vault and evaluated only up to
//! the limit; refusals look alike whether the name exists or not; the
//! owner gets in once the delay has passed; sessions survive a restart and
//! end with a lock, a password change or a disable made elsewhere; API
//! tokens expire and are revoked.

use std::time::Duration;

use reqwest::StatusCode;
use testimonio_domain::Role;
use testimonio_vault::{Password, Throttle, Username};
use testimonio_web::Config;
use tokio::task::JoinSet;
use totp_rs::{Algorithm, Builder, Secret};

use crate::support::{Agent, Reply, TestApp, form_body, spawn_app, spawn_app_with};

/// No per-address limit in the way: these tests are about accounts.
fn many_attempts() -> Config {
    Config {
        login_attempts_per_minute: 100_000,
        ..Config::default()
    }
}

/// Audit entries about `user:NAME` of action `login` whose detail starts
/// with `prefix`.
async fn audited(app: &TestApp, name: &str, prefix: &'static str) -> usize {
    let object = format!("user:{name}");
    app.state
        .with_vault("test:check", move |v| {
            Ok(v.audit_tail(1_000_000)?
                .iter()
                .filter(|e| {
                    e.action == "login" && e.object == object && e.detail.starts_with(prefix)
                })
                .count())
        })
        .await
        .expect("vault unlocked")
}

/// A reply with its CSRF token (in the form and in the cookie) replaced
/// by a mark, and without the headers that change with every response.
fn without_tokens(reply: &Reply) -> (StatusCode, Vec<(String, String)>, String) {
    let token = reply.hidden("csrf").expect("a login form");
    let mut headers: Vec<(String, String)> = reply
        .headers
        .iter()
        .filter(|(k, _)| k.as_str() != "date")
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                v.to_str().unwrap_or("").replace(&token, "CSRF"),
            )
        })
        .collect();
    headers.sort();
    (reply.status, headers, reply.body.replace(&token, "CSRF"))
}

/// A client with a login form's CSRF token, ready to post.
async fn visitor(app: &TestApp) -> Agent {
    let mut agent = app.anonymous();
    agent.fetch_login_csrf().await;
    agent
}

async fn try_login(agent: Agent, username: String, password: String) -> Reply {
    agent
        .post(
            "/login",
            &[
                ("username", &username),
                ("password", &password),
                ("next", "/"),
            ],
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_wrong_passwords_are_evaluated_five_times_and_every_refusal_looks_alike() {
    let app = spawn_app_with(many_attempts()).await;
    let account = app.account(Role::Viewer).clone();
    let mut attempts = JoinSet::new();
    for _ in 0..30 {
        let agent = visitor(&app).await;
        attempts.spawn(try_login(
            agent,
            account.username.clone(),
            "a wrong password 123".into(),
        ));
    }
    let replies = attempts.join_all().await;
    assert_eq!(
        audited(&app, &account.username, "failed").await,
        5,
        "more guesses than allowed were evaluated"
    );
    let first = without_tokens(&replies[0]);
    assert_eq!(first.0, StatusCode::BAD_REQUEST);
    for reply in &replies {
        assert_eq!(without_tokens(reply), first, "{}", reply.excerpt());
    }

    // The right password, now, gets the same answer and no session.
    let mut owner = app.anonymous();
    let throttled = owner.log_in(&account.username, &account.password).await;
    assert!(!owner.is_logged_in().await);
    // A name that does not exist, and a wrong password for an account
    // not in its delay: the same page, status and headers.
    let unknown = app
        .anonymous()
        .log_in("nobody-at-all", "a wrong password 123")
        .await;
    let analyst = app.account(Role::Analyst).clone();
    let wrong = app
        .anonymous()
        .log_in(&analyst.username, "a wrong password 123")
        .await;
    assert_eq!(without_tokens(&throttled), without_tokens(&unknown));
    assert_eq!(without_tokens(&wrong), without_tokens(&unknown));
    assert!(
        unknown.body.contains("Wrong username or password."),
        "{}",
        unknown.excerpt()
    );
    // Other accounts are not slowed down.
    app.login(Role::Analyst).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_that_logged_in_before_is_not_kept_out_by_guesses_from_elsewhere() {
    let app = spawn_app_with(many_attempts()).await;
    let account = app.account(Role::Viewer).clone();
    let mut owner = app.anonymous();
    let first = owner.log_in(&account.username, &account.password).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let device = first
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("testimonio_device="))
        .expect("a device cookie")
        .to_owned();
    assert!(
        device.contains("HttpOnly") && device.contains("SameSite=Strict"),
        "{device}"
    );
    owner.refresh_csrf().await;
    owner.post("/logout", &[]).await;
    for _ in 0..6 {
        let reply = visitor(&app)
            .await
            .post(
                "/login",
                &[
                    ("username", account.username.as_str()),
                    ("password", "a wrong password 123"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    }
    // The account is in its delay for everyone else, the owner included
    // on a browser it never used...
    let mut elsewhere = app.anonymous();
    let reply = elsewhere.log_in(&account.username, &account.password).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    // ...but not on the browser it logged in with before.
    let reply = owner.log_in(&account.username, &account.password).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    assert!(owner.is_logged_in().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owner_logs_in_once_the_delay_has_passed() {
    let app = spawn_app_with(Config {
        login_throttle: Throttle {
            free: 2,
            first_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(2),
        },
        ..many_attempts()
    })
    .await;
    let account = app.account(Role::Viewer).clone();
    for _ in 0..2 {
        let reply = app
            .anonymous()
            .log_in(&account.username, "a wrong password 123")
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    }
    // In its delay now: read from the vault rather than raced against.
    let id = account.id;
    let until = app
        .state
        .with_vault("test:check", move |v| Ok(v.user(id)?))
        .await
        .unwrap()
        .and_then(|u| u.locked_until)
        .expect("a delay after two failures");
    let until = chrono::DateTime::parse_from_rfc3339(&until).unwrap();
    let wait = (until.with_timezone(&chrono::Utc) - chrono::Utc::now())
        .to_std()
        .unwrap_or_default();
    tokio::time::sleep(wait + Duration::from_millis(50)).await;
    let mut owner = app.anonymous();
    let reply = owner.log_in(&account.username, &account.password).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    assert!(owner.is_logged_in().await);
}

const SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// The code of `SECRET` for now plus `offset` steps of 30 seconds.
fn code_at(offset: i64) -> String {
    let totp = Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(Secret::try_from_base32(SECRET).unwrap())
        .with_account_name("t")
        .build()
        .unwrap();
    let now = chrono::Utc::now().timestamp();
    totp.generate((now + offset * 30) as u64).to_string()
}

/// A code no step near now accepts.
fn wrong_code() -> String {
    let valid: Vec<String> = (-2..=2).map(code_at).collect();
    (0..)
        .map(|n| format!("{n:06}"))
        .find(|c| !valid.contains(c))
        .unwrap()
}

/// A client whose password was accepted, at the code step, holding the
/// half-open session's CSRF token.
async fn half_open(app: &TestApp, role: Role) -> Agent {
    let account = app.account(role).clone();
    let mut agent = app.anonymous();
    let reply = agent.log_in(&account.username, &account.password).await;
    assert!(
        reply
            .location()
            .is_some_and(|l| l.starts_with("/login/2fa")),
        "{}",
        reply.excerpt()
    );
    let step = agent.get("/login/2fa").await;
    agent.csrf = step.hidden("csrf").expect("the code form's token");
    agent
}

async fn send_code(http: reqwest::Client, url: String, csrf: String, code: String) -> StatusCode {
    http.post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form_body(&[("csrf", &csrf), ("code", &code)]))
        .send()
        .await
        .expect("an answer")
        .status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_wrong_codes_from_many_logins_are_evaluated_five_times_and_each_is_audited() {
    let app = spawn_app_with(many_attempts()).await;
    let account = app.account(Role::Coordinator).clone();
    let id = account.id;
    app.state
        .with_vault("test:setup", move |v| {
            Ok(v.enable_second_factor(id, SECRET, 0)?)
        })
        .await
        .unwrap();
    let mut sessions = Vec::new();
    for _ in 0..6 {
        sessions.push(half_open(&app, Role::Coordinator).await);
    }
    let wrong = wrong_code();
    let url = format!("{}/login/2fa", app.base);
    let mut codes = JoinSet::new();
    for agent in &sessions {
        for _ in 0..5 {
            codes.spawn(send_code(
                agent.http.clone(),
                url.clone(),
                agent.csrf.clone(),
                wrong.clone(),
            ));
        }
    }
    // New password logins while the codes come in: they reset nothing.
    let mut logins = JoinSet::new();
    for _ in 0..3 {
        let agent = visitor(&app).await;
        logins.spawn(try_login(
            agent,
            account.username.clone(),
            account.password.clone(),
        ));
    }
    let statuses = codes.join_all().await;
    for reply in logins.join_all().await {
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    }
    let count = |s: StatusCode| statuses.iter().filter(|x| **x == s).count();
    assert_eq!(
        (
            count(StatusCode::BAD_REQUEST),
            count(StatusCode::TOO_MANY_REQUESTS)
        ),
        (5, 25),
        "{statuses:?}"
    );
    assert_eq!(
        audited(&app, &account.username, "second factor failed").await,
        5
    );

    // A new login with the right code now: still refused, unevaluated.
    let fresh = half_open(&app, Role::Coordinator).await;
    let reply = fresh
        .post_raw(
            "/login/2fa",
            &[("csrf", &fresh.csrf), ("code", &code_at(0))],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        reply.excerpt()
    );
    assert!(
        reply.body.contains("Too many wrong codes for this account"),
        "{}",
        reply.excerpt()
    );
    assert!(!fresh.is_logged_in().await);
    assert_eq!(
        audited(&app, &account.username, "second factor failed").await,
        5
    );
}

/// The `GET /api/v1/events` status for a bearer token.
async fn api_status(app: &TestApp, token: &str) -> StatusCode {
    reqwest::Client::new()
        .get(format!("{}/api/v1/events", app.base))
        .header("authorization", format!("Bearer {token}"))
        .send()
        .await
        .expect("an answer")
        .status()
}

async fn issue_token(
    app: &TestApp,
    role: Role,
    label: &'static str,
    valid_for: Duration,
) -> String {
    let name = Username::parse(&crate::support::username(role)).unwrap();
    app.state
        .with_vault("test:setup", move |v| {
            Ok(v.create_api_token_valid_for(&name, label, valid_for)?
                .to_string())
        })
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_survive_a_restart_but_not_a_lock() {
    let mut app = spawn_app().await;
    let mut viewer = app.login(Role::Viewer).await;
    let mut admin = app.login(Role::Admin).await;
    app.restart().await;
    viewer.base = app.base.clone();
    admin.base = app.base.clone();
    let reply = viewer.get("/").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.excerpt());
    // The session's CSRF token survived too: locking is a form.
    let reply = admin.post("/admin/lock", &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    assert!(app.state.is_locked());
    app.unlock_via_form().await;
    assert!(viewer.get("/").await.is_login_redirect());
    assert!(admin.get("/").await.is_login_redirect());
    app.login(Role::Viewer).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_change_or_disable_made_elsewhere_ends_sessions_and_tokens_at_once() {
    let app = spawn_app().await;
    let phone = app.login(Role::Documenter).await;
    let laptop = app.login(Role::Documenter).await;
    let token = issue_token(&app, Role::Documenter, "script", Duration::from_secs(3600)).await;
    assert_eq!(api_status(&app, &token).await, StatusCode::OK);
    // The command line, in another process: nothing shared with the
    // server but the vault.
    let mut cli = app.open_vault_elsewhere().await;
    let name = Username::parse(&app.account(Role::Documenter).username).unwrap();
    let ended = tokio::task::spawn_blocking(move || {
        let new = Password::new("a brand new password 5678".into()).unwrap();
        cli.set_password(&name, &new).map(|e| (e, cli))
    })
    .await
    .unwrap()
    .expect("password set");
    let (ended, mut cli) = ended;
    assert_eq!((ended.sessions, ended.tokens), (2, 1));
    assert!(phone.get("/").await.is_login_redirect());
    assert!(laptop.get("/events").await.is_login_redirect());
    assert_eq!(api_status(&app, &token).await, StatusCode::UNAUTHORIZED);
    let account = app.account(Role::Documenter).clone();
    let mut again = app.anonymous();
    let old = again.log_in(&account.username, &account.password).await;
    assert_eq!(old.status, StatusCode::BAD_REQUEST);
    let new = again
        .log_in(&account.username, "a brand new password 5678")
        .await;
    assert_eq!(new.status, StatusCode::SEE_OTHER, "{}", new.excerpt());

    // Disabled elsewhere: the new session ends too.
    let name = Username::parse(&account.username).unwrap();
    tokio::task::spawn_blocking(move || cli.set_disabled(&name, true).map(|_| ()))
        .await
        .unwrap()
        .expect("disabled");
    assert!(again.get("/").await.is_login_redirect());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_list_and_revoke_tokens_and_expired_or_revoked_tokens_get_401() {
    let app = spawn_app().await;
    let kept = issue_token(&app, Role::Analyst, "kept", Duration::from_secs(3600)).await;
    let revoked = issue_token(&app, Role::Analyst, "to-revoke", Duration::from_secs(3600)).await;
    let brief = issue_token(&app, Role::Analyst, "brief", Duration::from_secs(1)).await;
    for t in [&kept, &revoked] {
        assert_eq!(api_status(&app, t).await, StatusCode::OK);
    }
    let analyst = app.account(Role::Analyst).clone();
    let tokens = {
        let name = Username::parse(&analyst.username).unwrap();
        app.state
            .with_vault("test:check", move |v| Ok(v.api_tokens(Some(&name))?))
            .await
            .unwrap()
    };
    let to_revoke = tokens.iter().find(|t| t.label == "to-revoke").unwrap().id;

    let admin = app.login(Role::Admin).await;
    let page = admin.get("/admin/users").await;
    assert_eq!(page.status, StatusCode::OK);
    for label in ["kept", "to-revoke", "brief"] {
        assert!(page.body.contains(label), "{label} not listed");
    }
    assert!(
        !page.body.contains("tmo_"),
        "a token (or its start) on the page"
    );
    let action = format!("/admin/users/{}/tokens/{to_revoke}/revoke", analyst.id);
    assert!(page.body.contains(&action), "no revoke button");
    let reply = admin.post(&action, &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    assert_eq!(api_status(&app, &revoked).await, StatusCode::UNAUTHORIZED);
    assert_eq!(api_status(&app, &kept).await, StatusCode::OK);
    let page = admin.get("/admin/users").await;
    assert!(page.body.contains("Revoked"), "{}", page.excerpt());
    assert!(
        !page.body.contains(&action),
        "a revoked token offers revoking"
    );
    // Someone else's token id under this account: not found.
    let other = format!(
        "/admin/users/{}/tokens/{to_revoke}/revoke",
        app.spare_user_id
    );
    assert_eq!(admin.post(&other, &[]).await.status, StatusCode::NOT_FOUND);
    // In Spanish too.
    let mut es = app.login(Role::Admin).await;
    es.accept_language = Some("es".into());
    let page = es.get("/admin/users").await;
    assert!(page.body.contains("Tokens de la API") && page.body.contains("Revocado"));

    // Expired: refused without anyone doing anything.
    let expires = tokens
        .iter()
        .find(|t| t.label == "brief")
        .and_then(|t| t.expires_at.clone())
        .expect("every token expires");
    let expires = chrono::DateTime::parse_from_rfc3339(&expires).unwrap();
    let wait = (expires.with_timezone(&chrono::Utc) - chrono::Utc::now())
        .to_std()
        .unwrap_or_default();
    tokio::time::sleep(wait + Duration::from_millis(50)).await;
    assert_eq!(api_status(&app, &brief).await, StatusCode::UNAUTHORIZED);
    assert_eq!(api_status(&app, &kept).await, StatusCode::OK);
    let page = admin.get("/admin/users").await;
    assert!(page.body.contains("Expired"), "{}", page.excerpt());
}
