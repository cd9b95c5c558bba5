//! The findings as text for a terminal, from the catalog.

use testimonio_analysis::{Audience, Cell};
use testimonio_domain::Lang;
use testimonio_report::compose::{office_label, state_label, type_label};
use testimonio_report::findings::{ChanceTest, Concentration, CountList, PublishedProximity};
use testimonio_report::{Findings, fmt};

/// Wraps `text` at 76 columns, each line indented by `indent`.
fn wrapped(text: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > 76 {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The findings as text for a terminal, in `lang`.
pub fn summary(lang: Lang, f: &Findings) -> String {
    let t = |en: &'static str, es: &'static str| lang.pick(en, es);
    let c = |cell: Cell| fmt::cell(lang, cell);
    let mut out = String::new();
    let audience = match f.audience {
        Audience::Internal => t(
            "internal, nothing suppressed",
            "uso interno, nada suprimido",
        ),
        Audience::Coalition => t("coalition", "coalición"),
        Audience::Public => t("public", "público"),
    };
    out.push_str(&format!(
        "{} ({}: {audience}",
        t("Pattern analysis", "Análisis del patrón"),
        t("audience", "destinatarios"),
    ));
    if f.audience != Audience::Internal {
        out.push_str(&match lang {
            Lang::En => format!("; counts of fewer people than {} suppressed", f.min_count),
            Lang::Es => format!(
                "; suprimidos los conteos de menos personas que {}",
                f.min_count
            ),
        });
    }
    out.push_str(&format!(
        ")\n{} {}\n\n",
        t("Consent read on", "Consentimiento leído el"),
        f.as_of
    ));
    let p = &f.population;
    for (label, cell) in [
        (t("People counted", "Personas contadas"), p.people),
        (
            t(
                "  targeted by an enforcement action",
                "  afectadas por una acción de control",
            ),
            p.people_targeted,
        ),
        (
            t("Enforcement actions", "Acciones de control migratorio"),
            p.enforcement_actions,
        ),
        (
            t("Protected activities", "Actividades protegidas"),
            p.protected_activities,
        ),
    ] {
        out.push_str(&format!("{label:<38} {:>10}\n", c(cell)));
    }
    out.push('\n');
    out.push_str(&proximity_text(
        lang,
        &f.proximity,
        t(
            "Days from the person's own latest protected activity to an enforcement action against them",
            "Días desde la actividad protegida más reciente de la persona hasta una acción en su contra",
        ),
    ));
    out.push_str(&proximity_text(
        lang,
        &f.group_proximity,
        t(
            "The same from the latest protected activity of any of the person's groups",
            "Lo mismo desde la actividad protegida más reciente de cualquiera de sus grupos",
        ),
    ));
    out.push_str(&chance_text(lang, &f.chance));
    out.push_str(&format!(
        "{}\n",
        t(
            "Spread (people, each by their first enforcement action)",
            "Extensión (personas, cada una según su primera acción de control)"
        )
    ));
    out.push_str(&concentration_text(
        lang,
        t("field offices", "oficinas locales"),
        &f.offices,
        &|code| office_label(code, lang),
    ));
    out.push_str(&concentration_text(
        lang,
        t("states", "estados"),
        &f.states,
        &|code| state_label(code, lang),
    ));
    let code = |c: &str| c.to_owned();
    out.push_str(&list_text(
        lang,
        t("By field office", "Por oficina local"),
        &f.by_field_office,
        &code,
    ));
    out.push_str(&list_text(
        lang,
        t("By state", "Por estado"),
        &f.by_state,
        &code,
    ));
    out.push_str(&list_text(lang, t("By year", "Por año"), &f.by_year, &code));
    out.push_str(&list_text(
        lang,
        t("By type of action", "Por tipo de acción"),
        &f.by_type,
        &|c| type_label(c, lang),
    ));
    if f.audience != Audience::Internal {
        out.push('\n');
        out.push_str(&wrapped(
            t(
                "\"suppressed\": fewer people than the threshold, or hidden so that another count cannot be worked out.",
                "\"suprimido\": menos personas que el umbral, u ocultado para que otro conteo no pueda deducirse.",
            ),
            "",
        ));
    }
    out
}

fn proximity_text(lang: Lang, p: &PublishedProximity, title: &str) -> String {
    let t = |en: &'static str, es: &'static str| lang.pick(en, es);
    let mut out = wrapped(title, "");
    let Cell::Shown(pairs) = p.pairs else {
        out.push_str(&format!(
            "  {}\n\n",
            t(
                "suppressed: too few pairs or people",
                "suprimido: muy pocos pares o personas"
            )
        ));
        return out;
    };
    out.push_str(&format!(
        "  ({}: {} {})\n",
        t("denominator", "denominador"),
        fmt::count(lang, pairs),
        t("action–person pairs", "pares de acción y persona"),
    ));
    for w in &p.within {
        let share = w
            .share
            .map_or_else(|| "—".to_owned(), |s| fmt::percent(lang, s));
        out.push_str(&format!(
            "  {} {:>3} {}  {:>10} {} {:<6} {:>8}\n",
            t("within", "dentro de"),
            w.days,
            t("days", "días"),
            fmt::cell(lang, w.count),
            t("of", "de"),
            fmt::cell(lang, w.denominator),
            share,
        ));
    }
    if let Some(q) = &p.days {
        let mut line = format!(
            "  {} {} {}; {} {} {} {}",
            t("median", "mediana"),
            fmt::decimal(lang, q.median, 1),
            t("days", "días"),
            t("quartiles", "cuartiles"),
            fmt::decimal(lang, q.q1, 1),
            t("and", "y"),
            fmt::decimal(lang, q.q3, 1),
        );
        if let (Some(min), Some(max)) = (q.min, q.max) {
            line.push_str(&format!(
                "; {} {}, {} {}",
                t("min", "mín."),
                fmt::decimal(lang, min, 0),
                t("max", "máx."),
                fmt::decimal(lang, max, 0)
            ));
        }
        line.push_str(&format!(
            " ({} {} {})\n",
            t("over", "sobre"),
            fmt::count(lang, q.n),
            t(
                "pairs with an earlier activity",
                "pares con actividad anterior"
            )
        ));
        out.push_str(&line);
    }
    out.push_str(&format!(
        "  {}: {}; {}: {}\n\n",
        t(
            "no earlier protected activity",
            "sin actividad protegida anterior"
        ),
        fmt::cell(lang, p.intervals.get("none")),
        t(
            "resting on an imprecise date",
            "que dependen de una fecha imprecisa"
        ),
        fmt::cell(lang, p.imprecise),
    ));
    out
}

fn chance_text(lang: Lang, chance: &ChanceTest) -> String {
    let t = |en: &'static str, es: &'static str| lang.pick(en, es);
    match chance {
        ChanceTest::Done(r) => {
            let mut out = format!(
                "{}: {} ({}, {} {}, {} {}, {} {})\n",
                t("Test against chance", "Prueba frente al azar"),
                fmt::p_equation(lang, r.p_value),
                t("permutation test", "prueba de permutaciones"),
                fmt::count(lang, u64::from(r.permutations)),
                t("permutations", "permutaciones"),
                t("seed", "semilla"),
                r.seed,
                t("days capped at", "días limitados a"),
                r.cap_days,
            );
            out.push_str(&format!(
                "  {}: {} {}; {} {} ({} {} {} {})\n",
                t("mean capped days", "promedio de días limitados"),
                fmt::decimal(lang, r.observed_mean_days, 1),
                t("observed", "observado"),
                fmt::decimal(lang, r.null_mean_days, 1),
                t("by chance", "por azar"),
                t(
                    "95% of permutations between",
                    "el 95 % de las permutaciones entre"
                ),
                fmt::decimal(lang, r.null_percentile_2_5, 1),
                t("and", "y"),
                fmt::decimal(lang, r.null_percentile_97_5, 1),
            ));
            out.push_str(&wrapped(
                &format!("{}: {}", t("Method", "Método"), r.method.get(lang)),
                "  ",
            ));
            out.push('\n');
            out
        }
        ChanceTest::NothingToTest => format!(
            "{}: {}\n\n",
            t("Test against chance", "Prueba frente al azar"),
            t(
                "nothing to test (no enforcement action names a targeted person)",
                "nada que probar (ninguna acción nombra a una persona afectada)"
            )
        ),
        ChanceTest::Withheld => format!(
            "{}: {}\n\n",
            t("Test against chance", "Prueba frente al azar"),
            t(
                "suppressed (too few people for this audience)",
                "suprimida (muy pocas personas para estos destinatarios)"
            )
        ),
    }
}

fn concentration_text(
    lang: Lang,
    what: &str,
    c: &Concentration,
    label: &dyn Fn(&str) -> String,
) -> String {
    let t = |en: &'static str, es: &'static str| lang.pick(en, es);
    let mut line = format!("  {what}: {}", c.distinct);
    match &c.largest {
        Some(l) => line.push_str(&format!(
            "; {}: {}, {} {}, {}",
            t("largest", "la mayor"),
            label(&l.label),
            fmt::count(lang, l.count),
            t("people", "personas"),
            fmt::percent(lang, l.share),
        )),
        None if c.distinct > 0 => line.push_str(&format!(
            "; {}",
            t(
                "largest share not published (it could reveal a suppressed count)",
                "proporción mayor no publicada (podría revelar un conteo suprimido)"
            )
        )),
        None => {}
    }
    match c.hhi {
        Some(h) => line.push_str(&format!("; HHI {}", fmt::decimal(lang, h, 3))),
        None if c.distinct > 0 => {
            line.push_str(&format!("; HHI {}", t("not published", "no publicado")))
        }
        None => {}
    }
    line.push('\n');
    line
}

/// One list on a line or a few: `LABEL COUNT, …` and its total.
fn list_text(lang: Lang, title: &str, list: &CountList, label: &dyn Fn(&str) -> String) -> String {
    let mut out = format!("  {title}:");
    if list.labels().is_empty() {
        out.push_str(" —\n");
        return out;
    }
    let items: Vec<String> = list
        .entries()
        .map(|(code, cell)| {
            let name = if code == "unknown" {
                lang.pick("unknown", "desconocido").to_owned()
            } else {
                label(code)
            };
            format!("{name} {}", fmt::cell(lang, cell))
        })
        .collect();
    out.push('\n');
    out.push_str(&wrapped(&items.join(", "), "    "));
    out.push_str(&format!(
        "    {}: {}\n",
        lang.pick("total", "total"),
        fmt::cell(lang, list.total())
    ));
    out
}
