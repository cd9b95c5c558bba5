use super::*;
use crate::query::{parse, positive_text};

fn marked(text: &str, query: &str) -> String {
    let node = parse(query).unwrap();
    snippet(text, &positive_text(&node)).marked("[", "]")
}

#[test]
fn words_phrases_fuzzy_and_accents_are_marked() {
    let text = "The agent called José Peña an instigator at the protest.";
    assert!(marked(text, "jose pena").contains("[José] [Peña]"));
    assert!(marked(text, "\"called jose\"").contains("[called] [José]"));
    assert!(marked(text, "instigater~1").contains("[instigator]"));
    assert!(marked(text, "inst*").contains("[instigator]"));
    assert!(marked(text, "agent NEAR/3 pena").contains("[agent]"));
    assert!(!marked(text, "exact:jose").contains('['));
    assert!(marked(text, "exact:José").contains("[José]"));
    assert!(!marked(text, "protest -agent").contains("[agent]"));
}

#[test]
fn edits_are_counted_like_the_index() {
    assert!(within_edits("dermody", "derrnody", 2));
    assert!(!within_edits("dermody", "derrnody", 1));
    assert!(
        within_edits("icli", "ilci", 1),
        "a transposition is one edit"
    );
    assert!(!within_edits("abc", "xyz", 2));
}

#[test]
fn a_snippet_stays_on_character_boundaries() {
    let text = "ñ".repeat(300) + " protesta " + &"á".repeat(300);
    let s = marked(&text, "protesta");
    assert!(s.contains("[protesta]"));
    assert!(s.starts_with('…') && s.ends_with('…'));
}

fn count(text: &str, query: &str) -> usize {
    let node = parse(query).unwrap();
    find(text, &positive_text(&node)).occurrences
}

#[test]
fn other_word_forms_are_marked_as_the_page_writes_them() {
    let text = "Las agentes llamaron instigadoras a las mujeres. The proceedings began.";
    assert!(marked(text, "instigadora").contains("[instigadoras]"));
    assert!(marked(text, "proceeding").contains("[proceedings]"));
    assert!(marked(text, "\"proceeding began\"").contains("[proceedings] [began]"));
    assert!(marked(text, "instigadora NEAR/2 mujer").contains("[instigadoras]"));
    // exact: stays exact.
    assert!(!marked(text, "exact:proceeding").contains('['));
    assert!(!marked(text, "exact:\"proceeding began\"").contains('['));
    // Prefix and fuzzy matches are not stemmed.
    assert!(!marked(text, "proceedingz~1").contains("[began]"));
}

#[test]
fn a_page_plainly_in_one_language_is_not_stemmed_in_the_other() {
    // The Spanish stemmer makes "pen" the stem of "pena": an English page
    // does not answer "pena" with "pen".
    let english = "The officer said that the pen was on the table and that the \
        vigil was on the corner of the street, with the families of the detained. "
        .repeat(2);
    assert!(!marked(&english, "pena").contains('['));
    assert!(marked(&english, "pens").contains("[pen]"));
    // A bilingual page is in both (and there the Spanish stem meets the
    // English "pen" too: the price of not missing "pena").
    let both = format!("{english} La pena de las familias.");
    let node = parse("penas").unwrap();
    let found: Vec<&str> = matches(&both, &positive_text(&node))
        .into_iter()
        .map(|(from, to)| &both[from..to])
        .collect();
    assert_eq!(found, ["pen", "pen", "pena"]);
}

#[test]
fn an_occurrence_counts_once() {
    let text = "The hunger strike began. A second hunger strike followed; the strikes ended.";
    // One phrase occurrence is one, not one per word.
    assert_eq!(count(text, "\"hunger strike\""), 2);
    assert_eq!(count("only one hunger strike here", "\"hunger strike\""), 1);
    // Words: each once, whichever forms matched it.
    assert_eq!(count(text, "strike"), 3);
    assert_eq!(count(text, "strike strikes"), 3);
    // Overlapping matches: a word inside a phrase the query also names,
    // the same phrase twice, a NEAR found both ways.
    assert_eq!(count(text, "\"hunger strike\" strike"), 3);
    assert_eq!(count(text, "\"hunger strike\" OR \"hunger strikes\""), 2);
    assert_eq!(count("strike hunger strike", "hunger NEAR/1 strike"), 1);
    // Marks stay on words.
    assert!(marked(text, "\"hunger strike\"").contains("[hunger] [strike]"));
}

fn boxed(words: &[&str], query: &str) -> Vec<String> {
    let node = parse(query).expect("query parses");
    let marked = matched_words(words, &positive_text(&node));
    assert_eq!(marked.len(), words.len(), "one answer per word");
    words
        .iter()
        .zip(marked)
        .filter(|(_, m)| *m)
        .map(|(w, _)| (*w).to_owned())
        .collect()
}

#[test]
fn word_boxes_are_marked_as_the_page_text_is() {
    let words = [
        "The",
        "detention",
        "proceedings,",
        "of",
        "María",
        "José",
        "Peña",
        "ended.",
        "A",
        "hunger",
        "strike",
        "began.",
    ];
    // Word forms, accents and trailing punctuation, as in the text.
    assert_eq!(boxed(&words, "proceeding"), ["proceedings,"]);
    assert_eq!(boxed(&words, "pena"), ["Peña"]);
    // A phrase across what were two lines of the page.
    assert_eq!(
        boxed(&words, "\"ended a hunger\""),
        ["ended.", "A", "hunger"]
    );
    assert_eq!(boxed(&words, "detention AND -strike"), ["detention"]);
    assert!(boxed(&words, "deportation").is_empty());
    assert!(matched_words::<&str>(&[], &[]).is_empty());
}
