//! The fields a spreadsheet column can fill, named after the exchange
//! format's fields (`event.date`, `person.pseudonym`…), what kind of value
//! each takes, and the header names that suggest each one.

use std::fmt;

use testimonio_domain::Lang;
use testimonio_i18n::tr;

/// The record a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Entity {
    Group,
    Person,
    Event,
}

/// A code table whose values a cell is mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeTable {
    EventKind,
    EventType,
    State,
    FieldOffice,
    Agency,
    Consent,
    ParticipantRole,
    Verification,
}

/// What a field's cells hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Kept as written (trimmed).
    Text,
    /// Read as a date in the column's order.
    Date,
    /// Mapped to a code of the table.
    Code(CodeTable),
    /// A year, or a date whose year is taken.
    Year,
}

macro_rules! fields {
    ($($variant:ident = $name:literal, $entity:ident, $kind:expr, [$($synonym:literal),* $(,)?];)+) => {
        /// A field of a group, a person or an event that a column can fill.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Field { $($variant),+ }

        impl Field {
            pub const ALL: &'static [Field] = &[$(Field::$variant),+];

            /// The profile's name for it: `event.date`.
            pub fn name(self) -> &'static str {
                match self { $(Field::$variant => $name),+ }
            }

            pub fn entity(self) -> Entity {
                match self { $(Field::$variant => Entity::$entity),+ }
            }

            pub fn kind(self) -> ValueKind {
                match self { $(Field::$variant => $kind),+ }
            }

            /// Header names that suggest it, folded (see `values::key`), in
            /// English and Spanish.
            pub(crate) fn synonyms(self) -> &'static [&'static str] {
                match self { $(Field::$variant => &[$($synonym),*]),+ }
            }
        }
    };
}

use CodeTable as C;
use ValueKind::{Code, Date, Text, Year};

fields! {
    GroupId = "group.id", Group, Text, ["group id", "id grupo", "id del grupo", "id de grupo"];
    GroupName = "group.name", Group, Text, ["grupo", "group", "organizacion", "organization",
        "organisation", "org", "colectivo", "nombre del grupo", "group name", "grupo u organizacion"];
    GroupState = "group.state", Group, Code(C::State), ["estado del grupo", "group state"];
    GroupCity = "group.city", Group, Text, ["ciudad del grupo", "group city"];
    PersonId = "person.id", Person, Text, ["person id", "id persona", "id de la persona",
        "id de persona"];
    PersonPseudonym = "person.pseudonym", Person, Text, ["seudonimo", "pseudonimo", "pseudonym",
        "nombre clave", "code name", "codename", "apodo publico"];
    PersonLegalName = "person.legal_name", Person, Text, ["nombre", "nombre legal",
        "nombre completo", "nombre y apellido", "nombre y apellidos", "name", "full name",
        "legal name", "person name", "nombre de la persona"];
    PersonAliases = "person.aliases", Person, Text, ["alias", "aliases", "otros nombres",
        "also known as", "aka"];
    PersonContact = "person.contact", Person, Text, ["contacto", "contact", "telefono", "phone",
        "celular", "email", "correo", "correo electronico", "whatsapp"];
    PersonANumber = "person.a_number", Person, Text, ["a number", "anumber", "numero a",
        "numero de a", "numero de extranjero", "alien number", "a no", "a"];
    PersonImmigrationStatus = "person.immigration_status", Person, Text, ["estatus migratorio",
        "situacion migratoria", "immigration status", "estatus", "status"];
    PersonAddress = "person.address", Person, Text, ["direccion", "domicilio", "address"];
    PersonBirthYear = "person.birth_year", Person, Year, ["ano de nacimiento", "anio de nacimiento",
        "birth year", "year of birth", "fecha de nacimiento", "date of birth", "dob", "nacimiento"];
    PersonConsent = "person.consent", Person, Code(C::Consent), ["consentimiento", "consent",
        "nivel de consentimiento", "consent level"];
    PersonRole = "person.role", Person, Code(C::ParticipantRole), ["rol", "role", "papel",
        "participacion", "rol en el evento", "role in event", "role in the event"];
    EventId = "event.id", Event, Text, ["event id", "id evento", "id del evento", "id de evento",
        "id", "folio", "numero de caso", "case number"];
    EventKind = "event.kind", Event, Code(C::EventKind), ["clase", "kind", "clase de evento",
        "event kind"];
    EventType = "event.type", Event, Code(C::EventType), ["tipo", "type", "tipo de evento",
        "event type", "accion", "action", "tipo de accion", "action type", "categoria",
        "category", "incidente", "tipo de incidente", "incident type", "que paso"];
    EventDate = "event.date", Event, Date, ["fecha", "date", "fecha del evento",
        "fecha de evento", "event date", "fecha del incidente", "incident date", "dia", "day",
        "fecha de inicio", "fecha inicio", "start date", "desde", "inicio"];
    EventEndDate = "event.end_date", Event, Date, ["fecha final", "fecha fin", "fecha de fin",
        "fecha de termino", "end date", "hasta", "fin", "end"];
    EventState = "event.state", Event, Code(C::State), ["estado", "state", "st"];
    EventCity = "event.city", Event, Text, ["ciudad", "city", "municipio", "localidad",
        "town"];
    EventFacility = "event.facility", Event, Text, ["centro de detencion", "facility",
        "detention facility", "detention center", "instalacion", "centro"];
    EventAgency = "event.agency", Event, Code(C::Agency), ["agencia", "agency", "autoridad",
        "authority"];
    EventFieldOffice = "event.field_office", Event, Code(C::FieldOffice), ["oficina",
        "field office", "oficina de campo", "oficina local", "aor", "area of responsibility",
        "area de responsabilidad", "ero office", "oficina de ice", "ice office"];
    EventNarrative = "event.narrative", Event, Text, ["descripcion", "description",
        "narrativa", "narrative", "relato", "resumen", "summary", "detalles", "details",
        "notas", "notes", "que sucedio", "what happened"];
    EventVerification = "event.verification", Event, Code(C::Verification), ["verificacion",
        "verification", "verificado", "verified", "estado de verificacion"];
    EventGroups = "event.groups", Event, Text, ["grupos del evento", "event groups",
        "grupos participantes", "participating groups"];
}

impl Field {
    /// The field a profile names.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.name() == name.trim())
    }

    /// Its label for people choosing a field ("Evento: fecha").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::GroupId => tr!(lang, "import-field-group-id"),
            Field::GroupName => tr!(lang, "import-field-group-name"),
            Field::GroupState => tr!(lang, "import-field-group-state"),
            Field::GroupCity => tr!(lang, "import-field-group-city"),
            Field::PersonId => tr!(lang, "import-field-person-id"),
            Field::PersonPseudonym => tr!(lang, "import-field-person-pseudonym"),
            Field::PersonLegalName => tr!(lang, "import-field-person-legal-name"),
            Field::PersonAliases => tr!(lang, "import-field-person-aliases"),
            Field::PersonContact => tr!(lang, "import-field-person-contact"),
            Field::PersonANumber => tr!(lang, "import-field-person-a-number"),
            Field::PersonImmigrationStatus => tr!(lang, "import-field-person-immigration-status"),
            Field::PersonAddress => tr!(lang, "import-field-person-address"),
            Field::PersonBirthYear => tr!(lang, "import-field-person-birth-year"),
            Field::PersonConsent => tr!(lang, "import-field-person-consent"),
            Field::PersonRole => tr!(lang, "import-field-person-role"),
            Field::EventId => tr!(lang, "import-field-event-id"),
            Field::EventKind => tr!(lang, "import-field-event-kind"),
            Field::EventType => tr!(lang, "import-field-event-type"),
            Field::EventDate => tr!(lang, "import-field-event-date"),
            Field::EventEndDate => tr!(lang, "import-field-event-end-date"),
            Field::EventState => tr!(lang, "import-field-event-state"),
            Field::EventCity => tr!(lang, "import-field-event-city"),
            Field::EventFacility => tr!(lang, "import-field-event-facility"),
            Field::EventAgency => tr!(lang, "import-field-event-agency"),
            Field::EventFieldOffice => tr!(lang, "import-field-event-field-office"),
            Field::EventNarrative => tr!(lang, "import-field-event-narrative"),
            Field::EventVerification => tr!(lang, "import-field-event-verification"),
            Field::EventGroups => tr!(lang, "import-field-event-groups"),
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_parse_back() {
        let mut names: Vec<_> = Field::ALL.iter().map(|f| f.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Field::ALL.len());
        for field in Field::ALL {
            assert_eq!(Field::parse(field.name()), Some(*field));
        }
    }

    #[test]
    fn synonyms_are_folded_and_belong_to_one_field() {
        let mut seen = std::collections::HashMap::new();
        for field in Field::ALL {
            for synonym in field.synonyms() {
                assert_eq!(crate::import::values::key(synonym), *synonym, "{field}");
                if let Some(other) = seen.insert(*synonym, *field) {
                    panic!("{synonym} names {other} and {field}");
                }
            }
        }
    }
}
