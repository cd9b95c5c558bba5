//! Integration tests of the web app, one binary: the real server on a
//! loopback port over a fresh demo vault per test (`support::spawn_app`).
//!
//! - `authz`: the authorization matrix, derived from `routes()`.
//! - `analysis`: the pattern analysis page (figures, suppression, the
//!   cache) and the audited report download.
//! - `security`: CSRF, escaping, headers, disabled accounts, locking,
//!   error pages, body limits, redirects.
//! - `shell`: the page shell in Spanish: audit actions and times, account
//!   refusals, the header.
//! - `accounts`: per-account throttles on passwords and second-factor
//!   codes under parallel guessing, alike refusals, sessions across a
//!   restart and ended from another process, API token expiry and
//!   revocation.
//! - `foia`: FOIA requests: the list, the request page, the form.
//! - `documents`: ingested documents: the list, a document, a page beside
//!   its image, the image.
//! - `excerpts`: one rule for excerpt quotes on every page; the audit of
//!   reading document text (pages, quotes, search results, hits).
//! - `search`: search results, facets, paging, query errors; the page
//!   view marking matches; watchlists, hits, excerpts; custody places.
//! - `query_bounds`: queries nested past the bounds are a 400 and the
//!   server still answers; a watchlist saved with one is shown as not run.
//! - `connections`: slow clients: header and idle timeouts, connection
//!   caps per address and in all.
//! - `proxies`: per-address limits behind trusted reverse proxies.
//! - `unlock`: the unlock form's rate limit and the audit of failures.
//! - `page_images`: huge pages scaled down, images kept in memory, render
//!   limits per account.
//! - `testimonies`: the testimony form in Spanish, accounts only for the
//!   roles that may see the giver, the review mark; API bodies whose
//!   malformed field is named.
//! - `browser`: flows in a real headless Chromium through chromedriver
//!   (installed by `scripts/setup`); screenshots to
//!   `$TESTIMONIO_ARTIFACTS/screenshots` (default `target-artifacts/`).

mod accounts;
mod analysis;
mod api;
mod api_parity;
mod authz;
mod browser;
mod browser_import;
mod browser_intake;
mod browser_phone;
mod cases;
mod connections;
mod document_dates;
mod documents;
mod excerpts;
mod foia;
mod imports;
mod mentions;
mod page_images;
mod page_marks;
mod picker;
mod proxies;
mod query_bounds;
mod records;
mod redaction;
mod search;
mod security;
mod shell;
mod support;
mod testimonies;
mod twofactor;
mod unlock;
mod uploads;
