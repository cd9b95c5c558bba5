//! The packet's certification page, in the style of Federal Rule of
//! Evidence 902(14) (data copied from an electronic device, storage medium
//! or file, authenticated by a process of digital identification): every
//! exhibit's SHA-256 and how the vault came to hold it, a declaration,
//! and blanks for the person who signs it.

use testimonio_domain::Lang;
use testimonio_i18n::{format, tr};

use super::{PacketDocument, PacketInput, PacketProvenance};
use crate::doc::{Block, Span, Table, TableCell};

/// The certification's blocks: heading, declaration, the table of
/// exhibits, the perjury clause, and the blanks to sign.
pub(super) fn blocks(
    input: &PacketInput,
    exhibits: &[(usize, &PacketDocument)],
    lang: Lang,
) -> Vec<Block> {
    let mut blocks = vec![
        Block::PageBreak,
        Block::Heading {
            level: 1,
            text: tr!(lang, "packet-cert-heading").to_owned(),
        },
        Block::Paragraph(vec![Span::plain(tr!(
            lang,
            "packet-cert-declaration",
            software = input.software.as_str(),
            exhibits = exhibits.len()
        ))]),
    ];
    blocks.push(Block::Table(Table {
        caption: tr!(lang, "packet-cert-caption").to_owned(),
        header: vec![
            tr!(lang, "packet-col-exhibit").to_owned(),
            tr!(lang, "packet-col-file").to_owned(),
            "SHA-256".into(),
            tr!(lang, "packet-cert-col-process").to_owned(),
        ],
        numeric: vec![true, false, false, false],
        rows: exhibits
            .iter()
            .map(|(n, d)| {
                vec![
                    TableCell::text(format::number(lang, *n as u64)),
                    TableCell::text(d.file_name.clone()),
                    TableCell::text(d.sha256.clone()),
                    TableCell::text(process(&d.provenance, lang)),
                ]
            })
            .collect(),
        total_row: false,
        note: Some(tr!(lang, "packet-cert-note").to_owned()),
    }));
    blocks.push(Block::Paragraph(vec![Span::plain(tr!(
        lang,
        "packet-cert-perjury"
    ))]));
    for blank in [
        tr!(lang, "packet-cert-name"),
        tr!(lang, "packet-cert-title"),
        tr!(lang, "packet-cert-organization"),
        tr!(lang, "packet-cert-date"),
        tr!(lang, "packet-cert-signature"),
    ] {
        blocks.push(Block::Paragraph(vec![
            Span::bold(format!("{blank} ")),
            Span::plain("_".repeat(40)),
        ]));
    }
    blocks
}

/// How one exhibit was obtained and received, as sentences.
fn process(p: &PacketProvenance, lang: Lang) -> String {
    let mut parts = vec![tr!(
        lang,
        "packet-cert-received",
        at = p.added_at.as_str(),
        by = p.added_by.as_str()
    )];
    if let Some(source) = &p.source_label {
        parts.push(tr!(lang, "packet-cert-source", source = source.as_str()));
    }
    if let Some(custodian) = &p.custodian {
        parts.push(tr!(
            lang,
            "packet-cert-custodian",
            custodian = custodian.as_str()
        ));
    }
    if let Some(day) = &p.obtained_on {
        parts.push(tr!(lang, "packet-cert-obtained", date = day.as_str()));
    }
    if let Some(tool) = &p.extracted_with {
        parts.push(tr!(lang, "packet-cert-extracted", tool = tool.as_str()));
    }
    parts.push(tr!(lang, "packet-cert-custody", count = p.custody_events));
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use crate::doc::Block;
    use crate::packet::packet;
    use testimonio_domain::Lang;

    #[test]
    fn the_certification_lists_each_hash_with_its_process_and_blanks_to_sign() {
        for (lang, heading, blank) in [
            (Lang::En, "Certification", "Signature:"),
            (Lang::Es, "Certificación", "Firma:"),
        ] {
            let document = packet(&super::super::tests::input(), lang);
            let at = document
                .blocks
                .iter()
                .position(|b| matches!(b, Block::Heading { text, .. } if text.starts_with(heading)))
                .expect("a certification heading");
            let text = format!("{:?}", &document.blocks[at..]);
            assert!(text.contains(&"a".repeat(64)) && text.contains(&"b".repeat(64)));
            assert!(text.contains("ICE FOIA office") && text.contains("pdftotext 22.12"));
            assert!(text.contains("testimonio 0.1.0"), "{text}");
            assert!(text.contains(blank), "{text}");
        }
    }
}
