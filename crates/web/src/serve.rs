//! Serving the app on a listener: our own accept loop over hyper's HTTP/1.1
//! connections, so that slow or idle clients cannot hold the server.
//!
//! - Each request's headers must arrive within the header-read timeout
//!   (hyper's own timer); it also runs between the requests of a kept-alive
//!   connection, so an idle connection closes after it too.
//! - A connection on which no byte has moved for the idle timeout is closed,
//!   unless a handler is working on its request (a long report is not a
//!   stalled client): this ends a client that stops sending a request body
//!   or stops reading a response.
//! - At most [`ConnectionLimits::max_per_address`] connections per peer
//!   address (trusted proxies excepted: every visitor comes through them);
//!   one more is closed at once.
//! - At most [`ConnectionLimits::max_connections`] in all. When they are
//!   all taken, the oldest connection with no request in progress (one
//!   stalled in its headers, or idle between requests) is closed to make
//!   room; when every one is busy, the new connection is closed at once.
//! - Ctrl-C stops accepting, closes idle connections and lets requests in
//!   progress finish.
//!
//! Handlers still see the peer as `ConnectInfo<SocketAddr>`.

use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response};
use hyper::body::{Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, mpsc, watch};
use tower_service::Service;

use crate::client::TrustedProxies;

/// How many connections the server keeps, and for how long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Time for a request's headers to arrive (and for the next request on
    /// a kept-alive connection to start).
    pub header_read_timeout: Duration,
    /// Time without a byte moving, while no handler is working, before a
    /// connection is closed.
    pub idle_timeout: Duration,
    /// Connections open at once.
    pub max_connections: usize,
    /// Connections open at once from one peer address.
    pub max_per_address: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            max_connections: 1024,
            max_per_address: 64,
        }
    }
}

/// How long the accept loop waits for an evicted connection to let go of
/// its place (it only has to notice; this is a safety bound).
const EVICTION_PATIENCE: Duration = Duration::from_secs(1);

/// Serves `app` on `listener` until Ctrl-C, within `limits`.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    trusted: TrustedProxies,
) {
    let registry = Arc::new(Registry::default());
    let places = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let (shutdown, shutdown_seen) = watch::channel(false);
    // Every connection task holds a sender: when all are gone, all have ended.
    let (alive, mut all_ended) = mpsc::channel::<()>(1);
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_error(&e).await;
                    continue;
                }
            },
            _ = &mut ctrl_c => break,
        };
        let ip = peer.ip().to_canonical();
        let exempt = trusted.contains(ip);
        if !exempt && registry.count(ip) >= limits.max_per_address {
            tracing::debug!(peer = %ip, "connection refused: too many from this address");
            continue;
        }
        let Some(place) = take_place(&places, &registry).await else {
            tracing::debug!("connection refused: every connection is busy");
            continue;
        };
        let conn = registry.register(ip);
        let _ = stream.set_nodelay(true);
        tokio::spawn(connection(Connection {
            stream,
            peer,
            app: app.clone(),
            limits: limits.clone(),
            conn,
            registry: registry.clone(),
            place,
            shutdown: shutdown_seen.clone(),
            alive: alive.clone(),
        }));
    }
    drop(listener);
    let _ = shutdown.send(true);
    drop(alive);
    let _ = all_ended.recv().await;
}

async fn accept_error(e: &io::Error) {
    if matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    ) {
        return;
    }
    // Most likely out of file descriptors: give connections time to end.
    tracing::error!(error = %e, "accept error");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// A place among the connections: free, or freed by closing the oldest
/// idle connection; `None` when every connection is busy.
async fn take_place(places: &Arc<Semaphore>, registry: &Registry) -> Option<OwnedSemaphorePermit> {
    if let Ok(place) = places.clone().try_acquire_owned() {
        return Some(place);
    }
    if !registry.evict_oldest_idle() {
        return None;
    }
    tokio::time::timeout(EVICTION_PATIENCE, places.clone().acquire_owned())
        .await
        .ok()
        .and_then(Result::ok)
}

// ---------------------------------------------------------------------------
// The connections open

/// Instants as milliseconds since the first use, so they fit an atomic.
static EPOCH: LazyLock<Instant> = LazyLock::new(Instant::now);

fn now_ms() -> u64 {
    u64::try_from(EPOCH.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// What the server knows of one open connection.
struct ConnState {
    peer: IpAddr,
    /// When a byte last moved either way.
    last_activity: AtomicU64,
    /// Handlers working on a request of this connection (0 or 1 in HTTP/1.1).
    handling: AtomicUsize,
    /// Request bodies the client has not finished sending.
    receiving: AtomicUsize,
    /// Response bodies not yet fully written.
    responding: AtomicUsize,
    /// Asked to close (to make room, or at shutdown).
    evicted: AtomicBool,
    close: Notify,
}

impl ConnState {
    fn touch(&self) {
        self.last_activity.store(now_ms(), Ordering::Relaxed);
    }

    /// Nothing in progress: closing loses no work.
    fn is_idle(&self) -> bool {
        self.handling.load(Ordering::Acquire) == 0 && self.responding.load(Ordering::Acquire) == 0
    }

    /// A handler is computing (not waiting for the client): silence on the
    /// wire is the server's, not a stalled client.
    fn server_working(&self) -> bool {
        self.handling.load(Ordering::Acquire) > 0 && self.receiving.load(Ordering::Acquire) == 0
    }

    fn idle_deadline(&self, idle: Duration) -> tokio::time::Instant {
        let last = *EPOCH + Duration::from_millis(self.last_activity.load(Ordering::Relaxed));
        tokio::time::Instant::from_std(last + idle)
    }

    fn is_stalled(&self, idle: Duration) -> bool {
        let last = self.last_activity.load(Ordering::Relaxed);
        now_ms().saturating_sub(last) >= u64::try_from(idle.as_millis()).unwrap_or(u64::MAX)
            && !self.server_working()
    }
}

#[derive(Default)]
struct Registry {
    inner: Mutex<RegistryInner>,
}

#[derive(Default)]
struct RegistryInner {
    next: u64,
    /// By age: the first is the oldest.
    open: BTreeMap<u64, Arc<ConnState>>,
    per_address: HashMap<IpAddr, usize>,
}

impl Registry {
    fn lock(&self) -> std::sync::MutexGuard<'_, RegistryInner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn count(&self, ip: IpAddr) -> usize {
        self.lock().per_address.get(&ip).copied().unwrap_or(0)
    }

    fn register(&self, peer: IpAddr) -> Registered {
        let state = Arc::new(ConnState {
            peer,
            last_activity: AtomicU64::new(now_ms()),
            handling: AtomicUsize::new(0),
            receiving: AtomicUsize::new(0),
            responding: AtomicUsize::new(0),
            evicted: AtomicBool::new(false),
            close: Notify::new(),
        });
        let mut inner = self.lock();
        let id = inner.next;
        inner.next += 1;
        inner.open.insert(id, state.clone());
        *inner.per_address.entry(peer).or_default() += 1;
        Registered { id, state }
    }

    fn remove(&self, id: u64) {
        let mut inner = self.lock();
        if let Some(state) = inner.open.remove(&id)
            && let Some(n) = inner.per_address.get_mut(&state.peer)
        {
            *n -= 1;
            if *n == 0 {
                inner.per_address.remove(&state.peer);
            }
        }
    }

    /// Asks the oldest connection with nothing in progress to close;
    /// whether there was one.
    fn evict_oldest_idle(&self) -> bool {
        let inner = self.lock();
        let oldest = inner
            .open
            .values()
            .find(|c| !c.evicted.load(Ordering::Acquire) && c.is_idle());
        match oldest {
            Some(conn) => {
                conn.evicted.store(true, Ordering::Release);
                conn.close.notify_one();
                tracing::debug!(peer = %conn.peer, "idle connection closed to make room");
                true
            }
            None => false,
        }
    }
}

/// A connection's entry in the registry (the id, to remove it at the end).
struct Registered {
    id: u64,
    state: Arc<ConnState>,
}

/// Everything one connection task needs.
struct Connection {
    stream: TcpStream,
    peer: SocketAddr,
    app: Router,
    limits: ConnectionLimits,
    conn: Registered,
    registry: Arc<Registry>,
    place: OwnedSemaphorePermit,
    shutdown: watch::Receiver<bool>,
    alive: mpsc::Sender<()>,
}

/// Removes the connection from the registry however its task ends.
struct Unregister {
    registry: Arc<Registry>,
    id: u64,
}

impl Drop for Unregister {
    fn drop(&mut self) {
        self.registry.remove(self.id);
    }
}

async fn connection(c: Connection) {
    let Connection {
        stream,
        peer,
        app,
        limits,
        conn,
        registry,
        place,
        mut shutdown,
        alive,
    } = c;
    let _place = place;
    let _alive = alive;
    let _unregister = Unregister {
        registry,
        id: conn.id,
    };
    let state = conn.state;
    let io = TokioIo::new(Watched {
        inner: stream,
        conn: state.clone(),
    });
    let service = {
        let state = state.clone();
        service_fn(move |req: Request<Incoming>| handle(app.clone(), state.clone(), peer, req))
    };
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .keep_alive(true);
    let served = builder.serve_connection(io, service);
    tokio::pin!(served);
    let mut shutting_down = false;
    loop {
        let deadline = state.idle_deadline(limits.idle_timeout);
        tokio::select! {
            result = served.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(error = %e, "connection ended");
                }
                break;
            }
            () = state.close.notified() => break,
            _ = shutdown.changed(), if !shutting_down => {
                shutting_down = true;
                if state.is_idle() {
                    break;
                }
                served.as_mut().graceful_shutdown();
            }
            () = tokio::time::sleep_until(deadline) => {
                if state.is_stalled(limits.idle_timeout) {
                    tracing::debug!(peer = %state.peer, "stalled connection closed");
                    break;
                }
            }
        }
    }
}

/// One request: the peer's address in its extensions, its body and the
/// response's body counted while they are open.
fn handle(
    mut app: Router,
    conn: Arc<ConnState>,
    peer: SocketAddr,
    req: Request<Incoming>,
) -> impl Future<Output = Result<Response<Body>, Infallible>> {
    let working = Counted::new(&conn, |c| &c.handling);
    let (mut parts, body) = req.into_parts();
    parts.extensions.insert(ConnectInfo(peer));
    let body = Tracked::new(body, &conn, |c| &c.receiving);
    let response = app.call(Request::from_parts(parts, Body::new(body)));
    async move {
        let response = response.await?;
        drop(working);
        Ok(response.map(|b| Body::new(Tracked::new(b, &conn, |c| &c.responding))))
    }
}

/// One unit of a connection's counter, given back when dropped.
struct Counted {
    conn: Arc<ConnState>,
    counter: fn(&ConnState) -> &AtomicUsize,
}

impl Counted {
    fn new(conn: &Arc<ConnState>, counter: fn(&ConnState) -> &AtomicUsize) -> Self {
        counter(conn).fetch_add(1, Ordering::AcqRel);
        Self {
            conn: conn.clone(),
            counter,
        }
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        (self.counter)(&self.conn).fetch_sub(1, Ordering::AcqRel);
    }
}

/// A body counted on its connection until its last frame (or until it is
/// dropped).
struct Tracked<B> {
    inner: B,
    open: Option<Counted>,
}

impl<B: hyper::body::Body> Tracked<B> {
    fn new(inner: B, conn: &Arc<ConnState>, counter: fn(&ConnState) -> &AtomicUsize) -> Self {
        let open = (!inner.is_end_stream()).then(|| Counted::new(conn, counter));
        Self { inner, open }
    }
}

impl<B> hyper::body::Body for Tracked<B>
where
    B: hyper::body::Body + Unpin,
{
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.inner).poll_frame(cx);
        if matches!(polled, Poll::Ready(None | Some(Err(_)))) || this.inner.is_end_stream() {
            this.open = None;
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The socket, noting when a byte moves.
struct Watched {
    inner: TcpStream,
    conn: Arc<ConnState>,
}

impl AsyncRead for Watched {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.inner).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            this.conn.touch();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.inner).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            this.conn.touch();
        }
        polled
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            this.conn.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}
