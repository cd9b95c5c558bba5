//! The web walk: every page route of the app, and the main refusals, as
//! each role sees them in Spanish with `TESTIMONIO_PSEUDO_LOCALE=1`, must
//! show no text that did not come from the catalog (every message and
//! formatted value is then wrapped in `⟦…⟧`; see `testimonio_i18n`).
//!
//! The variable is read once per process, so the test runs itself again
//! in a child process with it set: its own binary keeps the other web
//! tests out of pseudo-locale mode.

#[path = "../web/support.rs"]
#[allow(dead_code)]
mod support;
mod visible;

use axum::http::{Method, StatusCode};
use testimonio_domain::{EventType, Lang, Role};
use testimonio_web::{Access, RouteSpec, routes, sample_path};

use support::{Agent, TestApp, spawn_app};

const PSEUDO: &str = "TESTIMONIO_PSEUDO_LOCALE";

/// Texts that are records' data shown as stored: every string the demo
/// records hold (pseudonyms, group names, places, notes), the test's FOIA
/// request, and the event vocabulary's labels (they ship in both languages
/// in `vocabulary/v1.json`).
fn data_texts(app: &TestApp) -> Vec<String> {
    fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) => out.push(text.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let mut out: Vec<String> = EventType::all()
        .map(|t| t.label(Lang::Es).to_owned())
        .collect();
    for record in app.demo.records() {
        strings(
            &serde_json::to_value(&record).expect("a record as JSON"),
            &mut out,
        );
    }
    out.push(support::FOIA_ID.to_owned());
    out.push(support::FOIA_SUBJECT.to_owned());
    out.push(support::CASE_TITLE.to_owned());
    out.push(support::CASE_ID.to_owned());
    out.sort();
    out.dedup();
    out
}

/// Whether every word of `piece` is a word of the records' data, an id
/// (`demo-p-0001`) or a code (`TX`, `SNA`): a pseudonym beside its id, a
/// state's code in a tile of the map.
fn all_data_words(piece: &str, data: &[String]) -> bool {
    piece.split_whitespace().all(|token| {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let code = (2..=4).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase());
        let id = word.contains('-') && word.chars().any(|c| c.is_ascii_digit());
        // A stored file's name, as uploaded: `sample-note.txt`.
        let file_name = word.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && (1..=4).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
        });
        word.is_empty()
            || code
            || id
            || file_name
            || data.iter().any(|d| {
                d.split_whitespace()
                    .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == word)
            })
    })
}

/// Fails with every page whose visible text has words outside the marks.
struct Findings(Vec<String>, usize, Vec<String>);

impl Findings {
    fn check(&mut self, who: &str, what: &str, status: StatusCode, body: &str) {
        if status.is_redirection() {
            return;
        }
        assert!(
            body.contains("<html"),
            "{who} {what} ({status}) is not a page: {body:.200}"
        );
        self.1 += 1;
        let data: Vec<&str> = self.2.iter().map(String::as_str).collect();
        let stray: Vec<String> = visible::unmarked(body, &data)
            .into_iter()
            .filter(|piece| !all_data_words(piece, &self.2))
            .collect();
        if !stray.is_empty() {
            self.0.push(format!("{who} {what} ({status}): {stray:?}"));
        }
    }
}

/// An agent that asks for Spanish.
fn spanish(mut agent: Agent) -> Agent {
    agent.accept_language = Some("es-MX,es;q=0.9".into());
    agent
}

/// The GET page routes the walk visits, with sample parameters.
fn page_routes() -> Vec<(RouteSpec, String)> {
    routes()
        .into_iter()
        .map(|(spec, _)| spec)
        .filter(|spec| spec.method == "get" && spec.access != Access::Static)
        .map(|spec| (spec, sample_path(spec.path, "es")))
        .collect()
}

async fn walk(app: &TestApp) -> Findings {
    let mut findings = Findings(Vec::new(), 0, data_texts(app));

    // Anonymous: the public pages, a missing page, a login refusal, a
    // form without its CSRF token.
    let mut anonymous = spanish(app.anonymous());
    for path in [
        "/login",
        "/login/2fa",
        "/unlock",
        "/no-such-page",
        "/admin/users",
    ] {
        let reply = anonymous.get(path).await;
        findings.check(
            "anonymous",
            &format!("GET {path}"),
            reply.status,
            &reply.body,
        );
    }
    let refused = anonymous
        .log_in(&support::username(Role::Viewer), "not the password at all")
        .await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "{}",
        refused.excerpt()
    );
    findings.check(
        "anonymous",
        "POST /login (wrong password)",
        refused.status,
        &refused.body,
    );
    let no_csrf = anonymous
        .post_raw("/login", &[("username", "x"), ("password", "y")])
        .await;
    findings.check(
        "anonymous",
        "POST /login (no CSRF)",
        no_csrf.status,
        &no_csrf.body,
    );

    for role in Role::ALL {
        let account = app.account(role).clone();
        let mut agent = spanish(Agent::new(&app.base, role.code()));
        let reply = agent.log_in(&account.username, &account.password).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
        agent.refresh_csrf().await;
        let who = role.code();
        for (spec, path) in page_routes() {
            let reply = agent.get(&path).await;
            // Downloads (a calendar file) are files, not pages.
            let download =
                reply.status.is_success() && !reply.content_type().starts_with("text/html");
            if reply.status.is_redirection() || download {
                continue;
            }
            findings.check(
                who,
                &format!("GET {} as {path}", spec.path),
                reply.status,
                &reply.body,
            );
        }
        // A wrong code when turning on the second factor.
        // Pages of records that exist, beyond the sample paths.
        for path in [
            format!("/testimonies/{}", app.testimony_id),
            format!("/testimonies/new?person={}", app.person_id),
            "/testimonies?q=vi+todo".to_owned(),
            format!("/testimonies/{}/edit", app.testimony_id),
            format!("/events/{}", app.event_id),
        ] {
            let reply = agent.get(&path).await;
            if !reply.status.is_redirection() {
                findings.check(who, &format!("GET {path}"), reply.status, &reply.body);
            }
        }
        let reply = agent.post("/account/2fa", &[("code", "000000")]).await;
        findings.check(
            who,
            "POST /account/2fa (wrong code)",
            reply.status,
            &reply.body,
        );
        // A form without its CSRF token.
        let reply = agent
            .send(Method::POST, "/logout", Some(String::new()))
            .await;
        findings.check(who, "POST /logout (no CSRF)", reply.status, &reply.body);
    }

    // The administrator's refused forms: a bad user name, a short password,
    // a user name taken.
    let admin = spanish(app.login(Role::Admin).await);
    for (what, fields) in [
        (
            "bad username",
            [
                ("username", "X"),
                ("role", "viewer"),
                ("password", "long enough password"),
            ],
        ),
        (
            "short password",
            [
                ("username", "t-new-user"),
                ("role", "viewer"),
                ("password", "short"),
            ],
        ),
        (
            "bad role",
            [
                ("username", "t-new-user"),
                ("role", "boss"),
                ("password", "long enough password"),
            ],
        ),
        (
            "taken",
            [
                ("username", "t-spare"),
                ("role", "viewer"),
                ("password", "long enough password"),
            ],
        ),
    ] {
        let reply = admin.post("/admin/users", &fields).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{what}: {}",
            reply.excerpt()
        );
        findings.check(
            "admin",
            &format!("POST /admin/users ({what})"),
            reply.status,
            &reply.body,
        );
    }
    let reply = admin
        .post("/admin/users/999999/disabled", &[("disabled", "true")])
        .await;
    findings.check(
        "admin",
        "POST /admin/users/999999/disabled",
        reply.status,
        &reply.body,
    );
    walk_cases(app, &mut findings).await;
    findings
}

/// The test's case as each role sees it, and the refused case forms.
async fn walk_cases(app: &TestApp, findings: &mut Findings) {
    let case = format!("/cases/{}", support::CASE_ID);
    for role in Role::ALL {
        let agent = spanish(app.login(role).await);
        let reply = agent.get(&case).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.excerpt());
        findings.check(
            role.code(),
            &format!("GET {case}"),
            reply.status,
            &reply.body,
        );
    }
    let coordinator = spanish(app.login(Role::Coordinator).await);
    let reply = coordinator
        .post("/cases", &[("title", ""), ("kind", "x"), ("subject", "")])
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.excerpt());
    findings.check(
        "coordinator",
        "POST /cases (refused)",
        reply.status,
        &reply.body,
    );
    let reply = coordinator
        .post(
            &format!("{case}/links"),
            &[("kind", "event"), ("id", "e-404")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.excerpt());
    findings.check(
        "coordinator",
        "POST links (unknown)",
        reply.status,
        &reply.body,
    );
}

#[tokio::test]
async fn every_page_in_spanish_comes_from_the_catalog() {
    if std::env::var_os(PSEUDO).is_none_or(|v| v != "1") {
        let status = std::process::Command::new(std::env::current_exe().expect("the test binary"))
            .args([
                "--exact",
                "every_page_in_spanish_comes_from_the_catalog",
                "--nocapture",
            ])
            .env(PSEUDO, "1")
            .status()
            .expect("the walk runs in a child process");
        assert!(
            status.success(),
            "the pseudo-locale walk failed (see its output above)"
        );
        return;
    }
    // The marks are on: the catalog says so.
    assert!(testimonio_i18n::tr!(Lang::Es, "app-name").starts_with(testimonio_i18n::PSEUDO_OPEN));
    let app = spawn_app().await;
    let findings = walk(&app).await;
    // Five roles see at least the dashboard, their account, and a refusal.
    assert!(findings.1 >= 30, "only {} pages walked", findings.1);
    println!("walked {} pages", findings.1);
    assert!(
        findings.0.is_empty(),
        "visible text not from the catalog:\n{}",
        findings.0.join("\n")
    );
}
