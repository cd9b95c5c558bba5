//! Prints demo data as exchange-format JSON Lines, header first:
//! `cargo run -p testimonio-demo --example jsonl [EVENTS] > demo.jsonl`.
//! Without an argument, prints the standard demo.

use testimonio_demo::{DemoSpec, generate};
use testimonio_domain::exchange::{ExchangeRecord, HeaderRecord};

fn main() {
    let spec = match std::env::args().nth(1) {
        Some(n) => match n.parse() {
            Ok(events) => DemoSpec::scaled(events),
            Err(_) => {
                eprintln!("usage: jsonl [EVENTS]");
                std::process::exit(2);
            }
        },
        None => DemoSpec::standard(),
    };
    let data = generate(&spec);
    let header = std::iter::once(ExchangeRecord::Header(HeaderRecord::current()));
    for record in header.chain(data.records()) {
        match serde_json::to_string(&record) {
            Ok(line) => println!("{line}"),
            Err(e) => {
                eprintln!("cannot serialize a record: {e}");
                std::process::exit(1);
            }
        }
    }
}
