//! Flows in a real headless Chromium driven through chromedriver, against
//! the real server: logging in, switching language, recording an event
//! through the form, seeing it on the person's timeline, with and without
//! JavaScript; pseudonym-only pages for an analyst; screenshots at phone
//! and desktop widths; a page of an ingested document beside its image;
//! the pattern analysis with its charts and map at both widths.
//!
//! Needs `/usr/bin/chromium` and `/usr/bin/chromedriver` (Debian packages
//! `chromium`, `chromium-driver`, installed by `scripts/setup`); override
//! with `TESTIMONIO_CHROMIUM` / `TESTIMONIO_CHROMEDRIVER`. Without them
//! these tests fail, saying so. Only loopback addresses are visited, and
//! Chromium is started with its background networking turned off.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use testimonio_domain::{EventType, Lang, PartialDate, ParticipantRole, Role};
use testimonio_web::i18n::format_date;

use crate::support::{TestApp, password, spawn_app, username};

/// Longest a whole browser test may take before it is stopped.
const TEST_BUDGET: Duration = Duration::from_secs(90);
/// Longest to wait for one page to arrive.
const PAGE_WAIT: Duration = Duration::from_secs(15);

fn tool(env: &str, default: &str) -> PathBuf {
    std::env::var_os(env).map_or_else(|| PathBuf::from(default), PathBuf::from)
}

/// Chromium and chromedriver, or a failure that says how to get them.
fn browser_tools() -> (PathBuf, PathBuf) {
    let chromium = tool("TESTIMONIO_CHROMIUM", "/usr/bin/chromium");
    let driver = tool("TESTIMONIO_CHROMEDRIVER", "/usr/bin/chromedriver");
    let missing: Vec<String> = [&chromium, &driver]
        .into_iter()
        .filter(|p| !p.is_file())
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "the browser tests need Chromium and chromedriver, and {} is missing: run scripts/setup \
         (it installs the Debian packages chromium and chromium-driver), or point \
         TESTIMONIO_CHROMIUM / TESTIMONIO_CHROMEDRIVER at them",
        missing.join(" and ")
    );
    (chromium, driver)
}

/// Where screenshots go: `$TESTIMONIO_ARTIFACTS/screenshots`, by default
/// `<workspace>/target-artifacts/screenshots`.
pub fn screenshot_dir() -> PathBuf {
    let root = std::env::var_os("TESTIMONIO_ARTIFACTS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target-artifacts"),
        PathBuf::from,
    );
    root.join("screenshots")
}

/// A chromedriver process of this test, in its own process group, killed
/// (with any browser it started) when dropped.
pub(crate) struct Driver {
    child: Child,
    port: u16,
    chromium: PathBuf,
    dir: tempfile::TempDir,
    sessions: usize,
}

impl Driver {
    pub(crate) async fn start() -> Driver {
        let (chromium, chromedriver) = browser_tools();
        let dir = tempfile::Builder::new()
            .prefix("testimonio-browser-")
            .tempdir()
            .expect("a temporary directory");
        let port = {
            let l = TcpListener::bind("127.0.0.1:0").expect("a free port");
            l.local_addr().expect("an address").port()
        };
        let log = dir.path().join("chromedriver.log");
        let mut command = Command::new(&chromedriver);
        command
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn().unwrap_or_else(|e| {
            panic!(
                "cannot start {}: {e}: run scripts/setup",
                chromedriver.display()
            )
        });
        let driver = Driver {
            child,
            port,
            chromium,
            dir,
            sessions: 0,
        };
        let started = Instant::now();
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "chromedriver did not start listening on port {port}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        driver
    }

    /// A new browser with a fresh profile, JavaScript on or off.
    pub(crate) async fn browser(&mut self, javascript: bool) -> Client {
        self.sessions += 1;
        let profile = self.dir.path().join(format!("profile-{}", self.sessions));
        let mut prefs = serde_json::json!({
            "credentials_enable_service": false,
            "profile.password_manager_enabled": false,
            "profile.password_manager_leak_detection": false,
            "safebrowsing.enabled": false,
            "translate.enabled": false,
            "intl.accept_languages": "en-US,en",
        });
        if !javascript {
            prefs["profile.managed_default_content_settings.javascript"] = 2.into();
        }
        let args = vec![
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--no-first-run".to_owned(),
            "--no-default-browser-check".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-default-apps".to_owned(),
            "--disable-extensions".to_owned(),
            "--disable-client-side-phishing-detection".to_owned(),
            "--disable-domain-reliability".to_owned(),
            "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--no-proxy-server".to_owned(),
            "--no-pings".to_owned(),
            "--password-store=basic".to_owned(),
            "--hide-scrollbars".to_owned(),
            "--force-device-scale-factor=1".to_owned(),
            "--lang=en-US".to_owned(),
            "--window-size=1280,900".to_owned(),
            format!("--user-data-dir={}", profile.display()),
        ];
        let caps = serde_json::json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": self.chromium.display().to_string(),
                "args": args,
                "prefs": prefs,
            },
        });
        let caps = caps.as_object().expect("an object").clone();
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .unwrap_or_else(|e| {
                let log = std::fs::read_to_string(self.dir.path().join("chromedriver.log"))
                    .unwrap_or_default();
                let tail: String = log
                    .lines()
                    .rev()
                    .take(30)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<Vec<_>>()
                    .join("\n");
                panic!("chromedriver could not start Chromium: {e}\n{tail}")
            })
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The whole group: chromedriver and any browser it left behind.
        let pid = self.child.id();
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{pid}")])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `flow` in a browser, closes the browser whatever happens, then
/// passes on the flow's panic if it had one.
pub(crate) async fn with_browser<F, Fut>(driver: &mut Driver, javascript: bool, flow: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let client = driver.browser(javascript).await;
    let outcome = tokio::spawn(flow(client.clone())).await;
    let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
    if let Err(e) = outcome {
        if e.is_panic() {
            std::panic::resume_unwind(e.into_panic());
        }
        panic!("browser flow did not finish: {e}");
    }
}

/// A page of the app, addressed from the app's base URL.
#[derive(Clone)]
pub(crate) struct Site {
    pub(crate) base: String,
}

impl Site {
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

pub(crate) async fn path_of(c: &Client) -> String {
    let url = c.current_url().await.expect("a current URL");
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_owned(),
    }
}

/// Waits until the browser is on a page whose path satisfies `ok`.
pub(crate) async fn wait_for_path(c: &Client, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let path = path_of(c).await;
        if ok(&path) {
            return path;
        }
        if started.elapsed() > PAGE_WAIT {
            let source = c.source().await.unwrap_or_default();
            panic!("waited for {what}, still on {path}:\n{}", excerpt(&source));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub(crate) fn excerpt(source: &str) -> String {
    let main = source.find("<main").map_or(source, |i| &source[i..]);
    main.chars().take(2000).collect()
}

pub(crate) async fn find(c: &Client, css: &str) -> Element {
    match c.find(Locator::Css(css)).await {
        Ok(e) => e,
        Err(e) => {
            let source = c.source().await.unwrap_or_default();
            panic!(
                "no {css} on {}: {e}\n{}",
                path_of(c).await,
                excerpt(&source)
            );
        }
    }
}

pub(crate) async fn html_lang(c: &Client) -> String {
    find(c, "html")
        .await
        .attr("lang")
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Whether the page running in the browser has JavaScript: a `<noscript>`
/// element only becomes elements when scripting is off.
pub(crate) async fn javascript_enabled(c: &Client) -> bool {
    c.goto("data:text/html,<noscript><p id=\"off\">off</p></noscript>")
        .await
        .expect("a data URL");
    c.find_all(Locator::Css("#off"))
        .await
        .expect("a query")
        .is_empty()
}

pub(crate) async fn log_in(c: &Client, site: &Site, role: Role) {
    c.goto(&site.url("/login")).await.expect("the login page");
    find(c, "#username")
        .await
        .send_keys(&username(role))
        .await
        .expect("typing");
    find(c, "#password")
        .await
        .send_keys(&password(role))
        .await
        .expect("typing");
    find(c, "form[action='/login'] button[type='submit']")
        .await
        .click()
        .await
        .expect("a click");
    wait_for_path(c, "the dashboard after logging in", |p| p == "/").await;
}

/// Clicks the language switch and waits for the page to be in `lang`.
pub(crate) async fn switch_language(c: &Client, lang: &str) {
    let before = path_of(c).await;
    find(c, "a.lang-switch")
        .await
        .click()
        .await
        .expect("a click");
    let started = Instant::now();
    while html_lang(c).await != lang {
        assert!(
            started.elapsed() < PAGE_WAIT,
            "the page did not switch to {lang}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let after = path_of(c).await;
    assert_eq!(
        after, before,
        "switching language should stay on the same page"
    );
}

/// Sets one field of a form, whatever kind of control it is.
pub(crate) async fn fill(form: &Element, name: &str, value: &str) {
    let el = form
        .find(Locator::Css(&format!("[name='{name}']")))
        .await
        .unwrap_or_else(|e| panic!("the event form has no field {name}: {e}"));
    let tag = el.tag_name().await.expect("a tag name").to_lowercase();
    if tag == "select" {
        el.select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("{name}: no option {value}: {e}"));
    } else {
        el.clear().await.expect("clearing a field");
        el.send_keys(value).await.expect("typing");
    }
}

/// Saves PNG screenshots of the current page at phone and desktop widths.
async fn screenshots(c: &Client, name: &str) {
    let dir = screenshot_dir();
    std::fs::create_dir_all(&dir).expect("the screenshot directory");
    for (label, w, h) in [("phone", 360, 740), ("desktop", 1280, 900)] {
        // The window includes the browser's own frame: size it so that
        // the page itself gets w × h.
        let (mut ww, mut wh) = (w, h);
        let mut png = Vec::new();
        for _ in 0..3 {
            c.set_window_size(ww, wh)
                .await
                .expect("resizing the window");
            png = c.screenshot().await.expect("a screenshot");
            let (pw, ph) = png_size(&png);
            if (pw, ph) == (w, h) {
                break;
            }
            ww = (ww + w).saturating_sub(pw);
            wh = (wh + h).saturating_sub(ph);
        }
        assert_eq!(
            png_size(&png),
            (w, h),
            "{name}: the page could not be given {w}×{h}"
        );
        std::fs::write(dir.join(format!("{name}-{label}.png")), png).expect("saving a screenshot");
    }
}

/// Width and height of a PNG, from its header.
pub(crate) fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.len() > 24 && png.starts_with(b"\x89PNG"), "not a PNG");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

/// Saves a PNG of one element (the whole of it, even below the fold).
async fn element_screenshot(c: &Client, css: &str, name: &str) {
    let dir = screenshot_dir();
    std::fs::create_dir_all(&dir).expect("the screenshot directory");
    // Chromium crops an element screenshot to the viewport: make the
    // viewport (the window less the browser's frame) tall enough for the
    // whole element.
    let (_, top, _, height) = find(c, css)
        .await
        .rectangle()
        .await
        .expect("the element's box");
    let tall = (top + height + 400.0).clamp(900.0, 4000.0) as u32;
    c.set_window_size(1280, tall)
        .await
        .expect("resizing the window");
    let png = find(c, css)
        .await
        .screenshot()
        .await
        .expect("an element screenshot");
    c.set_window_size(1280, 900)
        .await
        .expect("resizing the window");
    png_size(&png);
    std::fs::write(dir.join(format!("{name}.png")), png).expect("saving a screenshot");
}

/// What the flow of recording an event through the form needs.
struct EventFlow {
    site: Site,
    person: String,
    date: &'static str,
    narrative: &'static str,
    shoot: bool,
}

/// Logs in as the coordinator, switches to Spanish, records a detention of
/// `person` through the form, finds it on the person's timeline, switches
/// back to English.
async fn record_event_in_spanish(c: Client, flow: EventFlow) {
    let site = &flow.site;
    if flow.shoot {
        c.goto(&site.url("/login")).await.expect("the login page");
        screenshots(&c, "login").await;
    }
    log_in(&c, site, Role::Coordinator).await;
    assert_eq!(html_lang(&c).await, "en");
    switch_language(&c, "es").await;
    let source = c.source().await.expect("the page source");
    assert!(
        source.contains("Inicio"),
        "the dashboard is not in Spanish:\n{}",
        excerpt(&source)
    );
    if flow.shoot {
        screenshots(&c, "dashboard-es").await;
    }

    // The dashboard's link to the form.
    find(&c, "a[href='/events/new']")
        .await
        .click()
        .await
        .expect("a click");
    wait_for_path(&c, "the event form", |p| p == "/events/new").await;
    assert_eq!(html_lang(&c).await, "es");
    if flow.shoot {
        screenshots(&c, "event-form-es").await;
        c.set_window_size(1280, 900).await.expect("resizing");
    }
    let target_es = ParticipantRole::parse("role", "target")
        .expect("a role")
        .label(Lang::Es);
    let form = find(&c, "form.record").await;
    fill(&form, "kind", "enforcement_action").await;
    fill(&form, "event_type", "detention").await;
    fill(&form, "date", flow.date).await;
    fill(&form, "state", "TX").await;
    fill(&form, "city", "San Antonio").await;
    fill(&form, "agency", "ice").await;
    fill(&form, "field_office", "SNA").await;
    fill(&form, "people", &format!("{} = {target_es}", flow.person)).await;
    fill(&form, "narrative", flow.narrative).await;
    fill(&form, "verification", "reported").await;
    form.find(Locator::Css("button.save[type='submit']"))
        .await
        .expect("a submit button")
        .click()
        .await
        .expect("a click");
    let path = wait_for_path(&c, "the new event's page", |p| {
        p.starts_with("/events/") && p != "/events/new" && !p.ends_with("/edit")
    })
    .await;
    let event_id = path.trim_start_matches("/events/").to_owned();
    let source = c.source().await.expect("the page source");
    assert_eq!(html_lang(&c).await, "es");
    assert!(
        source.contains("Guardado."),
        "no confirmation on the event page:\n{}",
        excerpt(&source)
    );
    assert!(
        source.contains(flow.narrative),
        "the narrative is not on the event page:\n{}",
        excerpt(&source)
    );
    if flow.shoot {
        screenshots(&c, "event-es").await;
        c.set_window_size(1280, 900).await.expect("resizing");
    }

    // From the event to the person, whose timeline now holds it.
    find(&c, &format!("a[href='/people/{}']", flow.person))
        .await
        .click()
        .await
        .expect("a click");
    let person_path = format!("/people/{}", flow.person);
    wait_for_path(&c, "the person's page", |p| p == person_path).await;
    assert_eq!(html_lang(&c).await, "es");
    let date = PartialDate::parse("date", flow.date).expect("a date");
    let detention = EventType::parse("event_type", "detention").expect("a type");
    let label = |lang: Lang| format!("{} — {}", format_date(lang, &date), detention.label(lang));
    let svg = find(&c, "svg.timeline")
        .await
        .html(false)
        .await
        .expect("the timeline");
    assert!(
        svg.contains(&label(Lang::Es)),
        "the timeline has no {:?} (event {event_id}):\n{svg}",
        label(Lang::Es)
    );
    assert!(
        svg.contains("tl-enforcement"),
        "no enforcement marker on the timeline"
    );
    if flow.shoot {
        std::fs::create_dir_all(screenshot_dir()).expect("the screenshot directory");
        std::fs::write(screenshot_dir().join("timeline-es.svg"), &svg)
            .expect("saving the timeline");
    }
    let source = c.source().await.expect("the page source");
    assert!(
        source.contains("Cronología"),
        "the person page is not in Spanish"
    );
    assert!(
        source.contains(&format!("href=\"/events/{event_id}\"")),
        "the person's event list does not link to {event_id}"
    );
    if flow.shoot {
        screenshots(&c, "person-es").await;
        element_screenshot(&c, "svg.timeline", "timeline-es-desktop").await;
        c.set_window_size(1280, 900).await.expect("resizing");
    }

    switch_language(&c, "en").await;
    let svg = find(&c, "svg.timeline")
        .await
        .html(false)
        .await
        .expect("the timeline");
    assert!(
        svg.contains(&label(Lang::En)),
        "the English timeline has no {:?}",
        label(Lang::En)
    );
    let source = c.source().await.expect("the page source");
    assert!(
        source.contains("Timeline"),
        "the person page is not in English"
    );

    if flow.shoot {
        screenshots(&c, "person").await;
        for (path, name) in [
            ("/".to_owned(), "dashboard"),
            ("/events".to_owned(), "events"),
            (format!("/events/{event_id}"), "event"),
            ("/people".to_owned(), "people"),
            ("/groups".to_owned(), "groups"),
        ] {
            c.goto(&site.url(&path)).await.expect("a page");
            screenshots(&c, name).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_coordinator_records_an_event_in_spanish_and_sees_it_on_the_timeline() {
    let started = Instant::now();
    let app = spawn_app().await;
    let mut driver = Driver::start().await;
    let flow = EventFlow {
        site: Site {
            base: app.base.clone(),
        },
        person: app.demo.people[4].id.clone(),
        date: "2025-03-14",
        narrative: "Detenido al salir del trabajo (relato de prueba).",
        shoot: true,
    };
    tokio::time::timeout(
        TEST_BUDGET,
        with_browser(&mut driver, true, |c| async move {
            assert!(
                javascript_enabled(&c).await,
                "JavaScript should be on in this browser"
            );
            record_event_in_spanish(c, flow).await;
        }),
    )
    .await
    .expect("the browser test took too long");
    println!(
        "browser flow with JavaScript: {:.1?}; screenshots in {}",
        started.elapsed(),
        screenshot_dir().display()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_the_same_flow_works_without_javascript() {
    let started = Instant::now();
    let app = spawn_app().await;
    let mut driver = Driver::start().await;
    let flow = EventFlow {
        site: Site {
            base: app.base.clone(),
        },
        person: app.demo.people[5].id.clone(),
        date: "2025-04-02",
        narrative: "Detenida en un retén (relato de prueba sin JavaScript).",
        shoot: false,
    };
    tokio::time::timeout(
        TEST_BUDGET,
        with_browser(&mut driver, false, |c| async move {
            assert!(
                !javascript_enabled(&c).await,
                "JavaScript should be off in this browser"
            );
            record_event_in_spanish(c, flow).await;
        }),
    )
    .await
    .expect("the browser test took too long");
    println!("browser flow without JavaScript: {:.1?}", started.elapsed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_an_analyst_never_sees_an_identity() {
    let started = Instant::now();
    let app = spawn_app().await;
    let identities = app.identity_strings();
    assert!(
        identities.len() >= app.demo.people.len(),
        "every demo person has a legal name"
    );
    let event = app
        .demo
        .events
        .iter()
        .find(|e| !e.people.is_empty())
        .expect("a demo event with people");
    let person = event.people[0].id.clone();
    let pseudonym = app
        .demo
        .people
        .iter()
        .find(|p| p.id == person)
        .expect("the person")
        .pseudonym
        .clone();
    let legal_name = app
        .demo
        .people
        .iter()
        .find(|p| p.id == person)
        .and_then(|p| p.legal_name.clone())
        .expect("a legal name");
    let group = event
        .groups
        .first()
        .cloned()
        .unwrap_or_else(|| app.group_id.clone());
    let pages = vec![
        "/".to_owned(),
        "/events".to_owned(),
        format!("/events/{}", event.id),
        "/people".to_owned(),
        format!("/people/{person}"),
        "/groups".to_owned(),
        format!("/groups/{group}"),
    ];
    check_identity_is_shown_to_a_coordinator(&app, &person, &legal_name).await;

    let mut driver = Driver::start().await;
    let site = Site {
        base: app.base.clone(),
    };
    tokio::time::timeout(
        TEST_BUDGET,
        with_browser(&mut driver, true, move |c| async move {
            log_in(&c, &site, Role::Analyst).await;
            let mut leaks = Vec::new();
            for path in &pages {
                c.goto(&site.url(path)).await.expect("a page");
                let source = c.source().await.expect("the page source");
                assert!(
                    !source.contains("Something went wrong"),
                    "{path} answered an error page for the analyst:\n{}",
                    excerpt(&source)
                );
                assert_eq!(path_of(&c).await, *path, "the analyst was sent elsewhere");
                for s in &identities {
                    if source.contains(s.as_str()) {
                        leaks.push(format!("{path} shows {s:?}"));
                    }
                }
                if path.starts_with("/people/") {
                    assert!(
                        source.contains(&pseudonym),
                        "{path} does not show the pseudonym {pseudonym:?}"
                    );
                    assert!(
                        source.contains("Identity fields are not shown to your role."),
                        "{path}: no note that identity is hidden"
                    );
                }
            }
            assert!(
                leaks.is_empty(),
                "identity shown to an analyst:\n{}",
                leaks.join("\n")
            );
        }),
    )
    .await
    .expect("the browser test took too long");
    println!("browser analyst flow: {:.1?}", started.elapsed());
}

/// The check above would catch a leak: the same page shows the legal name
/// to a coordinator.
async fn check_identity_is_shown_to_a_coordinator(app: &TestApp, person: &str, legal_name: &str) {
    let coordinator = app.login(Role::Coordinator).await;
    let page = coordinator.get(&format!("/people/{person}")).await;
    assert_eq!(
        page.status,
        axum::http::StatusCode::OK,
        "{}",
        page.excerpt()
    );
    assert!(
        page.body.contains(legal_name),
        "a coordinator should see {person}'s legal name"
    );
}

/// Waits until the page's first `figure.page-image img` has loaded, and
/// returns its natural width (0 if it never loads).
async fn page_image_width(c: &Client) -> u64 {
    let started = Instant::now();
    loop {
        let width = c
            .execute(
                "const i = document.querySelector('figure.page-image img'); return i && i.complete ? i.naturalWidth : -1;",
                vec![],
            )
            .await
            .expect("a script run by the test driver");
        if let Some(w) = width.as_i64().filter(|w| *w >= 0) {
            return w as u64;
        }
        if started.elapsed() > PAGE_WAIT {
            return 0;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_an_analyst_reads_a_page_of_the_opinion_beside_its_image() {
    use crate::documents::{OPINION, corpus, ingest};
    let started = Instant::now();
    let app = spawn_app().await;
    let opinion = ingest(
        &app,
        vec![corpus(OPINION)],
        testimonio_ingest::IngestOptions::default(),
    )
    .await
    .remove(0);
    let mut driver = Driver::start().await;
    let site = Site {
        base: app.base.clone(),
    };
    tokio::time::timeout(
        TEST_BUDGET,
        with_browser(&mut driver, true, move |c| async move {
            log_in(&c, &site, Role::Analyst).await;
            find(&c, "header.top nav a[href='/documents']")
                .await
                .click()
                .await
                .expect("a click");
            wait_for_path(&c, "the document list", |p| p == "/documents").await;
            screenshots(&c, "documents").await;
            find(&c, &format!("a[href='/documents/{opinion}']"))
                .await
                .click()
                .await
                .expect("a click");
            let doc_path = format!("/documents/{opinion}");
            wait_for_path(&c, "the document", |p| p == doc_path).await;
            screenshots(&c, "document").await;
            c.set_window_size(1280, 900).await.expect("resizing");
            find(&c, &format!("a[href='/documents/{opinion}/pages/1']"))
                .await
                .click()
                .await
                .expect("a click");
            let page_path = format!("/documents/{opinion}/pages/1");
            wait_for_path(&c, "the page view", |p| p == page_path).await;

            let width = page_image_width(&c).await;
            assert!(width > 0, "the page image did not load");
            assert_eq!(width, 850, "a letter page at 100 dpi");
            let text = find(&c, "pre.page-text").await;
            assert!(text.is_displayed().await.expect("visibility"));
            let words = text.text().await.expect("the page text");
            assert!(
                words.contains("AUGUST TERM 2021") && words.contains("No. 21-1233"),
                "the page text: {words}"
            );

            // Desktop: the image beside the text; phone: above it.
            let layout = |c: Client| async move {
                let (ix, iy, iw, ih) = find(&c, "figure.page-image img")
                    .await
                    .rectangle()
                    .await
                    .expect("the image's box");
                let (tx, ty, ..) = find(&c, "pre.page-text")
                    .await
                    .rectangle()
                    .await
                    .expect("the text's box");
                (ix, iy, iw, ih, tx, ty)
            };
            let (ix, _, iw, _, tx, _) = layout(c.clone()).await;
            assert!(tx >= ix + iw, "on a desktop the text is beside the image");
            c.set_window_size(360, 740).await.expect("resizing");
            let (_, iy, iw, ih, _, ty) = layout(c.clone()).await;
            assert!(ty >= iy + ih, "on a phone the text is below the image");
            assert!(iw <= 360.0, "the image fits a phone: {iw} px wide");
            let fits: bool = c
                .execute(
                    "return document.documentElement.scrollWidth <= window.innerWidth;",
                    vec![],
                )
                .await
                .expect("a script run by the test driver")
                .as_bool()
                .unwrap_or(false);
            assert!(fits, "the page view scrolls sideways on a phone");
            screenshots(&c, "document-page").await;
        }),
    )
    .await
    .expect("the browser test took too long");
    println!("browser document page flow: {:.1?}", started.elapsed());
}

/// Waits until the browser shows `css` (the page after a click may still
/// be loading).
async fn wait_for(c: &Client, css: &str) -> Element {
    let started = Instant::now();
    loop {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            return e;
        }
        if started.elapsed() > PAGE_WAIT {
            return find(c, css).await;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_a_search_leads_to_the_match_marked_on_its_page() {
    use crate::documents::{OPINION, corpus, ingest};
    let started = Instant::now();
    let app = spawn_app().await;
    let opinion = ingest(
        &app,
        vec![corpus(OPINION)],
        testimonio_ingest::IngestOptions {
            source_kind: Some(testimonio_domain::SourceKind::FoiaProduction),
            foia: Some(app.foia_id.clone()),
            ..Default::default()
        },
    )
    .await
    .remove(0);
    let mut driver = Driver::start().await;
    let site = Site {
        base: app.base.clone(),
    };
    tokio::time::timeout(
        TEST_BUDGET,
        // No JavaScript: the whole flow is links and forms.
        with_browser(&mut driver, false, move |c| async move {
            log_in(&c, &site, Role::Coordinator).await;
            find(&c, "header.top nav a[href='/search']")
                .await
                .click()
                .await
                .expect("a click");
            wait_for_path(&c, "the search page", |p| p == "/search").await;
            let form = find(&c, "form.search").await;
            fill(&form, "q", "\"AUGUST TERM 2021\" OR exempt*").await;
            find(&c, "form.search button[type='submit']")
                .await
                .click()
                .await
                .expect("a click");
            wait_for_path(&c, "the results", |p| p.starts_with("/search?q=")).await;
            let first = wait_for(&c, "ol.results li.hit h3 a").await;
            let title = first.text().await.expect("the result's title");
            assert!(
                title.contains("second-circuit-opinion-aclu-v-ice-2021.pdf"),
                "the first result: {title}"
            );
            let marks = c
                .find_all(Locator::Css("ol.results p.snippet mark"))
                .await
                .expect("a query");
            assert!(!marks.is_empty(), "no marked match in the snippets");
            screenshots(&c, "search").await;
            c.set_window_size(1280, 900).await.expect("resizing");

            // The first result's page, its match marked and scrolled to.
            let first = find(&c, "ol.results li.hit h3 a").await;
            let href = first.attr("href").await.ok().flatten().unwrap_or_default();
            let page_path = href.trim_end_matches("#match").to_owned();
            assert!(page_path.starts_with(&format!("/documents/{opinion}/pages/")));
            first.click().await.expect("a click");
            wait_for_path(&c, "the page view", |p| p == page_path).await;
            let url = c.current_url().await.expect("a URL");
            assert_eq!(url.fragment(), Some("match"));
            let mark = wait_for(&c, "pre.page-text mark#match").await;
            assert!(mark.is_displayed().await.expect("visibility"));
            let text = mark.text().await.expect("the match");
            assert!(
                ["AUGUST", "TERM", "2021"].contains(&text.as_str())
                    || text.to_lowercase().starts_with("exempt"),
                "the first mark: {text:?}"
            );
            // The same matches drawn over the page image, by the server.
            let svg = wait_for(&c, "figure.page-image svg.page-marks").await;
            let (_, _, width, height) = svg.rectangle().await.expect("its box");
            assert!(width > 200.0 && height > 200.0, "image {width}×{height}");
            let boxes = c
                .find_all(Locator::Css("svg.page-marks rect.hit"))
                .await
                .expect("a query");
            assert!(!boxes.is_empty(), "no match drawn on the page image");
            let (_, _, w, h) = boxes[0].rectangle().await.expect("a box");
            assert!(w > 0.0 && h > 0.0 && w < width && h < height, "{w}×{h}");
            screenshots(&c, "search-match").await;
            c.set_window_size(1280, 900).await.expect("resizing");

            // A watchlist on the same query, and its hits to review.
            c.goto(&site.url("/watchlists"))
                .await
                .expect("the watchlists");
            let form = find(&c, "form[action='/watchlists']").await;
            fill(&form, "name", "Exempt records").await;
            fill(&form, "query", "\"AUGUST TERM\" OR \"exempt record\"").await;
            fill(&form, "purpose", "Browser test of the review flow").await;
            find(&c, "form[action='/watchlists'] button[type='submit']")
                .await
                .click()
                .await
                .expect("a click");
            wait_for_path(&c, "the watchlists", |p| p == "/watchlists").await;
            wait_for(&c, "table.watchlists").await;
            screenshots(&c, "watchlists").await;
            c.set_window_size(1280, 900).await.expect("resizing");
            find(&c, "main a[href='/watchlists/hits']")
                .await
                .click()
                .await
                .expect("a click");
            wait_for_path(&c, "the hits", |p| p == "/watchlists/hits").await;
            let snippet = wait_for(&c, "ol.hits blockquote.snippet mark").await;
            assert!(snippet.is_displayed().await.expect("visibility"));
            screenshots(&c, "watchlist-hits").await;
        }),
    )
    .await
    .expect("the browser test took too long");
    println!("browser search flow: {:.1?}", started.elapsed());
}

/// Whether the page is no wider than the window (no sideways scrolling).
async fn fits_the_window(c: &Client) -> bool {
    c.execute(
        "return document.documentElement.scrollWidth <= window.innerWidth;",
        vec![],
    )
    .await
    .expect("a script run by the test driver")
    .as_bool()
    .unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_the_analysis_page_fits_a_phone_and_a_desktop() {
    use crate::analysis::{import, vermont_fixture};
    let started = Instant::now();
    let app = spawn_app().await;
    import(&app, vermont_fixture()).await;
    let mut driver = Driver::start().await;
    let site = Site {
        base: app.base.clone(),
    };
    tokio::time::timeout(
        TEST_BUDGET,
        with_browser(&mut driver, true, move |c| async move {
            log_in(&c, &site, Role::Coordinator).await;
            find(&c, "header.top nav a[href='/analysis']")
                .await
                .click()
                .await
                .expect("a click");
            wait_for_path(&c, "the analysis page", |p| p == "/analysis").await;
            for css in ["#fig-intervals-title", "#fig-map-title", "#fig-years-title"] {
                find(&c, css).await;
            }
            let map = find(&c, "#where figure.chart svg").await;
            assert!(map.is_displayed().await.expect("visibility"));
            for (w, h) in [(360, 740), (1280, 900)] {
                c.set_window_size(w, h).await.expect("resizing");
                assert!(
                    fits_the_window(&c).await,
                    "the analysis page scrolls sideways at {w} px"
                );
                let (_, _, mw, _) = find(&c, "#where figure.chart svg")
                    .await
                    .rectangle()
                    .await
                    .expect("the map's box");
                assert!(mw <= f64::from(w), "the map is {mw} px wide at {w} px");
            }
            screenshots(&c, "analysis").await;
            element_screenshot(&c, "#where figure.chart", "analysis-map").await;

            // The public figures in Spanish: Vermont's two people suppressed.
            c.goto(&site.url("/analysis?audience=public&min_count=5"))
                .await
                .expect("the public figures");
            switch_language(&c, "es").await;
            let vt = find(&c, "table.by-state tr[data-code='VT'] td").await;
            assert_eq!(vt.text().await.expect("the cell"), "suprimido");
            for w in [360, 1280] {
                c.set_window_size(w, 800).await.expect("resizing");
                assert!(
                    fits_the_window(&c).await,
                    "the public analysis scrolls sideways at {w} px"
                );
            }
            screenshots(&c, "analysis-public-es").await;
            element_screenshot(&c, "#where figure.chart", "analysis-map-public-es").await;
        }),
    )
    .await
    .expect("the browser test took too long");
    println!("browser analysis flow: {:.1?}", started.elapsed());
}
