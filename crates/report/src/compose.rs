//! The report's content: [`Findings`] in words, tables, charts and a map,
//! in English or Spanish. Every sentence is written here in both
//! languages side by side; the renderers only lay it out.

use testimonio_analysis::{Audience, Cell};
use testimonio_domain::{EventKind, EventType, FieldOffice, Lang, UsState, Vocabulary};

use crate::chart::{BarChart, TileMap, bar_chart, tile_map};
use crate::doc::{Block, Document, Figure, Span, Table, TableCell};
use crate::findings::{
    ChanceTest, Concentration, CountList, Findings, INTERVALS, PublishedProximity, Vignette,
};
use crate::fmt;

/// The width charts are drawn at, in points (the PDF text width).
const CHART_WIDTH: f32 = 468.0;

/// Builds the report of `findings` in `lang`.
pub fn compose(findings: &Findings, lang: Lang) -> Document {
    Composer::new(findings, lang).document()
}

struct Composer<'a> {
    f: &'a Findings,
    lang: Lang,
    blocks: Vec<Block>,
    figures: u32,
    tables: u32,
    appendix_tables: u32,
}

/// "Public", "coalition", "internal": in a sentence.
fn audience_name(audience: Audience, lang: Lang) -> &'static str {
    match audience {
        Audience::Internal => lang.pick("internal use", "uso interno"),
        Audience::Coalition => lang.pick("the coalition", "la coalición"),
        Audience::Public => lang.pick("the public", "el público"),
    }
}

impl<'a> Composer<'a> {
    fn new(f: &'a Findings, lang: Lang) -> Self {
        Self {
            f,
            lang,
            blocks: Vec::new(),
            figures: 0,
            tables: 0,
            appendix_tables: 0,
        }
    }

    fn t(&self, en: &'a str, es: &'a str) -> &'a str {
        self.lang.pick(en, es)
    }

    fn internal(&self) -> bool {
        self.f.audience == Audience::Internal
    }

    fn k(&self) -> String {
        fmt::count(self.lang, self.f.min_count)
    }

    fn cell(&self, c: Cell) -> String {
        fmt::cell(self.lang, c)
    }

    fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    fn para(&mut self, spans: Vec<Span>) {
        self.blocks.push(Block::Paragraph(spans));
    }

    fn text(&mut self, text: impl Into<String>) {
        self.para(vec![Span::plain(text)]);
    }

    fn figure_caption(&mut self, text: &str) -> String {
        self.figures += 1;
        format!("{} {}. {text}", self.t("Figure", "Figura"), self.figures)
    }

    fn table_caption(&mut self, text: &str) -> String {
        self.tables += 1;
        format!("{} {}. {text}", self.t("Table", "Cuadro"), self.tables)
    }

    fn appendix_caption(&mut self, text: &str) -> String {
        self.appendix_tables += 1;
        format!(
            "{} A{}. {text}",
            self.t("Table", "Cuadro"),
            self.appendix_tables
        )
    }

    fn document(mut self) -> Document {
        let lang = self.lang;
        let f = self.f;
        let title = self
            .t(
                "Retaliation against people who speak up: the documented pattern",
                "Represalias contra quienes alzan la voz: el patrón documentado",
            )
            .to_owned();
        let marking = match f.audience {
            Audience::Internal => self
                .t(
                    "Internal — do not distribute",
                    "Uso interno — no distribuir",
                )
                .to_owned(),
            Audience::Coalition => {
                format!(
                    "{} {}",
                    self.t(
                        "Coalition — counts of fewer people than",
                        "Coalición — suprimidos los conteos de menos personas que"
                    ),
                    self.k(),
                ) + self.t(" suppressed", "")
            }
            Audience::Public => {
                format!(
                    "{} {}",
                    self.t(
                        "Public — counts of fewer people than",
                        "Público — suprimidos los conteos de menos personas que"
                    ),
                    self.k(),
                ) + self.t(" suppressed", "")
            }
        };
        let subtitle = vec![
            format!(
                "{} {}.",
                self.t(
                    "Prepared with Testimonio from the records kept on",
                    "Preparado con Testimonio con los registros guardados al"
                ),
                fmt::day(lang, f.as_of)
            ),
            format!(
                "{}: {}.",
                self.t("Audience", "Destinatarios"),
                audience_name(f.audience, lang)
            ),
        ];
        self.notice();
        self.summary();
        self.methodology();
        self.timing();
        self.geography();
        self.over_time();
        self.cases();
        self.appendix();
        Document {
            lang,
            title,
            subtitle,
            marking,
            page_word: self.t("Page", "Página").to_owned(),
            of_word: self.t("of", "de").to_owned(),
            blocks: self.blocks,
        }
    }

    fn notice(&mut self) {
        let spans = match self.f.audience {
            Audience::Internal => vec![
                Span::bold(self.t("Internal report. ", "Informe interno. ")),
                Span::plain(self.t(
                    "Nothing in it is suppressed and it gives record ids, exact dates and places. \
                     It still contains no legal name or other identity field: people appear only \
                     under their pseudonyms. Do not share it outside the group; make a coalition \
                     or public version instead.",
                    "No se suprime nada y da identificadores de registro, fechas exactas y lugares. \
                     Aun así no contiene ningún nombre legal ni otro dato de identidad: las personas \
                     aparecen solo con su seudónimo. No lo comparta fuera del grupo; prepare una \
                     versión para la coalición o para el público.",
                )),
            ],
            audience => vec![
                Span::bold(self.t(
                    "This report protects the people in it. ",
                    "Este informe protege a las personas que aparecen en él. ",
                )),
                Span::plain(format!(
                    "{} {} {} {}",
                    match audience {
                        Audience::Coalition => self.t(
                            "It counts only people who agreed to be counted in coalition statistics,",
                            "Solo cuenta a quienes aceptaron figurar en las estadísticas de la coalición,",
                        ),
                        _ => self.t(
                            "It counts only people who agreed that their de-identified story be published,",
                            "Solo cuenta a quienes aceptaron que se publique su relato sin datos que los identifiquen,",
                        ),
                    },
                    self.t(
                        "names no one, and hides (\u{201c}suppressed\u{201d}) every count of fewer than",
                        "no nombra a nadie y oculta (\u{201c}suprimido\u{201d}) todo conteo de menos de",
                    ),
                    self.k(),
                    self.t(
                        "people, together with whatever other count would let it be worked out.",
                        "personas, junto con cualquier otro conteo que permitiera deducirlo.",
                    ),
                )),
            ],
        };
        self.blocks.push(Block::Notice(spans));
    }

    fn summary(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(1, self.t("Summary", "Resumen"));
        let mut items: Vec<Vec<Span>> = Vec::new();
        let p = &f.population;
        items.push(vec![Span::plain(format!(
            "{}: {}. {}: {}. {}: {}. {}: {}.",
            self.t("People counted", "Personas contadas"),
            self.cell(p.people),
            self.t(
                "People who faced at least one enforcement action",
                "Personas que sufrieron al menos una acción de control migratorio"
            ),
            self.cell(p.people_targeted),
            self.t("Enforcement actions", "Acciones de control migratorio"),
            self.cell(p.enforcement_actions),
            self.t("Protected activities", "Actividades protegidas"),
            self.cell(p.protected_activities),
        ))]);
        items.push(self.within_sentence(&f.proximity));
        if let Some(q) = &f.proximity.days {
            items.push(vec![Span::plain(format!(
                "{} {} ({} {} {} {}).",
                self.t(
                    "Where the person had an earlier protected activity, the median interval was",
                    "Cuando la persona tenía una actividad protegida anterior, el intervalo mediano fue de"
                ),
                fmt::days(lang, q.median.round() as u64),
                self.t("quartiles", "cuartiles"),
                fmt::decimal(lang, q.q1, 0),
                self.t("and", "y"),
                fmt::days(lang, q.q3.round() as u64),
            ))]);
        }
        items.push(self.chance_sentence());
        items.push(self.spread_sentence());
        self.blocks.push(Block::Bullets(items));
    }

    fn within_sentence(&self, p: &PublishedProximity) -> Vec<Span> {
        let lang = self.lang;
        let Cell::Shown(pairs) = p.pairs else {
            return vec![Span::plain(self.t(
                "Too few enforcement actions for this audience: the timing figures are suppressed.",
                "Muy pocas acciones de control migratorio para estos destinatarios: las cifras de \
                 proximidad temporal están suprimidas.",
            ))];
        };
        let clauses: Vec<String> = p
            .within
            .iter()
            .map(|w| match (w.count, w.share) {
                (Cell::Shown(c), Some(s)) => format!(
                    "{} ({}) {} {}",
                    fmt::count(lang, c),
                    fmt::percent(lang, s),
                    self.t("within", "dentro de"),
                    fmt::days(lang, u64::from(w.days)),
                ),
                _ => format!(
                    "{} {} {}",
                    self.t("a suppressed number", "un número suprimido"),
                    self.t("within", "dentro de"),
                    fmt::days(lang, u64::from(w.days)),
                ),
            })
            .collect();
        let mut spans = vec![Span::plain(format!(
            "{} {} {} ",
            self.t("Of", "De"),
            fmt::count(lang, pairs),
            self.t(
                "pairs of an enforcement action and a person it targeted,",
                "pares de una acción de control migratorio y una persona afectada por ella,"
            ),
        ))];
        for (i, clause) in clauses.iter().enumerate() {
            if i == 0 {
                // "23 (59.0%) came within 30 days" / "23 (59,0 %) ocurrieron dentro de 30 días"
                let (count, rest) = clause
                    .split_once(self.t(" within ", " dentro de "))
                    .unwrap_or((clause.as_str(), ""));
                spans.push(Span::bold(format!(
                    "{count} {} {rest}",
                    self.t("came within", "ocurrieron dentro de")
                )));
                spans.push(Span::plain(format!(
                    " {}",
                    self.t(
                        "of that person's own most recent protected activity",
                        "de la actividad protegida más reciente de esa misma persona"
                    )
                )));
            } else {
                let sep = if i + 1 == clauses.len() {
                    format!(" {} ", self.t("and", "y"))
                } else {
                    ", ".to_owned()
                };
                spans.push(Span::plain(sep));
                spans.push(Span::bold(clause.clone()));
            }
        }
        spans.push(Span::plain("."));
        spans
    }

    fn chance_sentence(&self) -> Vec<Span> {
        let lang = self.lang;
        match &self.f.chance {
            ChanceTest::Done(t) => vec![
                Span::plain(format!(
                    "{}{} {} ",
                    self.t(
                        "If enforcement had come on random days within each person's documented period, \
                         an average interval as short as the one observed (",
                        "Si las acciones hubieran ocurrido en días al azar dentro del periodo documentado \
                         de cada persona, un intervalo promedio tan corto como el observado (",
                    ),
                    fmt::days(lang, t.observed_mean_days.round() as u64),
                    self.t(
                        "with each interval capped at 365 days) would have arisen with probability",
                        "con cada intervalo limitado a 365 días) habría surgido con probabilidad",
                    ),
                )),
                Span::bold(fmt::p_equation(lang, t.p_value)),
                Span::plain(format!(
                    " ({} {} {}, {} {}). {} {} ({} {} {} {}).",
                    self.t("permutation test,", "prueba de permutaciones,"),
                    fmt::count(lang, u64::from(t.permutations)),
                    self.t("permutations", "permutaciones"),
                    self.t("seed", "semilla"),
                    t.seed,
                    self.t(
                        "By chance the average would be about",
                        "Por azar, el promedio sería de unos"
                    ),
                    fmt::days(lang, t.null_mean_days.round() as u64),
                    self.t(
                        "95% of permutations between",
                        "el 95\u{a0}% de las permutaciones entre"
                    ),
                    fmt::decimal(lang, t.null_percentile_2_5, 1),
                    self.t("and", "y"),
                    fmt::decimal(lang, t.null_percentile_97_5, 1),
                )),
            ],
            ChanceTest::NothingToTest => vec![Span::plain(self.t(
                "No enforcement action names a targeted person, so the timing could not be tested \
                 against chance.",
                "Ninguna acción nombra a una persona afectada, así que la proximidad no pudo \
                 compararse con el azar.",
            ))],
            ChanceTest::Withheld => vec![Span::plain(self.t(
                "Too few people for this audience: the test against chance is not reported.",
                "Muy pocas personas para estos destinatarios: no se informa la prueba frente al azar.",
            ))],
        }
    }

    fn spread_sentence(&self) -> Vec<Span> {
        let lang = self.lang;
        let f = self.f;
        let mut s = format!(
            "{} {} {} {} {}.",
            self.t("People were targeted in", "Hubo personas afectadas en"),
            fmt::count(lang, f.states.distinct),
            self.t("states or territories and", "estados o territorios y en"),
            fmt::count(lang, f.offices.distinct),
            self.t("ICE field offices", "oficinas locales de ICE"),
        );
        match &f.offices.largest {
            Some(l) => {
                s.push_str(&format!(
                    " {} {} {} {}",
                    self.t("The largest office,", "La oficina con más casos,"),
                    office_label(&l.label, lang),
                    self.t("accounts for", "reúne el"),
                    fmt::percent(lang, l.share),
                ));
                s.push_str(self.t(
                    " of the people whose office is known",
                    " de las personas cuya oficina se conoce",
                ));
                match f.offices.hhi {
                    Some(h) => s.push_str(&format!(
                        " ({} {}; {}).",
                        self.t("Herfindahl–Hirschman index", "índice de Herfindahl-Hirschman"),
                        fmt::decimal(lang, h, 2),
                        self.t(
                            "1 would mean all in one office",
                            "1 significaría todas en una sola oficina"
                        ),
                    )),
                    None => s.push_str(self.t(
                        " (the concentration index is not published: it could reveal a suppressed count).",
                        " (no se publica el índice de concentración: podría revelar un conteo suprimido).",
                    )),
                }
            }
            None if f.offices.distinct > 0 => s.push_str(self.t(
                " The largest office's share is not published: it could reveal a suppressed count.",
                " No se publica la proporción de la oficina con más casos: podría revelar un conteo suprimido.",
            )),
            None => {}
        }
        vec![Span::plain(s)]
    }

    fn methodology(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(1, self.t("Methodology", "Metodología"));
        self.heading(2, self.t("Sources and consent", "Fuentes y consentimiento"));
        let rule = match f.audience {
            Audience::Internal => self.t(
                "Everyone documented is counted, whatever their consent, because this report stays inside the group.",
                "Se cuenta a todas las personas documentadas, sea cual sea su consentimiento, porque este informe no sale del grupo.",
            ),
            Audience::Coalition => self.t(
                "Only people whose consent on that day is at least \u{201c}coalition statistics\u{201d} are counted; everyone else is left out of every figure, and taken off the events that named them.",
                "Solo se cuenta a quienes, en esa fecha, dieron al menos su consentimiento para \u{201c}estadísticas de la coalición\u{201d}; las demás personas quedan fuera de todas las cifras y se retiran de los eventos que las nombraban.",
            ),
            Audience::Public => self.t(
                "Only people whose consent on that day is at least \u{201c}public, anonymous\u{201d} are counted; everyone else is left out of every figure, and taken off the events that named them.",
                "Solo se cuenta a quienes, en esa fecha, dieron al menos su consentimiento \u{201c}público, anónimo\u{201d}; las demás personas quedan fuera de todas las cifras y se retiran de los eventos que las nombraban.",
            ),
        };
        self.text(format!(
            "{} {} {}",
            self.t(
                "The figures come from the records of one Testimonio vault: people, always under a pseudonym, and dated events of protected activity (protests, hunger strikes, interviews, testimony, litigation) and of enforcement (surveillance, arrests, detention, notices to appear, deportation), coded with a fixed bilingual vocabulary. Consent is read as recorded on",
                "Las cifras provienen de los registros de una bóveda de Testimonio: personas, siempre con seudónimo, y eventos fechados de actividad protegida (protestas, huelgas de hambre, entrevistas, testimonios, litigios) y de control migratorio (vigilancia, arrestos, detención, citatorios, deportación), codificados con un vocabulario bilingüe fijo. El consentimiento se lee tal como constaba el",
            ),
            fmt::day(lang, f.as_of) + ".",
            rule,
        ));
        self.text(self.t(
            "An enforcement action is aimed at the people listed as its targets. A person took part in a protected activity when listed as organizer, spokesperson, participant or other. Identity fields (legal names, contact details, A-numbers, addresses) are not read to make this report.",
            "Una acción de control migratorio se dirige a las personas que figuran como afectadas. Una persona participó en una actividad protegida si figura como organizadora, vocera, participante u otro rol. Para preparar este informe no se leen los datos de identidad (nombres legales, contactos, números A, direcciones).",
        ));
        self.heading(2, self.t("Timing", "Proximidad temporal"));
        self.text(f.proximity.method.get(lang).to_owned());
        self.text(self.t(
            "These shares are over pairs of an action and a person, so a person targeted twice counts twice. Figure 1 counts people instead, each once, by the shortest interval from one of their own protected activities to a later enforcement action against them.",
            "Estas proporciones son sobre pares de acción y persona, así que una persona afectada dos veces cuenta dos veces. La figura 1, en cambio, cuenta personas, cada una una vez, según el intervalo más corto entre una de sus actividades protegidas y una acción posterior en su contra.",
        ));
        self.heading(2, self.t("Test against chance", "Prueba frente al azar"));
        match &f.chance {
            ChanceTest::Done(t) => self.text(t.method.get(lang).to_owned()),
            _ => self.text(self.t(
                "A permutation test compares the observed mean interval (capped at 365 days) with the mean obtained when each person's enforcement actions are moved to random days of their documented period. It was not run for this report (see the summary).",
                "Una prueba de permutaciones compara el intervalo promedio observado (limitado a 365 días) con el que resulta al mover las acciones de cada persona a días al azar de su periodo documentado. No se realizó para este informe (vea el resumen).",
            )),
        }
        self.heading(2, self.t("Place, time and type", "Lugar, tiempo y tipo"));
        self.text(self.t(
            "The tables, the map and the charts of places, years and types count people, each once, by their first documented enforcement action: its state, its ICE field office, its year and its type. Concentration is given as the largest field office's share of the people whose office is known and as the Herfindahl–Hirschman index, the sum of the squared shares: from 1/n when people are spread evenly over n offices to 1 when all are in one.",
            "Los cuadros, el mapa y los gráficos de lugares, años y tipos cuentan personas, cada una una vez, según su primera acción de control migratorio documentada: su estado, su oficina local de ICE, su año y su tipo. La concentración se da como la proporción de la oficina con más personas, entre aquellas cuya oficina se conoce, y como el índice de Herfindahl-Hirschman, la suma de las proporciones al cuadrado: de 1/n cuando las personas se reparten por igual entre n oficinas a 1 cuando están todas en una.",
        ));
        self.heading(2, self.t("Disclosure control", "Control de divulgación"));
        if self.internal() {
            self.text(self.t(
                "This is an internal report: no count is suppressed. Coalition and public versions of it suppress small counts as described in those versions.",
                "Este es un informe interno: no se suprime ningún conteo. Las versiones para la coalición y para el público suprimen los conteos pequeños como se describe en ellas.",
            ));
        } else {
            let k = self.k();
            self.text(format!(
                "{} {} {}",
                self.t(
                    "Every count of people from 1 to",
                    "Todo conteo de personas de 1 a",
                ),
                fmt::count(lang, f.min_count - 1),
                self.t(
                    "is suppressed: shown as \u{201c}suppressed\u{201d}, never as a number, in tables, on the map and in charts (where it has no bar). Zeros are shown. So that a suppressed count cannot be worked out by subtracting the others from a total, at least one more count is suppressed in the same row, column or list (complementary suppression), and further counts where several rows and columns together would give one away. Counts of action–person pairs are suppressed in the same way, and all of them when a category rests on fewer people than the threshold.",
                    "se suprime: aparece como \u{201c}suprimido\u{201d}, nunca como número, en los cuadros, en el mapa y en los gráficos (donde no tiene barra). Los ceros sí se muestran. Para que un conteo suprimido no pueda deducirse restando los demás de un total, se suprime al menos otro conteo de la misma fila, columna o lista (supresión complementaria), y más conteos cuando varias filas y columnas juntas permitirían deducirlo. Los conteos de pares de acción y persona se suprimen igual, y todos ellos cuando una categoría reúne menos personas que el umbral.",
                ),
            ));
            self.text(format!(
                "{} {} {} {}",
                self.t(
                    "Medians and quartiles are given only over at least",
                    "Las medianas y los cuartiles se dan solo sobre al menos",
                ),
                k,
                self.t(
                    "pairs of at least as many people; minima and maxima, which are single people's values, are not given. The largest office's share and the concentration index are given only when they follow from the counts shown. The test against chance is reported only when at least that many people were targeted.",
                    "pares de al menos otras tantas personas; no se dan mínimos ni máximos, que son valores de una sola persona. La proporción de la oficina con más personas y el índice de concentración se dan solo cuando se deducen de los conteos publicados. La prueba frente al azar solo se informa si hubo al menos ese número de personas afectadas.",
                ),
                match f.audience {
                    Audience::Coalition => self.t(
                        "Case vignettes describe only people who agreed that their story be shared with the coalition, under pseudonyms, with months instead of days and no places; an account is quoted only when everyone the event names agreed.",
                        "Los casos describen solo a personas que aceptaron compartir su relato con la coalición, con seudónimo, con meses en lugar de días y sin lugares; un relato se cita solo si todas las personas que nombra el evento lo aceptaron.",
                    ),
                    _ => self.t(
                        "Case vignettes describe only people who agreed that their de-identified story be published, under pseudonyms, with months instead of days and no places; an account is quoted only when everyone the event names agreed.",
                        "Los casos describen solo a personas que aceptaron que se publique su relato sin datos que las identifiquen, con seudónimo, con meses en lugar de días y sin lugares; un relato se cita solo si todas las personas que nombra el evento lo aceptaron.",
                    ),
                },
            ));
            self.text(self.t(
                "What this does not do: each table is protected on its own, so comparing two tables over the same people can narrow what each hides; and a suppressed count is still known to lie between 1 and the threshold, or to be at most what its row leaves over.",
                "Lo que esto no hace: cada cuadro se protege por separado, así que comparar dos cuadros sobre las mismas personas puede acotar lo que cada uno oculta; y de un conteo suprimido se sabe igualmente que está entre 1 y el umbral, o que es a lo sumo lo que deja su fila.",
            ));
        }
    }

    fn interval_label(&self, code: &str, people: bool) -> String {
        let lang = self.lang;
        match code {
            "0_30" => format!("0–30 {}", self.t("days", "días")),
            "31_90" => format!("31–90 {}", self.t("days", "días")),
            "91_180" => format!("91–180 {}", self.t("days", "días")),
            "181_365" => format!("181–365 {}", self.t("days", "días")),
            "over_365" => self.t("over 365 days", "más de 365 días").to_owned(),
            "none" if people => lang
                .pick(
                    "no action after an activity",
                    "ninguna acción tras una actividad",
                )
                .to_owned(),
            "none" => lang
                .pick("no earlier activity", "sin actividad anterior")
                .to_owned(),
            other => other.to_owned(),
        }
    }

    fn bar_figure(&mut self, caption: &str, description: &str, bars: Vec<(String, Cell)>) {
        let caption = self.figure_caption(caption);
        let drawing = bar_chart(&BarChart {
            description: description.to_owned(),
            bars,
            suppressed: fmt::suppressed(self.lang).to_owned(),
            axis: self.t("people", "personas").to_owned(),
            width: CHART_WIDTH,
            format: fmt::counter(self.lang),
        });
        self.blocks.push(Block::Figure(Figure { caption, drawing }));
    }

    fn timing(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(
            1,
            self.t(
                "How soon enforcement followed protected activity",
                "Cuán pronto siguió la acción migratoria a la actividad protegida",
            ),
        );
        let bars: Vec<(String, Cell)> = INTERVALS
            .iter()
            .map(|code| {
                (
                    self.interval_label(code, true),
                    f.people_by_interval.get(code),
                )
            })
            .collect();
        self.bar_figure(
            self.t(
                "People by the shortest interval from their own protected activity to a later enforcement action against them",
                "Personas según el intervalo más corto entre una actividad protegida suya y una acción posterior en su contra",
            ),
            self.t(
                "Bar chart of people by shortest interval; suppressed categories have no bar.",
                "Gráfico de barras de personas por intervalo más corto; las categorías suprimidas no tienen barra.",
            ),
            bars,
        );
        let caption = self.table_caption(self.t(
            "Enforcement actions within a window after protected activity (action–person pairs)",
            "Acciones dentro de un plazo tras la actividad protegida (pares de acción y persona)",
        ));
        let share = |s: Option<f64>| s.map_or_else(|| "—".to_owned(), |s| fmt::percent(lang, s));
        let cellv = |c: Cell| {
            if c.is_suppressed() {
                TableCell::muted(fmt::cell(lang, c))
            } else {
                TableCell::text(fmt::cell(lang, c))
            }
        };
        let mut rows: Vec<Vec<TableCell>> = Vec::new();
        for (own, group) in f.proximity.within.iter().zip(&f.group_proximity.within) {
            rows.push(vec![
                TableCell::text(format!(
                    "{} {}",
                    self.t("within", "dentro de"),
                    fmt::days(lang, u64::from(own.days))
                )),
                cellv(own.count),
                TableCell::text(share(own.share)),
                cellv(group.count),
                TableCell::text(share(group.share)),
            ]);
        }
        rows.push(vec![
            TableCell::text(self.t("All pairs", "Todos los pares")),
            cellv(f.proximity.pairs),
            TableCell::text(if f.proximity.pairs.is_suppressed() {
                "—".into()
            } else {
                fmt::percent(lang, 1.0)
            }),
            cellv(f.group_proximity.pairs),
            TableCell::text(if f.group_proximity.pairs.is_suppressed() {
                "—".into()
            } else {
                fmt::percent(lang, 1.0)
            }),
        ]);
        self.blocks.push(Block::Table(Table {
            caption,
            header: vec![
                self.t("Window", "Plazo").to_owned(),
                self.t("After own activity", "Tras actividad propia").to_owned(),
                self.t("Share", "Proporción").to_owned(),
                self.t("After a group's activity", "Tras actividad del grupo").to_owned(),
                self.t("Share", "Proporción").to_owned(),
            ],
            numeric: vec![false, true, true, true, true],
            rows,
            total_row: true,
            note: Some(self.t(
                "Group activity: the most recent protected activity of any group the person belongs to (activities naming the group or one of its members), over the pairs whose person belongs to a group.",
                "Actividad del grupo: la actividad protegida más reciente de cualquier grupo al que pertenece la persona (actividades que nombran al grupo o a uno de sus miembros), sobre los pares cuya persona pertenece a un grupo.",
            ).to_owned()),
        }));
        let mut spans = Vec::new();
        for (label, p) in [
            (
                self.t(
                    "After the person's own activity",
                    "Tras la actividad propia",
                ),
                &f.proximity,
            ),
            (
                self.t("After a group's activity", "Tras la actividad del grupo"),
                &f.group_proximity,
            ),
        ] {
            let text = match &p.days {
                Some(q) => {
                    let mut s = format!(
                        "{}: {} {}, {} {} {} {}",
                        label,
                        self.t("median", "mediana"),
                        fmt::days(lang, q.median.round() as u64),
                        self.t("quartiles", "cuartiles"),
                        fmt::decimal(lang, q.q1, 1),
                        self.t("and", "y"),
                        fmt::decimal(lang, q.q3, 1),
                    );
                    if let (Some(min), Some(max)) = (q.min, q.max) {
                        s.push_str(&format!(
                            ", {} {} {} {}",
                            self.t("from", "de"),
                            fmt::decimal(lang, min, 0),
                            self.t("to", "a"),
                            fmt::days(lang, max as u64),
                        ));
                    }
                    s.push_str(&format!(
                        " ({} {} {}). ",
                        self.t("over", "sobre"),
                        fmt::count(lang, q.n),
                        self.t(
                            "pairs with an earlier activity",
                            "pares con una actividad anterior"
                        ),
                    ));
                    s
                }
                None => format!(
                    "{}: {} ",
                    label,
                    self.t(
                        "median and quartiles not given (too few pairs or people).",
                        "no se dan mediana ni cuartiles (muy pocos pares o personas).",
                    )
                ),
            };
            spans.push(Span::plain(text));
        }
        spans.push(Span::plain(format!(
            "{}: {}.",
            self.t(
                "Pairs resting on a date known only to the month or year, or approximate",
                "Pares que dependen de una fecha conocida solo al mes o al año, o aproximada"
            ),
            self.cell(f.proximity.imprecise),
        )));
        self.para(spans);
    }

    fn list_rows(&self, list: &CountList, label: impl Fn(&str) -> String) -> Vec<Vec<TableCell>> {
        let lang = self.lang;
        let mut rows: Vec<(String, Cell, bool)> = list
            .entries()
            .map(|(code, c)| (label(code), c, code == "unknown"))
            .collect();
        // Known values by name, "unknown" last; never by count, so that a
        // suppressed count's place in the order gives nothing away.
        rows.sort_by(|a, b| (a.2, &a.0).cmp(&(b.2, &b.0)));
        let mut out: Vec<Vec<TableCell>> = rows
            .into_iter()
            .map(|(name, c, unknown)| {
                vec![
                    if unknown {
                        TableCell::muted(name)
                    } else {
                        TableCell::text(name)
                    },
                    if c.is_suppressed() {
                        TableCell::muted(fmt::cell(lang, c))
                    } else {
                        TableCell::text(fmt::cell(lang, c))
                    },
                ]
            })
            .collect();
        let total = list.total();
        out.push(vec![
            TableCell::text(self.t("Total", "Total")),
            if total.is_suppressed() {
                TableCell::muted(fmt::cell(lang, total))
            } else {
                TableCell::text(fmt::cell(lang, total))
            },
        ]);
        out
    }

    fn people_table(
        &self,
        caption: String,
        first: &str,
        list: &CountList,
        label: impl Fn(&str) -> String,
    ) -> Block {
        Block::Table(Table {
            caption,
            header: vec![first.to_owned(), self.t("People", "Personas").to_owned()],
            numeric: vec![false, true],
            rows: self.list_rows(list, label),
            total_row: true,
            note: None,
        })
    }

    fn geography(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(1, self.t("Where it happened", "Dónde ocurrió"));
        let states: Vec<(UsState, Cell)> = f
            .by_state
            .entries()
            .filter_map(|(code, c)| UsState::parse("state", code).ok().map(|s| (s, c)))
            .collect();
        let caption = self.figure_caption(self.t(
            "People by the state of their first enforcement action",
            "Personas según el estado de su primera acción de control migratorio",
        ));
        let drawing = tile_map(&TileMap {
            description: self
                .t(
                    "Map of the United States as a grid of equal squares, one per state, shaded by the number of people; suppressed states are hatched and marked as suppressed.",
                    "Mapa de Estados Unidos como una cuadrícula de cuadrados iguales, uno por estado, sombreados según el número de personas; los estados suprimidos están rayados y marcados como suprimidos.",
                )
                .to_owned(),
            states,
            suppressed: fmt::suppressed(lang).to_owned(),
            none: self.t("none documented", "ninguna documentada").to_owned(),
            format: fmt::counter(lang),
            width: CHART_WIDTH,
            min_shown: if self.internal() { 1 } else { f.min_count },
        });
        self.blocks.push(Block::Figure(Figure { caption, drawing }));
        let unknown = f.by_state.get("unknown");
        if unknown != Cell::Shown(0) {
            self.text(format!(
                "{}: {}.",
                self.t(
                    "People whose first enforcement action has no recorded state",
                    "Personas cuya primera acción no tiene estado registrado"
                ),
                self.cell(unknown)
            ));
        }
        let caption = self.table_caption(self.t(
            "People by the ICE field office of their first enforcement action",
            "Personas según la oficina local de ICE de su primera acción de control migratorio",
        ));
        let table = self.people_table(
            caption,
            self.t("Field office", "Oficina local"),
            &f.by_field_office,
            |code| office_label(code, lang),
        );
        self.blocks.push(table);
        self.concentration_paragraph();
    }

    fn concentration_paragraph(&mut self) {
        let lang = self.lang;
        let f = self.f;
        let describe =
            |c: &Concentration, what_en: &str, what_es: &str, label: &dyn Fn(&str) -> String| {
                let mut s = format!(
                    "{}: {}",
                    lang.pick(what_en, what_es),
                    fmt::count(lang, c.distinct),
                );
                if let Some(l) = &c.largest {
                    s.push_str(&format!(
                        "; {} {}, {} {} ({})",
                        lang.pick("the largest is", "con más personas:"),
                        label(&l.label),
                        fmt::count(lang, l.count),
                        lang.pick("people", "personas"),
                        fmt::percent(lang, l.share)
                    ));
                }
                if let Some(h) = c.hhi {
                    s.push_str(&format!(
                        "; {} {}",
                        lang.pick(
                            "Herfindahl–Hirschman index",
                            "índice de Herfindahl-Hirschman"
                        ),
                        fmt::decimal(lang, h, 2)
                    ));
                }
                s
            };
        let offices = describe(&f.offices, "Field offices", "Oficinas locales", &|c| {
            office_label(c, lang)
        });
        let states = describe(
            &f.states,
            "States or territories",
            "Estados o territorios",
            &|c| state_label(c, lang),
        );
        self.text(format!("{offices}. {states}."));
    }

    fn over_time(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(
            1,
            self.t("Over time and by type", "En el tiempo y por tipo"),
        );
        let mut years: Vec<(String, Cell)> = f
            .by_year
            .entries()
            .map(|(y, c)| {
                let label = if y == "unknown" {
                    self.t("unknown", "desconocido").to_owned()
                } else {
                    y.to_owned()
                };
                (label, c)
            })
            .collect();
        years.sort_by(|a, b| a.0.cmp(&b.0));
        self.bar_figure(
            self.t(
                "People by the year of their first enforcement action",
                "Personas según el año de su primera acción de control migratorio",
            ),
            self.t(
                "Bar chart of people by year; suppressed years have no bar.",
                "Gráfico de barras de personas por año; los años suprimidos no tienen barra.",
            ),
            years,
        );
        let caption = self.table_caption(self.t(
            "People by the type of their first enforcement action",
            "Personas según el tipo de su primera acción de control migratorio",
        ));
        let table = self.people_table(
            caption,
            self.t("Type of action", "Tipo de acción"),
            &f.by_type,
            |code| type_label(code, lang),
        );
        self.blocks.push(table);
    }

    fn cases(&mut self) {
        let f = self.f;
        self.heading(1, self.t("Cases", "Casos"));
        let intro = match f.audience {
            Audience::Internal => self.t(
                "The people targeted, shortest interval first, under their pseudonyms, with dates and places as recorded. Accounts are quoted as recorded.",
                "Las personas afectadas, del intervalo más corto al más largo, con su seudónimo y con fechas y lugares tal como constan. Los relatos se citan tal como constan.",
            ),
            Audience::Coalition => self.t(
                "Only people who agreed that their story be shared with the coalition appear here, under pseudonyms. Dates are given by month and places are left out; an account is quoted only when everyone the event names agreed, and as it was recorded.",
                "Aquí aparecen solo personas que aceptaron compartir su relato con la coalición, con seudónimo. Las fechas se dan por mes y se omiten los lugares; un relato se cita solo si todas las personas que nombra el evento lo aceptaron, y tal como consta.",
            ),
            Audience::Public => self.t(
                "Only people who agreed that their de-identified story be published appear here, under pseudonyms. Dates are given by month and places are left out; an account is quoted only when everyone the event names agreed, and as it was recorded.",
                "Aquí aparecen solo personas que aceptaron que se publique su relato sin datos que las identifiquen, con seudónimo. Las fechas se dan por mes y se omiten los lugares; un relato se cita solo si todas las personas que nombra el evento lo aceptaron, y tal como consta.",
            ),
        };
        self.text(intro);
        if f.vignettes.is_empty() {
            self.text(self.t(
                "No case can be described for this audience.",
                "No hay casos que puedan describirse para estos destinatarios.",
            ));
        }
        for v in &f.vignettes {
            self.vignette(v);
        }
    }

    fn vignette(&mut self, v: &Vignette) {
        let lang = self.lang;
        let heading = match &v.person {
            Some(id) => format!("{} ({id})", v.pseudonym),
            None => v.pseudonym.clone(),
        };
        self.heading(3, heading);
        if let Some(d) = v.closest_days {
            self.para(vec![Span::italic(format!(
                "{}: {}.",
                self.t(
                    "Shortest interval from a protected activity to an enforcement action",
                    "Intervalo más corto entre una actividad protegida y una acción"
                ),
                fmt::days(lang, u64::from(d))
            ))]);
        }
        let mut items: Vec<Vec<Span>> = Vec::new();
        for step in &v.steps {
            let mut s = format!(
                "{} — {} ({}",
                fmt::date(lang, &step.date),
                step.event_type.label(lang),
                match step.kind {
                    EventKind::ProtectedActivity =>
                        self.t("protected activity", "actividad protegida"),
                    EventKind::EnforcementAction => self.t("enforcement", "control migratorio"),
                },
            );
            s.push_str(&format!("; {}", step.role.label(lang).to_lowercase()));
            if let Some(state) = step.state {
                s.push_str(&format!("; {}", state.name(lang)));
            }
            if let Some(office) = step.field_office {
                s.push_str(&format!(
                    "; {} {}",
                    self.t("field office", "oficina local"),
                    office.name(lang)
                ));
            }
            if let Some(id) = &step.event {
                s.push_str(&format!("; {id}"));
            }
            s.push(')');
            let mut spans = vec![Span::plain(s)];
            if let Some(d) = step.days_since_activity {
                spans.push(Span::plain(", "));
                spans.push(Span::bold(format!(
                    "{} {}",
                    fmt::days(lang, u64::from(d)),
                    self.t(
                        "after their latest protected activity",
                        "después de su actividad protegida más reciente"
                    )
                )));
            }
            spans.push(Span::plain("."));
            items.push(spans);
            if step.narrative.is_some() || !step.exhibits.is_empty() {
                self.blocks.push(Block::Bullets(std::mem::take(&mut items)));
            }
            if let Some(n) = &step.narrative {
                self.blocks.push(Block::Quote(n.clone()));
            }
            if !step.exhibits.is_empty() {
                let cites: Vec<&str> = step.exhibits.iter().map(|e| e.citation.as_str()).collect();
                self.para(vec![
                    Span::italic(format!("{}: ", self.t("Exhibits", "Pruebas documentales"))),
                    Span::plain(cites.join("; ")),
                ]);
            }
        }
        if !items.is_empty() {
            self.blocks.push(Block::Bullets(items));
        }
    }

    fn appendix(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(1, self.t("Data appendix", "Apéndice de datos"));
        self.text(self.t(
            "The counts behind the figures, with the same suppression. Labels are the vocabulary's and the USPS and ICE codes.",
            "Los conteos detrás de las figuras, con la misma supresión. Las etiquetas son las del vocabulario y los códigos de USPS y de ICE.",
        ));
        let caption = self.appendix_caption(self.t(
            "People by the state of their first enforcement action (Figure 2)",
            "Personas según el estado de su primera acción (figura 2)",
        ));
        let t = self.people_table(caption, self.t("State", "Estado"), &f.by_state, |c| {
            state_label(c, lang)
        });
        self.blocks.push(t);
        let caption = self.appendix_caption(self.t(
            "People by the year of their first enforcement action (Figure 3)",
            "Personas según el año de su primera acción (figura 3)",
        ));
        let unknown = self.t("unknown", "desconocido").to_owned();
        let t = self.people_table(caption, self.t("Year", "Año"), &f.by_year, |c| {
            if c == "unknown" {
                unknown.clone()
            } else {
                c.to_owned()
            }
        });
        self.blocks.push(t);
        let caption = self.appendix_caption(self.t(
            "People by shortest interval (Figure 1)",
            "Personas según el intervalo más corto (figura 1)",
        ));
        let rows = self.interval_rows(&f.people_by_interval, true);
        self.blocks.push(Block::Table(Table {
            caption,
            header: vec![
                self.t("Interval", "Intervalo").to_owned(),
                self.t("People", "Personas").to_owned(),
            ],
            numeric: vec![false, true],
            rows,
            total_row: true,
            note: None,
        }));
        let caption = self.appendix_caption(self.t(
            "Action–person pairs by days since the person's own latest protected activity",
            "Pares de acción y persona según los días desde la actividad protegida más reciente de la persona",
        ));
        let rows = self.interval_rows(&f.proximity.intervals, false);
        self.blocks.push(Block::Table(Table {
            caption,
            header: vec![
                self.t("Interval", "Intervalo").to_owned(),
                self.t("Pairs", "Pares").to_owned(),
            ],
            numeric: vec![false, true],
            rows,
            total_row: true,
            note: None,
        }));
        let caption = self.appendix_caption(self.t("Parameters", "Parámetros"));
        let (perms, seed, cap) = match &f.chance {
            ChanceTest::Done(t) => (
                fmt::count(lang, u64::from(t.permutations)),
                t.seed.to_string(),
                fmt::days(lang, u64::from(t.cap_days)),
            ),
            _ => ("—".into(), "—".into(), "—".into()),
        };
        let rows = vec![
            vec![
                TableCell::text(self.t("Audience", "Destinatarios")),
                TableCell::text(audience_name(f.audience, lang)),
            ],
            vec![
                TableCell::text(self.t("Smallest count shown", "Menor conteo publicado")),
                TableCell::text(if self.internal() {
                    self.t("no suppression", "sin supresión").to_owned()
                } else {
                    self.k()
                }),
            ],
            vec![
                TableCell::text(self.t("Consent read on", "Consentimiento leído el")),
                TableCell::text(fmt::day(lang, f.as_of)),
            ],
            vec![
                TableCell::text(self.t("Permutations", "Permutaciones")),
                TableCell::text(perms),
            ],
            vec![
                TableCell::text(self.t("Seed", "Semilla")),
                TableCell::text(seed),
            ],
            vec![
                TableCell::text(self.t("Cap on days", "Límite de días")),
                TableCell::text(cap),
            ],
            vec![
                TableCell::text(self.t("Event-type vocabulary", "Vocabulario de tipos de evento")),
                TableCell::text(format!("v{}", Vocabulary::get().version)),
            ],
            vec![
                TableCell::text(self.t("Software", "Programa")),
                TableCell::text(format!("Testimonio {}", env!("CARGO_PKG_VERSION"))),
            ],
        ];
        self.blocks.push(Block::Table(Table {
            caption,
            header: vec![
                self.t("Parameter", "Parámetro").to_owned(),
                self.t("Value", "Valor").to_owned(),
            ],
            numeric: vec![false, false],
            rows,
            total_row: false,
            note: None,
        }));
    }

    fn interval_rows(&self, list: &CountList, people: bool) -> Vec<Vec<TableCell>> {
        let lang = self.lang;
        let cell = |c: Cell| {
            if c.is_suppressed() {
                TableCell::muted(fmt::cell(lang, c))
            } else {
                TableCell::text(fmt::cell(lang, c))
            }
        };
        let mut rows: Vec<Vec<TableCell>> = INTERVALS
            .iter()
            .map(|code| {
                vec![
                    TableCell::text(self.interval_label(code, people)),
                    cell(list.get(code)),
                ]
            })
            .collect();
        rows.push(vec![
            TableCell::text(self.t("Total", "Total")),
            cell(list.total()),
        ]);
        rows
    }
}

/// "San Antonio (SNA)", or the word for unknown.
pub fn office_label(code: &str, lang: Lang) -> String {
    match FieldOffice::parse("field_office", code) {
        Ok(o) => format!("{} ({})", o.name(lang), o.code()),
        Err(_) => lang.pick("unknown", "desconocida").to_owned(),
    }
}

/// "Texas (TX)", or the word for unknown.
pub fn state_label(code: &str, lang: Lang) -> String {
    match UsState::parse("state", code) {
        Ok(s) => format!("{} ({})", s.name(lang), s.code()),
        Err(_) => lang.pick("unknown", "desconocido").to_owned(),
    }
}

/// The vocabulary's label of a type code.
pub fn type_label(code: &str, lang: Lang) -> String {
    match EventType::parse("event_type", code) {
        Ok(t) => t.label(lang).to_owned(),
        Err(_) => lang.pick("unknown", "desconocido").to_owned(),
    }
}
