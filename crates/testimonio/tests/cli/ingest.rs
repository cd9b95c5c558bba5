//! `testimonio ingest` on the real corpus: every hostile file gets a
//! status and the run completes; OCR reads the scanned ICE letter;
//! re-ingesting adds nothing; originals come back byte-exact; a kill -9
//! mid-run is resumed by running again.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::Duration;

use serde_json::Value;

use crate::{TestEnv, files_under, stderr};

pub fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(rel)
}

fn ingest_json(env: &TestEnv, args: &[&str]) -> (Option<i32>, Value) {
    let mut all = vec!["ingest", "--json"];
    all.extend_from_slice(args);
    let out = env.run(&all);
    let value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("ingest {args:?}: not JSON ({e}); stderr: {}", stderr(&out)));
    (out.status.code(), value)
}

fn file_reports(report: &Value) -> &Vec<Value> {
    report["files"].as_array().expect("files")
}

#[test]
fn every_hostile_pdf_and_malformed_email_gets_a_status_and_the_run_completes() {
    let env = TestEnv::new();
    env.init();
    let pdfs = corpus("pdf-robustness");
    let emails = corpus("email/malformed");
    let (code, report) = ingest_json(&env, &[pdfs.to_str().unwrap(), emails.to_str().unwrap()]);
    assert!(matches!(code, Some(0 | 4)), "exit status {code:?}");

    let reported: BTreeSet<PathBuf> = file_reports(&report)
        .iter()
        .map(|f| PathBuf::from(f["path"].as_str().unwrap()))
        .collect();
    let expected: BTreeSet<PathBuf> = files_under(&pdfs)
        .into_iter()
        .chain(files_under(&emails))
        .collect();
    assert_eq!(reported, expected, "every input file is reported once");
    let mut lines = Vec::new();
    for f in file_reports(&report) {
        let status = f["status"].as_str().unwrap_or("failed");
        assert!(["ok", "partial", "failed"].contains(&status), "{f}");
        if status != "ok" {
            let reason = f["detail"].as_str().or(f["reason"].as_str()).unwrap_or("");
            assert!(!reason.is_empty(), "a {status} file without a reason: {f}");
        }
        assert_eq!(
            f["result"], "stored",
            "the original is kept even when unreadable: {f}"
        );
        lines.push(format!(
            "{status:<8} {:>3} pages {}",
            f["pages"],
            Path::new(f["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
        ));
    }
    println!("{}", lines.join("\n"));
    let summary = env.json(&["documents", "list", "--json"]);
    assert!(summary["total"].as_u64().unwrap() >= expected.len() as u64 - 1);
    let check = env.json(&["check", "--json"]);
    assert_eq!(check["faults"].as_array().unwrap().len(), 0, "{check}");
}

#[test]
fn the_scanned_ice_letter_is_read_by_ocr_with_its_case_number_on_page_1() {
    let env = TestEnv::new();
    env.init();
    let letter = corpus("foia/ice-fourth-interim-release-letter-2025-scanned.pdf");
    let (code, report) = ingest_json(
        &env,
        &[
            "--source-kind",
            "foia_production",
            "--custodian",
            "Clinic intake",
            letter.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{report}");
    let file = &file_reports(&report)[0];
    assert_eq!(file["pages"], 2);
    assert_eq!(file["ocr_pages"], 2);
    let id = file["id"].as_str().unwrap();
    let page1 = env.ok(&["document", "text", id, "--page", "1"]);
    assert!(
        page1.contains("2025-ICLI-00019"),
        "page 1 OCR text:\n{page1}"
    );

    let shown = env.json(&["document", "show", id, "--json"]);
    assert_eq!(shown["document"]["status"], "ok");
    assert_eq!(shown["document"]["source_kind"], "foia_production");
    assert_eq!(shown["pages"][0]["method"], "ocr");
    assert_eq!(shown["pages"][0]["decision"], "no_text_layer");
    let listing = env.ok(&["document", "show", id]);
    assert!(
        listing.contains("OCR: the page has no text layer"),
        "the decision is shown:\n{listing}"
    );
    let listing = env.ok(&["--lang", "es", "document", "show", id]);
    assert!(
        listing.contains("OCR: la página no tiene capa de texto"),
        "the decision is shown in Spanish:\n{listing}"
    );
    let custody = &shown["custody"][0];
    assert_eq!(custody["action"], "ingested");
    assert_eq!(custody["custodian"], "Clinic intake");
    let tools = shown["document"]["extracted_with"].as_str().unwrap();
    assert!(
        tools.contains("tesseract") && tools.contains("300 dpi"),
        "{tools}"
    );

    let page = env.json(&["document", "text", id, "--page", "1", "--json"]);
    let words = page["page"]["words"].as_array().unwrap();
    assert!(words.len() > 50, "word boxes are kept for highlighting");
    let missing = env.run(&["document", "text", id, "--page", "3"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("has no page 3"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn a_born_digital_opinion_keeps_its_text_layer_and_page_numbers() {
    let env = TestEnv::new();
    env.init();
    let opinion = corpus("foia/second-circuit-opinion-aclu-v-ice-2021.pdf");
    let (code, report) = ingest_json(&env, &[opinion.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{report}");
    let file = &file_reports(&report)[0];
    assert_eq!(file["pages"], 40);
    assert_eq!(file["ocr_pages"], 0, "a good text layer is not OCRed");
    let id = file["id"].as_str().unwrap();
    let shown = env.json(&["document", "show", id, "--json"]);
    let pages = shown["pages"].as_array().unwrap();
    assert!(
        pages.iter().all(|p| p["decision"] == "text_layer_good"),
        "{shown}"
    );
    let page1 = env.ok(&["document", "text", id, "--page", "1"]);
    assert!(page1.contains("AUGUST TERM 2021") && page1.contains("No. 21-1233"));
}

#[test]
fn reingesting_the_same_folder_adds_nothing_and_originals_come_back_exact() {
    let env = TestEnv::new();
    env.init();
    let folder = env.path("in/mixed");
    fs::create_dir_all(&folder).unwrap();
    for rel in [
        "ocr/phototest.txt",
        "email/rfc/000.eml",
        "email/rfc/003.eml",
        "foia/second-circuit-opinion-aclu-v-ice-2021.pdf",
    ] {
        let from = corpus(rel);
        fs::copy(&from, folder.join(from.file_name().unwrap())).unwrap();
    }
    let dir = folder.to_str().unwrap();
    let (code, first) = ingest_json(&env, &[dir]);
    assert_eq!(code, Some(0), "{first}");
    assert!(file_reports(&first).iter().all(|f| f["new"] == true));
    let documents = env.json(&["documents", "list", "--json"]);
    let audit = env.json(&["audit", "log", "--limit", "100000", "--json"]);

    let (code, second) = ingest_json(&env, &[dir]);
    assert_eq!(code, Some(0), "{second}");
    assert!(
        file_reports(&second).iter().all(|f| f["new"] == false),
        "{second}"
    );
    assert_eq!(env.json(&["documents", "list", "--json"]), documents);
    let audit_after = env.json(&["audit", "log", "--limit", "100000", "--json"]);
    assert_eq!(
        audit_after["total"], audit["total"],
        "no audit entry was added"
    );

    // The same bytes from somewhere else: one custody event, no new document.
    let elsewhere = env.path("in/elsewhere.txt");
    fs::copy(corpus("ocr/phototest.txt"), &elsewhere).unwrap();
    let (_, third) = ingest_json(&env, &[elsewhere.to_str().unwrap()]);
    let id = file_reports(&third)[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(file_reports(&third)[0]["new"], false);
    let custody = env.json(&["document", "show", &id, "--json"])["custody"].clone();
    let actions: Vec<&str> = custody
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["ingested", "received_again"]);

    let out = env.path("out/phototest.txt");
    fs::create_dir_all(out.parent().unwrap()).unwrap();
    env.ok(&["document", "get", &id, "--out", out.to_str().unwrap()]);
    assert_eq!(
        fs::read(&out).unwrap(),
        fs::read(corpus("ocr/phototest.txt")).unwrap()
    );
}

#[test]
fn email_attachments_become_child_documents() {
    let env = TestEnv::new();
    env.init();
    let message = env.write(
        "in/message.eml",
        concat!(
            "From: Ana <ana@example.org>\r\n",
            "To: clinic@example.org\r\n",
            "Subject: Notas de la protesta\r\n",
            "Date: Tue, 3 Mar 2020 10:00:00 -0600\r\n",
            "MIME-Version: 1.0\r\n",
            "Content-Type: multipart/mixed; boundary=\"b1\"\r\n",
            "\r\n",
            "--b1\r\n",
            "Content-Type: text/plain; charset=utf-8\r\n",
            "\r\n",
            "Adjunto las notas de la vigilia frente a la oficina de Tacoma.\r\n",
            "--b1\r\n",
            "Content-Type: text/plain; charset=utf-8\r\n",
            "Content-Disposition: attachment; filename=\"notas.txt\"\r\n",
            "\r\n",
            "Dos agentes tomaron fotos de los manifestantes.\r\n",
            "--b1--\r\n",
        ),
    );
    let (code, report) = ingest_json(&env, &["--source-kind", "email", message.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(file_reports(&report)[0]["attachments"], 1);
    let id = file_reports(&report)[0]["id"].as_str().unwrap().to_owned();
    let shown = env.json(&["document", "show", &id, "--json"]);
    assert_eq!(shown["document"]["title"], "Notas de la protesta");
    let child = &shown["attachments"][0];
    assert_eq!(child["attachment_name"], "notas.txt");
    assert_eq!(child["source_kind"], "email");
    let text = env.ok(&["document", "text", child["id"].as_str().unwrap()]);
    assert!(text.contains("Dos agentes tomaron fotos"), "{text}");
    let body = env.ok(&["document", "text", &id]);
    assert!(
        body.contains("Subject: Notas de la protesta") && body.contains("vigilia"),
        "{body}"
    );
    let top = env.json(&["documents", "list", "--source-kind", "email", "--json"]);
    assert_eq!(top["total"], 2, "the message and its attachment: {top}");
}

#[test]
fn a_missing_path_and_a_bad_option_are_reported_clearly() {
    let env = TestEnv::new();
    env.init();
    let (code, report) = ingest_json(&env, &[env.path("in/nowhere.pdf").to_str().unwrap()]);
    assert_eq!(code, Some(4));
    assert_eq!(file_reports(&report)[0]["result"], "unreadable");
    let out = env.run(&["ingest", "--source-kind", "rumour", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--source-kind"), "{}", stderr(&out));
    let out = env.run(&["ingest", "--foia", "no-such-request", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no-such-request"), "{}", stderr(&out));
    let out = env.run(&["--lang", "es", "ingest", "--obtained-on", "ayer", "."]);
    assert!(stderr(&out).contains("no es una fecha"), "{}", stderr(&out));
}

#[test]
fn kill_9_during_ingest_then_resume() {
    let env = TestEnv::new();
    env.init();
    // Distinct copies of the scanned letter (bytes after %%EOF are
    // ignored by readers) so that every file needs OCR: a run of several
    // seconds, killed at fixed points.
    let folder = env.path("in/scans");
    fs::create_dir_all(&folder).unwrap();
    let letter = fs::read(corpus(
        "foia/ice-fourth-interim-release-letter-2025-scanned.pdf",
    ))
    .unwrap();
    let copies = 6;
    for i in 0..copies {
        let mut bytes = letter.clone();
        bytes.extend_from_slice(format!("\n% copy {i}\n").as_bytes());
        fs::write(folder.join(format!("letter-{i}.pdf")), bytes).unwrap();
    }
    let dir = folder.to_str().unwrap();
    let mut interrupted = 0;
    for delay_ms in [1500u64, 4000, 7000] {
        let mut child = env.command(&["ingest", dir]).spawn().unwrap();
        sleep(Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            interrupted += 1;
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let check = env.json(&["check", "--json"]);
        assert_eq!(
            check["faults"].as_array().unwrap().len(),
            0,
            "after a kill at {delay_ms} ms: {check}"
        );
        // Nothing half-written: every visible document has all its pages.
        let docs = env.json(&["documents", "list", "--json"]);
        for d in docs["documents"].as_array().unwrap() {
            assert_eq!(d["status"], "ok", "{d}");
            assert_eq!(d["page_count"], 2, "{d}");
        }
    }
    assert!(interrupted >= 2, "the ingest finished before most kills");
    let (code, report) = ingest_json(&env, &[dir]);
    assert_eq!(code, Some(0), "{report}");
    let docs = env.json(&["documents", "list", "--json"]);
    assert_eq!(
        docs["total"], copies,
        "missing or duplicate documents: {docs}"
    );
    for d in docs["documents"].as_array().unwrap() {
        assert_eq!(d["page_count"], 2);
        let page1 = env.ok(&["document", "text", d["id"].as_str().unwrap()]);
        assert!(page1.contains("2025-ICLI-00019"));
    }
    env.ok(&["check"]);
}

#[test]
fn document_show_gives_the_documents_own_date_and_where_it_was_read() {
    let env = TestEnv::new();
    env.init();
    let order = env.write(
        "order.txt",
        "Case 1:21-cv-01234 Document 52 Filed 03/04/21 Page 1 of 15\n\nORDER\n",
    );
    let (code, report) = ingest_json(&env, &[order.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{report}");
    let id = file_reports(&report)[0]["id"].as_str().unwrap().to_owned();
    let shown = env.json(&["document", "show", &id, "--json"]);
    assert_eq!(
        shown["document"]["date"],
        serde_json::json!({"date": "2021-03-04", "source": "court_stamp"})
    );
    let en = env.ok(&["document", "show", &id]);
    assert!(
        en.contains("date: 4 March 2021 (from the court's filing stamp)"),
        "{en}"
    );
    let es = env.ok(&["--lang", "es", "document", "show", &id]);
    assert!(
        es.contains("fecha: 4 de marzo de 2021 (según el sello de presentación del tribunal)"),
        "{es}"
    );
}
