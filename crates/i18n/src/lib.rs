//! Testimonio's one message catalog and its formatting of numbers and dates.
//!
//! Every user-facing string of every front end, report and letter is a
//! Fluent message in `locales/en/*.ftl` and `locales/es/*.ftl`, looked up by
//! id with [`tr!`]. Messages take arguments, choose plurals with the
//! language's own rules and, in Spanish, agree in gender through selectors;
//! nothing is glued together from fragments. Numbers, dates, percentages,
//! durations and file sizes are written by [`format`], the one place that
//! knows each language's conventions.
//!
//! The catalog test (`tests/catalog.rs`) fails on a message missing in
//! either language, a message no source file uses, a lookup of an id the
//! catalog does not have, and on arguments that differ between languages.
//!
//! # Pseudo-localisation
//! With `TESTIMONIO_PSEUDO_LOCALE=1` in the environment every message and
//! every formatted value comes wrapped in `⟦…⟧`. The walk tests run the CLI
//! and the web app that way and fail on visible text outside the marks: a
//! string that did not come from the catalog.

mod catalog;
pub mod format;
mod lang;

pub use catalog::{Arg, has_message, message, message_with};
pub use lang::Lang;

/// Marks put around every message and formatted value in pseudo-locale mode.
pub const PSEUDO_OPEN: char = '⟦';
/// See [`PSEUDO_OPEN`].
pub const PSEUDO_CLOSE: char = '⟧';

/// Looks up a message in the catalog.
///
/// `tr!(lang, "id")` is a `&'static str`; with arguments,
/// `tr!(lang, "id", count = n, name = person)` is a `String`. Argument names
/// are the Fluent variables (`$count`, `$name`). Numbers select plurals and
/// are written by [`format::number`]; text is inserted as is.
///
/// Always write the id as a literal: the catalog test finds uses by it.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal $(,)?) => {
        $crate::message($lang, $id)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::message_with($lang, $id, &[$((stringify!($name), $crate::Arg::from($value))),+])
    };
}
