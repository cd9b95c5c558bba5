//! Choosing participants by pseudonym in the event form, without
//! JavaScript: search, choose, add; record a new person from inside the
//! form; everything typed kept at every step; then save.

use axum::http::StatusCode;
use testimonio_domain::{RecordId, Role};

use crate::support::spawn_app;

/// The text of the form's `<textarea name="…">`, unescaped enough for
/// ids, role labels and plain words.
fn textarea(body: &str, name: &str) -> String {
    let start = body
        .find(&format!("name=\"{name}\""))
        .unwrap_or_else(|| panic!("no textarea {name}"));
    let open = start + body[start..].find('>').unwrap() + 1;
    let close = open + body[open..].find("</textarea>").unwrap();
    body[open..close].replace("&amp;", "&")
}

#[tokio::test]
async fn a_volunteer_names_participants_by_pseudonym_and_records_a_new_one_without_losing_the_form()
{
    let app = spawn_app().await;
    let mut agent = app.login(Role::Documenter).await;
    agent.accept_language = Some("es".into());
    let known = app.demo.people[3].clone();
    // Part of the pseudonym, without its accents and capitals.
    let query: String = known.pseudonym.to_lowercase().chars().take(4).collect();
    let narrative = "Llevaban tres días en huelga de hambre frente al centro.";
    let base: Vec<(&str, String)> = vec![
        ("kind", "protected_activity".into()),
        ("event_type", "hunger_strike".into()),
        ("date", "2026-11-28".into()),
        ("state", "CA".into()),
        ("narrative", narrative.into()),
        ("verification", "reported".into()),
    ];
    let send = |extra: Vec<(&'static str, String)>, people: String| {
        let mut fields = base.clone();
        fields.push(("people", people));
        fields.extend(extra);
        let agent = &agent;
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            agent.post("/events", &pairs).await
        }
    };

    let found = send(
        vec![
            ("person_query", query.clone()),
            ("person_role", "organizer".into()),
            ("step", "find-person".into()),
        ],
        String::new(),
    )
    .await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.excerpt());
    assert!(
        found.body.contains(&format!("value=\"{}\"", known.id)),
        "{query}: {}",
        found.excerpt()
    );
    assert!(found.body.contains(&known.pseudonym), "{}", found.excerpt());
    assert_eq!(textarea(&found.body, "narrative"), narrative);

    let added = send(
        vec![
            ("pick_person", known.id.clone()),
            ("person_role", "organizer".into()),
            ("step", "add-person".into()),
        ],
        String::new(),
    )
    .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.excerpt());
    let people = textarea(&added.body, "people");
    assert!(
        people.contains(&format!("{} = Organizador/a", known.id)),
        "{people}"
    );
    assert!(
        added.body.contains("se añadió a los participantes"),
        "{}",
        added.excerpt()
    );
    assert_eq!(textarea(&added.body, "narrative"), narrative);

    let recorded = send(
        vec![
            ("new_pseudonym", "Rosa del Valle".into()),
            ("new_consent", "coalition_aggregate".into()),
            ("person_role", "target".into()),
            ("step", "new-person".into()),
        ],
        people.clone(),
    )
    .await;
    assert_eq!(recorded.status, StatusCode::OK, "{}", recorded.excerpt());
    assert!(
        recorded.body.contains("Se registró a Rosa del Valle"),
        "{}",
        recorded.excerpt()
    );
    let people = textarea(&recorded.body, "people");
    assert_eq!(people.lines().count(), 2, "{people}");

    // A new person needs a consent: said on its field, nothing else lost.
    let refused = send(
        vec![
            ("new_pseudonym", "Sin consentimiento".into()),
            ("step", "new-person".into()),
        ],
        people.clone(),
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused.body.contains("f-new_consent-error"),
        "{}",
        refused.excerpt()
    );
    assert_eq!(textarea(&refused.body, "people"), people);

    let saved = send(Vec::new(), people).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.excerpt());
    let location = saved.location().unwrap().to_owned();
    let id = RecordId::parse("id", location.trim_start_matches("/events/")).unwrap();
    let event = app
        .state
        .with_vault("test:check", move |v| Ok(v.event(&id)?.unwrap()))
        .await
        .unwrap();
    assert_eq!(event.participants().len(), 2);
    assert!(
        event
            .participants()
            .iter()
            .any(|p| p.person.as_str() == known.id)
    );
}
