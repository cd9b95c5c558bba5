//! The calendar file, read back by an independent iCalendar parser
//! (the `icalendar` crate's RFC 5545 parser).

use chrono::{NaiveDate, NaiveDateTime};
use icalendar::parser::{Component, read_calendar, unfold};
use testimonio_foia::ics::{CalendarParams, MAX_LINE_OCTETS, calendar};
use testimonio_foia::{
    AppealParts, DecisionParts, FoiaRequest, FoiaRequestParts, Lang, TollingParts, deadlines,
};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    day("2026-11-25")
}

fn requests() -> Vec<FoiaRequest> {
    let base = |id: &str, agency: &str| FoiaRequestParts {
        id: id.into(),
        agency: agency.into(),
        subject: "Never in a calendar: private subject".into(),
        ..FoiaRequestParts::default()
    };
    let parts = [
        // Determination, expedited decision, may sue.
        FoiaRequestParts {
            tracking_number: Some("2025-ICFO-0001, lote; 2\\b".into()),
            date_received: Some("2024-12-20".into()),
            expedited_requested: true,
            status: Some("processing".into()),
            ..base("r-ice-1", "ice")
        },
        // Determination (met), appeal (met), appeal decision, may sue.
        FoiaRequestParts {
            tracking_number: Some("Núm. ñandú — acción".into()),
            date_received: Some("2025-03-03".into()),
            determination: Some(DecisionParts {
                outcome: "denied".into(),
                date: "2025-03-20".into(),
            }),
            appeal: Some(AppealParts {
                filed: "2025-04-01".into(),
                received: Some("2025-04-01".into()),
                ..AppealParts::default()
            }),
            status: Some("appealed".into()),
            ..base("r-uscis-2", "uscis")
        },
        // A draft: nothing to put in a calendar.
        base("r-draft-3", "cbp"),
        // Withdrawn: left out, though it has a determination deadline.
        FoiaRequestParts {
            date_received: Some("2025-03-03".into()),
            status: Some("withdrawn".into()),
            ..base("r-withdrawn-5", "dhs")
        },
        // No tracking number; a long fee dispute makes a long description.
        FoiaRequestParts {
            date_received: Some("2025-10-01".into()),
            tolling: vec![TollingParts {
                kind: "fee_dispute".into(),
                from: "2025-10-06".into(),
                to: Some("2026-01-30".into()),
            }],
            ..base("r-eoir-4", "eoir")
        },
    ];
    parts
        .into_iter()
        .map(|p| FoiaRequest::new(p, today()).unwrap())
        .collect()
}

fn params(lang: Lang) -> CalendarParams {
    CalendarParams {
        today: today(),
        dtstamp: NaiveDateTime::parse_from_str("2026-11-25 19:04:05", "%Y-%m-%d %H:%M:%S").unwrap(),
        lang,
        name: Some("Plazos FOIA, comité; 2026".into()),
    }
}

fn prop<'a>(event: &'a Component<'a>, name: &str) -> &'a str {
    event
        .find_prop(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .val
        .as_str()
}

#[test]
fn lines_are_crlf_and_folded_at_75_octets() {
    let text = calendar(&requests(), &params(Lang::Es));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    assert!(!text.replace("\r\n", "").contains('\r'), "bare CR");
    let mut folded = 0;
    for line in text.trim_end_matches("\r\n").split("\r\n") {
        assert!(
            line.len() <= MAX_LINE_OCTETS,
            "{} octets: {line}",
            line.len()
        );
        assert!(!line.is_empty());
        if line.starts_with(' ') {
            folded += 1;
        }
    }
    assert!(folded > 20, "expected long lines to be folded");
}

#[test]
fn an_independent_parser_reads_it_back() {
    let requests = requests();
    for lang in Lang::ALL {
        let p = params(lang);
        let text = calendar(&requests, &p);
        let unfolded = unfold(&text);
        let cal = read_calendar(&unfolded).expect("parses");
        assert_eq!(
            cal.properties
                .iter()
                .find(|p| p.name == "VERSION")
                .unwrap()
                .val
                .as_str(),
            "2.0"
        );
        assert_eq!(
            cal.properties
                .iter()
                .find(|p| p.name == "X-WR-CALNAME")
                .unwrap()
                .val
                .as_str(),
            "Plazos FOIA, comité; 2026"
        );

        let events: Vec<&Component> = cal
            .components
            .iter()
            .filter(|c| c.name == "VEVENT")
            .collect();
        let expected: Vec<_> = requests
            .iter()
            .filter(|r| r.status().is_active())
            .flat_map(|r| {
                deadlines(r, p.today)
                    .iter()
                    .map(|d| (r.clone(), d.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        // 3 + 4 + 0 + 0 (withdrawn) + 2 (determination, may sue).
        assert_eq!(events.len(), 9);
        assert_eq!(events.len(), expected.len());

        let mut uids = Vec::new();
        for (event, (request, deadline)) in events.iter().zip(&expected) {
            let uid = prop(event, "UID");
            assert_eq!(
                uid,
                format!("{}-{}@testimonio", request.id(), deadline.kind.code())
            );
            uids.push(uid.to_owned());
            assert_eq!(prop(event, "DTSTAMP"), "20261125T190405Z");

            let start = event.find_prop("DTSTART").unwrap();
            assert!(
                start
                    .params
                    .iter()
                    .any(|p| p.key == "VALUE" && p.val.as_ref().is_some_and(|v| *v == "DATE"))
            );
            assert_eq!(
                start.val.as_str(),
                deadline.date.format("%Y%m%d").to_string()
            );
            let end = NaiveDate::parse_from_str(prop(event, "DTEND"), "%Y%m%d").unwrap();
            assert_eq!(end, deadline.date.succ_opt().unwrap());

            let summary = prop(event, "SUMMARY");
            assert_eq!(
                summary,
                format!(
                    "{} ({}): {}",
                    request.reference(),
                    request.agency().abbreviation(),
                    deadline.kind.label(lang)
                )
            );
            assert!(!summary.contains("private subject"));

            let description = prop(event, "DESCRIPTION");
            assert!(
                description.starts_with(&deadline.explanation.describe(lang)),
                "{description}"
            );
            assert!(description.ends_with(request.id().as_str()));
            assert!(!description.contains("private subject"));
        }
        let n = uids.len();
        uids.sort();
        uids.dedup();
        assert_eq!(uids.len(), n, "UIDs are unique");

        // Commas, semicolons, a backslash and accents in summaries.
        let first = prop(events[0], "SUMMARY");
        assert!(first.starts_with("2025-ICFO-0001, lote; 2\\b (ICE): "));
        let accented = prop(events[3], "SUMMARY");
        assert!(accented.starts_with("Núm. ñandú — acción (USCIS): "));
        if lang == Lang::Es {
            assert!(accented.ends_with("vence la determinación"));
        }

        // The long description (a fee dispute of four months) survives
        // folding whole, line breaks included.
        let long = events
            .iter()
            .map(|e| prop(e, "DESCRIPTION"))
            .max_by_key(|d| d.len())
            .unwrap();
        assert!(long.len() > 2_000, "{}", long.len());
        assert!(long.contains('\n'));
        let eoir = &expected[7].1;
        assert!(long.starts_with(&eoir.explanation.describe(lang)));
    }
}

#[test]
fn dates_of_the_events() {
    let text = calendar(&requests(), &params(Lang::En));
    let unfolded = unfold(&text);
    let cal = read_calendar(&unfolded).unwrap();
    let dates: Vec<(&str, &str)> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|e| (prop(e, "UID"), prop(e, "DTSTART")))
        .collect();
    assert_eq!(
        dates,
        [
            // Received Fri 2024-12-20: 20 working days → Wed 2025-01-22.
            ("r-ice-1-determination@testimonio", "20250122"),
            // 10 calendar days → Mon 2024-12-30.
            ("r-ice-1-expedited-decision@testimonio", "20241230"),
            ("r-ice-1-may-sue@testimonio", "20250123"),
            // Received Mon 2025-03-03 → Mon 2025-03-31.
            ("r-uscis-2-determination@testimonio", "20250331"),
            // Denied Thu 2025-03-20 + 90 days → Wed 2025-06-18.
            ("r-uscis-2-appeal@testimonio", "20250618"),
            // Appeal received Tue 2025-04-01 → Tue 2025-04-29.
            ("r-uscis-2-appeal-decision@testimonio", "20250429"),
            ("r-uscis-2-may-sue@testimonio", "20250430"),
            // Received Wed 2025-10-01: Oct 2-3 (2), tolled Oct 6 through
            // Fri 2026-01-30, then Feb 2-6 (7), 9-13 (12), skip Mon 16
            // Washington's Birthday, 17-20 (16), 23-26 (20) → Thu 2026-02-26.
            ("r-eoir-4-determination@testimonio", "20260226"),
            ("r-eoir-4-may-sue@testimonio", "20260227"),
        ]
    );
}

#[test]
fn the_file_is_stable() {
    let a = calendar(&requests(), &params(Lang::En));
    let b = calendar(&requests(), &params(Lang::En));
    assert_eq!(a, b);
    // Another day changes statuses but not the UIDs.
    let later = CalendarParams {
        today: day("2026-12-31"),
        ..params(Lang::En)
    };
    let c = calendar(&requests(), &later);
    let uids = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(uids(&a), uids(&c));
}
