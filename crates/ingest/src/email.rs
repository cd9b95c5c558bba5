//! Email messages (RFC 5322 / MIME) and mbox files.
//!
//! Pure functions over bytes: no file I/O, no printing, no panics (the
//! parser, `mail-parser`, runs under `catch_unwind`, and a panic in it
//! becomes [`EmailError::ParserFailed`]). Errors and problems never quote
//! message content, because they may end up in logs.
//!
//! - [`parse_email`] reads one message: the main headers, the body text
//!   (`text/plain` parts, or the text of the HTML when there is no plain
//!   text), every attachment, and the problems that were survivable.
//! - [`split_mbox`] splits an mbox file into its messages.
//! - [`looks_like_email`] and [`looks_like_mbox`] sniff files without a
//!   telling extension.
//!
//! An attached message (`message/rfc822`) is one attachment holding that
//! message's raw bytes; its own attachments are not listed separately (call
//! [`parse_email`] on those bytes to get them).

use std::borrow::Cow;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};

use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::{
    Address, HeaderName, HeaderValue, Message, MessageParser, MessagePart, MimeHeaders, PartType,
};

use crate::html::html_to_text;

/// The largest message [`parse_email`] reads (64 MiB).
pub const MAX_EMAIL_BYTES: usize = 64 * 1024 * 1024;

/// The most problems listed for one message.
const MAX_PROBLEMS: usize = 50;

/// How far [`looks_like_email`] reads into the bytes.
const SNIFF_BYTES: usize = 64 * 1024;

/// The main header fields of a message, decoded (RFC 2047 encoded words
/// included) and on one line each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmailHeaders {
    /// Every `From` mailbox, as "Name <address>", "address" or "Name".
    pub from: Vec<String>,
    /// Every `To` mailbox (group members included), same form.
    pub to: Vec<String>,
    /// Every `Cc` mailbox, same form.
    pub cc: Vec<String>,
    /// The `Date`, in RFC 3339 when it could be read, as written otherwise.
    pub date: Option<String>,
    pub subject: Option<String>,
    /// The `Message-ID`, without its angle brackets.
    pub message_id: Option<String>,
}

/// One message, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedEmail {
    pub headers: EmailHeaders,
    /// The text/plain parts (line breaks as `\n`); if there are only HTML
    /// parts, their text.
    pub body_text: String,
    /// Every attachment and inline non-text part, in message order,
    /// including attached messages (as the raw bytes of that message, media
    /// type `message/rfc822`). Text attachments are given in UTF-8.
    pub attachments: Vec<Attachment>,
    /// What was odd but survivable, in English, without message content.
    pub problems: Vec<String>,
    /// Attachments known to be there but not given (an Outlook message's
    /// embedded message or OLE object): the message is then `partial`.
    pub unread_attachments: usize,
}

/// One attachment (or inline image, attached message…).
#[derive(Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The file name as sent (`Content-Disposition` filename, else the
    /// `Content-Type` name), untrusted: may contain path separators.
    pub file_name: Option<String>,
    /// Lowercase `type/subtype`.
    pub media_type: String,
    /// The content, transfer encoding (base64, quoted-printable) removed.
    pub bytes: Vec<u8>,
}

impl fmt::Debug for Attachment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Attachment")
            .field("file_name", &self.file_name)
            .field("media_type", &self.media_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Why a message could not be read at all. The messages give reasons only,
/// never message content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("not an email message: {reason}")]
    NotAnEmail { reason: &'static str },
    #[error("the email is larger than the limit of {limit} bytes")]
    TooLarge { limit: usize },
    #[error("the email parser failed on this message")]
    ParserFailed,
}

/// Reads one RFC 5322 / MIME message.
///
/// Refuses inputs larger than [`MAX_EMAIL_BYTES`] and inputs where no
/// header line could be read. A leading mbox `From ` line is skipped. Never
/// panics.
pub fn parse_email(raw: &[u8]) -> Result<ParsedEmail, EmailError> {
    if raw.len() > MAX_EMAIL_BYTES {
        return Err(EmailError::TooLarge {
            limit: MAX_EMAIL_BYTES,
        });
    }
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(EmailError::NotAnEmail {
            reason: "the message is empty",
        });
    }
    match panic::catch_unwind(AssertUnwindSafe(|| parse_unguarded(raw))) {
        Ok(result) => result,
        Err(_) => Err(EmailError::ParserFailed),
    }
}

fn parse_unguarded(raw: &[u8]) -> Result<ParsedEmail, EmailError> {
    let mut problems = Vec::new();
    let mut raw = raw;
    if looks_like_mbox(raw) {
        let first_line_end = raw
            .iter()
            .position(|&b| b == b'\n')
            .map_or(raw.len(), |p| p + 1);
        raw = &raw[first_line_end..];
        problems.push("a leading mbox \"From \" line was skipped".to_owned());
    }
    let no_headers = EmailError::NotAnEmail {
        reason: "no header lines could be read",
    };
    let message = MessageParser::default()
        .parse(raw)
        .ok_or(no_headers.clone())?;
    let root = message.parts.first().ok_or(no_headers.clone())?;
    if !root
        .headers
        .iter()
        .any(|h| is_field_name(h.name.as_str().as_bytes()))
    {
        return Err(no_headers);
    }

    let headers = read_headers(&message, &mut problems);
    let body_text = read_body(&message, &mut problems);
    let attachments = read_attachments(&message, &mut problems);
    tidy_problems(&mut problems);
    Ok(ParsedEmail {
        headers,
        body_text,
        attachments,
        problems,
        unread_attachments: 0,
    })
}

impl ParsedEmail {
    /// The text of the message as one page: the header lines
    /// `From: …`, `To: …`, `Cc: …`, `Date: …`, `Subject: …` (only those that
    /// exist; addresses joined with ", "), a blank line, then the body. With
    /// no header line at all, just the body.
    pub fn page_text(&self) -> String {
        let h = &self.headers;
        let mut page = String::with_capacity(self.body_text.len() + 256);
        let lines: [(&str, Option<String>); 5] = [
            ("From", join(&h.from)),
            ("To", join(&h.to)),
            ("Cc", join(&h.cc)),
            ("Date", h.date.clone()),
            ("Subject", h.subject.clone()),
        ];
        for (name, value) in lines {
            if let Some(value) = value {
                page.push_str(name);
                page.push_str(": ");
                page.push_str(&value);
                page.push('\n');
            }
        }
        if !page.is_empty() {
            page.push('\n');
        }
        page.push_str(&self.body_text);
        page
    }
}

fn join(values: &[String]) -> Option<String> {
    (!values.is_empty()).then(|| values.join(", "))
}

// ---------------------------------------------------------------- headers

fn read_headers(message: &Message<'_>, problems: &mut Vec<String>) -> EmailHeaders {
    let from = mailboxes(message, HeaderName::From);
    if from.is_empty() {
        problems.push("the message has no From address".to_owned());
    }
    EmailHeaders {
        from,
        to: mailboxes(message, HeaderName::To),
        cc: mailboxes(message, HeaderName::Cc),
        date: read_date(message, problems),
        subject: message.subject().map(one_line).filter(|s| !s.is_empty()),
        message_id: message.message_id().map(one_line).filter(|s| !s.is_empty()),
    }
}

/// Every mailbox of every header field with this name, in order.
fn mailboxes(message: &Message<'_>, name: HeaderName<'static>) -> Vec<String> {
    let mut out = Vec::new();
    for value in message.header_values(name) {
        match value {
            HeaderValue::Address(address) => push_addresses(address, &mut out),
            HeaderValue::Text(text) => out.push(one_line(text)),
            HeaderValue::TextList(list) => out.extend(list.iter().map(|t| one_line(t))),
            _ => {}
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

fn push_addresses(address: &Address<'_>, out: &mut Vec<String>) {
    for addr in address.iter() {
        let name = addr.name().map(one_line).filter(|s| !s.is_empty());
        let email = addr.address().map(one_line).filter(|s| !s.is_empty());
        out.push(match (name, email) {
            (Some(name), Some(email)) if name != email => format!("{name} <{email}>"),
            (_, Some(email)) => email,
            (Some(name), None) => name,
            (None, None) => continue,
        });
    }
}

fn read_date(message: &Message<'_>, problems: &mut Vec<String>) -> Option<String> {
    if let Some(date) = message.date().filter(|d| d.is_valid()) {
        return Some(date.to_rfc3339());
    }
    // The last Date field, as written (mail-parser reads the last one too).
    let header = message
        .root_part()
        .headers
        .iter()
        .rev()
        .find(|h| h.name == HeaderName::Date)?;
    let written = message
        .raw_message
        .get(header.offset_start as usize..header.offset_end as usize)
        .map(|bytes| one_line(&String::from_utf8_lossy(bytes)))
        .filter(|s| !s.is_empty());
    if written.is_some() {
        problems
            .push("the Date header could not be read as a date; it is kept as written".to_owned());
    }
    written
}

/// One line of text: control characters (line breaks, tabs) become spaces,
/// runs of whitespace collapse, and the ends are trimmed.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

// ------------------------------------------------------------------- body

fn read_body(message: &Message<'_>, problems: &mut Vec<String>) -> String {
    let mut texts: Vec<String> = Vec::new();
    let mut damaged = false;
    // text_body lists the text/plain parts (and the HTML parts where a
    // message has no plain alternative) in reading order.
    for &id in &message.text_body {
        let Some(part) = message.parts.get(id as usize) else {
            continue;
        };
        let text = match &part.body {
            PartType::Text(text) => text.to_string(),
            PartType::Html(html) => html_to_text(html),
            _ => continue,
        };
        damaged |= check_text_part(part, "a body part", problems);
        texts.push(text);
    }
    if is_blank(&texts) {
        // No plain text: the text of the HTML parts.
        texts.clear();
        for &id in &message.html_body {
            if let Some(part) = message.parts.get(id as usize)
                && let PartType::Html(html) = &part.body
            {
                damaged |= check_text_part(part, "a body part", problems);
                texts.push(html_to_text(html));
            }
        }
    }
    if is_blank(&texts) {
        // A broken structure (a boundary that never appears, …): the parser
        // kept the text of the parts it could not split; read that.
        texts.clear();
        for &id in &message.attachments {
            let Some(part) = message.parts.get(id as usize) else {
                continue;
            };
            let PartType::Text(text) = &part.body else {
                continue;
            };
            let media_type = declared_media_type(part);
            let textual = media_type
                .as_deref()
                .is_none_or(|t| t.starts_with("text/plain") || t.starts_with("multipart/"));
            if part.attachment_name().is_none() && textual && !text.trim().is_empty() {
                texts.push(text.to_string());
                damaged = true;
            }
        }
        if !is_blank(&texts) {
            problems.push(
                "the message structure is broken; the body text was recovered from parts \
                 that could not be read as declared"
                    .to_owned(),
            );
        }
    }
    if damaged {
        problems
            .push("a body part could not be decoded as declared; it is kept as written".to_owned());
    }
    let mut body = String::new();
    for text in &texts {
        let text = normalize_newlines(text);
        let text = text.trim_matches(['\n', ' ', '\t']);
        if text.is_empty() {
            continue;
        }
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(text);
    }
    if body.is_empty() {
        problems.push("no body text was found".to_owned());
    }
    body
}

fn is_blank(texts: &[String]) -> bool {
    texts.iter().all(|t| t.trim().is_empty())
}

fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Notes charset trouble on a text part; returns whether the part had a
/// decoding problem (reported by the caller, once).
fn check_text_part(part: &MessagePart<'_>, what: &str, problems: &mut Vec<String>) -> bool {
    if let Some(charset) = part.content_type().and_then(|ct| ct.attribute("charset"))
        && !is_known_charset(charset)
    {
        problems.push(format!(
            "{what} declares a character set that is not supported; it was read as UTF-8"
        ));
    }
    let text = match &part.body {
        PartType::Text(t) | PartType::Html(t) => t.as_ref(),
        _ => "",
    };
    if text.contains('\u{FFFD}') {
        problems.push(format!(
            "{what} has bytes that are not valid in its character set; they were replaced"
        ));
    }
    part.is_encoding_problem
}

fn is_known_charset(charset: &str) -> bool {
    let label: String = charset
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    label.is_empty()
        || matches!(
            label.as_str(),
            "utf8" | "unicode11utf8" | "unicode20utf8" | "xunicode20utf8"
        )
        || charset_decoder(charset.trim().as_bytes()).is_some()
}

/// Removes repeated problems and keeps the list short (a message with
/// thousands of unnamed parts gets one line for the rest).
fn tidy_problems(problems: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    problems.retain(|p| seen.insert(p.clone()));
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - (MAX_PROBLEMS - 1);
        problems.truncate(MAX_PROBLEMS - 1);
        problems.push(format!("{more} more problems are not listed"));
    }
}

// ------------------------------------------------------------ attachments

fn read_attachments(message: &Message<'_>, problems: &mut Vec<String>) -> Vec<Attachment> {
    let mut attachments = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for &id in &message.attachments {
        if !seen.insert(id) {
            continue;
        }
        let Some(part) = message.parts.get(id as usize) else {
            continue;
        };
        let (bytes, default_type) = match &part.body {
            PartType::Text(text) => (text.as_bytes().to_vec(), "text/plain"),
            PartType::Html(text) => (text.as_bytes().to_vec(), "text/html"),
            PartType::Binary(bytes) | PartType::InlineBinary(bytes) => {
                (bytes.to_vec(), "application/octet-stream")
            }
            PartType::Message(nested) => (nested.raw_message().to_vec(), "message/rfc822"),
            PartType::Multipart(_) => continue,
        };
        let number = attachments.len() + 1;
        let declared = declared_media_type(part);
        let media_type = match declared {
            // Text kept from a multipart whose parts could not be found.
            Some(t) if t.starts_with("multipart/") => default_type.to_owned(),
            Some(t) => t,
            // No Content-Type: in a digest the default is a message.
            None if matches!(part.body, PartType::Message(_)) => "message/rfc822".to_owned(),
            None => default_type.to_owned(),
        };
        let file_name = part
            .attachment_name()
            .map(one_line)
            .filter(|s| !s.is_empty());
        if file_name.is_none() {
            problems.push(format!("attachment {number} has no file name"));
        }
        if part.is_encoding_problem {
            let what = if media_type == "message/rfc822" {
                "is declared as an email but could not be read as one"
            } else {
                "could not be decoded as declared"
            };
            problems.push(format!("attachment {number} {what}; it is kept as written"));
        }
        if matches!(part.body, PartType::Text(_) | PartType::Html(_)) {
            check_text_part(part, &format!("attachment {number}"), problems);
        }
        attachments.push(Attachment {
            file_name,
            media_type,
            bytes,
        });
    }
    attachments
}

/// The declared `type/subtype`, lowercase, when it is well formed.
fn declared_media_type(part: &MessagePart<'_>) -> Option<String> {
    let ct = part.content_type()?;
    let subtype = ct.subtype()?;
    let media_type = format!("{}/{}", ct.ctype().trim(), subtype.trim()).to_ascii_lowercase();
    let well_formed = media_type.len() <= 127
        && media_type.split('/').all(|token| {
            !token.is_empty()
                && token
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(&b))
        });
    well_formed.then_some(media_type)
}

// --------------------------------------------------------------- sniffing

/// True when the bytes look like an RFC 5322 message: they start with
/// header fields (at least one of the usual email ones), and every line up
/// to the first blank line is a header field or its continuation.
pub fn looks_like_email(raw: &[u8]) -> bool {
    let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
    let window = &raw[..raw.len().min(SNIFF_BYTES)];
    let truncated = window.len() < raw.len();
    let mut lines = window.split_inclusive(|&b| b == b'\n').peekable();
    let mut fields = 0;
    let mut known = false;
    while let Some(line) = lines.next() {
        if truncated && lines.peek().is_none() && !line.ends_with(b"\n") {
            break; // A line cut by the sniffing window: judge what came before.
        }
        let line = trim_eol(line);
        if line.is_empty() {
            break; // End of the header.
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if fields == 0 {
                return false;
            }
            continue;
        }
        let Some(name) = field_name(line) else {
            return false;
        };
        fields += 1;
        known |= is_email_field(name);
    }
    fields > 0 && known
}

/// True when the bytes start like an mbox: a `From ` line followed by a
/// message header.
pub fn looks_like_mbox(raw: &[u8]) -> bool {
    if !raw.starts_with(b"From ") {
        return false;
    }
    match raw.iter().position(|&b| b == b'\n') {
        Some(end) => looks_like_email(&raw[end + 1..]),
        None => false,
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The field name of a header line (`Name: value`, spaces allowed before
/// the colon as in RFC 5322's obsolete syntax), or `None`.
fn field_name(line: &[u8]) -> Option<&[u8]> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = line[..colon].trim_ascii_end();
    is_field_name(name).then_some(name)
}

/// RFC 5322 field name: printable US-ASCII except the colon.
fn is_field_name(name: &[u8]) -> bool {
    !name.is_empty()
        && name.len() <= 76
        && name.iter().all(|&b| (33..=126).contains(&b) && b != b':')
}

fn is_email_field(name: &[u8]) -> bool {
    const FIELDS: &[&str] = &[
        "from",
        "to",
        "cc",
        "bcc",
        "subject",
        "date",
        "message-id",
        "received",
        "return-path",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "reply-to",
        "sender",
        "delivered-to",
        "in-reply-to",
        "references",
        "dkim-signature",
        "authentication-results",
        "arc-seal",
        "x-mailer",
        "user-agent",
        "thread-topic",
        "thread-index",
    ];
    FIELDS
        .iter()
        .any(|f| f.as_bytes().eq_ignore_ascii_case(name))
}

// ------------------------------------------------------------------- mbox

/// Splits an mbox file into the raw bytes of its messages (every message,
/// including the last), in file order.
///
/// A message starts at a `From ` line that is followed by a header line
/// and is either the first line, preceded by a blank line, or a full
/// postmark (`From sender Mon Jan  1 10:00:00 2024`), so that an
/// unescaped "From " sentence inside a body does not split it. Quoted
/// `>From ` lines (any number of `>`) lose one `>` (mboxrd). The blank
/// line that separates messages is removed. Bytes before the first `From `
/// line, if not blank, are returned as a first message: nothing is dropped.
pub fn split_mbox(raw: &[u8]) -> Vec<Vec<u8>> {
    let mut messages: Vec<Vec<u8>> = Vec::new();
    let mut leading: Vec<u8> = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut previous_blank = true;
    let mut lines = raw.split_inclusive(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let is_separator = line.starts_with(b"From ")
            && (previous_blank
                || current.as_ref().is_some_and(Vec::is_empty)
                || is_postmark(trim_eol(line)))
            && lines
                .peek()
                .is_some_and(|next| field_name(trim_eol(next)).is_some());
        if is_separator {
            if let Some(done) = current.take() {
                messages.push(strip_separator(done));
            }
            current = Some(Vec::new());
            previous_blank = false;
            continue;
        }
        previous_blank = trim_eol(line).is_empty();
        match current.as_mut() {
            Some(message) => {
                let quoted = line.iter().take_while(|&&b| b == b'>').count();
                if quoted > 0 && line[quoted..].starts_with(b"From ") {
                    message.extend_from_slice(&line[1..]);
                } else {
                    message.extend_from_slice(line);
                }
            }
            None => leading.extend_from_slice(line),
        }
    }
    if let Some(done) = current.take() {
        messages.push(strip_separator(done));
    }
    if !leading.iter().all(u8::is_ascii_whitespace) {
        messages.insert(0, leading);
    }
    messages
}

/// Removes the blank line an mbox writer puts after each message.
fn strip_separator(mut message: Vec<u8>) -> Vec<u8> {
    if message.ends_with(b"\r\n\r\n") {
        message.truncate(message.len() - 2);
    } else if message.ends_with(b"\n\n") {
        message.truncate(message.len() - 1);
    }
    message
}

/// A `From ` line with a time (`hh:mm`) and a four-digit year, as mbox
/// writers put them.
fn is_postmark(line: &[u8]) -> bool {
    let Ok(line) = std::str::from_utf8(line) else {
        return false;
    };
    let mut has_time = false;
    let mut has_year = false;
    for token in line.split_ascii_whitespace().skip(2) {
        let mut pieces = token.split(':');
        let hour = pieces.next().unwrap_or("");
        let minute = pieces.next();
        if let Some(minute) = minute
            && (1..=2).contains(&hour.len())
            && hour.bytes().all(|b| b.is_ascii_digit())
            && minute.len() == 2
            && minute.bytes().all(|b| b.is_ascii_digit())
        {
            has_time = true;
        }
        if token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit()) {
            has_year = true;
        }
    }
    has_time && has_year
}
