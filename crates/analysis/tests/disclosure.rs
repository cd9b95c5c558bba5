//! Disclosure control: small counts never show and cannot be worked out
//! from what does.

mod common;

use common::{day, event, person};
use proptest::prelude::*;
use testimonio_analysis::{
    AnalysisError, AnalysisInput, Audience, Cell, Dimension, DisclosurePolicy, SuppressedList,
    SuppressedTable, people_list, people_table,
};
use testimonio_domain::ConsentLevel;

/// The published grid with totals: `None` where suppressed. Last row and
/// last column are the totals.
fn grid(t: &SuppressedTable) -> Vec<Vec<Option<u64>>> {
    let mut g: Vec<Vec<Option<u64>>> = t
        .cells()
        .iter()
        .zip(t.row_totals())
        .map(|(row, total)| row.iter().chain([total]).map(|c| c.shown()).collect())
        .collect();
    g.push(
        t.column_totals()
            .iter()
            .chain([&t.total()])
            .map(|c| c.shown())
            .collect(),
    );
    g
}

/// Every row and column equation (parts add up to the last entry),
/// including those of the totals row and column.
fn equations(g: &[Vec<Option<u64>>]) -> Vec<Vec<(usize, usize)>> {
    let (rows, cols) = (g.len(), g[0].len());
    (0..rows)
        .map(|i| (0..cols).map(|j| (i, j)).collect())
        .chain((0..cols).map(|j| (0..rows).map(|i| (i, j)).collect()))
        .collect()
}

/// Tries every row and column subtraction: total minus the shown parts, or
/// the parts minus... whatever single entry is hidden. Returns the entries
/// that one equation gives away, with the value it gives.
fn single_equation_leaks(g: &[Vec<Option<u64>>]) -> Vec<((usize, usize), i128)> {
    let mut leaks = Vec::new();
    for eq in equations(g) {
        let hidden: Vec<_> = eq.iter().filter(|&&(i, j)| g[i][j].is_none()).collect();
        if let [(hi, hj)] = hidden.as_slice() {
            let (hi, hj) = (*hi, *hj);
            let (&(ti, tj), parts) = eq.split_last().unwrap();
            let parts_sum: i128 = parts
                .iter()
                .filter_map(|&(i, j)| g[i][j])
                .map(i128::from)
                .sum();
            let value = if (hi, hj) == (ti, tj) {
                parts_sum
            } else {
                i128::from(g[ti][tj].unwrap()) - parts_sum
            };
            leaks.push(((hi, hj), value));
        }
    }
    leaks
}

/// The hidden entries whose value the whole set of published equations
/// fixes: unknown `u` is determined exactly when removing its column
/// from the system's matrix lowers the rank.
fn determined_by_the_system(g: &[Vec<Option<u64>>]) -> Vec<(usize, usize)> {
    let unknowns: Vec<(usize, usize)> = (0..g.len())
        .flat_map(|i| (0..g[0].len()).map(move |j| (i, j)))
        .filter(|&(i, j)| g[i][j].is_none())
        .collect();
    let matrix: Vec<Vec<f64>> = equations(g)
        .iter()
        .map(|eq| {
            let total = *eq.last().unwrap();
            unknowns
                .iter()
                .map(|u| {
                    if *u == total {
                        -1.0
                    } else if eq.contains(u) {
                        1.0
                    } else {
                        0.0
                    }
                })
                .collect()
        })
        .collect();
    let full = rank(&matrix);
    (0..unknowns.len())
        .filter(|&k| {
            let without: Vec<Vec<f64>> = matrix
                .iter()
                .map(|row| {
                    row.iter()
                        .enumerate()
                        .filter(|(c, _)| *c != k)
                        .map(|(_, v)| *v)
                        .collect()
                })
                .collect();
            rank(&without) < full
        })
        .map(|k| unknowns[k])
        .collect()
}

fn rank(m: &[Vec<f64>]) -> usize {
    let mut m: Vec<Vec<f64>> = m.to_vec();
    let cols = m.first().map_or(0, Vec::len);
    let mut r = 0;
    for c in 0..cols {
        let Some(p) = (r..m.len()).max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs())) else {
            break;
        };
        if m[p][c].abs() < 1e-9 {
            continue;
        }
        m.swap(r, p);
        let pivot = m[r].clone();
        for (i, row) in m.iter_mut().enumerate() {
            if i != r {
                let f = row[c] / pivot[c];
                for (x, p) in row.iter_mut().zip(&pivot).skip(c) {
                    *x -= f * p;
                }
            }
        }
        r += 1;
    }
    r
}

fn list_leaks(l: &SuppressedList) -> bool {
    l.cells()
        .iter()
        .chain([&l.total()])
        .filter(|c| c.is_suppressed())
        .count()
        == 1
}

fn public() -> DisclosurePolicy {
    DisclosurePolicy::new(Audience::Public)
}

#[test]
fn one_dimension_by_hand() {
    let entries = vec![("TX".into(), 7), ("CA".into(), 6), ("NM".into(), 2)];
    // NM (2 < 5) is hidden; 15 − 7 − 6 would give it away, so the smallest
    // other count, CA (6), is hidden too: 15 − 7 = 8 = CA + NM.
    let l = SuppressedList::new(entries.clone(), public());
    assert_eq!(
        l.cells(),
        [Cell::Shown(7), Cell::Suppressed, Cell::Suppressed]
    );
    assert_eq!(l.total(), Cell::Shown(15));
    assert!(!list_leaks(&l));
    let internal = SuppressedList::new(entries, DisclosurePolicy::new(Audience::Internal));
    assert_eq!(
        internal.cells(),
        [Cell::Shown(7), Cell::Shown(6), Cell::Shown(2)]
    );
    // A total below 5 is hidden with its parts; a zero is shown.
    let small = SuppressedList::new(vec![("A".into(), 3), ("B".into(), 0)], public());
    assert_eq!(small.cells(), [Cell::Suppressed, Cell::Shown(0)]);
    assert_eq!(small.total(), Cell::Suppressed);
}

#[test]
fn two_dimensions_by_hand() {
    //          2021 2022 2023 | total
    //   CA        8    6    9 |   23
    //   NM        2    0    0 |    2
    //   TX        7   10    5 |   22
    //   total    17   16   14 |   47
    // Primary: NM/2021 (2) and NM's total (2). Column 2021 then has one
    // hidden entry: hide its smallest other, TX/2021 (7 < 8 < 17). The
    // row-totals column has one (NM's): hide its smallest other, TX's total
    // (22 < 23 < 47). Now NM/2021, NM total, TX total, TX/2021 form a cycle:
    // every equation has 0 or 2 hidden entries and none is fixed by the rest.
    let t = SuppressedTable::new(
        vec!["CA".into(), "NM".into(), "TX".into()],
        vec!["2021".into(), "2022".into(), "2023".into()],
        vec![vec![8, 6, 9], vec![2, 0, 0], vec![7, 10, 5]],
        public(),
    )
    .unwrap();
    let s = Cell::Suppressed;
    let n = Cell::Shown;
    assert_eq!(t.cells()[0], [n(8), n(6), n(9)]);
    assert_eq!(t.cells()[1], [s, n(0), n(0)]);
    assert_eq!(t.cells()[2], [s, n(10), n(5)]);
    assert_eq!(t.row_totals(), [n(23), s, s]);
    assert_eq!(t.column_totals(), [n(17), n(16), n(14)]);
    assert_eq!(t.total(), n(47));
    let g = grid(&t);
    assert!(single_equation_leaks(&g).is_empty());
    assert!(determined_by_the_system(&g).is_empty());
}

#[test]
fn checker_finds_a_leak() {
    // The checker itself: one row (8, x | 10) with column totals
    // (8, 2 | 10). With only the primary cell hidden, its row gives it away
    // as 10 − 8 = 2, and so does its column (total 2, nothing else).
    let g = vec![
        vec![Some(8), None, Some(10)],
        vec![Some(8), Some(2), Some(10)],
    ];
    assert_eq!(single_equation_leaks(&g), [((0, 1), 2), ((0, 1), 2)]);
    assert_eq!(determined_by_the_system(&g), [(0, 1)]);
}

#[test]
fn two_hidden_entries_per_equation_are_not_enough() {
    // Found by the property test below with the cycle rule (step 3)
    // switched off: with k = 3, every row and column ends up with 0 or 2+
    // hidden entries, yet some hidden entry lies on no cycle of hidden
    // entries, and the equations together fix its value.
    let t = SuppressedTable::new(
        vec!["a".into(), "b".into(), "c".into()],
        vec!["x".into(), "y".into(), "z".into()],
        vec![vec![15, 2, 4], vec![1, 0, 1], vec![3, 0, 3]],
        DisclosurePolicy::with_min_count(Audience::Public, 3).unwrap(),
    )
    .unwrap();
    let g = grid(&t);
    assert!(single_equation_leaks(&g).is_empty());
    assert!(determined_by_the_system(&g).is_empty());
}

/// Seven people in TX, six in CA, two in NM, spread over 2021–2023, all
/// consenting to publication; and one more in NM who did not consent.
fn states_input() -> AnalysisInput {
    let mut people = Vec::new();
    let mut events = Vec::new();
    let plan = [("TX", 7, "SNA"), ("CA", 6, "LOS"), ("NM", 2, "ELP")];
    for (state, n, office) in plan {
        for i in 0..n {
            let name = format!("{state}-{i}");
            people.push(person(&name, &[], Some(ConsentLevel::PublicAnonymous)));
            let year = 2021 + i % 3;
            events.push(event(
                &format!("{name}-p"),
                "protest",
                &format!("{year}-03-01"),
                &[(&name, "organizer")],
                &[],
                Some(state),
                None,
            ));
            events.push(event(
                &format!("{name}-e"),
                "detention",
                &format!("{year}-04-01"),
                &[(&name, "target")],
                &[],
                Some(state),
                Some(office),
            ));
        }
    }
    people.push(person("NM-private", &[], None));
    events.push(event(
        "NM-private-e",
        "detention",
        "2022-05-01",
        &[("NM-private", "target")],
        &[],
        Some("NM"),
        Some("ELP"),
    ));
    AnalysisInput::new(people, events).unwrap()
}

#[test]
fn a_state_with_two_people_never_shows_in_public() {
    let input = states_input();
    let as_of = day("2024-01-01");
    // 1-D: CA 6, NM 2, TX 7 (the NM person without consent is not counted).
    let l = people_list(&input, Dimension::State, public(), as_of);
    assert_eq!(l.labels(), ["CA", "NM", "TX"]);
    assert_eq!(l.cells()[1], Cell::Suppressed);
    assert!(!list_leaks(&l));
    assert!(
        l.cells()
            .iter()
            .chain([&l.total()])
            .all(|c| c.shown() != Some(2))
    );
    // Internally all three NM people are there.
    let internal = people_list(
        &input,
        Dimension::State,
        DisclosurePolicy::new(Audience::Internal),
        as_of,
    );
    assert_eq!(internal.cells()[1], Cell::Shown(3));

    // 2-D: state × year of first action, and field office × year.
    for rows in [Dimension::State, Dimension::FieldOffice] {
        let t = people_table(&input, rows, Dimension::Year, public(), as_of);
        let nm = t
            .row_labels()
            .iter()
            .position(|l| l == "NM" || l == "ELP")
            .unwrap();
        assert!(
            t.cells()[nm]
                .iter()
                .all(|c| matches!(c, Cell::Suppressed | Cell::Shown(0)))
        );
        assert_eq!(t.row_totals()[nm], Cell::Suppressed);
        let g = grid(&t);
        assert!(
            single_equation_leaks(&g).is_empty(),
            "{:?}",
            single_equation_leaks(&g)
        );
        assert!(determined_by_the_system(&g).is_empty());
        // No published number about NM can be a 1 or a 2.
        assert!(g[nm].iter().flatten().all(|&v| v == 0));
    }
}

#[test]
fn policy_and_shape_are_checked() {
    assert_eq!(
        DisclosurePolicy::with_min_count(Audience::Public, 1).unwrap_err(),
        AnalysisError::MinCountTooSmall { min_count: 1 }
    );
    assert!(DisclosurePolicy::with_min_count(Audience::Internal, 0).is_ok());
    assert_eq!(
        DisclosurePolicy::with_min_count(Audience::Coalition, 11)
            .unwrap()
            .min_count(),
        11
    );
    let bad = SuppressedTable::new(
        vec!["a".into()],
        vec!["x".into(), "y".into()],
        vec![vec![1]],
        public(),
    );
    assert_eq!(
        bad.unwrap_err(),
        AnalysisError::TableShape {
            rows: 1,
            columns: 2
        }
    );
}

fn table_strategy() -> impl Strategy<Value = (Vec<Vec<u64>>, u64)> {
    (1usize..=5, 1usize..=5, 2u64..=6).prop_flat_map(|(r, c, k)| {
        (
            prop::collection::vec(
                prop::collection::vec(prop_oneof![3 => 0u64..=6, 1 => 0u64..=40], c),
                r,
            ),
            Just(k),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn suppressed_tables_give_nothing_away((counts, k) in table_strategy(), coalition in any::<bool>()) {
        let audience = if coalition { Audience::Coalition } else { Audience::Public };
        let policy = DisclosurePolicy::with_min_count(audience, k).unwrap();
        let rows: Vec<String> = (0..counts.len()).map(|i| format!("r{i}")).collect();
        let cols: Vec<String> = (0..counts[0].len()).map(|j| format!("c{j}")).collect();
        let t = SuppressedTable::new(rows.clone(), cols.clone(), counts.clone(), policy).unwrap();
        let g = grid(&t);
        // The true grid with totals.
        let mut truth: Vec<Vec<u64>> = counts.iter().map(|r| { let mut r = r.clone(); r.push(r.iter().sum()); r }).collect();
        let col_totals: Vec<u64> = (0..truth[0].len()).map(|j| truth.iter().map(|r| r[j]).sum()).collect();
        truth.push(col_totals);
        for (i, row) in truth.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                // Every small count is hidden; every shown count is true.
                if v > 0 && v < k {
                    prop_assert_eq!(g[i][j], None);
                }
                if let Some(shown) = g[i][j] {
                    prop_assert_eq!(shown, v);
                }
            }
        }
        // No single row or column equation gives a hidden entry away...
        prop_assert!(single_equation_leaks(&g).is_empty());
        // ...nor does the whole system of them.
        prop_assert!(determined_by_the_system(&g).is_empty());
        // Internal tables hide nothing.
        let internal = SuppressedTable::new(rows, cols, counts, DisclosurePolicy::new(Audience::Internal)).unwrap();
        prop_assert!(grid(&internal).iter().flatten().all(Option::is_some));
    }

    #[test]
    fn suppressed_lists_give_nothing_away(counts in prop::collection::vec(0u64..=12, 1..8), k in 2u64..=6) {
        let entries: Vec<(String, u64)> = counts.iter().enumerate().map(|(i, &c)| (format!("s{i}"), c)).collect();
        let l = SuppressedList::new(entries, DisclosurePolicy::with_min_count(Audience::Public, k).unwrap());
        prop_assert!(!list_leaks(&l));
        for (c, &v) in l.cells().iter().zip(&counts) {
            if v > 0 && v < k {
                prop_assert!(c.is_suppressed());
            }
        }
        let total: u64 = counts.iter().sum();
        if total > 0 && total < k {
            prop_assert!(l.total().is_suppressed());
        }
    }
}
