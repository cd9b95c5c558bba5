//! FOIA requests from the command line: add, list, show with computed
//! dates, update (tolling, extension, determination), bad input changes
//! nothing, and the calendar parsed by an independent iCalendar parser.

use crate::{TestEnv, stderr};

fn audit_total(env: &TestEnv) -> u64 {
    env.json(&["audit", "log", "--limit", "1", "--json"])["total"]
        .as_u64()
        .unwrap()
}

#[test]
fn requests_deadlines_and_updates() {
    let env = TestEnv::new();
    env.init();
    let added = env.json(&[
        "foia",
        "add",
        "--agency",
        "ice",
        "--subject",
        "Records on the hunger strike, 2019",
        "--received",
        "2025-12-19",
        "--tracking",
        "2026-ICFO-00001",
        "--id",
        "foia-1",
        "--json",
    ]);
    // Fri 2025-12-19 + 20 working days, skipping weekends, Christmas, New
    // Year's Day and Martin Luther King Jr. Day: Wed 2026-01-21.
    assert_eq!(added["due_date"], "2026-01-21");
    let show = env.json(&["foia", "show", "foia-1", "--json"]);
    assert_eq!(show["due_date"], "2026-01-21");
    let explanation = &show["deadlines"]["determination"]["explanation"];
    assert_eq!(explanation["rule"], "determination");
    let skipped: Vec<&str> = explanation["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert!(
        skipped.contains(&"2025-12-25") && skipped.contains(&"2026-01-19"),
        "{skipped:?}"
    );
    let text = env.ok(&["--lang", "es", "foia", "show", "foia-1"]);
    assert!(text.contains("552(a)(6)(A)(i)"), "{text}");

    // Clarification tolling for five working days moves it a week.
    let updated = env.json(&[
        "foia",
        "update",
        "foia-1",
        "--toll",
        "clarification:2026-01-05..2026-01-09",
        "--note",
        "2026-01-05:in:Agency asked to narrow the dates",
        "--json",
    ]);
    assert_eq!(updated["due_date"], "2026-01-28");
    let list = env.json(&["foia", "list", "--overdue", "--json"]);
    assert_eq!(list["total"], 1, "past its deadline today: {list}");
    let soon = env.json(&["foia", "list", "--due-within", "30", "--json"]);
    assert_eq!(soon["total"], 0);

    // An extension notified in time adds ten working days.
    let extended = env.json(&[
        "foia",
        "update",
        "foia-1",
        "--extension-notified",
        "2026-01-20",
        "--json",
    ]);
    assert_eq!(extended["due_date"], "2026-02-11");

    let letter = env.ok(&["foia", "letter", "foia-1", "--signatory", "Ana Demo"]);
    assert!(letter.contains("5 U.S.C. 552(a)(3)(A)") && letter.contains("Ana Demo"));
}

#[test]
fn bad_input_is_refused_and_nothing_is_stored() {
    let env = TestEnv::new();
    env.init();
    env.ok(&[
        "foia",
        "add",
        "--agency",
        "cbp",
        "--subject",
        "Port records",
        "--received",
        "2025-06-02",
        "--id",
        "foia-2",
    ]);
    let before = audit_total(&env);
    let unknown = env.run(&[
        "foia",
        "add",
        "--agency",
        "nasa",
        "--subject",
        "x",
        "--received",
        "2025-01-02",
    ]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("agency: is not a known code"),
        "{}",
        stderr(&unknown)
    );
    let future = env.run(&[
        "foia",
        "add",
        "--agency",
        "ice",
        "--subject",
        "x",
        "--received",
        "2099-01-02",
    ]);
    assert!(
        stderr(&future).contains("date_received"),
        "{}",
        stderr(&future)
    );
    let backwards = env.run(&[
        "foia",
        "update",
        "foia-2",
        "--toll",
        "fee_dispute:2025-07-10..2025-07-01",
    ]);
    assert_eq!(backwards.status.code(), Some(1));
    assert!(
        stderr(&backwards).contains("tolling"),
        "{}",
        stderr(&backwards)
    );
    let es = env.run(&[
        "--lang",
        "es",
        "foia",
        "add",
        "--agency",
        "nasa",
        "--subject",
        "x",
    ]);
    assert!(stderr(&es).contains("no se guardó nada"), "{}", stderr(&es));
    assert_eq!(
        audit_total(&env),
        before,
        "a refused request wrote something"
    );
    let list = env.json(&["foia", "list", "--json"]);
    assert_eq!(list["total"], 1);
}

#[test]
fn the_calendar_is_valid_icalendar() {
    let env = TestEnv::new();
    env.init();
    env.ok(&[
        "foia",
        "add",
        "--agency",
        "uscis",
        "--subject",
        "A-file, with commas; and semicolons",
        "--received",
        "2025-03-03",
        "--tracking",
        "NRC2025-0001",
        "--id",
        "foia-3",
    ]);
    env.ok(&[
        "foia",
        "update",
        "foia-3",
        "--determination",
        "denied:2025-04-01",
    ]);
    let out = env.path("out/deadlines.ics");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    env.ok(&["foia", "calendar", "--out", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.lines().all(|l| l.len() <= 76), "lines are folded");
    let calendar: icalendar::Calendar = text.parse().expect("an independent parser reads it");
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert!(
        events.len() >= 2,
        "determination and appeal deadlines: {}",
        events.len()
    );
    use icalendar::Component;
    let summaries: Vec<String> = events
        .iter()
        .filter_map(|e| e.get_summary().map(str::to_owned))
        .collect();
    assert!(
        summaries.iter().all(|s| s.contains("NRC2025-0001")),
        "{summaries:?}"
    );
    // Denied on Tue 2025-04-01: appeal within 90 calendar days, by 2025-06-30.
    assert!(text.contains("DTSTART;VALUE=DATE:20250630"), "{text}");
}

#[test]
fn letters_as_text_and_pdf() {
    let env = TestEnv::new();
    env.init();
    env.ok(&[
        "foia",
        "add",
        "--agency",
        "eoir",
        "--subject",
        "Records of hearings",
        "--received",
        "2025-05-05",
        "--id",
        "foia-4",
    ]);
    env.ok(&[
        "foia",
        "update",
        "foia-4",
        "--determination",
        "denied:2025-06-02",
    ]);
    let pdf = env.path("out/appeal.pdf");
    std::fs::create_dir_all(pdf.parent().unwrap()).unwrap();
    env.ok(&[
        "foia",
        "letter",
        "foia-4",
        "--kind",
        "appeal",
        "--signatory",
        "Ana Peña for Nguyễn Thị Lan, Ольга and Peña Núñez (Łódź, Đà Nẵng)",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // The text, read back by poppler's pdftotext (installed by scripts/setup).
    let out = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed by scripts/setup");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Freedom of Information Act appeal"), "{text}");
    assert!(text.contains("552(a)(6)(A)"), "{text}");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for name in [
        "Ana Peña",
        "Nguyễn Thị Lan",
        "Đà Nẵng",
        "Łódź",
        "Ольга",
        "Peña Núñez",
    ] {
        assert!(text.contains(name), "{name} survives: {text}");
    }
    // The letter in Spanish too; both kept as page images to look at.
    let pdf_es = env.path("out/apelacion.pdf");
    env.ok(&[
        "--lang",
        "es",
        "foia",
        "letter",
        "foia-4",
        "--kind",
        "appeal",
        "--signatory",
        "Peña Núñez",
        "--out",
        pdf_es.to_str().unwrap(),
    ]);
    let dir = crate::report::artifact_dir();
    std::fs::create_dir_all(&dir).unwrap();
    for (file, name) in [(&pdf, "letter-en"), (&pdf_es, "letter-es")] {
        let png = std::process::Command::new("pdftoppm")
            .args(["-r", "60", "-png"])
            .arg(file)
            .arg(dir.join(name))
            .status()
            .expect("pdftoppm is installed by scripts/setup");
        assert!(png.success(), "{name}");
    }
    let plain = env.path("out/appeal.txt");
    env.ok(&[
        "foia",
        "letter",
        "foia-4",
        "--kind",
        "appeal",
        "--out",
        plain.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read_to_string(plain)
            .unwrap()
            .contains("Freedom of Information Act appeal")
    );
}

#[test]
fn productions_and_events_are_linked() {
    let env = TestEnv::new();
    env.init();
    env.write(
        "in/events.jsonl",
        r#"{"type":"event","id":"e-1","event_type":"hunger_strike","date":"2019-03"}"#,
    );
    env.ok(&["import", env.path("in/events.jsonl").to_str().unwrap()]);
    env.write("in/release.txt", "first interim release\n");
    let doc = env.json(&[
        "document",
        "add",
        env.path("in/release.txt").to_str().unwrap(),
        "--json",
    ]);
    let doc_id = doc["documents"][0]["id"].as_str().unwrap().to_owned();
    env.ok(&[
        "foia",
        "add",
        "--agency",
        "ice",
        "--subject",
        "Hunger strike records",
        "--received",
        "2025-02-03",
        "--id",
        "foia-5",
    ]);
    env.ok(&[
        "foia",
        "link",
        "foia-5",
        "--document",
        &doc_id,
        "--bates",
        "ICE-2025-000001..ICE-2025-000120",
        "--received",
        "2025-04-01",
    ]);
    env.ok(&["foia", "link", "foia-5", "--event", "e-1"]);
    let show = env.json(&["foia", "show", "foia-5", "--json"]);
    assert_eq!(show["productions"][0]["document_id"], doc_id.as_str());
    assert_eq!(show["productions"][0]["bates_last"], "ICE-2025-000120");
    assert_eq!(show["events"][0], "e-1");
    let missing = env.run(&["foia", "link", "foia-5", "--event", "e-404"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("event e-404 not found"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn spanish_output_counts_requests_and_names_an_unknown_one() {
    let env = TestEnv::new();
    env.init();
    let add = |id: &str| {
        env.ok(&[
            "foia",
            "add",
            "--agency",
            "ice",
            "--subject",
            "Detainer records",
            "--received",
            "2025-06-02",
            "--id",
            id,
        ]);
    };
    add("2024-ICE-2");
    let again = env.run(&[
        "--lang",
        "es",
        "foia",
        "add",
        "--agency",
        "ice",
        "--subject",
        "Otra",
        "--id",
        "2024-ICE-2",
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        stderr(&again),
        "testimonio: La solicitud FOIA 2024-ICE-2 ya existe: use `foia update`\n"
    );
    let one = env.ok(&["--lang", "es", "foia", "list"]);
    assert!(one.trim_end().ends_with("\n1 solicitud"), "{one}");
    assert!(one.contains("VENCIDA"), "{one}");
    add("2024-ICE-3");
    let two = env.ok(&["--lang", "es", "foia", "list"]);
    assert!(two.trim_end().ends_with("\n2 solicitudes"), "{two}");
    let english = env.ok(&["foia", "list"]);
    assert!(english.trim_end().ends_with("\n2 requests"), "{english}");

    let missing = env.run(&["--lang", "es", "foia", "show", "2024-ICE-1"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        stderr(&missing),
        "testimonio: No se encontró la solicitud FOIA 2024-ICE-1.\n"
    );
    let letter = env.run(&["--lang", "es", "foia", "letter", "2024-ICE-1"]);
    assert!(
        stderr(&letter).contains("No se encontró la solicitud FOIA 2024-ICE-1."),
        "{}",
        stderr(&letter)
    );
    let event = env.run(&[
        "--lang",
        "es",
        "foia",
        "link",
        "2024-ICE-2",
        "--event",
        "e-404",
    ]);
    assert!(
        stderr(&event).contains("No se encontró el evento e-404."),
        "{}",
        stderr(&event)
    );

    // Letters and calendars are audited as exports.
    let out = env.path("out/plazos.ics");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    env.ok(&[
        "--lang",
        "es",
        "foia",
        "calendar",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("X-WR-CALNAME:Plazos FOIA")
    );
    let log = env.json(&["audit", "log", "--limit", "1", "--json"]);
    let entry = &log["entries"][0];
    assert_eq!(entry["action"], "export", "{log}");
    assert_eq!(entry["object"], "foia:calendar", "{log}");
}
