//! The Spanish operators beside the English ones.

use super::*;

#[test]
fn spanish_operators_in_capitals_beside_the_english_ones() {
    let same = |spanish: &str, english: &str| {
        assert_eq!(
            parse(spanish).unwrap(),
            parse(english).unwrap(),
            "{spanish}"
        );
    };
    same("huelga O vigilia", "huelga OR vigilia");
    same("huelga Y vigilia", "huelga AND vigilia");
    same("huelga NO vigilia", "huelga NOT vigilia");
    same("huelga CERCA/3 vigilia", "huelga NEAR/3 vigilia");
    same("huelga CERCA vigilia", "huelga NEAR vigilia");
    // The same precedence: Y binds tighter than O, whichever language.
    same("a Y b O c NO d", "a AND b OR c NOT d");
    same("a b O c", "(a AND b) OR c");
    same("a OR b Y c", "a O (b AND c)");
    same("NO NO a", "a");
    // In lower case they are words.
    assert_eq!(
        parse("huelga o vigilia y no").unwrap(),
        Node::And(vec![
            word("huelga"),
            word("o"),
            word("vigilia"),
            word("y"),
            word("no")
        ])
    );
    assert_eq!(
        parse("Cerca").unwrap(),
        word("Cerca"),
        "only capitals make an operator"
    );
}

fn problem(query: &str) -> QueryError {
    parse(query).unwrap_err()
}

#[test]
fn spanish_operators_are_named_as_written_in_errors_with_the_position() {
    let e = problem("huelga O");
    assert_eq!(
        (e.position, e.problem.clone()),
        (7, QueryProblem::MissingOperand("O"))
    );
    assert_eq!(
        e.message(Lang::Es),
        "en el carácter 8: O necesita algo que buscar a cada lado"
    );
    assert_eq!(
        e.message(Lang::En),
        "at character 8: O needs something to search on both sides"
    );
    let e = problem("Y vigilia");
    assert_eq!(
        (e.position, e.problem.clone()),
        (0, QueryProblem::MissingOperand("Y"))
    );
    let e = problem("vigilia NO )");
    assert_eq!(
        (e.position, e.problem.clone()),
        (8, QueryProblem::MissingOperand("NO"))
    );
    let e = problem("vigilia CERCA/101 huelga");
    assert_eq!(
        (e.position, e.problem.clone()),
        (8, QueryProblem::BadDistance)
    );
    let e = problem("inst* CERCA/2 vigilia");
    assert_eq!(
        (e.position, e.problem.clone()),
        (6, QueryProblem::NearNeedsWords)
    );
    assert!(e.message(Lang::Es).contains("CERCA"));
}

#[test]
fn spanish_operators_count_toward_the_same_bounds() {
    // As deep as the English operators allow, and no deeper.
    let nested = |n: usize, not: &str| format!("{}vigilia", format!("a O {not} (").repeat(n));
    let closing = |n: usize| ")".repeat(n);
    let english = |n: usize| format!("{}{}", nested(n, "NOT").replace(" O ", " OR "), closing(n));
    let spanish = |n: usize| format!("{}{}", nested(n, "NO"), closing(n));
    for n in [10, 16, 17, 40] {
        let (en, es) = (parse(&english(n)), parse(&spanish(n)));
        assert_eq!(en.is_ok(), es.is_ok(), "{n}");
        if let (Err(en), Err(es)) = (en, es) {
            assert_eq!(en.problem, es.problem);
        }
    }
    assert_eq!(
        parse(&spanish(40)).unwrap_err().problem,
        QueryProblem::TooDeep
    );
    let many = vec!["vigilia"; MAX_TERMS + 1].join(" O ");
    assert_eq!(
        parse(&many).unwrap_err().problem,
        QueryProblem::TooManyTerms
    );
    assert!(parse(&vec!["vigilia"; MAX_TERMS].join(" Y ")).is_ok());
}
