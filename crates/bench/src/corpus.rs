//! A deterministic synthetic corpus of document pages, like the FOIA
//! productions, court records, emails, news and interviews an
//! immigrant-rights group collects: for the search benchmark.
//!
//! Nothing here reads the clock or the environment: the same seed and page
//! count give the same pages, byte for byte. Pages are generated one at a
//! time (each from its own random stream), so a million pages can be fed
//! to an engine batch by batch without holding them all.
//!
//! What it imitates:
//! - **Page lengths**: log-normal around 330 words (mean about 380), capped
//!   at 2,500; short cover letters first in FOIA productions, some nearly
//!   empty pages (redacted, blank, photos).
//! - **Word frequencies**: a Zipf law (s = 1) over English and Spanish
//!   function words, then the vocabulary of immigration enforcement and
//!   organizing (ICE, detention, protest, surveillance, vigilancia…), then
//!   a long tail of 150,000 generated words; English, Spanish and mixed
//!   documents rank them differently. Each document has a topic (a dozen
//!   words it repeats), so words are bursty as in real collections.
//! - **Names with accents**: 300,000 people (José Peña, María Núñez
//!   Ibáñez…) from first names and surnames that are themselves Zipf
//!   distributed (a few very common surnames, a long tail of rare ones);
//!   people are mentioned with Zipf popularity, mostly the cast of their
//!   document, written several ways (`José Peña`, `PEÑA, José`, `Sr. Peña`),
//!   sometimes without accents, sometimes with an OCR error.
//! - **Fixed phrases** ("hunger strike", "huelga de hambre", "notice to
//!   appear"), FOIA exemption marks, headers, Bates numbers, page footers.
//! - **Metadata**: the source kind, FOIA request ids (2,000 requests,
//!   Zipf), a date from 2012 to 2025 (more in 2016–2020).
//!
//! The text avoids what the three tokenizers compared (tantivy's, SQLite
//! FTS5's `unicode61`, PostgreSQL's default parser) cut differently:
//! hyphenated words, decimals, dotted abbreviations, e-mail addresses and
//! paths. So a word position is the same in all three, and phrase and
//! proximity counts can be compared exactly.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;
use testimonio_domain::SourceKind;

pub const DEFAULT_SEED: u64 = 0x7e57_1a0c_2025_0001;

/// People in the population.
const PEOPLE: usize = 300_000;
/// Generated words in the long tail of the vocabulary.
const TAIL_WORDS: usize = 150_000;
/// Generated rare surnames after the real ones.
const TAIL_SURNAMES: usize = 30_000;
/// FOIA requests the productions answer.
const FOIA_REQUESTS: usize = 2_000;
/// Words per page: the cap (PostgreSQL keeps at most 256 positions per
/// word and page; "the" must stay under that).
const MAX_WORDS: u64 = 2_500;

// Random streams: each thing drawn has its own, so that changing one does
// not shift the others.
const STREAM_DOCUMENT: u64 = 1;
const STREAM_PAGE: u64 = 2;
const STREAM_PERSON: u64 = 3;
const STREAM_TAIL: u64 = 4;
const STREAM_SURNAME: u64 = 5;
const STREAM_VARIANT: u64 = 6;
const STREAM_FOIA: u64 = 7;

// ---------------------------------------------------------------------------
// Randomness

/// The shared seeded SplitMix64 ([`testimonio_domain::seeded`]): small,
/// fast, and good enough for synthetic text.
pub use testimonio_domain::seeded::SeededRng as Rng;

/// The stream `index` of kind `stream` under `seed`.
pub fn derive_rng(seed: u64, stream: u64, index: u64) -> Rng {
    let mut rng = Rng::new(
        seed ^ stream.wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ index.wrapping_mul(0xd1b5_4a32_d192_ed03).rotate_left(17),
    );
    rng.next_u64();
    rng
}

/// Walker's alias method: draws an index with given weights in O(1).
pub struct Alias {
    prob: Vec<f64>,
    alias: Vec<u32>,
}

impl Alias {
    pub fn new(weights: &[f64]) -> Self {
        let n = weights.len();
        assert!(n > 0 && n < u32::MAX as usize);
        let sum: f64 = weights.iter().sum();
        let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / sum).collect();
        let mut prob = vec![1.0; n];
        let mut alias: Vec<u32> = (0..n as u32).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < 1.0);
        while let (Some(s), Some(&l)) = (small.pop(), large.last()) {
            prob[s] = scaled[s];
            alias[s] = l as u32;
            scaled[l] -= 1.0 - scaled[s];
            if scaled[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        Alias { prob, alias }
    }

    /// Zipf over `n` ranks: rank r (from 1) has weight 1 / r^s.
    pub fn zipf(n: usize, s: f64) -> Self {
        let weights: Vec<f64> = (1..=n).map(|r| (r as f64).powf(-s)).collect();
        Alias::new(&weights)
    }

    pub fn sample(&self, rng: &mut Rng) -> usize {
        let i = rng.below(self.prob.len() as u64) as usize;
        if rng.unit() < self.prob[i] {
            i
        } else {
            self.alias[i] as usize
        }
    }
}

// ---------------------------------------------------------------------------
// Word lists

#[rustfmt::skip]
const EN_FUNCTION: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with", "by", "as",
    "at", "be", "this", "from", "or", "are", "it", "an", "were", "not", "his", "her", "their",
    "they", "he", "she", "have", "has", "had", "which", "been", "would", "will", "all", "there",
    "no", "who", "any", "other", "also", "may", "these", "such", "into", "after", "before",
    "during", "than", "about", "under", "more", "our", "we", "its", "if", "them", "upon",
    "only", "said", "each", "per", "one", "two", "three", "both", "within", "between", "while",
    "where", "when", "what", "because", "through", "regarding", "pursuant", "further", "should",
    "could", "shall", "did", "do", "does", "so", "out", "up", "over", "him", "you", "your", "i",
    "me", "my", "us", "can", "some", "those", "then", "following", "attached", "please", "note",
];

#[rustfmt::skip]
const ES_FUNCTION: &[&str] = &[
    "de", "la", "que", "el", "en", "y", "a", "los", "se", "del", "las", "un", "por", "con",
    "no", "una", "su", "para", "es", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o",
    "este", "sí", "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también", "me",
    "hasta", "hay", "donde", "quien", "desde", "todo", "nos", "durante", "todos", "uno", "les",
    "ni", "contra", "otros", "ese", "eso", "ante", "ellos", "e", "esto", "mí", "antes",
    "algunos", "qué", "unos", "yo", "otro", "otras", "otra", "él", "tanto", "esa", "estos",
    "mucho", "quienes", "nada", "muchos", "cual", "poco", "ella", "estar", "estas", "algunas",
    "algo", "nosotros", "fue", "era", "han", "había", "dijo", "después", "mi", "tenía", "ser",
];

/// The enforcement and organizing vocabulary, most frequent first.
#[rustfmt::skip]
const EN_DOMAIN: &[&str] = &[
    "ICE", "detention", "officer", "immigration", "enforcement", "protest", "community",
    "surveillance", "report", "agent", "officers", "agents", "custody", "activist", "removal",
    "information", "field", "office", "police", "deportation", "activists", "group", "facility",
    "detainee", "detainees", "operations", "subject", "meeting", "local", "court", "case",
    "center", "members", "department", "security", "homeland", "rally", "march", "vigil",
    "organizer", "organizers", "arrest", "arrested", "warrant", "bond", "hearing", "judge",
    "asylum", "sanctuary", "informant", "intelligence", "memo", "memorandum", "redacted",
    "release", "released", "target", "targets", "investigation", "unit", "supervisor", "deputy",
    "director", "assistant", "email", "sent", "received", "social", "media", "posts", "account",
    "accounts", "leader", "leaders", "event", "events", "location", "vehicle", "plate",
    "license", "observed", "photographs", "video", "footage", "crowd", "participants",
    "outside", "building", "entrance", "gate", "processing", "transfer", "transport", "flight",
    "hunger", "strike", "lawyer", "attorney", "counsel", "legal", "rights", "know",
    "proceedings", "notice", "appear", "status", "visa", "parole", "citizen", "citizenship",
    "border", "patrol", "customs", "protection", "sheriff", "county", "jail", "agreement",
    "program", "secure", "communities", "priority", "threat", "public", "safety", "criminal",
    "record", "charges", "conviction", "administrative", "file", "number", "request",
    "response", "production", "records", "pages", "withheld", "exemption", "FOIA", "privacy",
    "ERO", "HSI", "DHS", "CBP", "USCIS", "demonstration", "demonstrators", "protesters",
    "organization", "coalition", "church", "school", "workplace", "raid", "raids", "operation",
    "team", "briefing", "threat", "assessment", "database", "monitoring", "monitored",
    "tracked", "contact", "phone", "address", "residence", "family", "children", "wife",
    "husband", "mother", "father", "interview", "statement", "witness", "complaint",
    "grievance", "medical", "care", "conditions", "cell", "solitary", "confinement", "guard",
    "guards", "contractor", "transferred", "deported", "removed", "detained", "apprehended",
    "encounter", "targeted", "lawful", "unlawful", "permanent", "resident", "undocumented",
    "employment", "authorization", "daca", "tps", "application", "petition", "appeal", "motion",
    "order", "supervision", "check", "reporting", "ankle", "monitor", "alternatives",
    "immigrant", "immigrants", "vigils", "rallies", "marches", "protests", "signs", "banners",
    "speech", "speakers", "press", "conference", "journalist", "reporter", "news", "article",
    "photos", "cameras", "drone", "aerial", "license", "reader", "plates", "fusion", "centre",
    "analyst", "bulletin", "situational", "awareness", "suspicious", "activity", "extremist",
    "anarchist", "antifa", "occupy", "encampment", "blockade", "civil", "disobedience",
    "demonstrated", "gathered", "chanted", "carried", "approximately", "individuals", "person",
    "people", "male", "female", "adult", "juvenile", "minor", "minors", "daughter", "son",
    "brother", "sister", "friend", "neighbor", "employer", "pastor", "priest", "volunteer",
    "volunteers", "advocate", "advocates", "organizing", "network", "hotline", "rapid",
    "responders", "accompaniment", "fund", "bail", "donations", "fundraiser", "petition",
    "letter", "senator", "congressman", "mayor", "council", "policy", "ordinance", "detainer",
    "detainers", "cooperation", "task", "force", "joint", "federal", "state", "city", "agency",
    "agencies",
];

#[rustfmt::skip]
const ES_DOMAIN: &[&str] = &[
    "inmigración", "detención", "deportación", "agentes", "oficial", "oficina", "protesta",
    "protestas", "vigilancia", "activista", "activistas", "comunidad", "redada", "redadas",
    "audiencia", "corte", "juez", "asilo", "derechos", "frontera", "migrantes", "familia",
    "familias", "hijos", "trabajo", "abogado", "abogada", "orden", "arresto", "centro",
    "huelga", "hambre", "marcha", "manifestación", "organizadora", "organizador", "líder",
    "reunión", "iglesia", "santuario", "miedo", "patrulla", "policía", "cárcel", "fianza",
    "libertad", "caso", "expediente", "solicitud", "documentos", "información", "seguridad",
    "camioneta", "casa", "calle", "mañana", "noche", "día", "semana", "año", "años", "llegaron",
    "preguntaron", "esposa", "esposo", "madre", "padre", "hija", "hijo", "hermano", "hermana",
    "vecinos", "trabajadores", "escuela", "carro", "puerta", "oficiales", "migra", "detenido",
    "detenida", "detenidos", "deportado", "deportada", "miedo", "ayuda", "apoyo", "red",
    "respuesta", "rápida", "voluntarios", "acompañamiento", "fondo", "donaciones", "carta",
    "alcalde", "ciudad", "condado", "estado", "federal", "política", "acuerdo", "cooperación",
    "vigilia", "velas", "oración", "pancartas", "consignas", "gritaron", "llevaban", "fotos",
    "videos", "cámaras", "dron", "teléfono", "dirección", "domicilio", "testigo", "declaración",
    "denuncia", "queja", "médico", "atención", "condiciones", "celda", "aislamiento",
    "guardias", "traslado", "trasladado", "vuelo", "esposas", "grilletes", "tobillera",
    "permiso", "residencia", "ciudadanía", "papeles", "indocumentados", "abogados", "defensa",
    "audiencias",
];

/// Fixed phrases planted in the text, most frequent first.
const PHRASES: &[&str] = &[
    "field office",
    "detention center",
    "social media",
    "hunger strike",
    "know your rights",
    "removal proceedings",
    "notice to appear",
    "huelga de hambre",
    "centro de detención",
    "sanctuary city",
    "orden de deportación",
    "rapid response network",
    "enforcement and removal operations",
    "homeland security investigations",
    "license plate reader",
    "ankle monitor",
    "red de respuesta rápida",
    "conozca sus derechos",
    "civil disobedience",
    "situational awareness",
    "fusion center",
    "press conference",
    "bond hearing",
    "stay of removal",
    "final order of removal",
    "alternatives to detention",
];

/// First names, most frequent first, with whether the title is Sra.
const FIRST_NAMES: &[(&str, bool)] = &[
    ("María", true),
    ("José", false),
    ("Juan", false),
    ("Luis", false),
    ("Carlos", false),
    ("Jesús", false),
    ("Ana", true),
    ("Rosa", true),
    ("Miguel", false),
    ("Guadalupe", true),
    ("Francisco", false),
    ("Jorge", false),
    ("Sofía", true),
    ("Verónica", true),
    ("Ángel", false),
    ("Lucía", true),
    ("Raúl", false),
    ("Pedro", false),
    ("Martín", false),
    ("Elena", true),
    ("Andrés", false),
    ("Inés", true),
    ("Ramón", false),
    ("Óscar", false),
    ("Mónica", true),
    ("Héctor", false),
    ("Joaquín", false),
    ("Beatriz", true),
    ("Adrián", false),
    ("Julián", false),
    ("Nicolás", false),
    ("Tomás", false),
    ("Germán", false),
    ("Rubén", false),
    ("Iván", false),
    ("Marisol", true),
    ("Yesenia", true),
    ("Leticia", true),
    ("Araceli", true),
    ("Maribel", true),
    ("Alejandro", false),
    ("Fernando", false),
    ("Ricardo", false),
    ("Roberto", false),
    ("Antonio", false),
    ("Manuel", false),
    ("Alberto", false),
    ("Sergio", false),
    ("Daniel", false),
    ("David", false),
    ("Eduardo", false),
    ("Rafael", false),
    ("Salvador", false),
    ("Efraín", false),
    ("Abraham", false),
    ("Saúl", false),
    ("Josué", false),
    ("Moisés", false),
    ("Ismael", false),
    ("Anahí", true),
    ("Belén", true),
    ("Carmen", true),
    ("Dolores", true),
    ("Esperanza", true),
    ("Fátima", true),
    ("Gabriela", true),
    ("Irene", true),
    ("Jimena", true),
    ("Karla", true),
    ("Lorena", true),
    ("Marlén", true),
    ("Noemí", true),
    ("Olga", true),
    ("Patricia", true),
    ("Raquel", true),
    ("Susana", true),
    ("Teresa", true),
    ("Valeria", true),
    ("Ximena", true),
    ("Zoé", true),
    ("Asunción", true),
    ("Concepción", true),
    ("Encarnación", true),
    ("Socorro", true),
    ("Wilmer", false),
    ("Élmer", false),
    ("Nelson", false),
    ("Edwin", false),
    ("Kevin", false),
    ("Brayan", false),
    ("Yoselin", true),
    ("Dayana", true),
    ("Michael", false),
    ("John", false),
    ("Sarah", true),
    ("Jennifer", true),
    ("Ahmed", false),
    ("Fatoumata", true),
    ("Mamadou", false),
    ("Nguyen", false),
];

/// Real surnames, most frequent first; a generated tail follows them.
#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez",
    "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Cruz", "Morales", "Reyes",
    "Gutiérrez", "Ortiz", "Ramos", "Chávez", "Ruiz", "Álvarez", "Mendoza", "Castillo",
    "Jiménez", "Vásquez", "Moreno", "Herrera", "Medina", "Aguilar", "Vargas", "Guzmán",
    "Romero", "Fernández", "Muñoz", "Núñez", "Peña", "Domínguez", "Contreras", "Salazar",
    "Castro", "Ortega", "Delgado", "Rojas", "Soto", "Estrada", "Sandoval", "Ríos", "Figueroa",
    "Cortés", "Ibáñez", "Cárdenas", "Suárez", "Acosta", "Juárez", "Márquez", "Montaño",
    "Benítez", "Zúñiga", "Velásquez", "Quiñónez", "Ordóñez", "Castañeda", "Avendaño", "Báez",
    "Durán", "Solís", "Valdés", "Escobar", "Orozco", "Navarro", "Molina", "Campos", "Luna",
    "Espinoza", "Valencia", "Sosa", "Trujillo", "Pacheco", "Ibarra", "Meléndez", "Lara",
    "Miranda", "Cervantes", "Ochoa", "Beltrán", "Galván", "Robles", "Esquivel", "Villanueva",
    "Arévalo", "Barrios", "Mejía", "Fuentes", "Serrano", "Cabrera", "León", "Bermúdez",
    "Padilla", "Hidalgo", "Carrillo", "Tapia", "Peralta", "Garza", "Ávila", "Smith", "Johnson",
    "Williams", "Brown", "Jones", "Miller", "Davis", "Tran", "Kim", "Lee", "Okafor", "Mensah",
    "Haile", "Singh", "Patel",
];

/// A month's English name, as the synthetic agency letters write dates.
fn month(rng: &mut Rng) -> &'static str {
    testimonio_i18n::format::month_name(testimonio_i18n::Lang::En, rng.below(12) as u32 + 1)
}

const HEADERS: &[&str] = &[
    "Immigration and Customs Enforcement",
    "Department of Homeland Security",
    "Enforcement and Removal Operations",
    "Homeland Security Investigations",
    "Office of Intelligence",
    "Law Enforcement Sensitive",
    "For Official Use Only",
];

const COVER_LETTER: &[&str] = &[
    "This letter is the final response to your Freedom of Information Act request",
    "received by Immigration and Customs Enforcement",
    "A search of the records of the field office produced the enclosed pages",
    "Portions of the records are withheld pursuant to exemptions (b)(6) and (b)(7)(C)",
    "which protect personal privacy in law enforcement records",
    "You have the right to appeal this determination within 90 days",
    "If you have questions please contact the FOIA officer assigned to your request",
    "Sincerely",
    "FOIA Officer",
    "Freedom of Information Act Office",
    "Enclosures",
];

const EMAIL_WORDS: &[&str] = &["From", "Sent", "To", "Cc", "Subject", "RE", "FW", "Dear"];
const TITLES: [&str; 2] = ["Sr.", "Sra."];
const PAGE_WORDS: &[&str] = &["Page", "of"];
const REDACTION: &str = "(b)(6), (b)(7)(C)";

/// Syllables of the generated long tail of words.
#[rustfmt::skip]
const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "br", "cr", "tr", "pl",
    "ch", "gr", "fl", "st", "k", "z", "h", "j", "qu",
];
#[rustfmt::skip]
const NUCLEI: &[&str] = &[
    "a", "e", "i", "o", "u", "a", "e", "o", "ai", "ia", "io", "ue", "ou",
];
#[rustfmt::skip]
const CODAS: &[&str] = &[
    "", "", "", "", "n", "s", "r", "l", "m", "nt", "st", "x",
];

/// Pieces of the generated rare surnames.
#[rustfmt::skip]
const SURNAME_STARTS: &[&str] = &[
    "Ar", "Be", "Ca", "Do", "Es", "Ga", "Ja", "Lo", "Ma", "Na", "Or", "Pa", "Que", "Ri", "Sa",
    "To", "Ur", "Va", "Ye", "Zu", "Al", "Bo", "Ce", "Di", "El", "Fi", "Gu", "Hu", "Il", "Mo",
];
#[rustfmt::skip]
const SURNAME_MIDDLES: &[&str] = &[
    "rri", "ba", "mi", "lle", "ño", "ta", "go", "re", "qui", "lo", "na", "ve", "rá", "zá",
    "cho", "gue", "ti", "mé", "do", "sa",
];
#[rustfmt::skip]
const SURNAME_ENDS: &[&str] = &[
    "ez", "es", "ar", "al", "ón", "ín", "uez", "ano", "ado", "era", "ales", "ujo", "ante", "iz",
    "oz", "úa", "ena", "illa", "ero", "és",
];

/// Characters that look alike to OCR engines (folded, lower case).
const OCR_CONFUSIONS: &[(char, char)] = &[
    ('m', 'n'),
    ('n', 'm'),
    ('l', 'i'),
    ('i', 'l'),
    ('e', 'c'),
    ('c', 'e'),
    ('a', 'o'),
    ('o', 'a'),
    ('u', 'n'),
    ('h', 'b'),
    ('r', 'n'),
    ('z', 'x'),
    ('s', 'z'),
];

// ---------------------------------------------------------------------------
// Text helpers

/// Lower case with the accents of Spanish (and a few others) removed: what
/// the three engines index.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        out.push(match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        });
    }
    out
}

/// The folded words of `text`, split at anything not a letter or digit.
pub fn folded_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
}

/// Whether two words are within one edit: a substitution, an insertion, a
/// deletion or a swap of two neighbours (optimal string alignment, as
/// tantivy's fuzzy terms with transpositions counted as one).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            match differ.as_slice() {
                [_] => true,
                [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
                _ => false,
            }
        }
        1 => {
            let first = (0..short.len())
                .find(|&i| short[i] != long[i])
                .unwrap_or(short.len());
            short[first..] == long[first + 1..]
        }
        _ => false,
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------
// The corpus

/// One generated page with its document's metadata.
pub struct Page {
    /// 1, 2, 3… across the corpus: the row id in the peers.
    pub row: u64,
    pub document: String,
    pub page: u32,
    pub text: String,
    pub source: SourceKind,
    pub foia: Vec<String>,
    pub day: NaiveDate,
}

struct Person {
    first: u16,
    surname: u32,
    second: Option<u32>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Language {
    English,
    Spanish,
    Mixed,
}

/// A document being generated.
struct Document {
    index: u64,
    id: String,
    source: SourceKind,
    pages: u32,
    day: NaiveDate,
    foia: Vec<String>,
    language: Language,
    cast: Vec<u32>,
    topic: Vec<u32>,
}

/// The corpus: its vocabulary, its people, and the pages they make.
pub struct Corpus {
    pub seed: u64,
    pub pages: u64,
    /// Every word form, as written.
    words: Vec<String>,
    /// Ranks → word indexes, per language, with their Zipf tables.
    english: (Vec<u32>, Alias),
    spanish: (Vec<u32>, Alias),
    /// Word indexes a document topic draws from.
    topical: Vec<u32>,
    surnames: Vec<String>,
    /// Per surname: OCR misreadings, as written.
    misreadings: Vec<[String; 2]>,
    people: Vec<Person>,
    popularity: Alias,
    phrases: Alias,
    foia_requests: Vec<String>,
    foia_table: Alias,
    kinds: Alias,
    years: Alias,
    documents: u64,
}

const KINDS: [(SourceKind, f64); 7] = [
    (SourceKind::FoiaProduction, 50.0),
    (SourceKind::Email, 15.0),
    (SourceKind::CourtRecord, 10.0),
    (SourceKind::News, 8.0),
    (SourceKind::Interview, 6.0),
    (SourceKind::Photo, 3.0),
    (SourceKind::Other, 8.0),
];

const FIRST_YEAR: i32 = 2012;
const YEAR_WEIGHTS: [f64; 14] = [
    3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 11.0, 11.0, 9.0, 8.0, 7.0, 7.0, 6.0, 5.0,
];

impl Corpus {
    pub fn new(pages: u64, seed: u64) -> Corpus {
        // The vocabulary: static words, then a generated tail.
        let mut words: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut add = |words: &mut Vec<String>, w: &str| -> u32 {
            seen.insert(fold(w));
            words.push(w.to_owned());
            (words.len() - 1) as u32
        };
        let en_function: Vec<u32> = EN_FUNCTION.iter().map(|w| add(&mut words, w)).collect();
        let es_function: Vec<u32> = ES_FUNCTION.iter().map(|w| add(&mut words, w)).collect();
        let en_domain: Vec<u32> = EN_DOMAIN.iter().map(|w| add(&mut words, w)).collect();
        let es_domain: Vec<u32> = ES_DOMAIN.iter().map(|w| add(&mut words, w)).collect();
        for w in SURNAMES
            .iter()
            .copied()
            .chain(FIRST_NAMES.iter().map(|f| f.0))
        {
            seen.insert(fold(w));
        }
        let mut tail: Vec<u32> = Vec::with_capacity(TAIL_WORDS);
        let mut rng = derive_rng(seed, STREAM_TAIL, 0);
        while tail.len() < TAIL_WORDS {
            // Mostly two syllables, as the mid-frequency words of a language.
            let syllables = [1, 2, 2, 2, 2, 3, 3, 3][rng.below(8) as usize];
            let mut w = String::new();
            for _ in 0..syllables {
                w.push_str(rng.pick::<&str>(ONSETS));
                w.push_str(rng.pick::<&str>(NUCLEI));
                w.push_str(rng.pick::<&str>(CODAS));
            }
            if rng.chance(0.12) {
                // A Spanish-looking accent on the last vowel.
                if let Some(at) = w.rfind(['a', 'e', 'i', 'o', 'u']) {
                    let accented = match &w[at..=at] {
                        "a" => "á",
                        "e" => "é",
                        "i" => "í",
                        "o" => "ó",
                        _ => "ú",
                    };
                    w.replace_range(at..=at, accented);
                }
            }
            if seen.insert(fold(&w)) {
                words.push(w);
                tail.push((words.len() - 1) as u32);
            }
        }
        let english: Vec<u32> = [&en_function, &en_domain, &es_domain, &tail]
            .into_iter()
            .flatten()
            .copied()
            .collect();
        let spanish: Vec<u32> = [&es_function, &es_domain, &en_domain, &tail]
            .into_iter()
            .flatten()
            .copied()
            .collect();
        let english_table = Alias::zipf(english.len(), 1.0);
        let spanish_table = Alias::zipf(spanish.len(), 1.0);
        let topical: Vec<u32> = en_domain
            .iter()
            .chain(&es_domain)
            .chain(&tail[..20_000])
            .copied()
            .collect();

        // Surnames: the real ones, then a generated tail of rare ones.
        let mut surnames: Vec<String> = SURNAMES.iter().map(|s| (*s).to_owned()).collect();
        let mut taken: HashSet<String> = surnames.iter().map(|s| fold(s)).collect();
        let mut rng = derive_rng(seed, STREAM_SURNAME, 0);
        while surnames.len() < SURNAMES.len() + TAIL_SURNAMES {
            let mut s = (*rng.pick(SURNAME_STARTS)).to_owned();
            for _ in 0..rng.between(1, 2) {
                s.push_str(rng.pick::<&str>(SURNAME_MIDDLES));
            }
            s.push_str(rng.pick::<&str>(SURNAME_ENDS));
            // One written accent at most.
            let accents = s.chars().filter(|c| "áéíóú".contains(*c)).count();
            if accents <= 1 && taken.insert(fold(&s)) {
                surnames.push(s);
            }
        }
        let misreadings = surnames
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut rng = derive_rng(seed, STREAM_VARIANT, i as u64);
                [misread(s, &mut rng), misread(s, &mut rng)]
            })
            .collect();
        let surname_table = Alias::zipf(surnames.len(), 1.0);
        let first_names = Alias::zipf(FIRST_NAMES.len(), 0.9);

        let people = (0..PEOPLE)
            .map(|i| {
                let mut rng = derive_rng(seed, STREAM_PERSON, i as u64);
                Person {
                    first: first_names.sample(&mut rng) as u16,
                    surname: surname_table.sample(&mut rng) as u32,
                    second: rng
                        .chance(0.35)
                        .then(|| surname_table.sample(&mut rng) as u32),
                }
            })
            .collect();

        let foia_requests = (0..FOIA_REQUESTS)
            .map(|i| {
                let mut rng = derive_rng(seed, STREAM_FOIA, i as u64);
                let year = 2012 + rng.below(14);
                let office = rng.pick(&["ICFO", "HQFO", "ICLI", "ERFO"]);
                format!("{year}-{office}-{:05}", rng.below(100_000))
            })
            .collect();

        let mut corpus = Corpus {
            seed,
            pages,
            words,
            english: (english, english_table),
            spanish: (spanish, spanish_table),
            topical,
            surnames,
            misreadings,
            people,
            popularity: Alias::zipf(PEOPLE, 1.0),
            phrases: Alias::zipf(PHRASES.len(), 1.0),
            foia_requests,
            foia_table: Alias::zipf(FOIA_REQUESTS, 0.8),
            kinds: Alias::new(&KINDS.map(|k| k.1)),
            years: Alias::new(&YEAR_WEIGHTS),
            documents: 0,
        };
        // Lay the documents out (cheap: no text) to know how many there are.
        let mut covered = 0u64;
        let mut documents = 0u64;
        while covered < pages {
            covered += u64::from(corpus.document(documents).pages);
            documents += 1;
        }
        corpus.documents = documents;
        corpus
    }

    /// How many documents the pages fall in.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// The pages, in order, generated as they are taken.
    pub fn iter(&self) -> Pages<'_> {
        Pages {
            corpus: self,
            next_document: 0,
            current: None,
            next_page: 0,
            row: 0,
        }
    }

    /// Every folded word the generator can write (names, misreadings,
    /// phrases, headers and templates included; numbers and mixed
    /// letter-digit words excluded).
    pub fn lexicon(&self) -> BTreeSet<String> {
        let mut all = BTreeSet::new();
        let statics = [
            PHRASES,
            HEADERS,
            COVER_LETTER,
            EMAIL_WORDS,
            &TITLES,
            PAGE_WORDS,
            &[REDACTION],
        ];
        let texts = self
            .words
            .iter()
            .map(String::as_str)
            .chain(FIRST_NAMES.iter().map(|f| f.0))
            .chain(self.surnames.iter().map(String::as_str))
            .chain(
                self.misreadings
                    .iter()
                    .flat_map(|m| m.iter().map(String::as_str)),
            )
            .chain(statics.into_iter().flatten().copied())
            .chain(
                (1..=12).map(|m| testimonio_i18n::format::month_name(testimonio_i18n::Lang::En, m)),
            );
        for text in texts {
            for word in folded_words(text) {
                if word.chars().all(char::is_alphabetic) {
                    all.insert(word);
                }
            }
        }
        all
    }

    /// Words of the lexicon within one edit of `word` (itself included
    /// when it occurs): what a fuzzy `word~1` can match.
    pub fn within_one_edit(&self, lexicon: &BTreeSet<String>, word: &str) -> Vec<String> {
        lexicon
            .iter()
            .filter(|w| within_one_edit(w, word))
            .cloned()
            .collect()
    }

    /// Rare people for the "rare name" queries: `n` folded "first surname"
    /// pairs of people mentioned in a few documents at this corpus size,
    /// whose surname is rare.
    pub fn rare_names(&self, n: usize) -> Vec<String> {
        // A person of popularity rank r is in the cast of about
        // documents × 3 / (r × H(PEOPLE)) documents; aim at two or three.
        let from = (self.documents as usize / 12).clamp(20, PEOPLE - 1);
        let mut out = Vec::new();
        let mut rng = derive_rng(self.seed, STREAM_PERSON, u64::MAX);
        let mut rank = from;
        while out.len() < n && rank < PEOPLE {
            let person = &self.people[rank];
            if person.surname as usize >= SURNAMES.len() + 2_000 {
                out.push(fold(&format!(
                    "{} {}",
                    FIRST_NAMES[person.first as usize].0, self.surnames[person.surname as usize]
                )));
            }
            rank += 1 + rng.below(4) as usize;
        }
        out
    }

    fn document(&self, index: u64) -> Document {
        let mut rng = derive_rng(self.seed, STREAM_DOCUMENT, index);
        let source = KINDS[self.kinds.sample(&mut rng)].0;
        let lognormal = |rng: &mut Rng, median: f64, sigma: f64, max: u64| {
            ((median * (sigma * rng.normal()).exp()).round() as u64).clamp(1, max)
        };
        let pages = match source {
            SourceKind::FoiaProduction => lognormal(&mut rng, 12.0, 1.0, 400),
            SourceKind::CourtRecord => lognormal(&mut rng, 15.0, 0.8, 200),
            SourceKind::Email => rng.between(1, 4),
            SourceKind::News => rng.between(1, 3),
            SourceKind::Interview => rng.between(2, 20),
            SourceKind::Photo => 1,
            SourceKind::Other => rng.between(1, 10),
        } as u32;
        let year = FIRST_YEAR + self.years.sample(&mut rng) as i32;
        let day = NaiveDate::from_ymd_opt(year, 1, 1).expect("a valid date")
            + chrono::Days::new(rng.below(365));
        let mut foia = Vec::new();
        let requests = match source {
            SourceKind::FoiaProduction => 1 + u32::from(rng.chance(0.1)),
            _ => u32::from(rng.chance(0.1)),
        };
        for _ in 0..requests {
            let r = &self.foia_requests[self.foia_table.sample(&mut rng)];
            if !foia.contains(r) {
                foia.push(r.clone());
            }
        }
        let spanish_share = match source {
            SourceKind::Interview => 0.5,
            SourceKind::News | SourceKind::Other => 0.25,
            _ => 0.1,
        };
        let language = if rng.chance(spanish_share) {
            Language::Spanish
        } else if rng.chance(0.1) {
            Language::Mixed
        } else {
            Language::English
        };
        let cast = (0..rng.between(1, 6))
            .map(|_| self.popularity.sample(&mut rng) as u32)
            .collect();
        let mut topic: Vec<u32> = (0..12).map(|_| *rng.pick(&self.topical)).collect();
        topic.extend((0..4).map(|_| self.english.0[rng.between(1_000, 60_000) as usize]));
        Document {
            index,
            id: format!("doc-{:07}", index + 1),
            source,
            pages,
            day,
            foia,
            language,
            cast,
            topic,
        }
    }

    fn page(&self, document: &Document, page: u32, row: u64) -> Page {
        let mut rng = derive_rng(self.seed, STREAM_PAGE, row);
        let mut text = String::with_capacity(3_000);
        let foia_production = document.source == SourceKind::FoiaProduction;
        let words = if foia_production && page == 1 {
            0 // the cover letter, below
        } else if rng.chance(0.05) {
            rng.between(3, 60) // nearly empty: redacted, blank, a photo caption
        } else {
            ((330.0 * (0.55 * rng.normal()).exp()).round() as u64).clamp(5, MAX_WORDS)
        };

        if foia_production && page == 1 {
            self.cover_letter(document, &mut rng, &mut text);
        } else {
            if foia_production && rng.chance(0.4) {
                text.push_str(rng.pick::<&str>(HEADERS));
                text.push_str("\n\n");
            }
            if document.source == SourceKind::Email && page == 1 {
                self.email_header(document, &mut rng, &mut text);
            }
            self.body(document, words, &mut rng, &mut text);
        }
        if matches!(
            document.source,
            SourceKind::FoiaProduction | SourceKind::CourtRecord
        ) {
            text.push_str(&format!(
                "\n\nPage {page} of {}\nICE {:07}",
                document.pages, row
            ));
        }
        Page {
            row,
            document: document.id.clone(),
            page,
            text,
            source: document.source,
            foia: document.foia.clone(),
            day: document.day,
        }
    }

    fn cover_letter(&self, document: &Document, rng: &mut Rng, text: &mut String) {
        text.push_str(HEADERS[0]);
        text.push_str("\n\n");
        text.push_str(&format!(
            "{} {}, {}\n\n",
            month(rng),
            1 + rng.below(28),
            chrono::Datelike::year(&document.day)
        ));
        text.push_str("Dear ");
        self.mention(document, rng, text);
        text.push_str(",\n\n");
        for line in COVER_LETTER {
            text.push_str(line);
            if let Some(r) = document.foia.first()
                && line.ends_with("request")
            {
                // "2019-ICFO-12345" as "2019ICFO12345": one token in all
                // three engines.
                text.push(' ');
                text.push_str(&r.replace('-', ""));
            }
            text.push_str(".\n");
        }
    }

    fn email_header(&self, document: &Document, rng: &mut Rng, text: &mut String) {
        text.push_str("From: ");
        self.mention(document, rng, text);
        text.push_str(&format!(
            "\nSent: {} {}, {}\nTo: ",
            month(rng),
            1 + rng.below(28),
            chrono::Datelike::year(&document.day)
        ));
        self.mention(document, rng, text);
        text.push_str("\nSubject: RE: ");
        for i in 0..rng.between(2, 6) {
            if i > 0 {
                text.push(' ');
            }
            let w = self.word(document, Language::English, rng);
            text.push_str(w);
        }
        text.push_str("\n\n");
    }

    /// Sentences until `target` words, with names, phrases and redactions.
    fn body(&self, document: &Document, target: u64, rng: &mut Rng, text: &mut String) {
        let mut written = 0u64;
        let mentions_per_page = match document.source {
            SourceKind::Photo => 0.3,
            SourceKind::News => 1.5,
            SourceKind::Interview | SourceKind::Email => 2.5,
            _ => 1.2,
        };
        // Mentions spread over the page's sentences.
        let sentences_expected = (target / 15).max(1) as f64;
        let mention_chance = (mentions_per_page / sentences_expected).min(0.8);
        let redacting = document.source == SourceKind::FoiaProduction;
        let mut in_paragraph = 0;
        while written < target {
            let language = match document.language {
                Language::Mixed => {
                    if rng.chance(0.5) {
                        Language::English
                    } else {
                        Language::Spanish
                    }
                }
                other => other,
            };
            let length = rng.between(6, 26).min(target - written).max(1);
            let name_at = rng.chance(mention_chance).then(|| rng.below(length));
            let phrase_at = rng.chance(0.12).then(|| rng.below(length));
            for i in 0..length {
                if i > 0 {
                    text.push(' ');
                }
                if name_at == Some(i) {
                    written += self.mention(document, rng, text);
                    text.push(' ');
                }
                if phrase_at == Some(i) {
                    let phrase = PHRASES[self.phrases.sample(rng)];
                    text.push_str(phrase);
                    written += phrase.split(' ').count() as u64;
                    text.push(' ');
                }
                let word = self.word(document, language, rng);
                if i == 0 {
                    text.push_str(&capitalize(word));
                } else {
                    text.push_str(word);
                }
                written += 1;
            }
            if redacting && rng.chance(0.1) {
                text.push(' ');
                text.push_str(REDACTION);
                written += 5;
            }
            in_paragraph += 1;
            if in_paragraph >= 4 && rng.chance(0.35) {
                text.push_str(".\n\n");
                in_paragraph = 0;
            } else {
                text.push_str(". ");
            }
        }
        let trimmed = text.trim_end().len();
        text.truncate(trimmed);
    }

    fn word(&self, document: &Document, language: Language, rng: &mut Rng) -> &str {
        if rng.chance(0.08) {
            return &self.words[*rng.pick(&document.topic) as usize];
        }
        let (ranks, table) = match language {
            Language::Spanish => &self.spanish,
            _ => &self.english,
        };
        &self.words[ranks[table.sample(rng)] as usize]
    }

    /// Writes a person's name as documents do; returns the words written.
    fn mention(&self, document: &Document, rng: &mut Rng, text: &mut String) -> u64 {
        let person = if rng.chance(0.8) {
            *rng.pick(&document.cast)
        } else {
            self.popularity.sample(rng) as u32
        };
        let person = &self.people[person as usize];
        let (first, female) = FIRST_NAMES[person.first as usize];
        let surname = |index: u32, rng: &mut Rng| -> String {
            let written = &self.surnames[index as usize];
            if rng.chance(0.05) {
                self.misreadings[index as usize][rng.below(2) as usize].clone()
            } else if rng.chance(0.15) {
                // Typed without accents.
                capitalize(&fold(written))
            } else {
                written.clone()
            }
        };
        let last = surname(person.surname, rng);
        let second = person.second.map(|s| surname(s, rng));
        let style = rng.below(20);
        match style {
            0..=9 => {
                text.push_str(first);
                text.push(' ');
                text.push_str(&last);
                if let Some(s) = &second {
                    text.push(' ');
                    text.push_str(s);
                    3
                } else {
                    2
                }
            }
            10..=12 => {
                text.push_str(&last.to_uppercase());
                text.push_str(", ");
                text.push_str(first);
                2
            }
            13..=15 => {
                text.push_str(TITLES[usize::from(female)]);
                text.push(' ');
                text.push_str(&last);
                2
            }
            _ => {
                text.push_str(&last);
                1
            }
        }
    }

    /// Whether a word (folded) is in the vocabulary.
    #[cfg(test)]
    fn has_word(&self, word: &str) -> bool {
        let f = fold(word);
        self.words.iter().any(|w| fold(w) == f)
    }
}

/// Misreads a name as OCR does: one edit on its folded form.
fn misread(name: &str, rng: &mut Rng) -> String {
    let folded: Vec<char> = fold(name).chars().collect();
    for _ in 0..20 {
        let mut w = folded.clone();
        match rng.below(3) {
            0 => {
                let i = rng.below(w.len() as u64) as usize;
                let options: Vec<char> = OCR_CONFUSIONS
                    .iter()
                    .filter(|(from, _)| *from == w[i])
                    .map(|(_, to)| *to)
                    .collect();
                w[i] = if options.is_empty() {
                    *rng.pick(&['e', 'a', 'o', 'i'])
                } else {
                    *rng.pick(&options)
                };
            }
            1 if w.len() > 3 => {
                w.remove(1 + rng.below(w.len() as u64 - 1) as usize);
            }
            _ if w.len() > 2 => {
                let i = 1 + rng.below(w.len() as u64 - 2) as usize;
                w.swap(i, i + 1);
            }
            _ => {}
        }
        if w != folded {
            return capitalize(&w.into_iter().collect::<String>());
        }
    }
    capitalize(&format!("{}x", folded.iter().collect::<String>()))
}

/// The pages of a corpus, in order.
pub struct Pages<'a> {
    corpus: &'a Corpus,
    next_document: u64,
    current: Option<Document>,
    next_page: u32,
    row: u64,
}

impl Iterator for Pages<'_> {
    type Item = Page;

    fn next(&mut self) -> Option<Page> {
        if self.row >= self.corpus.pages {
            return None;
        }
        let finished = self
            .current
            .as_ref()
            .is_none_or(|d| self.next_page > d.pages);
        if finished {
            self.current = Some(self.corpus.document(self.next_document));
            self.next_document += 1;
            self.next_page = 1;
        }
        let document = self.current.as_ref().expect("a document");
        self.row += 1;
        let page = self.corpus.page(document, self.next_page, self.row);
        debug_assert!(document.index + 1 == self.next_document);
        self.next_page += 1;
        Some(page)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = (self.corpus.pages - self.row) as usize;
        (left, Some(left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_pages() {
        let a = Corpus::new(300, 7);
        let b = Corpus::new(300, 7);
        let (pa, pb): (Vec<Page>, Vec<Page>) = (a.iter().collect(), b.iter().collect());
        assert_eq!(pa.len(), 300);
        assert!(pa.iter().zip(&pb).all(|(x, y)| x.text == y.text
            && x.document == y.document
            && x.page == y.page
            && x.day == y.day
            && x.foia == y.foia));
        let c = Corpus::new(300, 8);
        assert_ne!(pa[5].text, c.iter().nth(5).unwrap().text);
    }

    #[test]
    fn every_word_written_is_in_the_lexicon() {
        let corpus = Corpus::new(2_000, 11);
        let lexicon = corpus.lexicon();
        let mut accented = false;
        for page in corpus.iter() {
            accented |= page.text.contains('ñ') || page.text.contains('é');
            for word in folded_words(&page.text) {
                if word.chars().all(char::is_alphabetic) {
                    assert!(lexicon.contains(&word), "{word:?} is not in the lexicon");
                }
            }
        }
        assert!(accented);
    }

    #[test]
    fn one_edit_is_substitution_insertion_deletion_or_swap() {
        assert!(within_one_edit("nunez", "nunez"));
        assert!(within_one_edit("nunez", "nunes"));
        assert!(within_one_edit("nunez", "nuez"));
        assert!(within_one_edit("nunez", "nuneez"));
        assert!(within_one_edit("nunez", "nuenz"));
        assert!(!within_one_edit("nunez", "unnze"));
        assert!(!within_one_edit("nunez", "nu"));
        assert!(!within_one_edit("pena", "pefia"));
    }

    #[test]
    fn folding_and_query_words() {
        assert_eq!(fold("José PEÑA Núñez"), "jose pena nunez");
        let corpus = Corpus::new(1_000, DEFAULT_SEED);
        assert!(corpus.has_word("surveillance") && corpus.has_word("vigilancia"));
        let names = corpus.rare_names(10);
        assert_eq!(names.len(), 10);
        assert!(names.iter().all(|n| n.split(' ').count() == 2));
    }
}
