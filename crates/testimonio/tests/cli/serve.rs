//! The web server as a real process (`testimonio serve`), and its options.
//! A query nested
//! past the bounds used to overflow a worker's stack and abort the whole
//! process (item 1 of the hardening issue). Hostile queries are answered,
//! and the same process still answers afterwards.

use std::time::{Duration, Instant};

use testimonio_demo::DemoSpec;

use crate::served::{Served, urlencode};
use crate::{TestEnv, demo_jsonl};

const USERNAME: &str = "t-viewer";
const PASSWORD: &str = "t-viewer password 1234";

/// The value of `<input … name="csrf" value="…">` in a page.
fn csrf(html: &str) -> String {
    let at = html.find("name=\"csrf\"").expect("a csrf field");
    let value = html[at..].find("value=\"").expect("a value") + at + 7;
    let end = html[value..].find('"').unwrap() + value;
    html[value..end].to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_queries_do_not_take_the_served_process_down() {
    let env = TestEnv::new();
    env.init();
    // Event narratives and a page in the index: tantivy builds scorers
    // only for segments that exist.
    let data = env.write("in/demo.jsonl", &demo_jsonl(&DemoSpec::standard()));
    env.ok(&["import", data.to_str().unwrap()]);
    let note = env.write(
        "in/vigil.txt",
        "Notes from the vigil in front of the field office (fictional).\n",
    );
    env.ok(&["ingest", note.to_str().unwrap()]);
    let password = env.write("in/password", PASSWORD);
    env.ok(&[
        "user",
        "add",
        USERNAME,
        "--role",
        "viewer",
        "--password-file",
        password.to_str().unwrap(),
    ]);

    let mut served = Served::start(&env);
    let addr = served.addr;
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let base = format!("http://{addr}");
    let get = |path: String| {
        let request = http.get(format!("{base}{path}"));
        async move { request.send().await }
    };

    // Up when /health answers (opening the vault takes a moment).
    let started = Instant::now();
    loop {
        if let Ok(r) = get("/health".into()).await
            && r.status() == 200
        {
            break;
        }
        served.assert_alive("starting");
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the server did not start"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let login = get("/login".into()).await.unwrap().text().await.unwrap();
    let token = csrf(&login);
    let logged_in = http
        .post(format!("{base}/login"))
        .form(&[
            ("csrf", token.as_str()),
            ("username", USERNAME),
            ("password", PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(logged_in.status(), 303, "login failed");

    let hostile = [
        format!("a {}b", "-".repeat(600)),
        "(".repeat(10_000),
        format!("a {}b", "NOT ".repeat(5_000)),
        format!("a{}", " NEAR a".repeat(2_000)),
        // Within the 1,000 characters the search page reads.
        format!("{}a", "(".repeat(999)),
        format!("a {}b", "NOT ".repeat(240)),
        format!("a {}", "-(b OR ".repeat(110)),
        // A word starting with a colon used to stop the lexer in place.
        "a :".to_owned(),
    ];
    for q in &hostile {
        let what = format!("{}… ({} characters)", &q[..q.len().min(10)], q.len());
        let reply = get(format!("/search?q={}", urlencode(q)))
            .await
            .unwrap_or_else(|e| panic!("{what}: no answer: {e}"));
        let status = reply.status();
        let body = reply.text().await.unwrap();
        assert_eq!(status, 400, "{what}: {body}");
        assert!(
            body.contains("at character") || body.contains("too long"),
            "{what}: no reason given: {body}"
        );
        served.assert_alive(&what);
        let health = get("/health".into()).await.unwrap();
        assert_eq!(health.status(), 200, "/health after {what}");
    }
    let first = get(format!("/search?q={}", urlencode(&hostile[0])))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        first.contains("at character 67: the query nests too deeply"),
        "{first}"
    );
    // Still searching, logged in, in the same process.
    let plain = get("/search?q=vigil".into()).await.unwrap();
    assert_eq!(plain.status(), 200);
    assert!(plain.text().await.unwrap().contains("class=\"hit\""));
    served.assert_alive("the hostile queries");
}

#[test]
fn a_trusted_proxy_that_is_not_an_address_is_refused_in_both_languages() {
    let env = TestEnv::new();
    for (lang, expected) in [
        (
            "en",
            "expected an IP address or a network such as 10.0.0.0/8",
        ),
        (
            "es",
            "se esperaba una dirección IP o una red como 10.0.0.0/8",
        ),
    ] {
        let out = env.run(&[
            "--lang",
            lang,
            "serve",
            "--trusted-proxy",
            "10.0.0.1",
            "--trusted-proxy",
            "proxy.example",
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("--trusted-proxy \"proxy.example\"") && stderr.contains(expected),
            "{lang}: {stderr}"
        );
    }
}
