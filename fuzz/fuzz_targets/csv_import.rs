//! One file of the CSV directory format, as `import` reads it: the first
//! byte picks the file (groups, people, events), the rest is its content.
//! Every record read converts to domain types and back; every cell survives
//! the spreadsheet escaping of the CSV export.
#![no_main]

use libfuzzer_sys::fuzz_target;
use testimonio_vault::transfer::{CsvTable, imported_cell, read_csv, spreadsheet_cell};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    let table = CsvTable::ALL[usize::from(pick) % CsvTable::ALL.len()];
    if let Ok(rows) = read_csv(table, content) {
        for (_, record) in rows {
            if let Ok(record) = record {
                testimonio_fuzz::check_conversion(&record);
            }
        }
    }
    let text = String::from_utf8_lossy(content);
    assert_eq!(imported_cell(&spreadsheet_cell(&text)), text);
});
