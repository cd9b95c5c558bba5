//! Who the client is, for per-address limits: the peer of the connection,
//! or, when that peer is a trusted reverse proxy, the address the proxies
//! recorded in `X-Forwarded-For`.
//!
//! Each proxy appends the address it received the request from, so the
//! list is read from the right: the first hop that is not itself a
//! trusted proxy is the client. Everything left of it was written by the
//! client and is ignored. From any other peer the header is ignored
//! entirely: a client talking to the server directly cannot choose the
//! address its limits are counted under.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;

use crate::error::AppError;
use crate::state::AppState;

/// The header reverse proxies record the client in.
const FORWARDED_FOR: &str = "x-forwarded-for";

/// The reverse proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    pub fn new(nets: Vec<IpNet>) -> Self {
        Self(nets)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `ip` is one of the trusted proxies.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }
}

/// `ADDR` of `--trusted-proxy ADDR`: an IP address or a network in CIDR
/// notation (`10.0.0.5`, `10.0.0.0/8`, `::1`, `fd00::/8`).
///
/// # Errors
/// Text that is neither.
pub fn parse_trusted_proxy(text: &str) -> Result<IpNet, ipnet::AddrParseError> {
    let text = text.trim();
    match IpAddr::from_str(text) {
        Ok(ip) => Ok(IpNet::from(ip.to_canonical())),
        Err(_) => IpNet::from_str(text).map(|net| net.trunc()),
    }
}

/// The client behind a request that came from `peer` with `headers`.
pub fn client_addr(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    let peer = peer.to_canonical();
    if !trusted.contains(peer) {
        return peer;
    }
    // Several headers count as one list, in order.
    let hops: Vec<&str> = headers
        .get_all(FORWARDED_FOR)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Some(ip) = hop_address(hop) else {
            // A hop no proxy would write: the chain cannot be followed
            // further; the last address vouched for stands.
            break;
        };
        client = ip;
        if !trusted.contains(ip) {
            break;
        }
    }
    client
}

/// One hop of `X-Forwarded-For`: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1`
/// or `[2001:db8::1]:5678`.
fn hop_address(hop: &str) -> Option<IpAddr> {
    if let Ok(ip) = IpAddr::from_str(hop) {
        return Some(ip.to_canonical());
    }
    SocketAddr::from_str(hop)
        .ok()
        .map(|s| s.ip().to_canonical())
}

/// The client's address, as [`client_addr`] found it for this request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// Finds the client of every request once, before the guards run.
pub async fn find_client(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([127, 0, 0, 1]), |c| c.0.ip());
    let client = client_addr(peer, req.headers(), &state.config().trusted_proxies);
    req.extensions_mut().insert(ClientAddr(client));
    next.run(req).await
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<ClientAddr>()
            .copied()
            .ok_or_else(|| AppError::internal(&"route without the client layer"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn trusted(list: &[&str]) -> TrustedProxies {
        TrustedProxies::new(
            list.iter()
                .map(|s| parse_trusted_proxy(s).unwrap())
                .collect(),
        )
    }

    fn xff(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append(FORWARDED_FOR, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn addresses_and_networks_parse() {
        assert_eq!(
            parse_trusted_proxy("10.0.0.5").unwrap(),
            "10.0.0.5/32".parse::<IpNet>().unwrap()
        );
        assert_eq!(
            parse_trusted_proxy(" 10.1.2.3/8 ").unwrap(),
            "10.0.0.0/8".parse::<IpNet>().unwrap()
        );
        assert_eq!(
            parse_trusted_proxy("::1").unwrap(),
            "::1/128".parse::<IpNet>().unwrap()
        );
        assert!(parse_trusted_proxy("fd00::/8").is_ok());
        for bad in ["", "proxy.example", "10.0.0.0/33", "1.2.3.4:80"] {
            assert!(parse_trusted_proxy(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_direct_client_cannot_choose_its_address() {
        let t = trusted(&["10.0.0.1"]);
        let h = xff(&["203.0.113.9"]);
        assert_eq!(client_addr(ip("198.51.100.7"), &h, &t), ip("198.51.100.7"));
        // Without any trusted proxy the header means nothing either.
        assert_eq!(
            client_addr(ip("198.51.100.7"), &h, &TrustedProxies::default()),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn behind_proxies_the_last_untrusted_hop_is_the_client() {
        let t = trusted(&["10.0.0.0/8", "192.0.2.1"]);
        // The client forged the first entry; the proxy appended the real one.
        let h = xff(&["1.1.1.1, 203.0.113.9"]);
        assert_eq!(client_addr(ip("10.0.0.1"), &h, &t), ip("203.0.113.9"));
        // Two proxies: the outer one's own address is skipped.
        let h = xff(&["1.1.1.1, 203.0.113.9, 192.0.2.1"]);
        assert_eq!(client_addr(ip("10.0.0.1"), &h, &t), ip("203.0.113.9"));
        // Several headers are one list; ports and brackets are accepted.
        let h = xff(&["1.1.1.1", "[2001:db8::7]:4711", "192.0.2.1:80"]);
        assert_eq!(client_addr(ip("10.0.0.1"), &h, &t), ip("2001:db8::7"));
        // No header: the proxy itself.
        assert_eq!(
            client_addr(ip("10.0.0.1"), &HeaderMap::new(), &t),
            ip("10.0.0.1")
        );
        // Garbage where a proxy would have written an address: the last
        // address vouched for.
        let h = xff(&["203.0.113.9, nonsense"]);
        assert_eq!(client_addr(ip("10.0.0.1"), &h, &t), ip("10.0.0.1"));
        // Every hop trusted: the first one.
        let h = xff(&["10.9.9.9, 192.0.2.1"]);
        assert_eq!(client_addr(ip("10.0.0.1"), &h, &t), ip("10.9.9.9"));
    }

    #[test]
    fn mapped_ipv4_addresses_are_ipv4() {
        let t = trusted(&["127.0.0.1"]);
        let h = xff(&["::ffff:203.0.113.9"]);
        assert_eq!(
            client_addr(ip("::ffff:127.0.0.1"), &h, &t),
            ip("203.0.113.9")
        );
    }
}
