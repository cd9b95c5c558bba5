//! Slow clients: connections that never finish their headers are closed
//! after the header-read timeout, one address cannot hold more than its
//! share, and when every place is taken by stalled connections a new
//! client still gets `/health` answered.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use axum::http::StatusCode;
use testimonio_web::{Config, ConnectionLimits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use crate::support::{TestApp, spawn_app_with};

/// A bound on every wait, so that a broken server fails the test instead
/// of hanging it. Never what a test measures.
const SAFETY: Duration = Duration::from_secs(20);

/// The start of a request whose headers never end.
const PARTIAL: &[u8] = b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";

fn server_addr(app: &TestApp) -> SocketAddr {
    app.base
        .trim_start_matches("http://")
        .parse()
        .expect("the server's address")
}

/// A connection from `from` (a loopback address) that sends `PARTIAL` and
/// stalls.
async fn stalled(app: &TestApp, from: &str) -> TcpStream {
    let socket = TcpSocket::new_v4().expect("a socket");
    socket
        .bind(SocketAddr::new(from.parse::<IpAddr>().unwrap(), 0))
        .expect("a loopback address to connect from");
    let mut stream = socket.connect(server_addr(app)).await.expect("connected");
    // The server may already have closed it: a refused connection shows
    // when reading.
    let _ = stream.write_all(PARTIAL).await;
    stream
}

/// Reads until the server closes the connection (whatever it sent first,
/// such as a 408); panics if it is still open after [`SAFETY`].
async fn wait_closed(stream: &mut TcpStream, what: &str) {
    let mut buf = [0u8; 1024];
    let closed = tokio::time::timeout(SAFETY, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await;
    assert!(closed.is_ok(), "{what}: still open after {SAFETY:?}");
}

/// Whether the server still holds the connection open: nothing to read
/// and no end of stream, right now (a peek at the socket itself).
fn still_open(stream: &TcpStream) -> bool {
    let mut buf = [std::mem::MaybeUninit::<u8>::uninit(); 16];
    matches!(
        socket2::SockRef::from(stream).peek(&mut buf),
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock
    )
}

/// Asks `/health` until the server has had time to read earlier
/// connections; returns the answer.
async fn health_from(app: &TestApp, from: &str) -> StatusCode {
    app.anonymous_from(from).get("/health").await.status
}

#[tokio::test]
async fn stalled_connections_cannot_take_every_place_and_one_address_gets_its_share() {
    let app = spawn_app_with(Config {
        connections: ConnectionLimits {
            // Long: in this test only the caps close connections.
            header_read_timeout: Duration::from_secs(120),
            idle_timeout: Duration::from_secs(120),
            max_connections: 6,
            max_per_address: 3,
        },
        ..Config::default()
    })
    .await;

    // Five from one address: the server keeps three, closes two at once.
    let mut own = Vec::new();
    for _ in 0..5 {
        own.push(stalled(&app, "127.0.0.1").await);
    }
    for (i, stream) in own.iter_mut().enumerate().skip(3) {
        wait_closed(stream, &format!("connection {} from 127.0.0.1", i + 1)).await;
    }
    // (The closes above happened in accept order: the first three were
    // accepted before them.)
    for (i, stream) in own.iter().enumerate().take(3) {
        assert!(
            still_open(stream),
            "connection {} from 127.0.0.1 was closed",
            i + 1
        );
    }

    // Three more from another address fill every place.
    let mut others = Vec::new();
    for _ in 0..3 {
        others.push(stalled(&app, "127.0.0.2").await);
    }
    // A new client is still answered: the oldest stalled connection made
    // room for it.
    assert_eq!(health_from(&app, "127.0.0.3").await, StatusCode::OK);
    wait_closed(&mut own[0], "the oldest stalled connection").await;
    for (i, stream) in others.iter().enumerate() {
        assert!(
            still_open(stream),
            "connection {} from 127.0.0.2 was closed",
            i + 1
        );
    }
    // And again, from yet another client.
    assert_eq!(health_from(&app, "127.0.0.4").await, StatusCode::OK);
}

#[tokio::test]
async fn connections_that_do_not_finish_their_headers_are_closed_after_the_timeout() {
    let app = spawn_app_with(Config {
        connections: ConnectionLimits {
            header_read_timeout: Duration::from_millis(300),
            idle_timeout: Duration::from_secs(120),
            ..ConnectionLimits::default()
        },
        ..Config::default()
    })
    .await;
    let mut slow = Vec::new();
    for i in 0..20 {
        slow.push(stalled(&app, &format!("127.0.1.{}", i % 4 + 1)).await);
    }
    // Silent from the start.
    let mut silent = TcpStream::connect(server_addr(&app)).await.unwrap();
    assert_eq!(health_from(&app, "127.0.0.9").await, StatusCode::OK);
    for (i, stream) in slow.iter_mut().enumerate() {
        wait_closed(stream, &format!("stalled connection {}", i + 1)).await;
    }
    wait_closed(&mut silent, "a connection that sent nothing").await;

    // A kept-alive connection that sends no next request is closed too.
    let mut kept = TcpStream::connect(server_addr(&app)).await.unwrap();
    kept.write_all(b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let mut answer = vec![0u8; 4096];
    let n = tokio::time::timeout(SAFETY, kept.read(&mut answer))
        .await
        .expect("an answer")
        .unwrap();
    assert!(
        answer[..n].starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&answer[..n])
    );
    wait_closed(&mut kept, "an idle kept-alive connection").await;
}

#[tokio::test]
async fn a_client_that_stops_sending_its_body_is_closed_after_the_idle_timeout() {
    let app = spawn_app_with(Config {
        connections: ConnectionLimits {
            header_read_timeout: Duration::from_secs(120),
            idle_timeout: Duration::from_millis(300),
            ..ConnectionLimits::default()
        },
        ..Config::default()
    })
    .await;
    let mut stream = TcpStream::connect(server_addr(&app)).await.unwrap();
    stream
        .write_all(
            b"POST /login HTTP/1.1\r\nHost: localhost\r\n\
              Content-Type: application/x-www-form-urlencoded\r\n\
              Content-Length: 1000\r\n\r\nusername=a",
        )
        .await
        .unwrap();
    wait_closed(&mut stream, "a connection stalled in its body").await;
    assert_eq!(health_from(&app, "127.0.0.9").await, StatusCode::OK);
}
