//! Search, watchlists and excerpts in the web app, over the Second
//! Circuit opinion from the shared corpus ingested as a FOIA production:
//! results with page numbers and marked matches, facets that narrow the
//! query, paging, bilingual query errors (400, never 500), the page view
//! marking the matches; watchlists whose hits are accepted as excerpts
//! (shown on the event and person pages) or dismissed; who may do what;
//! the dashboard's count; custody places hidden from analysts.

use axum::http::StatusCode;
use chrono::NaiveDate;
use testimonio_domain::{Role, SourceKind};
use testimonio_ingest::IngestOptions;

use crate::documents::{OPINION, corpus, ingest};
use crate::support::{Agent, Reply, TestApp, assert_no_internals, spawn_app, urlencode};

/// The machine the opinion was read on, as the custody log records it.
const HOST: &str = "intake-laptop-7";

/// Ingests the opinion as the production of the app's FOIA request.
async fn ingest_opinion(app: &TestApp) -> String {
    ingest(
        app,
        vec![corpus(OPINION)],
        IngestOptions {
            source_kind: Some(SourceKind::FoiaProduction),
            foia: Some(app.foia_id.clone()),
            obtained_on: NaiveDate::from_ymd_opt(2023, 2, 1),
            host: Some(HOST.to_owned()),
            jobs: 1,
            ..IngestOptions::default()
        },
    )
    .await
    .remove(0)
}

async fn search(agent: &Agent, q: &str) -> Reply {
    agent.get(&format!("/search?q={}", urlencode(q))).await
}

/// The `href`s of the result headings of a search page, in order.
fn result_links(body: &str) -> Vec<String> {
    let mut links = Vec::new();
    for item in body.split("<li class=\"hit\">").skip(1) {
        if let Some(start) = item.find("href=\"") {
            let rest = &item[start + 6..];
            links.push(rest[..rest.find('"').unwrap_or(0)].to_owned());
        }
    }
    links
}

/// The number in `action="/watchlists/hits/N/accept"` of every hit shown.
fn hit_ids(body: &str, action: &str) -> Vec<i64> {
    body.split("action=\"/watchlists/hits/")
        .skip(1)
        .filter_map(|rest| {
            let (n, tail) = rest.split_once('/')?;
            tail.starts_with(action).then(|| n.parse().ok())?
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_search_finds_the_page_marks_the_match_and_narrows_by_facets() {
    let app = spawn_app().await;
    let opinion = ingest_opinion(&app).await;
    let analyst = app.login(Role::Analyst).await;

    let blank = analyst.get("/search").await;
    assert_eq!(blank.status, StatusCode::OK, "{}", blank.excerpt());
    for text in [
        "How to write a query",
        "NEAR/5",
        "huelga Y (protesta O vigilia) NO entrenamiento",
        "exact:",
        "date:2017..2019",
        "lang:eng",
    ] {
        assert!(blank.body.contains(text), "no {text:?} in the help");
    }
    assert!(blank.body.contains("href=\"/search\""), "the navigation");

    let q = "\"AUGUST TERM 2021\"";
    let found = search(&analyst, q).await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.excerpt());
    let page_link = format!("/documents/{opinion}/pages/1?q={}#match", urlencode(q));
    let links = result_links(&found.body);
    assert_eq!(links.first(), Some(&page_link), "{}", found.body);
    for text in [
        "second-circuit-opinion-aclu-v-ice-2021.pdf — Page 1",
        "<mark>AUGUST</mark> <mark>TERM</mark> <mark>2021</mark>",
        "score",
        &opinion,
    ] {
        assert!(found.body.contains(text), "no {text:?}:\n{}", found.body);
    }
    assert!(
        found
            .body
            .contains("Results <strong>1–1</strong> of <strong>1</strong>")
    );
    // Facets: each a link adding its filter to the query.
    for (filter, label) in [
        ("source:foia_production", "FOIA production"),
        (&*format!("foia:{}", app.foia_id), app.foia_id.as_str()),
        ("date:2023", "2023"),
        ("lang:eng", "English"),
        ("kind:page", "Document page"),
    ] {
        let href = format!("/search?q={}", urlencode(&format!("{q} {filter}")));
        assert!(
            found
                .body
                .contains(&format!("href=\"{}\"", href.replace('&', "&amp;"))),
            "no facet link {href}:\n{}",
            found.body
        );
        assert!(found.body.contains(label), "no facet label {label}");
    }
    let narrowed_q = format!("{q} source:foia_production");
    let narrowed = search(&analyst, &narrowed_q).await;
    assert_eq!(narrowed.status, StatusCode::OK);
    assert_eq!(
        result_links(&narrowed.body),
        [format!(
            "/documents/{opinion}/pages/1?q={}#match",
            urlencode(&narrowed_q)
        )]
    );
    assert!(
        narrowed
            .body
            .contains("aria-current=\"true\">FOIA production")
    );
    let elsewhere = search(&analyst, &format!("{q} source:email")).await;
    assert!(elsewhere.body.contains("Nothing matches this query."));

    // The page view marks every match and anchors the first.
    let page = analyst.get(page_link.trim_end_matches("#match")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
    assert!(
        page.body
            .contains("<mark id=\"match\">AUGUST</mark> <mark>TERM</mark> <mark>2021</mark>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("href=\"#match\""));
    // One phrase found once is one match, not one per word, in either
    // language.
    assert!(
        page.body.contains("<strong>1</strong> match of"),
        "{}",
        page.body
    );
    let mut lector = app.login(Role::Analyst).await;
    lector.accept_language = Some("es-MX,es;q=0.9".into());
    let pagina = lector.get(page_link.trim_end_matches("#match")).await;
    assert!(
        pagina.body.contains("<strong>1</strong> coincidencia de"),
        "{}",
        pagina.body
    );
    assert!(lector.get("/search").await.body.contains("CERCA"));

    // Other word forms, and the Spanish operators: the opinion says
    // "proceedings" (pages 6, 7, 9, 22, 40), never "proceeding".
    let pages_of = |body: &str| -> Vec<String> {
        let mut pages: Vec<String> = result_links(body)
            .into_iter()
            .map(|l| l.split('?').next().unwrap_or_default().to_owned())
            .collect();
        pages.sort();
        pages
    };
    let forms = pages_of(&search(&analyst, "proceeding").await.body);
    assert_eq!(forms.len(), 5, "{forms:?}");
    assert_eq!(forms, pages_of(&search(&analyst, "proceedings").await.body));
    assert_eq!(
        forms,
        pages_of(&search(&analyst, "proceeding O zzyzxq").await.body)
    );
    assert!(pages_of(&search(&analyst, "proceeding o zzyzxq").await.body).is_empty());
    assert!(pages_of(&search(&analyst, "exact:proceeding").await.body).is_empty());
    let sixth = analyst
        .get(&format!("/documents/{opinion}/pages/6?q=proceeding"))
        .await;
    assert!(
        sixth.body.contains("<mark id=\"match\">proceedings</mark>"),
        "{}",
        sixth.body
    );
    // Moving through the document keeps the query.
    assert!(page.body.contains(&format!(
        "rel=\"next\" href=\"/documents/{opinion}/pages/2?q="
    )));
    // Fuzzy and prefix matches are marked too; a bad query marks nothing.
    let fuzzy = analyst
        .get(&format!("/documents/{opinion}/pages/1?q=Imigration~1"))
        .await;
    assert!(
        fuzzy.body.contains("<mark id=\"match\">IMMIGRATION</mark>"),
        "{}",
        fuzzy.body
    );
    let bad = analyst
        .get(&format!("/documents/{opinion}/pages/1?q=%22open"))
        .await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("at character 1"));
    assert!(!bad.body.contains("<mark"));

    // Event narratives are searched too, and show no identity.
    let events = search(&analyst, "kind:event").await;
    assert_eq!(events.status, StatusCode::OK, "{}", events.excerpt());
    assert!(
        result_links(&events.body)
            .iter()
            .all(|l| l.starts_with("/events/"))
    );
    assert!(!result_links(&events.body).is_empty());
    for secret in app.identity_strings() {
        assert!(!events.body.contains(&secret), "an identity in the results");
    }
    assert_no_internals(&found);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_query_is_a_400_in_the_users_language() {
    let app = spawn_app().await;
    let mut viewer = app.login(Role::Viewer).await;
    for (q, where_) in [
        ("\"open quote", "at character 1:"),
        ("protest AND", "at character"),
        ("a) b", "at character 2:"),
        ("nosuchfield:x", "unknown filter"),
        ("date:2019-13", "is not a date"),
        ("-alone", "cannot only exclude"),
    ] {
        let reply = search(&viewer, q).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{q}: {}",
            reply.excerpt()
        );
        assert!(
            reply.body.contains(where_),
            "{q}: no {where_:?}:\n{}",
            reply.body
        );
        assert!(reply.body.contains("error-summary"));
        assert!(reply.body.contains("aria-invalid=\"true\""));
        assert_no_internals(&reply);
    }
    viewer.accept_language = Some("es-MX,es;q=0.9".into());
    let reply = search(&viewer, "\"sin cerrar").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(
        reply
            .body
            .contains("en el carácter 1: falta cerrar unas comillas"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("Cómo escribir una consulta"));
    // What was typed comes back escaped.
    let reply = search(&viewer, "<script>alert(1)</script> \"").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(!reply.body.contains("<script>alert"));
    assert!(reply.body.contains("&lt;script&gt;"));
    // Too long: refused before it is parsed.
    let reply = search(&viewer, &"palabra ".repeat(200)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.body.contains("demasiado larga"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paging_is_stable_and_has_no_cap() {
    let app = spawn_app().await;
    let opinion = ingest_opinion(&app).await;
    let analyst = app.login(Role::Analyst).await;
    // "21-1233" heads every one of the 40 pages.
    let q = format!("\"21 1233\" doc:{opinion}");
    let first = search(&analyst, &q).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.excerpt());
    assert!(
        first
            .body
            .contains("Results <strong>1–20</strong> of <strong>40</strong>"),
        "{}",
        first.body
    );
    let next = format!("/search?q={}&amp;offset=20", urlencode(&q));
    assert!(
        first
            .body
            .contains(&format!("rel=\"next\" href=\"{next}\"")),
        "{}",
        first.body
    );
    assert!(!first.body.contains("rel=\"prev\""));
    let offset = |n: usize| format!("/search?q={}&offset={n}", urlencode(&q));
    let second = analyst.get(&offset(20)).await;
    assert!(
        second
            .body
            .contains("Results <strong>21–40</strong> of <strong>40</strong>")
    );
    assert!(second.body.contains("rel=\"prev\""));
    assert!(!second.body.contains("rel=\"next\""));
    let a = result_links(&first.body);
    let b = result_links(&second.body);
    assert_eq!((a.len(), b.len()), (20, 20));
    let mut all: Vec<&String> = a.iter().chain(&b).collect();
    all.sort();
    all.dedup();
    assert_eq!(
        all.len(),
        40,
        "every page once across the two pages of results"
    );
    // The same offset gives the same results, in the same order.
    for _ in 0..2 {
        assert_eq!(result_links(&analyst.get(&offset(20)).await.body), b);
    }
    // An offset that does not fall on a page boundary, and far past the end.
    let odd = result_links(&analyst.get(&offset(7)).await.body);
    assert_eq!(odd[..13], a[7..]);
    for far in [40, 1_000_000, usize::MAX] {
        let reply = analyst.get(&offset(far)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.excerpt());
        assert!(reply.body.contains("There are no more results"));
        let last_page = format!("rel=\"prev\" href=\"{}\"", offset(20).replace('&', "&amp;"));
        assert!(reply.body.contains(&last_page), "{}", reply.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watchlist_hits_become_excerpts_on_the_event_and_person_pages() {
    let app = spawn_app().await;
    let opinion = ingest_opinion(&app).await;
    let coordinator = app.login(Role::Coordinator).await;
    let analyst = app.login(Role::Analyst).await;

    let list = coordinator.get("/watchlists").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.excerpt());
    assert!(list.body.contains("No watchlists yet."));
    assert!(list.body.contains("action=\"/watchlists\""));

    // CSRF-protected.
    let fields = [
        ("name", "Exempt records"),
        ("query", "\"AUGUST TERM\" OR \"exempt record\""),
        ("purpose", "Test of the review flow"),
    ];
    let forged = coordinator.post_raw("/watchlists", &fields).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    // A bad query: 400, the message beside the field, the values kept.
    let bad = coordinator
        .post(
            "/watchlists",
            &[("name", "Broken"), ("query", "(protest"), ("purpose", "")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.excerpt());
    assert!(bad.body.contains("id=\"f-query-error\""), "{}", bad.body);
    assert!(
        bad.body
            .contains("at character 1: a parenthesis is not closed")
    );
    assert!(bad.body.contains("id=\"f-purpose-error\""));
    assert!(bad.body.contains("value=\"(protest\""));
    assert_no_internals(&bad);

    let added = coordinator.post("/watchlists", &fields).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.excerpt());
    assert_eq!(added.location(), Some("/watchlists"));
    let list = coordinator.get("/watchlists").await;
    assert!(list.body.contains("Exempt records"));
    assert!(list.body.contains("web:t-coordinator"), "the owner");
    assert!(list.body.contains("Test of the review flow"));

    let pending = app
        .state
        .with_vault("test:check", |v| Ok(v.pending_hit_count()?))
        .await
        .expect("vault unlocked");
    assert!(pending >= 2, "hits: {pending}");
    let home = analyst.get("/").await;
    assert!(
        home.body.contains(&format!(
            "<a href=\"/watchlists/hits\"><strong>{pending}</strong> watchlist hits to review</a>"
        )),
        "{}",
        home.body
    );

    // An analyst reads the hits but has no forms, and may not post.
    let seen = analyst.get("/watchlists/hits").await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(
        seen.body.contains("<mark>AUGUST</mark> <mark>TERM</mark>"),
        "{}",
        seen.body
    );
    assert!(hit_ids(&seen.body, "accept").is_empty());
    let hits = coordinator.get("/watchlists/hits").await;
    let accept = hit_ids(&hits.body, "accept");
    let dismiss = hit_ids(&hits.body, "dismiss");
    assert_eq!(accept.len() as u64, pending);
    assert_eq!(dismiss.len() as u64, pending);
    // The hit on page 1 (the one with the term), and another.
    let first_page = format!("href=\"/documents/{opinion}/pages/1?q=");
    let on_page_one = *accept
        .iter()
        .find(|id| {
            let item = hits
                .body
                .split(&format!("id=\"hit-{id}\""))
                .nth(1)
                .unwrap_or("");
            item[..item.find("</li>").unwrap_or(item.len())].contains(&first_page)
        })
        .expect("a hit on page 1");
    let other = *accept
        .iter()
        .find(|id| **id != on_page_one)
        .expect("another hit");
    for (path, fields) in [
        (
            format!("/watchlists/hits/{on_page_one}/accept"),
            vec![("tags", "animus")],
        ),
        (format!("/watchlists/hits/{other}/dismiss"), vec![]),
        ("/watchlists".to_owned(), fields.to_vec()),
        ("/watchlists/run".to_owned(), vec![]),
    ] {
        let reply = analyst.post(&path, &fields).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }

    // Accepting checks each field.
    let accept_path = format!("/watchlists/hits/{on_page_one}/accept");
    let refused = coordinator
        .post(
            &accept_path,
            &[
                ("tags", "animus"),
                ("tags", "Not A Tag"),
                ("event", "no such id!"),
                ("person", "p-nobody"),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "{}",
        refused.excerpt()
    );
    assert!(
        refused
            .body
            .contains(&format!("id=\"f-event-{on_page_one}-error\"")),
        "{}",
        refused.body
    );
    assert!(
        refused
            .body
            .contains(&format!("id=\"f-person-{on_page_one}-error\""))
    );
    assert!(refused.body.contains("No record has this identifier."));
    assert!(
        refused
            .body
            .contains(&format!("href=\"#f-tags-{on_page_one}\""))
    );
    assert!(refused.body.contains("value=\"no such id!\""));
    assert_no_internals(&refused);

    let person = app.person_id.clone();
    let accepted = coordinator
        .post(
            &accept_path,
            &[
                ("tags", "animus"),
                ("tags", "timing"),
                ("event", &app.event_id),
                ("person", &person),
            ],
        )
        .await;
    assert_eq!(
        accepted.status,
        StatusCode::SEE_OTHER,
        "{}",
        accepted.excerpt()
    );
    // Twice is harmless.
    let again = coordinator.post(&accept_path, &[("tags", "animus")]).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);

    // The excerpt on the event page, linking back to the page.
    let event = coordinator.get(&format!("/events/{}", app.event_id)).await;
    assert_eq!(event.status, StatusCode::OK);
    assert!(event.body.contains("Excerpts (1)"), "{}", event.body);
    assert!(event.body.contains("AUGUST TERM 2021"));
    assert!(event.body.contains("Animus") && event.body.contains("Timing"));
    assert!(event.body.contains("From the watchlist Exempt records"));
    let link_start = event
        .body
        .find(&format!("href=\"/documents/{opinion}/pages/1?excerpt="))
        .expect("a link to the page with the excerpt");
    let link = &event.body[link_start + 6..];
    let link = link[..link.find('"').unwrap()].replace("&amp;", "&");
    assert!(link.ends_with("#excerpt"));
    let page = coordinator.get(link.trim_end_matches("#excerpt")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("<mark class=\"excerpt\" id=\"excerpt\">"),
        "{}",
        page.body
    );
    assert!(page.body.contains("href=\"#excerpt\""));
    // An analyst may not see who the quote is tied to: withheld (see
    // tests/web/excerpts.rs), the tags kept.
    let event = analyst.get(&format!("/events/{}", app.event_id)).await;
    assert!(event.body.contains("Excerpts (1)") && event.body.contains("Quote withheld"));
    assert!(!event.body.contains("AUGUST TERM 2021") && event.body.contains("Animus"));
    // Spanish labels.
    let mut spanish = app.login(Role::Analyst).await;
    spanish.accept_language = Some("es".into());
    let event = spanish.get(&format!("/events/{}", app.event_id)).await;
    assert!(event.body.contains("Extractos (1)") && event.body.contains("Animadversión"));

    // On the person page: for roles that see the identity, not for others.
    let with = coordinator.get(&format!("/people/{person}")).await;
    assert!(with.body.contains("AUGUST TERM 2021"), "{}", with.body);
    let without = analyst.get(&format!("/people/{person}")).await;
    assert_eq!(without.status, StatusCode::OK);
    assert!(!without.body.contains("AUGUST TERM 2021"));
    assert!(without.body.contains("Quote withheld"));

    // Dismissing.
    let dismissed = coordinator
        .post(&format!("/watchlists/hits/{other}/dismiss"), &[])
        .await;
    assert_eq!(dismissed.status, StatusCode::SEE_OTHER);
    let hits = coordinator.get("/watchlists/hits").await;
    let left = hit_ids(&hits.body, "accept");
    assert!(!left.contains(&other) && !left.contains(&on_page_one));
    assert_eq!(left.len() as u64, pending - 2);
    // Running again finds nothing new: reviewed hits stay reviewed.
    let run = coordinator.post("/watchlists/run", &[]).await;
    assert_eq!(run.status, StatusCode::SEE_OTHER);
    let hits = coordinator.get("/watchlists/hits").await;
    assert_eq!(hit_ids(&hits.body, "accept").len() as u64, pending - 2);
    // Unknown hits are not found.
    for path in [
        "/watchlists/hits/999999/dismiss",
        "/watchlists/hits/0/accept",
        "/watchlists/hits/x/dismiss",
    ] {
        let reply = coordinator.post(path, &[]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    let unknown = coordinator
        .get("/watchlists/hits?watchlist=watch-nope")
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_ingested_after_start_are_found() {
    let app = spawn_app().await;
    let analyst = app.login(Role::Analyst).await;
    // The index is open (and empty of documents but the sample note).
    let before = search(&analyst, "supercalifragilistic").await;
    assert!(before.body.contains("Nothing matches this query."));
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("late.txt");
    std::fs::write(&path, "A supercalifragilistic note, ingested late.\n").expect("a file");
    let id = ingest(&app, vec![path], IngestOptions::default())
        .await
        .remove(0);
    let after = search(&analyst, "supercalifragilistic").await;
    assert_eq!(
        result_links(&after.body),
        [format!(
            "/documents/{id}/pages/1?q=supercalifragilistic#match"
        )]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn custody_places_are_hidden_from_analysts_and_viewers() {
    let app = spawn_app().await;
    let opinion = ingest_opinion(&app).await;
    let path = format!("/documents/{opinion}");
    for role in [Role::Admin, Role::Coordinator, Role::Documenter] {
        let reply = app.login(role).await.get(&path).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(reply.body.contains(HOST), "{role:?} sees the host");
        assert!(
            reply.body.contains("shared/corpus/foia/"),
            "{role:?} sees the path"
        );
    }
    for role in [Role::Analyst, Role::Viewer] {
        let reply = app.login(role).await.get(&path).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(!reply.body.contains(HOST), "{role:?} sees the host");
        assert!(
            !reply.body.contains("shared/corpus"),
            "{role:?} sees the path"
        );
        assert!(!reply.body.contains("class=\"path\""));
        // What stays: action, time, actor, custodian.
        assert!(reply.body.contains("Chain of custody"));
        assert!(reply.body.contains("ingested"));
        assert!(reply.body.contains("test:setup"));
        assert!(reply.body.contains("Where originals came from"));
        assert_no_internals(&reply);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_indexed_by_another_process_are_found() {
    let app = spawn_app().await;
    let analyst = app.login(Role::Analyst).await;
    let before = search(&analyst, "quixotic").await;
    assert!(before.body.contains("Nothing matches this query."));
    assert!(app.state.has_search_index());
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("elsewhere.txt");
    std::fs::write(&path, "A quixotic note, indexed by the command line.\n").expect("a file");
    let id = ingest(&app, vec![path], IngestOptions::default())
        .await
        .remove(0);
    // What `testimonio search` does in another process: open the index
    // files, apply the vault's queue, commit, and forget the queue.
    app.state
        .with_vault("test:cli", |v| {
            let mut index = testimonio_search::SearchIndex::open(v).expect("the index files");
            let done = index.catch_up(v).expect("caught up");
            assert!(done.entries_written >= 1);
            Ok(())
        })
        .await
        .expect("vault unlocked");
    let after = search(&analyst, "quixotic").await;
    assert_eq!(
        result_links(&after.body),
        [format!("/documents/{id}/pages/1?q=quixotic#match")],
        "{}",
        after.excerpt()
    );
    // And the web's own later changes still reach the index.
    let other = tempfile::tempdir().expect("a temporary directory");
    let path = other.path().join("later.txt");
    std::fs::write(&path, "Another quixotic note.\n").expect("a file");
    ingest(&app, vec![path], IngestOptions::default()).await;
    let later = search(&analyst, "quixotic").await;
    assert_eq!(result_links(&later.body).len(), 2, "{}", later.excerpt());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn locking_drops_the_index_and_unlocking_brings_it_back() {
    let app = spawn_app().await;
    let admin = app.login(Role::Admin).await;
    let found = search(&admin, "training").await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(app.state.has_search_index());
    let locked = admin.post("/admin/lock", &[]).await;
    assert_eq!(locked.status, StatusCode::SEE_OTHER);
    assert!(app.state.is_locked());
    assert!(!app.state.has_search_index(), "the index outlived the lock");
    app.unlock_via_form().await;
    let admin = app.login(Role::Admin).await;
    let again = search(&admin, "training").await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.excerpt());
    assert_eq!(result_links(&again.body), result_links(&found.body));
    assert!(app.state.has_search_index());
}
