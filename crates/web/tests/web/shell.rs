//! The page shell in Spanish: the audit log's actions and times, refusals
//! of the administration forms, the language switch.

use axum::http::StatusCode;
use testimonio_domain::Role;

use crate::support::spawn_app;

#[tokio::test]
async fn the_audit_log_names_its_actions_in_spanish() {
    let app = spawn_app().await;
    let mut admin = app.login(Role::Admin).await;
    admin.accept_language = Some("es".into());
    let page = admin.get("/admin/audit").await;
    assert_eq!(page.status, StatusCode::OK);
    // The administrator's own login.
    assert!(
        page.body.contains(">Inicio de sesión<"),
        "{}",
        page.excerpt()
    );
    assert!(!page.body.contains(">login<"), "an English code is shown");
    assert!(page.body.contains("Registro de auditoría ("));
    // Times are written out in Spanish, in UTC.
    assert!(page.body.contains(" de 20"), "{}", page.excerpt());
    assert!(page.body.contains(" UTC</time>"), "{}", page.excerpt());

    admin.accept_language = Some("en".into());
    let page = admin.get("/admin/audit").await;
    assert!(page.body.contains(">Login<"), "{}", page.excerpt());
}

#[tokio::test]
async fn refused_accounts_say_why_in_spanish() {
    let app = spawn_app().await;
    let mut admin = app.login(Role::Admin).await;
    admin.accept_language = Some("es-MX".into());
    let short = admin
        .post(
            "/admin/users",
            &[
                ("username", "t-nuevo"),
                ("role", "viewer"),
                ("password", "corta"),
            ],
        )
        .await;
    assert_eq!(short.status, StatusCode::BAD_REQUEST);
    assert!(
        short
            .body
            .contains("Una contraseña tiene al menos 12 caracteres."),
        "{}",
        short.excerpt()
    );
    let taken = admin
        .post(
            "/admin/users",
            &[
                ("username", "t-spare"),
                ("role", "viewer"),
                ("password", "una contraseña bastante larga"),
            ],
        )
        .await;
    assert_eq!(taken.status, StatusCode::BAD_REQUEST);
    assert!(
        taken
            .body
            .contains("El nombre de usuario t-spare ya está en uso."),
        "{}",
        taken.excerpt()
    );
    let role = admin
        .post(
            "/admin/users",
            &[
                ("username", "t-nuevo"),
                ("role", "jefe"),
                ("password", "una contraseña bastante larga"),
            ],
        )
        .await;
    assert_eq!(role.status, StatusCode::BAD_REQUEST);
    assert!(
        role.body.contains("role: no es un código conocido"),
        "{}",
        role.excerpt()
    );
}

#[tokio::test]
async fn the_header_names_the_account_and_its_role_in_spanish() {
    let app = spawn_app().await;
    let mut documenter = app.login(Role::Documenter).await;
    documenter.accept_language = Some("es".into());
    let home = documenter.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    let name = &app.account(Role::Documenter).username;
    assert!(
        home.body
            .contains(&format!("Sesión iniciada como {name} (Documentador/a)")),
        "{}",
        home.excerpt()
    );
    assert!(home.body.contains("aria-label=\"Idioma: English\""));
}
