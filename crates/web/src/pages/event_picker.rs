//! Choosing the people and groups of an event without typing ids and
//! without JavaScript: the event form carries a search box whose button
//! submits the whole form with `step=find-person`; the page comes back
//! with everything typed kept and a short list of matches as radio
//! buttons; `step=add-person` adds the chosen one with its role. A person
//! not yet recorded is recorded from inside the form (`step=new-person`:
//! pseudonym and consent), and added, without leaving it.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use testimonio_app::AppError as UseCaseError;
use testimonio_app::records::find;
use testimonio_app::records::people::{self, InitialConsent, PersonFields};
use testimonio_domain::{ConsentLevel, Group, ParticipantRole};
use testimonio_i18n::tr;
use testimonio_vault::PersonSummary;

use super::event_form::{EventForm, Mode, event_form_page};
use super::events::use_case;
use super::forms::*;
use crate::auth::Viewer;
use crate::error::AppError;

/// What the pickers show besides the form: the matches of a search, and
/// what the last step did.
#[derive(Default)]
pub(crate) struct Picker {
    /// Some after a search for people (empty: no one matched).
    pub people: Option<Vec<PersonSummary>>,
    pub groups: Option<Vec<Group>>,
    pub notice: Option<String>,
}

/// The steps a picker button asks for.
enum Step {
    FindPerson,
    AddPerson,
    NewPerson,
    FindGroup,
    AddGroup,
}

impl Step {
    fn parse(step: &str) -> Option<Self> {
        Some(match step {
            "find-person" => Step::FindPerson,
            "add-person" => Step::AddPerson,
            "new-person" => Step::NewPerson,
            "find-group" => Step::FindGroup,
            "add-group" => Step::AddGroup,
            _ => return None,
        })
    }
}

/// Runs a picker step of a submitted event form, or `None` when the form
/// was submitted to be saved. The event is never saved by a step; the form
/// comes back with what was typed.
pub(crate) async fn run_step(
    state: &crate::state::AppState,
    viewer: &Viewer,
    mode: &Mode,
    mut form: EventForm,
) -> Option<Result<Response, AppError>> {
    let step = Step::parse(form.step.trim())?;
    let lang = viewer.lang;
    let mut picker = Picker::default();
    let mut errors = FormErrors::default();
    let outcome: Result<(), AppError> = async {
        match step {
            Step::FindPerson => {
                let query = form.person_query.clone();
                picker.people =
                    Some(use_case(state, viewer, move |v, a| find::people(v, a, &query)).await?);
            }
            Step::FindGroup => {
                let query = form.group_query.clone();
                picker.groups =
                    Some(use_case(state, viewer, move |v, a| find::groups(v, a, &query)).await?);
            }
            Step::AddPerson => {
                let chosen = form.pick_person.trim().to_owned();
                if chosen.is_empty() {
                    errors.add(
                        "pick_person",
                        tr!(lang, "picker-choose"),
                        tr!(lang, "picker-choose-one").to_owned(),
                    );
                } else {
                    let found = use_case(state, viewer, move |v, _| {
                        // A value not an id is no one: the radio buttons
                        // only ever send ids.
                        Ok(
                            match testimonio_domain::RecordId::parse("pick_person", &chosen) {
                                Ok(id) => v.person_summary(&id)?,
                                Err(_) => None,
                            },
                        )
                    })
                    .await?;
                    match found {
                        Some(summary) => {
                            add_line(&mut form, summary.id.as_str(), lang);
                            picker.notice = Some(tr!(
                                lang,
                                "picker-person-added",
                                pseudonym = summary.pseudonym.as_str()
                            ));
                            form.person_query.clear();
                        }
                        None => errors.add(
                            "pick_person",
                            tr!(lang, "picker-choose"),
                            tr!(lang, "picker-choose-one").to_owned(),
                        ),
                    }
                }
                form.pick_person.clear();
            }
            Step::NewPerson => {
                let fields = PersonFields {
                    pseudonym: Some(form.new_pseudonym.clone()),
                    ..PersonFields::default()
                };
                let consent = (!form.new_consent.trim().is_empty()).then(|| InitialConsent {
                    level: form.new_consent.clone(),
                    given_on: None,
                });
                let created = state
                    .with_vault(&viewer.actor(), {
                        let actor = viewer.app_actor()?;
                        move |v| Ok(people::create(v, &actor, None, fields, consent))
                    })
                    .await?;
                match created {
                    Ok(recorded) => {
                        add_line(&mut form, recorded.id.as_str(), lang);
                        picker.notice = Some(tr!(
                            lang,
                            "picker-person-recorded",
                            pseudonym = recorded.pseudonym.as_str()
                        ));
                        form.new_pseudonym.clear();
                        form.new_consent.clear();
                    }
                    Err(UseCaseError::Invalid(problems)) => {
                        for p in problems {
                            let (name, label) = match p.field.as_str() {
                                "consent" | "consent.level" => {
                                    ("new_consent", tr!(lang, "field-consent"))
                                }
                                _ => ("new_pseudonym", tr!(lang, "picker-new-pseudonym")),
                            };
                            errors.add(name, label, p.problem.message(lang));
                        }
                    }
                    Err(other) => return Err(AppError::from(other)),
                }
            }
            Step::AddGroup => {
                let chosen = form.pick_group.trim().to_owned();
                if chosen.is_empty() {
                    errors.add(
                        "pick_group",
                        tr!(lang, "picker-choose"),
                        tr!(lang, "picker-choose-one").to_owned(),
                    );
                } else {
                    let mut groups = super::event_form::parse_groups(&form.groups);
                    if !groups.contains(&chosen) {
                        groups.push(chosen);
                    }
                    form.groups = groups.join(" ");
                    form.group_query.clear();
                }
                form.pick_group.clear();
            }
        }
        Ok(())
    }
    .await;
    if let Err(e) = outcome {
        return Some(Err(e));
    }
    form.step.clear();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = event_form_page(viewer, mode, &form, &errors, &picker);
    Some(Ok((status, page).into_response()))
}

/// Adds `id = role` (the role chosen beside the search box, by its label
/// in `lang`) as a line of the people field, unless that line is there.
fn add_line(form: &mut EventForm, id: &str, lang: testimonio_domain::Lang) {
    let role = ParticipantRole::ALL
        .iter()
        .find(|r| r.code() == form.person_role)
        .copied()
        .unwrap_or(ParticipantRole::ALL[0]);
    let line = format!("{id} = {}", role.label(lang));
    if form.people.lines().any(|l| l.trim() == line) {
        return;
    }
    if !form.people.trim().is_empty() && !form.people.ends_with('\n') {
        form.people.push('\n');
    }
    form.people.push_str(&line);
    form.people.push('\n');
}

/// The form's action with a fragment: the page a step answers opens at
/// the picker, not at the top of a long form (browsers keep the fragment
/// of the URL a form is sent to).
fn back_to(action: &str, picker: &str) -> String {
    format!("{action}#{picker}")
}

/// The matches of a search as radio buttons `pick_{what}` (the first
/// chosen) and the button that adds the choice; or that nothing matched
/// (`none`, a catalog id).
fn matches(
    lang: testimonio_domain::Lang,
    action: &str,
    what: &str,
    picker: &str,
    none: &'static str,
    found: &[(String, &str)],
) -> Markup {
    html! {
        @if found.is_empty() {
            p role="status" { (testimonio_i18n::message(lang, none)) }
        } @else {
            fieldset.choices {
                legend { (tr!(lang, "picker-choose")) }
                @for (i, (id, name)) in found.iter().enumerate() {
                    div.choice {
                        input type="radio" name={ "pick_" (what) } id={ "pick-" (what) "-" (i) } value=(id) checked[i == 0];
                        label for={ "pick-" (what) "-" (i) } translate="no" { (name) }
                    }
                }
            }
            button type="submit" name="step" value={ "add-" (what) } formaction=(back_to(action, picker)) { (tr!(lang, "picker-add")) }
        }
    }
}

/// The people picker, drawn under the people field.
pub(crate) fn people_picker(
    viewer: &Viewer,
    action: &str,
    form: &EventForm,
    errors: &FormErrors,
    picker: &Picker,
) -> Markup {
    let lang = viewer.lang;
    let roles: Vec<(String, String)> = ParticipantRole::ALL
        .iter()
        .map(|r| (r.code().to_owned(), r.label(lang).to_owned()))
        .collect();
    let consents: Vec<(String, String)> = ConsentLevel::ALL
        .iter()
        .map(|c| (c.code().to_owned(), c.label(lang).to_owned()))
        .collect();
    let new_open = !form.new_pseudonym.is_empty()
        || !errors.messages("new_pseudonym").is_empty()
        || !errors.messages("new_consent").is_empty();
    html! {
        fieldset.picker #people-picker {
            legend { (tr!(lang, "picker-people-legend")) }
            (field(errors, "person_query", tr!(lang, "picker-search-person"), Some(tr!(lang, "picker-search-hint")), |c| input(c, "person_query", "search", &form.person_query)))
            (field(errors, "person_role", tr!(lang, "picker-role"), None, |c| select(c, "person_role", None, &roles, &form.person_role)))
            button.secondary type="submit" name="step" value="find-person" formaction=(back_to(action, "people-picker")) { (tr!(lang, "picker-find")) }
            @if let Some(found) = &picker.people {
                (matches(lang, action, "person", "people-picker", "picker-no-one",
                    &found.iter().map(|p| (p.id.to_string(), p.pseudonym.as_str())).collect::<Vec<_>>()))
            }
            @for m in errors.messages("pick_person") { p.field-error { (m) } }
            details.new-person open[new_open] {
                summary { (tr!(lang, "picker-new-person")) }
                (field(errors, "new_pseudonym", tr!(lang, "picker-new-pseudonym"), Some(tr!(lang, "picker-new-hint")), |c| input(c, "new_pseudonym", "text", &form.new_pseudonym)))
                (field(errors, "new_consent", tr!(lang, "field-consent"), None, |c| select(c, "new_consent", Some(viewer.t("common-none")), &consents, &form.new_consent)))
                button.secondary type="submit" name="step" value="new-person" formaction=(back_to(action, "people-picker")) { (tr!(lang, "picker-record-add")) }
            }
        }
    }
}

/// The group picker, drawn under the groups field.
pub(crate) fn groups_picker(
    viewer: &Viewer,
    action: &str,
    form: &EventForm,
    errors: &FormErrors,
    picker: &Picker,
) -> Markup {
    let lang = viewer.lang;
    html! {
        fieldset.picker #groups-picker {
            legend { (tr!(lang, "picker-groups-legend")) }
            (field(errors, "group_query", tr!(lang, "picker-search-group"), None, |c| input(c, "group_query", "search", &form.group_query)))
            button.secondary type="submit" name="step" value="find-group" formaction=(back_to(action, "groups-picker")) { (tr!(lang, "picker-find")) }
            @if let Some(found) = &picker.groups {
                (matches(lang, action, "group", "groups-picker", "picker-no-group",
                    &found.iter().map(|g| (g.id.to_string(), g.name.as_str())).collect::<Vec<_>>()))
            }
            @for m in errors.messages("pick_group") { p.field-error { (m) } }
        }
    }
}
