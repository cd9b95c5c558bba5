//! `import` of spreadsheets groups keep, in Spanish: suggestions, a dry
//! run in JSON, a profile saved to a file and in the vault, idempotence,
//! and cell values that never reach disk in plaintext.

use std::fs;

use crate::{TestEnv, files_under, stderr, stdout};

/// A Windows-1252, semicolon-separated sheet with a title row; row 6 (as
/// the sheet numbers it) has a date that does not exist.
fn sheet(narrative: &str, legal_name: &str) -> Vec<u8> {
    let text = format!(
        "Red de Acompañamiento — registro 2019;;;;;;\n\
         Seudónimo;Nombre;Fecha;Tipo de evento;Estado;Oficina;Descripción\n\
         Río;{legal_name};03/04/2019;Arresto;Texas;San Antonio;{narrative}\n\
         Mar;;3 de marzo de 2019;Notificación de comparecencia;TX;SNA;\n\
         Sol;;13/03/2019;Deportación;Arizona;Phoenix;\n\
         Luna;;31/02/2019;Arresto;Texas;Dallas;\n"
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    bytes.into_owned()
}

#[test]
fn a_spanish_sheet_is_checked_then_imported_through_a_saved_profile() {
    let env = TestEnv::new();
    env.init();
    let file = env.path("in/red.csv");
    fs::create_dir_all(env.path("in")).unwrap();
    fs::write(
        &file,
        sheet("Lo detuvieron frente a la oficina", "Río Pérez"),
    )
    .unwrap();
    let file = file.to_str().unwrap();

    // Without a profile nothing is stored: the suggestion is shown.
    let refused = env.run(&["--lang", "es", "import", file]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stdout(&refused).contains("Fecha = \"event.date\""),
        "{}",
        stdout(&refused)
    );
    assert!(
        stderr(&refused).contains("--accept-suggestions"),
        "{}",
        stderr(&refused)
    );

    let profile = env.path("in/perfil.toml");
    let dry = env.run(&[
        "--lang",
        "es",
        "import",
        file,
        "--dry-run",
        "--json",
        "--save-profile",
        profile.to_str().unwrap(),
    ]);
    assert_eq!(dry.status.code(), Some(4), "a refused row: partial");
    let report: serde_json::Value = serde_json::from_slice(&dry.stdout).unwrap();
    assert_eq!(report["rows"], 4);
    assert_eq!(report["created"], 3);
    assert_eq!(report["refused"], 1);
    assert_eq!(report["updated"], 0);
    assert_eq!(report["unchanged"], 0);
    assert_eq!(report["problems"][0]["row"], 6);
    assert_eq!(report["problems"][0]["column"], "Fecha");
    assert_eq!(
        report["problems"][0]["reason"],
        "no es una fecha que se pueda leer"
    );
    assert!(report["profile"].as_str().unwrap().contains("[columns]"));
    let people = env.ok(&["--lang", "es", "people", "list"]);
    assert!(
        people.contains("0 personas"),
        "a dry run stores nothing: {people}"
    );

    // The profile file as a coalition would hand it over, then saved by name.
    let text = fs::read_to_string(&profile).unwrap();
    assert!(text.contains("Arresto = \"stop_or_arrest\""), "{text}");
    let first = env.run(&[
        "--lang",
        "es",
        "import",
        file,
        "--profile",
        profile.to_str().unwrap(),
        "--save-profile",
        "red-texas",
    ]);
    assert_eq!(first.status.code(), Some(4));
    let out = stdout(&first);
    assert!(
        out.contains("fila 6, columna «Fecha»: no es una fecha que se pueda leer"),
        "{out}"
    );
    assert!(
        out.contains("filas: 4; creadas: 3, actualizadas: 0, sin cambios: 0, rechazadas: 1"),
        "{out}"
    );
    assert!(
        stderr(&first).contains("Se rechazó 1 de 4 filas"),
        "{}",
        stderr(&first)
    );
    let again = env.run(&[
        "--lang",
        "es",
        "import",
        file,
        "--profile",
        "red-texas",
        "--json",
    ]);
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(
        (again["created"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(3))
    );
    let events = env.ok(&["--lang", "es", "events", "list"]);
    assert!(
        events.contains("SNA") || events.contains("San Antonio"),
        "{events}"
    );
}

#[test]
fn cells_of_an_imported_sheet_never_reach_disk() {
    const NARRATIVE: &str = "Canarysheetnarrative Vbnmq";
    const NAME: &str = "Canarysheetname Plmok";
    let env = TestEnv::new();
    env.init();
    fs::create_dir_all(env.path("in")).unwrap();
    let file = env.path("in/red.csv");
    fs::write(&file, sheet(NARRATIVE, NAME)).unwrap();
    let file = file.to_str().unwrap();
    env.run(&["import", file, "--dry-run", "--save-profile", "red"]);
    env.run(&["import", file, "--profile", "red"]);
    env.run(&["import", file, "--profile", "red"]);
    env.ok(&["audit", "log"]);
    let mut found = Vec::new();
    for dir in ["vault", "tmp"] {
        for path in files_under(&env.path(dir)) {
            let bytes = fs::read(&path).unwrap();
            for canary in [NARRATIVE, NAME, "Canarysheet"] {
                if bytes.windows(canary.len()).any(|w| w == canary.as_bytes()) {
                    found.push(format!("{canary} in {}", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "plaintext on disk: {found:#?}");
}
