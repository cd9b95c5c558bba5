//! Office documents through `testimonio ingest`: DOCX, ODT, RTF, XLSX and
//! ODS converted to PDF by LibreOffice, the PDF stored as the original's
//! child and its pages found by search with their page (a spreadsheet's
//! second sheet on its own page, headed by the sheet's name); a cut-short
//! DOCX fails with its reason while the rest of the run is read; and no
//! planted word is left on disk — not in the vault, the temporary
//! directory, nor the memory file system LibreOffice worked in.
//!
//! The inputs are made here: the text documents by LibreOffice itself
//! from a text file, the spreadsheets from an ODS of two sheets built
//! from its XML.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::{TestEnv, files_under};

const DOCX_WORD: &str = "Palabradocx Qazwsx";
const ODT_WORD: &str = "Palabraodt Edcrfv";
const RTF_WORD: &str = "Palabrartf Tgbyhn";
const XLSX_WORD: &str = "Segundahojaxlsx Ujmikl";
const ODS_WORD: &str = "Segundahojaods Olpikm";

/// Converts `input` with LibreOffice, as a user would have made the file
/// (its own profile, beside the inputs, outside every scanned directory).
fn soffice(dir: &Path, input: &Path, to: &str) -> PathBuf {
    let out = Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            &format!(
                "-env:UserInstallation=file://{}",
                dir.join("profile").display()
            ),
            "--convert-to",
            to,
            "--outdir",
            dir.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .env("HOME", dir)
        .env("TMPDIR", dir)
        .output()
        .expect("soffice (scripts/setup installs it)");
    assert!(out.status.success(), "{out:?}");
    let made = dir.join(format!(
        "{}.{to}",
        input.file_stem().unwrap().to_str().unwrap()
    ));
    assert!(made.exists(), "{out:?}");
    made
}

/// An ODS of two sheets, the second holding `word`.
fn two_sheets(word: &str) -> Vec<u8> {
    let cell = |text: &str| {
        format!(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell></table:table-row>"#
        )
    };
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Detenciones">{}{}</table:table><table:table table:name="Testigos">{}{}</table:table></office:spreadsheet></office:body></office:document-content>"#,
        cell("Oficina de Tacoma"),
        cell("Arrests after the hunger strike"),
        cell(&format!("{word} declaró ante el juez")),
        cell("The officer called her an instigator"),
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// Makes the inputs in `in/` (made in `gen/`); returns the folder.
fn inputs(env: &TestEnv) -> PathBuf {
    let generated = env.path("gen");
    let input = env.path("in");
    fs::create_dir_all(&generated).unwrap();
    fs::create_dir_all(&input).unwrap();
    for (stem, word, to) in [
        ("declaracion", DOCX_WORD, "docx"),
        ("carta", ODT_WORD, "odt"),
        ("nota", RTF_WORD, "rtf"),
    ] {
        let text = generated.join(format!("{stem}.txt"));
        fs::write(
            &text,
            format!(
                "4 de marzo de 2021\n\nDeclaración de José Peña.\n\n{word}: the officer called her an instigator; la audiencia se aplazó.\n"
            ),
        )
        .unwrap();
        let made = soffice(&generated, &text, to);
        fs::copy(&made, input.join(made.file_name().unwrap())).unwrap();
    }
    // A spreadsheet as ODS, and as XLSX made from one.
    fs::write(input.join("hojas.ods"), two_sheets(ODS_WORD)).unwrap();
    let ods = generated.join("libro.ods");
    fs::write(&ods, two_sheets(XLSX_WORD)).unwrap();
    let xlsx = soffice(&generated, &ods, "xlsx");
    fs::copy(&xlsx, input.join("libro.xlsx")).unwrap();
    // A DOCX cut short: its ZIP directory is gone.
    let docx = fs::read(input.join("declaracion.docx")).unwrap();
    fs::write(input.join("cortado.docx"), &docx[..docx.len() / 2]).unwrap();
    input
}

fn by_name<'a>(files: &'a [Value], name: &str) -> &'a Value {
    files
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("{name} not reported"))
}

#[test]
fn office_documents_get_citable_pages_and_a_broken_one_its_reason() {
    let env = TestEnv::new();
    env.init();
    let input = inputs(&env);
    let out = env.run(&["ingest", "--json", input.to_str().unwrap()]);
    // Exit status 4: some file (the cut-short DOCX) was not read completely.
    assert_eq!(out.status.code(), Some(4), "{out:?}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 6, "{report}");
    for (name, media_type) in [
        (
            "declaracion.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("carta.odt", "application/vnd.oasis.opendocument.text"),
        ("nota.rtf", "application/rtf"),
        (
            "libro.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "hojas.ods",
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
    ] {
        let file = by_name(files, name);
        assert_eq!(file["status"], "ok", "{file}");
        assert_eq!(file["media_type"], media_type, "{file}");
        assert_eq!(file["attachments"], 1, "the PDF rendition: {file}");
        assert!(file["pages"].as_u64().unwrap() >= 1, "{file}");
    }
    let broken = by_name(files, "cortado.docx");
    assert_eq!(broken["status"], "failed", "{broken}");
    assert!(
        broken["detail"].as_str().unwrap().contains("damaged"),
        "{broken}"
    );

    // The words are found, with their page, in the PDF renditions.
    for word in [DOCX_WORD, ODT_WORD, RTF_WORD] {
        let first = word.split(' ').next().unwrap();
        let hits = env.json(&["search", first, "--json"]);
        assert_eq!(hits["total"], 1, "{word}: {hits}");
        assert_eq!(hits["hits"][0]["page"], 1, "{hits}");
    }
    let hits = env.json(&["search", "aplazó", "--json"]);
    assert_eq!(hits["total"], 3, "accents are read: {hits}");
    for word in [XLSX_WORD, ODS_WORD] {
        let first = word.split(' ').next().unwrap();
        let hits = env.json(&["search", first, "--json"]);
        assert_eq!(hits["total"], 1, "{word}: {hits}");
        // The second sheet prints on the second page, headed by its name.
        assert_eq!(hits["hits"][0]["page"], 2, "{hits}");
        let id = hits["hits"][0]["id"].as_str().unwrap();
        let page = env.ok(&["document", "text", id, "--page", "2"]);
        assert!(page.contains("Testigos") && page.contains(first), "{page}");
        let first_page = env.ok(&["document", "text", id, "--page", "1"]);
        assert!(first_page.contains("Detenciones"), "{first_page}");
    }
    // The rendition is the original's child, and the original keeps the
    // date its text gives.
    let docx = by_name(files, "declaracion.docx")["id"].as_str().unwrap();
    let shown = env.json(&["document", "show", docx, "--json"]);
    assert_eq!(
        shown["attachments"][0]["attachment_name"],
        "declaracion.docx.pdf"
    );
    assert_eq!(shown["document"]["date"]["date"], "2021-03-04", "{shown}");

    // Nothing planted is on disk but in the user's own files.
    let mut scanned: Vec<PathBuf> = ["vault", "tmp"]
        .iter()
        .flat_map(|d| files_under(&env.path(d)))
        .collect();
    for entry in fs::read_dir("/dev/shm").unwrap().flatten() {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with("testimonio-office-")
        {
            scanned.extend(files_under(&entry.path()));
        }
    }
    let mut found = Vec::new();
    for path in &scanned {
        let Ok(bytes) = fs::read(path) else { continue };
        for word in [DOCX_WORD, ODT_WORD, RTF_WORD, XLSX_WORD, ODS_WORD] {
            let first = word.split(' ').next().unwrap().as_bytes();
            if bytes.windows(first.len()).any(|w| w == first) {
                found.push(format!("{word:?} in {}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "plaintext on disk: {found:#?}");
    assert!(
        files_under(&env.tmp()).is_empty(),
        "ingest left files in the temporary directory"
    );
}
