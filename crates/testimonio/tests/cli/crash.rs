//! Crash safety: kill -9 an import at several points; the vault opens,
//! `check` passes, and re-running the import finishes with no duplicates.

use std::thread::sleep;
use std::time::Duration;

use testimonio_demo::DemoSpec;

use crate::{TestEnv, demo_jsonl};

#[test]
fn kill_9_during_import_then_resume() {
    let env = TestEnv::new();
    env.init();
    let spec = DemoSpec::scaled(50_000);
    let expected_events = spec.events as u64;
    let file = env.write("in/big.jsonl", &demo_jsonl(&spec));
    let file = file.to_str().unwrap();

    let mut interrupted = 0;
    // Fixed points, spread over the import's run time (seconds in a debug build).
    for delay_ms in [250u64, 700, 1300, 2100] {
        let mut child = env.command(&["import", file]).spawn().unwrap();
        sleep(Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            interrupted += 1;
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let check = env.json(&["check", "--json"]);
        assert_eq!(
            check["faults"].as_array().unwrap().len(),
            0,
            "after a kill at {delay_ms} ms: {check}"
        );
        let total = env.json(&["events", "list", "--limit", "0", "--json"])["total"]
            .as_u64()
            .unwrap();
        assert!(total <= expected_events);
    }
    assert!(
        interrupted >= 2,
        "the import finished before most kills; make the input larger"
    );

    let report = env.json(&["import", file, "--json"]);
    assert_eq!(report["failed"].as_array().unwrap().len(), 0);
    assert_eq!(
        report["updated"], 0,
        "a half-written record was visible: {report}"
    );
    let events = env.json(&["events", "list", "--limit", "0", "--json"]);
    assert_eq!(
        events["total"].as_u64(),
        Some(expected_events),
        "missing or duplicate events"
    );
    let again = env.json(&["import", file, "--json"]);
    assert_eq!(again["created"], 0);
    env.ok(&["check"]);
}

/// A spreadsheet import killed at several points: the vault opens, `check`
/// passes, and the same import run again finishes every row once.
#[test]
fn kill_9_during_a_spreadsheet_import_then_resume() {
    const ROWS: u64 = 20_000;
    let env = TestEnv::new();
    env.init();
    let mut sheet = String::from("Seudónimo;Fecha;Tipo de evento;Estado\n");
    for i in 0..ROWS {
        sheet.push_str(&format!(
            "Persona {};{:02}/{:02}/20{:02};{};Texas\n",
            i % 2_000,
            1 + i % 28,
            1 + i % 12,
            10 + i % 12,
            ["Arresto", "Detención", "Deportación"][(i % 3) as usize]
        ));
    }
    let file = env.write("in/red.csv", &sheet);
    let file = file.to_str().unwrap();
    let profile = env.path("in/perfil.toml");
    env.run(&[
        "import",
        file,
        "--dry-run",
        "--save-profile",
        profile.to_str().unwrap(),
    ]);
    let profile = profile.to_str().unwrap();

    let mut interrupted = 0;
    for delay_ms in [300u64, 900, 1800] {
        let mut child = env
            .command(&["import", file, "--profile", profile])
            .spawn()
            .unwrap();
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
            "after {delay_ms} ms: {check}"
        );
    }
    assert!(
        interrupted >= 2,
        "the import finished before most kills; make the sheet larger"
    );

    let report = env.json(&["import", file, "--profile", profile, "--json"]);
    assert_eq!(report["refused"], 0, "{report}");
    assert_eq!(
        report["updated"], 0,
        "a half-written row was visible: {report}"
    );
    assert_eq!(
        report["created"].as_u64().unwrap() + report["unchanged"].as_u64().unwrap(),
        ROWS
    );
    let events = env.json(&["events", "list", "--limit", "0", "--json"]);
    assert_eq!(
        events["total"].as_u64(),
        Some(ROWS),
        "missing or duplicate events"
    );
    env.ok(&["check"]);
}
