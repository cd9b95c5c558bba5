//! Every kind of PDF the crate writes (a report, a case packet, a letter),
//! read back by poppler as a reader would: `pdftotext` gets every planted
//! name back whole, whatever its script; hostile text prints as written;
//! table headers and dates are whole words; `pdftoppm` renders each page,
//! kept under `target-artifacts/pdf/` to be looked at.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use testimonio_domain::Lang;
use testimonio_report::chart::{Anchor, Color, Drawing, Face, Shape};
use testimonio_report::doc::{Block, Document, Figure, Span, Table, TableCell};
use testimonio_report::packet::{
    PacketCase, PacketDocument, PacketEvent, PacketExcerpt, PacketInput, PacketPerson,
    PacketProvenance, packet,
};
use testimonio_report::{pdf, text_pdf};

/// Names in Vietnamese, Polish, Russian and Spanish: none of them prints
/// with the standard PDF fonts.
const PLANTED: [&str; 5] = ["Nguyễn Thị Lan", "Đà Nẵng", "Łódź", "Ольга", "Peña Núñez"];

/// Where page images go: `$TESTIMONIO_ARTIFACTS/pdf`, by default
/// `<workspace>/target-artifacts/pdf`.
fn artifact_dir() -> PathBuf {
    let root = std::env::var_os("TESTIMONIO_ARTIFACTS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target-artifacts"),
        PathBuf::from,
    );
    root.join("pdf")
}

fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("in.pdf");
    fs::write(&path, pdf).expect("write the PDF");
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils, installed by scripts/setup): {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 from poppler")
}

/// The text of the PDF, every run of white space (line and page breaks
/// included) as one space.
fn pdftotext(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-enc", "UTF-8"], pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Renders every page to `<artifacts>/pdf/NAME-N.png` at 60 dpi (replacing
/// an earlier rendering) and keeps the PDF beside them; returns the pages.
fn keep_pages(pdf: &[u8], name: &str) -> Vec<PathBuf> {
    let dir = artifact_dir();
    fs::create_dir_all(&dir).expect("the artifact directory");
    let is_page = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_prefix(&format!("{name}-")))
            .and_then(|rest| rest.strip_suffix(".png"))
            .is_some_and(|num| num.bytes().all(|b| b.is_ascii_digit()))
    };
    for old in fs::read_dir(&dir).expect("list artifacts").flatten() {
        if is_page(&old.path()) {
            fs::remove_file(old.path()).expect("remove an old page");
        }
    }
    let path = dir.join(format!("{name}.pdf"));
    fs::write(&path, pdf).expect("keep the PDF");
    let out = Command::new("pdftoppm")
        .args(["-r", "60", "-png"])
        .arg(&path)
        .arg(dir.join(name))
        .output()
        .expect("pdftoppm (poppler-utils) is installed by scripts/setup");
    assert!(
        out.status.success(),
        "pdftoppm: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut pages: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("list artifacts")
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_page(p))
        .collect();
    pages.sort();
    for page in &pages {
        let bytes = fs::read(page).expect("read a page");
        assert!(bytes.starts_with(b"\x89PNG"), "{}", page.display());
        assert!(bytes.len() > 2_000, "{} looks blank", page.display());
    }
    pages
}

/// A report with the planted names in every kind of block.
fn report(lang: Lang) -> Document {
    let names = PLANTED.join(", ");
    let mut blocks = vec![
        Block::Notice(vec![Span::bold(names.clone())]),
        Block::Heading {
            level: 1,
            text: format!("{} — {}", PLANTED[0], PLANTED[1]),
        },
        Block::Paragraph(vec![
            Span::plain("Accounts from "),
            Span::bold(PLANTED[2]),
            Span::plain(" and "),
            Span::italic(PLANTED[3]),
            Span::plain(", told to "),
            Span::plain(PLANTED[4]),
            Span::plain("."),
        ]),
        Block::Quote(names.clone()),
        Block::Bullets(PLANTED.iter().map(|n| vec![Span::plain(*n)]).collect()),
    ];
    blocks.push(Block::Table(Table {
        caption: "Table 1. People".into(),
        header: vec!["Name".into(), "Place".into(), "Count".into()],
        numeric: vec![false, false, true],
        rows: PLANTED
            .iter()
            .enumerate()
            .map(|(i, n)| {
                vec![
                    TableCell::text(*n),
                    TableCell::muted(PLANTED[(i + 1) % 5]),
                    TableCell::text(format!("{}", i + 5)),
                ]
            })
            .collect(),
        total_row: false,
        note: None,
    }));
    blocks.push(Block::Figure(Figure {
        caption: "Figure 1. Places".into(),
        drawing: Drawing {
            width: 320.0,
            height: 30.0,
            description: "Places".into(),
            shapes: vec![
                Shape::Rect {
                    x: 0.0,
                    y: 0.0,
                    w: 20.0,
                    h: 20.0,
                    fill: Some(Color::BAR),
                    stroke: None,
                },
                Shape::Text {
                    x: 30.0,
                    y: 15.0,
                    text: "Zfigureword".into(),
                    size: 9.0,
                    anchor: Anchor::Start,
                    face: Face::Bold,
                    color: Color::INK,
                    key: None,
                },
            ],
        },
    }));
    Document {
        lang,
        title: format!("Report on {}", PLANTED[0]),
        subtitle: vec![PLANTED[4].into()],
        marking: "Public".into(),
        blocks,
    }
}

/// A packet whose person, places, narratives and quotes carry the names;
/// long enough (Spanish headers, long places) for its timeline to wrap.
fn packet_input() -> PacketInput {
    let start = chrono::NaiveDate::from_ymd_opt(2016, 1, 17).expect("a date");
    let events: Vec<PacketEvent> = (0..24)
        .map(|i| {
            let day = start + chrono::Duration::days(11 * i);
            let protected = i % 3 == 0;
            PacketEvent {
                id: format!("e-{i:02}"),
                date: day.to_string(),
                day,
                until: day,
                protected,
                type_label: if protected {
                    "Actividad protegida: huelga de hambre".into()
                } else {
                    "Notificación de comparecencia".into()
                },
                role_label: "Organizadora".into(),
                place: format!(
                    "{}, {} — centro de detención del noroeste",
                    PLANTED[1], PLANTED[2]
                ),
                narrative: Some(format!(
                    "{} y {} hablaron con {}.",
                    PLANTED[0], PLANTED[3], PLANTED[4]
                )),
            }
        })
        .collect();
    let documents: Vec<PacketDocument> = (0..6)
        .map(|i| PacketDocument {
            id: format!("d-{i}"),
            file_name: format!("ice-fourth-interim-release-letter-{i}.pdf"),
            sha256: format!("{:064x}", (i as u128 + 7) * 0x9e37_79b9_7f4a_7c15),
            size: 440_551,
            // The certification page lists how each exhibit came in.
            provenance: PacketProvenance {
                added_at: "2024-03-01T12:00:00Z".into(),
                added_by: "coordinadora".into(),
                source_label: Some("Producción FOIA".into()),
                custodian: Some(format!("Oficina de {}", PLANTED[2])),
                obtained_on: Some("2024-02-27".into()),
                extracted_with: Some("pdftotext 22.12.0".into()),
                custody_events: 3,
            },
        })
        .collect();
    let excerpts = (0..30)
        .map(|i| PacketExcerpt {
            document: format!("d-{}", i % 6),
            page: i / 6 + 1,
            quote: format!("{} es una instigadora ({}).", PLANTED[0], PLANTED[3]),
            tags: vec!["represalia".into()],
            events: vec![format!("e-{:02}", i % 24)],
        })
        .collect();
    PacketInput {
        case: Some(PacketCase {
            id: "case-1".into(),
            title: format!("Solicitud de {}", PLANTED[4]),
            kind_label: "Defensa".into(),
            status_label: "Abierto".into(),
            attorney: Some(PLANTED[4].into()),
            opened_on: Some("2024-03".into()),
        }),
        person: PacketPerson {
            id: "p-1".into(),
            pseudonym: PLANTED[3].into(),
            legal_name: Some(PLANTED[0].into()),
        },
        events,
        excerpts,
        documents,
        software: "testimonio test".into(),
        generated_on: "2026-12-03".into(),
    }
}

fn letter() -> String {
    format!(
        "{}\n{}\n\nFOIA Officer\n\nDear Officer:\n\n{}\n\nSincerely,\n\n{}\n",
        PLANTED[4],
        PLANTED[1],
        format!(
            "This is an appeal on behalf of {} and {} of {}. ",
            PLANTED[0], PLANTED[3], PLANTED[2]
        )
        .repeat(12),
        PLANTED[4]
    )
}

fn assert_planted(text: &str, what: &str) {
    for name in PLANTED {
        assert!(
            text.contains(name),
            "{name} missing from the {what}:\n{text}"
        );
    }
    assert!(
        !text.contains('\u{fffd}'),
        "a replacement character in the {what}"
    );
}

#[test]
fn every_pdf_keeps_every_planted_name_and_renders() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Es, "es")] {
        let report = pdf::render(&report(lang));
        assert_planted(&pdftotext(&report), "report");
        assert!(pdftotext(&report).contains("Zfigureword"), "figure text");
        assert!(!keep_pages(&report, &format!("report-{code}")).is_empty());

        let packet = pdf::render(&packet(&packet_input(), lang));
        assert_planted(&pdftotext(&packet), "packet");
        assert!(keep_pages(&packet, &format!("packet-{code}")).len() >= 3);
        if lang == Lang::En {
            // The certification is a page of its own, to be signed.
            let text = poppler("pdftotext", &["-enc", "UTF-8"], &packet);
            let page = text
                .split('\x0c')
                .find(|page| page.contains("Certification of authenticity"))
                .expect("a certification page");
            // Below the running header, the heading comes first.
            let mut lines = page.lines().filter(|l| !l.trim().is_empty()).skip(1);
            assert!(
                lines
                    .next()
                    .is_some_and(|l| l.starts_with("Certification of authenticity")),
                "the certification shares its page:\n{page}"
            );
        }
    }
    let letter = text_pdf::render("Appeal", &letter());
    assert_planted(&pdftotext(&letter), "letter");
    assert!(!keep_pages(&letter, "letter").is_empty());
}

#[test]
fn hostile_text_prints_as_written() {
    let hostile = [
        "#panic()",
        "#import \"x\"",
        "$x$",
        "*a*",
        "_b_",
        "<lbl>",
        "@ref",
        "back\\slash",
        "]",
        "`raw`",
        "//comment",
        "= heading",
    ];
    let all = hostile.join(" ");
    let doc = Document {
        lang: Lang::En,
        title: all.clone(),
        subtitle: vec![all.clone()],
        marking: all.clone(),
        blocks: vec![
            Block::Heading {
                level: 1,
                text: all.clone(),
            },
            Block::Paragraph(vec![Span::plain(all.clone()), Span::bold(all.clone())]),
            Block::Quote(all.clone()),
            Block::Table(Table {
                caption: all.clone(),
                header: hostile.iter().take(3).map(|h| (*h).to_owned()).collect(),
                numeric: vec![false, true, false],
                rows: vec![
                    hostile
                        .iter()
                        .skip(3)
                        .take(3)
                        .map(|h| TableCell::text(*h))
                        .collect(),
                ],
                total_row: false,
                note: Some(all.clone()),
            }),
        ],
    };
    let text = pdftotext(&pdf::render(&doc));
    let letter = pdftotext(&text_pdf::render(&all, &all));
    for h in hostile {
        assert!(text.contains(h), "{h:?} not printed as written:\n{text}");
        assert!(letter.contains(h), "{h:?} not in the letter:\n{letter}");
    }
}

/// One word of `pdftotext -bbox`.
fn words(pdf: &[u8]) -> Vec<String> {
    poppler("pdftotext", &["-bbox", "-enc", "UTF-8"], pdf)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<word "))
        .filter_map(|rest| {
            let text = &rest[rest.find('>')? + 1..];
            Some(text.trim_end_matches("</word>").to_owned())
        })
        .collect()
}

#[test]
fn table_headers_and_dates_are_whole_words() {
    let input = packet_input();
    for lang in [Lang::Es, Lang::En] {
        let doc = packet(&input, lang);
        let Some(Block::Table(timeline)) = doc.blocks.iter().find(|b| matches!(b, Block::Table(_)))
        else {
            panic!("a packet has a timeline table");
        };
        let pdf = pdf::render(&doc);
        let got = words(&pdf);
        let mut expected: Vec<String> = timeline
            .header
            .iter()
            .flat_map(|h| h.split_whitespace().map(str::to_owned))
            .collect();
        expected.extend(input.events.iter().map(|e| e.date.clone()));
        for word in expected {
            assert!(
                got.contains(&word),
                "{word:?} is not a whole word in the {lang:?} packet: {got:?}"
            );
        }
    }
}
