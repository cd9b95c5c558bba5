//! Behind a reverse proxy: per-address limits count the client named in
//! `X-Forwarded-For` when (and only when) the peer is a trusted proxy.

use axum::http::{Method, StatusCode};
use testimonio_web::{Config, TrustedProxies, parse_trusted_proxy};

use crate::support::{Agent, Reply, form_body, spawn_app_with};

/// A failed login (an unknown account, so that no account is locked on
/// the way) sent with `X-Forwarded-For: xff`.
async fn failed_login(agent: &mut Agent, xff: &str) -> Reply {
    agent.fetch_login_csrf().await;
    let body = form_body(&[
        ("csrf", agent.csrf.as_str()),
        ("username", "nobody-at-all"),
        ("password", "a wrong password 123"),
        ("next", "/"),
    ]);
    agent
        .send_with(
            Method::POST,
            "/login",
            Some((body, "application/x-www-form-urlencoded")),
            &[("x-forwarded-for", xff)],
        )
        .await
}

fn limited(reply: &Reply) -> bool {
    reply.status == StatusCode::TOO_MANY_REQUESTS
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_is_not_a_trusted_proxy_cannot_choose_its_address() {
    let app = spawn_app_with(Config {
        login_attempts_per_minute: 2,
        ..Config::default()
    })
    .await;
    let mut agent = app.anonymous();
    for (i, xff) in ["203.0.113.1", "203.0.113.2"].iter().enumerate() {
        let reply = failed_login(&mut agent, xff).await;
        assert!(!limited(&reply), "attempt {}: {}", i + 1, reply.excerpt());
    }
    // A third "client" by its header: the same peer, so over the limit.
    let reply = failed_login(&mut agent, "203.0.113.3").await;
    assert!(limited(&reply), "{}", reply.excerpt());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    let app = spawn_app_with(Config {
        login_attempts_per_minute: 2,
        trusted_proxies: TrustedProxies::new(vec![parse_trusted_proxy("127.0.0.1").unwrap()]),
        ..Config::default()
    })
    .await;
    // The test client connects from 127.0.0.1: it plays the proxy.
    let mut proxy = app.anonymous();
    for i in 0..2 {
        let reply = failed_login(&mut proxy, "203.0.113.1").await;
        assert!(!limited(&reply), "attempt {}: {}", i + 1, reply.excerpt());
    }
    let reply = failed_login(&mut proxy, "203.0.113.1").await;
    assert!(limited(&reply), "{}", reply.excerpt());
    // The client forged an entry; the proxy appended the real address,
    // which is what counts.
    let reply = failed_login(&mut proxy, "198.51.100.77, 203.0.113.1").await;
    assert!(limited(&reply), "{}", reply.excerpt());
    // Another visitor through the same proxy is not affected.
    let reply = failed_login(&mut proxy, "203.0.113.2").await;
    assert!(!limited(&reply), "{}", reply.excerpt());
    // Requests from the proxy itself (no header) count as the proxy's own.
    let mut direct = app.anonymous();
    direct.fetch_login_csrf().await;
    let reply = direct
        .post(
            "/login",
            &[
                ("username", "nobody-at-all"),
                ("password", "a wrong password 123"),
                ("next", "/"),
            ],
        )
        .await;
    assert!(!limited(&reply), "{}", reply.excerpt());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_outside_the_trusted_networks_is_not_believed() {
    // Only 10.0.0.0/8 is trusted: the loopback client is not.
    let app = spawn_app_with(Config {
        login_attempts_per_minute: 1,
        trusted_proxies: TrustedProxies::new(vec![parse_trusted_proxy("10.0.0.0/8").unwrap()]),
        ..Config::default()
    })
    .await;
    let mut agent = app.anonymous();
    let reply = failed_login(&mut agent, "203.0.113.1").await;
    assert!(!limited(&reply), "{}", reply.excerpt());
    let reply = failed_login(&mut agent, "203.0.113.2").await;
    assert!(limited(&reply), "{}", reply.excerpt());
}
