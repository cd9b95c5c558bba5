//! Excerpts as the event and person pages list them: the quoted passage
//! (hostile text, escaped), its tags, the document and page, and a link
//! to the page with the passage marked. Which of them a viewer reads is
//! decided by the vault (`Vault::excerpts_for`, one rule for every
//! place): a withheld excerpt comes without its quote, note and citation,
//! and is listed here by its tags and date only.

use maud::{Markup, html};
use testimonio_app::evidence::ExcerptOrigin;
use testimonio_domain::ExcerptTag;
use testimonio_i18n::tr;
use testimonio_vault::{Excerpt, ShownExcerpt};

use crate::auth::Viewer;
use crate::i18n::Lang;

use super::documents::format_time;

/// The label of a stored tag (a project's own tag as it is).
pub(crate) fn tag_label(lang: Lang, tag: &str) -> String {
    ExcerptTag::parse("tag", tag).map_or_else(|_| tag.to_owned(), |t| t.label(lang).to_owned())
}

/// Where an excerpt came from, when it came from a watchlist (typed data
/// of the excerpt, said in the user's language).
fn origin(viewer: &Viewer, e: &Excerpt) -> Option<String> {
    match ExcerptOrigin::of(e) {
        ExcerptOrigin::Watchlist(name) => {
            Some(tr!(viewer.lang, "excerpts-from-watchlist", name = name))
        }
        ExcerptOrigin::ByHand => None,
    }
}

/// The page view with the excerpt's range marked.
pub(crate) fn excerpt_url(e: &Excerpt) -> String {
    format!(
        "/documents/{}/pages/{}?excerpt={}#excerpt",
        e.document, e.page, e.id
    )
}

/// A section listing `excerpts`, each readable one linking to its
/// passage, each withheld one saying so.
pub(crate) fn excerpts_section(viewer: &Viewer, excerpts: &[ShownExcerpt]) -> Markup {
    let lang = viewer.lang;
    html! {
        section aria-labelledby="excerpts-heading" {
            h2 #excerpts-heading {
                (tr!(lang, "excerpts-heading", count = excerpts.len()))
            }
            @if excerpts.is_empty() {
                p { (viewer.t("excerpts-none")) }
            } @else {
                ul.excerpts {
                    @for shown in excerpts {
                        @match shown {
                            ShownExcerpt::Readable(e) => {
                                li.excerpt {
                                    blockquote { (e.quote) }
                                    p.excerpt-source {
                                        a href=(excerpt_url(e)) {
                                            (e.file_name.as_deref().unwrap_or(e.document.as_str()))
                                            " — " (tr!(lang, "documents-page-number", page = e.page))
                                        }
                                        " · " code { (e.document) }
                                    }
                                    (tags(viewer, shown.tags()))
                                    @if let Some(origin) = origin(viewer, e) {
                                        p.hint { (origin) }
                                    }
                                    @if let Some(note) = &e.note {
                                        p.hint { (note) }
                                    }
                                    (added(viewer, &e.created_at, &e.created_by))
                                }
                            }
                            ShownExcerpt::Withheld(w) => {
                                li.excerpt.withheld {
                                    p.hint { (viewer.t("excerpts-withheld")) }
                                    (tags(viewer, shown.tags()))
                                    (added(viewer, &w.created_at, &w.created_by))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn tags(viewer: &Viewer, tags: &[String]) -> Markup {
    html! {
        @if !tags.is_empty() {
            p.tags {
                span.visually-hidden { (viewer.t("excerpts-tags")) ": " }
                @for tag in tags {
                    span.tag { (tag_label(viewer.lang, tag)) } " "
                }
            }
        }
    }
}

fn added(viewer: &Viewer, at: &str, by: &str) -> Markup {
    html! {
        p.hint {
            (tr!(viewer.lang, "excerpts-added-at", at = format_time(viewer.lang, at), by = by))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_have_labels_in_both_languages() {
        assert_eq!(tag_label(Lang::Es, "animus"), "Animadversión");
        assert_eq!(tag_label(Lang::En, "clinic_specific"), "clinic_specific");
        assert_eq!(tag_label(Lang::En, "Not A Tag"), "Not A Tag");
    }
}
