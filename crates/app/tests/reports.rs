//! The reports use cases on a real temporary vault: one load, findings
//! under the audience's disclosure control, a report whose bytes leave
//! only after its audit entry, and a packet audited before it is returned.

use std::io::Cursor;

use testimonio_app::reports::{self, compose_report, make_packet};
use testimonio_app::{Actor, AppError};
use testimonio_domain::{Audience, Lang, Role};
use testimonio_report::{FindingsOptions, Format};
use testimonio_vault::{Actor as AuditActor, KdfParams, Passphrase, Vault};

fn vault_with_records() -> (tempfile::TempDir, Vault) {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = Vault::create(
        &tmp.path().join("v"),
        &Passphrase::new("reports use case passphrase".into()).unwrap(),
        KdfParams::MINIMUM,
        AuditActor::new("test:reports").unwrap(),
    )
    .unwrap()
    .vault;
    let mut lines = vec![r#"{"type":"group","id":"g-1","name":"Comité","state":"TX"}"#.to_owned()];
    for i in 1..=3 {
        lines.push(format!(
            r#"{{"type":"person","id":"p-{i}","pseudonym":"Seudo {i}","legal_name":"Legal{i} Name","groups":["g-1"],"consent":"public_anonymous"}}"#
        ));
        lines.push(format!(
            r#"{{"type":"event","id":"e-{i}a","event_type":"protest","date":"2021-03-0{i}","state":"TX","people":[{{"id":"p-{i}","role":"participant"}}]}}"#
        ));
        lines.push(format!(
            r#"{{"type":"event","id":"e-{i}b","event_type":"stop_or_arrest","date":"2021-04-0{i}","state":"TX","field_office":"SNA","people":[{{"id":"p-{i}","role":"target"}}]}}"#
        ));
    }
    let report = vault
        .import_jsonl(Cursor::new(lines.join("\n")), &mut |_| {})
        .unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    (tmp, vault)
}

fn operator() -> Actor {
    Actor::Operator {
        name: "tester".into(),
    }
}

fn options(audience: Audience, vignettes: usize) -> FindingsOptions {
    FindingsOptions {
        audience,
        min_count: 5,
        as_of: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        permutations: 50,
        seed: 1,
        vignettes,
        threads: None,
    }
}

fn exports(vault: &Vault) -> Vec<(String, String, String)> {
    vault
        .audit_tail(100)
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "export")
        .map(|e| (e.actor, e.object, e.detail))
        .collect()
}

#[test]
fn findings_count_everyone_internally_and_suppress_for_the_public() {
    let (_tmp, mut vault) = vault_with_records();
    let records = reports::load(&mut vault, &operator()).unwrap();
    assert_eq!(records.subjects.len(), 3);
    assert_eq!(records.events.len(), 6);
    let internal = records.findings(&options(Audience::Internal, 0)).unwrap();
    assert_eq!(internal.population.people.shown(), Some(3));
    let public = records.findings(&options(Audience::Public, 0)).unwrap();
    assert!(public.population.people.is_suppressed(), "3 < 5");
    // A threshold the analysis refuses is a bug of the front end.
    let mut bad = options(Audience::Public, 0);
    bad.min_count = 1;
    assert!(matches!(records.findings(&bad), Err(AppError::Internal(_))));
}

#[test]
fn a_report_leaves_only_after_its_audit_entry() {
    let (_tmp, mut vault) = vault_with_records();
    let actor = operator();
    let f = reports::findings(&mut vault, &actor, &options(Audience::Public, 5)).unwrap();
    let report = compose_report(&actor, &f, Lang::Es, Format::Html).unwrap();
    assert!(exports(&vault).is_empty(), "composing is not releasing");
    assert_eq!(report.counts().people, 0, "suppressed");
    assert!(report.counts().people_suppressed);
    let bytes = report.release(&mut vault, &actor).unwrap();
    let html = String::from_utf8(bytes).unwrap();
    assert!(html.contains(r#"<html lang="es">"#));
    let exports = exports(&vault);
    assert_eq!(exports.len(), 1, "{exports:?}");
    let (who, object, detail) = &exports[0];
    assert_eq!(who, "cli:tester");
    assert_eq!(object, "report:html");
    assert!(detail.contains("audience=public"), "{detail}");
    assert!(detail.contains("people_suppressed=1"), "{detail}");
    assert!(detail.contains("identities=0"), "{detail}");
}

#[test]
fn only_roles_that_write_records_make_reports() {
    let (_tmp, mut vault) = vault_with_records();
    let viewer = Actor::Account {
        username: "vera".into(),
        role: Role::Viewer,
    };
    let f = reports::findings(&mut vault, &viewer, &options(Audience::Coalition, 0)).unwrap();
    assert!(matches!(
        compose_report(&viewer, &f, Lang::En, Format::Pdf),
        Err(AppError::Forbidden)
    ));
}

#[test]
fn a_packet_is_audited_before_it_is_returned() {
    let (_tmp, mut vault) = vault_with_records();
    let actor = operator();
    let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let packet = make_packet(&mut vault, &actor, "p-2", Lang::En, Format::Html, day, true).unwrap();
    assert_eq!(packet.events, 2);
    assert_eq!(packet.exhibits, 0);
    assert!(packet.exhibit_files.is_empty());
    let html = String::from_utf8(packet.document).unwrap();
    assert!(html.contains("Legal2 Name"), "internal: the legal name");
    let exports = exports(&vault);
    assert_eq!(exports.len(), 1, "{exports:?}");
    assert_eq!(exports[0].1, "report:packet");
    assert!(exports[0].2.contains("identities=1"), "{}", exports[0].2);

    let missing = make_packet(
        &mut vault,
        &actor,
        "p-404",
        Lang::Es,
        Format::Pdf,
        day,
        false,
    );
    assert!(
        matches!(&missing, Err(AppError::NotFound { id, .. }) if id == "p-404"),
        "{missing:?}"
    );
    let malformed = make_packet(
        &mut vault,
        &actor,
        "not an id",
        Lang::En,
        Format::Pdf,
        day,
        false,
    );
    assert!(
        matches!(malformed, Err(AppError::Invalid(_))),
        "{malformed:?}"
    );
    let analyst = Actor::Account {
        username: "ana".into(),
        role: Role::Analyst,
    };
    assert!(matches!(
        make_packet(
            &mut vault,
            &analyst,
            "p-1",
            Lang::En,
            Format::Pdf,
            day,
            false
        ),
        Err(AppError::Forbidden)
    ));
}

#[test]
fn a_spanish_public_report_reads_as_spanish() {
    let (_tmp, mut vault) = vault_with_records();
    let actor = operator();
    let mut options = options(Audience::Public, 5);
    options.min_count = 2;
    let f = reports::findings(&mut vault, &actor, &options).unwrap();
    let report = compose_report(&actor, &f, Lang::Es, Format::Html).unwrap();
    let html = String::from_utf8(report.release(&mut vault, &actor).unwrap()).unwrap();
    assert!(
        html.contains("Público — se suprimen los recuentos de menos de 2 personas"),
        "the suppression marking"
    );
    assert!(!html.contains("SUPRIMIDOS LOS CONTEOS"));
    // Three people, three enforcement actions: plurals chosen by the catalog.
    assert!(html.contains("Personas contadas: 3."), "the population");
    assert!(html.contains("3 pares de una acción de control migratorio"));
}

#[test]
fn spanish_messages_of_the_slice_agree_in_number() {
    use testimonio_i18n::tr;
    let one = tr!(
        Lang::Es,
        "report-wrote",
        path = "x.pdf",
        format = "pdf",
        count = 1
    );
    assert_eq!(one, "escrito x.pdf (pdf, 1 caso)");
    let many = tr!(
        Lang::Es,
        "report-wrote",
        path = "x.pdf",
        format = "pdf",
        count = 12
    );
    assert_eq!(many, "escrito x.pdf (pdf, 12 casos)");
    let packet = tr!(
        Lang::Es,
        "packet-wrote",
        path = "p.pdf",
        events = 1,
        exhibits = 2
    );
    assert_eq!(packet, "escrito p.pdf (1 evento, 2 pruebas documentales)");
    assert_eq!(
        tr!(Lang::Es, "analyze-within", days = " 30", count = 30),
        "dentro de  30 días"
    );
    assert_eq!(
        tr!(Lang::Es, "analysis-error-min-count", count = 1),
        "el conteo mínimo por celda para tablas de la coalición o públicas debe ser al menos 2, no 1"
    );
    assert_eq!(testimonio_i18n::format::days(Lang::Es, 1), "1 día");
}
