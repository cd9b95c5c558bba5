//! Times the analysis on fictional demo data (default: 100 000 events,
//! 20 000 people, 10 000 permutations). Run in release:
//!
//! ```text
//! cargo run --release -p testimonio-analysis --example analysis_timing [events] [people] [permutations] [threads]
//! ```

use std::time::Instant;

use testimonio_analysis::{
    AnalysisInput, Audience, Dimension, DisclosurePolicy, PermutationOptions, people_table,
    permutation_test, proximity, spread,
};
use testimonio_demo::{DemoSpec, generate};
use testimonio_domain::EventKind;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let events = args.next().unwrap_or(100_000);
    let people = args.next().unwrap_or(20_000);
    let permutations = args.next().unwrap_or(10_000);
    let threads = args.next().and_then(std::num::NonZeroUsize::new);
    let spec = DemoSpec {
        events,
        people,
        groups: (people / 8).max(6),
        ..DemoSpec::standard()
    };
    let data = generate(&spec);
    let people: Vec<_> = data
        .people
        .iter()
        .map(|p| p.into_person().expect("demo people are valid"))
        .collect();
    let events: Vec<_> = data
        .events
        .iter()
        .map(|e| e.into_event().expect("demo events are valid"))
        .collect();
    let enforcement = events
        .iter()
        .filter(|e| e.kind() == EventKind::EnforcementAction)
        .count();

    let t = Instant::now();
    let input = AnalysisInput::from_records(&people, &events).expect("valid input");
    let build = t.elapsed();

    let t = Instant::now();
    let prox = proximity(&input);
    let prox_time = t.elapsed();

    let t = Instant::now();
    let spread = spread(&input);
    let spread_time = t.elapsed();

    let options = PermutationOptions {
        permutations: u32::try_from(permutations).expect("fits"),
        seed: 2026,
        threads,
        ..PermutationOptions::default()
    };
    let t = Instant::now();
    let result = permutation_test(&input, &options).expect("something to test");
    let perm_time = t.elapsed();

    let t = Instant::now();
    let policy = DisclosurePolicy::new(Audience::Public);
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date");
    let table = people_table(
        &input,
        Dimension::State,
        Dimension::EventType,
        policy,
        as_of,
    );
    let table_time = t.elapsed();
    let hidden = table
        .cells()
        .iter()
        .flatten()
        .filter(|c| c.is_suppressed())
        .count();

    println!(
        "{} people, {} events ({enforcement} enforcement), {} pairs, {} threads available",
        people.len(),
        events.len(),
        result.pairs,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
    );
    println!("input:       {build:?}");
    println!(
        "proximity:   {prox_time:?} (median {:?} days)",
        prox.person.days.map(|d| d.median)
    );
    println!(
        "spread:      {spread_time:?} ({} offices, HHI {:?})",
        spread.by_field_office.actions.distinct, spread.by_field_office.actions.hhi
    );
    println!(
        "public table: {table_time:?} ({} × {} people by state and type; {hidden} cells hidden)",
        table.row_labels().len(),
        table.column_labels().len()
    );
    println!(
        "permutation: {perm_time:?} ({} permutations; observed {:.2} days, by chance {:.2}; p = {})",
        result.permutations, result.observed_mean_days, result.null_mean_days, result.p_value
    );
}
