//! Cell values to codes: a code as written, a label in English or Spanish,
//! a part of a label ("Arresto" for "Interceptación o arresto"), a
//! gendered form ("Organizadora" for "Organizador/a"), a field office by
//! code, city or name ("San Antonio Field Office"), and the common
//! variants in [`SYNONYMS`]. Case, accents and punctuation never matter.
//! A part of a label that two codes share maps to neither: a guess that
//! could be wrong is not made.

use std::collections::HashMap;
use std::sync::OnceLock;

use testimonio_domain::{
    Agency, ConsentLevel, EventKind, EventType, FieldOffice, Lang, ParticipantRole, UsState,
    Verification,
};
use unicode_normalization::UnicodeNormalization;

use super::fields::CodeTable;

/// `text` folded for comparison: lower case, accents removed, every run of
/// other characters than letters and digits one space.
pub fn key(text: &str) -> String {
    let bare: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Common ways of writing a value that no label spells, by table.
const SYNONYMS: &[(CodeTable, &str, &str)] = &[
    (
        CodeTable::EventKind,
        "actividad protegida",
        "protected_activity",
    ),
    (CodeTable::EventKind, "protegida", "protected_activity"),
    (CodeTable::EventKind, "protected", "protected_activity"),
    (CodeTable::EventKind, "activismo", "protected_activity"),
    (CodeTable::EventKind, "represalia", "enforcement_action"),
    (CodeTable::EventKind, "retaliation", "enforcement_action"),
    (CodeTable::EventKind, "enforcement", "enforcement_action"),
    (
        CodeTable::EventKind,
        "accion de control",
        "enforcement_action",
    ),
    (
        CodeTable::EventKind,
        "accion migratoria",
        "enforcement_action",
    ),
    (CodeTable::EventType, "arrest", "stop_or_arrest"),
    (CodeTable::EventType, "arrested", "stop_or_arrest"),
    (CodeTable::EventType, "detenido", "stop_or_arrest"),
    (CodeTable::EventType, "detenida", "stop_or_arrest"),
    (CodeTable::EventType, "nta", "notice_to_appear"),
    (
        CodeTable::EventType,
        "notificacion de comparecencia",
        "notice_to_appear",
    ),
    (CodeTable::EventType, "removal", "deportation"),
    (CodeTable::EventType, "deportado", "deportation"),
    (CodeTable::EventType, "deportada", "deportation"),
    (CodeTable::EventType, "huelga", "hunger_strike"),
    (CodeTable::EventType, "ayuno", "hunger_strike"),
    (CodeTable::EventType, "rueda de prensa", "press_interview"),
    (
        CodeTable::EventType,
        "conferencia de prensa",
        "press_interview",
    ),
    (CodeTable::EventType, "press conference", "press_interview"),
    (CodeTable::EventType, "entrevista", "press_interview"),
    (CodeTable::EventType, "rally", "protest"),
    (CodeTable::EventType, "march", "protest"),
    (CodeTable::EventType, "marcha", "protest"),
    (CodeTable::EventType, "plantón", "protest"),
    (CodeTable::EventType, "informante", "informant"),
    (CodeTable::EventType, "fianza", "bond_denied_or_raised"),
    (CodeTable::EventType, "bond", "bond_denied_or_raised"),
    (CodeTable::EventType, "traslado", "transfer"),
    (CodeTable::EventType, "aislamiento", "punitive_segregation"),
    (
        CodeTable::EventType,
        "solitary confinement",
        "punitive_segregation",
    ),
    (CodeTable::EventType, "demanda", "lawsuit"),
    (CodeTable::EventType, "foia", "foia_request"),
    (CodeTable::Consent, "interno", "internal"),
    (CodeTable::Consent, "interna", "internal"),
    (CodeTable::Consent, "solo interno", "internal"),
    (CodeTable::Consent, "internal", "internal"),
    (CodeTable::Consent, "estadisticas", "coalition_aggregate"),
    (CodeTable::Consent, "aggregate", "coalition_aggregate"),
    (CodeTable::Consent, "anonimo", "public_anonymous"),
    (CodeTable::Consent, "anonymous", "public_anonymous"),
    (CodeTable::Consent, "publico anonimo", "public_anonymous"),
    (CodeTable::Consent, "con nombre", "public_named"),
    (CodeTable::Consent, "publico con nombre", "public_named"),
    (CodeTable::ParticipantRole, "organizer", "organizer"),
    (CodeTable::ParticipantRole, "organizador", "organizer"),
    (CodeTable::ParticipantRole, "portavoz", "spokesperson"),
    (CodeTable::ParticipantRole, "afectado", "target"),
    (CodeTable::ParticipantRole, "afectada", "target"),
    (CodeTable::ParticipantRole, "objetivo", "target"),
    (CodeTable::ParticipantRole, "target", "target"),
    (CodeTable::ParticipantRole, "victima", "target"),
    (CodeTable::ParticipantRole, "family", "family_member"),
    (CodeTable::ParticipantRole, "familia", "family_member"),
    (CodeTable::ParticipantRole, "otra", "other"),
    (CodeTable::Agency, "border patrol", "cbp"),
    (CodeTable::Agency, "patrulla fronteriza", "cbp"),
    (CodeTable::Agency, "migra", "ice"),
    (CodeTable::Agency, "ero", "ice"),
    (CodeTable::Agency, "hsi", "ice"),
    (CodeTable::Agency, "policia", "local_police"),
    (CodeTable::Agency, "police", "local_police"),
    (CodeTable::Agency, "sheriff", "local_police"),
    (CodeTable::Agency, "alguacil", "local_police"),
    (CodeTable::Agency, "immigration court", "eoir"),
    (CodeTable::Agency, "corte de inmigracion", "eoir"),
    (CodeTable::Verification, "reportada", "reported"),
    (CodeTable::Verification, "corroborada", "corroborated"),
    (CodeTable::Verification, "documentada", "documented"),
];

/// Words around a field office's name that do not name it.
const OFFICE_NOISE: &[&str] = &[
    "field office",
    "oficina de campo de",
    "oficina de campo",
    "oficina de",
    "oficina",
    "ero",
    "ice",
    "aor",
];

/// Every code of `table` with its labels in both languages.
fn entries(table: CodeTable) -> Vec<(&'static str, Vec<&'static str>)> {
    let labels = |en: &'static str, es: &'static str| vec![en, es];
    match table {
        CodeTable::EventKind => EventKind::ALL
            .iter()
            .map(|k| (k.code(), labels(k.label(Lang::En), k.label(Lang::Es))))
            .collect(),
        CodeTable::EventType => EventType::all()
            .map(|t| (t.code(), labels(t.label(Lang::En), t.label(Lang::Es))))
            .collect(),
        CodeTable::State => UsState::all()
            .map(|s| (s.code(), labels(s.name(Lang::En), s.name(Lang::Es))))
            .collect(),
        CodeTable::FieldOffice => FieldOffice::all()
            .map(|o| (o.code(), labels(o.name(Lang::En), o.name(Lang::Es))))
            .collect(),
        CodeTable::Agency => Agency::all()
            .map(|a| (a.code(), labels(a.name(Lang::En), a.name(Lang::Es))))
            .collect(),
        CodeTable::Consent => ConsentLevel::ALL
            .iter()
            .map(|c| (c.code(), labels(c.label(Lang::En), c.label(Lang::Es))))
            .collect(),
        CodeTable::ParticipantRole => ParticipantRole::ALL
            .iter()
            .map(|r| (r.code(), labels(r.label(Lang::En), r.label(Lang::Es))))
            .collect(),
        CodeTable::Verification => Verification::ALL
            .iter()
            .map(|v| (v.code(), labels(v.label(Lang::En), v.label(Lang::Es))))
            .collect(),
    }
}

/// The parts of a label a person might write alone: split at `/`, `,`,
/// parentheses, " or " and " o "; "Organizador/a" gives "Organizador" and
/// "Organizadora".
fn label_parts(label: &str) -> Vec<String> {
    let mut parts = Vec::new();
    // "Organizador/a", "Vocero/a": the feminine form.
    if let Some(stem) = label
        .strip_suffix("/a")
        .or_else(|| label.strip_suffix("(a)"))
    {
        let stem = key(stem);
        let feminine = match stem.strip_suffix('o') {
            Some(root) => format!("{root}a"),
            None => format!("{stem}a"),
        };
        parts.push(stem);
        parts.push(feminine);
        return parts;
    }
    for piece in label.split(['/', ',', '(', ')', '«', '»']) {
        let piece = key(piece);
        for part in piece.split(" or ").flat_map(|p| p.split(" o ")) {
            if !part.is_empty() {
                parts.push(part.to_owned());
            }
        }
        parts.push(piece);
    }
    parts
}

/// One table's folded spellings to codes.
#[derive(Debug, Default)]
pub struct ValueIndex {
    exact: HashMap<String, &'static str>,
    parts: HashMap<String, Option<&'static str>>,
}

impl ValueIndex {
    fn build(table: CodeTable) -> Self {
        let mut index = ValueIndex::default();
        for (code, labels) in entries(table) {
            index.exact.insert(key(code), code);
            for label in labels {
                index.exact.insert(key(label), code);
                for part in label_parts(label) {
                    let slot = index.parts.entry(part).or_insert(Some(code));
                    if *slot != Some(code) {
                        *slot = None; // shared by two codes: ambiguous
                    }
                }
            }
        }
        for (t, spelling, code) in SYNONYMS {
            if *t == table {
                index.exact.insert(key(spelling), code);
            }
        }
        index
    }

    /// The code `cell` names, if one does without doubt.
    pub fn code(&self, cell: &str) -> Option<&'static str> {
        let folded = key(cell);
        if folded.is_empty() {
            return None;
        }
        self.lookup(&folded)
    }

    fn lookup(&self, folded: &str) -> Option<&'static str> {
        self.exact
            .get(folded)
            .copied()
            .or_else(|| self.parts.get(folded).copied().flatten())
    }

    /// A field office written with words around its name ("San Antonio
    /// Field Office", "Oficina de San Antonio").
    fn office(&self, cell: &str) -> Option<&'static str> {
        let mut folded = format!(" {} ", key(cell));
        for noise in OFFICE_NOISE {
            folded = folded.replace(&format!(" {noise} "), " ");
        }
        self.lookup(folded.trim())
    }
}

/// The index of `table`, built once.
pub fn index(table: CodeTable) -> &'static ValueIndex {
    static INDEXES: OnceLock<HashMap<CodeTable, ValueIndex>> = OnceLock::new();
    let all = INDEXES.get_or_init(|| {
        ALL_TABLES
            .iter()
            .map(|t| (*t, ValueIndex::build(*t)))
            .collect()
    });
    &all[&table]
}

const ALL_TABLES: [CodeTable; 8] = [
    CodeTable::EventKind,
    CodeTable::EventType,
    CodeTable::State,
    CodeTable::FieldOffice,
    CodeTable::Agency,
    CodeTable::Consent,
    CodeTable::ParticipantRole,
    CodeTable::Verification,
];

/// Every code of `table` with its label in `lang`, in the table's order:
/// what a person picks a cell's code from.
pub fn choices(table: CodeTable, lang: Lang) -> Vec<(&'static str, &'static str)> {
    entries(table)
        .into_iter()
        .map(|(code, labels)| {
            let label = match lang {
                Lang::En => labels[0],
                Lang::Es => labels[1],
            };
            (code, label)
        })
        .collect()
}

/// The code `cell` names in `table`, without doubt, or `None`.
pub fn code(table: CodeTable, cell: &str) -> Option<&'static str> {
    let index = index(table);
    index.code(cell).or_else(|| match table {
        CodeTable::FieldOffice => index.office(cell),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parts_and_variants_in_both_languages() {
        let cases = [
            (
                CodeTable::EventType,
                "Notificación de comparecencia",
                "notice_to_appear",
            ),
            (CodeTable::EventType, "Arresto", "stop_or_arrest"),
            (CodeTable::EventType, "HUELGA DE HAMBRE", "hunger_strike"),
            (CodeTable::EventType, "Stop or arrest", "stop_or_arrest"),
            (CodeTable::EventType, "deportation", "deportation"),
            (CodeTable::State, "Texas", "TX"),
            (CodeTable::State, "tx", "TX"),
            (CodeTable::State, "Nueva York", "NY"),
            (CodeTable::FieldOffice, "San Antonio", "SNA"),
            (CodeTable::FieldOffice, "SNA", "SNA"),
            (CodeTable::FieldOffice, "San Antonio Field Office", "SNA"),
            (CodeTable::FieldOffice, "Oficina de San Antonio", "SNA"),
            (CodeTable::Agency, "ICE", "ice"),
            (CodeTable::Agency, "Patrulla Fronteriza", "cbp"),
            (CodeTable::Consent, "público anónimo", "public_anonymous"),
            (CodeTable::Consent, "Público, con nombre", "public_named"),
            (
                CodeTable::Consent,
                "Coalition statistics",
                "coalition_aggregate",
            ),
            (CodeTable::ParticipantRole, "Organizador/a", "organizer"),
            (CodeTable::ParticipantRole, "Organizadora", "organizer"),
            (CodeTable::ParticipantRole, "vocera", "spokesperson"),
            (CodeTable::ParticipantRole, "Testigo", "witness"),
            (
                CodeTable::EventKind,
                "Actividad protegida",
                "protected_activity",
            ),
            (CodeTable::Verification, "Documentado", "documented"),
        ];
        for (table, cell, expected) in cases {
            assert_eq!(code(table, cell), Some(expected), "{cell}");
        }
    }

    #[test]
    fn a_part_two_codes_share_maps_to_neither() {
        // "Vigilancia" begins both kinds of surveillance: no guess.
        assert_eq!(code(CodeTable::EventType, "vigilancia"), None);
        assert_eq!(code(CodeTable::EventType, "no such thing"), None);
        assert_eq!(code(CodeTable::State, ""), None);
    }

    #[test]
    fn keys_fold_case_accents_and_punctuation() {
        assert_eq!(key("  Fecha del  evento: "), "fecha del evento");
        assert_eq!(key("Seudónimo"), "seudonimo");
        assert_eq!(key("Evento › Fecha"), "evento fecha");
    }
}
