//! A workbook cell as text: a formula as its cached value, a date as
//! `YYYY-MM-DD` (with `THH:MM:SS` when it has a time), a whole number
//! without `.0`, an error cell empty, text trimmed.

use calamine::{Data, DataRef, ExcelDateTime};

/// A cell of a sheet read whole (XLS, XLSB, ODS) as text.
pub(crate) fn text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => float(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => date(d),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

/// A cell of a streamed XLSX sheet as text, by the same rules as [`text`].
pub(crate) fn text_ref(cell: &DataRef<'_>) -> String {
    match cell {
        DataRef::Empty | DataRef::Error(_) => String::new(),
        DataRef::String(s) => s.trim().to_owned(),
        DataRef::SharedString(s) => s.trim().to_owned(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(f) => float(*f),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) => date(d),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
    }
}

/// A number as a spreadsheet shows it unformatted: `3`, not `3.0`.
fn float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        #[allow(clippy::cast_possible_truncation)] // checked: whole and small
        let whole = f as i64;
        whole.to_string()
    } else {
        f.to_string()
    }
}

fn date(d: &ExcelDateTime) -> String {
    match d.as_datetime() {
        Some(at) if at.time() == chrono::NaiveTime::MIN => at.format("%Y-%m-%d").to_string(),
        Some(at) => at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        None => float(d.as_f64()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_readers_write_cells_alike() {
        assert_eq!(text(&Data::Float(3.0)), "3");
        assert_eq!(text_ref(&DataRef::Float(3.0)), "3");
        assert_eq!(text(&Data::Float(2.5)), "2.5");
        assert_eq!(text_ref(&DataRef::SharedString("  Ana ")), "Ana");
        assert_eq!(text_ref(&DataRef::Float(1e16)), "10000000000000000");
        assert_eq!(text(&Data::Bool(true)), "true");
    }
}
