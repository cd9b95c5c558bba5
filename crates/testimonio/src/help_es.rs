//! Spanish help for every command and option. clap's derive keeps one
//! language, so the Spanish texts are applied to the built command tree;
//! a test walks that tree so no new command or option can lack them.

use clap::{Arg, ArgAction, Command};

/// Spanish "about" for a command, by its path (`""` is the root).
fn about(path: &str) -> Option<&'static str> {
    Some(match path {
        "" => "Documentación y evidencia cifradas para organizaciones de derechos de inmigrantes",
        "init" => "Crea una bóveda nueva.",
        "passwd" => "Cambia la frase de contraseña (no se vuelve a cifrar nada).",
        "import" => "Importa JSON Lines o un directorio CSV (idempotente por id).",
        "export" => "Exporta todo, con identidades (queda auditado).",
        "events" => "Eventos.",
        "events list" => "Lista eventos, del más antiguo al más reciente.",
        "people" => "Personas (solo seudónimos).",
        "people list" => "Lista personas por seudónimo (sin datos de identidad).",
        "person" => "Una persona.",
        "person show" => "Muestra una persona con sus datos de identidad (queda auditado).",
        "document" => "Archivos originales.",
        "document add" => {
            "Guarda un archivo original (idéntico byte a byte, con hash, sin duplicados)."
        }
        "document get" => "Escribe un original, verificando su hash (queda auditado).",
        "document show" => "Metadatos, páginas, estado y cadena de custodia.",
        "document text" => "El texto de una página (queda auditado).",
        "search" => {
            "Busca en cada página de documento y cada relato de evento (vea `testimonio search --help` para el lenguaje de consulta)."
        }
        "reindex" => "Reconstruye el índice de búsqueda a partir de la bóveda.",
        "packet" => {
            "El paquete del caso de una persona (interno): cronología, fuentes, extractos por prueba y página, manifiesto de hashes SHA-256. Lee la identidad (queda auditado)."
        }
        "watchlist" => {
            "Consultas guardadas que se vuelven a ejecutar tras cada ingreso; sus resultados nuevos esperan revisión."
        }
        "watchlist add" => "Guarda una consulta (se ejecuta enseguida y tras cada ingreso).",
        "watchlist list" => "Las listas de seguimiento con sus resultados pendientes.",
        "watchlist run" => "Ejecuta ahora cada lista de seguimiento activa.",
        "watchlist hits" => "Resultados por revisar (los más nuevos primero).",
        "watchlist accept" => {
            "Acepta un resultado: la oración alrededor de la coincidencia se vuelve un extracto."
        }
        "watchlist dismiss" => "Descarta un resultado.",
        "excerpt" => {
            "Pasajes exactos de páginas de documentos, etiquetados y vinculados a eventos y personas."
        }
        "excerpt add" => "Registra un pasaje: documento, página y rango de caracteres.",
        "excerpt list" => "Extractos, por evento, persona, documento o etiqueta.",
        "ingest" => {
            "Ingresa evidencia: originales con el texto de cada página (capa de texto del PDF u OCR, imágenes, correo, HTML, texto). Estado de salida 4 si algún archivo no se leyó por completo."
        }
        "documents" => "Documentos guardados.",
        "documents list" => "Lista los documentos guardados.",
        "check" => "Verifica la base de datos, el hash de cada archivo y la cadena de auditoría.",
        "audit" => "El registro de auditoría.",
        "audit log" => "Muestra las entradas más recientes y verifica la cadena.",
        "audit fingerprint" => {
            "La huella de una consulta de búsqueda, tal como la registran las entradas `search` del registro de auditoría (el registro nunca guarda la consulta)."
        }
        "backup" => "Escribe un archivo de copia de seguridad cifrado.",
        "restore" => "Restaura una copia de seguridad en una bóveda nueva (verificada).",
        "vocabulary" => "El vocabulario de tipos de evento.",
        "key" => "Claves.",
        "key age-identity" => {
            "Muestra la identidad age que descifra los archivos con la herramienta `age` estándar (queda auditado)."
        }
        "demo" => "Crea una bóveda con datos ficticios de demostración y la sirve en la web.",
        "analyze" => {
            "Análisis del patrón: proximidad temporal entre la actividad protegida y las acciones de control, una prueba frente al azar y la extensión por oficinas y estados."
        }
        "report" => {
            "Escribe un informe del patrón (HTML o PDF) para unos destinatarios, con los conteos pequeños suprimidos y solo lo que el consentimiento permite (queda auditado). Su idioma es el de --lang."
        }
        "user" => "Cuentas de la aplicación web.",
        "user add" => "Crea una cuenta.",
        "user passwd" => {
            "Cambia la contraseña de una cuenta: cierra sus sesiones web, revoca sus tokens de la API y levanta sus esperas de inicio de sesión y de segundo paso."
        }
        "user disable" => {
            "Desactiva una cuenta: sus sesiones web terminan en el acto y sus tokens de la API dejan de funcionar."
        }
        "user enable" => "Activa una cuenta desactivada.",
        "user list" => "Lista las cuentas.",
        "user token" => {
            "Emite un token de la API para una cuenta (se muestra una sola vez); con --list, lista sus tokens; con --revoke ID, revoca uno."
        }
        "serve" => "Desbloquea la bóveda y sirve la aplicación web.",
        "foia" => "Solicitudes FOIA y sus plazos legales.",
        "foia add" => "Registra una solicitud.",
        "foia list" => "Lista las solicitudes con su próximo plazo.",
        "foia show" => "Una solicitud con cada fecha calculada y cómo se calculó.",
        "foia update" => {
            "Cambia una solicitud: estado, fechas, suspensión, prórroga, resolución, apelación."
        }
        "foia link" => {
            "Vincula a una solicitud una entrega (un documento guardado, con su rango Bates) o un evento."
        }
        "foia calendar" => "Todos los plazos como archivo iCalendar (RFC 5545).",
        "foia letter" => "Una carta de solicitud o de apelación, como texto editable.",
        _ => return None,
    })
}

/// Spanish help for an option, by command path and option id; options
/// that mean the same everywhere are found by id alone.
fn arg_help(path: &str, id: &str) -> Option<&'static str> {
    Some(match (path, id) {
        (_, "vault") => "El directorio de la bóveda.",
        (_, "passphrase_file") => {
            "Lee la frase de contraseña de este archivo en vez de preguntarla."
        }
        (_, "lang") => "Idioma de los mensajes: en o es (por omisión, según LANG).",
        (_, "json") => "Salida legible por máquina (JSON).",
        (_, "help") => "Muestra esta ayuda.",
        (_, "version") => "Muestra la versión.",
        (_, "recovery") => {
            "Desbloquea con la clave de recuperación (se pregunta) en vez de la frase de contraseña."
        }
        (_, "recovery_key_file") => {
            "Desbloquea con la clave de recuperación leída de este archivo."
        }
        ("init", "kdf_memory_mib") => {
            "Memoria de Argon2id en MiB (64 por omisión; menos solo para pruebas)."
        }
        ("init", "kdf_passes") => "Pasadas de Argon2id.",
        ("passwd", "new_passphrase_file") => {
            "Lee la nueva frase de contraseña de este archivo en vez de preguntarla."
        }
        ("import", "file") => {
            "Un archivo .jsonl, `-` para la entrada estándar, o un directorio con groups.csv, people.csv, events.csv."
        }
        ("export", "format") => "Formato: jsonl o csv.",
        ("export", "out") => {
            "Archivo de salida (jsonl; por omisión la salida estándar) o directorio (csv; obligatorio)."
        }
        ("events list", "kind") => "protected_activity o enforcement_action.",
        ("events list", "event_type") => "Un código del vocabulario (vea `testimonio vocabulary`).",
        ("events list", "state") => "Código postal del estado (USPS).",
        ("events list", "field_office") => "Código de la oficina local de ICE ERO.",
        ("events list" | "people list", "group") => "Solo los de este grupo.",
        ("events list", "person") => "Solo los de esta persona.",
        ("events list", "from") => "Desde este día (AAAA-MM-DD).",
        ("events list", "to") => "Hasta este día (AAAA-MM-DD).",
        ("events list", "verification") => "reported, corroborated o documented.",
        ("events list", "limit") => "Cuántos mostrar como máximo.",
        ("events list", "offset") => "Cuántos saltar desde el principio.",
        ("people list", "consent") => {
            "Solo personas cuyo consentimiento de hoy sea al menos este nivel."
        }
        ("person show" | "document get" | "document show", "id") => "El identificador.",
        ("document add", "files") => "Los archivos a guardar.",
        ("document text", "id") => "El identificador.",
        ("search", "query") => {
            "Palabras, \"frases\", \"frase\"~5, a NEAR/5 b, prefijo*, nombre~1 o nombre~2, AND / OR / NOT / -palabra, paréntesis, exact:\"José Peña\", y filtros kind: source: foia: doc: date:2017..2019 person: group: lang:"
        }
        ("search", "limit") => "Resultados por página.",
        ("demo", "documents") => {
            "Ingresa también estos documentos reales (archivos o carpetas), para que las páginas de documentos, búsqueda y listas de seguimiento tengan algo que mostrar."
        }
        ("packet", "person") => "El identificador de la persona.",
        ("packet", "out") => "El archivo a escribir.",
        ("packet", "format") => "pdf o html.",
        ("packet", "exhibits_dir") => {
            "Escribe también aquí los originales citados, como \"Exhibit NN - nombre\" (idénticos, queda auditado)."
        }
        ("watchlist add", "name") => "Un nombre corto.",
        ("audit fingerprint", "query") => "La consulta, tal como se buscó.",
        ("watchlist add", "query") => "La consulta (el mismo lenguaje que `testimonio search`).",
        ("watchlist add", "purpose") => "Por qué se sigue.",
        ("watchlist hits", "watchlist") => "Solo los de esta lista.",
        ("watchlist hits", "all") => "También los ya revisados.",
        ("watchlist hits", "limit") => "Cuántos mostrar como máximo.",
        ("watchlist accept" | "watchlist dismiss", "hit") => "El número del resultado.",
        ("watchlist accept" | "excerpt add", "tag") => {
            "Una etiqueta (animus, surveillance, protest_monitoring, targeting_leader, …); repetible."
        }
        ("watchlist accept" | "excerpt add", "event") => {
            "Un evento del que el pasaje es evidencia; repetible."
        }
        ("watchlist accept" | "excerpt add", "person") => {
            "Una persona de la que trata el pasaje; repetible."
        }
        ("excerpt add", "document") => "El identificador del documento.",
        ("excerpt add", "page") => "Número de página, desde 1.",
        ("excerpt add", "from") => "Primer carácter del pasaje en el texto de la página (desde 0).",
        ("excerpt add", "to") => "El carácter siguiente al último del pasaje.",
        ("excerpt add", "note") => "Una nota.",
        ("excerpt list", "event") => "Solo los vinculados a este evento.",
        ("excerpt list", "person") => "Solo los vinculados a esta persona.",
        ("excerpt list", "document") => "Solo los de este documento.",
        ("excerpt list", "tag") => "Solo los que tienen esta etiqueta.",
        ("search", "offset") => "Resultados a saltar (para las páginas siguientes).",
        ("document text", "page") => "Número de página, desde 1.",
        ("ingest", "paths") => "Archivos y carpetas (se recorren recursivamente).",
        ("ingest" | "documents list", "source_kind") => {
            "foia_production, court_record, email, photo, interview, news u other."
        }
        ("ingest", "foia") => "La solicitud FOIA a la que responden estos documentos.",
        ("documents list", "foia") => "Solo documentos entregados por esta solicitud FOIA.",
        ("documents list", "status") => "stored, ok, partial o failed.",
        ("ingest", "custodian") => "Quién tenía los archivos antes de llegar a la bóveda.",
        ("ingest", "obtained_on") => "El día en que se obtuvieron los archivos (AAAA-MM-DD).",
        ("ingest", "bates_prefix") => {
            "El prefijo Bates sellado en las páginas (p. ej., \"ICE 2024-ICLI\")."
        }
        ("ingest", "ocr_lang") => {
            "Idiomas del OCR, códigos de Tesseract unidos por + (--lang elige el idioma de los mensajes)."
        }
        ("ingest", "jobs") => {
            "Archivos leídos y procesos de OCR a la vez (por omisión, uno por núcleo)."
        }
        ("ingest", "file_timeout") => "Segundos que puede tardar un archivo, con OCR y adjuntos.",
        ("document get", "out") => "El archivo a escribir.",
        ("audit log", "limit") => "Cuántas entradas mostrar.",
        ("backup", "out") => "El archivo de copia de seguridad a escribir.",
        ("restore", "backup") => "El archivo de copia de seguridad.",
        ("foia add", "agency") => "ice, cbp, uscis, dhs, eoir, doj, fbi, dos, …",
        ("foia add", "subject") => "El asunto de la solicitud.",
        ("foia add" | "foia update", "received") => {
            "El día en que el componente correspondiente recibió la solicitud (AAAA-MM-DD)."
        }
        ("foia add" | "foia update", "sent") => "El día en que se envió.",
        ("foia add" | "foia update", "tracking") => "El número de seguimiento de la agencia.",
        ("foia add", "component") => "El componente (p. ej., la oficina FOIA de ICE).",
        ("foia add", "expedited") => "Se pidió trámite acelerado.",
        ("foia add", "id") => "Un id para la solicitud (por omisión, generado).",
        ("foia list", "overdue") => "Solo solicitudes con un plazo vencido.",
        ("foia list", "due_within") => {
            "Solo solicitudes con un plazo dentro de esta cantidad de días."
        }
        ("foia show" | "foia update" | "foia letter", "id") => "El identificador de la solicitud.",
        ("foia update", "status") => {
            "drafted, submitted, acknowledged, clarification_requested, fee_dispute, processing, …"
        }
        ("foia update", "perfected") => "El día en que la agencia consideró completa la solicitud.",
        ("foia update", "toll") => {
            "Un periodo de suspensión: TIPO:DESDE[..HASTA], TIPO clarification o fee_dispute."
        }
        ("foia update", "extension_notified") => {
            "El día en que la agencia notificó una prórroga por circunstancias inusuales."
        }
        ("foia update", "determination") => {
            "La resolución de la agencia: RESULTADO:FECHA (p. ej., partial_release:2025-03-01)."
        }
        ("foia update", "appeal_filed") => "El día en que se presentó la apelación administrativa.",
        ("foia update", "appeal_received") => "El día en que la agencia recibió la apelación.",
        ("foia update", "appeal_decided") => "El día en que se resolvió la apelación.",
        ("foia update", "note") => "Una comunicación: FECHA:in|out:RESUMEN.",
        ("foia calendar", "out") => "El archivo a escribir.",
        ("foia link", "id") => "El identificador de la solicitud.",
        ("foia link", "document") => {
            "El id de un documento guardado (`testimonio documents list`)."
        }
        ("foia link", "bates") => "El rango Bates de la entrega: PRIMERO..ÚLTIMO.",
        ("foia link", "received") => "El día en que llegó la entrega (AAAA-MM-DD).",
        ("foia link", "event") => "El id de un evento.",
        ("foia letter", "out") => {
            "El archivo a escribir; `.pdf` escribe un PDF, cualquier otro, texto."
        }
        ("foia letter", "kind") => "request (solicitud) o appeal (apelación).",
        ("foia letter", "signatory") => "El nombre con que se firma la carta.",
        ("demo", "events") => "Cantidad de eventos de la demostración (400 por omisión).",
        ("demo" | "serve", "addr") => "Dirección en la que escuchar.",
        ("demo", "no_serve") => "Crea la bóveda y muestra su contenido, sin servirla.",
        ("serve", "secure_cookies") => "Marca las cookies como Secure (con un proxy TLS delante).",
        ("serve", "trusted_proxies") => {
            "Un proxy inverso delante del servidor (una dirección IP o una red CIDR; repetible): desde él, el cliente es la última dirección de X-Forwarded-For que no sea a su vez un proxy de confianza, y los límites por dirección cuentan ese cliente. Desde cualquier otro par la cabecera se ignora."
        }
        ("user token", "label") => "Para qué es el token.",
        ("user token", "expires_in") => "Días hasta que vence el token nuevo (de 1 a 3650).",
        ("user token", "list") => {
            "Lista los tokens de la cuenta: id, emisión, vencimiento, último uso, estado (nunca los tokens)."
        }
        ("user token", "revoke") => {
            "Revoca el token con este id (vea --list): deja de funcionar en el acto."
        }
        (
            "user add" | "user passwd" | "user disable" | "user enable" | "user token",
            "username",
        ) => "El nombre de la cuenta.",
        ("user add", "role") => "admin, coordinator, documenter, analyst o viewer.",
        ("user add" | "user passwd", "password_file") => {
            "Lee la contraseña de este archivo en vez de preguntarla."
        }
        ("analyze" | "report", "audience") => {
            "internal, coalition o public: solo se cuenta a las personas cuyo consentimiento lo permite; para coalition y public se suprimen los conteos pequeños."
        }
        ("analyze" | "report", "min_count") => {
            "Se suprimen los conteos de menos personas que este número (coalition, public)."
        }
        ("analyze" | "report", "permutations") => "Permutaciones de la prueba frente al azar.",
        ("analyze" | "report", "seed") => {
            "Semilla de la prueba frente al azar (la misma semilla da el mismo valor p)."
        }
        ("report", "format") => "pdf o html.",
        ("report", "out") => "El archivo a escribir.",
        ("report", "max_cases") => "Como máximo esta cantidad de casos.",
        _ => return None,
    })
}

/// Applies the Spanish texts to `cmd` and all its subcommands.
pub fn localize(cmd: Command) -> Command {
    localize_at(cmd, "")
}

fn localize_at(mut cmd: Command, path: &str) -> Command {
    if let Some(text) = about(path) {
        cmd = cmd.about(text).long_about(None::<&str>);
    }
    cmd = cmd
        .help_template("{about-with-newline}\nUso: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Comandos")
        .next_help_heading("Opciones")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(path.is_empty()),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = arg_help(path, &id);
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let a = a.help_heading("Opciones");
            match help {
                Some(h) => a.help(h).long_help(None::<&str>),
                None => a,
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize_at(s, &sub_path));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
        if about(path).is_none() {
            missing.push(format!("about of `{path}`"));
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if arg_help(path, id).is_none() {
                missing.push(format!("`{path}` --{id}"));
            }
        }
        for s in cmd.get_subcommands() {
            let sub = if path.is_empty() {
                s.get_name().to_owned()
            } else {
                format!("{path} {}", s.get_name())
            };
            walk(s, &sub, missing);
        }
    }

    #[test]
    fn every_command_and_option_has_spanish_help() {
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "missing Spanish help: {missing:#?}");
    }

    #[test]
    fn the_localized_tree_still_parses() {
        let cmd = localize(Cli::command());
        cmd.clone().debug_assert();
        let m = cmd
            .try_get_matches_from([
                "testimonio",
                "--lang",
                "es",
                "events",
                "list",
                "--state",
                "TX",
            ])
            .unwrap();
        assert!(m.subcommand_matches("events").is_some());
    }
}
