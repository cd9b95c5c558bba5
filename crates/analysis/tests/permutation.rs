//! The permutation test against its exact value, brute force, and itself.

mod common;

use std::num::NonZeroUsize;

use common::{day, event, fixture, person};
use testimonio_analysis::{
    AnalysisError, AnalysisInput, PermutationOptions, exact_p_value, permutation_test,
};

/// Person A: activities 2023-01-10 and 2023-02-09, actions 2023-01-25
/// (15 days after) and 2023-02-20 (11 days after), period 2023-01-01 to
/// 2023-03-31 (90 days). Person B: activity 2023-01-15, action 2023-02-10
/// (26 days after), period 2023-01-01 to 2023-02-28 (59 days). With a cap
/// of 30 days, the observed statistic is (15 + 11 + 26) / 3 = 17.33 days.
fn tiny() -> AnalysisInput {
    let mut a = person("a", &[], None);
    a.documented_period = Some((day("2023-01-01"), day("2023-03-31")));
    let mut b = person("b", &[], None);
    b.documented_period = Some((day("2023-01-01"), day("2023-02-28")));
    let events = vec![
        event(
            "a1",
            "protest",
            "2023-01-10",
            &[("a", "organizer")],
            &[],
            None,
            None,
        ),
        event(
            "a2",
            "protest",
            "2023-02-09",
            &[("a", "organizer")],
            &[],
            None,
            None,
        ),
        event(
            "a3",
            "detention",
            "2023-01-25",
            &[("a", "target")],
            &[],
            None,
            None,
        ),
        event(
            "a4",
            "notice_to_appear",
            "2023-02-20",
            &[("a", "target")],
            &[],
            None,
            None,
        ),
        event(
            "b1",
            "vigil",
            "2023-01-15",
            &[("b", "participant")],
            &[],
            None,
            None,
        ),
        event(
            "b2",
            "detention",
            "2023-02-10",
            &[("b", "target")],
            &[],
            None,
            None,
        ),
    ];
    AnalysisInput::new(vec![a, b], events).unwrap()
}

fn options(permutations: u32, seed: u64) -> PermutationOptions {
    PermutationOptions {
        permutations,
        seed,
        cap_days: 30,
        threads: None,
    }
}

/// Capped days on `day` (days from 2023-01-01) given activity days, written
/// independently of the crate.
fn score(activities: &[i64], day: i64, cap: i64) -> i64 {
    activities
        .iter()
        .filter(|&&t| t <= day)
        .map(|&t| (day - t).min(cap))
        .min()
        .unwrap_or(cap)
}

#[test]
fn exact_matches_brute_force_enumeration() {
    // Days from 2023-01-01: A's activities 9 and 39, B's 14; A's period
    // 0..=89, B's 0..=58. Observed: 15 + 11 + 26 = 52.
    let (a_act, b_act) = ([9, 39], [14]);
    let observed = score(&a_act, 24, 30) + score(&a_act, 50, 30) + score(&b_act, 40, 30);
    assert_eq!(observed, 52);
    let (mut as_close, mut total) = (0u64, 0u64);
    for x in 0..90 {
        for y in 0..90 {
            for z in 0..59 {
                let s = score(&a_act, x, 30) + score(&a_act, y, 30) + score(&b_act, z, 30);
                total += 1;
                as_close += u64::from(s <= observed);
            }
        }
    }
    assert_eq!(total, 90 * 90 * 59);
    let brute = as_close as f64 / total as f64;
    let exact = exact_p_value(&tiny(), &options(1, 0)).unwrap();
    assert!(
        (exact - brute).abs() < 1e-12,
        "exact {exact}, brute force {brute}"
    );
    // A moderate p-value, so that the Monte Carlo comparison below means
    // something.
    assert!(exact > 0.05 && exact < 0.6, "{exact}");
}

#[test]
fn monte_carlo_is_within_a_hundredth_of_exact() {
    let input = tiny();
    let exact = exact_p_value(&input, &options(1, 0)).unwrap();
    let result = permutation_test(&input, &options(20_000, 7)).unwrap();
    assert_eq!(result.permutations, 20_000);
    assert_eq!(result.pairs, 3);
    assert!((result.observed_mean_days - 52.0 / 3.0).abs() < 1e-12);
    assert!(
        (result.p_value - exact).abs() < 0.01,
        "Monte Carlo {} vs exact {exact}",
        result.p_value
    );
    assert_eq!(
        result.p_value,
        (1 + result.as_close_or_closer) as f64 / 20_001.0
    );
    // Chance puts the actions further away on average than observed.
    assert!(result.null_mean_days > result.observed_mean_days);
    assert!(result.null_percentile_2_5 <= result.null_days.median);
    assert!(result.null_days.median <= result.null_percentile_97_5);
    assert!(result.method.en.contains("20000 permutations, seed 7"));
    assert!(result.method.es.contains("20000 permutaciones, semilla 7"));
}

#[test]
fn same_seed_same_result_on_any_number_of_threads() {
    let input = fixture();
    let run = |threads: usize| {
        let o = PermutationOptions {
            threads: NonZeroUsize::new(threads),
            ..options(2_001, 42)
        };
        permutation_test(&input, &o).unwrap()
    };
    let one = run(1);
    for threads in [2, 3, 4, 7, 64] {
        assert_eq!(run(threads), one, "{threads} threads");
    }
    // And again, for the same seed: nothing depends on the clock.
    assert_eq!(run(1), one);
    let other = permutation_test(&input, &options(2_001, 43)).unwrap();
    assert_ne!(other.null_mean_days, one.null_mean_days);
}

#[test]
fn no_earlier_activity_scores_the_cap() {
    let input = fixture();
    let r = permutation_test(
        &input,
        &PermutationOptions {
            permutations: 100,
            ..Default::default()
        },
    )
    .unwrap();
    // The fixture's 7 pairs: 10, 90, 30, 107, none, 181, 0 days; with the
    // default cap of 365 the pair without (e10/p3) scores 365:
    // (10 + 90 + 30 + 107 + 365 + 181 + 0) / 7 = 783 / 7.
    assert_eq!(r.pairs_without_earlier, 1);
    assert_eq!(r.people, 4);
    assert!((r.observed_mean_days - 783.0 / 7.0).abs() < 1e-12);
    // With a cap of 100: 10 + 90 + 30 + 100 + 100 + 100 + 0 = 430.
    let capped = permutation_test(
        &input,
        &PermutationOptions {
            permutations: 100,
            cap_days: 100,
            ..Default::default()
        },
    )
    .unwrap();
    assert!((capped.observed_mean_days - 430.0 / 7.0).abs() < 1e-12);
}

#[test]
fn people_without_any_activity_do_not_move_the_p_value() {
    // Adding a person whose actions can never follow an activity adds the
    // same constant to every permutation and to the observed statistic.
    let base = tiny();
    let mut people = base.people().to_vec();
    let mut events = base.events().to_vec();
    people.push(person("c", &[], None));
    events.push(event(
        "c1",
        "detention",
        "2023-01-20",
        &[("c", "target")],
        &[],
        None,
        None,
    ));
    events.push(event(
        "c2",
        "detention",
        "2023-03-20",
        &[("c", "target")],
        &[],
        None,
        None,
    ));
    let more = AnalysisInput::new(people, events).unwrap();
    let exact = |i: &AnalysisInput| exact_p_value(i, &options(1, 0)).unwrap();
    assert!((exact(&base) - exact(&more)).abs() < 1e-12);
    let mc = |i: &AnalysisInput| {
        permutation_test(i, &options(500, 1))
            .unwrap()
            .as_close_or_closer
    };
    assert_eq!(mc(&base), mc(&more));
}

#[test]
fn strong_signal_gives_the_smallest_p_value() {
    // Ten people, each with an action the day after each of four protests
    // spread over a four-year period: nothing by chance comes that close.
    let mut people = Vec::new();
    let mut events = Vec::new();
    for i in 0..10 {
        let name = format!("p{i}");
        let mut p = person(&name, &[], None);
        p.documented_period = Some((day("2019-01-01"), day("2022-12-31")));
        people.push(p);
        for (j, (protest, action)) in [
            ("2019-03-04", "2019-03-05"),
            ("2020-06-10", "2020-06-11"),
            ("2021-02-01", "2021-02-02"),
            ("2022-09-15", "2022-09-16"),
        ]
        .iter()
        .enumerate()
        {
            events.push(event(
                &format!("{name}-a{j}"),
                "protest",
                protest,
                &[(&name, "organizer")],
                &[],
                None,
                None,
            ));
            events.push(event(
                &format!("{name}-e{j}"),
                "detention",
                action,
                &[(&name, "target")],
                &[],
                None,
                None,
            ));
        }
    }
    let input = AnalysisInput::new(people, events).unwrap();
    let r = permutation_test(&input, &options(999, 3)).unwrap();
    assert_eq!(r.as_close_or_closer, 0);
    assert_eq!(r.p_value, 1.0 / 1000.0);
    assert_eq!(r.observed_mean_days, 1.0);
}

#[test]
fn refusals() {
    let input = fixture();
    assert_eq!(
        permutation_test(&input, &options(0, 0)).unwrap_err(),
        AnalysisError::NoPermutations
    );
    let quiet = AnalysisInput::new(
        vec![person("p1", &[], None)],
        vec![event(
            "e1",
            "protest",
            "2023-01-01",
            &[("p1", "organizer")],
            &[],
            None,
            None,
        )],
    )
    .unwrap();
    assert_eq!(
        permutation_test(&quiet, &options(10, 0)).unwrap_err(),
        AnalysisError::NothingToTest
    );
    assert_eq!(
        exact_p_value(&quiet, &options(10, 0)).unwrap_err(),
        AnalysisError::NothingToTest
    );
}

#[test]
fn exact_refuses_large_inputs() {
    let mut people = Vec::new();
    let mut events = Vec::new();
    for i in 0..40 {
        let name = format!("p{i}");
        let mut p = person(&name, &[], None);
        p.documented_period = Some((day("2000-01-01"), day("2020-12-31")));
        people.push(p);
        events.push(event(
            &format!("{name}-a"),
            "protest",
            "2010-01-01",
            &[(&name, "organizer")],
            &[],
            None,
            None,
        ));
        for j in 0..10 {
            events.push(event(
                &format!("{name}-e{j}"),
                "detention",
                &format!("201{j}-06-01"),
                &[(&name, "target")],
                &[],
                None,
                None,
            ));
        }
    }
    let input = AnalysisInput::new(people, events).unwrap();
    assert_eq!(
        exact_p_value(&input, &PermutationOptions::default()).unwrap_err(),
        AnalysisError::TooLargeForExact
    );
}

#[test]
fn result_serializes_with_stable_names() {
    let r = permutation_test(&tiny(), &options(100, 5)).unwrap();
    let v = serde_json::to_value(&r).unwrap();
    for key in [
        "pairs",
        "people",
        "pairs_without_earlier",
        "observed_mean_days",
        "null_mean_days",
        "null_days",
        "null_percentile_2_5",
        "null_percentile_97_5",
        "as_close_or_closer",
        "permutations",
        "p_value",
        "seed",
        "cap_days",
        "method",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["null_days"]["n"], 100);
}
