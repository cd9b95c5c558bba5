//! A [`Document`] as one self-contained HTML file: the style sheet and the
//! charts (SVG) are inline, nothing is loaded from anywhere (a content
//! security policy forbids it), every text is escaped by maud. Set for
//! reading on a screen and for printing on Letter paper.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use testimonio_domain::Lang;

use crate::doc::{Block, Document, Span, Style, Table};
use crate::svg;

const CSS: &str = r#"
:root { --ink: #1f2328; --muted: #5f666d; --rule: #b8bec4; --shade: #f1efea; --accent: #2b5c8a; }
* { box-sizing: border-box; }
html { font-size: 17px; }
body { margin: 0; color: var(--ink); background: #fff;
  font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Liberation Serif", "Times New Roman", serif;
  line-height: 1.5; font-kerning: normal; hyphens: auto; -webkit-hyphens: auto; }
main { max-width: 42rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
.marking { font: 700 0.68rem/1.2 Helvetica, Arial, "Liberation Sans", sans-serif; letter-spacing: 0.08em;
  text-transform: uppercase; color: var(--muted); text-align: right; margin: 0 0 2rem; }
h1, h2, h3, caption, figcaption, table, .sans { font-family: Helvetica, Arial, "Liberation Sans", sans-serif; }
h1.title { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.6rem; }
.subtitle { color: var(--muted); font: 0.9rem/1.45 Helvetica, Arial, "Liberation Sans", sans-serif; margin: 0; }
header { border-bottom: 2px solid var(--ink); padding-bottom: 1rem; margin-bottom: 1.5rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); break-after: avoid; }
h3 { font-size: 1.02rem; margin: 1.5rem 0 0.4rem; break-after: avoid; }
h4 { font: 700 1rem/1.4 inherit; margin: 1.2rem 0 0.3rem; break-after: avoid; }
p { margin: 0 0 0.8rem; text-align: justify; orphans: 2; widows: 2; }
ul { margin: 0 0 1rem; padding-left: 1.3rem; }
li { margin-bottom: 0.3rem; }
.notice { background: var(--shade); border: 1px solid #a8a296; padding: 0.7rem 0.9rem; margin: 1rem 0 1.4rem; font-size: 0.92rem; break-inside: avoid; }
.notice p:last-child { margin-bottom: 0; }
blockquote { margin: 0.4rem 0 1rem 0.6rem; padding-left: 0.9rem; border-left: 3px solid var(--rule); font-style: italic; }
table { border-collapse: collapse; margin: 0.5rem 0 0.4rem; font-size: 0.8rem; min-width: 60%; }
caption { caption-side: top; text-align: left; font-weight: 700; font-size: 0.85rem; padding-bottom: 0.35rem; }
thead th { background: #e9ecef; border-bottom: 1px solid var(--ink); text-align: left; padding: 0.3rem 0.5rem; }
td { padding: 0.25rem 0.5rem; border-bottom: 1px solid #e3e6e9; vertical-align: top; }
tbody tr:nth-child(even) td { background: #f6f7f8; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; border-top: 1px solid var(--ink); background: #fff; }
td.muted { color: var(--muted); font-style: italic; }
.table-note { font-size: 0.8rem; color: var(--muted); font-style: italic; margin: 0 0 1.4rem; text-align: left; }
.table-wrap { overflow-x: auto; break-inside: auto; }
figure { margin: 1.2rem 0 1.6rem; break-inside: avoid; }
figcaption { font-weight: 700; font-size: 0.85rem; margin-bottom: 0.5rem; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
hr.page-break { border: 0; margin: 2rem 0; break-after: page; }
@page { size: letter; margin: 1in; }
@media print {
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
"#;

fn spans(list: &[Span]) -> Markup {
    html! {
        @for s in list {
            @match s.style {
                Style::Regular => (s.text),
                Style::Bold => strong { (s.text) },
                Style::Italic => em { (s.text) },
            }
        }
    }
}

fn table(t: &Table) -> Markup {
    let last = t.rows.len().saturating_sub(1);
    let num = |j: usize| t.numeric.get(j).copied().unwrap_or(false);
    html! {
        div.table-wrap {
            table {
                caption { (t.caption) }
                thead {
                    tr {
                        @for (j, h) in t.header.iter().enumerate() {
                            @if num(j) {
                                th.num scope="col" { (h) }
                            } @else {
                                th scope="col" { (h) }
                            }
                        }
                    }
                }
                tbody {
                    @for (i, row) in t.rows.iter().enumerate() {
                        @let cells = html! {
                            @for (j, c) in row.iter().enumerate() {
                                @match (num(j), c.muted) {
                                    (true, true) => td.num.muted { (c.text) },
                                    (true, false) => td.num { (c.text) },
                                    (false, true) => td.muted { (c.text) },
                                    (false, false) => td { (c.text) },
                                }
                            }
                        };
                        @if t.total_row && i == last {
                            tr.total { (cells) }
                        } @else {
                            tr { (cells) }
                        }
                    }
                }
            }
        }
        @if let Some(note) = &t.note {
            p.table-note { (note) }
        }
    }
}

/// Renders the document as a complete HTML file.
pub fn render(doc: &Document) -> String {
    let lang = match doc.lang {
        Lang::En => "en",
        Lang::Es => "es",
    };
    let mut figure_no = 0;
    let page = html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
                meta name="referrer" content="no-referrer";
                meta name="generator" content="Testimonio";
                title { (doc.title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                main {
                    p.marking { (doc.marking) }
                    header {
                        h1.title { (doc.title) }
                        @for line in &doc.subtitle {
                            p.subtitle { (line) }
                        }
                    }
                    @for block in &doc.blocks {
                        @match block {
                            Block::Heading { level, text } => {
                                @match level {
                                    1 => h2 { (text) },
                                    2 => h3 { (text) },
                                    _ => h4 { (text) },
                                }
                            }
                            Block::Paragraph(list) => p { (spans(list)) },
                            Block::Bullets(items) => ul {
                                @for item in items { li { (spans(item)) } }
                            },
                            Block::Notice(list) => div.notice role="note" { p { (spans(list)) } },
                            Block::Quote(text) => blockquote { p { (text) } },
                            Block::Table(t) => (table(t)),
                            Block::PageBreak => hr.page-break;
                            Block::Figure(f) => {
                                @let id = { figure_no += 1; format!("figure-{figure_no}") };
                                figure id=(id) {
                                    figcaption { (f.caption) }
                                    (PreEscaped(svg::render(&f.drawing, &id)))
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    page.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::TableCell;

    #[test]
    fn content_is_escaped_and_nothing_is_loaded() {
        let doc = Document {
            lang: Lang::Es,
            title: "<b>Informe</b>".into(),
            subtitle: vec![],
            marking: "Público".into(),
            blocks: vec![
                Block::Quote("</blockquote><script>alert(1)</script>".into()),
                Block::Table(Table {
                    caption: "c".into(),
                    header: vec!["a".into(), "b".into()],
                    numeric: vec![false, true],
                    rows: vec![vec![
                        TableCell::text("x & y"),
                        TableCell::muted("suprimido"),
                    ]],
                    total_row: false,
                    note: None,
                }),
            ],
        };
        let out = render(&doc);
        assert!(out.starts_with("<!DOCTYPE html>"));
        assert!(out.contains(r#"<html lang="es">"#));
        assert!(!out.contains("<script>"));
        assert!(out.contains("&lt;script&gt;"));
        assert!(out.contains("&lt;b&gt;Informe&lt;/b&gt;"));
        assert!(out.contains("x &amp; y"));
        assert!(out.contains(r#"<td class="num muted">suprimido</td>"#));
        assert!(!out.contains("src="), "nothing loaded");
        assert!(!out.contains("href="), "no links out");
    }
}
