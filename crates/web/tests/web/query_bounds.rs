//! Item 1 of the hardening issue: one search used to overflow a worker's
//! stack and abort the server (`a`, 600 dashes, `b`), and a watchlist
//! saved with it did so again at every run. Queries nested past the
//! bounds are a 400 with their position, in the user's language, the
//! server still answers, and a stored watchlist past the bounds is shown
//! as not run while the others run. A panic in a search is an internal
//! error, and the searches after it run.

use axum::http::StatusCode;
use testimonio_domain::Role;
use testimonio_web::Config;
use testimonio_web::error::{AppError, ErrorKind};

use crate::support::{Agent, Reply, assert_no_internals, spawn_app, urlencode};

async fn search(agent: &Agent, q: &str) -> Reply {
    agent.get(&format!("/search?q={}", urlencode(q))).await
}

/// The query of the report: `a `, 600 dashes, `b`.
fn dashes() -> String {
    format!("a {}b", "-".repeat(600))
}

/// The server answers: `/health` and a plain search.
async fn still_answers(agent: &Agent) {
    let health = agent.get("/health").await;
    assert_eq!(health.status, StatusCode::OK, "{}", health.excerpt());
    let plain = search(agent, "training").await;
    assert_eq!(plain.status, StatusCode::OK, "{}", plain.excerpt());
    assert!(plain.body.contains("class=\"hit\""), "{}", plain.excerpt());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_query_nested_past_the_bounds_is_a_400_and_the_server_still_answers() {
    let app = spawn_app().await;
    let mut viewer = app.login(Role::Viewer).await;
    still_answers(&viewer).await;

    let reply = search(&viewer, &dashes()).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.excerpt());
    assert!(
        reply.body.contains(
            "at character 67: the query nests too deeply: at most 32 levels of parentheses, AND, OR, NOT and -"
        ),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("aria-invalid=\"true\""));
    assert_no_internals(&reply);
    still_answers(&viewer).await;

    // Others of the kind, within the length the search box takes.
    for q in [
        format!("{}a", "(".repeat(999)),
        format!("a {}b", "NOT ".repeat(240)),
        format!("a {}", "-(b OR ".repeat(110)),
        format!("a{}", " NEAR a".repeat(140)),
        vec!["w"; 257].join(" "),
        // A word starting with a colon used to stop the lexer in place,
        // growing its token list until memory ran out.
        "a :".to_owned(),
    ] {
        let reply = search(&viewer, &q).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.excerpt());
        assert!(reply.body.contains("at character"), "{}", reply.body);
        assert_no_internals(&reply);
    }
    still_answers(&viewer).await;

    viewer.accept_language = Some("es-MX,es;q=0.9".into());
    let reply = search(&viewer, &dashes()).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(
        reply
            .body
            .contains("en el carácter 67: la consulta anida demasiados niveles"),
        "{}",
        reply.body
    );
    // Negations that cancel out are not refused.
    let cancelled = search(
        &viewer,
        &format!("training {}training", "NOT NOT ".repeat(20)),
    )
    .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.excerpt());
    still_answers(&viewer).await;
}

/// The `<tr>` of the watchlists table that names `name`.
fn row<'a>(body: &'a str, name: &str) -> &'a str {
    body.split("<tr")
        .find(|row| row.contains(&format!(">{name}")))
        .unwrap_or_else(|| panic!("no row for {name}:\n{body}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stored_watchlist_past_the_bounds_is_shown_as_not_run_and_the_others_run() {
    let app = spawn_app().await;
    // Saved as an older version could have saved it: the vault does not
    // read queries.
    app.state
        .with_vault("test:older-version", |v| {
            v.add_watchlist("Hostile", &dashes(), "saved before queries were bounded")?;
            Ok(())
        })
        .await
        .unwrap();
    let coordinator = app.login(Role::Coordinator).await;
    // Adding a watchlist runs them all, the stored one included.
    let added = coordinator
        .post(
            "/watchlists",
            &[
                ("name", "Trainings"),
                ("query", "training"),
                ("purpose", "Know-your-rights trainings"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.excerpt());
    let run = coordinator.post("/watchlists/run", &[]).await;
    assert_eq!(run.status, StatusCode::SEE_OTHER, "{}", run.excerpt());

    let list = coordinator.get("/watchlists").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.excerpt());
    let hostile = row(&list.body, "Hostile");
    assert!(hostile.contains("not run"), "{hostile}");
    assert!(
        hostile.contains(
            "Not run: this saved query can no longer be read: at character 67: the query nests too deeply"
        ),
        "{hostile}"
    );
    assert!(
        hostile.contains("never"),
        "a skipped watchlist has not run: {hostile}"
    );
    let trainings = row(&list.body, "Trainings");
    assert!(!trainings.contains("not run"), "{trainings}");
    assert!(
        trainings.contains("/watchlists/hits?watchlist="),
        "the other watchlist found hits: {trainings}"
    );

    // A new watchlist past the bounds is refused where it is typed.
    let refused = coordinator
        .post(
            "/watchlists",
            &[("name", "Again"), ("query", &dashes()), ("purpose", "x")],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "{}",
        refused.excerpt()
    );
    assert!(refused.body.contains("at character 67"), "{}", refused.body);

    let mut spanish = app.login(Role::Viewer).await;
    spanish.accept_language = Some("es".into());
    let list = spanish.get("/watchlists").await;
    let hostile = row(&list.body, "Hostile");
    assert!(
        hostile.contains(
            "No se ejecuta: esta consulta guardada ya no se puede leer: en el carácter 67"
        ),
        "{hostile}"
    );
    assert!(hostile.contains(">no se ejecuta<"), "{hostile}");
    still_answers(&coordinator).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_in_a_search_is_an_internal_error_and_searches_go_on() {
    let app = spawn_app().await;
    let panicked = app
        .state
        .with_search("test:panic", |_, _, _| -> Result<(), AppError> {
            panic!("a search that panics (test)")
        })
        .await;
    assert_eq!(panicked.unwrap_err().kind(), ErrorKind::Internal);
    let viewer = app.login(Role::Viewer).await;
    // Round every vault handle, the one held during the panic included.
    for _ in 0..2 * Config::default().vault_handles {
        still_answers(&viewer).await;
    }
}
