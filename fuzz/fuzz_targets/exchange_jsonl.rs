//! The exchange format's JSON Lines: `parse_line` on every line, then the
//! conversion to domain types and back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use testimonio_domain::exchange::parse_line;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for line in text.lines() {
        if let Ok(record) = parse_line(line) {
            testimonio_fuzz::check_conversion(&record);
        }
    }
});
