//! The query language on arbitrary input: parsing never panics, never
//! loops, and a query it accepts is within the bounds (depth, terms),
//! compiles to a tantivy query with the real schema, and highlights a page.
//! Run: `cargo fuzz run -s none query` (from the repository root).
//!
//! Searching an index is left out: with debug assertions (cargo fuzz's
//! default) tantivy 0.27 asserts on a phrase under NOT whose words occur
//! but not as a phrase (`notas -"oficina notas"`; tantivy issue #2811),
//! where release builds answer correctly.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use testimonio_search::compile::compile;
use testimonio_search::highlight::{matches, snippet};
use testimonio_search::query::{MAX_DEPTH, depth, parse, positive_text};
use testimonio_search::schema::{Fields, schema};

const PAGE: &str = "Notas de la vigilia: la activista María José Peña Núñez habló frente a la \
    oficina. The protest leader spoke; Dermody signed the 2025-ICLI-00019 release.";

fn fields() -> &'static Fields {
    static FIELDS: OnceLock<Fields> = OnceLock::new();
    FIELDS.get_or_init(|| schema().1)
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let node = match parse(input) {
        Ok(node) => node,
        Err(e) => {
            assert!(e.position <= input.chars().count());
            return;
        }
    };
    assert!(depth(&node) <= MAX_DEPTH);
    let _ = compile(&node, fields());
    let leaves = positive_text(&node);
    for (start, end) in matches(PAGE, &leaves) {
        assert!(start <= end && PAGE.is_char_boundary(start) && PAGE.is_char_boundary(end));
    }
    let _ = snippet(PAGE, &leaves);
});
