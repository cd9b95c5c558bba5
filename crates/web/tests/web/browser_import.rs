//! The import wizard in a real headless Chromium, JavaScript off, in
//! Spanish, on a 360 × 740 phone screen: a coordinator uploads the sheet
//! her group keeps, checks the header row the wizard found, maps the one
//! value nothing knew, checks (nothing stored), then imports and reads
//! the result. A screenshot of each step goes to
//! `target-artifacts/screenshots/import-*.png`.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use testimonio_domain::Role;

use crate::browser::{
    Driver, Site, excerpt, find, javascript_enabled, log_in, switch_language, wait_for_path,
    with_browser,
};
use crate::browser_phone::{PHONE, click, phone_window, shoot, source};
use crate::imports::group_sheet;
use crate::support::spawn_app;

const BUDGET: Duration = Duration::from_secs(180);

/// Waits until the page says `text`.
async fn wait_for_text(c: &Client, text: &str) {
    let started = Instant::now();
    while !source(c).await.contains(text) {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no “{text}”:\n{}",
            excerpt(&source(c).await)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_a_coordinator_imports_her_groups_sheet_in_spanish_without_javascript() {
    let app = spawn_app().await;
    let site = Site {
        base: app.base.clone(),
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let sheet = dir.path().join("registro red.csv");
    std::fs::write(&sheet, group_sheet()).expect("the sheet");
    let mut driver = Driver::start().await;
    tokio::time::timeout(
        BUDGET,
        with_browser(&mut driver, false, move |c| async move {
            assert!(!javascript_enabled(&c).await, "JavaScript should be off");
            phone_window(&c).await;
            log_in(&c, &site, Role::Coordinator).await;
            switch_language(&c, "es").await;

            c.goto(&site.url("/import")).await.expect("the import page");
            find(&c, "form.upload input[type='file']")
                .await
                .send_keys(&sheet.display().to_string())
                .await
                .expect("choosing the sheet");
            shoot(&c, "import-1-upload").await;
            click(&c, "form.upload button[type='submit']").await;
            wait_for_path(&c, "the draft's page", |p| p.starts_with("/import/imp-")).await;
            wait_for_text(&c, "Hoja y encabezado").await;
            // The title row left out: the header is row 2, marked.
            let marked = find(&c, "tr.header-row th")
                .await
                .text()
                .await
                .expect("a text");
            assert_eq!(marked, "2");
            shoot(&c, "import-2-layout").await;

            // "Retén" is known to no vocabulary: its select asks for a code.
            let unknown = find(&c, "select[aria-invalid='true']").await;
            let option = unknown
                .find(Locator::Css("option[value='stop_or_arrest']"))
                .await
                .expect("the code among the options");
            option.click().await.expect("choosing the code");
            shoot(&c, "import-3-values").await;
            click(&c, "form[action$='/mapping'] button[type='submit']").await;
            wait_for_text(&c, "Revisar e importar").await;

            click(&c, "form[action$='/check'] button[type='submit']").await;
            wait_for_text(&c, "Revisión, no se guardó nada. Filas: 4; se crearían: 3;").await;
            assert!(
                source(&c)
                    .await
                    .contains("no es una fecha que se pueda leer")
            );
            shoot(&c, "import-4-checked").await;

            click(&c, "form[action$='/run'] button[type='submit']").await;
            wait_for_text(&c, "Importación hecha. Filas: 4; creadas: 3;").await;
            shoot(&c, "import-5-imported").await;

            // Nothing on the wizard is wider than the phone.
            let wide = c
                .execute("return document.documentElement.scrollWidth", Vec::new())
                .await
                .expect("a width");
            assert!(
                wide.as_u64().unwrap_or(0) <= u64::from(PHONE.0),
                "the page scrolls sideways: {wide}"
            );
        }),
    )
    .await
    .expect("the import story took too long");
}
