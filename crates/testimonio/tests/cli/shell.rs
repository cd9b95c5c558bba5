//! The shell of the command line: the operator's name in the audit log,
//! usage errors and help in both languages, exit statuses.

use crate::{TestEnv, stderr, stdout};

/// The actors of the newest audit entries, oldest first.
fn actors(env: &TestEnv, extra: &[&str]) -> Vec<(String, String)> {
    let mut args = extra.to_vec();
    args.extend(["audit", "log", "--limit", "50", "--json"]);
    let log = env.json(&args);
    log["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            (
                e["actor"].as_str().unwrap().to_owned(),
                e["action"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_operator_named_at_init_acts_in_the_audit_log_and_as_overrides_it() {
    let env = TestEnv::new();
    let created = env.json(&[
        "init",
        "--name",
        "Ana Pérez",
        "--kdf-memory-mib",
        "8",
        "--kdf-passes",
        "1",
        "--json",
    ]);
    assert_eq!(created["operator"], "Ana Pérez");
    // Every later command acts as the name given at init...
    env.ok(&["key", "age-identity"]);
    // ...unless --as or TESTIMONIO_AS names someone else.
    env.ok(&["--as", "Luis Gómez", "key", "age-identity"]);
    let mut cmd = env.command(&["key", "age-identity"]);
    cmd.env("TESTIMONIO_AS", "Rosa Díaz");
    assert!(cmd.output().unwrap().status.success());
    let log = actors(&env, &[]);
    let actor_of = |action: &str| -> Vec<&str> {
        log.iter()
            .filter(|(_, a)| a == action)
            .map(|(actor, _)| actor.as_str())
            .collect()
    };
    assert_eq!(actor_of("vault_created"), ["cli:Ana Pérez"]);
    assert_eq!(
        actor_of("age_identity_revealed"),
        ["cli:Ana Pérez", "cli:Luis Gómez", "cli:Rosa Díaz"]
    );
    // Not a name the audit log takes: refused before anything happens.
    let out = env.run(&["--as", " ", "check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 to 100"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2_with_one_line_from_the_catalog() {
    let env = TestEnv::new();
    let out = env.run(&["--lang", "es", "export", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "testimonio: xml no es un valor válido para --format <CÓDIGO>. Valores aceptados: jsonl, csv, xlsx, sheet-csv. ¿Quiso decir xlsx?\n\
         Para ver los comandos y sus opciones, ejecute testimonio --help.\n"
    );
    let out = env.run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("testimonio: Unknown command frobnicate."),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["--lang", "es", "user", "add", "ana"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("testimonio: Falta: --role <CÓDIGO>."),
        "{}",
        stderr(&out)
    );
    // Help is not an error.
    let help = env.run(&["--lang", "es", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = stdout(&help);
    assert!(
        text.contains("Uso: testimonio [OPCIONES] <COMANDO>") && text.contains("Opciones:"),
        "{text}"
    );
    let english = env.ok(&["user", "token", "--help"]);
    assert!(
        english.contains("Usage: testimonio user token [OPTIONS] <USERNAME>")
            && english.contains("Days until the new token expires (1 to 3650). Default: 90."),
        "{english}"
    );
}

#[test]
fn a_missing_vault_and_a_failed_check_have_their_messages_and_statuses() {
    let env = TestEnv::new();
    let out = env
        .command(&["--lang", "es", "check"])
        .env_remove("TESTIMONIO_VAULT")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "testimonio: No se indicó la bóveda: use --vault DIR o defina TESTIMONIO_VAULT.\n"
    );
    let out = env.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not a Testimonio vault"),
        "{}",
        stderr(&out)
    );
}
