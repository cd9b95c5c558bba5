//! One module per area of the app.

pub mod admin;
pub mod analysis;
pub mod cases;
pub mod dashboard;
pub mod documents;
pub mod event_form;
pub mod event_picker;
pub mod events;
pub mod excerpts;
pub mod foia;
pub mod foia_form;
pub mod forms;
pub mod groups;
pub mod import_wizard;
pub mod imports;
pub mod login;
pub mod mentions;
pub mod people;
pub mod person_form;
pub mod search;
pub mod testimonies;
pub mod testimony_form;
pub mod timeline;
pub mod twofactor;
pub mod uploads;
pub mod watchlists;

pub(crate) use crate::{health, stylesheet};

use maud::{Markup, html};

use crate::auth::Viewer;
use crate::error::ErrorKind;
use crate::i18n::{Lang, t};
use crate::layout::page;

/// The page for an error, in the user's language, without internals. A
/// use case's refusal (`detail`, only ever for a 4xx) says under the
/// generic sentence what was wrong; a 500 never has one.
pub fn error_page(lang: Lang, path: &str, kind: ErrorKind, detail: Option<&str>) -> Markup {
    let viewer = Viewer {
        lang,
        user: None,
        csrf: String::new(),
        path: path.to_owned(),
    };
    let body = html! {
        h1 { (t(lang, "error-title")) }
        div.error role="alert" {
            p { (t(lang, kind.message_key())) }
            @if let (Some(detail), false) = (detail, kind == ErrorKind::Internal) {
                p.detail { (detail) }
            }
        }
        @match kind {
            ErrorKind::Locked => p { a href="/unlock" { (t(lang, "unlock-submit")) } },
            ErrorKind::Unauthorized => p { a href="/login" { (t(lang, "login-title")) } },
            _ => p { a href="/" { (t(lang, "error-back")) } },
        }
    };
    page(&viewer, t(lang, "error-title"), body)
}
