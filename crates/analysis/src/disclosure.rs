//! Disclosure control: tables of people that can leave the vault.
//!
//! A [`SuppressedList`] (counts by one category, with a total) or a
//! [`SuppressedTable`] (rows × columns, with row, column and grand totals)
//! is suppressed **in its constructor**, so a coalition or public table
//! with a small count in view cannot exist. Neither type can be
//! deserialized, for the same reason.
//!
//! # The rule
//!
//! For [`Audience::Coalition`] and [`Audience::Public`] (nothing is hidden
//! from [`Audience::Internal`]):
//!
//! 1. **Primary suppression**: every count `c` with `0 < c < k` (default
//!    `k` = 5), totals included, is hidden. Zeros are shown.
//! 2. **Complementary suppression**: a table is a set of equations: each
//!    row of cells adds up to its row total, each column to its column
//!    total, and the row totals and the column totals each add up to the
//!    grand total. An equation with exactly one hidden entry gives it away,
//!    so while some equation has exactly one, the smallest shown entry of
//!    that equation is hidden too (non-zero entries before zeros, cells
//!    before totals, then the first).
//! 3. Two hidden entries per equation still leave patterns that several
//!    equations together solve. Seen as a graph (rows and columns,
//!    totals' included, are vertices and hidden entries are edges), a
//!    hidden entry is fixed by the equations exactly when no cycle of
//!    hidden entries passes through it (it is a *bridge*). For such an
//!    entry, the smallest shown entry that closes a cycle through it is
//!    hidden.
//! 4. Steps 2 and 3 repeat until neither applies. Each step hides one more
//!    entry, so this ends.
//!
//! After this, no hidden count can be computed from any combination of
//! the published rows, columns and totals. What the rule does not do: it
//! does not widen the *range* a hidden count could take (a row whose
//! hidden entries add up to 3 shows that each is at most 3), and it
//! protects each table on its own: publishing two tables over the same
//! people can reveal, by comparing them, what each hides.
//!
//! # People in tables
//!
//! [`people_list`] and [`people_table`] count only the people whose consent
//! allows the audience to count them, each person once, in the category
//! of their *first* enforcement action (the earliest by
//! [`EventFacts::day`](crate::input::EventFacts::day)); people who were
//! never targeted are not counted.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use chrono::NaiveDate;
use serde::Serialize;
use testimonio_domain::Audience;

use crate::error::AnalysisError;
use crate::input::{AnalysisInput, EventFacts};

/// The default minimum count shown to a coalition or the public.
pub const DEFAULT_MIN_COUNT: u64 = 5;

/// The label of people with no value for a dimension.
pub const UNKNOWN_LABEL: &str = "unknown";

/// Who a table is for and the smallest count it may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DisclosurePolicy {
    audience: Audience,
    min_count: u64,
}

impl DisclosurePolicy {
    /// The policy for `audience` with the default minimum count of 5.
    pub fn new(audience: Audience) -> Self {
        Self {
            audience,
            min_count: DEFAULT_MIN_COUNT,
        }
    }

    /// The policy for `audience` with counts below `min_count` hidden.
    ///
    /// # Errors
    /// [`AnalysisError::MinCountTooSmall`] when `min_count` is below 2 for a
    /// coalition or the public: such a table would show single people.
    pub fn with_min_count(audience: Audience, min_count: u64) -> Result<Self, AnalysisError> {
        if audience != Audience::Internal && min_count < 2 {
            return Err(AnalysisError::MinCountTooSmall { min_count });
        }
        Ok(Self {
            audience,
            min_count,
        })
    }

    /// Who the table is for.
    pub fn audience(&self) -> Audience {
        self.audience
    }

    /// Counts from 1 to `min_count - 1` are hidden (coalition and public).
    pub fn min_count(&self) -> u64 {
        self.min_count
    }

    fn suppresses(&self) -> bool {
        self.audience != Audience::Internal
    }
}

/// One published count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// The count.
    Shown(u64),
    /// Hidden to protect the people in it or in another cell.
    Suppressed,
}

impl Cell {
    /// The count, if shown.
    pub fn shown(self) -> Option<u64> {
        match self {
            Cell::Shown(c) => Some(c),
            Cell::Suppressed => None,
        }
    }

    /// Whether the count is hidden.
    pub fn is_suppressed(self) -> bool {
        self == Cell::Suppressed
    }
}

fn cell(value: u64, hidden: bool) -> Cell {
    if hidden {
        Cell::Suppressed
    } else {
        Cell::Shown(value)
    }
}

/// Counts by one category and their total, suppressed for the audience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuppressedList {
    policy: DisclosurePolicy,
    labels: Vec<String>,
    cells: Vec<Cell>,
    total: Cell,
}

impl SuppressedList {
    /// Suppresses `entries` (label, count) for `policy`. The total is their
    /// sum.
    pub fn new(entries: Vec<(String, u64)>, policy: DisclosurePolicy) -> Self {
        let total: u64 = entries.iter().map(|(_, c)| c).sum();
        let mut values: Vec<u64> = entries.iter().map(|(_, c)| *c).collect();
        values.push(total);
        let hidden = if policy.suppresses() {
            protect_line(&values, policy.min_count)
        } else {
            vec![false; values.len()]
        };
        let cells = values
            .iter()
            .zip(&hidden)
            .map(|(&v, &h)| cell(v, h))
            .collect();
        let mut list = Self {
            policy,
            labels: entries.into_iter().map(|(l, _)| l).collect(),
            cells,
            total: Cell::Suppressed,
        };
        list.total = list.cells.pop().unwrap_or(Cell::Suppressed);
        debug_assert!(
            !policy.suppresses()
                || list
                    .cells
                    .iter()
                    .chain([&list.total])
                    .filter(|c| c.is_suppressed())
                    .count()
                    != 1
        );
        list
    }

    /// The policy it was suppressed for.
    pub fn policy(&self) -> DisclosurePolicy {
        self.policy
    }

    /// The category labels.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The counts, in label order.
    pub fn cells(&self) -> &[Cell] {
        &self.cells
    }

    /// The total.
    pub fn total(&self) -> Cell {
        self.total
    }
}

/// Hides small entries of one equation (cells then total) and, when only
/// one is hidden, the smallest other.
fn protect_line(values: &[u64], k: u64) -> Vec<bool> {
    let n = values.len();
    let mut hidden: Vec<bool> = values.iter().map(|&v| v > 0 && v < k).collect();
    if hidden.iter().filter(|&&h| h).count() == 1 {
        let best = (0..n)
            .filter(|&i| !hidden[i])
            .min_by_key(|&i| (values[i] == 0, values[i], i == n - 1, i));
        debug_assert!(best.is_some(), "an equation has at least two entries");
        if let Some(i) = best {
            hidden[i] = true;
        }
    }
    hidden
}

/// Counts by rows × columns with row, column and grand totals,
/// suppressed for the audience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuppressedTable {
    policy: DisclosurePolicy,
    row_labels: Vec<String>,
    column_labels: Vec<String>,
    cells: Vec<Vec<Cell>>,
    row_totals: Vec<Cell>,
    column_totals: Vec<Cell>,
    total: Cell,
}

impl SuppressedTable {
    /// Suppresses `counts` (one row per row label, one count per column
    /// label) for `policy`. Totals are the sums.
    ///
    /// # Errors
    /// [`AnalysisError::TableShape`] when `counts` does not have one row per
    /// row label, each with one count per column label.
    pub fn new(
        row_labels: Vec<String>,
        column_labels: Vec<String>,
        counts: Vec<Vec<u64>>,
        policy: DisclosurePolicy,
    ) -> Result<Self, AnalysisError> {
        let (r, c) = (row_labels.len(), column_labels.len());
        if counts.len() != r || counts.iter().any(|row| row.len() != c) {
            return Err(AnalysisError::TableShape {
                rows: r,
                columns: c,
            });
        }
        // The grid with totals: (r + 1) × (c + 1), row-major.
        let (rows, cols) = (r + 1, c + 1);
        let mut grid = vec![0u64; rows * cols];
        for (i, row) in counts.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                grid[i * cols + j] = v;
                grid[i * cols + c] += v;
                grid[r * cols + j] += v;
                grid[r * cols + c] += v;
            }
        }
        let hidden = if policy.suppresses() {
            protect_grid(&grid, rows, cols, policy.min_count)
        } else {
            vec![false; grid.len()]
        };
        let at = |i: usize, j: usize| cell(grid[i * cols + j], hidden[i * cols + j]);
        Ok(Self {
            policy,
            row_labels,
            column_labels,
            cells: (0..r).map(|i| (0..c).map(|j| at(i, j)).collect()).collect(),
            row_totals: (0..r).map(|i| at(i, c)).collect(),
            column_totals: (0..c).map(|j| at(r, j)).collect(),
            total: at(r, c),
        })
    }

    /// The policy it was suppressed for.
    pub fn policy(&self) -> DisclosurePolicy {
        self.policy
    }

    /// The row labels.
    pub fn row_labels(&self) -> &[String] {
        &self.row_labels
    }

    /// The column labels.
    pub fn column_labels(&self) -> &[String] {
        &self.column_labels
    }

    /// The cells, row by row.
    pub fn cells(&self) -> &[Vec<Cell>] {
        &self.cells
    }

    /// Each row's total.
    pub fn row_totals(&self) -> &[Cell] {
        &self.row_totals
    }

    /// Each column's total.
    pub fn column_totals(&self) -> &[Cell] {
        &self.column_totals
    }

    /// The grand total.
    pub fn total(&self) -> Cell {
        self.total
    }
}

/// The preference among entries to hide as complements: non-zero first,
/// then smallest, then cells before totals, then position.
fn preference(grid: &[u64], rows: usize, cols: usize, i: usize) -> (bool, u64, bool, usize) {
    let (r, c) = (i / cols, i % cols);
    let margin = r == rows - 1 || c == cols - 1;
    (grid[i] == 0, grid[i], margin, i)
}

/// Applies the rule of the [module documentation](self) to a grid whose
/// last row and last column are totals; returns which entries to hide.
fn protect_grid(grid: &[u64], rows: usize, cols: usize, k: u64) -> Vec<bool> {
    debug_assert_eq!(grid.len(), rows * cols);
    let mut hidden: Vec<bool> = grid.iter().map(|&v| v > 0 && v < k).collect();
    let lines: Vec<Vec<usize>> = (0..rows)
        .map(|i| (0..cols).map(|j| i * cols + j).collect())
        .chain((0..cols).map(|j| (0..rows).map(|i| i * cols + j).collect()))
        .collect();
    loop {
        let mut changed = false;
        for line in &lines {
            if line.iter().filter(|&&i| hidden[i]).count() == 1 {
                let best = line
                    .iter()
                    .copied()
                    .filter(|&i| !hidden[i])
                    .min_by_key(|&i| preference(grid, rows, cols, i));
                debug_assert!(best.is_some(), "every equation has at least two entries");
                if let Some(i) = best {
                    hidden[i] = true;
                    changed = true;
                }
            }
        }
        if changed {
            continue;
        }
        let Some(bridge) = find_bridge(&hidden, rows, cols) else {
            break;
        };
        let a = side(&hidden, rows, cols, bridge, bridge / cols);
        let b = side(&hidden, rows, cols, bridge, rows + bridge % cols);
        let best = (0..grid.len())
            .filter(|&i| !hidden[i])
            .filter(|&i| {
                let (r, c) = (i / cols, rows + i % cols);
                (a[r] && b[c]) || (b[r] && a[c])
            })
            .min_by_key(|&i| preference(grid, rows, cols, i));
        debug_assert!(
            best.is_some(),
            "with two hidden entries per equation a bridge can be closed"
        );
        match best {
            Some(i) => hidden[i] = true,
            // Unreachable; hiding everything is the safe way out.
            None => hidden.iter_mut().for_each(|h| *h = true),
        }
    }
    debug_assert!(
        lines
            .iter()
            .all(|l| l.iter().filter(|&&i| hidden[i]).count() != 1)
    );
    debug_assert!(find_bridge(&hidden, rows, cols).is_none());
    hidden
}

/// Adjacency of the graph of hidden entries: vertices `0..rows` are rows,
/// `rows..rows + cols` columns; each hidden entry is an edge, named by its
/// grid index.
fn adjacency(hidden: &[bool], rows: usize, cols: usize) -> Vec<Vec<(usize, usize)>> {
    let mut adj = vec![Vec::new(); rows + cols];
    for (i, _) in hidden.iter().enumerate().filter(|(_, h)| **h) {
        let (r, c) = (i / cols, rows + i % cols);
        adj[r].push((c, i));
        adj[c].push((r, i));
    }
    adj
}

/// A hidden entry that lies on no cycle of hidden entries, if any
/// (Tarjan's bridge search, without recursion).
fn find_bridge(hidden: &[bool], rows: usize, cols: usize) -> Option<usize> {
    let adj = adjacency(hidden, rows, cols);
    let n = adj.len();
    let mut disc = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut timer = 0;
    for root in 0..n {
        if disc[root] != usize::MAX || adj[root].is_empty() {
            continue;
        }
        disc[root] = timer;
        low[root] = timer;
        timer += 1;
        // (vertex, edge it was reached by, next neighbour to look at)
        let mut stack = vec![(root, usize::MAX, 0usize)];
        while let Some(top) = stack.last_mut() {
            let (v, via) = (top.0, top.1);
            if let Some(&(w, edge)) = adj[v].get(top.2) {
                top.2 += 1;
                if edge == via {
                    continue;
                }
                if disc[w] == usize::MAX {
                    disc[w] = timer;
                    low[w] = timer;
                    timer += 1;
                    stack.push((w, edge, 0));
                } else {
                    low[v] = low[v].min(disc[w]);
                }
            } else {
                stack.pop();
                if let Some(&(u, _, _)) = stack.last() {
                    low[u] = low[u].min(low[v]);
                    if low[v] > disc[u] {
                        return Some(via);
                    }
                }
            }
        }
    }
    None
}

/// The vertices reachable from `from` over hidden entries other than
/// `without`.
fn side(hidden: &[bool], rows: usize, cols: usize, without: usize, from: usize) -> Vec<bool> {
    let adj = adjacency(hidden, rows, cols);
    let mut seen = vec![false; adj.len()];
    seen[from] = true;
    let mut queue = VecDeque::from([from]);
    while let Some(v) = queue.pop_front() {
        for &(w, edge) in &adj[v] {
            if edge != without && !seen[w] {
                seen[w] = true;
                queue.push_back(w);
            }
        }
    }
    seen
}

/// A way to sort people into categories, by their first enforcement action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// The state (USPS code).
    State,
    /// The ICE field office (three-letter code).
    FieldOffice,
    /// The calendar year of the date.
    Year,
    /// The event type code.
    EventType,
}

impl Dimension {
    fn label(self, e: &EventFacts) -> String {
        let known = match self {
            Dimension::State => e.state.map(|s| s.code().to_owned()),
            Dimension::FieldOffice => e.field_office.map(|f| f.code().to_owned()),
            Dimension::Year => Some(e.date.year().to_string()),
            Dimension::EventType => Some(e.event_type.code().to_owned()),
        };
        known.unwrap_or_else(|| UNKNOWN_LABEL.to_owned())
    }
}

/// For each person the audience may count on `as_of` who was ever
/// targeted: their first enforcement action.
fn first_actions(
    input: &AnalysisInput,
    policy: DisclosurePolicy,
    as_of: NaiveDate,
) -> Vec<&EventFacts> {
    input
        .people()
        .iter()
        .zip(&input.index().enforcement)
        .filter(|(p, _)| p.consent.level_on(as_of).allows_counting(policy.audience()))
        .filter_map(|(_, actions)| actions.first())
        .map(|first| &input.events()[first.event as usize])
        .collect()
}

/// People counted by one dimension of their first enforcement action,
/// suppressed for `policy` (see the [module documentation](self)).
pub fn people_list(
    input: &AnalysisInput,
    dimension: Dimension,
    policy: DisclosurePolicy,
    as_of: NaiveDate,
) -> SuppressedList {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for e in first_actions(input, policy, as_of) {
        *counts.entry(dimension.label(e)).or_default() += 1;
    }
    SuppressedList::new(counts.into_iter().collect(), policy)
}

/// People counted by two dimensions of their first enforcement action,
/// suppressed for `policy` (see the [module documentation](self)).
pub fn people_table(
    input: &AnalysisInput,
    rows: Dimension,
    columns: Dimension,
    policy: DisclosurePolicy,
    as_of: NaiveDate,
) -> SuppressedTable {
    let firsts = first_actions(input, policy, as_of);
    let keys: Vec<(String, String)> = firsts
        .iter()
        .map(|e| (rows.label(e), columns.label(e)))
        .collect();
    let row_labels: Vec<String> = keys
        .iter()
        .map(|(r, _)| r.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let column_labels: Vec<String> = keys
        .iter()
        .map(|(_, c)| c.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut counts = vec![vec![0u64; column_labels.len()]; row_labels.len()];
    for (r, c) in &keys {
        let (Ok(i), Ok(j)) = (row_labels.binary_search(r), column_labels.binary_search(c)) else {
            debug_assert!(false, "labels come from the keys");
            continue;
        };
        counts[i][j] += 1;
    }
    let table = SuppressedTable::new(row_labels, column_labels, counts, policy);
    debug_assert!(table.is_ok(), "the counts have the labels' shape");
    table.unwrap_or_else(|_| SuppressedTable {
        policy,
        row_labels: Vec::new(),
        column_labels: Vec::new(),
        cells: Vec::new(),
        row_totals: Vec::new(),
        column_totals: Vec::new(),
        total: Cell::Suppressed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bridge_between_two_cycles_is_closed() {
        // Small cells (k = 5) form two cycles, r0 r1 × c0 c1 and r2 r3 × c2
        // c3, joined by (r1, c2). Every row and column has 0, 2 or 3 hidden
        // entries, so no single equation gives anything away, but (r1, c2)
        // lies on no cycle: summing the equations of r2, r3 and their
        // columns isolates it. Crossing entries between the two sides are
        // all 9; the first, (r0, c2), is hidden.
        let counts = [
            [1, 1, 9, 9, 9],
            [1, 1, 1, 9, 9],
            [9, 9, 1, 1, 9],
            [9, 9, 1, 1, 9],
            [9, 9, 9, 9, 9],
        ];
        let (rows, cols) = (6, 6);
        let mut grid = vec![0u64; rows * cols];
        for (i, row) in counts.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                grid[i * cols + j] = v;
                grid[i * cols + 5] += v;
                grid[5 * cols + j] += v;
                grid[5 * cols + 5] += v;
            }
        }
        let primary: Vec<bool> = grid.iter().map(|&v| v > 0 && v < 5).collect();
        assert_eq!(find_bridge(&primary, rows, cols), Some(cols + 2));
        let hidden = protect_grid(&grid, rows, cols, 5);
        let added: Vec<usize> = (0..grid.len())
            .filter(|&i| hidden[i] && !primary[i])
            .collect();
        assert_eq!(added, [2]);
        assert_eq!(find_bridge(&hidden, rows, cols), None);
    }

    #[test]
    fn a_line_prefers_the_smallest_non_zero_cell() {
        // 2 is hidden; of 0, 7, 6 and the total 15, the 6 goes.
        assert_eq!(
            protect_line(&[2, 0, 7, 6, 15], 5),
            [true, false, false, true, false]
        );
        // A zero is passed over for a larger non-zero count (hiding a zero
        // would leave the pair's sum equal to the small count).
        assert_eq!(protect_line(&[2, 0, 5, 7], 5), [true, false, true, false]);
        // A small total is hidden with its part.
        assert_eq!(protect_line(&[3, 0, 3], 5), [true, false, true]);
    }
}
