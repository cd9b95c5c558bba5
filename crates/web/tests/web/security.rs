//! Security properties of the web app over real HTTP: CSRF, escaping,
//! headers, disabled accounts, locking the vault, error pages,
//! body limits, redirects.

use axum::http::{Method, StatusCode};
use testimonio_domain::Role;
use testimonio_domain::exchange::{EventRecord, ParticipantEntry, PersonRecord};
use testimonio_web::{Access, method_of, routes, sample_path};

use crate::support::{
    PASSPHRASE, Reply, TestApp, assert_no_internals, form_body, is_local_location, spawn_app,
};

/// (user count, audit entries): what a refused request must leave alone.
async fn footprint(app: &TestApp) -> (usize, usize) {
    app.state
        .with_vault("test:check", |v| {
            Ok((v.users()?.len(), v.verify_audit_chain()?.0))
        })
        .await
        .expect("vault unlocked")
}

async fn user_exists(app: &TestApp, name: &'static str) -> bool {
    app.state
        .with_vault("test:check", move |v| {
            Ok(v.users()?.iter().any(|u| u.username.as_str() == name))
        })
        .await
        .expect("vault unlocked")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_without_the_sessions_csrf_token_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let admin = app.login(Role::Admin).await;
    let other_admin = app.login(Role::Admin).await;
    assert_ne!(
        admin.csrf, other_admin.csrf,
        "each session has its own token"
    );
    let new_user = [
        ("username", "t-csrf-victim"),
        ("role", "admin"),
        ("password", "a long password 1234"),
    ];
    let before = footprint(&app).await;

    // No token at all.
    let reply = admin.post_raw("/admin/users", &new_user).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.excerpt());
    assert!(
        reply
            .body
            .contains("This form expired or did not come from this site"),
        "{}",
        reply.excerpt()
    );
    // An empty token.
    let mut fields = vec![("csrf", "")];
    fields.extend_from_slice(&new_user);
    let reply = admin.post_raw("/admin/users", &fields).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.excerpt());
    // The token of another session of the same account.
    let mut fields = vec![("csrf", other_admin.csrf.as_str())];
    fields.extend_from_slice(&new_user);
    let reply = admin.post_raw("/admin/users", &fields).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.excerpt());
    // The right token in a query string instead of the body.
    let reply = admin
        .post_raw(&format!("/admin/users?csrf={}", admin.csrf), &new_user)
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.excerpt());
    // The right token, sent as JSON rather than a form.
    let json = serde_json::json!({"csrf": admin.csrf, "username": "t-csrf-victim", "role": "admin", "password": "a long password 1234"});
    let reply = admin
        .send_with(
            Method::POST,
            "/admin/users",
            Some((json.to_string(), "application/json")),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.excerpt());

    assert_eq!(
        footprint(&app).await,
        before,
        "a refused form changed users or the audit log"
    );
    assert!(!user_exists(&app, "t-csrf-victim").await);

    // Locking the vault without a token does not lock it.
    let reply = admin.post_raw("/admin/lock", &[]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.excerpt());
    assert!(!app.state.is_locked());

    // The login form needs its own (pre-session) token too.
    let mut anon = app.anonymous();
    anon.fetch_login_csrf().await;
    let creds = [
        ("username", "t-admin"),
        ("password", "t-admin password 1234"),
    ];
    let reply = anon.post_raw("/login", &creds).await;
    assert_eq!(
        reply.status,
        StatusCode::FORBIDDEN,
        "login without a token: {}",
        reply.excerpt()
    );
    let mut fields = vec![("csrf", "0".repeat(64))];
    fields.extend(creds.iter().map(|(k, v)| (*k, v.to_string())));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let reply = anon.post_raw("/login", &fields).await;
    assert_eq!(
        reply.status,
        StatusCode::FORBIDDEN,
        "login with a made-up token: {}",
        reply.excerpt()
    );
    assert!(!anon.is_logged_in().await);

    // And the right token works: the refusals above were about the token.
    let reply = admin.post("/admin/users", &new_user).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.excerpt());
    assert!(user_exists(&app, "t-csrf-victim").await);
}

const SCRIPT: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_in_records_is_shown_escaped() {
    let app = spawn_app().await;
    let person = PersonRecord {
        id: "xss-p-1".into(),
        pseudonym: format!("Mallory {SCRIPT}"),
        legal_name: Some(format!("Legal {SCRIPT}")),
        ..Default::default()
    };
    let event = EventRecord {
        id: "xss-e-1".into(),
        event_type: "detention".into(),
        date: "2024-12-31".into(),
        state: Some("TX".into()),
        city: Some(format!("City {SCRIPT}")),
        facility: Some(format!("Facility {SCRIPT}")),
        agency: Some("ice".into()),
        field_office: Some("SNA".into()),
        people: vec![ParticipantEntry {
            id: "xss-p-1".into(),
            role: "target".into(),
        }],
        narrative: Some(SCRIPT.into()),
        ..Default::default()
    };
    app.state
        .with_vault("test:setup", move |v| {
            v.put_person(&person.into_person().expect("a valid person"))?;
            v.put_event(&event.into_event().expect("a valid event"))?;
            Ok(())
        })
        .await
        .expect("records written");

    let coordinator = app.login(Role::Coordinator).await;
    let page = coordinator.get("/events/xss-e-1").await;
    assert_eq!(
        page.status,
        StatusCode::OK,
        "the event page: {}",
        page.excerpt()
    );
    assert_escaped(&page);
    assert!(
        page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the narrative is not on the event page, escaped:\n{}",
        page.body
    );
    // Everywhere else the records show up, for a role that sees identities
    // and one that does not.
    let analyst = app.login(Role::Analyst).await;
    for agent in [&coordinator, &analyst] {
        for path in [
            "/",
            "/events",
            "/events/xss-e-1",
            "/people",
            "/people/xss-p-1",
        ] {
            let page = agent.get(path).await;
            assert_escaped(&page);
        }
    }
}

fn assert_escaped(page: &Reply) {
    for raw in ["<script", "<img src=x", "onerror=alert(2)>"] {
        // `onerror=alert(2)&gt;` inside escaped text is fine; a real tag is not.
        assert!(
            !page.body.contains(raw),
            "{} shows {raw:?} unescaped:\n{}",
            page.path,
            page.body
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn security_headers_are_on_every_kind_of_response() {
    // `Agent` checks the headers of every reply; this test makes sure every
    // kind of reply is seen at least once.
    let app = spawn_app().await;
    let anon = app.anonymous();
    let admin = app.login(Role::Admin).await;
    let viewer = app.login(Role::Viewer).await;
    let mut seen = std::collections::BTreeSet::new();
    let mut see = |r: Reply, want: StatusCode| {
        assert_eq!(r.status, want, "{}", r.excerpt());
        seen.insert(r.status.as_u16());
    };
    see(anon.get("/login").await, StatusCode::OK); // a page
    see(anon.get("/health").await, StatusCode::OK); // plain text
    let css = anon.get("/static/app.css").await; // a static file
    assert!(
        css.content_type().starts_with("text/css"),
        "{}",
        css.excerpt()
    );
    see(css, StatusCode::OK);
    see(anon.get("/").await, StatusCode::SEE_OTHER); // the guard's redirect
    see(
        anon.get("/lang/es?next=/login").await,
        StatusCode::SEE_OTHER,
    ); // a handler's redirect
    see(anon.get("/no/such/page").await, StatusCode::NOT_FOUND);
    see(anon.get("/static/missing.css").await, StatusCode::NOT_FOUND);
    see(
        anon.send(Method::PUT, "/login", None).await,
        StatusCode::METHOD_NOT_ALLOWED,
    );
    see(
        anon.send(Method::DELETE, "/", None).await,
        StatusCode::METHOD_NOT_ALLOWED,
    );
    see(
        anon.post_raw("/logout", &[]).await,
        StatusCode::UNAUTHORIZED,
    );
    see(viewer.get("/admin/users").await, StatusCode::FORBIDDEN);
    see(
        admin.post_raw("/admin/users", &[]).await,
        StatusCode::FORBIDDEN,
    ); // CSRF
    see(
        admin
            .post(
                "/admin/users/not-a-number/disabled",
                &[("disabled", "true")],
            )
            .await,
        StatusCode::BAD_REQUEST,
    );
    let big = "x".repeat(300 * 1024);
    see(
        admin.post("/admin/users", &[("username", &big)]).await,
        StatusCode::PAYLOAD_TOO_LARGE,
    );
    see(admin.post("/admin/lock", &[]).await, StatusCode::SEE_OTHER);
    see(admin.get("/").await, StatusCode::SERVICE_UNAVAILABLE);
    see(anon.get("/unlock").await, StatusCode::OK);
    let expected: std::collections::BTreeSet<u16> =
        [200, 303, 400, 401, 403, 404, 405, 413, 503].into();
    assert_eq!(seen, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_accounts_session_is_refused_at_its_next_request() {
    let app = spawn_app().await;

    // Disabled in the vault behind the server's back: the guard notices.
    let viewer = app.login(Role::Viewer).await;
    assert_eq!(viewer.get("/").await.status, StatusCode::OK);
    let name = app.account(Role::Viewer).username.clone();
    app.state
        .with_vault("test:setup", move |v| {
            let u = testimonio_vault::Username::parse(&name).expect("a username");
            v.set_disabled(&u, true)?;
            Ok(())
        })
        .await
        .expect("vault unlocked");
    let reply = viewer.get("/").await;
    assert!(
        reply.is_login_redirect(),
        "a disabled account's session still works: {}",
        reply.excerpt()
    );
    let reply = viewer.post("/logout", &[]).await;
    assert_eq!(
        reply.status,
        StatusCode::UNAUTHORIZED,
        "{}",
        reply.excerpt()
    );
    // And it cannot log in again.
    let mut again = app.anonymous();
    let account = app.account(Role::Viewer).clone();
    let reply = again.log_in(&account.username, &account.password).await;
    assert!(
        reply.body.contains("This account is disabled."),
        "{}",
        reply.excerpt()
    );

    // Disabled by an administrator through the users page.
    let documenter = app.login(Role::Documenter).await;
    let admin = app.login(Role::Admin).await;
    let id = app.account(Role::Documenter).id;
    let reply = admin
        .post(
            &format!("/admin/users/{id}/disabled"),
            &[("disabled", "true")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    let reply = documenter.get("/").await;
    assert!(reply.is_login_redirect(), "{}", reply.excerpt());
    // Re-enabled, the old session stays ended; a new login works.
    let reply = admin
        .post(
            &format!("/admin/users/{id}/disabled"),
            &[("disabled", "false")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    assert!(documenter.get("/").await.is_login_redirect());
    app.login(Role::Documenter).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_vault_answers_503_everywhere_but_public_routes_until_unlocked() {
    let app = spawn_app().await;
    let admin = app.login(Role::Admin).await;
    let coordinator = app.login(Role::Coordinator).await;
    let reply = admin.post("/admin/lock", &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    assert_eq!(reply.location(), Some("/unlock"));
    assert!(app.state.is_locked());

    let mut anon = app.anonymous();
    let table: Vec<_> = routes().into_iter().map(|(s, _)| s).collect();
    let mut checked = 0;
    for spec in &table {
        let path = sample_path(spec.path, "1");
        let method = method_of(spec);
        for agent in [&anon, &admin, &coordinator] {
            let body = (method != Method::GET).then(|| form_body(&[("csrf", agent.csrf.as_str())]));
            let reply = agent.send(method.clone(), &path, body).await;
            if matches!(spec.access, Access::Public | Access::Static) {
                assert_ne!(
                    reply.status,
                    StatusCode::SERVICE_UNAVAILABLE,
                    "public {}",
                    reply.excerpt()
                );
                assert!(!reply.status.is_server_error(), "{}", reply.excerpt());
            } else {
                assert_eq!(
                    reply.status,
                    StatusCode::SERVICE_UNAVAILABLE,
                    "{} as {}: {}",
                    spec.path,
                    agent.who,
                    reply.excerpt()
                );
                assert!(
                    reply.body.contains("The vault is locked."),
                    "{}",
                    reply.excerpt()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0);
    assert!(app.state.is_locked(), "a request unlocked the vault");

    // The unlock form: a wrong passphrase is refused, the right one works.
    let form = anon.get("/unlock").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.excerpt());
    anon.csrf = form.hidden("csrf").expect("a csrf field");
    let reply = anon
        .post("/unlock", &[("passphrase", "not the passphrase")])
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.excerpt());
    assert!(reply.body.contains("Wrong passphrase."));
    assert!(app.state.is_locked());
    // The page that says so carries a fresh token for the next try.
    anon.csrf = reply.hidden("csrf").expect("a csrf field");
    let reply = anon.post("/unlock", &[("passphrase", PASSPHRASE)]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    assert_eq!(reply.location(), Some("/login"));
    assert!(!app.state.is_locked());

    // Sessions from before the lock are over; new logins work.
    assert!(admin.get("/").await.is_login_redirect());
    assert!(coordinator.get("/").await.is_login_redirect());
    let admin = app.login(Role::Admin).await;
    assert_eq!(admin.get("/admin/audit").await.status, StatusCode::OK);
    // Unlocking an unlocked vault is harmless.
    assert!(anon.get("/unlock").await.status.is_redirection());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_pages_are_in_spanish_and_reveal_no_internals() {
    let app = spawn_app().await;
    let mut anon = app.anonymous();
    anon.accept_language = Some("es-MX,es;q=0.9,en;q=0.5".into());
    let mut admin = app.login(Role::Admin).await;
    admin.accept_language = anon.accept_language.clone();
    let mut viewer = app.login(Role::Viewer).await;
    viewer.accept_language = anon.accept_language.clone();

    let big = "x".repeat(300 * 1024);
    let mut replies: Vec<(Reply, StatusCode, &str)> = vec![
        (
            anon.get("/no-such-page").await,
            StatusCode::NOT_FOUND,
            "No encontrado.",
        ),
        (
            anon.send(Method::PUT, "/login", None).await,
            StatusCode::METHOD_NOT_ALLOWED,
            "Esta acción no está disponible aquí.",
        ),
        (
            anon.post_raw("/logout", &[]).await,
            StatusCode::UNAUTHORIZED,
            "Inicie sesión.",
        ),
        (
            viewer.get("/admin/audit").await,
            StatusCode::FORBIDDEN,
            "Su rol no permite esto.",
        ),
        (
            admin.post_raw("/admin/users", &[("username", "x")]).await,
            StatusCode::FORBIDDEN,
            "Este formulario expiró",
        ),
        // Bodies the handlers cannot read: axum's own messages must not leak.
        (
            admin.post("/admin/users", &[("username", "only")]).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "Algo salió mal",
        ),
        (
            admin
                .post("/admin/users/abc/disabled", &[("disabled", "true")])
                .await,
            StatusCode::BAD_REQUEST,
            "No se pudo entender la solicitud.",
        ),
        (
            admin
                .post("/admin/users/999999/disabled", &[("disabled", "true")])
                .await,
            StatusCode::NOT_FOUND,
            "No encontrado.",
        ),
        (
            admin
                .post("/admin/users/1/disabled", &[("disabled", "maybe")])
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "Algo salió mal",
        ),
        (
            admin.post("/admin/users", &[("username", &big)]).await,
            StatusCode::PAYLOAD_TOO_LARGE,
            "La solicitud es demasiado grande.",
        ),
        (
            viewer.get("/events/no-such-event").await,
            StatusCode::NOT_FOUND,
            "No encontrado.",
        ),
        (
            viewer.get("/people/no-such-person").await,
            StatusCode::NOT_FOUND,
            "No encontrado.",
        ),
        (
            viewer.get("/people/..%2F..%2Fetc%2Fpasswd").await,
            StatusCode::NOT_FOUND,
            "Algo salió mal",
        ),
    ];
    admin.refresh_csrf().await;
    let reply = admin.post("/admin/lock", &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    replies.push((
        viewer.get("/").await,
        StatusCode::SERVICE_UNAVAILABLE,
        "La bóveda está bloqueada.",
    ));

    let mut faults = Vec::new();
    for (reply, status, text) in &replies {
        if reply.status != *status {
            faults.push(format!(
                "{} {}: expected {status}, got {}",
                reply.method, reply.path, reply.status
            ));
        }
        if !reply.content_type().starts_with("text/html") {
            faults.push(format!(
                "{} {}: not an HTML page: {}",
                reply.method,
                reply.path,
                reply.content_type()
            ));
        }
        if !reply.body.contains("<html lang=\"es\"")
            || !reply.body.contains("Algo salió mal")
            || !reply.body.contains(text)
        {
            faults.push(format!(
                "{} {}: not the Spanish error page with {text:?}:\n{}",
                reply.method, reply.path, reply.body
            ));
        }
        assert_no_internals(reply);
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_over_the_limit_get_the_413_page() {
    let app = spawn_app().await;
    let big = "x".repeat(testimonio_web::auth::FORM_LIMIT + 1);
    let mut anon = app.anonymous();
    anon.fetch_login_csrf().await;
    let reply = anon
        .post("/login", &[("username", &big), ("password", "x")])
        .await;
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.excerpt()
    );
    assert!(
        reply.body.contains("The request is too large."),
        "{}",
        reply.excerpt()
    );
    let admin = app.login(Role::Admin).await;
    let before = footprint(&app).await;
    let reply = admin
        .post(
            "/admin/users",
            &[
                ("username", "t-big"),
                ("role", "viewer"),
                ("password", &big),
            ],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.excerpt()
    );
    assert!(reply.body.contains("The request is too large."));
    assert_no_internals(&reply);
    assert_eq!(footprint(&app).await, before);
    // Just under the limit is read (and refused for what it says).
    let fits = "y".repeat(testimonio_web::auth::FORM_LIMIT - 200);
    let reply = admin
        .post(
            "/admin/users",
            &[
                ("username", "t-fits"),
                ("role", "viewer"),
                ("password", &fits),
            ],
        )
        .await;
    assert_ne!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.excerpt()
    );
    assert!(!reply.status.is_server_error(), "{}", reply.excerpt());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirects_never_leave_the_site() {
    let app = spawn_app().await;
    let anon = app.anonymous();
    let evil = [
        "//evil.example",
        "//evil.example/login",
        "https://evil.example",
        "http:evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/%2F/evil.example",
        "%2F%2Fevil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "/ /evil.example",
        "javascript:alert(1)",
        "///evil.example",
        " //evil.example",
        "\u{0}//evil.example",
    ];
    let mut faults = Vec::new();
    let mut check = |what: String, reply: &Reply| {
        if reply.status.is_server_error() {
            faults.push(format!("{what}: {}", reply.status));
        }
        if reply.status.is_redirection() {
            let location = reply.location().unwrap_or("");
            if !is_local_location(location) {
                faults.push(format!("{what}: redirects to {location:?}"));
            }
        }
    };
    for next in evil {
        let path = format!("/lang/es?next={}", crate::support::urlencode(next));
        let reply = anon.get(&path).await;
        check(format!("GET /lang/es?next={next:?}"), &reply);
        // Raw too, unencoded where a URL allows it.
        if !next.contains(['\t', '\n', '\r', ' ', '\u{0}', '\\']) {
            let reply = anon.get(&format!("/lang/es?next={next}")).await;
            check(format!("GET /lang/es?next={next} (raw)"), &reply);
        }
    }
    // After logging in, `next` is followed: only to local paths.
    let account = app.account(Role::Viewer).clone();
    for next in evil {
        let mut agent = app.anonymous();
        agent.fetch_login_csrf().await;
        let reply = agent
            .post(
                "/login",
                &[
                    ("username", &account.username),
                    ("password", &account.password),
                    ("next", next),
                ],
            )
            .await;
        check(format!("POST /login next={next:?}"), &reply);
        if reply.status != StatusCode::SEE_OTHER {
            continue;
        }
        let reply = agent
            .get(&format!("/login?next={}", crate::support::urlencode(next)))
            .await;
        check(format!("GET /login?next={next:?} (logged in)"), &reply);
    }
    assert!(
        faults.is_empty(),
        "open redirects or failures on a `next` value:\n{}",
        faults.join("\n")
    );
    // A local `next` is kept.
    let reply = anon.get("/lang/es?next=/login").await;
    assert_eq!(reply.location(), Some("/login"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logins_from_one_address_are_rate_limited() {
    let app = spawn_app().await;
    let limit = testimonio_web::Config::default().login_attempts_per_minute;
    let mut agent = app.anonymous();
    for i in 0..limit {
        // Unknown accounts, so that no account gets locked on the way.
        let reply = agent
            .log_in(&format!("nobody-{i}"), "a wrong password 123")
            .await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "attempt {}: {}",
            i + 1,
            reply.excerpt()
        );
    }
    let account = app.account(Role::Viewer).clone();
    let reply = agent.log_in(&account.username, &account.password).await;
    assert_eq!(
        reply.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        reply.excerpt()
    );
    assert!(
        reply.body.contains("Too many attempts from this address."),
        "{}",
        reply.excerpt()
    );
    assert!(!agent.is_logged_in().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_documenter_sees_the_identity_of_assigned_people_only() {
    let app = spawn_app().await;
    let documenter = app.login(Role::Documenter).await;
    let legal = |id: &str| {
        app.demo
            .people
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.legal_name.clone())
            .expect("a legal name")
    };
    for id in &app.assigned {
        let page = documenter.get(&format!("/people/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
        assert!(
            page.body.contains(&legal(id)),
            "an assigned person's identity is hidden from the documenter"
        );
    }
    let other = app
        .demo
        .people
        .iter()
        .map(|p| p.id.clone())
        .find(|id| !app.assigned.contains(id))
        .expect("another person");
    let page = documenter.get(&format!("/people/{other}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
    assert!(
        !page.body.contains(&legal(&other)),
        "the documenter sees an unassigned person's identity"
    );
    assert!(
        page.body
            .contains("Identity fields are not shown to your role."),
        "{}",
        page.excerpt()
    );
}
