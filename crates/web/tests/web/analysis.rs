//! The pattern analysis page and the report download: the figures are
//! the report's own findings, in English and Spanish; a coalition or
//! public view never shows a count of fewer than k people (a state with
//! two people reads "suppressed", in the table and on the map); the
//! figures follow consent as soon as it changes and are not computed
//! again otherwise; analysts read the page but cannot take a report
//! away; a coordinator's report is an attachment, never cached, audited
//! as an export; no legal name reaches the page for any role.

use std::collections::HashMap;

use axum::http::{StatusCode, header};
use testimonio_analysis::Cell;
use testimonio_domain::exchange::parse_line;
use testimonio_domain::{Audience, Lang, Role};
use testimonio_report::findings::ChanceTest;
use testimonio_report::{Findings, FindingsOptions, Subject, fmt};
use testimonio_vault::{EventFilter, PeopleFilter};

use crate::support::{Agent, TestApp, assert_no_internals, form_body, spawn_app};

/// A word in every fixture person's legal name.
const LEGAL: &str = "Zlegalcanary";

fn person(id: &str, consent: &str) -> String {
    format!(
        r#"{{"type":"person","id":"{id}","pseudonym":"Seudo {id}","legal_name":"{LEGAL}{id} Quux","consent":"{consent}"}}"#
    )
}

fn event(id: &str, event_type: &str, date: &str, person: &str, role: &str) -> String {
    let office = if role == "target" {
        r#","field_office":"BOS""#
    } else {
        ""
    };
    format!(
        r#"{{"type":"event","id":"{id}","event_type":"{event_type}","date":"{date}","state":"VT"{office},"people":[{{"id":"{person}","role":"{role}"}}]}}"#
    )
}

/// Exactly two people in Vermont (a state the demo data never uses), both
/// of whom agreed to be published: each spoke to the press, then got a
/// notice to appear.
pub fn vermont_fixture() -> Vec<String> {
    let mut lines = Vec::new();
    for i in 1..=2 {
        let id = format!("fx-vt{i}");
        lines.push(person(&id, "public_anonymous"));
        lines.push(event(
            &format!("fx-vt{i}a"),
            "press_interview",
            &format!("2023-03-0{i}"),
            &id,
            "participant",
        ));
        lines.push(event(
            &format!("fx-vt{i}b"),
            "notice_to_appear",
            &format!("2023-04-1{i}"),
            &id,
            "target",
        ));
    }
    lines
}

pub async fn import(app: &TestApp, lines: Vec<String>) {
    let report = app
        .state
        .with_vault("test:setup", move |v| {
            Ok(v.import_records(
                "fixture",
                lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (format!("fixture line {}", i + 1), parse_line(l))),
                &mut |_| {},
            )?)
        })
        .await
        .expect("fixture imported");
    assert!(report.failed.is_empty(), "{:?}", report.failed);
}

/// The findings the page should show, computed here from the vault with
/// the page's (and the command line's) parameters.
async fn expected(app: &TestApp, audience: Audience, min_count: u64) -> Findings {
    let (subjects, events) = app
        .state
        .with_vault("test:check", |v| {
            let events = v.events(&EventFilter::default())?;
            let subjects: Vec<Subject> = v
                .people(&PeopleFilter::default())?
                .into_iter()
                .map(|p| Subject {
                    id: p.id,
                    pseudonym: p.pseudonym,
                    groups: p.groups,
                    consent: p.consent,
                })
                .collect();
            Ok((subjects, events))
        })
        .await
        .expect("records read");
    tokio::task::spawn_blocking(move || {
        Findings::compute(
            &subjects,
            &events,
            &HashMap::new(),
            &FindingsOptions {
                audience,
                min_count,
                as_of: chrono::Utc::now().date_naive(),
                permutations: 10_000,
                seed: 0,
                vignettes: 0,
                threads: None,
            },
        )
        .expect("findings")
    })
    .await
    .expect("findings task")
}

/// The page, which must be a 200 without internals.
async fn analysis_page(agent: &Agent, query: &str) -> String {
    let reply = agent.get(&format!("/analysis{query}")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.excerpt());
    assert_no_internals(&reply);
    reply.body
}

/// The text of some HTML: tags removed, the entities of maud's escaping
/// undone, white space collapsed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    // Runs of ASCII white space as one space (no-break spaces stay: they
    // are part of numbers in Spanish).
    out.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The row of category `code` in the table of class `table`.
fn row<'a>(body: &'a str, table: &str, code: &str) -> Option<&'a str> {
    let start = body.find(&format!("<table class=\"analysis {table}\""))?;
    let table_html = &body[start..start + body[start..].find("</table>")?];
    let at = table_html.find(&format!("<tr data-code=\"{code}\">"))?;
    let rest = &table_html[at..];
    Some(&rest[..rest.find("</tr>")?])
}

/// Every count of people or pairs on the page (`<data class="tally">`).
fn counts(body: &str) -> Vec<u64> {
    body.split("<data class=\"tally\" value=\"")
        .skip(1)
        .map(|rest| {
            rest[..rest.find('"').expect("a value")]
                .parse()
                .expect("a number")
        })
        .collect()
}

/// The texts the map writes in the tile of `state`.
fn tile_texts(body: &str, state: &str) -> Vec<String> {
    let needle = format!("data-key=\"{state}\">");
    body.split(&needle)
        .skip(1)
        .map(|rest| rest[..rest.find("</text>").expect("a text")].to_owned())
        .collect()
}

fn shown(c: Cell) -> u64 {
    c.shown().expect("a shown count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_shows_the_reports_findings_in_english_and_spanish() {
    let app = spawn_app().await;
    let mut coordinator = app.login(Role::Coordinator).await;
    // A coordinator lands on the internal figures.
    let body = analysis_page(&coordinator, "").await;
    let f = expected(&app, Audience::Internal, 5).await;
    let page = text(&body);
    assert!(page.contains("Pattern analysis"), "{page}");
    assert!(page.contains("Do not share them outside the group"));
    let p = &f.population;
    for (label, n) in [
        ("People counted", shown(p.people)),
        (
            "Targeted by an enforcement action",
            shown(p.people_targeted),
        ),
        ("Enforcement actions", shown(p.enforcement_actions)),
        ("Protected activities", shown(p.protected_activities)),
    ] {
        let card = format!("{} {label}", fmt::count(Lang::En, n));
        assert!(page.contains(&card), "no card {card:?}");
    }
    // Shares within 30, 90 and 180 days, with counts and denominators.
    assert_eq!(f.proximity.within.len(), 3);
    for w in &f.proximity.within {
        let share = fmt::percent(Lang::En, w.share.expect("a share"));
        assert!(body.contains(&share), "no {share} for {} days", w.days);
        assert!(page.contains(&format!("within {} days", w.days)));
        let detail = format!(
            "<data class=\"tally\" value=\"{}\">{}</data> of <data class=\"tally\" value=\"{}\">",
            shown(w.count),
            fmt::count(Lang::En, shown(w.count)),
            shown(w.denominator)
        );
        assert!(body.contains(&detail), "no {detail}");
    }
    // The test against chance, with its method in words.
    let ChanceTest::Done(test) = &f.chance else {
        panic!("the demo data has something to test: {:?}", f.chance)
    };
    assert!(page.contains(&fmt::p_equation(Lang::En, test.p_value)));
    assert!(page.contains("permutation test, 10,000 permutations, seed 0"));
    assert!(page.contains(test.method.get(Lang::En)));
    // Spread: offices, states, the largest office's share, the index.
    assert!(page.contains("ICE field offices"));
    let largest = f.offices.largest.as_ref().expect("internal: the largest");
    assert!(body.contains(&fmt::percent(Lang::En, largest.share)));
    let hhi = fmt::decimal(Lang::En, f.offices.hhi.expect("internal: the index"), 2);
    assert!(page.contains(&hhi), "no index {hhi}");
    // Charts and the map as inline SVG without style attributes.
    for id in ["fig-intervals", "fig-years", "fig-map"] {
        assert!(
            body.contains(&format!("aria-labelledby=\"{id}-title\"")),
            "{id}"
        );
    }
    assert!(!body.contains("style="), "a style attribute the CSP blocks");
    assert!(!body.contains("<script"));
    // Tables by field office and type, from the same findings.
    for (code, c) in f.by_field_office.entries() {
        let r = row(&body, "by-office", code).unwrap_or_else(|| panic!("no office {code}"));
        assert!(r.contains(&format!("value=\"{}\"", shown(c))), "{r}");
    }
    for (code, c) in f.by_type.entries() {
        let r = row(&body, "by-type", code).unwrap_or_else(|| panic!("no type {code}"));
        assert!(r.contains(&format!("value=\"{}\"", shown(c))), "{r}");
    }
    // The nav and the dashboard lead here.
    let dashboard = coordinator.get("/").await;
    assert!(
        dashboard
            .body
            .contains("<a href=\"/analysis\">Analysis</a>")
    );
    assert!(dashboard.body.contains("See the pattern analysis"));

    // The same findings in Spanish, from the cache.
    let runs = app.state.findings_cache().runs();
    coordinator.accept_language = Some("es".into());
    let body = analysis_page(&coordinator, "").await;
    assert_eq!(app.state.findings_cache().runs(), runs, "computed again");
    let page = text(&body);
    assert!(page.contains("Análisis del patrón"));
    assert!(page.contains("Personas contadas"));
    assert!(page.contains("No las comparta fuera del grupo"));
    for w in &f.proximity.within {
        let share = fmt::percent(Lang::Es, w.share.expect("a share"));
        assert!(body.contains(&share), "no {share}");
        assert!(page.contains(&format!("dentro de {} días", w.days)));
    }
    assert!(page.contains(&fmt::p_equation(Lang::Es, test.p_value)));
    assert!(page.contains("prueba de permutaciones, 10\u{a0}000 permutaciones, semilla 0"));
    assert!(page.contains(test.method.get(Lang::Es)));
    assert!(page.contains(&fmt::decimal(Lang::Es, f.offices.hhi.unwrap(), 2)));
    assert!(body.contains("<a href=\"/analysis\">Análisis</a>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_view_never_shows_a_count_below_k() {
    let app = spawn_app().await;
    import(&app, vermont_fixture()).await;
    let mut analyst = app.login(Role::Analyst).await;
    let body = analysis_page(&analyst, "?audience=public").await;
    let f = expected(&app, Audience::Public, 5).await;
    assert_eq!(f.by_state.get("VT"), Cell::Suppressed);
    // The state's row and its tile say "suppressed", never a number.
    let vt = row(&body, "by-state", "VT").expect("a row for Vermont");
    assert!(text(vt).contains("Vermont (VT)"), "{vt}");
    assert!(text(vt).contains("suppressed"), "{vt}");
    assert!(!text(vt).chars().any(|c| c.is_ascii_digit()), "{vt}");
    assert_eq!(tile_texts(&body, "VT"), ["VT", "suppressed"]);
    // Every count on the page is 0 or at least k.
    let all = counts(&body);
    assert!(all.len() > 20, "counts are marked: {all:?}");
    assert!(
        all.iter().all(|&n| n == 0 || n >= 5),
        "a count below 5 in a public view: {all:?}"
    );
    assert!(text(&body).contains("Every count of fewer people than 5"));
    // In Spanish, the same word in Spanish.
    analyst.accept_language = Some("es".into());
    let body = analysis_page(&analyst, "?audience=public").await;
    let vt = row(&body, "by-state", "VT").expect("a row for Vermont");
    assert!(text(vt).contains("suprimido"), "{vt}");
    assert_eq!(tile_texts(&body, "VT"), ["VT", "suprimido"]);
    // A higher threshold hides more; the lowest allowed, 2, shows the two.
    analyst.accept_language = None;
    let body = analysis_page(&analyst, "?audience=public&min_count=2").await;
    let vt = row(&body, "by-state", "VT").expect("a row for Vermont");
    assert!(vt.contains("value=\"2\""), "{vt}");
    assert!(counts(&body).iter().all(|&n| n == 0 || n >= 2));
    let body = analysis_page(&analyst, "?audience=coalition&min_count=50").await;
    assert!(counts(&body).iter().all(|&n| n == 0 || n >= 50));
    let page = text(&body);
    assert!(page.contains("too few people were targeted for this audience"));
    assert!(page.contains("the timing figures are suppressed"));
    // Internal figures count them as they are.
    let body = analysis_page(&analyst, "?audience=internal").await;
    let vt = row(&body, "by-state", "VT").expect("a row for Vermont");
    assert!(vt.contains("value=\"2\""), "{vt}");
    // A threshold that would show single people, or nonsense: 400.
    for bad in [
        "?audience=public&min_count=1",
        "?audience=coalition&min_count=0",
        "?audience=public&min_count=lots",
        "?audience=everyone",
    ] {
        let reply = analyst.get(&format!("/analysis{bad}")).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_no_internals(&reply);
        assert!(!reply.body.contains("<data class=\"tally\""), "{bad}");
        assert!(reply.body.contains("error-summary"), "{bad}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn figures_follow_consent_at_once_and_are_not_computed_again_otherwise() {
    let app = spawn_app().await;
    import(&app, vermont_fixture()).await;
    let viewer = app.login(Role::Viewer).await;
    let coordinator = app.login(Role::Coordinator).await;
    let people_counted = |body: &str| -> u64 {
        let at = body.find("People counted").expect("the card");
        let before = &body[..at];
        let start = before.rfind("value=\"").expect("a count") + 7;
        before[start..start + before[start..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    let before = people_counted(&analysis_page(&viewer, "?audience=public&min_count=2").await);
    let runs = app.state.findings_cache().runs();
    // Reads audit entries but change nothing: the figures are kept.
    let person_page = coordinator.get("/people/fx-vt1").await;
    assert!(
        person_page.body.contains("Zlegalcanaryfx-vt1"),
        "an identity read"
    );
    let again = people_counted(&analysis_page(&viewer, "?audience=public&min_count=2").await);
    assert_eq!(again, before);
    assert_eq!(
        app.state.findings_cache().runs(),
        runs,
        "computed again after a read"
    );
    // A withdrawal of consent takes the person out of the public figures
    // at once (the index queue does not move for consent: the audit does).
    let today = chrono::Utc::now().date_naive().to_string();
    let reply = coordinator
        .post(
            "/people/fx-vt1/consent/withdraw",
            &[("withdrawn_on", today.as_str())],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    let body = analysis_page(&viewer, "?audience=public&min_count=2").await;
    assert_eq!(people_counted(&body), before - 1);
    assert_eq!(app.state.findings_cache().runs(), runs + 1);
    // Vermont now has one person: suppressed even at the lowest threshold.
    let vt = row(&body, "by-state", "VT").expect("a row for Vermont");
    assert!(text(vt).contains("suppressed"), "{vt}");
    // Locking the vault forgets the figures.
    app.state.lock_vault();
    app.unlock_via_form().await;
    let viewer = app.login(Role::Viewer).await;
    analysis_page(&viewer, "?audience=public&min_count=2").await;
    assert_eq!(app.state.findings_cache().runs(), runs + 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn analysts_read_the_page_but_cannot_take_a_report_away() {
    let app = spawn_app().await;
    for role in [Role::Analyst, Role::Viewer] {
        let agent = app.login(role).await;
        // Their default is the coalition's figures.
        let body = analysis_page(&agent, "").await;
        assert!(
            body.contains("<option value=\"coalition\" selected>"),
            "{role:?}"
        );
        assert!(!body.contains("action=\"/analysis/report\""), "{role:?}");
        assert!(text(&body).contains("Reports are downloaded by administrators"));
        let reply = agent
            .post(
                "/analysis/report",
                &[("audience", "public"), ("format", "pdf"), ("lang", "en")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{role:?}");
        assert!(!reply.body.starts_with("%PDF"));
    }
    let exports = app
        .state
        .with_vault("test:check", |v| Ok(v.audit_tail(50)?))
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "export")
        .count();
    assert_eq!(exports, 0, "a refused report was audited as sent");
}

/// POSTs the report form and returns status, headers and the raw bytes.
async fn download(
    agent: &Agent,
    fields: &[(&str, &str)],
) -> (StatusCode, header::HeaderMap, Vec<u8>) {
    let mut all = vec![("csrf", agent.csrf.as_str())];
    all.extend_from_slice(fields);
    let response = agent
        .http
        .post(format!("{}/analysis/report", agent.base))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form_body(&all))
        .send()
        .await
        .expect("a response");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("a body").to_vec();
    (status, headers, bytes)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_downloads_an_audited_report() {
    let app = spawn_app().await;
    let coordinator = app.login(Role::Coordinator).await;
    let body = analysis_page(&coordinator, "").await;
    assert!(body.contains("action=\"/analysis/report\""));
    let (status, headers, pdf) = download(
        &coordinator,
        &[
            ("audience", "public"),
            ("format", "pdf"),
            ("lang", "es"),
            ("min_count", "5"),
        ],
    )
    .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&pdf[..pdf.len().min(600)])
    );
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    let h = |name: header::HeaderName| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    assert_eq!(h(header::CONTENT_TYPE), "application/pdf");
    let today = chrono::Utc::now().date_naive();
    assert_eq!(
        h(header::CONTENT_DISPOSITION),
        format!("attachment; filename=\"testimonio-report-public-es-{today}.pdf\"")
    );
    assert!(h(header::CACHE_CONTROL).contains("no-store"));
    let entries = app
        .state
        .with_vault("test:check", |v| Ok(v.audit_tail(5)?))
        .await
        .unwrap();
    let export = entries
        .iter()
        .rev()
        .find(|e| e.action == "export")
        .expect("the report was audited");
    assert_eq!(export.object, "report:pdf");
    assert_eq!(export.actor, "web:t-coordinator");
    assert!(
        export
            .detail
            .starts_with("audience=public min_count=5 people="),
        "{}",
        export.detail
    );
    assert!(
        export.detail.ends_with(" identities=0"),
        "{}",
        export.detail
    );

    // The same as one HTML file, in English: no legal name in it.
    let (status, headers, html) = download(
        &coordinator,
        &[
            ("audience", "coalition"),
            ("format", "html"),
            ("lang", "en"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(html).expect("UTF-8");
    assert!(
        html.contains("the documented pattern"),
        "{}",
        &html[..html.len().min(600)]
    );
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    for s in app.identity_strings() {
        assert!(!html.contains(&s), "the report shows {s:?}");
    }
    let newest = app
        .state
        .with_vault("test:check", |v| Ok(v.audit_tail(1)?))
        .await
        .unwrap();
    assert_eq!(newest[0].object, "report:html");
    assert!(newest[0].detail.starts_with("audience=coalition "));

    // A form without its audience or format: the form again (400), nothing
    // made, nothing audited.
    let head = newest[0].seq;
    for fields in [
        vec![("format", "pdf")],
        vec![("audience", "public")],
        vec![
            ("audience", "public"),
            ("format", "pdf"),
            ("min_count", "1"),
        ],
        vec![("audience", "public"), ("format", "docx")],
    ] {
        let reply = coordinator.post("/analysis/report", &fields).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{fields:?}");
        assert!(reply.body.contains("error-summary"), "{fields:?}");
        assert_no_internals(&reply);
    }
    let after = app
        .state
        .with_vault("test:check", |v| Ok(v.audit_tail(1)?))
        .await
        .unwrap();
    assert_eq!(after[0].seq, head, "a refused report was audited");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_legal_name_reaches_the_page_for_any_role() {
    let app = spawn_app().await;
    import(&app, vermont_fixture()).await;
    let mut identities = app.identity_strings();
    identities.push(LEGAL.to_owned());
    for role in Role::ALL {
        let agent = app.login(role).await;
        for query in [
            "",
            "?audience=internal",
            "?audience=coalition",
            "?audience=public&min_count=2",
        ] {
            let body = analysis_page(&agent, query).await;
            for s in &identities {
                assert!(
                    !body.contains(s.as_str()),
                    "{role:?} {query}: the page shows {s:?}"
                );
            }
            // No record ids and no pseudonyms either: figures only.
            assert!(!body.contains("fx-vt1"), "{role:?} {query}");
            assert!(!body.contains("Seudo "), "{role:?} {query}");
        }
    }
}
