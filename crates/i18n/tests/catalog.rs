//! The catalog is whole: every file parses, both languages have the same
//! messages with the same arguments, every message is used by some source
//! file, and every literal id looked up in the source exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};
use fluent_syntax::parser;

struct Message {
    file: PathBuf,
    variables: BTreeSet<String>,
    references: BTreeSet<String>,
}

fn locale_dir(lang: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang)
}

fn workspace_crates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("crates/")
        .to_owned()
}

fn load(lang: &str) -> BTreeMap<String, Message> {
    let mut messages = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(locale_dir(lang))
        .expect("locale directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable ftl");
        let resource = match parser::parse(text.as_str()) {
            Ok(resource) => resource,
            Err((_, errors)) => {
                let report: Vec<String> = errors
                    .iter()
                    .map(|e| {
                        let line = text[..e.pos.start].matches('\n').count() + 1;
                        format!("{}:{line}: {:?}", file.display(), e.kind)
                    })
                    .collect();
                panic!("the catalog does not parse:\n{}", report.join("\n"));
            }
        };
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                let mut references = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    walk_pattern(pattern, &mut variables, &mut references);
                }
                for attribute in &message.attributes {
                    walk_pattern(&attribute.value, &mut variables, &mut references);
                }
                let id = message.id.name.to_owned();
                assert!(
                    id.contains('-') && !id.contains('_'),
                    "{}: message ids are `area-name` in kebab case, not {id}",
                    file.display()
                );
                let previous = messages.insert(
                    id.clone(),
                    Message {
                        file: file.clone(),
                        variables,
                        references,
                    },
                );
                assert!(previous.is_none(), "{lang}: message {id} is defined twice");
            }
        }
    }
    messages
}

fn walk_pattern(
    pattern: &ast::Pattern<&str>,
    variables: &mut BTreeSet<String>,
    references: &mut BTreeSet<String>,
) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, variables, references);
        }
    }
}

fn walk_expression(
    expression: &Expression<&str>,
    variables: &mut BTreeSet<String>,
    references: &mut BTreeSet<String>,
) {
    match expression {
        Expression::Select { selector, variants } => {
            // A variable that only chooses a variant (a gender, a precision)
            // may be needed by one language and not the other.
            let mut selector_variables = BTreeSet::new();
            walk_inline(selector, &mut selector_variables, references);
            variables.extend(selector_variables.into_iter().map(|v| format!("?{v}")));
            for variant in variants {
                walk_pattern(&variant.value, variables, references);
            }
        }
        Expression::Inline(inline) => walk_inline(inline, variables, references),
    }
}

fn walk_inline(
    inline: &InlineExpression<&str>,
    variables: &mut BTreeSet<String>,
    references: &mut BTreeSet<String>,
) {
    match inline {
        InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_owned());
        }
        InlineExpression::MessageReference { id, .. } => {
            references.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => {
            walk_expression(expression, variables, references)
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                walk_inline(argument, variables, references);
            }
        }
        _ => {}
    }
}

/// Every `.rs` file under `crates/*/src` (tests do not count as uses).
fn sources() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(workspace_crates()) {
        let entry = entry.expect("readable workspace");
        let path = entry.path();
        let in_src = path.components().any(|c| c.as_os_str() == "src");
        if in_src && path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.to_owned(),
                std::fs::read_to_string(path).expect("readable source"),
            ));
        }
    }
    out
}

/// Ids looked up with a literal in the source: `tr!(lang, "id"`,
/// `t(lang, "id")`, `.t("id")`, `message(lang, "id")`.
fn literal_lookups(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for opener in ["tr!(", "t(", ".t(", "message(", "message_with("] {
        for (at, _) in text.match_indices(opener) {
            // `t(` must be the whole name, not the end of `list(`.
            if opener == "t(" && at > 0 {
                let before = text.as_bytes()[at - 1];
                if before.is_ascii_alphanumeric() || before == b'_' || before == b'.' {
                    continue;
                }
            }
            let rest = &text[at + opener.len()..];
            // The id is the first string literal, before the call closes.
            let Some(quote) = rest.find('"') else {
                continue;
            };
            if rest[..quote].contains([')', ';', '{']) {
                continue;
            }
            let literal = &rest[quote + 1..];
            let Some(end) = literal.find('"') else {
                continue;
            };
            let id = &literal[..end];
            // Catalog ids are `area-name`: a word without a hyphen is text.
            if id.contains('-')
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                let line = text[..at].matches('\n').count() + 1;
                found.push((line, id.to_owned()));
            }
        }
    }
    found
}

#[test]
fn both_languages_have_the_same_messages_and_arguments() {
    let english = load("en");
    let spanish = load("es");
    let mut problems = Vec::new();
    for (id, message) in &english {
        match spanish.get(id) {
            None => problems.push(format!(
                "{id} ({}) is missing in Spanish",
                message.file.display()
            )),
            Some(other) => {
                let shown = |m: &Message| -> BTreeSet<String> {
                    m.variables
                        .iter()
                        .filter(|v| !v.starts_with('?'))
                        .cloned()
                        .collect()
                };
                let (english_shown, spanish_shown) = (shown(message), shown(other));
                let spanish_only: BTreeSet<_> = spanish_shown.difference(&english_shown).collect();
                let english_only: BTreeSet<_> = english_shown.difference(&spanish_shown).collect();
                if !spanish_only.is_empty() || !english_only.is_empty() {
                    problems.push(format!(
                        "{id}: arguments differ (only English: {english_only:?}, only Spanish: {spanish_only:?})"
                    ));
                }
            }
        }
    }
    for (id, message) in &spanish {
        if !english.contains_key(id) {
            problems.push(format!(
                "{id} ({}) is missing in English",
                message.file.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_is_used_and_every_lookup_exists() {
    let english = load("en");
    let sources = sources();
    let mut referenced: BTreeSet<&str> = english
        .values()
        .flat_map(|m| m.references.iter().map(String::as_str))
        .collect();
    let mut problems = Vec::new();
    for (path, text) in &sources {
        for (line, id) in literal_lookups(text) {
            if !english.contains_key(&id) {
                problems.push(format!("{}:{line}: no message {id}", path.display()));
            }
        }
    }
    for id in english.keys() {
        let quoted = format!("\"{id}\"");
        if sources.iter().any(|(_, text)| text.contains(&quoted)) {
            referenced.insert(id);
        }
    }
    for (id, message) in &english {
        if !referenced.contains(id.as_str()) {
            problems.push(format!("{id} ({}) is never used", message.file.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_message_is_empty_in_either_language() {
    for lang in ["en", "es"] {
        for entry in std::fs::read_dir(locale_dir(lang)).expect("locale directory") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("readable ftl");
            let resource = parser::parse(text.as_str()).expect("parses (checked above)");
            for entry in resource.body {
                if let Entry::Message(message) = entry {
                    assert!(
                        message.value.is_some() || !message.attributes.is_empty(),
                        "{}: {} has no text",
                        path.display(),
                        message.id.name
                    );
                }
            }
        }
    }
}
