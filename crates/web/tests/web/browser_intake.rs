//! The intake story in a real headless Chromium, JavaScript off, in
//! Spanish, on a 360 × 740 phone screen: a volunteer records a person with
//! their consent, a hunger strike and a notice to appear choosing the
//! person by pseudonym, their testimony, uploads a phone photo of the
//! paper notice, and finds its OCR text through search. A screenshot of
//! each step goes to `target-artifacts/screenshots/intake-*.png`.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use testimonio_domain::Role;

use crate::browser::{
    Driver, Site, excerpt, fill, find, javascript_enabled, log_in, path_of, switch_language,
    wait_for_path, with_browser,
};
use crate::browser_phone::{PHONE, click, phone_window, shoot, source};
use crate::support::{phone_photo_of_notice, spawn_app};

const BUDGET: Duration = Duration::from_secs(240);

/// The id at the end of the current path (`/events/evt-…`).
async fn current_id(c: &Client) -> String {
    path_of(c)
        .await
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Records an event through the form, its participant chosen by pseudonym.
async fn record_event(
    c: &Client,
    site: &Site,
    fields: &[(&str, &str)],
    pseudonym: &str,
    role: &str,
    step: &str,
) -> String {
    c.goto(&site.url("/events/new"))
        .await
        .expect("the event form");
    let form = find(c, "form.record").await;
    for (name, value) in fields {
        fill(&form, name, value).await;
    }
    // Part of the pseudonym, as typed on a phone: no capitals, no accents.
    let typed: String = pseudonym.to_lowercase().chars().take(4).collect();
    fill(&form, "person_query", &typed).await;
    fill(&form, "person_role", role).await;
    click(c, "button[value='find-person']").await;
    let found = Instant::now();
    while !source(c).await.contains("name=\"pick_person\"") {
        assert!(
            found.elapsed() < Duration::from_secs(15),
            "no matches:\n{}",
            excerpt(&source(c).await)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    shoot(c, &format!("intake-{step}-choose")).await;
    // What was typed before the search is still there.
    let form = find(c, "form.record").await;
    let city = form
        .find(Locator::Css("[name='city']"))
        .await
        .expect("the city field")
        .prop("value")
        .await
        .expect("a value");
    assert_eq!(
        city.as_deref(),
        fields.iter().find(|(n, _)| *n == "city").map(|(_, v)| *v)
    );
    click(c, "button[value='add-person']").await;
    let added = Instant::now();
    while !source(c).await.contains("se añadió a los participantes") {
        assert!(
            added.elapsed() < Duration::from_secs(15),
            "not added:\n{}",
            excerpt(&source(c).await)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    click(c, "button.save").await;
    wait_for_path(c, "the new event's page", |p| {
        p.starts_with("/events/evt-") && !p.ends_with("/edit")
    })
    .await;
    shoot(c, &format!("intake-{step}")).await;
    current_id(c).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_a_volunteer_documents_from_a_phone_in_spanish_without_javascript() {
    let app = spawn_app().await;
    let site = Site {
        base: app.base.clone(),
    };
    let photo_dir = tempfile::tempdir().expect("a temporary directory");
    let photo = photo_dir.path().join("IMG_20261130_094107.jpg");
    std::fs::write(&photo, phone_photo_of_notice(photo_dir.path())).expect("the photo");
    let mut driver = Driver::start().await;
    tokio::time::timeout(
        BUDGET,
        with_browser(&mut driver, false, move |c| async move {
            assert!(!javascript_enabled(&c).await, "JavaScript should be off");
            phone_window(&c).await;
            log_in(&c, &site, Role::Documenter).await;
            switch_language(&c, "es").await;
            // The header is one line on a phone: the menu opens on demand.
            let (_, _, _, header) = find(&c, "header.top").await.rectangle().await.expect("a box");
            assert!(header <= 80.0, "the header takes {header} px of 740");

            // 1. A person, with the consent they give.
            c.goto(&site.url("/people/new")).await.expect("the person form");
            let form = find(&c, "form[action='/people']").await;
            fill(&form, "pseudonym", "Rosa del Valle").await;
            fill(&form, "consent", "coalition_narrative").await;
            // Every date is typed the same way (the event's may be partial):
            // no browser date control that would show mm/dd/yyyy.
            assert!(!source(&c).await.contains("type=\"date\""));
            fill(&form, "consent_given", "2026-11-30").await;
            shoot(&c, "intake-1-person-form").await;
            click(&c, "form[action='/people'] button[type='submit']").await;
            wait_for_path(&c, "the new person's page", |p| p.starts_with("/people/p-")).await;
            assert!(source(&c).await.contains("Rosa del Valle"));
            shoot(&c, "intake-1-person").await;

            // 2. A hunger strike and a notice to appear, Rosa chosen by
            // pseudonym.
            let strike = record_event(
                &c,
                &site,
                &[
                    ("kind", "protected_activity"),
                    ("event_type", "hunger_strike"),
                    ("date", "2026-11-20"),
                    ("state", "CA"),
                    ("city", "Adelanto"),
                    ("narrative", "Huelga de hambre frente al centro de detención."),
                ],
                "Rosa del Valle",
                "organizer",
                "2-hunger-strike",
            )
            .await;
            let notice = record_event(
                &c,
                &site,
                &[
                    ("kind", "enforcement_action"),
                    ("event_type", "notice_to_appear"),
                    ("date", "2026-11-30"),
                    ("state", "CA"),
                    ("city", "Los Ángeles"),
                    ("agency", "ice"),
                    ("field_office", "LOS"),
                ],
                "Rosa del Valle",
                "target",
                "3-notice",
            )
            .await;

            // 3. Her testimony, telling of both events.
            c.goto(&site.url("/testimonies/new")).await.expect("the testimony form");
            let form = find(&c, "form[action='/testimonies']").await;
            let person = form
                .find(Locator::XPath("//select[@name='person']/option[contains(., 'Rosa del Valle')]"))
                .await
                .expect("Rosa among the people")
                .attr("value")
                .await
                .expect("an attribute")
                .expect("a value");
            fill(&form, "person", &person).await;
            fill(&form, "interviewer", "Voluntaria de guardia").await;
            fill(&form, "date", "2026-12-01").await;
            fill(&form, "place", "Adelanto").await;
            fill(&form, "language", "es").await;
            fill(&form, "consent", "coalition_aggregate").await;
            fill(&form, "account", "Yo, Rosa, dejé de comer el día veinte. Diez días después me dieron la notificación.").await;
            fill(&form, "events", &format!("{strike} {notice}")).await;
            shoot(&c, "intake-4-testimony-form").await;
            click(&c, "form[action='/testimonies'] button[type='submit']").await;
            wait_for_path(&c, "the testimony's page", |p| p.starts_with("/testimonies/tst-")).await;
            shoot(&c, "intake-4-testimony").await;

            // 4. The photo of the paper notice, from the notice's page.
            c.goto(&site.url(&format!("/events/{notice}#attachments-title")))
                .await
                .expect("the event page, at its files");
            let input = find(&c, "form.upload input[type='file']").await;
            input
                .send_keys(&photo.display().to_string())
                .await
                .expect("choosing the photo");
            shoot(&c, "intake-5-upload-form").await;
            click(&c, "form.upload button[type='submit']").await;
            let sent = Instant::now();
            while !source(&c).await.contains("Archivos recibidos") {
                assert!(sent.elapsed() < Duration::from_secs(120), "no result page:\n{}", excerpt(&source(&c).await));
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            let result = source(&c).await;
            assert!(result.contains("Se recibió 1 archivo"), "{}", excerpt(&result));
            assert!(result.contains("leída por OCR"), "{}", excerpt(&result));
            shoot(&c, "intake-5-uploaded").await;

            // 5. Its OCR text, found through search.
            c.goto(&site.url("/search?q=%222025-ICLI-00019%22")).await.expect("the search page");
            let found = source(&c).await;
            assert!(found.contains("IMG_20261130_094107.jpg"), "{}", excerpt(&found));
            shoot(&c, "intake-6-search").await;

            // Nothing on these pages is wider than the phone.
            let wide = c
                .execute("return document.documentElement.scrollWidth", Vec::new())
                .await
                .expect("a width");
            assert!(wide.as_u64().unwrap_or(0) <= u64::from(PHONE.0), "the page scrolls sideways: {wide}");
        }),
    )
    .await
    .expect("the browser story took too long");
}
