//! Accounts from the command line while a server runs in another process:
//! a new password ends the server's sessions of that account and revokes
//! its API tokens at once; tokens expire, are listed and revoked.

use crate::served::{Served, urlencode};
use crate::{TestEnv, stderr, stdout};

const PASSWORD: &str = "a long enough password";

/// The value a `Set-Cookie` header gives cookie `name`.
fn set_cookie(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .filter(|(k, _)| k == "set-cookie")
        .find_map(|(_, v)| v.strip_prefix(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap_or("").to_owned())
}

/// Logs in through the login form; the session cookie.
fn log_in(server: &Served, username: &str, password: &str) -> String {
    let (status, headers, _) = server.request("GET", "/login", &[], None);
    assert_eq!(status, 200);
    let csrf = set_cookie(&headers, "testimonio_csrf").expect("a pre-session token");
    let form = format!(
        "csrf={csrf}&username={}&password={}&next=%2F",
        urlencode(username),
        urlencode(password)
    );
    let cookie = format!("testimonio_csrf={csrf}");
    let (status, headers, body) =
        server.request("POST", "/login", &[("Cookie", &cookie)], Some(&form));
    assert_eq!(status, 303, "login refused: {body}");
    set_cookie(&headers, "testimonio_session").expect("a session cookie")
}

fn add_user(env: &TestEnv, name: &str) {
    env.write("pw", &format!("{PASSWORD}\n"));
    let pw = env.path("pw");
    env.ok(&[
        "user",
        "add",
        name,
        "--role",
        "coordinator",
        "--password-file",
        pw.to_str().unwrap(),
    ]);
}

#[test]
fn a_new_password_from_the_command_line_ends_a_running_servers_sessions_and_tokens() {
    let env = TestEnv::new();
    env.init();
    add_user(&env, "ana");
    add_user(&env, "bob");
    let token = env.ok(&["user", "token", "ana"]).trim().to_owned();
    let server = Served::start(&env);
    let ana = log_in(&server, "ana", PASSWORD);
    let bob = log_in(&server, "bob", PASSWORD);
    let page = |session: &str| {
        let cookie = format!("testimonio_session={session}");
        server.request("GET", "/", &[("Cookie", &cookie)], None).0
    };
    let api = || {
        let bearer = format!("Bearer {token}");
        server
            .request("GET", "/api/v1/events", &[("Authorization", &bearer)], None)
            .0
    };
    assert_eq!((page(&ana), page(&bob), api()), (200, 200, 200));

    env.write("new-pw", "an entirely new password\n");
    let out = env.ok(&[
        "user",
        "passwd",
        "ana",
        "--password-file",
        env.path("new-pw").to_str().unwrap(),
    ]);
    assert!(
        out.contains("web sessions ended: 1; API tokens revoked: 1"),
        "{out}"
    );
    // Ended in the running server, at once; other accounts untouched.
    assert_eq!((page(&ana), page(&bob), api()), (303, 200, 401));
    log_in(&server, "ana", "an entirely new password");

    // Disabling from the command line ends the new session too.
    let again = log_in(&server, "ana", "an entirely new password");
    env.ok(&["user", "disable", "ana"]);
    assert_eq!(page(&again), 303);
}

#[test]
fn api_tokens_are_listed_revoked_and_expire() {
    let env = TestEnv::new();
    env.init();
    add_user(&env, "ana");
    let issued = env.run(&[
        "user",
        "token",
        "ana",
        "--expires-in",
        "7",
        "--label",
        "sync",
    ]);
    assert!(issued.status.success(), "{}", stderr(&issued));
    assert!(
        stderr(&issued).contains("expires in 7 days"),
        "{}",
        stderr(&issued)
    );
    let token = stdout(&issued).trim().to_owned();
    env.ok(&["user", "token", "ana", "--label", "other"]);

    let list = env.json(&["user", "token", "ana", "--list", "--json"]);
    let tokens = list["tokens"].as_array().unwrap();
    assert_eq!(tokens.len(), 2);
    let sync = tokens.iter().find(|t| t["label"] == "sync").unwrap();
    assert_eq!(sync["status"], "active");
    let created =
        chrono::DateTime::parse_from_rfc3339(sync["created_at"].as_str().unwrap()).unwrap();
    let expires =
        chrono::DateTime::parse_from_rfc3339(sync["expires_at"].as_str().unwrap()).unwrap();
    assert_eq!((expires - created).num_days(), 7);
    let other = tokens.iter().find(|t| t["label"] == "other").unwrap();
    let created =
        chrono::DateTime::parse_from_rfc3339(other["created_at"].as_str().unwrap()).unwrap();
    let expires =
        chrono::DateTime::parse_from_rfc3339(other["expires_at"].as_str().unwrap()).unwrap();
    assert_eq!((expires - created).num_days(), 90, "the default expiry");
    let text = env.ok(&["user", "token", "ana", "--list"]);
    assert!(
        !text.contains(&token) && !list.to_string().contains("tmo_"),
        "a listing shows a token"
    );
    assert!(text.contains("sync") && text.contains("active"), "{text}");

    let id = sync["id"].as_i64().unwrap().to_string();
    let out = env.ok(&["user", "token", "ana", "--revoke", &id]);
    assert!(out.contains("revoked"), "{out}");
    let list = env.json(&["user", "token", "ana", "--list", "--json"]);
    let sync = list["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["label"] == "sync")
        .unwrap()
        .clone();
    assert_eq!(
        (sync["status"].as_str(), sync["revoked"].as_bool()),
        (Some("revoked"), Some(true))
    );
    let es = env.ok(&["--lang", "es", "user", "token", "ana", "--list"]);
    assert!(es.contains("revocado") && es.contains("activo"), "{es}");

    let missing = env.run(&["user", "token", "ana", "--revoke", "999"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no API token 999"),
        "{}",
        stderr(&missing)
    );
    let missing = env.run(&["--lang", "es", "user", "token", "ana", "--revoke", "999"]);
    assert!(
        stderr(&missing).contains("no tiene el token"),
        "{}",
        stderr(&missing)
    );
    let zero = env.run(&["user", "token", "ana", "--expires-in", "0"]);
    assert_eq!(zero.status.code(), Some(1));
    assert!(stderr(&zero).contains("--expires-in"), "{}", stderr(&zero));
    let both = env.run(&["user", "token", "ana", "--list", "--revoke", &id]);
    assert_eq!(
        both.status.code(),
        Some(2),
        "clap refuses --list with --revoke"
    );
}
