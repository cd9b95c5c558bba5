//! The FOIA request form as HTML: its fieldsets, the rows of tolling
//! periods and communications (with one blank row to add), and each
//! message next to its field.

use maud::{Markup, html};
use testimonio_foia::Status;
use testimonio_i18n::tr;

use crate::auth::Viewer;
use crate::layout::{csrf_field, page};
use crate::pages::foia::*;
use crate::pages::forms::*;

use super::{CommunicationRow, FoiaForm, Messages, Mode, TollingRow, label, row_title};

/// A checkbox with its label after it, and its messages.
pub(crate) fn checkbox(
    errors: &FormErrors,
    name: &'static str,
    label: &str,
    checked: bool,
) -> Markup {
    let id = field_id(name);
    let messages = errors.messages(name);
    let error_id = format!("{id}-error");
    html! {
        div.field.check.invalid[!messages.is_empty()] {
            @if !messages.is_empty() {
                div.field-error id=(error_id) { @for m in &messages { p { (m) } } }
            }
            span {
                input id=(id) name=(name) type="checkbox" value="1" checked[checked]
                    aria-describedby=[(!messages.is_empty()).then_some(error_id.as_str())];
                " "
                label for=(id) { (label) }
            }
        }
    }
}

pub(crate) fn tolling_rows(viewer: &Viewer, form: &FoiaForm, m: &Messages) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    let day_hint = viewer.t("field-day-hint");
    let blank = TollingRow::default();
    let rows = form
        .tolling
        .iter()
        .take(MAX_ROWS)
        .chain(std::iter::once(&blank))
        .enumerate();
    let count = form.tolling.len().min(MAX_ROWS);
    html! {
        fieldset.rows #f-tolling {
            legend { (viewer.t("foia-tolling")) }
            p.hint { (viewer.t("foia-tolling-hint")) }
            @for (i, row) in rows {
                @let kind = format!("tolling_{i}_kind");
                @let from = format!("tolling_{i}_from");
                @let to = format!("tolling_{i}_to");
                fieldset.row {
                    legend {
                        @if i == count { (viewer.t("foia-add-period")) } @else { (row_title(lang, "tolling", i)) }
                    }
                    (labelled(&m.row("tolling", i, "kind"), &kind, viewer.t("foia-tolling-kind"), None, |c| select(c, &kind, Some(none), &tolling_options(lang), &row.kind)))
                    (labelled(&m.row("tolling", i, "from"), &from, viewer.t("foia-from"), Some(day_hint), |c| input(c, &from, "text", &row.from)))
                    (labelled(&m.row("tolling", i, "to"), &to, viewer.t("foia-to"), Some(viewer.t("foia-to-hint")), |c| input(c, &to, "text", &row.to)))
                }
            }
        }
    }
}

pub(crate) fn communication_rows(viewer: &Viewer, form: &FoiaForm, m: &Messages) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    let day_hint = viewer.t("field-day-hint");
    let blank = CommunicationRow::default();
    let rows = form
        .communications
        .iter()
        .take(MAX_ROWS)
        .chain(std::iter::once(&blank))
        .enumerate();
    let count = form.communications.len().min(MAX_ROWS);
    html! {
        fieldset.rows #f-communications {
            legend { (viewer.t("foia-communications")) }
            p.hint { (viewer.t("foia-rows-hint")) }
            @for (i, row) in rows {
                @let date = format!("communication_{i}_date");
                @let direction = format!("communication_{i}_direction");
                @let summary = format!("communication_{i}_summary");
                fieldset.row {
                    legend {
                        @if i == count { (viewer.t("foia-add-communication")) } @else { (row_title(lang, "communications", i)) }
                    }
                    (labelled(&m.row("communications", i, "date"), &date, viewer.t("foia-comm-date"), Some(day_hint), |c| input(c, &date, "text", &row.date)))
                    (labelled(&m.row("communications", i, "direction"), &direction, viewer.t("foia-direction"), None, |c| select(c, &direction, Some(none), &direction_options(lang), &row.direction)))
                    (labelled(&m.row("communications", i, "summary"), &summary, viewer.t("foia-summary"), None, |c| textarea(c, &summary, &row.summary, 3)))
                }
            }
        }
    }
}

pub(crate) fn form_page(viewer: &Viewer, mode: &Mode, form: &FoiaForm, m: &Messages) -> Markup {
    let lang = viewer.lang;
    let e = &m.form;
    let none = viewer.t("common-none");
    let day_hint = viewer.t("field-day-hint");
    let l = |name: &str| label(lang, name);
    let v = |name: &str| form.get(name);
    let (title, action) = match mode {
        Mode::New => (viewer.t("foia-new"), "/foia".to_owned()),
        Mode::Edit(id) => (viewer.t("foia-edit"), format!("/foia/{id}")),
    };
    let date = |name: &'static str| {
        field(e, name, l(name), Some(day_hint), |c| {
            input(c, name, "text", v(name))
        })
    };
    let status = if v("status").is_empty() {
        Status::Drafted.code()
    } else {
        v("status")
    };
    let body = html! {
        @if let Mode::Edit(id) = mode {
            p { a href={ "/foia/" (id) } { (tr!(lang, "foia-back-to-request", id = id.as_str())) } }
        }
        h1 { (title) }
        (error_summary(viewer, e))
        form.stack.record.foia-form method="post" action=(action) {
            (csrf_field(viewer))
            fieldset {
                legend { (viewer.t("foia-section-request")) }
                @match mode {
                    Mode::New => {
                        (field(e, "id", l("id"), Some(viewer.t("field-id-hint")), |c| input(c, "id", "text", v("id"))))
                    }
                    Mode::Edit(id) => {
                        p { strong { (l("id")) ": " } code { (id) } }
                    }
                }
                (field(e, "agency", l("agency"), None, |c| select(c, "agency", Some(none), &federal_agency_options(lang), v("agency"))))
                (field(e, "component", l("component"), Some(viewer.t("foia-component-hint")), |c| input(c, "component", "text", v("component"))))
                (field(e, "subject", l("subject"), Some(viewer.t("foia-subject-hint")), |c| input(c, "subject", "text", v("subject"))))
                (field(e, "tracking_number", l("tracking_number"), None, |c| input(c, "tracking_number", "text", v("tracking_number"))))
                (field(e, "status", l("status"), None, |c| select(c, "status", None, &status_options(lang), status)))
                (field(e, "requester", l("requester"), None, |c| input(c, "requester", "text", v("requester"))))
                (field(e, "request_text", l("request_text"), None, |c| textarea(c, "request_text", v("request_text"), 8)))
            }
            fieldset {
                legend { (viewer.t("foia-section-dates")) }
                (date("date_sent"))
                (date("date_received"))
                (date("date_perfected"))
            }
            fieldset {
                legend { (viewer.t("foia-section-fees")) }
                (checkbox(e, "expedited_requested", l("expedited_requested"), form.checked("expedited_requested")))
                (field(e, "expedited_outcome", l("expedited_outcome"), None, |c| select(c, "expedited_outcome", Some(none), &outcome_options(lang), v("expedited_outcome"))))
                (date("expedited_date"))
                (field(e, "fee_category", l("fee_category"), None, |c| select(c, "fee_category", Some(none), &fee_category_options(lang), v("fee_category"))))
                (checkbox(e, "fee_waiver_requested", l("fee_waiver_requested"), form.checked("fee_waiver_requested")))
                (field(e, "fee_waiver_outcome", l("fee_waiver_outcome"), None, |c| select(c, "fee_waiver_outcome", Some(none), &outcome_options(lang), v("fee_waiver_outcome"))))
                (date("fee_waiver_date"))
            }
            fieldset {
                legend { (viewer.t("foia-section-determination")) }
                (checkbox(e, "unusual_circumstances", l("unusual_circumstances"), form.checked("unusual_circumstances")))
                (date("extension_notified"))
                (field(e, "determination_outcome", l("determination_outcome"), None, |c| select(c, "determination_outcome", Some(none), &determination_options(lang), v("determination_outcome"))))
                (date("determination_date"))
            }
            fieldset {
                legend { (viewer.t("foia-section-appeal")) }
                (date("appeal_filed"))
                (date("appeal_received"))
                (date("appeal_decided"))
                (checkbox(e, "appeal_unusual_circumstances", l("appeal_unusual_circumstances"), form.checked("appeal_unusual_circumstances")))
                (date("appeal_extension_notified"))
                (field(e, "appeal_window_days", l("appeal_window_days"), Some(viewer.t("foia-appeal-window-hint")), |c| input(c, "appeal_window_days", "number", v("appeal_window_days"))))
            }
            (tolling_rows(viewer, form, m))
            (communication_rows(viewer, form, m))
            button type="submit" { (viewer.t("common-save")) }
        }
    };
    page(viewer, title, body)
}
