use testimonio_domain::Lang;

use super::*;
use crate::chart::{Anchor, Color, Drawing, Face, Shape};
use crate::doc::{Block, Figure, Span, Table, TableCell};

/// A document with every kind of block, long enough for several pages.
pub(crate) fn sample(lang: Lang) -> Document {
    let mut blocks = vec![
        Block::Notice(vec![
            Span::bold("Aviso. "),
            Span::plain("Recuentos menores que 5 suprimidos."),
        ]),
        Block::Heading {
            level: 1,
            text: "Metodología".into(),
        },
    ];
    for i in 0..40 {
        blocks.push(Block::Paragraph(vec![
            Span::plain(format!(
                "Párrafo {i}: las represalias siguen a la protesta; "
            )),
            Span::bold("Nguyễn Thị Lan"),
            Span::plain(" habló en "),
            Span::italic("Đà Nẵng"),
            Span::plain(" y en Łódź con Ольга y Peña Núñez. ".repeat(3)),
        ]));
    }
    blocks.push(Block::Bullets(vec![
        vec![Span::plain("uno")],
        vec![Span::bold("dos"), Span::plain(" tres")],
    ]));
    blocks.push(Block::Heading {
        level: 3,
        text: "2019-03-02 — Protesta".into(),
    });
    blocks.push(Block::Quote(
        "Me dijeron que me fuera.\nY no me fui.".into(),
    ));
    blocks.push(Block::Table(Table {
        caption: "Cuadro 1. Personas por estado".into(),
        header: vec!["Fecha".into(), "Estado".into(), "Personas".into()],
        numeric: vec![false, false, true],
        rows: (0..90)
            .map(|i| {
                vec![
                    TableCell::text(format!("2016-01-{:02}", i % 28 + 1)),
                    TableCell::text(format!("Estado {i}")),
                    if i % 7 == 0 {
                        TableCell::muted("suprimido")
                    } else {
                        TableCell::text(i.to_string())
                    },
                ]
            })
            .chain([vec![
                TableCell::text("Total"),
                TableCell::text(""),
                TableCell::text("4.005"),
            ]])
            .collect(),
        total_row: true,
        note: Some("Nota del cuadro.".into()),
    }));
    blocks.push(Block::Figure(Figure {
        caption: "Figura 1. Barras".into(),
        drawing: Drawing {
            width: 300.0,
            height: 60.0,
            description: "Una barra".into(),
            shapes: vec![
                Shape::Rect {
                    x: 10.0,
                    y: 10.0,
                    w: 120.0,
                    h: 14.0,
                    fill: Some(Color::BAR),
                    stroke: None,
                },
                Shape::Text {
                    x: 140.0,
                    y: 21.0,
                    text: "Texas suprimido".into(),
                    size: 8.0,
                    anchor: Anchor::Start,
                    face: Face::Oblique,
                    color: Color::INK,
                    key: Some("TX".into()),
                },
            ],
        },
    }));
    Document {
        lang,
        title: "Informe de prueba: Nguyễn Thị Lan".into(),
        subtitle: vec!["Para publicación".into(), "3 de diciembre de 2026".into()],
        marking: "Público".into(),
        blocks,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn every_kind_of_block_renders_to_a_pdf_a() {
    let pdf = render(&sample(Lang::Es));
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(contains(&pdf, b"pdfaid:part"), "PDF/A metadata");
    assert!(contains(&pdf, b"/StructTreeRoot"), "tagged");
    assert!(contains(&pdf, b"/Lang"), "language");
    assert!(contains(&pdf, b"/FlateDecode"), "compressed");
    // The title is in the metadata, not only on the page.
    assert!(contains(&pdf, "Informe de prueba".as_bytes()));
    // No font from the system: only the shipped families are embedded.
    assert!(contains(&pdf, b"NotoSerif"));
    assert!(contains(&pdf, b"NotoSans"));
}

#[test]
fn a_character_the_fonts_lack_never_stops_a_pdf() {
    // CJK, an emoji and a bracket the Noto subsets shipped do not have:
    // PDF/A forbids missing glyphs, so the file is made without that claim.
    let mut doc = sample(Lang::En);
    doc.title = "王秀英 ⟦report⟧ 🙂".into();
    let pdf = render(&doc);
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(!contains(&pdf, b"pdfaid:part"), "not claimed PDF/A");
    assert!(contains(&pdf, b"/StructTreeRoot"), "still tagged");
    let letter = crate::text_pdf::render("⟦x⟧ 王", "王秀英\n🙂");
    assert!(letter.starts_with(b"%PDF-"));
}

#[test]
fn a_letter_renders() {
    let pdf = text_letter();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(contains(&pdf, b"NotoSerif"));
}

fn text_letter() -> Vec<u8> {
    render_letter(
        "Carta",
        &format!("Estimada Ольга:\n\n{}\n", "palabra ".repeat(2000)),
    )
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let doc = sample(Lang::En);
    assert_eq!(
        render(&doc),
        render(&doc),
        "no clock or randomness in the file"
    );
}
