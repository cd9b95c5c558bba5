//! Deadlines as an iCalendar file (RFC 5545), for any calendar program.
//!
//! One all-day `VEVENT` per deadline. The `UID` is built from the request's
//! id and the deadline's kind, so importing a newer file updates the events
//! instead of duplicating them. The `SUMMARY` names the request by its
//! tracking number (or id) and agency only, never by its subject or text:
//! calendar files end up on phones and in hosted calendar services.
//!
//! The text follows RFC 5545 section 3.1: CRLF line endings, content lines
//! folded at 75 octets without splitting a UTF-8 character, and TEXT values
//! escaped (section 3.3.11).

use chrono::{Days, NaiveDate, NaiveDateTime};
use testimonio_domain::Lang;
use testimonio_i18n::tr;

use crate::deadlines::{Deadline, DeadlineStatus, deadlines};
use crate::request::FoiaRequest;

/// What the calendar is computed for and stamped with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarParams {
    /// The day the deadlines are computed for (see [`deadlines`]).
    pub today: NaiveDate,
    /// The `DTSTAMP` of every event, in UTC: when the file was made.
    pub dtstamp: NaiveDateTime,
    pub lang: Lang,
    /// The calendar's display name (`X-WR-CALNAME`), if any.
    pub name: Option<String>,
}

/// The longest content line, in octets, without its CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

/// A calendar with one event per deadline of each request, in the order
/// of the requests and of [`crate::DeadlineKind::ALL`]. Closed and
/// withdrawn requests are left out, so that their events disappear from a
/// calendar that is refreshed with the new file.
pub fn calendar(requests: &[FoiaRequest], params: &CalendarParams) -> String {
    let mut out = String::new();
    let mut line = |text: &str| fold_into(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Testimonio//FOIA deadlines//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    if let Some(name) = &params.name {
        line(&format!("X-WR-CALNAME:{}", escape_text(name)));
    }
    let stamp = params.dtstamp.format("%Y%m%dT%H%M%SZ").to_string();
    for request in requests.iter().filter(|r| r.status().is_active()) {
        for deadline in deadlines(request, params.today).iter() {
            for l in event_lines(request, deadline, &stamp, params) {
                line(&l);
            }
        }
    }
    line("END:VCALENDAR");
    out
}

fn event_lines(
    request: &FoiaRequest,
    deadline: &Deadline,
    stamp: &str,
    params: &CalendarParams,
) -> Vec<String> {
    let lang = params.lang;
    let date = |d: NaiveDate| d.format("%Y%m%d").to_string();
    let end = deadline
        .date
        .checked_add_days(Days::new(1))
        .unwrap_or(deadline.date);
    let summary = tr!(
        lang,
        "foia-ics-summary",
        reference = request.reference(),
        agency = request.agency().abbreviation(),
        deadline = deadline.kind.label(lang)
    );
    let mut description = deadline.explanation.describe(lang);
    let state = match deadline.status(params.today) {
        DeadlineStatus::Met { on, late: false } => Some(tr!(
            lang,
            "foia-ics-met-on",
            date = crate::clock::day(on, lang)
        )),
        DeadlineStatus::Met { on, late: true } => Some(tr!(
            lang,
            "foia-ics-met-late-on",
            date = crate::clock::day(on, lang)
        )),
        _ => None,
    };
    if let Some(state) = state {
        description.push('\n');
        description.push_str(&state);
    }
    if deadline.provisional {
        description.push('\n');
        description.push_str(tr!(lang, "foia-ics-provisional"));
    }
    description.push('\n');
    description.push_str(&tr!(lang, "foia-ics-request", id = request.id().as_str()));
    vec![
        "BEGIN:VEVENT".to_owned(),
        format!(
            "UID:{}",
            escape_text(&format!(
                "{}-{}@testimonio",
                request.id(),
                deadline.kind.code()
            ))
        ),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", date(deadline.date)),
        format!("DTEND;VALUE=DATE:{}", date(end)),
        format!("SUMMARY:{}", escape_text(&summary)),
        format!("DESCRIPTION:{}", escape_text(&description)),
        format!("CATEGORIES:{}", escape_text(tr!(lang, "foia-ics-category"))),
        "TRANSP:TRANSPARENT".to_owned(),
        "END:VEVENT".to_owned(),
    ]
}

/// Escapes a TEXT value: `\` `;` `,` and line breaks (RFC 5545 3.3.11).
/// Other control characters, which TEXT may not hold, are dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` to `out` folded at [`MAX_LINE_OCTETS`] octets, each
/// continuation starting with one space (which counts toward the 75), and
/// never inside a UTF-8 character; ends it with CRLF.
pub fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg\u{7}h"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ngh"
        );
    }

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "ñ".repeat(100));
        fold_into(&mut out, &line);
        assert!(out.ends_with("\r\n"));
        for physical in out.trim_end_matches("\r\n").split("\r\n") {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{}", physical.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        // Exactly 75 octets stays on one line.
        let mut out = String::new();
        fold_into(&mut out, &"x".repeat(75));
        assert_eq!(out, "x".repeat(75) + "\r\n");
    }
}
