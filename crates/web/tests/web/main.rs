//! Integration tests of the web app, one binary: the real server on a
//! loopback port over a fresh demo vault per test (`support::spawn_app`).
//!
//! - `authz`: the authorization matrix, derived from `routes()`.
//! - `analysis`: the pattern analysis page (figures, suppression, the
//!   cache) and the audited report download.
//! - `security`: CSRF, escaping, headers, lockout, disabled accounts,
//!   locking, error pages, body limits, redirects.
//! - `foia`: FOIA requests: the list, the request page, the form.
//! - `documents`: ingested documents: the list, a document, a page beside
//!   its image, the image.
//! - `search`: search results, facets, paging, query errors; the page
//!   view marking matches; watchlists, hits, excerpts; custody places.
//! - `connections`: slow clients: header and idle timeouts, connection
//!   caps per address and in all.
//! - `proxies`: per-address limits behind trusted reverse proxies.
//! - `unlock`: the unlock form's rate limit and the audit of failures.
//! - `page_images`: huge pages scaled down, images kept in memory, render
//!   limits per account.
//! - `browser`: flows in a real headless Chromium through chromedriver
//!   (installed by `scripts/setup`); screenshots to
//!   `$TESTIMONIO_ARTIFACTS/screenshots` (default `target-artifacts/`).

mod analysis;
mod api;
mod authz;
mod browser;
mod connections;
mod documents;
mod foia;
mod page_images;
mod proxies;
mod search;
mod security;
mod support;
mod twofactor;
mod unlock;
