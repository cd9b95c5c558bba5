//! The page shell every HTML page shares: language, navigation, the
//! language switch, and no inline script or style (the CSP forbids both).

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::auth::Viewer;
use testimonio_i18n::tr;

use crate::i18n::{Lang, t};

/// A link that keeps the user on this page after switching language.
fn language_switch(lang: Lang, path: &str) -> Markup {
    let other = match lang {
        Lang::En => Lang::Es,
        Lang::Es => Lang::En,
    };
    // Each language by its own name, in its own language.
    let label = match other {
        Lang::En => tr!(other, "shell-language-english"),
        Lang::Es => tr!(other, "shell-language-spanish"),
    };
    html! {
        a.lang-switch href={ "/lang/" (other.code()) "?next=" (encode_path(path)) } lang=(other.code()) hreflang=(other.code())
            aria-label=(tr!(lang, "shell-language-switch", language = label)) { (label) }
    }
}

/// Percent-encodes a local path for a query value.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A whole page.
pub fn page(viewer: &Viewer, title: &str, body: Markup) -> Markup {
    let lang = viewer.lang;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (tr!(lang, "shell-page-title", page = title)) }
                link rel="stylesheet" href="/static/app.css";
            }
            body {
                a.skip href="#main" { (t(lang, "nav-skip")) }
                header.top {
                    a.brand href="/" { (t(lang, "app-name")) }
                    @if let Some(user) = &viewer.user {
                        // Wide screens see the links; a phone sees one
                        // "Menu" line that opens them (no JavaScript).
                        (nav_links(lang, user, "wide"))
                        (account(viewer, user, "wide"))
                        details.menu {
                            summary { (t(lang, "nav-menu")) }
                            (nav_links(lang, user, "compact"))
                            (account(viewer, user, "compact"))
                        }
                    }
                    (language_switch(lang, &viewer.path))
                }
                main #main { (body) }
                footer { small { (t(lang, "app-tagline")) } }
            }
        }
    }
}

/// The app's sections, as a list of links.
fn nav_links(lang: Lang, user: &testimonio_vault::User, class: &str) -> Markup {
    html! {
        nav class=(class) aria-label=(t(lang, "nav-dashboard")) {
            ul {
                li { a href="/" { (t(lang, "nav-dashboard")) } }
                li { a href="/events" { (t(lang, "nav-events")) } }
                li { a href="/people" { (t(lang, "nav-people")) } }
                li { a href="/testimonies" { (t(lang, "nav-testimonies")) } }
                li { a href="/groups" { (t(lang, "nav-groups")) } }
                li { a href="/cases" { (t(lang, "nav-cases")) } }
                li { a href="/foia" { (t(lang, "nav-foia")) } }
                li { a href="/documents" { (t(lang, "nav-documents")) } }
                li { a href="/search" { (t(lang, "nav-search")) } }
                li { a href="/watchlists" { (t(lang, "nav-watchlists")) } }
                @if !user.role.is_pseudonymous_only() {
                    li { a href="/mentions" { (t(lang, "nav-mentions")) } }
                }
                li { a href="/analysis" { (t(lang, "nav-analysis")) } }
                @if user.role.sees_all_identities() {
                    li { a href="/import" { (t(lang, "nav-import")) } }
                }
                @if user.role.is_admin() {
                    li { a href="/admin/users" { (t(lang, "nav-users")) } }
                    li { a href="/admin/audit" { (t(lang, "nav-audit")) } }
                }
            }
        }
    }
}

/// Who is signed in, and the way out.
fn account(viewer: &Viewer, user: &testimonio_vault::User, class: &str) -> Markup {
    let lang = viewer.lang;
    html! {
        div class={ "account " (class) } {
            span { (tr!(lang, "shell-signed-in-as", user = user.username.as_str(), role = user.role.label(lang))) }
            a href="/account/2fa" { (t(lang, "twofactor-settings")) }
            form method="post" action="/logout" {
                input type="hidden" name="csrf" value=(viewer.csrf);
                button type="submit" { (t(lang, "nav-logout")) }
            }
        }
    }
}

/// The hidden CSRF field every form carries.
pub fn csrf_field(viewer: &Viewer) -> Markup {
    html! { input type="hidden" name="csrf" value=(viewer.csrf); }
}

/// Pre-escaped markup (an SVG built by this crate).
pub fn raw(markup: String) -> Markup {
    PreEscaped(markup)
}
