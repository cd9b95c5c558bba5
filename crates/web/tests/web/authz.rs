//! The authorization matrix, derived from `testimonio_web::routes()`:
//! every route × (anonymous + each role), against the route's declared
//! `Access`. A route added to the table is covered without touching this
//! file; one with a path parameter this file cannot fill fails loudly.
//!
//! It checks content too: an excerpt quoting a made-up legal name and
//! A-number (the canary), tied to the matrix's event and person, must not
//! appear in any answer to a role that may not see everyone it is tied
//! to, and must appear on the event and person pages for those who may.

use std::fmt::Write as _;
use std::time::Instant;

use axum::http::{Method, StatusCode};
use testimonio_domain::Role;
use testimonio_web::{Access, RouteSpec, method_of, routes, sample_path};

use crate::excerpts::{CANARY, Canary, WITHHELD, plant_canary};
use crate::support::{Agent, Reply, TESTIMONY_CANARY, TestApp, form_body, spawn_app_with};

/// Routes that end sessions, lock the vault or change accounts: they run
/// on their own app, after everything else, each with a fresh session,
/// and the app is put back (unlocked, user re-enabled) after each case.
const DESTRUCTIVE: &[(&str, &str)] = &[
    ("post", "/logout"),
    ("post", "/admin/lock"),
    ("post", "/admin/users/{id}/disabled"),
];

/// A harmless form body for a POST route, besides the CSRF token.
fn harmless_fields(spec: &RouteSpec) -> Vec<(&'static str, &'static str)> {
    match spec.path {
        // Re-enabling the spare account changes nothing.
        "/admin/users/{id}/disabled" => vec![("disabled", "false")],
        _ => vec![],
    }
}

/// What the route's `{…}` parameters stand for, by the path segment before
/// the first one. A new kind of parameter must be added here.
fn sample_value(app: &TestApp, spec: &RouteSpec) -> String {
    let segments: Vec<&str> = spec.path.split('/').collect();
    let Some(i) = segments.iter().position(|s| s.starts_with('{')) else {
        return String::new();
    };
    let before = if i > 0 { segments[i - 1] } else { "" };
    match before {
        "events" => app.event_id.clone(),
        "people" | "persons" => app.person_id.clone(),
        "groups" => app.group_id.clone(),
        "foia" => app.foia_id.clone(),
        "documents" => app.document_id.clone(),
        "testimonies" => app.testimony_id.clone(),
        "cases" => app.case_id.clone(),
        "users" => app.spare_user_id.to_string(),
        // A watchlist hit: none exists in the matrix's app, so an allowed
        // role gets 404 (and a refused one 403) without changing anything.
        "hits" => "1".to_owned(),
        // A person's mention: none exists in the matrix's app (404 or 403).
        "mentions" => "1".to_owned(),
        // A stored import: none exists in the matrix's app (404 or 403).
        "import" => "imp-none".to_owned(),
        "lang" => "en".to_owned(),
        other => panic!(
            "route {} {}: the authorization matrix does not know what the parameter after \
             /{other}/ stands for: add it to sample_value() in crates/web/tests/web/authz.rs",
            spec.method, spec.path
        ),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    Role(Role),
}

impl Who {
    fn all() -> Vec<Who> {
        std::iter::once(Who::Anonymous)
            .chain(Role::ALL.into_iter().map(Who::Role))
            .collect()
    }
    fn name(self) -> &'static str {
        match self {
            Who::Anonymous => "anonymous",
            Who::Role(r) => r.code(),
        }
    }
}

/// The rule, written out here rather than taken from `Access::allows`, so
/// that the two are checked against each other.
fn expected_allowed(access: Access, role: Role) -> bool {
    match access {
        Access::Static | Access::Public | Access::LoggedIn => true,
        Access::Writer => matches!(role, Role::Admin | Role::Coordinator | Role::Documenter),
        Access::Reviewer => matches!(role, Role::Admin | Role::Coordinator),
        Access::Admin => role == Role::Admin,
    }
}

fn is_api(spec: &RouteSpec) -> bool {
    spec.path.starts_with("/api/")
}

/// Checks one answer against the route's rule; returns the fault, if any.
fn judge(spec: &RouteSpec, who: Who, reply: &Reply) -> Option<String> {
    let s = reply.status;
    let fault = |why: &str| {
        Some(format!(
            "{} {} as {}: {why}: got {s} (location {:?})",
            spec.method.to_uppercase(),
            spec.path,
            who.name(),
            reply.location()
        ))
    };
    if s.is_server_error() {
        return fault("server error");
    }
    match (spec.access, who) {
        (Access::Static | Access::Public, _) => {
            if s == StatusCode::UNAUTHORIZED
                || s == StatusCode::FORBIDDEN
                || reply.is_login_redirect()
            {
                return fault("a public route refused");
            }
        }
        (_, Who::Anonymous) => {
            let get = method_of(spec) == Method::GET && !is_api(spec);
            if get {
                if !(s == StatusCode::SEE_OTHER && reply.is_login_redirect()) {
                    return fault("expected 303 to /login");
                }
            } else if s != StatusCode::UNAUTHORIZED {
                return fault("expected 401");
            }
        }
        (access, Who::Role(role)) => {
            if expected_allowed(access, role) {
                if s == StatusCode::UNAUTHORIZED
                    || s == StatusCode::FORBIDDEN
                    || reply.is_login_redirect()
                {
                    return fault("an allowed role refused");
                }
            } else if s != StatusCode::FORBIDDEN {
                return fault("expected 403");
            }
        }
    }
    None
}

/// Checks one answer's content against the excerpt rule; returns the
/// fault, if any.
fn judge_content(spec: &RouteSpec, who: Who, reply: &Reply, canary: &Canary) -> Option<String> {
    let fault = |why: &str| {
        Some(format!(
            "{} {} as {}: {why}",
            spec.method.to_uppercase(),
            spec.path,
            who.name()
        ))
    };
    // A testimony's account: only for roles that may see the giver
    // (the matrix's documenter is assigned to them); never analysts,
    // viewers or anyone logged out.
    let reads_account = matches!(
        who,
        Who::Role(Role::Admin | Role::Coordinator | Role::Documenter)
    );
    if reply.body.contains(TESTIMONY_CANARY) && !reads_account {
        return fault("a testimony's account reached a role that may not read it");
    }
    let reads = matches!(who, Who::Role(r) if canary.readers.contains(&r));
    let shown = reply.body.contains(CANARY);
    if shown && !reads {
        return fault("the quote naming a person reached a role that may not read it");
    }
    // The pages that list the excerpt: the quote, or else that it is withheld.
    let lists_it = method_of(spec) == Method::GET
        && matches!(spec.path, "/events/{id}" | "/people/{id}")
        && who != Who::Anonymous;
    if lists_it && reads && !shown {
        return fault("the quote is missing for a role that may read it");
    }
    if lists_it && !reads && !reply.body.contains(WITHHELD) {
        return fault("the withheld quote is not said to be withheld");
    }
    None
}

struct Principals {
    agents: Vec<(Who, Agent)>,
}

impl Principals {
    async fn log_in_all(app: &TestApp) -> Self {
        let mut agents = Vec::new();
        for who in Who::all() {
            let agent = match who {
                Who::Anonymous => {
                    let mut a = app.anonymous();
                    // A pre-session CSRF token, as a real visitor has.
                    a.fetch_login_csrf().await;
                    a
                }
                Who::Role(r) => app.login(r).await,
            };
            agents.push((who, agent));
        }
        Self { agents }
    }

    async fn relogin(&mut self, app: &TestApp, who: Who) {
        if let Who::Role(r) = who {
            let fresh = app.login(r).await;
            if let Some(slot) = self.agents.iter_mut().find(|(w, _)| *w == who) {
                slot.1 = fresh;
            }
        }
    }

    fn agent(&self, who: Who) -> &Agent {
        &self
            .agents
            .iter()
            .find(|(w, _)| *w == who)
            .expect("an agent per principal")
            .1
    }

    /// Before an anonymous POST: a current pre-session token (every login
    /// or unlock form shown replaces it).
    async fn prepare(&mut self, who: Who, spec: &RouteSpec) {
        if who == Who::Anonymous && method_of(spec) != Method::GET && !is_api(spec) {
            let slot = self
                .agents
                .iter_mut()
                .find(|(w, _)| *w == who)
                .expect("an agent");
            slot.1.fetch_login_csrf().await;
        }
    }
}

/// Bearer tokens for API routes, should `routes()` list any.
async fn api_headers(app: &TestApp, who: Who) -> Vec<(String, String)> {
    let Who::Role(role) = who else { return vec![] };
    let name = crate::support::username(role);
    let token = app
        .state
        .with_vault("test:setup", move |v| {
            let user = testimonio_vault::Username::parse(&name).expect("a username");
            Ok(v.create_api_token(&user, "matrix")
                .expect("a token")
                .to_string())
        })
        .await
        .expect("vault unlocked");
    vec![("authorization".into(), format!("Bearer {token}"))]
}

async fn run_case(app: &TestApp, spec: &RouteSpec, who: Who, agent: &Agent) -> Reply {
    let method = method_of(spec);
    // `{n}` is a page number; every other parameter is the record's id.
    let pattern = spec.path.replace("{n}", "1");
    let path = sample_path(&pattern, &sample_value(app, spec));
    if is_api(spec) {
        let headers = api_headers(app, who).await;
        let headers: Vec<(&str, &str)> = headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let body = (method != Method::GET).then(|| ("{}".to_owned(), "application/json"));
        return agent.send_with(method, &path, body, &headers).await;
    }
    let body = if method == Method::GET {
        None
    } else {
        let mut fields: Vec<(&str, &str)> = vec![("csrf", agent.csrf.as_str())];
        fields.extend(harmless_fields(spec));
        Some(form_body(&fields))
    };
    agent.send(method, &path, body).await
}

/// Puts the app back after a case that may have locked it or ended the
/// principal's session.
async fn restore(app: &TestApp, principals: &mut Principals, who: Who) {
    if app.state.is_locked() {
        app.unlock_via_form().await;
        for w in Who::all() {
            principals.relogin(app, w).await;
        }
        return;
    }
    let spare = app.spare_user_id;
    app.state
        .with_vault("test:setup", move |v| {
            if let Some(u) = v.user(spare)?
                && u.disabled
            {
                v.set_disabled(&u.username, false)?;
            }
            Ok(())
        })
        .await
        .expect("vault unlocked");
    if who != Who::Anonymous && !principals.agent(who).is_logged_in().await {
        principals.relogin(app, who).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_enforces_its_access_rule_for_every_role() {
    let started = Instant::now();
    let table: Vec<RouteSpec> = routes().into_iter().map(|(spec, _)| spec).collect();
    assert!(!table.is_empty());
    let destructive = |s: &RouteSpec| {
        DESTRUCTIVE
            .iter()
            .any(|(m, p)| *m == s.method && *p == s.path)
    };

    let mut faults = Vec::new();
    let mut log = String::new();
    let mut cases = 0usize;

    // Everything that cannot lock the vault or end a session, on one app
    // with one session per role.
    // Many logins from one address: lift the per-address rate limit (it
    // has its own test).
    let config = || testimonio_web::Config {
        login_attempts_per_minute: 100_000,
        ..Default::default()
    };
    let app = spawn_app_with(config()).await;
    let canary = plant_canary(&app).await;
    assert!(
        canary.readers.contains(&Role::Coordinator) && !canary.readers.contains(&Role::Analyst)
    );
    let mut principals = Principals::log_in_all(&app).await;
    for spec in table.iter().filter(|s| !destructive(s)) {
        for who in Who::all() {
            principals.prepare(who, spec).await;
            let reply = run_case(&app, spec, who, principals.agent(who)).await;
            cases += 1;
            let _ = writeln!(
                log,
                "{:<5} {:<40} {:<12} {}",
                spec.method,
                spec.path,
                who.name(),
                reply.status.as_u16()
            );
            faults.extend(judge(spec, who, &reply));
            faults.extend(judge_content(spec, who, &reply, &canary));
            if method_of(spec) != Method::GET {
                restore(&app, &mut principals, who).await;
            }
        }
    }
    // The page text itself is read by every role (documents are
    // evidence): the rule withholds the tie, not the page.
    let analyst = principals.agent(Who::Role(Role::Analyst));
    let page = analyst
        .get(&format!("/documents/{}/pages/1", canary.document))
        .await;
    assert!(page.body.contains(CANARY), "{}", page.excerpt());
    drop(principals);
    drop(app);

    // The destructive routes, last, on their own app, a fresh session for
    // each case, the app put back after each.
    let app = spawn_app_with(config()).await;
    let mut principals = Principals::log_in_all(&app).await;
    for spec in table.iter().filter(|s| destructive(s)) {
        for who in Who::all() {
            principals.relogin(&app, who).await;
            principals.prepare(who, spec).await;
            let reply = run_case(&app, spec, who, principals.agent(who)).await;
            cases += 1;
            let _ = writeln!(
                log,
                "{:<5} {:<40} {:<12} {}",
                spec.method,
                spec.path,
                who.name(),
                reply.status.as_u16()
            );
            faults.extend(judge(spec, who, &reply));
            restore(&app, &mut principals, who).await;
        }
    }
    // The destructive routes did what they do for the roles allowed to.
    assert!(!app.state.is_locked());

    assert_eq!(
        cases,
        table.len() * Who::all().len(),
        "every route × every principal ran"
    );
    println!(
        "authorization matrix: {cases} cases over {} routes in {:.1?}\n{log}",
        table.len(),
        started.elapsed()
    );
    assert!(
        faults.is_empty(),
        "{} of {cases} cases broke their route's access rule:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

/// The route table itself: every route has a method the router knows, and
/// no (method, path) pair is declared twice.
#[test]
fn route_table_is_well_formed() {
    let table: Vec<RouteSpec> = routes().into_iter().map(|(spec, _)| spec).collect();
    let mut seen = std::collections::HashSet::new();
    for spec in &table {
        assert!(
            matches!(spec.method, "get" | "post" | "put" | "patch" | "delete"),
            "{spec:?}: unknown method"
        );
        assert_eq!(
            method_of(spec).as_str(),
            spec.method.to_uppercase(),
            "{spec:?}"
        );
        assert!(spec.path.starts_with('/'), "{spec:?}");
        assert!(
            seen.insert((spec.method, spec.path)),
            "{spec:?} declared twice"
        );
        // Every public route is one of the few that must work before login.
        if matches!(spec.access, Access::Public | Access::Static) {
            let allowed_public = [
                "/health",
                "/static/",
                "/lang/",
                "/login",
                "/unlock",
                "/api/v1/openapi.json",
            ];
            assert!(
                allowed_public.iter().any(|p| spec.path.starts_with(p)),
                "{spec:?} is public: is that intended? (add it to the list in route_table_is_well_formed)"
            );
        }
    }
}
