//! Unlocking from the web: a few attempts per client address per minute,
//! refused before any key is derived, and every failed attempt audited at
//! the next successful unlock.

use axum::http::StatusCode;
use testimonio_domain::Role;
use testimonio_web::Config;

use crate::support::{Agent, PASSPHRASE, Reply, spawn_app_with};

async fn attempt(agent: &mut Agent, passphrase: &str) -> Reply {
    let form = agent.get("/unlock").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.excerpt());
    agent.csrf = form.hidden("csrf").expect("the unlock form's csrf field");
    agent.post("/unlock", &[("passphrase", passphrase)]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unlock_attempts_are_rate_limited_per_address_and_failures_are_audited() {
    let app = spawn_app_with(Config {
        unlock_attempts_per_minute: 3,
        ..Config::default()
    })
    .await;
    let admin = app.login(Role::Admin).await;
    let reply = admin.post("/admin/lock", &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    assert!(app.state.is_locked());

    let mut guesser = app.anonymous();
    for i in 0..3 {
        let reply = attempt(&mut guesser, &format!("wrong guess number {i}")).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "guess {}: {}",
            i + 1,
            reply.excerpt()
        );
        assert!(
            reply.body.contains("Wrong passphrase."),
            "{}",
            reply.excerpt()
        );
    }
    // The fourth attempt this minute is refused before the passphrase is
    // tried: even the right one does not open the vault.
    let reply = attempt(&mut guesser, PASSPHRASE).await;
    assert_eq!(
        reply.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        reply.excerpt()
    );
    assert!(
        reply
            .body
            .contains("Too many unlock attempts from this address."),
        "{}",
        reply.excerpt()
    );
    assert!(app.state.is_locked(), "a refused attempt opened the vault");
    // In Spanish too.
    guesser.accept_language = Some("es".into());
    let reply = attempt(&mut guesser, "otra frase equivocada").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        reply
            .body
            .contains("Demasiados intentos de desbloqueo desde esta dirección."),
        "{}",
        reply.excerpt()
    );

    // Another address has its own attempts: the administrator unlocks.
    let mut owner = app.anonymous_from("127.0.0.2");
    let reply = attempt(&mut owner, PASSPHRASE).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    assert!(!app.state.is_locked());

    // The three failures are in the audit chain, before the unlock, with
    // the address they came from; the refused attempts are not failures.
    let entries = app
        .state
        .with_vault("test:check", |v| Ok(v.audit_tail(20)?))
        .await
        .expect("the audit log");
    let failed: Vec<_> = entries
        .iter()
        .filter(|e| e.action == "unlock_failed")
        .collect();
    assert_eq!(failed.len(), 3, "{entries:#?}");
    assert!(
        failed.iter().all(|e| e.detail.contains("127.0.0.1")),
        "{failed:#?}"
    );
    let unlocked = entries
        .iter()
        .rfind(|e| e.action == "unlocked")
        .expect("the unlock is audited");
    assert!(failed.iter().all(|e| e.seq < unlocked.seq));
    for e in &entries {
        assert!(!e.detail.contains("wrong guess"), "a passphrase in the log");
    }
    // The administrator sees them on the audit page.
    let admin = app.login(Role::Admin).await;
    let page = admin.get("/admin/audit").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("unlock_failed").count(), 3);

    // Written once: locking and unlocking again adds no more.
    let reply = admin.post("/admin/lock", &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let reply = attempt(&mut owner, PASSPHRASE).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    let failed = app
        .state
        .with_vault("test:check", |v| Ok(v.audit_tail(50)?))
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == "unlock_failed")
        .count();
    assert_eq!(failed, 3);
}
