//! Outlook `.msg` messages (MS-OXMSG: an OLE compound file of MAPI
//! properties), read in memory by `msg_parser` into the same
//! [`ParsedEmail`] an RFC 5322 message gives, so that a `.msg` is recorded
//! exactly like an `.eml`: headers and body as its page, the `Date` as its
//! own date, attachments as child documents.
//!
//! Like [`crate::email`], pure functions over bytes: the parser runs under
//! `catch_unwind`, and errors and problems never quote message content.

use std::panic::{self, AssertUnwindSafe};

use msg_parser::Outlook;

use crate::email::{Attachment, EmailError, EmailHeaders, MAX_EMAIL_BYTES, ParsedEmail};
use crate::html::html_to_text;

/// The first bytes of every OLE compound file (`.msg`, `.doc`, `.xls`).
pub const OLE_MAGIC: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// Whether `bytes` are an Outlook message: an OLE compound file whose
/// directory names MAPI property streams (`__substg1.0_…`, in UTF-16).
pub fn looks_like_msg(bytes: &[u8]) -> bool {
    bytes.starts_with(OLE_MAGIC) && has_utf16_name(bytes, "__substg1.0_")
}

/// Whether an OLE compound file's directory holds an entry whose name
/// starts with `name` (directory names are UTF-16LE).
pub(crate) fn has_utf16_name(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Reads one Outlook message.
///
/// # Errors
/// Inputs larger than [`MAX_EMAIL_BYTES`], files that are not an OLE
/// compound file, and a parser failure (a panic caught) — each with its
/// reason, never content.
pub fn parse_msg(raw: &[u8]) -> Result<ParsedEmail, EmailError> {
    if raw.len() > MAX_EMAIL_BYTES {
        return Err(EmailError::TooLarge {
            limit: MAX_EMAIL_BYTES,
        });
    }
    if !raw.starts_with(OLE_MAGIC) {
        return Err(EmailError::NotAnEmail {
            reason: "not an OLE compound file",
        });
    }
    match panic::catch_unwind(AssertUnwindSafe(|| Outlook::from_slice(raw))) {
        Ok(Ok(message)) => Ok(read(&message)),
        Ok(Err(_)) => Err(EmailError::NotAnEmail {
            reason: "the Outlook message's compound file could not be read",
        }),
        Err(_) => Err(EmailError::ParserFailed),
    }
}

fn read(message: &Outlook) -> ParsedEmail {
    let mut problems = Vec::new();
    let person = |p: &msg_parser::Person| -> Option<String> {
        let name = p.name.trim();
        let email = p.email.trim();
        match (name.is_empty(), email.is_empty()) {
            (true, true) => None,
            (true, false) => Some(email.to_owned()),
            (false, true) => Some(name.to_owned()),
            (false, false) if name == email => Some(email.to_owned()),
            (false, false) => Some(format!("{name} <{email}>")),
        }
    };
    let nonempty = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
    // The sender's own Date header when the message travelled by SMTP
    // (its day in the sender's offset, as for an .eml), else the time the
    // client sent it, else delivered it (UTC, RFC 3339).
    let date = nonempty(&message.headers.date)
        .or_else(|| nonempty(&message.client_submit_time))
        .or_else(|| nonempty(&message.message_delivery_time));
    let headers = EmailHeaders {
        from: person(&message.sender).into_iter().collect(),
        to: message.to.iter().filter_map(person).collect(),
        cc: message.cc.iter().filter_map(person).collect(),
        date,
        subject: nonempty(&message.subject),
        message_id: nonempty(&message.headers.message_id)
            .map(|id| id.trim_matches(['<', '>']).to_owned()),
    };
    let body_text = body(message, &mut problems);
    let mut attachments = Vec::with_capacity(message.attachments.len());
    let mut unread_attachments = 0;
    for (i, attachment) in message.attachments.iter().enumerate() {
        if attachment.payload_bytes.is_empty() {
            // An embedded message or OLE object is a storage, not bytes.
            let what = match attachment.attach_method {
                5 => "an embedded Outlook message",
                6 => "an embedded OLE object",
                _ => "no content",
            };
            problems.push(format!("attachment {}: {what}, not read", i + 1));
            unread_attachments += 1;
            continue;
        }
        let file_name = [
            &attachment.long_file_name,
            &attachment.file_name,
            &attachment.display_name,
        ]
        .into_iter()
        .find_map(|n| nonempty(n));
        let media_type = nonempty(&attachment.mime_tag).map_or_else(
            || "application/octet-stream".to_owned(),
            |m| m.to_ascii_lowercase(),
        );
        attachments.push(Attachment {
            file_name,
            media_type,
            bytes: attachment.payload_bytes.clone(),
        });
    }
    ParsedEmail {
        headers,
        body_text,
        attachments,
        problems,
        unread_attachments,
    }
}

/// The plain-text body; else the HTML body's text; else the text of the
/// HTML kept inside the compressed RTF body (what Outlook often stores).
fn body(message: &Outlook, problems: &mut Vec<String>) -> String {
    let plain = message.body.replace("\r\n", "\n");
    if !plain.trim().is_empty() {
        return plain;
    }
    if let Some(html) = html_body(&message.html) {
        return html_to_text(&html);
    }
    match panic::catch_unwind(AssertUnwindSafe(|| message.html_from_rtf())) {
        Ok(Some(html)) if !html.trim().is_empty() => html_to_text(&html),
        Ok(_) => {
            problems.push("the message has no body text".to_owned());
            String::new()
        }
        Err(_) => {
            problems.push("the message's RTF body could not be read".to_owned());
            String::new()
        }
    }
}

/// `msg_parser` gives a binary HTML property as hexadecimal digits.
fn html_body(html: &str) -> Option<String> {
    let html = html.trim();
    if html.is_empty() {
        return None;
    }
    let hex_digits = html.len().is_multiple_of(2) && html.bytes().all(|b| b.is_ascii_hexdigit());
    if hex_digits && let Ok(bytes) = hex::decode(html) {
        return Some(String::from_utf8_lossy(&bytes).into_owned());
    }
    Some(html.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_ole_file_naming_mapi_streams_is_a_message() {
        let mut bytes = OLE_MAGIC.to_vec();
        bytes.extend(std::iter::repeat_n(0u8, 512));
        assert!(!looks_like_msg(&bytes));
        bytes.extend(
            "__substg1.0_0037001F"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        assert!(looks_like_msg(&bytes));
        assert!(!looks_like_msg(b"__substg1.0_"));
    }

    #[test]
    fn a_broken_message_is_an_error_with_a_reason() {
        let mut bytes = OLE_MAGIC.to_vec();
        bytes.extend(std::iter::repeat_n(0xffu8, 600));
        let err = parse_msg(&bytes).err().unwrap();
        assert!(matches!(
            err,
            EmailError::NotAnEmail { .. } | EmailError::ParserFailed
        ));
        assert!(parse_msg(b"not a message").is_err());
    }

    #[test]
    fn a_binary_html_body_is_decoded() {
        assert_eq!(
            html_body("3c703e686f6c613c2f703e").as_deref(),
            Some("<p>hola</p>")
        );
        assert_eq!(html_body("<p>x</p>").as_deref(), Some("<p>x</p>"));
        assert_eq!(html_body("  "), None);
    }
}
