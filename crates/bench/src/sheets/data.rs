//! The synthetic spreadsheet of the `sheets` benchmark: the register a
//! Spanish-speaking accompaniment network keeps by hand, one row per person
//! and event, written as a messy CSV and as an XLSX workbook of the same
//! rows.
//!
//! What it imitates (and what `crates/app/src/import/tests.rs` checks on
//! 1,000 rows):
//! - **The CSV**: Windows-1252, semicolons, a title row above the header,
//!   Spanish headers, day-month dates in five spellings (`13/03/2019`,
//!   `3 de marzo de 2019`, `3.3.19`, `2019-03-13`, `3/3/2019`), narratives
//!   quoted when they hold a semicolon.
//! - **The XLSX**: the same title row and header, the dates as real date
//!   cells (`dd/mm/yyyy`), everything else as text.
//! - **People**: 5,000 pseudonyms (accents included: `Colibrí 12`), 70 % of
//!   rows by someone drawn uniformly, 30 % by one of 200 organizers who come
//!   back often. Each person has one consent level (a person with two in the
//!   same sheet would be refused, rightly) and 60 % a legal name, written on
//!   about half of their rows.
//! - **Values** as people type them: labels and parts of labels in Spanish
//!   ("Arresto", "Notificación de comparecencia", "Huelga de hambre"), states
//!   by name or code, field offices by city (enforcement rows only), roles
//!   in both genders, consent levels in words.
//! - **Narratives** of about 100 characters on 30 % of rows.
//! - **Bad rows**: one in 200 (0.5 %), in turn a date that does not exist,
//!   an unknown state, an unknown event type, no pseudonym. Each is refused
//!   by the import and counted by [`Expected`].
//!
//! Nothing reads the clock or the environment: row `i` of a seed is the same
//! at every size (each row draws from its own stream), so the 20,000-row file
//! is the first 20,000 rows of the 100,000-row one.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, ensure};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use testimonio_domain::seeded::{RngCore, SeededRng, splitmix64_at};

/// The seed of every file the benchmark writes.
pub const SEED: u64 = 0x5eed_5ee7;
/// Distinct people in the register.
pub const PEOPLE: usize = 5_000;
/// Organizers among them, who appear on many rows.
const ORGANIZERS: usize = 200;
/// One row in this many is bad.
const BAD_EVERY: usize = 200;

pub const TITLE: &str = "Red de Acompañamiento del Sur de Texas — registro de casos";
pub const HEADER: [&str; 10] = [
    "Seudónimo",
    "Nombre",
    "Fecha del evento",
    "Tipo de evento",
    "Estado",
    "Ciudad",
    "Oficina",
    "Rol",
    "Consentimiento",
    "Descripción",
];
/// The date column, by position in [`HEADER`].
const DATE_COLUMN: usize = 2;

/// What a bad row gets wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bad {
    /// 31 February.
    Date,
    /// "Narnia".
    State,
    /// "Algo raro".
    EventType,
    /// An empty pseudonym (and name).
    Pseudonym,
}

/// The event's date: a day, and how the CSV spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateCell {
    Day(NaiveDate, String),
    /// A date that does not exist, as typed.
    Text(String),
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    pub person: usize,
    pub cells: [String; 10],
    pub date: DateCell,
    pub bad: Option<Bad>,
}

const WORDS: [&str; 50] = [
    "Colibrí",
    "Luna",
    "Río",
    "Sol",
    "Mar",
    "Ceiba",
    "Jaguar",
    "Quetzal",
    "Nopal",
    "Maíz",
    "Águila",
    "Estrella",
    "Brisa",
    "Lluvia",
    "Montaña",
    "Girasol",
    "Pirul",
    "Cenzontle",
    "Tórtola",
    "Coyote",
    "Ámbar",
    "Jade",
    "Cobre",
    "Alba",
    "Aurora",
    "Niebla",
    "Trueno",
    "Volcán",
    "Pino",
    "Roble",
    "Sauce",
    "Cedro",
    "Lirio",
    "Dalia",
    "Jacinta",
    "Amapola",
    "Violeta",
    "Canela",
    "Café",
    "Cacao",
    "Vainilla",
    "Ocote",
    "Tule",
    "Ajolote",
    "Garza",
    "Halcón",
    "Búho",
    "Zorzal",
    "Tecolote",
    "Golondrina",
];
const FIRST_NAMES: [&str; 24] = [
    "José",
    "María",
    "Juan",
    "Guadalupe",
    "Ana",
    "Luis",
    "Rosa",
    "Jesús",
    "Carmen",
    "Francisco",
    "Verónica",
    "Raúl",
    "Sofía",
    "Andrés",
    "Lucía",
    "Martín",
    "Inés",
    "Ramón",
    "Marisol",
    "Julián",
    "Beatriz",
    "Óscar",
    "Ángela",
    "Iván",
];
const SURNAMES: [&str; 24] = [
    "García",
    "Hernández",
    "López",
    "Martínez",
    "González",
    "Pérez",
    "Rodríguez",
    "Sánchez",
    "Ramírez",
    "Flores",
    "Gómez",
    "Díaz",
    "Cruz",
    "Reyes",
    "Morales",
    "Jiménez",
    "Núñez",
    "Ibáñez",
    "Peña",
    "Muñoz",
    "Gutiérrez",
    "Vázquez",
    "Domínguez",
    "Ortiz",
];
/// Event types as typed, and whether each is an enforcement action (only
/// those take a field office). Weights: enforcement is most of a register.
const TYPES: [(u64, (&str, bool)); 14] = [
    (18, ("Arresto", true)),
    (12, ("Detención", true)),
    (10, ("Notificación de comparecencia", true)),
    (8, ("Deportación", true)),
    (6, ("Traslado", true)),
    (5, ("Fianza", true)),
    (4, ("Vigilancia física", true)),
    (4, ("Visita al domicilio o lugar de trabajo", true)),
    (9, ("Protesta", false)),
    (6, ("Huelga de hambre", false)),
    (5, ("Vigilia", false)),
    (5, ("Marcha", false)),
    (4, ("Rueda de prensa", false)),
    (
        4,
        ("Acompañamiento a corte o cita de control (check-in)", false),
    ),
];
const STATES: [(u64, &str); 9] = [
    (30, "Texas"),
    (12, "TX"),
    (14, "California"),
    (6, "CA"),
    (8, "Arizona"),
    (8, "Nueva York"),
    (7, "Illinois"),
    (8, "Florida"),
    (7, "Georgia"),
];
const CITIES: [&str; 12] = [
    "San Antonio",
    "Houston",
    "El Paso",
    "Laredo",
    "Los Ángeles",
    "Phoenix",
    "Tucson",
    "Chicago",
    "Miami",
    "Atlanta",
    "Nueva York",
    "",
];
const OFFICES: [&str; 10] = [
    "San Antonio",
    "SNA",
    "Houston",
    "Oficina de Nueva York",
    "Los Ángeles",
    "Phoenix",
    "Chicago",
    "Miami",
    "Atlanta",
    "El Paso",
];
const ROLES: [(u64, &str); 7] = [
    (20, "Persona afectada"),
    (14, "Organizador/a"),
    (10, "Organizadora"),
    (10, "Testigo"),
    (6, "Vocera"),
    (6, "Familia"),
    (10, ""),
];
const CONSENTS: [(u64, &str); 4] = [
    (40, "Solo uso interno"),
    (30, "Estadísticas de la coalición"),
    (20, "público anónimo"),
    (10, "Interno"),
];
const MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const OPENINGS: [&str; 8] = [
    "Lo detuvieron frente a la oficina",
    "Agentes llegaron a su casa a las 6 de la mañana",
    "La siguieron desde la marcha hasta su trabajo",
    "Después de la entrevista en la radio",
    "Durante la cita de control (check-in)",
    "En la vigilia frente al centro de detención",
    "Le dijeron que dejara de hablar con la prensa",
    "Sin orden judicial, según su hija",
];
const MIDDLES: [&str; 8] = [
    ", sin explicación; su abogada no fue avisada",
    "; la familia pidió ayuda a la red",
    ", con dos camionetas sin placas",
    ", y le tomaron fotos a todas",
    "; el juez negó la fianza",
    ", frente a sus compañeras del comité",
    "; lo trasladaron a otro estado",
    ", y le quitaron el teléfono",
];
const CLOSINGS: [&str; 6] = [
    ". Hay video.",
    ". Testigos: dos vecinas.",
    ". Queja presentada.",
    ". Seguimiento pendiente.",
    ". Ver notas del comité.",
    ".",
];

/// The pseudonym of person `p`: a word alone for the first 50, then the
/// word and a number (`Colibrí 12`); no two fold to the same key.
pub fn pseudonym(p: usize) -> String {
    let word = WORDS[p % WORDS.len()];
    match p / WORDS.len() {
        0 => word.to_owned(),
        n => format!("{word} {}", n + 1),
    }
}

/// The legal name of person `p`: a first name and two surnames, scattered
/// over the 13,824 combinations but never the same for two people (a
/// register where two people share a legal name under two pseudonyms is
/// one the import rightly asks about, row by row).
fn legal_name(p: usize) -> String {
    let combinations = FIRST_NAMES.len() * SURNAMES.len() * SURNAMES.len();
    debug_assert!(p < combinations);
    // 7,919 is prime to 13,824: p ↦ p·7919 mod 13,824 is one-to-one.
    let n = (p * 7_919) % combinations;
    format!(
        "{} {} {}",
        FIRST_NAMES[n % FIRST_NAMES.len()],
        SURNAMES[(n / FIRST_NAMES.len()) % SURNAMES.len()],
        SURNAMES[n / (FIRST_NAMES.len() * SURNAMES.len())]
    )
}

/// What is fixed for a person across rows: a legal name or none, a consent.
fn person_traits(p: usize) -> (Option<String>, &'static str) {
    let mut rng = SeededRng::new(splitmix64_at(SEED ^ 0x7065_7273_6f6e, p as u64).next_u64());
    let name = rng.percent(60).then(|| legal_name(p));
    let consent: &&str = rng.weighted(&CONSENTS);
    (name, consent)
}

fn date_text(day: NaiveDate, spelling: u64) -> String {
    let (d, m, y) = (day.day(), day.month(), day.year());
    match spelling {
        0 => format!("{d:02}/{m:02}/{y}"),
        1 => format!("{d} de {} de {y}", MONTHS[m as usize - 1]),
        2 => format!("{d}.{m}.{:02}", y % 100),
        3 => format!("{y}-{m:02}-{d:02}"),
        _ => format!("{d}/{m}/{y}"),
    }
}

fn narrative(rng: &mut SeededRng) -> String {
    let mut text = String::new();
    for part in [&OPENINGS[..], &MIDDLES[..], &CLOSINGS[..]] {
        let piece: &&str = rng.pick(part);
        text.push_str(piece);
    }
    // About 100 characters: a second sentence when the first is short.
    if text.chars().count() < 85 {
        text.push(' ');
        let piece: &&str = rng.pick(&OPENINGS);
        text.push_str(piece);
        text.push('.');
    }
    text
}

/// Row `i` (from 0) of the register.
pub fn row(i: usize) -> SheetRow {
    let mut rng = SeededRng::new(splitmix64_at(SEED, i as u64).next_u64());
    let person = if rng.percent(30) {
        rng.index(ORGANIZERS)
    } else {
        rng.index(PEOPLE)
    };
    let (legal_name, consent) = person_traits(person);
    let name = legal_name.filter(|_| rng.percent(50)).unwrap_or_default();
    let start = NaiveDate::from_ymd_opt(2017, 1, 1).expect("a real day");
    let day = start + chrono::Days::new(rng.below(8 * 365));
    let spelling = rng.below(5);
    let (event_type, enforcement) = *rng.weighted(&TYPES);
    let office = if enforcement && rng.percent(75) {
        *rng.pick(&OFFICES)
    } else {
        ""
    };
    let story = if rng.percent(30) {
        narrative(&mut rng)
    } else {
        String::new()
    };
    let mut cells = [
        pseudonym(person),
        name,
        date_text(day, spelling),
        event_type.to_owned(),
        rng.weighted(&STATES).to_string(),
        rng.pick(&CITIES).to_string(),
        office.to_owned(),
        rng.weighted(&ROLES).to_string(),
        consent.to_owned(),
        story,
    ];
    let mut date = DateCell::Day(day, cells[DATE_COLUMN].clone());
    let bad = (i % BAD_EVERY == BAD_EVERY / 2).then_some(match (i / BAD_EVERY) % 4 {
        0 => Bad::Date,
        1 => Bad::State,
        2 => Bad::EventType,
        _ => Bad::Pseudonym,
    });
    match bad {
        Some(Bad::Date) => {
            cells[DATE_COLUMN] = format!("31/02/{}", day.year());
            date = DateCell::Text(cells[DATE_COLUMN].clone());
        }
        Some(Bad::State) => cells[4] = "Narnia".to_owned(),
        Some(Bad::EventType) => cells[3] = "Algo raro".to_owned(),
        Some(Bad::Pseudonym) => {
            cells[0].clear();
            cells[1].clear();
        }
        None => {}
    }
    SheetRow {
        person,
        cells,
        date,
        bad,
    }
}

/// What an import of the first `rows` rows must report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected {
    pub rows: u64,
    /// The bad rows.
    pub refused: u64,
    /// The good rows: each creates its event.
    pub created: u64,
    /// Distinct people on good rows.
    pub people: u64,
}

impl Expected {
    pub fn of(rows: usize) -> Self {
        let mut people = HashSet::new();
        let mut refused = 0;
        for i in 0..rows {
            let r = row(i);
            if r.bad.is_some() {
                refused += 1;
            } else {
                people.insert(r.person);
            }
        }
        Expected {
            rows: rows as u64,
            refused,
            created: rows as u64 - refused,
            people: people.len() as u64,
        }
    }
}

/// A CSV field, quoted when it holds the separator or a quote.
fn csv_field(out: &mut String, cell: &str) {
    if cell.contains([';', '"', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// Writes the first `rows` rows as a Windows-1252, semicolon-separated CSV
/// with a title row.
///
/// # Errors
/// The file cannot be written, or a character has no Windows-1252 byte.
pub fn write_csv(path: &Path, rows: usize) -> Result<()> {
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
    );
    let mut line = String::new();
    let put = |line: &str, file: &mut std::io::BufWriter<std::fs::File>| -> Result<()> {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(line);
        ensure!(!unmappable, "a character has no Windows-1252 byte");
        file.write_all(&bytes)?;
        Ok(())
    };
    line.push_str(TITLE);
    line.push_str(&";".repeat(HEADER.len() - 1));
    line.push_str("\r\n");
    line.push_str(&HEADER.join(";"));
    line.push_str("\r\n");
    put(&line, &mut file)?;
    for i in 0..rows {
        let r = row(i);
        line.clear();
        for (c, cell) in r.cells.iter().enumerate() {
            if c > 0 {
                line.push(';');
            }
            csv_field(&mut line, cell);
        }
        line.push_str("\r\n");
        put(&line, &mut file)?;
    }
    file.flush()?;
    Ok(())
}

/// Writes the first `rows` rows as an XLSX workbook: a title row, the
/// header, and the rows with real date cells.
///
/// # Errors
/// The workbook cannot be built or written.
pub fn write_xlsx(path: &Path, rows: usize) -> Result<()> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Casos")?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet.write_string_with_format(0, 0, TITLE, &bold)?;
    for (c, name) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(1, c as u16, *name, &bold)?;
    }
    for i in 0..rows {
        let r = row(i);
        let at = i as u32 + 2;
        for (c, cell) in r.cells.iter().enumerate() {
            if c == DATE_COLUMN {
                match &r.date {
                    DateCell::Day(day, _) => {
                        let when = ExcelDateTime::from_ymd(
                            u16::try_from(day.year())?,
                            day.month() as u8,
                            day.day() as u8,
                        )?;
                        sheet.write_datetime_with_format(at, c as u16, &when, &date)?;
                    }
                    DateCell::Text(text) => {
                        sheet.write_string(at, c as u16, text)?;
                    }
                }
            } else if !cell.is_empty() {
                sheet.write_string(at, c as u16, cell)?;
            }
        }
    }
    book.save(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_the_same_at_every_size_and_half_a_percent_are_bad() {
        assert_eq!(row(12_345), row(12_345));
        let small = Expected::of(2_000);
        assert_eq!(small.refused, 10);
        assert_eq!(small.created, 1_990);
        let bad: Vec<Option<Bad>> = (0..800).filter_map(|i| row(i).bad).map(Some).collect();
        assert_eq!(
            bad,
            [Bad::Date, Bad::State, Bad::EventType, Bad::Pseudonym].map(Some)
        );
    }

    #[test]
    fn pseudonyms_are_distinct_after_folding() {
        let mut seen = HashSet::new();
        for p in 0..PEOPLE {
            let folded: String = pseudonym(p)
                .to_lowercase()
                .chars()
                .map(|c| match c {
                    'á' => 'a',
                    'é' => 'e',
                    'í' => 'i',
                    'ó' => 'o',
                    'ú' => 'u',
                    other => other,
                })
                .collect();
            assert!(seen.insert(folded), "{}", pseudonym(p));
        }
    }

    #[test]
    fn legal_names_are_distinct() {
        let names: HashSet<String> = (0..PEOPLE).map(legal_name).collect();
        assert_eq!(names.len(), PEOPLE);
    }

    #[test]
    fn the_register_looks_like_one() {
        let rows: Vec<SheetRow> = (0..20_000).map(row).collect();
        let people: HashSet<usize> = rows.iter().map(|r| r.person).collect();
        assert!(people.len() > 4_000, "{}", people.len());
        let with_story = rows.iter().filter(|r| !r.cells[9].is_empty()).count();
        assert!((5_000..7_000).contains(&with_story), "{with_story}");
        let lengths: usize = rows.iter().map(|r| r.cells[9].chars().count()).sum();
        let mean = lengths / with_story;
        assert!((85..130).contains(&mean), "{mean}");
        // A person's consent is the same on every row.
        let mut consent = std::collections::HashMap::new();
        for r in rows.iter().filter(|r| r.bad.is_none()) {
            let c = consent
                .entry(r.person)
                .or_insert_with(|| r.cells[8].clone());
            assert_eq!(*c, r.cells[8]);
        }
        // Field offices only on enforcement rows.
        for r in &rows {
            let enforcement = TYPES
                .iter()
                .find(|(_, (t, _))| *t == r.cells[3])
                .is_none_or(|(_, (_, e))| *e);
            assert!(enforcement || r.cells[6].is_empty(), "{:?}", r.cells);
        }
    }

    #[test]
    fn both_files_are_written() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("r.csv");
        write_csv(&csv, 300).unwrap();
        let bytes = std::fs::read(&csv).unwrap();
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
        assert_eq!(text.lines().count(), 302);
        assert!(
            text.lines()
                .nth(1)
                .unwrap()
                .starts_with("Seudónimo;Nombre;")
        );
        assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8");
        let xlsx = dir.path().join("r.xlsx");
        write_xlsx(&xlsx, 300).unwrap();
        assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK\x03\x04"));
    }
}
