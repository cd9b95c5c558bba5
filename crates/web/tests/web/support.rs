//! The test app and HTTP clients shared by every test of this binary.
//!
//! [`spawn_app`] starts the real server (`testimonio_web::serve_on`) on a
//! random loopback port over a fresh vault in its own temporary directory,
//! filled with the standard demo data, with one account per role. [`Agent`]
//! is a cookie-keeping HTTP client that never follows redirects, fills the
//! CSRF field of its forms, and checks the security headers of every
//! response it receives.

use std::time::Duration;

use axum::http::{HeaderMap, Method, StatusCode, header};
use tempfile::TempDir;
use testimonio_demo::{DemoData, DemoSpec, generate};
use testimonio_domain::exchange::ExchangeRecord;
use testimonio_domain::{RecordId, Role};
use testimonio_vault::{Actor, KdfParams, Passphrase, Password, Unlock, Username, Vault};
use testimonio_web::{AppState, Config};

/// The vault's passphrase in every test app (the data is fictional).
pub const PASSPHRASE: &str = "test-vault-passphrase-not-secret";

/// The id of the FOIA request every test app holds.
pub const FOIA_ID: &str = "foia-test-0001";
/// A testimony of the first demo person (assigned to the documenter),
/// telling of the first demo event.
pub const TESTIMONY_ID: &str = "tst-00000000a001";
/// Planted in that testimony's account: only roles that may see the
/// giver's identity may ever receive it.
pub const TESTIMONY_CANARY: &str = "Canarytestimonyaccount Wzyxq";
/// A case about the first demo person, linked to the first demo event.
pub const CASE_ID: &str = "case-test-0001";
pub const CASE_TITLE: &str = "Removal defense (test)";
/// The case's notes: only roles that may see the person's identity read
/// them.
pub const CASE_NOTES: &str = "Strategy note canary 7731 (test)";
/// The subject of the test's FOIA request.
pub const FOIA_SUBJECT: &str = "Detainer policy records (test)";

/// One account of the test app.
#[derive(Debug, Clone)]
pub struct Account {
    pub role: Role,
    pub username: String,
    pub password: String,
    pub id: i64,
}

/// A running app over its own vault.
pub struct TestApp {
    pub base: String,
    /// The server's state: tests reach the vault through it
    /// (`state.with_vault`) to arrange records or check what changed.
    pub state: AppState,
    pub accounts: Vec<Account>,
    /// An account no test logs in with, for routes that act on a user.
    pub spare_user_id: i64,
    /// Ids that exist in the vault, for routes with parameters.
    pub event_id: String,
    pub person_id: String,
    pub group_id: String,
    /// A FOIA request (received 8 weeks before the test runs).
    pub foia_id: String,
    /// A small ingested text document with one page.
    pub document_id: String,
    /// [`CASE_ID`].
    pub case_id: String,
    /// People assigned to the documenter.
    pub assigned: Vec<String>,
    /// A testimony of `person_id` whose account holds [`TESTIMONY_CANARY`].
    pub testimony_id: String,
    pub demo: DemoData,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
    _dir: TempDir,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// The test accounts: `t-<role>`, password `t-<role> password 1234`.
pub fn username(role: Role) -> String {
    format!("t-{}", role.code())
}

pub fn password(role: Role) -> String {
    format!("t-{} password 1234", role.code())
}

/// Starts a fresh app: new vault (minimum KDF cost) in a new temporary
/// directory, the standard demo data, one account per role, the
/// documenter assigned to two people, the server on `127.0.0.1:0`.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(Config::default()).await
}

/// [`spawn_app`] with other server settings.
pub async fn spawn_app_with(config: Config) -> TestApp {
    let dir = tempfile::Builder::new()
        .prefix("testimonio-web-test-")
        .tempdir()
        .expect("a temporary directory");
    let vault_dir = dir.path().join("vault");
    let demo = generate(&DemoSpec::standard());
    let records: Vec<ExchangeRecord> = demo.records().collect();
    let assigned: Vec<String> = demo.people.iter().take(2).map(|p| p.id.clone()).collect();
    let to_assign = assigned.clone();
    let giver = demo.people[0].id.clone();
    let told = demo.events[0].id.clone();
    let (case_person, case_event) = (demo.people[0].id.clone(), demo.events[0].id.clone());
    let sample_document = dir.path().join("sample-note.txt");
    std::fs::write(
        &sample_document,
        "Notes from a know-your-rights training (fictional test document).\n",
    )
    .expect("a sample document");
    let (vault, accounts, spare_user_id, document_id) = tokio::task::spawn_blocking(move || {
        let passphrase = Passphrase::new(PASSPHRASE.to_owned()).expect("a valid passphrase");
        let actor = Actor::new("test:setup").expect("a valid actor");
        let mut vault = Vault::create(&vault_dir, &passphrase, KdfParams::MINIMUM, actor)
            .expect("vault created")
            .vault;
        let report = vault
            .import_records(
                "demo",
                records
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| (format!("demo record {}", i + 1), Ok(r))),
                &mut |_| {},
            )
            .expect("demo data imported");
        assert!(
            report.failed.is_empty(),
            "demo import refused records: {:?}",
            report.failed
        );
        let mut accounts = Vec::new();
        for role in Role::ALL {
            let name = Username::parse(&username(role)).expect("a valid username");
            let pw = Password::new(password(role)).expect("a valid password");
            let user = vault
                .create_user(&name, role, &pw)
                .expect("account created");
            accounts.push(Account {
                role,
                username: username(role),
                password: password(role),
                id: user.id,
            });
        }
        let spare = vault
            .create_user(
                &Username::parse("t-spare").expect("a valid username"),
                Role::Viewer,
                &Password::new("t-spare password 1234".into()).expect("a valid password"),
            )
            .expect("account created");
        let documenter = Username::parse(&username(Role::Documenter)).expect("a valid username");
        for id in &to_assign {
            let id = RecordId::parse("id", id).expect("a demo id");
            vault.assign(&documenter, &id).expect("person assigned");
        }
        let today = chrono::Local::now().date_naive();
        let foia = testimonio_foia::FoiaRequest::new(
            testimonio_foia::FoiaRequestParts {
                id: FOIA_ID.to_owned(),
                agency: "ice".to_owned(),
                subject: FOIA_SUBJECT.to_owned(),
                date_received: Some(
                    (today - chrono::Days::new(56))
                        .format("%Y-%m-%d")
                        .to_string(),
                ),
                ..Default::default()
            },
            today,
        )
        .expect("a valid FOIA request");
        vault.put_foia(&foia).expect("FOIA request stored");
        let testimony = testimonio_domain::Testimony::parse(&testimonio_domain::TestimonyParts {
            id: TESTIMONY_ID.to_owned(),
            person: giver,
            interviewer: "Test Interviewer".to_owned(),
            date: "2024-03".to_owned(),
            place: "Test Place".to_owned(),
            language: "es".to_owned(),
            account: zeroize::Zeroizing::new(format!("Yo lo vi todo. {TESTIMONY_CANARY}")),
            consent: "internal".to_owned(),
            events: vec![told],
            documents: Vec::new(),
        })
        .expect("a valid testimony");
        vault.put_testimony(&testimony).expect("testimony stored");
        let (case, notes) = testimonio_domain::CaseParts {
            id: CASE_ID.to_owned(),
            title: CASE_TITLE.to_owned(),
            kind: "removal_defense".to_owned(),
            person: Some(case_person),
            notes: Some(CASE_NOTES.to_owned()),
            ..Default::default()
        }
        .into_case()
        .expect("a valid case");
        vault.add_case(&case, notes.as_ref()).expect("case stored");
        vault
            .link_case(CASE_ID, testimonio_domain::CaseLinkKind::Event, &case_event)
            .expect("case linked");
        let document_id = ingest_one(&vault, &sample_document);
        (vault, accounts, spare.id, document_id)
    })
    .await
    .expect("set-up task");

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free loopback port");
    let addr = listener.local_addr().expect("a bound address");
    let state = AppState::new(vault, config);
    let server = tokio::spawn(testimonio_web::serve_on(listener, state.clone()));
    TestApp {
        base: format!("http://{addr}"),
        state,
        accounts,
        spare_user_id,
        event_id: demo.events[0].id.clone(),
        person_id: demo.people[0].id.clone(),
        group_id: demo.groups[0].id.clone(),
        foia_id: FOIA_ID.to_owned(),
        document_id,
        case_id: CASE_ID.to_owned(),
        assigned,
        testimony_id: TESTIMONY_ID.to_owned(),
        demo,
        server,
        _dir: dir,
    }
}

/// Ingests one file (plain text needs no external tool) and returns the
/// id of its document.
pub fn ingest_one(vault: &Vault, path: &std::path::Path) -> String {
    let options = testimonio_ingest::IngestOptions {
        jobs: 1,
        ..Default::default()
    };
    let summary = testimonio_ingest::ingest(vault, &[path.to_owned()], &options, &|_, _, _| {})
        .expect("ingest started");
    match &summary.files[0].outcome {
        testimonio_ingest::FileOutcome::Stored { id, .. } => id.clone(),
        other => panic!("{} not ingested: {other:?}", path.display()),
    }
}

impl TestApp {
    pub fn account(&self, role: Role) -> &Account {
        self.accounts
            .iter()
            .find(|a| a.role == role)
            .expect("one account per role")
    }

    /// A client without a session.
    pub fn anonymous(&self) -> Agent {
        Agent::new(&self.base, "anonymous")
    }

    /// A client without a session whose connections come from `ip`, another
    /// loopback address (127.0.0.2 …), so that limits per address see a
    /// different client.
    pub fn anonymous_from(&self, ip: &str) -> Agent {
        let mut agent = Agent::new(&self.base, &format!("anonymous from {ip}"));
        agent.http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .local_address(ip.parse::<std::net::IpAddr>().expect("an IP address"))
            .timeout(Duration::from_secs(30))
            .build()
            .expect("an HTTP client");
        agent
    }

    /// A client logged in as the test account of `role`, holding its
    /// session's CSRF token.
    pub async fn login(&self, role: Role) -> Agent {
        let account = self.account(role).clone();
        let mut agent = Agent::new(&self.base, role.code());
        let reply = agent.log_in(&account.username, &account.password).await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "logging in as {} failed: {}",
            account.username,
            reply.excerpt()
        );
        agent.refresh_csrf().await;
        agent
    }

    /// Every identity string of the demo data that no pseudonymous page may
    /// show: legal names, aliases, contacts, A-numbers, addresses.
    pub fn identity_strings(&self) -> Vec<String> {
        let mut out = Vec::new();
        for p in &self.demo.people {
            out.extend(p.legal_name.clone());
            out.extend(p.aliases.iter().cloned());
            out.extend(p.contact.clone());
            out.extend(p.a_number.clone());
            out.extend(p.address.clone());
        }
        out
    }

    /// The vault's directory, for opening it as another process would.
    pub fn vault_dir(&self) -> std::path::PathBuf {
        self._dir.path().join("vault")
    }

    /// Opens the vault again on its own (no state shared with the
    /// server), as the command line in another process would.
    pub async fn open_vault_elsewhere(&self) -> Vault {
        let dir = self.vault_dir();
        tokio::task::spawn_blocking(move || {
            let passphrase = Passphrase::new(PASSPHRASE.to_owned()).expect("a valid passphrase");
            let actor = Actor::new("cli:test@elsewhere").expect("a valid actor");
            Vault::open(&dir, Unlock::Passphrase(&passphrase), actor).expect("vault opened")
        })
        .await
        .expect("open task")
    }

    /// Stops the server and starts a new one over the same vault (a new
    /// `AppState`, as after a restart or an upgrade) with the same
    /// settings, at a new address (`base` changes: agents must follow).
    pub async fn restart(&mut self) {
        self.server.abort();
        let _ = (&mut self.server).await;
        let config = self.state.config().clone();
        let vault = self.open_vault_elsewhere().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free loopback port");
        let addr = listener.local_addr().expect("a bound address");
        self.state = AppState::new(vault, config);
        self.server = tokio::spawn(testimonio_web::serve_on(listener, self.state.clone()));
        self.base = format!("http://{addr}");
    }

    /// Unlocks the vault through the unlock form, as a person would.
    pub async fn unlock_via_form(&self) {
        let mut anon = self.anonymous();
        let form = anon.get("/unlock").await;
        assert_eq!(
            form.status,
            StatusCode::OK,
            "unlock form: {}",
            form.excerpt()
        );
        anon.csrf = form
            .hidden("csrf")
            .expect("the unlock form has a csrf field");
        let reply = anon.post("/unlock", &[("passphrase", PASSPHRASE)]).await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "unlock: {}",
            reply.excerpt()
        );
        assert!(
            !self.state.is_locked(),
            "the vault is still locked after unlocking"
        );
    }
}

/// A response, read whole.
#[derive(Debug, Clone)]
pub struct Reply {
    pub method: Method,
    pub path: String,
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }

    /// Whether this is the guard's redirect to the login page
    /// (`/login?next=…`), as opposed to a handler sending someone to
    /// `/login` after logging out.
    pub fn is_login_redirect(&self) -> bool {
        self.status.is_redirection()
            && self
                .location()
                .is_some_and(|l| l.starts_with("/login?next="))
    }

    pub fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The value of the first `<input name="NAME" value="…">` of the page.
    pub fn hidden(&self, name: &str) -> Option<String> {
        hidden_field(&self.body, name)
    }

    /// A short description for assertion messages.
    pub fn excerpt(&self) -> String {
        let body: String = self.body.chars().take(600).collect();
        format!(
            "{} {} -> {} (location {:?})\n{}",
            self.method,
            self.path,
            self.status,
            self.location(),
            body
        )
    }
}

/// The value of the first `<input … name="NAME" … value="…">` in `html`.
pub fn hidden_field(html: &str, name: &str) -> Option<String> {
    let needle = format!("name=\"{name}\"");
    let mut rest = html;
    while let Some(start) = rest.find("<input") {
        let tag_end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
        let tag = &rest[start..tag_end];
        if tag.contains(&needle) {
            let v = tag.find("value=\"")? + "value=\"".len();
            let end = tag[v..].find('"')? + v;
            return Some(html_unescape(&tag[v..end]));
        }
        rest = &rest[tag_end..];
    }
    None
}

fn html_unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A browser-like HTTP client: keeps cookies, does not follow redirects,
/// checks the security headers of every response.
pub struct Agent {
    pub http: reqwest::Client,
    pub base: String,
    /// The CSRF token its forms carry.
    pub csrf: String,
    /// Who this is, for messages.
    pub who: String,
    /// Sent as `Accept-Language` when set.
    pub accept_language: Option<String>,
}

impl Agent {
    pub fn new(base: &str, who: &str) -> Self {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("an HTTP client");
        Self {
            http,
            base: base.to_owned(),
            csrf: String::new(),
            who: who.to_owned(),
            accept_language: None,
        }
    }

    /// Sends one request; `body` is sent as an urlencoded form.
    pub async fn send(&self, method: Method, path: &str, body: Option<String>) -> Reply {
        let body = body.map(|b| (b, "application/x-www-form-urlencoded"));
        self.send_with(method, path, body, &[]).await
    }

    /// Sends one request with a body of the given content type and extra
    /// headers.
    pub async fn send_with(
        &self,
        method: Method,
        path: &str,
        body: Option<(String, &str)>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut req = self
            .http
            .request(method.clone(), format!("{}{}", self.base, path));
        if let Some(lang) = &self.accept_language {
            req = req.header(header::ACCEPT_LANGUAGE, lang);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some((body, content_type)) = body {
            req = req.header(header::CONTENT_TYPE, content_type).body(body);
        }
        let response = req.send().await.unwrap_or_else(|e| {
            panic!("{} {method} {path}: no response: {e}", self.who);
        });
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.text().await.unwrap_or_default();
        let reply = Reply {
            method,
            path: path.to_owned(),
            status,
            headers,
            body,
        };
        assert_security_headers(&reply);
        reply
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, None).await
    }

    /// POSTs a form with this agent's CSRF token added.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let mut all: Vec<(&str, &str)> = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        self.send(Method::POST, path, Some(form_body(&all))).await
    }

    /// POSTs a form exactly as given (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        self.send(Method::POST, path, Some(form_body(fields))).await
    }

    /// Takes the CSRF token of the login form (and its cookie).
    pub async fn fetch_login_csrf(&mut self) -> Reply {
        let page = self.get("/login").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
        self.csrf = page
            .hidden("csrf")
            .expect("the login form has a csrf field");
        page
    }

    /// Submits the login form; returns the answer (303 on success).
    pub async fn log_in(&mut self, username: &str, password: &str) -> Reply {
        self.fetch_login_csrf().await;
        self.post(
            "/login",
            &[
                ("username", username),
                ("password", password),
                ("next", "/"),
            ],
        )
        .await
    }

    /// Reads the session's CSRF token from a page (the logout form).
    pub async fn refresh_csrf(&mut self) {
        let page = self.get("/").await;
        assert_eq!(
            page.status,
            StatusCode::OK,
            "{}: dashboard: {}",
            self.who,
            page.excerpt()
        );
        self.csrf = page
            .hidden("csrf")
            .expect("logged-in pages carry a csrf field");
    }

    /// Whether this agent's session is still live.
    pub async fn is_logged_in(&self) -> bool {
        // The login form sends logged-in visitors on; without a session it
        // is shown (200).
        self.get("/login").await.status.is_redirection()
    }
}

/// An urlencoded form body.
pub fn form_body(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The headers every response must carry, errors, redirects and static
/// files included.
pub fn assert_security_headers(reply: &Reply) {
    let h = &reply.headers;
    let get = |name: &str| h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("");
    let what = format!("{} {} -> {}", reply.method, reply.path, reply.status);
    let csp = get("content-security-policy");
    assert!(!csp.is_empty(), "{what}: no Content-Security-Policy");
    assert!(
        csp.contains("default-src 'none'") || csp.contains("default-src 'self'"),
        "{what}: CSP without a restrictive default-src: {csp}"
    );
    assert!(
        !csp.contains("unsafe-inline"),
        "{what}: CSP allows 'unsafe-inline': {csp}"
    );
    assert!(
        !csp.contains("unsafe-eval"),
        "{what}: CSP allows 'unsafe-eval': {csp}"
    );
    assert!(
        csp.contains("frame-ancestors 'none'"),
        "{what}: CSP without frame-ancestors 'none': {csp}"
    );
    assert_eq!(
        get("x-content-type-options"),
        "nosniff",
        "{what}: X-Content-Type-Options"
    );
    assert_eq!(get("x-frame-options"), "DENY", "{what}: X-Frame-Options");
    assert!(
        !get("referrer-policy").is_empty(),
        "{what}: no Referrer-Policy"
    );
    let cache = get("cache-control");
    let static_file = reply.path.starts_with("/static/") && reply.status == StatusCode::OK;
    if !static_file {
        assert!(
            cache.contains("no-store"),
            "{what}: Cache-Control is {cache:?}, not no-store"
        );
    } else {
        assert!(
            !cache.is_empty(),
            "{what}: a static file without Cache-Control"
        );
    }
}

/// Words that must never reach a response: signs of internals.
pub const INTERNALS: &[&str] = &[
    "rusqlite",
    "SQL",
    "sqlite",
    "panicked",
    "backtrace",
    "RUST_",
    ".rs:",
    "src/",
    "/work/",
    "/home/",
    "/root/",
    "/tmp/",
    "Failed to deserialize",
    "missing field",
    "invalid digit",
    "VaultError",
    "AppError",
];

pub fn assert_no_internals(reply: &Reply) {
    for word in INTERNALS {
        assert!(
            !reply.body.contains(word),
            "{} {} -> {}: the page reveals {word:?}:\n{}",
            reply.method,
            reply.path,
            reply.status,
            reply.body
        );
    }
}

/// Whether a `Location` stays on this site as a browser reads it (browsers
/// drop tabs and newlines in URLs and treat `\` like `/`).
pub fn is_local_location(location: &str) -> bool {
    let cleaned: String = location
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    let cleaned = cleaned.trim_start_matches(|c: char| c <= ' ');
    cleaned.starts_with('/') && !cleaned.starts_with("//")
}

/// One file of a multipart upload.
pub struct UploadFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub media_type: &'static str,
}

impl Agent {
    /// Sends `files` (field `file`) and `fields` as `multipart/form-data`,
    /// as a browser does from a form whose action carries the CSRF token.
    pub async fn upload(
        &self,
        path: &str,
        files: Vec<UploadFile>,
        fields: &[(&str, &str)],
    ) -> Reply {
        let sep = if path.contains('?') { '&' } else { '?' };
        let url = format!("{path}{sep}csrf={}", urlencode(&self.csrf));
        self.multipart(&url, files, fields, &[]).await
    }

    /// Sends a multipart body to `path` as given, with extra headers.
    pub async fn multipart(
        &self,
        path: &str,
        files: Vec<UploadFile>,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text((*k).to_owned(), (*v).to_owned());
        }
        for f in files {
            let part = reqwest::multipart::Part::bytes(f.bytes)
                .file_name(f.name)
                .mime_str(f.media_type)
                .expect("a media type");
            form = form.part("file", part);
        }
        let mut req = self
            .http
            .post(format!("{}{}", self.base, path))
            .multipart(form);
        if let Some(lang) = &self.accept_language {
            req = req.header(header::ACCEPT_LANGUAGE, lang);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let response = req
            .send()
            .await
            .unwrap_or_else(|e| panic!("{} POST {path}: no response: {e}", self.who));
        let reply = Reply {
            method: Method::POST,
            path: path.to_owned(),
            status: response.status(),
            headers: response.headers().clone(),
            body: response.text().await.unwrap_or_default(),
        };
        assert_security_headers(&reply);
        reply
    }
}

/// A phone photo of a paper notice: page 1 of the scanned ICE letter of the
/// corpus as a JPEG (by `pdftoppm`), with the EXIF a phone writes: capture
/// time, position and camera.
pub fn phone_photo_of_notice(dir: &std::path::Path) -> Vec<u8> {
    let pdf = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/foia/ice-fourth-interim-release-letter-2025-scanned.pdf");
    let prefix = dir.join("notice");
    let status = std::process::Command::new("pdftoppm")
        .args(["-jpeg", "-r", "150", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success(), "pdftoppm failed");
    let jpeg = std::fs::read(prefix.with_extension("jpg")).expect("the JPEG");
    with_exif(&jpeg, &photo_exif())
}

/// The EXIF of the test photo, as a TIFF structure.
fn photo_exif() -> Vec<u8> {
    use exif::{Field, In, Rational, Tag, Value};
    let ascii = |tag, text: &str| Field {
        tag,
        ifd_num: In::PRIMARY,
        value: Value::Ascii(vec![text.as_bytes().to_vec()]),
    };
    let dms = |tag, d: u32, m: u32, s100: u32| Field {
        tag,
        ifd_num: In::PRIMARY,
        value: Value::Rational(vec![
            Rational { num: d, denom: 1 },
            Rational { num: m, denom: 1 },
            Rational {
                num: s100,
                denom: 100,
            },
        ]),
    };
    let fields = [
        ascii(Tag::Make, "Google"),
        ascii(Tag::Model, "Pixel 7"),
        ascii(Tag::DateTimeOriginal, "2026:11:30 09:41:07"),
        dms(Tag::GPSLatitude, 34, 3, 1234),
        ascii(Tag::GPSLatitudeRef, "N"),
        dms(Tag::GPSLongitude, 118, 14, 5678),
        ascii(Tag::GPSLongitudeRef, "W"),
    ];
    let mut writer = exif::experimental::Writer::new();
    for f in &fields {
        writer.push_field(f);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    writer.write(&mut out, false).expect("EXIF written");
    out.into_inner()
}

/// `jpeg` with an APP1 `Exif` segment holding `tiff` right after its start.
fn with_exif(jpeg: &[u8], tiff: &[u8]) -> Vec<u8> {
    assert!(jpeg.starts_with(b"\xff\xd8"), "a JPEG");
    let len = u16::try_from(2 + 6 + tiff.len()).expect("a small EXIF segment");
    let mut out = Vec::with_capacity(jpeg.len() + tiff.len() + 10);
    out.extend_from_slice(b"\xff\xd8\xff\xe1");
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(tiff);
    out.extend_from_slice(&jpeg[2..]);
    out
}
