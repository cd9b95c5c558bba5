//! The Fluent bundles, built once per process.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use intl_memoizer::concurrent::IntlLangMemoizer;

use crate::Lang;
use crate::format;

const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/en.ftl"));
const SPANISH: &str = include_str!(concat!(env!("OUT_DIR"), "/es.ftl"));

/// A value for a message's variable.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);

struct Catalog {
    bundle: FluentBundle<FluentResource>,
    /// Messages without arguments, formatted once: `tr!(lang, "id")` is then
    /// a `&'static str` and costs a hash lookup.
    plain: HashMap<String, &'static str>,
}

fn catalog(lang: Lang) -> &'static Catalog {
    static ENGLISH_CATALOG: OnceLock<Catalog> = OnceLock::new();
    static SPANISH_CATALOG: OnceLock<Catalog> = OnceLock::new();
    match lang {
        Lang::En => ENGLISH_CATALOG.get_or_init(|| build(Lang::En, ENGLISH)),
        Lang::Es => SPANISH_CATALOG.get_or_init(|| build(Lang::Es, SPANISH)),
    }
}

pub(crate) fn pseudo() -> bool {
    static PSEUDO: OnceLock<bool> = OnceLock::new();
    *PSEUDO.get_or_init(|| {
        std::env::var_os("TESTIMONIO_PSEUDO_LOCALE").is_some_and(|value| value == "1")
    })
}

/// Wraps `text` in the pseudo-locale marks when that mode is on.
pub(crate) fn mark(text: String) -> String {
    if pseudo() {
        format!("{}{text}{}", crate::PSEUDO_OPEN, crate::PSEUDO_CLOSE)
    } else {
        text
    }
}

fn build(lang: Lang, source: &'static str) -> Catalog {
    // The catalog test parses every file and fails on any error, so a
    // resource that does not parse whole cannot ship; keep what parsed.
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, errors)| {
            debug_assert!(errors.is_empty(), "{} catalog: {errors:?}", lang.code());
            partial
        });
    let ids: Vec<String> = resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect();
    let locale = lang
        .code()
        .parse()
        .expect("en and es are valid language tags");
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Arguments are names and numbers inside running text; the invisible
    // isolation marks would show up in PDFs, terminals and tests.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => format_english,
        Lang::Es => format_spanish,
    }));
    bundle
        .add_resource(resource)
        .expect("each id is defined once (checked by the catalog test)");
    let mut plain = HashMap::new();
    for id in ids {
        // Messages that need arguments fail here and are left out.
        let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        if errors.is_empty() {
            let text: &'static str = Box::leak(mark(text.into_owned()).into_boxed_str());
            plain.insert(id, text);
        }
    }
    Catalog { bundle, plain }
}

fn format_english(value: &FluentValue<'_>, _: &IntlLangMemoizer) -> Option<String> {
    format_value(Lang::En, value)
}

fn format_spanish(value: &FluentValue<'_>, _: &IntlLangMemoizer) -> Option<String> {
    format_value(Lang::Es, value)
}

fn format_value(lang: Lang, value: &FluentValue<'_>) -> Option<String> {
    match value {
        FluentValue::Number(FluentNumber { value, options }) => {
            let digits = options.minimum_fraction_digits.unwrap_or(0);
            Some(if digits == 0 && value.fract() == 0.0 {
                format::number_unmarked(lang, *value as i64)
            } else {
                format::decimal_unmarked(lang, *value, digits.max(1))
            })
        }
        _ => None,
    }
}

fn render(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: Option<&FluentArgs<'_>>,
) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = message.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    debug_assert!(errors.is_empty(), "message {id}: {errors:?}");
    Some(text.into_owned())
}

/// The message `id` in `lang`, for messages without arguments. Use [`tr!`].
///
/// An id the catalog lacks is a bug the catalog test catches; in a release
/// build it shows the id rather than stopping a server.
pub fn message(lang: Lang, id: &'static str) -> &'static str {
    match catalog(lang).plain.get(id) {
        Some(text) => text,
        None => {
            debug_assert!(
                false,
                "no message {id} without arguments in the {} catalog",
                lang.code()
            );
            id
        }
    }
}

/// The message `id` in `lang` with its arguments. Use [`tr!`].
pub fn message_with(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_ref())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    match render(&catalog(lang).bundle, id, Some(&fluent_args)) {
        Some(text) => mark(text),
        None => {
            debug_assert!(false, "no message {id} in the {} catalog", lang.code());
            id.to_owned()
        }
    }
}

/// Whether the catalog has message `id` (for tests and for checking ids
/// built from data, such as audit action codes).
pub fn has_message(lang: Lang, id: &str) -> bool {
    catalog(lang).bundle.has_message(id)
}
