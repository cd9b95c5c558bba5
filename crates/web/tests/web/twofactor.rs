//! Two-factor login: enrollment, the code step, wrong and replayed codes.

use reqwest::StatusCode;
use testimonio_domain::Role;
use totp_rs::{Algorithm, Builder, Secret};

use crate::support::spawn_app;

fn code_for(secret: &str, step_offset: i64) -> String {
    let totp = Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(Secret::try_from_base32(secret).unwrap())
        .with_account_name("t")
        .build()
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    totp.generate((now + step_offset * 30) as u64).to_string()
}

fn secret_on_page(body: &str) -> String {
    let start = body.find("<code>").expect("the key is shown") + "<code>".len();
    let end = body[start..].find("</code>").unwrap() + start;
    body[start..end].to_owned()
}

#[tokio::test]
async fn enrollment_then_login_needs_the_code_once() {
    let app = spawn_app().await;
    let agent = app.login(Role::Coordinator).await;
    let page = agent.get("/account/2fa").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("<svg"),
        "the QR code is drawn on the server"
    );
    let secret = secret_on_page(&page.body);
    let wrong = agent.post("/account/2fa", &[("code", "000000")]).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    let ok = agent
        .post("/account/2fa", &[("code", &code_for(&secret, -1))])
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.excerpt());

    // Password alone no longer logs in.
    let account = app.account(Role::Coordinator).clone();
    let mut second = app.anonymous();
    let reply = second.log_in(&account.username, &account.password).await;
    assert!(
        reply.location().unwrap().starts_with("/login/2fa"),
        "{}",
        reply.excerpt()
    );
    assert!(!second.is_logged_in().await);
    let step = second.get("/login/2fa").await;
    let csrf = step.hidden("csrf").unwrap();
    let bad = second
        .post_raw("/login/2fa", &[("csrf", &csrf), ("code", "123456")])
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    // The code used for enrollment (step -1) cannot be replayed.
    let replay = second
        .post_raw(
            "/login/2fa",
            &[("csrf", &csrf), ("code", &code_for(&secret, -1))],
        )
        .await;
    assert_eq!(replay.status, StatusCode::BAD_REQUEST);
    let good = second
        .post_raw(
            "/login/2fa",
            &[("csrf", &csrf), ("code", &code_for(&secret, 0))],
        )
        .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.excerpt());
    assert!(second.is_logged_in().await);
    let missing_csrf = app
        .anonymous()
        .post_raw("/login/2fa", &[("code", "123456")])
        .await;
    assert!(missing_csrf.status.is_redirection() || missing_csrf.status == StatusCode::FORBIDDEN);
}
