//! Fixed tables the generator draws from: places, names, statuses and
//! narrative templates. Everything here is invented for the demo.

use testimonio_domain::Lang;

/// A city where fictional groups work, with the ICE ERO field office
/// (area of responsibility) that covers it.
pub(crate) struct City {
    /// The name as written in records (the usual English one).
    pub name: &'static str,
    /// The name in Spanish, where it differs.
    pub es: &'static str,
    pub state: &'static str,
    pub office: &'static str,
}

impl City {
    /// The city's name in `lang`.
    pub fn name_in(&self, lang: Lang) -> &'static str {
        lang.pick(self.name, self.es)
    }
}

const fn city(name: &'static str, state: &'static str, office: &'static str) -> City {
    City {
        name,
        es: name,
        state,
        office,
    }
}

const fn city_es(
    name: &'static str,
    es: &'static str,
    state: &'static str,
    office: &'static str,
) -> City {
    City {
        name,
        es,
        state,
        office,
    }
}

/// Every city used. Group home cities come first, in the order groups are
/// given them, so that the first eight groups span seven states.
pub(crate) const CITIES: &[City] = &[
    city("San Antonio", "TX", "SNA"),
    city_es("Los Angeles", "Los Ángeles", "CA", "LOS"),
    city("Chicago", "IL", "CHI"),
    city_es("New York", "Nueva York", "NY", "NYC"),
    city("Phoenix", "AZ", "PHO"),
    city("Miami", "FL", "MIA"),
    city("Atlanta", "GA", "ATL"),
    city("El Paso", "TX", "ELP"),
    city("Houston", "TX", "HOU"),
    city("San Diego", "CA", "SND"),
    city("Seattle", "WA", "SEA"),
    city("Denver", "CO", "DEN"),
    city("Newark", "NJ", "NEW"),
    city_es("Philadelphia", "Filadelfia", "PA", "PHI"),
    city("Minneapolis", "MN", "SPM"),
    city_es("New Orleans", "Nueva Orleans", "LA", "NOL"),
    city("Boston", "MA", "BOS"),
    city("Detroit", "MI", "DET"),
    city("Charlotte", "NC", "ATL"),
    city("Salt Lake City", "UT", "SLC"),
    city("Baltimore", "MD", "BAL"),
    city("Oakland", "CA", "SFR"),
    city("Dallas", "TX", "DAL"),
    city("Tucson", "AZ", "PHO"),
    city("Harlingen", "TX", "HLG"),
    city_es("Buffalo", "Búfalo", "NY", "BUF"),
    // Cities only used as "elsewhere in the same state".
    city("Austin", "TX", "SNA"),
    city("Brownsville", "TX", "HLG"),
    city("San Francisco", "CA", "SFR"),
    city("Fresno", "CA", "SFR"),
    city("Aurora", "IL", "CHI"),
    city("Rochester", "NY", "BUF"),
    city("Yuma", "AZ", "PHO"),
    city("Homestead", "FL", "MIA"),
    city("Orlando", "FL", "MIA"),
    city("Dalton", "GA", "ATL"),
    city("Yakima", "WA", "SEA"),
    city("Elizabeth", "NJ", "NEW"),
];

/// How many leading entries of [`CITIES`] are group home cities.
pub(crate) const HOME_CITIES: usize = 26;

/// Group name stems; the city and "(demo)" are appended. The count is
/// coprime with [`HOME_CITIES`] so stems and cities mix.
pub(crate) const GROUP_STEMS: &[(&str, Lang)] = &[
    ("Comité Ficticio de Apoyo", Lang::Es),
    ("Red Ficticia de Defensa Migrante", Lang::Es),
    ("Coalición Imaginaria por la Dignidad", Lang::Es),
    ("Colectivo Inventado de Acompañamiento", Lang::Es),
    ("Fictional Immigrant Rights Alliance", Lang::En),
    ("Proyecto Ficticio Santuario", Lang::Es),
    ("Unión Ficticia de Familias", Lang::Es),
];

/// Short first-name-like pseudonyms (some accented), with the grammatical
/// gender of the legal name they go with: `Some(true)` feminine,
/// `Some(false)` masculine, `None` either.
pub(crate) const PSEUDONYMS: &[(&str, Option<bool>)] = &[
    ("Luz", Some(true)),
    ("Beto", Some(false)),
    ("Chuy", None),
    ("Lupe", None),
    ("Toño", Some(false)),
    ("Male", Some(true)),
    ("Nico", Some(false)),
    ("Paco", Some(false)),
    ("Rosi", Some(true)),
    ("Tere", Some(true)),
    ("Memo", Some(false)),
    ("Lalo", Some(false)),
    ("Vero", Some(true)),
    ("Santi", Some(false)),
    ("Caro", Some(true)),
    ("Dani", None),
    ("Flor", Some(true)),
    ("Gaby", None),
    ("Iris", Some(true)),
    ("Juanjo", Some(false)),
    ("Kari", Some(true)),
    ("Lucho", Some(false)),
    ("Mari", Some(true)),
    ("Nena", Some(true)),
    ("Pepe", Some(false)),
    ("Quique", Some(false)),
    ("Rafa", Some(false)),
    ("Sol", None),
    ("Tavo", Some(false)),
    ("Yoli", Some(true)),
    ("José", Some(false)),
    ("Inés", Some(true)),
    ("Ramón", Some(false)),
    ("Sofía", Some(true)),
    ("Ángel", None),
    ("Nayeli", Some(true)),
    ("Xóchitl", Some(true)),
    ("Efraín", Some(false)),
    ("Dulce", Some(true)),
    ("Joaquín", Some(false)),
    ("Mónica", Some(true)),
    ("Raúl", Some(false)),
    ("Tomás", Some(false)),
    ("Lucía", Some(true)),
    ("Maité", Some(true)),
    ("Iñaki", Some(false)),
    ("Begoña", Some(true)),
    ("Noé", Some(false)),
    ("Zoé", Some(true)),
    ("Abril", Some(true)),
];

/// Invented given names for legal names: (name, takes the feminine form).
pub(crate) const GIVEN_NAMES: &[(&str, bool)] = &[
    ("Ana", true),
    ("José", false),
    ("María", true),
    ("Jesús", false),
    ("Guadalupe", true),
    ("Héctor", false),
    ("Verónica", true),
    ("Martín", false),
    ("Rocío", true),
    ("Andrés", false),
    ("Julia", true),
    ("Óscar", false),
    ("Estefanía", true),
    ("Germán", false),
    ("Leticia", true),
    ("Rubén", false),
    ("Belén", true),
    ("Iván", false),
    ("Araceli", true),
    ("Simón", false),
];

/// Invented surnames for legal names (some accented or with ñ).
pub(crate) const SURNAMES: &[&str] = &[
    "Peña",
    "Núñez",
    "Gómez",
    "Martínez",
    "Ibáñez",
    "Ramírez",
    "Castañeda",
    "Ortiz",
    "Muñoz",
    "Hernández",
    "Galván",
    "Zúñiga",
    "Treviño",
    "Solís",
    "Vásquez",
    "López",
];

/// Invented nicknames, used as aliases.
pub(crate) const NICKNAMES: &[&str] = &[
    "La Güera",
    "El Profe",
    "Chaparra",
    "El Güero",
    "La Maestra",
    "Pelón",
    "La Flaca",
    "El Niño",
];

/// Invented streets for addresses.
pub(crate) const STREETS: &[&str] = &[
    "Calle Ficticia",
    "Avenida Inventada",
    "Callejón Imaginario",
    "Fictional Street",
    "Make-Believe Avenue",
];

/// Immigration statuses: (weight, text, is a U.S. citizen).
pub(crate) const STATUSES: &[(u64, (&str, bool))] = &[
    (18, ("DACA (dato ficticio)", false)),
    (12, ("TPS (fictional)", false)),
    (16, ("Asilo en trámite (dato ficticio)", false)),
    (18, ("Sin estatus regular (dato ficticio)", false)),
    (10, ("Lawful permanent resident (fictional)", false)),
    (8, ("Bajo orden de supervisión (dato ficticio)", false)),
    (8, ("U.S. citizen (fictional)", true)),
];

/// Notes on consent grants.
pub(crate) const CONSENT_NOTES: &[&str] = &[
    "Consentimiento verbal ficticio (demo)",
    "Formulario firmado ficticio (demo)",
    "Fictional signed form (demo)",
    "Confirmado por WhatsApp ficticio (demo)",
];

/// Notes on withdrawn consent grants.
pub(crate) const WITHDRAWAL_NOTES: &[&str] = &[
    "Retirado por miedo a represalias (ficticio, demo)",
    "Withdrawn after a family member's arrest (fictional, demo)",
];

/// Marker ending every Spanish narrative.
pub(crate) const MARK_ES: &str = "(Relato ficticio de demostración)";
/// Marker ending every English narrative.
pub(crate) const MARK_EN: &str = "(Fictional demo narrative)";

/// Narrative templates per event type, plus `arrest_at_action` and
/// `mass_arrest` for arrests at a group's action: (Spanish, English). `{p}`
/// is the pseudonym of the first person, `{c}` the city.
pub(crate) fn templates(code: &str) -> (&'static str, &'static str) {
    match code {
        "protest" => (
            "{p} habló con megáfono en la protesta frente a la oficina de ICE en {c}.",
            "{p} helped lead a rally outside the ICE office in {c}.",
        ),
        "vigil" => (
            "{p} participó en la vigilia semanal frente al centro de detención de {c}.",
            "{p} held candles with families at a vigil in {c}.",
        ),
        "hunger_strike" => (
            "{p} inició una huelga de hambre para denunciar las condiciones de detención.",
            "{p} joined a solidarity fast announced at a press conference in {c}.",
        ),
        "press_interview" => (
            "{p} dio una entrevista a una radio local de {c} sobre las redadas.",
            "{p} was quoted in a local newspaper criticizing a raid in {c}.",
        ),
        "public_testimony" => (
            "{p} testificó ante el concejo municipal de {c} contra el acuerdo 287(g).",
            "{p} gave public comment at a county board hearing in {c}.",
        ),
        "social_media_advocacy" => (
            "{p} transmitió en vivo un operativo y pidió apoyo en redes sociales.",
            "{p} posted a video about conditions at the processing center near {c}.",
        ),
        "organizing_campaign" => (
            "{p} coordinó la campaña para detener la deportación de un compañero en {c}.",
            "{p} ran a petition drive to end local cooperation with ICE in {c}.",
        ),
        "lawsuit" => (
            "{p} figura como demandante en una demanda colectiva sobre condiciones de detención.",
            "{p} filed a habeas petition challenging a prolonged detention.",
        ),
        "foia_request" => (
            "{p} presentó una solicitud FOIA para obtener su propio expediente.",
            "{p} requested records on local police data sharing with ICE.",
        ),
        "accompaniment" => (
            "{p} acompañó a una familia a su cita de control (check-in) en {c}.",
            "{p} accompanied a neighbor to immigration court in {c}.",
        ),
        "civil_disobedience" => (
            "{p} bloqueó la salida de un autobús de deportación junto a otras personas en {c}.",
            "{p} joined a sit-in at the entrance of the field office in {c}.",
        ),
        "publication" => (
            "{p} publicó un artículo de opinión sobre las detenciones en {c}.",
            "{p} co-wrote a community report on raids in {c}.",
        ),
        "know_your_rights_training" => (
            "{p} dio un taller de «Conozca sus derechos» en una iglesia de {c}.",
            "{p} led a know-your-rights training at a community center in {c}.",
        ),
        "rapid_response" => (
            "{p} respondió a una alerta de la línea de respuesta rápida y documentó un operativo en {c}.",
            "{p} verified a reported raid for the rapid-response hotline in {c}.",
        ),
        "administrative_complaint" => (
            "{p} presentó una queja ante la oficina de derechos civiles por malos tratos.",
            "{p} filed an oversight complaint about treatment in detention.",
        ),
        "physical_surveillance" => (
            "{p} notó un vehículo sin placas estacionado frente a su casa varios días.",
            "{p} saw the same unmarked car follow them after a meeting in {c}.",
        ),
        "online_surveillance" => (
            "Un agente mencionó publicaciones de {p} en redes sociales durante una cita.",
            "An officer quoted {p}'s social media posts during a check-in.",
        ),
        "informant" => (
            "Una persona recién llegada preguntaba por {p} en las reuniones del comité.",
            "A newcomer at meetings kept asking about {p}'s schedule.",
        ),
        "data_sharing" => (
            "La policía local compartió con ICE los datos de {p} tras una infracción de tránsito.",
            "Local police passed {p}'s address to ICE after a traffic ticket.",
        ),
        "home_or_workplace_visit" => (
            "Agentes se presentaron en el trabajo de {p} preguntando por su estatus.",
            "Officers came to {p}'s home early in the morning in {c}.",
        ),
        "threat_or_intimidation" => (
            "Un agente le dijo a {p} que «dejara de hacer ruido» si no quería problemas.",
            "An officer told {p} their activism would \"catch up with them\".",
        ),
        "stop_or_arrest" => (
            "Arrestaron a {p} al salir de su casa en {c}.",
            "{p} was arrested during a traffic stop in {c}.",
        ),
        "arrest_at_action" => (
            "Arrestaron a {p} durante la acción en {c}.",
            "{p} was arrested at the action in {c}.",
        ),
        "mass_arrest" => (
            "Arrestaron a {p} y a otras personas durante la acción en {c}.",
            "{p} and others were arrested at the action in {c}.",
        ),
        "detention" => (
            "Llevaron a {p} a un centro de detención cerca de {c}.",
            "{p} was held at a detention center near {c}.",
        ),
        "notice_to_appear" => (
            "{p} recibió una notificación de comparecencia (NTA).",
            "{p} was served a Notice to Appear.",
        ),
        "stay_denied_or_revoked" => (
            "Le negaron a {p} la suspensión de la deportación.",
            "{p}'s stay of removal was revoked without explanation.",
        ),
        "supervision_conditions_changed" => (
            "A {p} le impusieron un grillete electrónico y citas semanales.",
            "{p}'s check-ins were moved from yearly to weekly.",
        ),
        "bond_denied_or_raised" => (
            "La fianza de {p} fue fijada en una cantidad imposible de pagar.",
            "{p}'s bond was denied.",
        ),
        "transfer" => (
            "Trasladaron a {p} a otro centro, lejos de su familia.",
            "{p} was transferred far from family and counsel.",
        ),
        "punitive_segregation" => (
            "Pusieron a {p} en aislamiento tras organizar a otras personas detenidas.",
            "{p} was placed in solitary confinement.",
        ),
        "deportation" => (
            "Deportaron a {p} aunque tenía un caso pendiente.",
            "{p} was deported while their case was pending.",
        ),
        "family_targeting" => (
            "Agentes interrogaron a un familiar de {p} en su trabajo.",
            "ICE questioned {p}'s brother at his workplace.",
        ),
        "benefit_denied_or_revoked" => (
            "Le negaron a {p} la renovación de su permiso de trabajo.",
            "{p}'s work permit renewal was denied.",
        ),
        _ => (
            "{p} vivió este hecho en {c}.",
            "This happened to {p} in {c}.",
        ),
    }
}
