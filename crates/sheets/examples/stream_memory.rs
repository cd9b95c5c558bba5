//! How much memory reading an XLSX sheet takes, streamed or whole, for a
//! number of rows: the peak resident size (VmHWM, Linux) of a process that
//! only reads.
//!
//! ```text
//! cargo run -p testimonio-sheets --example stream_memory -- write 200000 \
//!   | cargo run -p testimonio-sheets --example stream_memory -- read stream
//! ```
//!
//! `write N` writes a workbook of N rows to standard output (an id, a date
//! cell, a formula, two values from short lists and a note of its own per
//! row); `read stream` reads standard input through `Workbook::rows`,
//! `read owned` through `Workbook::into_rows` (a thread reads them),
//! `read table` through `Workbook::table` (every row held), and each
//! prints the peak after opening and after reading.

use std::io::{Read, Write};

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook as Writer, XlsxError};
use testimonio_sheets::{HeaderChoice, Row, SheetError, Workbook};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["write", rows] => {
            let rows = rows.parse().expect("a number of rows");
            let bytes = write(rows).expect("the workbook");
            std::io::stdout()
                .write_all(&bytes)
                .expect("standard output");
        }
        ["read", how @ ("stream" | "owned" | "table")] => read(how),
        _ => eprintln!("usage: stream_memory write ROWS | stream_memory read stream|owned|table"),
    }
}

fn write(rows: u32) -> Result<Vec<u8>, XlsxError> {
    const PLACES: [&str; 4] = ["Adelanto, CA", "Otay Mesa, CA", "Dilley, TX", "Eloy, AZ"];
    const KINDS: [&str; 3] = ["Arresto", "Audiencia", "Traslado"];
    let mut book = Writer::new();
    let sheet = book.add_worksheet().set_name("Eventos")?;
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, name) in ["Id", "Fecha", "Doble", "Lugar", "Tipo", "Nota"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *name)?;
    }
    for r in 1..=rows {
        let i = r as usize;
        sheet.write_number(r, 0, f64::from(r))?;
        let day = ExcelDateTime::from_ymd(2019, (r % 12 + 1) as u8, (r % 28 + 1) as u8)?;
        sheet.write_datetime_with_format(r, 1, day, &date)?;
        sheet.write_formula(
            r,
            2,
            Formula::new(format!("=A{}*2", r + 1)).set_result((2 * r).to_string()),
        )?;
        sheet.write_string(r, 3, PLACES[i % PLACES.len()])?;
        sheet.write_string(r, 4, KINDS[i % KINDS.len()])?;
        sheet.write_string(r, 5, format!("nota {r}"))?;
    }
    book.save_to_buffer()
}

/// The process's peak resident size so far, in KiB.
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn read(how: &str) {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .expect("standard input");
    let size = bytes.len();
    let mut book = Workbook::open(bytes).expect("a workbook");
    let opened = peak_kib();
    let count = |rows: &mut dyn Iterator<Item = Result<Row, SheetError>>| {
        rows.map(|row| row.expect("a row"))
            .fold((0, None), |(n, _), row| (n + 1, Some(row)))
    };
    let (rows, last) = match how {
        "stream" => count(
            &mut book
                .rows("Eventos", HeaderChoice::Guess)
                .expect("a header")
                .1,
        ),
        "owned" => count(
            &mut book
                .into_rows("Eventos", HeaderChoice::Guess)
                .expect("a header")
                .1,
        ),
        _ => {
            let table = book.table("Eventos").expect("a table");
            (table.rows.len(), table.rows.last().cloned())
        }
    };
    println!(
        "{} rows, file {} KiB; peak after opening {} KiB, after reading ({}) {} KiB; last row {:?}",
        rows,
        size / 1024,
        opened,
        how,
        peak_kib(),
        last.map(|r| r.cells)
    );
}
