//! Email ingest's pure functions: message parsing and its page text, the
//! mbox checks and splitter, and HTML to text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use testimonio_ingest::{email, html};

fuzz_target!(
    init: {
        // `parse_email` runs mail-parser under `catch_unwind` by design; the
        // fuzzer's panic hook would abort on those caught panics. With the
        // default hook back, only a panic that escapes is a crash.
        drop(std::panic::take_hook());
    },
    |data: &[u8]| {
        if let Ok(message) = email::parse_email(data) {
            let _ = message.page_text();
            for attachment in &message.attachments {
                let _ = email::looks_like_email(&attachment.bytes);
            }
        }
        let _ = email::looks_like_email(data);
        if email::looks_like_mbox(data) {
            for message in email::split_mbox(data) {
                let _ = email::parse_email(&message);
            }
        }
        let _ = html::html_to_text(&String::from_utf8_lossy(data));
    }
);
