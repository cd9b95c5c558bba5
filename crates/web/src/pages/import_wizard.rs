//! The import wizard's pages: the list with the upload field, and one
//! draft's steps (sheet and header row, columns with their date orders
//! and values, the profile, the dry run and the import with its report).

use maud::{Markup, html};
use testimonio_app::import::drafts::Draft;
use testimonio_app::import::fields::{CodeTable, ValueKind};
use testimonio_app::import::values;
use testimonio_app::import::{Entity, Field, ImportReport, Profile};
use testimonio_domain::Lang;
use testimonio_i18n::{format, tr};
use testimonio_vault::{ImportStatus, StoredImport};

use crate::auth::Viewer;
use crate::layout::{csrf_field, page};

/// What the upload field offers: sheets as groups keep them.
const ACCEPT: &str = ".csv,.tsv,.txt,.xlsx,.xls,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet";
/// Problems listed on the page; the CSV has them all.
const PROBLEMS_SHOWN: usize = 200;
/// Columns of the raw rows shown for choosing the header.
const RAW_COLUMNS: usize = 8;

fn status_label(lang: Lang, status: ImportStatus) -> &'static str {
    match status {
        ImportStatus::Draft => tr!(lang, "import-status-draft"),
        ImportStatus::Checked => tr!(lang, "import-status-checked"),
        ImportStatus::Imported => tr!(lang, "import-status-imported"),
    }
}

/// GET /import.
pub(crate) fn list_page(viewer: &Viewer, imports: &[StoredImport], limit: u64) -> Markup {
    let lang = viewer.lang;
    let title = viewer.t("import-title");
    let body = html! {
        h1 { (title) }
        p { (viewer.t("import-intro")) }
        form.upload method="post" enctype="multipart/form-data" action={ "/import/upload?csrf=" (viewer.csrf) } {
            label for="import-file" { (viewer.t("import-file")) }
            input #import-file type="file" name="file" accept=(ACCEPT) aria-describedby="import-file-hint";
            p.hint #import-file-hint { (tr!(lang, "import-file-hint", size = format::file_size(lang, limit))) }
            button type="submit" { (viewer.t("import-upload")) }
        }
        h2 { (viewer.t("import-list-title")) }
        @if imports.is_empty() {
            p { (viewer.t("import-list-empty")) }
        } @else {
            div.scroll {
                table {
                    thead { tr {
                        th scope="col" { (viewer.t("import-list-file")) }
                        th scope="col" { (viewer.t("import-list-status")) }
                        th scope="col" { (viewer.t("import-list-changed")) }
                    } }
                    tbody {
                        @for import in imports {
                            tr {
                                td { a href={ "/import/" (import.id) } translate="no" { (import.source_name) } }
                                td { (status_label(lang, import.status)) }
                                td { (import.updated_at.get(..16).unwrap_or(&import.updated_at).replace('T', " ")) }
                            }
                        }
                    }
                }
            }
        }
    };
    page(viewer, title, body)
}

/// GET /import/{id}.
pub(crate) fn wizard_page(viewer: &Viewer, draft: &Draft, saved: &[String]) -> Markup {
    let lang = viewer.lang;
    let stored = &draft.stored;
    let title = viewer.t("import-wizard-title");
    let action = |step: &str| format!("/import/{}/{step}", stored.id);
    let body = html! {
        p { a href="/import" { "← " (viewer.t("import-title")) } }
        h1 { (title) }
        p { strong translate="no" { (stored.source_name) } " · " (status_label(lang, stored.status)) }
        @if let Some(problem) = &draft.problem {
            div.error role="alert" { @for line in problem.message(lang).lines() { p { (line) } } }
        }
        section #layout aria-labelledby="layout-title" {
            h2 #layout-title { (viewer.t("import-step-layout")) }
            (layout_form(viewer, draft, &action("layout")))
        }
        @if let Some(preview) = &draft.preview {
            section #columns aria-labelledby="columns-title" {
                h2 #columns-title { (viewer.t("import-step-columns")) }
                form method="post" action=(action("mapping")) {
                    (csrf_field(viewer))
                    (columns_table(viewer, &draft.profile, &preview.header, &preview.distinct))
                    (values_section(viewer, &draft.profile, &preview.header, &preview.distinct))
                    (constants_section(viewer, &draft.profile))
                    button type="submit" { (viewer.t("import-save-mapping")) }
                }
            }
        }
        section #profile aria-labelledby="profile-title" {
            h2 #profile-title { (viewer.t("import-step-profile")) }
            (profile_forms(viewer, draft, saved, &action("profile"), &action("save-profile")))
        }
        section #check aria-labelledby="check-title" {
            h2 #check-title { (viewer.t("import-step-check")) }
            p { (viewer.t("import-check-hint")) }
            form.inline method="post" action=(action("check")) {
                (csrf_field(viewer))
                button type="submit" { (viewer.t("import-dry-run")) }
            }
            @if draft.stored.status == ImportStatus::Checked {
                form.inline method="post" action=(action("run")) {
                    (csrf_field(viewer))
                    button.primary type="submit" { (viewer.t("import-run")) }
                }
            }
        }
        @if let Some(report) = &draft.report {
            section #report aria-labelledby="report-title" {
                h2 #report-title { (viewer.t("import-step-report")) }
                (report_section(viewer, report, &format!("/import/{}/report.csv", stored.id), &action("matches")))
            }
        }
    };
    page(viewer, title, body)
}

fn layout_form(viewer: &Viewer, draft: &Draft, action: &str) -> Markup {
    let sheets = draft
        .preview
        .as_ref()
        .map(|p| p.sheets.clone())
        .unwrap_or_default();
    let chosen_sheet = draft
        .preview
        .as_ref()
        .and_then(|p| p.sheet.clone())
        .or_else(|| draft.profile.sheet.clone())
        .unwrap_or_default();
    let header_row = draft
        .preview
        .as_ref()
        .map(|p| p.header_row)
        .or(draft.profile.header_row);
    html! {
        form method="post" action=(action) {
            (csrf_field(viewer))
            @if sheets.len() > 1 {
                label for="import-sheet" { (viewer.t("import-sheet")) }
                select #import-sheet name="sheet" {
                    @for sheet in &sheets {
                        option value=(sheet) selected[*sheet == chosen_sheet] translate="no" { (sheet) }
                    }
                }
            }
            label for="import-header-row" { (viewer.t("import-header-row")) }
            input #import-header-row type="text" inputmode="numeric" name="header_row"
                value=[header_row] aria-describedby="import-header-hint";
            p.hint #import-header-hint { (viewer.t("import-header-hint")) }
            button type="submit" { (viewer.t("import-apply")) }
        }
        @if let Some(preview) = &draft.preview
            && let (Some(encoding), Some(delimiter), Some(row)) = (preview.encoding, preview.delimiter, header_row)
        {
            p.hint { (tr!(viewer.lang, "import-read-as", encoding = encoding, delimiter = if delimiter == '\t' { "TAB".to_owned() } else { delimiter.to_string() }.as_str(), row = row)) }
        }
        @if let Some(raw) = &draft.raw {
            div.scroll {
                table.raw-rows {
                    caption { (viewer.t("import-raw-caption")) }
                    tbody {
                        @for row in &raw.rows {
                            tr.header-row[Some(row.line) == header_row] {
                                th scope="row" { (row.line) }
                                @for cell in row.cells.iter().take(RAW_COLUMNS) {
                                    td translate="no" { (cell) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn entity_label(lang: Lang, entity: Entity) -> &'static str {
    match entity {
        Entity::Group => tr!(lang, "import-entity-group"),
        Entity::Person => tr!(lang, "import-entity-person"),
        Entity::Event => tr!(lang, "import-entity-event"),
    }
}

fn field_select(lang: Lang, column: usize, chosen: &str) -> Markup {
    html! {
        select id={ "field-" (column) } name={ "field-" (column) } {
            option value="ignore" selected[chosen == "ignore" || Field::parse(chosen).is_none()] { (tr!(lang, "import-ignore")) }
            @for entity in [Entity::Person, Entity::Event, Entity::Group] {
                optgroup label=(entity_label(lang, entity)) {
                    @for field in Field::ALL.iter().filter(|f| f.entity() == entity) {
                        option value=(field.name()) selected[chosen == field.name()] { (field.label(lang)) }
                    }
                }
            }
        }
    }
}

fn columns_table(
    viewer: &Viewer,
    profile: &Profile,
    header: &[String],
    distinct: &[Vec<String>],
) -> Markup {
    let lang = viewer.lang;
    let orders = [
        ("dmy", viewer.t("import-order-dmy")),
        ("mdy", viewer.t("import-order-mdy")),
        ("ymd", viewer.t("import-order-ymd")),
    ];
    html! {
        div.scroll {
            table.mapping {
                thead { tr {
                    th scope="col" { (viewer.t("import-column")) }
                    th scope="col" { (viewer.t("import-examples")) }
                    th scope="col" { (viewer.t("import-field")) }
                    th scope="col" { (viewer.t("import-date-order")) }
                } }
                tbody {
                    @for (i, name) in header.iter().enumerate().filter(|(_, n)| !n.trim().is_empty()) {
                        @let chosen = profile.columns.get(name).map_or("ignore", String::as_str);
                        @let order = profile.dates.get(name).map_or("", String::as_str);
                        tr {
                            th scope="row" { label for={ "field-" (i) } translate="no" { (name) } }
                            td translate="no" { (distinct.get(i).map(|d| d.iter().take(3).cloned().collect::<Vec<_>>().join(" · ")).unwrap_or_default()) }
                            td { (field_select(lang, i, chosen)) }
                            td {
                                select name={ "order-" (i) } aria-label=(viewer.t("import-date-order")) {
                                    option value="" selected[order.is_empty()] { "—" }
                                    @for (code, label) in &orders {
                                        option value=(code) selected[order == *code] { (label) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// For each column mapped to a field with codes, its values with the code
/// each maps to (the profile's choice, else the one found), or none.
fn values_section(
    viewer: &Viewer,
    profile: &Profile,
    header: &[String],
    distinct: &[Vec<String>],
) -> Markup {
    let lang = viewer.lang;
    let coded: Vec<(usize, &String, Field, CodeTable)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            let field = Field::parse(profile.columns.get(name)?)?;
            match field.kind() {
                ValueKind::Code(table) => Some((i, name, field, table)),
                _ => None,
            }
        })
        .collect();
    html! {
        @if !coded.is_empty() {
            div.import-values {
            h3 { (viewer.t("import-values-title")) }
            p.hint { (viewer.t("import-values-hint")) }
            @for (i, name, field, table) in coded {
                @let choices = values::choices(table, lang);
                @let chosen_map = profile.values.get(field.name());
                fieldset {
                    legend translate="no" { (name) " → " (field.label(lang)) }
                    @for (n, cell) in distinct.get(i).map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
                        @let chosen = chosen_map
                            .and_then(|m| m.get(cell).map(String::as_str))
                            .or_else(|| values::code(table, cell))
                            .unwrap_or("");
                        div.value-map {
                            input type="hidden" name={ "cell-" (i) "-" (n) } value=(cell);
                            label for={ "code-" (i) "-" (n) } translate="no" { (cell) }
                            select id={ "code-" (i) "-" (n) } name={ "code-" (i) "-" (n) } aria-invalid=[chosen.is_empty().then_some("true")] {
                                option value="" selected[chosen.is_empty()] { (viewer.t("import-value-none")) }
                                @for (code, label) in &choices {
                                    option value=(code) selected[chosen == *code] { (label) }
                                }
                            }
                        }
                    }
                }
            }
            }
        }
    }
}

/// Fields a whole sheet often shares (every row an arrest, every row
/// from one group): one value for every row, as the profile's constants.
pub(crate) const CONSTANT_FIELDS: [Field; 7] = [
    Field::EventType,
    Field::EventKind,
    Field::EventAgency,
    Field::EventVerification,
    Field::PersonConsent,
    Field::PersonRole,
    Field::GroupName,
];

fn constants_section(viewer: &Viewer, profile: &Profile) -> Markup {
    let lang = viewer.lang;
    html! {
        div.import-values {
            h3 { (viewer.t("import-constants-title")) }
            p.hint { (viewer.t("import-constants-hint")) }
            @for field in CONSTANT_FIELDS {
                @let chosen = profile.constants.get(field.name()).map_or("", String::as_str);
                div.value-map {
                    label for={ "const-" (field.name()) } { (field.label(lang)) }
                    @match field.kind() {
                        ValueKind::Code(table) => {
                            select id={ "const-" (field.name()) } name={ "const-" (field.name()) } {
                                option value="" selected[chosen.is_empty()] { (viewer.t("import-value-none")) }
                                @for (code, label) in values::choices(table, lang) {
                                    option value=(code) selected[chosen == code] { (label) }
                                }
                            }
                        }
                        _ => {
                            input id={ "const-" (field.name()) } name={ "const-" (field.name()) } type="text" value=(chosen);
                        }
                    }
                }
            }
        }
    }
}

fn profile_forms(
    viewer: &Viewer,
    draft: &Draft,
    saved: &[String],
    apply: &str,
    save: &str,
) -> Markup {
    html! {
        p.hint { (viewer.t("import-profile-hint")) }
        @if !saved.is_empty() {
            form method="post" action=(apply) {
                (csrf_field(viewer))
                label for="import-saved" { (viewer.t("import-saved-profile")) }
                select #import-saved name="saved" {
                    @for name in saved { option value=(name) translate="no" { (name) } }
                }
                button type="submit" { (viewer.t("import-apply")) }
            }
        }
        details {
            summary { (viewer.t("import-profile-toml")) }
            form method="post" action=(apply) {
                (csrf_field(viewer))
                label for="import-toml" { (viewer.t("import-profile-toml-label")) }
                textarea #import-toml name="toml" rows="12" spellcheck="false" translate="no" { (draft.profile.to_toml()) }
                button type="submit" { (viewer.t("import-apply")) }
            }
        }
        form method="post" action=(save) {
            (csrf_field(viewer))
            label for="import-profile-name" { (viewer.t("import-profile-name")) }
            input #import-profile-name type="text" name="name" maxlength="100" value=[draft.profile.name.as_deref()];
            button type="submit" { (viewer.t("import-save-profile")) }
        }
    }
}

/// Rows naming a stored person by legal name or A-number: the user says
/// whether each is that person or someone new.
fn matches_form(viewer: &Viewer, report: &ImportReport, action: &str) -> Markup {
    let lang = viewer.lang;
    html! {
        form method="post" action=(action) {
            (csrf_field(viewer))
            h3 { (viewer.t("import-matches-title")) }
            p.hint { (viewer.t("import-matches-hint")) }
            @for (k, m) in report.matches.iter().enumerate() {
                div.value-map {
                    input type="hidden" name={ "value-" (k) } value=(m.value);
                    label for={ "person-" (k) } { (tr!(lang, "import-match-row", row = m.row)) " · " span translate="no" { (m.value) } }
                    select id={ "person-" (k) } name={ "person-" (k) } {
                        option value="" { (viewer.t("import-match-undecided")) }
                        option value=(m.person) { (tr!(lang, "import-match-same", pseudonym = m.pseudonym.as_str(), id = m.person.as_str())) }
                        option value="new" { (viewer.t("import-match-new")) }
                    }
                }
            }
            button type="submit" { (viewer.t("import-matches-save")) }
        }
    }
}

fn report_section(
    viewer: &Viewer,
    report: &ImportReport,
    csv: &str,
    matches_action: &str,
) -> Markup {
    let lang = viewer.lang;
    let n = |count: u64| format::number(lang, count);
    html! {
        p role="status" {
            @if report.dry_run {
                (tr!(lang, "import-report-dry-run", rows = report.rows, created = report.created, updated = report.updated, unchanged = report.unchanged, refused = report.refused))
            } @else {
                (tr!(lang, "import-report-done", rows = report.rows, created = report.created, updated = report.updated, unchanged = report.unchanged, refused = report.refused))
            }
        }
        ul {
            li { (viewer.t("import-report-people")) ": " (n(report.records.people.created)) " / " (n(report.records.people.updated)) }
            li { (viewer.t("import-report-events")) ": " (n(report.records.events.created)) " / " (n(report.records.events.updated)) }
            li { (viewer.t("import-report-groups")) ": " (n(report.records.groups.created)) " / " (n(report.records.groups.updated)) }
        }
        @if !report.matches.is_empty() {
            (matches_form(viewer, report, matches_action))
        }
        @for (column, count) in &report.ambiguous_dates {
            p.warning { (tr!(lang, "import-report-ambiguous", column = column.as_str(), count = *count)) }
        }
        @if !report.problems.is_empty() {
            p { a href=(csv) download { (viewer.t("import-report-download")) } }
            div.scroll {
                table.problems {
                    thead { tr {
                        th scope="col" { (viewer.t("import-report-row")) }
                        th scope="col" { (viewer.t("import-report-column")) }
                        th scope="col" { (viewer.t("import-report-reason")) }
                    } }
                    tbody {
                        @for problem in report.problems.iter().take(PROBLEMS_SHOWN) {
                            tr {
                                td { (problem.row) }
                                td translate="no" { (problem.column.as_deref().unwrap_or("—")) }
                                td { (problem.reason) }
                            }
                        }
                    }
                }
            }
            @if report.problems_total > PROBLEMS_SHOWN as u64 {
                p { (tr!(lang, "import-report-more", count = report.problems_total - PROBLEMS_SHOWN as u64)) }
            }
        }
    }
}

/// The spreadsheet rows a record came from, with their cells as written.
pub(crate) fn origins_section(
    viewer: &Viewer,
    origins: &[testimonio_app::import::origins::Origin],
) -> Markup {
    let lang = viewer.lang;
    html! {
        section.origins aria-labelledby="origins-title" {
            h2 #origins-title { (viewer.t("import-origins-title")) }
            @for origin in origins {
                details {
                    summary {
                        (tr!(lang, "import-origin", file = origin.source_name.as_str(), row = origin.row_number))
                        " · " (origin.imported_at.get(..10).unwrap_or(&origin.imported_at))
                    }
                    dl.facts {
                        @for (column, cell) in &origin.cells {
                            dt translate="no" { (column) }
                            dd translate="no" { (cell) }
                        }
                    }
                }
            }
        }
    }
}
