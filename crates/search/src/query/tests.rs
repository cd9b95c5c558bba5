use super::*;

fn word(text: &str) -> Node {
    Node::Text(TextQuery::Word {
        text: text.into(),
        prefix: false,
        fuzzy: None,
        exact: false,
    })
}

#[test]
fn words_side_by_side_are_and_and_or_binds_looser() {
    assert_eq!(
        parse("a b OR c").unwrap(),
        Node::Or(vec![Node::And(vec![word("a"), word("b")]), word("c")])
    );
    assert_eq!(
        parse("a AND (b OR c) NOT d").unwrap(),
        Node::And(vec![
            word("a"),
            Node::Or(vec![word("b"), word("c")]),
            Node::Not(Box::new(word("d")))
        ])
    );
    assert_eq!(
        parse("a -b").unwrap(),
        Node::And(vec![word("a"), Node::Not(Box::new(word("b")))])
    );
    assert_eq!(parse("2025-ICLI-00019").unwrap(), word("2025-ICLI-00019"));
}

#[test]
fn phrases_proximity_prefix_and_fuzzy() {
    assert_eq!(
        parse("\"protest leader\"~5").unwrap(),
        Node::Text(TextQuery::Phrase {
            text: "protest leader".into(),
            slop: 5,
            exact: false
        })
    );
    assert_eq!(
        parse("clout NEAR/3 protest").unwrap(),
        Node::Text(TextQuery::Near {
            left: "clout".into(),
            right: "protest".into(),
            distance: 3
        })
    );
    assert_eq!(
        parse("inst*").unwrap(),
        Node::Text(TextQuery::Word {
            text: "inst".into(),
            prefix: true,
            fuzzy: None,
            exact: false
        })
    );
    assert_eq!(
        parse("Dermody~2").unwrap(),
        Node::Text(TextQuery::Word {
            text: "Dermody".into(),
            prefix: false,
            fuzzy: Some(2),
            exact: false
        })
    );
    assert_eq!(
        parse("exact:\"José Peña\"").unwrap(),
        Node::Text(TextQuery::Phrase {
            text: "José Peña".into(),
            slop: 0,
            exact: true
        })
    );
}

#[test]
fn filters_and_date_ranges() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
    assert_eq!(
        parse("date:2017..2019").unwrap(),
        Node::Filter(Filter::Date {
            from: d(2017, 1, 1),
            to: d(2019, 12, 31)
        })
    );
    assert_eq!(
        parse("date:2024-02").unwrap(),
        Node::Filter(Filter::Date {
            from: d(2024, 2, 1),
            to: d(2024, 2, 29)
        })
    );
    assert_eq!(
        parse("date:..2019-06-30").unwrap(),
        Node::Filter(Filter::Date {
            from: None,
            to: d(2019, 6, 30)
        })
    );
    assert_eq!(
        parse("protest source:foia_production").unwrap(),
        Node::And(vec![
            word("protest"),
            Node::Filter(Filter::Source("foia_production".into()))
        ])
    );
}

#[test]
fn malformed_queries_say_where_and_why() {
    let problem = |q: &str| parse(q).unwrap_err();
    assert_eq!(problem("").problem, QueryProblem::Empty);
    assert_eq!(
        problem("\"open phrase").problem,
        QueryProblem::UnclosedQuote
    );
    assert_eq!(
        problem("(a OR b").problem,
        QueryProblem::UnclosedParenthesis
    );
    assert_eq!(problem("a)").position, 1);
    assert_eq!(
        problem("protest AND (").problem,
        QueryProblem::UnclosedParenthesis
    );
    assert_eq!(problem("protest AND (").position, 12);
    assert_eq!(problem("a OR").problem, QueryProblem::MissingOperand("OR"));
    assert_eq!(
        problem("AND a").problem,
        QueryProblem::MissingOperand("AND")
    );
    assert_eq!(
        problem("colour:red").problem,
        QueryProblem::UnknownField("colour".into())
    );
    assert_eq!(
        problem("date:2019..2017").problem,
        QueryProblem::BadDate("2019..2017".into())
    );
    assert_eq!(problem("a~3").problem, QueryProblem::FuzzyDistance);
    assert_eq!(problem("i*").problem, QueryProblem::PrefixTooShort);
    assert_eq!(problem("NOT a").problem, QueryProblem::OnlyNegative);
    assert_eq!(
        problem("a NEAR/5 bc*").problem,
        QueryProblem::NearNeedsWords
    );
    let e = problem("protest AND");
    assert_eq!(e.position, 8);
    assert!(e.to_string().contains("character 9"));
    assert!(e.problem.message(Lang::Es).contains("necesita"));
}

/// A colon at the start of a word used to stop the lexer without
/// moving on: `:` alone grew the token list until memory ran out.
#[test]
fn a_leading_colon_is_read_and_moves_on() {
    assert_eq!(parse(":").unwrap(), word(":"));
    assert_eq!(
        parse("a :b").unwrap(),
        Node::And(vec![word("a"), word(":b")])
    );
    assert_eq!(
        parse("::x").unwrap_err().problem,
        QueryProblem::UnknownField(":".into())
    );
    assert_eq!(
        parse("kind:page").unwrap(),
        Node::Filter(Filter::Kind("page".into()))
    );
}

fn not(node: Node) -> Node {
    Node::Not(Box::new(node))
}

/// Words, phrases and filters in a tree (a NEAR is one).
fn leaves(node: &Node) -> usize {
    match node {
        Node::And(children) | Node::Or(children) => children.iter().map(leaves).sum(),
        Node::Not(inner) => leaves(inner),
        Node::Text(_) | Node::Filter(_) => 1,
    }
}

/// A query whose tree is `levels` deep: AND and OR alternate, each in
/// its own parentheses, so that nothing simplifies away.
fn alternating(levels: usize) -> String {
    let mut query = "w0".to_owned();
    for level in 1..=levels {
        query = match level {
            1 => format!("w1 {query}"),
            n if n % 2 == 0 => format!("w{n} OR ({query})"),
            n => format!("w{n} ({query})"),
        };
    }
    query
}

#[test]
fn double_negations_and_nested_groups_simplify() {
    assert_eq!(parse("NOT NOT a").unwrap(), word("a"));
    assert_eq!(parse("--a").unwrap(), word("a"));
    assert_eq!(parse("NOT -a").unwrap(), word("a"));
    assert_eq!(parse("-(-a)").unwrap(), word("a"));
    assert_eq!(
        parse("a NOT NOT NOT b").unwrap(),
        Node::And(vec![word("a"), not(word("b"))])
    );
    assert_eq!(
        parse("a NOT (NOT (b OR c))").unwrap(),
        Node::And(vec![word("a"), Node::Or(vec![word("b"), word("c")])])
    );
    assert_eq!(
        parse("a NEAR/3 --b").unwrap(),
        Node::Text(TextQuery::Near {
            left: "a".into(),
            right: "b".into(),
            distance: 3
        })
    );
    assert_eq!(
        parse("a (b (c -d))").unwrap(),
        Node::And(vec![word("a"), word("b"), word("c"), not(word("d"))])
    );
    assert_eq!(
        parse("a OR (b OR (c OR d))").unwrap(),
        Node::Or(vec![word("a"), word("b"), word("c"), word("d")])
    );
    assert_eq!(parse("((((a))))").unwrap(), word("a"));
    // What is left of a negation is still refused alone.
    assert_eq!(
        parse("NOT NOT NOT a").unwrap_err().problem,
        QueryProblem::OnlyNegative
    );
}

#[test]
fn depth_is_bounded_after_simplifying() {
    for levels in [1, 2, 3, 17, MAX_DEPTH] {
        let query = alternating(levels);
        assert_eq!(depth(&parse(&query).unwrap()), levels, "{query}");
    }
    let query = alternating(MAX_DEPTH + 1);
    let e = parse(&query).unwrap_err();
    assert_eq!(e.problem, QueryProblem::TooDeep, "{query}");
    // At the start of the group that went past the bound: the
    // outermost one, which opens the query.
    assert_eq!(e.position, 0);
    // Negations that cancel out cost no depth.
    let cancelled = format!("a {}b", "NOT NOT ".repeat(MAX_DEPTH));
    assert_eq!(
        parse(&cancelled).unwrap(),
        Node::And(vec![word("a"), word("b")])
    );
    for message in [
        QueryProblem::TooDeep.message(Lang::En),
        QueryProblem::TooManyTerms.message(Lang::En),
    ] {
        assert!(
            message.contains(&MAX_DEPTH.to_string()) || message.contains("256"),
            "{message}"
        );
    }
    assert!(
        QueryProblem::TooDeep
            .message(Lang::Es)
            .starts_with("la consulta anida demasiados niveles")
    );
}

#[test]
fn hostile_nesting_is_refused_where_it_goes_too_deep() {
    // The query that took the server down: a, 600 dashes, b.
    let dashes = format!("a {}b", "-".repeat(600));
    let e = parse(&dashes).unwrap_err();
    assert_eq!(e.problem, QueryProblem::TooDeep);
    // At the first dash past the bound (characters 0 and 1 are "a ").
    assert_eq!(e.position, 2 + MAX_NESTING);
    assert!(
        e.to_string()
            .starts_with("at character 67: the query nests too deeply")
    );

    let open = "(".repeat(10_000);
    let e = parse(&open).unwrap_err();
    assert_eq!(
        (e.problem, e.position),
        (QueryProblem::TooDeep, MAX_NESTING)
    );

    let nots = format!("a {}b", "NOT ".repeat(5_000));
    let e = parse(&nots).unwrap_err();
    assert_eq!(
        (e.problem, e.position),
        (QueryProblem::TooDeep, 2 + 4 * MAX_NESTING)
    );

    let near = format!("a{}", " NEAR/2 a".repeat(2_000));
    assert_eq!(
        parse(&near).unwrap_err().problem,
        QueryProblem::NearNeedsWords
    );

    let mixed = "a -(NOT (b OR -".repeat(500);
    assert_eq!(parse(&mixed).unwrap_err().problem, QueryProblem::TooDeep);
}

#[test]
fn terms_are_bounded() {
    let most = vec!["w"; MAX_TERMS].join(" OR ");
    assert_eq!(leaves(&parse(&most).unwrap()), MAX_TERMS);
    let too_many = format!("{most} OR x");
    let e = parse(&too_many).unwrap_err();
    assert_eq!(e.problem, QueryProblem::TooManyTerms);
    assert_eq!(e.position, too_many.len() - 1);
    let chain = "a ".repeat(100_000);
    assert_eq!(
        parse(&chain).unwrap_err().problem,
        QueryProblem::TooManyTerms
    );
    assert!(
        QueryProblem::TooManyTerms
            .message(Lang::Es)
            .contains("demasiados términos")
    );
}

/// The parser's own recursion is bounded: hostile input is refused on a
/// small stack (the old parser recursed once per `(` or NOT, and its
/// tree was dropped recursively too).
#[test]
fn hostile_input_parses_on_a_small_stack() {
    let inputs = [
        format!("a {}b", "-".repeat(600)),
        format!("a {}b", "-".repeat(100_000)),
        "(".repeat(100_000),
        format!("{}a{}", "(".repeat(50_000), ")".repeat(50_000)),
        format!("a {}b", "NOT ".repeat(50_000)),
        "a -(b OR ".repeat(20_000),
        alternating(MAX_DEPTH),
    ];
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            for input in &inputs {
                if let Ok(node) = parse(input) {
                    assert!(depth(&node) <= MAX_DEPTH);
                }
            }
        })
        .unwrap()
        .join()
        .unwrap();
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of hostile queries, each repeated many times.
    fn piece() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "(",
            ")",
            "-",
            "NOT ",
            "NEAR ",
            "NEAR/3 ",
            "OR ",
            "AND ",
            "a ",
            "bc ",
            "\"d e\" ",
            "kind:page ",
            "x~1 ",
            "yz* ",
            " ",
            "--",
            "-(",
        ]);
        (pieces, 1_usize..300).prop_map(|(p, n)| p.repeat(n))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn never_panics_and_never_goes_past_the_bounds(
            pieces in prop::collection::vec(piece(), 0..12)
        ) {
            let query: String = pieces.concat();
            if let Ok(node) = parse(&query) {
                prop_assert!(depth(&node) <= MAX_DEPTH, "{query}");
                prop_assert!(leaves(&node) <= MAX_TERMS, "{query}");
                prop_assert!(has_positive(&node));
            }
        }

        #[test]
        fn any_text_is_read_or_refused_with_a_position_inside_it(query in "\\PC{0,200}") {
            match parse(&query) {
                Ok(node) => prop_assert!(depth(&node) <= MAX_DEPTH),
                Err(e) => prop_assert!(e.position <= query.chars().count()),
            }
        }
    }
}

mod operators;
