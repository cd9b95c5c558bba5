//! Finding the header among a sheet's first rows, and naming its columns
//! when cells are merged: a merged header cell names every column it
//! spans, and a header on two rows (group cells merged over sub-headers)
//! joins the names as "Evento › Fecha".

use crate::table::TableHead;

/// Rows (with a value in them) looked at to guess the header.
pub(crate) const HEADER_SEARCH_ROWS: usize = 50;

/// Most columns a merged cell is spread over (a spreadsheet has 16,384).
const MAX_COLUMNS: u32 = 16_384;

/// What joins a group's name and a sub-header's.
pub(crate) const JOINER: &str = " › ";

/// A row as read: its line (1-based) and its cells, trimmed.
pub(crate) type Numbered = (u64, Vec<String>);

/// Which of `rows` (numbered, cells trimmed) is the header: the first that
/// fills at least half of the widest row's cells (two at least), with more
/// text than numbers — a title row fills one cell, a blank row none.
pub(crate) fn header_index(rows: &[Numbered]) -> Option<usize> {
    let widest = rows
        .iter()
        .map(|(_, cells)| cells.iter().filter(|c| !c.is_empty()).count())
        .max()?;
    rows.iter().position(|(_, cells)| {
        let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
        filled.len() * 2 >= widest && filled.len() >= widest.min(2) && mostly_text(&filled)
    })
}

/// More of `cells` have a letter than not.
fn mostly_text(cells: &[&String]) -> bool {
    let texts = cells
        .iter()
        .filter(|c| c.chars().any(char::is_alphabetic))
        .count();
    texts * 2 > cells.len()
}

/// A merged region: rows and columns 0-based and inclusive, as `calamine`
/// reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Merge {
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
    pub right: u32,
}

impl From<&calamine::Dimensions> for Merge {
    fn from(d: &calamine::Dimensions) -> Self {
        Merge {
            top: d.start.0,
            left: d.start.1,
            bottom: d.end.0,
            right: d.end.1,
        }
    }
}

impl Merge {
    /// Whether it covers row `line` (1-based).
    pub(crate) fn has_row(&self, line: u64) -> bool {
        (u64::from(self.top) + 1..=u64::from(self.bottom) + 1).contains(&line)
    }

    fn has_column(&self, column: usize) -> bool {
        (self.left as usize..=self.right as usize).contains(&column)
    }
}

/// The header whose (last) row is `rows[at]`, `rows` being consecutive
/// rows read from the sheet: the index in `rows` of the header's last row,
/// and the header.
///
/// A header spans two rows when the row above `rows[at]` holds group cells
/// (see [`two_rows`]); with `look_below` (the header was guessed, and a
/// guess takes the first header-like row) also when `rows[at]` holds them
/// and the row below has the sub-headers.
pub(crate) fn compose(
    rows: &[Numbered],
    at: usize,
    merges: &[Merge],
    look_below: bool,
) -> (usize, TableHead) {
    if let Some(above) = at.checked_sub(1)
        && let Some(header) = two_rows(rows, above, merges)
    {
        let head = TableHead {
            header_row: rows[at].0,
            header_from: rows[above].0,
            header,
        };
        return (at, head);
    }
    if look_below && let Some(header) = two_rows(rows, at, merges) {
        let head = TableHead {
            header_row: rows[at + 1].0,
            header_from: rows[at].0,
            header,
        };
        return (at + 1, head);
    }
    let head = TableHead {
        header_row: rows[at].0,
        header_from: rows[at].0,
        header: filled(rows, at, merges),
    };
    (at, head)
}

/// The cells of `rows[i]`, each merged region over it spread to every
/// column it spans (its value is its top-left cell's, when that row is
/// among `rows`).
fn filled(rows: &[Numbered], i: usize, merges: &[Merge]) -> Vec<String> {
    let (line, cells) = &rows[i];
    let mut cells = cells.clone();
    for m in merges.iter().filter(|m| m.has_row(*line)) {
        let top = u64::from(m.top) + 1;
        let Some(value) = rows
            .iter()
            .find(|(l, _)| *l == top)
            .and_then(|(_, cells)| cells.get(m.left as usize))
            .filter(|v| !v.is_empty())
            .cloned()
        else {
            continue;
        };
        let (left, right) = (m.left as usize, m.right.min(MAX_COLUMNS - 1) as usize);
        if left > right {
            continue;
        }
        if cells.len() <= right {
            cells.resize(right + 1, String::new());
        }
        for cell in &mut cells[left..=right] {
            cell.clone_from(&value);
        }
    }
    cells
}

/// The names of a header on two rows, `rows[top]` and the row right below
/// it, or `None` when they are not one:
///
/// - the top row holds group cells: cells merged across two columns or
///   more, ending on that row;
/// - they are not a single title over the whole header (one group over
///   every column either row names);
/// - the lower row has sub-headers under the groups (more text than
///   numbers);
/// - outside the groups each column is named on one of the two rows only
///   (a data row below a one-row header names them all again).
///
/// A column under a group is named "group › sub-header"; any other keeps
/// its one name (a cell merged down over both rows names its column once).
fn two_rows(rows: &[Numbered], top: usize, merges: &[Merge]) -> Option<Vec<String>> {
    let ((top_line, upper), (bottom_line, lower)) = (rows.get(top)?, rows.get(top + 1)?);
    if *bottom_line != top_line + 1 {
        return None;
    }
    let groups: Vec<&Merge> = merges
        .iter()
        .filter(|m| m.left < m.right && u64::from(m.bottom) + 1 == *top_line)
        .collect();
    let in_group = |c: usize| groups.iter().any(|m| m.has_column(c));
    let named = |cells: &Vec<String>| -> Vec<usize> {
        (0..cells.len()).filter(|&c| !cells[c].is_empty()).collect()
    };
    let (upper_named, lower_named) = (named(upper), named(lower));
    let title = groups.len() == 1 && upper_named.iter().chain(&lower_named).all(|&c| in_group(c));
    if groups.is_empty() || title {
        return None;
    }
    let under: Vec<&String> = lower_named
        .iter()
        .filter(|&&c| in_group(c))
        .map(|&c| &lower[c])
        .collect();
    if under.is_empty() || !mostly_text(&under) {
        return None;
    }
    if lower_named
        .iter()
        .any(|c| !in_group(*c) && upper_named.contains(c))
    {
        return None;
    }
    let (upper, lower) = (filled(rows, top, merges), filled(rows, top + 1, merges));
    let width = upper.len().max(lower.len());
    let cell = |cells: &[String], c: usize| cells.get(c).cloned().unwrap_or_default();
    let names = (0..width)
        .map(|c| {
            let (group, name) = (cell(&upper, c), cell(&lower, c));
            if in_group(c) && !group.is_empty() && !name.is_empty() && group != name {
                format!("{group}{JOINER}{name}")
            } else if name.is_empty() {
                group
            } else {
                name
            }
        })
        .collect();
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&[&str]]) -> Vec<Numbered> {
        lines
            .iter()
            .enumerate()
            .map(|(i, cells)| {
                (
                    i as u64 + 1,
                    cells.iter().map(|c| (*c).to_owned()).collect(),
                )
            })
            .collect()
    }

    fn merge(top: u32, left: u32, bottom: u32, right: u32) -> Merge {
        Merge {
            top,
            bottom,
            left,
            right,
        }
    }

    #[test]
    fn a_group_over_sub_headers_is_joined() {
        // A1:A2 "Nombre" merged down, B1:C1 "Evento" merged across.
        let sheet = rows(&[
            &["Nombre", "Evento", "", "Notas"],
            &["", "Fecha", "Tipo", ""],
            &["María", "2019-03-04", "Arresto", ""],
        ]);
        let merges = [merge(0, 0, 1, 0), merge(0, 1, 0, 2)];
        let at = header_index(&sheet).unwrap();
        assert_eq!(at, 0, "the guess takes the group row");
        let (last, head) = compose(&sheet, at, &merges, true);
        assert_eq!(last, 1);
        assert_eq!((head.header_from, head.header_row), (1, 2));
        assert_eq!(
            head.header,
            ["Nombre", "Evento › Fecha", "Evento › Tipo", "Notas"]
        );
        // Chosen by hand: the lower row, the group row above it joins.
        let (last, chosen) = compose(&sheet, 1, &merges, false);
        assert_eq!((last, chosen), (1, head));
    }

    #[test]
    fn a_merged_header_cell_names_every_column_it_spans() {
        let sheet = rows(&[
            &["Nombre", "Dirección", "", "Fecha"],
            &["Ana", "Calle 1", "Austin", "2019"],
        ]);
        let (last, head) = compose(&sheet, 0, &[merge(0, 1, 0, 2)], true);
        assert_eq!(last, 0, "a data row below is no sub-header row");
        assert_eq!(head.header, ["Nombre", "Dirección", "Dirección", "Fecha"]);
    }

    #[test]
    fn a_title_merged_over_the_header_is_no_group() {
        let sheet = rows(&[&["Registro 2019", "", ""], &["Nombre", "Fecha", "Lugar"]]);
        let (_, head) = compose(&sheet, 1, &[merge(0, 0, 0, 2)], true);
        assert_eq!(head.header, ["Nombre", "Fecha", "Lugar"]);
        assert_eq!(head.header_from, 2);
    }

    #[test]
    fn a_region_beyond_the_columns_or_backwards_is_left_alone() {
        let sheet = rows(&[&["Nombre", "Fecha"]]);
        let odd = [
            merge(0, 1, 0, 0),
            merge(0, MAX_COLUMNS + 5, 0, MAX_COLUMNS + 9),
        ];
        assert_eq!(compose(&sheet, 0, &odd, true).1.header, ["Nombre", "Fecha"]);
    }

    #[test]
    fn a_blank_row_between_is_no_two_row_header() {
        let sheet = vec![
            (1, vec!["".into(), "Evento".into(), String::new()]),
            (3, vec!["Nombre".into(), "Fecha".into(), "Tipo".into()]),
        ];
        let (_, head) = compose(&sheet, 1, &[merge(0, 1, 0, 2)], true);
        assert_eq!(head.header, ["Nombre", "Fecha", "Tipo"]);
    }
}
