# cli: messages of the cli slice (see ARCHITECTURE.md, "One message catalog").

## --help: encabezados y las notas que clap escribiría en inglés (help.rs)
cli-help-usage = Uso:
cli-help-commands = Comandos
cli-help-command-value = COMANDO
cli-help-options-value = OPCIONES
cli-help-arguments = Argumentos
cli-help-options = Opciones
# $values: los valores aceptados, separados por comas.
# Marcadores de los valores de las opciones (help.rs, value_name).
cli-value-dir = DIR
cli-value-path = RUTA
cli-value-file = ARCHIVO
cli-value-date = FECHA
cli-value-number = N
cli-value-mib = MIB
cli-value-mb = MB
cli-value-days = DÍAS
cli-value-seconds = SEGUNDOS
cli-value-id = ID
cli-value-username = USUARIO
cli-value-name = NOMBRE
cli-value-query = CONSULTA
cli-value-address = DIRECCIÓN
cli-value-range = RANGO
cli-value-text = TEXTO
cli-value-code = CÓDIGO
cli-help-values = Valores: { $values }.
cli-help-default = Por omisión: { $value }.
# $name: una variable de entorno.
cli-help-env = O defina { $name }.

## Comandos y argumentos (help.rs; `cli-about-RUTA`, `cli-arg-[RUTA-]ID`)
cli-about = Documentación y evidencia cifradas para organizaciones de derechos de inmigrantes
cli-about-init = Crea una bóveda nueva.
cli-about-passwd = Cambia la frase de contraseña (no se vuelve a cifrar nada).
cli-about-import = Importa una hoja de cálculo (CSV, TSV, XLSX, ODS) mediante un perfil de asignación, o JSON Lines, o un directorio CSV. Idempotente: importar de nuevo actualiza en lugar de duplicar.
cli-about-export = Exporta todo, con identidades (queda auditado).
cli-about-events = Eventos.
cli-about-events-list = Lista eventos, del más antiguo al más reciente.
cli-about-people = Personas (solo seudónimos).
cli-about-people-list = Lista personas por seudónimo (sin datos de identidad).
cli-about-person = Una persona.
cli-about-person-show = Muestra una persona con sus datos de identidad (queda auditado).
cli-about-person-mentions = Las páginas que mencionan a una persona por su nombre legal, un alias o su número A (queda auditado como lectura de identidad); sin identificador, todas las menciones pendientes de revisión.
cli-about-document = Archivos originales.
cli-about-document-add = Guarda un archivo original (idéntico byte a byte, con hash, sin duplicados).
cli-about-document-get = Escribe un original, verificando su hash (queda auditado).
cli-about-document-show = Metadatos, páginas, estado y cadena de custodia.
cli-about-document-text = El texto de una página (queda auditado).
cli-about-search = Busca en cada página de documento y cada relato de evento (vea `testimonio search --help` para el lenguaje de consulta).
cli-about-reindex = Reconstruye el índice de búsqueda a partir de la bóveda.
cli-about-packet = El paquete del caso de una persona (interno): cronología, fuentes, extractos por prueba y página, manifiesto de hashes SHA-256. Lee la identidad (queda auditado).
cli-about-watchlist = Consultas guardadas que se vuelven a ejecutar tras cada ingreso; sus resultados nuevos esperan revisión.
cli-about-watchlist-add = Guarda una consulta (se ejecuta enseguida y tras cada ingreso).
cli-about-watchlist-list = Las listas de seguimiento con sus resultados pendientes.
cli-about-watchlist-run = Ejecuta ahora cada lista de seguimiento activa.
cli-about-watchlist-hits = Resultados por revisar (los más nuevos primero).
cli-about-watchlist-accept = Acepta un resultado: la oración alrededor de la coincidencia se vuelve un extracto.
cli-about-watchlist-dismiss = Descarta un resultado.
cli-about-excerpt = Pasajes exactos de páginas de documentos, etiquetados y vinculados a eventos y personas.
cli-about-excerpt-add = Registra un pasaje: documento, página y rango de caracteres.
cli-about-excerpt-list = Extractos, por evento, persona, documento o etiqueta.
cli-about-ingest = Ingresa evidencia: originales con el texto de cada página (capa de texto del PDF u OCR, imágenes, correo, HTML, texto). Estado de salida 4 si algún archivo no se leyó por completo.
cli-about-documents = Documentos guardados.
cli-about-documents-list = Lista los documentos guardados.
cli-about-check = Verifica la base de datos, el hash de cada archivo y la cadena de auditoría.
cli-about-audit = El registro de auditoría.
cli-about-audit-log = Muestra las entradas más recientes y verifica la cadena.
cli-about-audit-fingerprint = La huella de una consulta de búsqueda, tal como la registran las entradas `search` del registro de auditoría (el registro nunca guarda la consulta).
cli-about-backup = Escribe un archivo de copia de seguridad cifrado.
cli-about-restore = Restaura una copia de seguridad en una bóveda nueva (verificada).
cli-about-vocabulary = El vocabulario de tipos de evento.
cli-about-key = Claves.
cli-about-key-age-identity = Muestra la identidad age que descifra los archivos con la herramienta `age` estándar (queda auditado).
cli-about-demo = Crea una bóveda con datos ficticios de demostración y la sirve en la web.
cli-about-analyze = Análisis del patrón: proximidad temporal entre la actividad protegida y las acciones de control, una prueba frente al azar y la extensión por oficinas y estados.
cli-about-report = Escribe un informe del patrón (HTML o PDF) para unos destinatarios, con los conteos pequeños suprimidos y solo lo que el consentimiento permite (queda auditado). Su idioma es el de --lang.
cli-about-user = Cuentas de la aplicación web.
cli-about-user-add = Crea una cuenta.
cli-about-user-passwd = Cambia la contraseña de una cuenta: cierra sus sesiones web, revoca sus tokens de la API y levanta sus esperas de inicio de sesión y de segundo paso.
cli-about-user-disable = Desactiva una cuenta: sus sesiones web terminan en el acto y sus tokens de la API dejan de funcionar.
cli-about-user-enable = Activa una cuenta desactivada.
cli-about-user-list = Lista las cuentas.
cli-about-user-token = Emite un token de la API para una cuenta (se muestra una sola vez); con --list, lista sus tokens; con --revoke ID, revoca uno.
cli-about-serve = Desbloquea la bóveda y sirve la aplicación web.
cli-about-foia = Solicitudes FOIA y sus plazos legales.
cli-about-foia-add = Registra una solicitud.
cli-about-foia-list = Lista las solicitudes con su próximo plazo.
cli-about-foia-show = Una solicitud con cada fecha calculada y cómo se calculó.
cli-about-foia-update = Cambia una solicitud: estado, fechas, suspensión, prórroga, resolución, apelación.
cli-about-foia-link = Vincula a una solicitud una entrega (un documento guardado, con su rango Bates) o un evento.
cli-about-foia-calendar = Todos los plazos como archivo iCalendar (RFC 5545).
cli-about-foia-letter = Una carta de solicitud o de apelación, como texto editable.
cli-arg-vault = El directorio de la bóveda.
cli-arg-passphrase-file = Lee la frase de contraseña de este archivo en vez de preguntarla.
cli-arg-lang = Idioma de los mensajes: en o es (por omisión, según LC_ALL o LANG).
cli-arg-json = Salida legible por máquina (JSON).
cli-arg-help = Muestra esta ayuda.
cli-arg-version = Muestra la versión.
cli-arg-recovery = Desbloquea con la clave de recuperación (se pregunta) en vez de la frase de contraseña.
cli-arg-recovery-key-file = Desbloquea con la clave de recuperación leída de este archivo.
cli-arg-init-kdf-memory-mib = Memoria de Argon2id en MiB (64 por omisión; menos solo para pruebas).
cli-arg-init-kdf-passes = Pasadas de Argon2id.
cli-arg-passwd-new-passphrase-file = Lee la nueva frase de contraseña de este archivo en vez de preguntarla.
cli-arg-import-file = Una hoja de cálculo (.csv, .tsv, .xlsx, .ods), un archivo .jsonl, `-` para JSON Lines por la entrada estándar, o un directorio con groups.csv, people.csv, events.csv.
cli-arg-export-format = Formato: jsonl (canónico, sin pérdidas), csv (canónico, un directorio), xlsx (un libro de Excel en el idioma de --lang, con hojas de eventos, personas y grupos) o sheet-csv (solo la hoja de eventos, como un CSV para Excel, en el idioma de --lang).
cli-arg-export-out = Archivo de salida (jsonl: por omisión la salida estándar; xlsx y sheet-csv: obligatorio) o directorio (csv; obligatorio).
cli-arg-events-list-kind = protected_activity o enforcement_action.
cli-arg-events-list-event-type = Un código del vocabulario (vea `testimonio vocabulary`).
cli-arg-events-list-state = Código postal del estado (USPS).
cli-arg-events-list-field-office = Código de la oficina local de ICE ERO.
cli-arg-events-list-group = Solo los de este grupo.
cli-arg-events-list-person = Solo los de esta persona.
cli-arg-events-list-from = Desde este día (AAAA-MM-DD).
cli-arg-events-list-to = Hasta este día (AAAA-MM-DD).
cli-arg-events-list-verification = reported, corroborated o documented.
cli-arg-events-list-limit = Cuántos mostrar como máximo.
cli-arg-events-list-offset = Cuántos saltar desde el principio.
cli-arg-people-list-consent = Solo personas cuyo consentimiento de hoy sea al menos este nivel.
cli-arg-person-show-id = El identificador.
cli-arg-person-mentions-id = El identificador de la persona (sin él: las menciones de todas las personas pendientes de revisión).
cli-arg-person-mentions-all = También las menciones ya revisadas.
cli-arg-document-add-files = Los archivos a guardar.
cli-arg-document-text-id = El identificador.
cli-arg-search-query = Palabras (en cualquiera de sus formas), "frases", "frase"~5, a CERCA/5 b, prefijo*, nombre~1 o nombre~2, Y / O / NO / -palabra (en inglés AND / OR / NOT / NEAR/5, en mayúsculas), paréntesis, exact:"José Peña" (solo esa forma), y filtros kind: source: foia: doc: date:2017..2019 person: group: lang:
cli-arg-search-limit = Resultados por página.
cli-arg-demo-documents = Ingresa también estos documentos reales (archivos o carpetas), para que las páginas de documentos, búsqueda y listas de seguimiento tengan algo que mostrar.
cli-arg-packet-person = El identificador de la persona.
cli-arg-packet-out = El archivo a escribir.
cli-arg-packet-format = pdf o html.
cli-arg-packet-exhibits-dir = Escribe también aquí los originales citados, como "Exhibit NN - nombre" (idénticos, queda auditado).
cli-arg-watchlist-add-name = Un nombre corto.
cli-arg-audit-fingerprint-query = La consulta, tal como se buscó.
cli-arg-watchlist-add-query = La consulta (el mismo lenguaje que `testimonio search`).
cli-arg-watchlist-add-purpose = Por qué se sigue.
cli-arg-watchlist-hits-watchlist = Solo los de esta lista.
cli-arg-watchlist-hits-all = También los ya revisados.
cli-arg-watchlist-hits-limit = Cuántos mostrar como máximo.
cli-arg-watchlist-accept-hit = El número del resultado.
cli-arg-watchlist-accept-tag = Una etiqueta (animus, surveillance, protest_monitoring, targeting_leader, …); repetible.
cli-arg-watchlist-accept-event = Un evento del que el pasaje es evidencia; repetible.
cli-arg-watchlist-accept-person = Una persona de la que trata el pasaje; repetible.
cli-arg-excerpt-add-document = El identificador del documento.
cli-arg-excerpt-add-page = Número de página, desde 1.
cli-arg-excerpt-add-from = Primer carácter del pasaje en el texto de la página (desde 0).
cli-arg-excerpt-add-to = El carácter siguiente al último del pasaje.
cli-arg-excerpt-add-note = Una nota.
cli-arg-excerpt-list-event = Solo los vinculados a este evento.
cli-arg-excerpt-list-person = Solo los vinculados a esta persona.
cli-arg-excerpt-list-document = Solo los de este documento.
cli-arg-excerpt-list-tag = Solo los que tienen esta etiqueta.
cli-arg-search-offset = Resultados a saltar (para las páginas siguientes).
cli-arg-document-text-page = Número de página, desde 1.
cli-arg-ingest-paths = Archivos y carpetas (se recorren recursivamente).
cli-arg-ingest-source-kind = foia_production, court_record, email, photo, interview, news u other.
cli-arg-ingest-foia = La solicitud FOIA a la que responden estos documentos.
cli-arg-documents-list-foia = Solo documentos entregados por esta solicitud FOIA.
cli-arg-documents-list-status = stored, ok, partial o failed.
cli-arg-ingest-custodian = Quién tenía los archivos antes de llegar a la bóveda.
cli-arg-ingest-obtained-on = El día en que se obtuvieron los archivos (AAAA-MM-DD).
cli-arg-ingest-bates-prefix = El prefijo Bates sellado en las páginas (p. ej., "ICE 2024-ICLI").
cli-arg-ingest-ocr-lang = Idiomas del OCR, códigos de Tesseract unidos por + (--lang elige el idioma de los mensajes).
cli-arg-ingest-jobs = Archivos leídos y procesos de OCR a la vez (por omisión, uno por núcleo).
cli-arg-ingest-file-timeout = Segundos que puede tardar un archivo, con OCR y adjuntos.
cli-arg-document-get-out = El archivo a escribir.
cli-arg-audit-log-limit = Cuántas entradas mostrar.
cli-arg-backup-out = El archivo de copia de seguridad a escribir.
cli-arg-restore-backup = El archivo de copia de seguridad.
cli-arg-foia-add-agency = ice, cbp, uscis, dhs, eoir, doj, fbi, dos, …
cli-arg-foia-add-subject = El asunto de la solicitud.
cli-arg-foia-add-received = El día en que el componente correspondiente recibió la solicitud (AAAA-MM-DD).
cli-arg-foia-add-sent = El día en que se envió.
cli-arg-foia-add-tracking = El número de seguimiento de la agencia.
cli-arg-foia-add-component = El componente (p. ej., la oficina FOIA de ICE).
cli-arg-foia-add-expedited = Se pidió trámite acelerado.
cli-arg-foia-add-id = Un id para la solicitud (por omisión, generado).
cli-arg-foia-list-overdue = Solo solicitudes con un plazo vencido.
cli-arg-foia-list-due-within = Solo solicitudes con un plazo dentro de esta cantidad de días.
cli-arg-foia-show-id = El identificador de la solicitud.
cli-arg-foia-update-status = drafted, submitted, acknowledged, clarification_requested, fee_dispute, processing, …
cli-arg-foia-update-perfected = El día en que la agencia consideró completa la solicitud.
cli-arg-foia-update-toll = Un periodo de suspensión: TIPO:DESDE[..HASTA], TIPO clarification o fee_dispute.
cli-arg-foia-update-extension-notified = El día en que la agencia notificó una prórroga por circunstancias inusuales.
cli-arg-foia-update-determination = La resolución de la agencia: RESULTADO:FECHA (p. ej., partial_release:2025-03-01).
cli-arg-foia-update-appeal-filed = El día en que se presentó la apelación administrativa.
cli-arg-foia-update-appeal-received = El día en que la agencia recibió la apelación.
cli-arg-foia-update-appeal-decided = El día en que se resolvió la apelación.
cli-arg-foia-update-note = Una comunicación: FECHA:in|out:RESUMEN.
cli-arg-foia-calendar-out = El archivo a escribir.
cli-arg-foia-link-id = El identificador de la solicitud.
cli-arg-foia-link-document = El id de un documento guardado (`testimonio documents list`).
cli-arg-foia-link-bates = El rango Bates de la entrega: PRIMERO..ÚLTIMO.
cli-arg-foia-link-received = El día en que llegó la entrega (AAAA-MM-DD).
cli-arg-foia-link-event = El id de un evento.
cli-arg-foia-letter-out = El archivo a escribir; `.pdf` escribe un PDF, cualquier otro, texto.
cli-arg-foia-letter-kind = request (solicitud) o appeal (apelación).
cli-arg-foia-letter-signatory = El nombre con que se firma la carta.
cli-arg-demo-events = Cantidad de eventos de la demostración (400 por omisión).
cli-arg-demo-addr = Dirección en la que escuchar.
cli-arg-demo-no-serve = Crea la bóveda y muestra su contenido, sin servirla.
cli-arg-serve-secure-cookies = Marca las cookies como Secure (con un proxy TLS delante).
cli-arg-serve-max-upload-mb = Tamaño máximo de un archivo subido, en MB.
cli-arg-serve-max-request-mb = Tamaño máximo de una subida (todos sus archivos juntos), en MB.
cli-arg-serve-trusted-proxies = Un proxy inverso delante del servidor (una dirección IP o una red CIDR; repetible): desde él, el cliente es la última dirección de X-Forwarded-For que no sea a su vez un proxy de confianza, y los límites por dirección cuentan ese cliente. Desde cualquier otro par la cabecera se ignora.
cli-arg-user-token-label = Para qué es el token.
cli-arg-user-token-expires-in = Días hasta que vence el token nuevo (de 1 a 3650).
cli-arg-user-token-list = Lista los tokens de la cuenta: id, emisión, vencimiento, último uso, estado (nunca los tokens).
cli-arg-user-token-revoke = Revoca el token con este id (vea --list): deja de funcionar en el acto.
cli-arg-user-add-role = admin, coordinator, documenter, analyst o viewer.
cli-arg-user-add-password-file = Lee la contraseña de este archivo en vez de preguntarla.
cli-arg-analyze-audience = internal, coalition o public: solo se cuenta a las personas cuyo consentimiento lo permite; para coalition y public se suprimen los conteos pequeños.
cli-arg-analyze-min-count = Se suprimen los conteos de menos personas que este número (coalition, public).
cli-arg-analyze-permutations = Permutaciones de la prueba frente al azar.
cli-arg-analyze-seed = Semilla de la prueba frente al azar (la misma semilla da el mismo valor p).
cli-arg-report-format = pdf o html.
cli-arg-report-out = El archivo a escribir.
cli-arg-report-max-cases = Como máximo esta cantidad de casos.
cli-arg-operator = Actúa con este nombre en el registro de auditoría (cli:NOMBRE) en vez del nombre dado en init.
cli-arg-init-name = Su nombre, registrado como creador de la bóveda y actor de sus comandos posteriores (se pregunta si falta, en una terminal).
cli-arg-user-add-username = El nombre de usuario de la cuenta.

## Una línea de comandos que clap rechaza (usage.rs); estado de salida 2
# $arg: una opción tal como se escribió (--role); $value: lo que se dio.
cli-usage-invalid-value = { $value } no es un valor válido para { $arg }.
cli-usage-value-required = { $arg } necesita un valor.
cli-usage-unknown-argument = Argumento inesperado: { $arg }.
cli-usage-unknown-command = Comando desconocido: { $command }.
cli-usage-no-equals = { $arg } necesita un valor después de «=».
cli-usage-number-of-values = { $arg } recibió una cantidad de valores incorrecta.
cli-usage-conflict = { $arg } no se puede usar junto con { $other }.
cli-usage-missing = Falta: { $args }.
cli-usage-missing-command = Falta el comando.
cli-usage-not-utf8 = Un argumento no es UTF-8 válido.
cli-usage-other = No se pudo leer la línea de comandos.
cli-usage-valid-values = Valores aceptados: { $values }.
cli-usage-did-you-mean = ¿Quiso decir { $suggestion }?
cli-usage-hint = Para ver los comandos y sus opciones, ejecute testimonio --help.

## Lo que cualquier comando puede decir (context.rs)
cli-error-option = --{ $option }: { $reason }
# $reason: por qué no se pudo leer o escribir el archivo (cli-io-*).
cli-error-io = { $path }: { $reason }
cli-error-no-vault = No se indicó la bóveda: use --vault DIR o defina TESTIMONIO_VAULT.
cli-error-passphrase-file = { $path }: no se puede leer el archivo de la frase de contraseña: { $reason }
cli-error-no-terminal = Falta la frase de contraseña: use --passphrase-file o TESTIMONIO_PASSPHRASE_FILE fuera de una terminal.
cli-error-terminal = No se puede leer de la terminal: { $reason }
cli-error-passphrases-differ = Las frases de contraseña no coinciden.
cli-io-not-found = no existe el archivo o el directorio
cli-io-permission-denied = permiso denegado
cli-io-already-exists = ya existe
cli-io-is-a-directory = es un directorio
cli-io-not-a-directory = no es un directorio
cli-io-invalid-data = el contenido no es válido
# $reason: la descripción del sistema operativo, en inglés.
cli-io-other = { $reason }
cli-prompt-passphrase = Frase de contraseña:
cli-prompt-new-passphrase = Nueva frase de contraseña:
cli-prompt-repeat-passphrase = Repita la frase de contraseña:
cli-prompt-recovery-key = Clave de recuperación:
cli-prompt-operator-name = Su nombre (queda en el registro de auditoría como quien creó la bóveda):

## init, passwd, check, audit, backup, restore (commands/vault.rs)
cli-vault-created = Bóveda creada en { $path } por { $name }.
cli-vault-recovery-key = Clave de recuperación (se muestra solo ahora; anótela y guárdela aparte de la frase de contraseña):
cli-vault-passphrase-changed = Frase de contraseña cambiada.
# $fault, $note: el hallazgo técnico de la bóveda (una ruta, un hash, una tabla).
cli-check-fault = FALLA: { $fault }
cli-check-note = nota: { $note }
cli-check-summary = Se verificaron { $documents ->
    [one] { $documents } documento
   *[other] { $documents } documentos
} y { $entries ->
    [one] { $entries } entrada de auditoría
   *[other] { $entries } entradas de auditoría
}.
cli-check-ok = OK: sin fallas.
cli-check-failed = La verificación encontró { $count ->
    [one] { $count } falla
   *[other] { $count } fallas
}.
# $head: el hash de la entrada más reciente.
cli-audit-summary = { $count ->
    [one] { $count } entrada
   *[other] { $count } entradas
}; cabeza: { $head }
# $first, $last: números de entradas de auditoría.
cli-audit-missing = { $count ->
    [one] falta la entrada de auditoría { $first }
   *[other] faltan las entradas de auditoría { $first } a { $last }
}
cli-audit-altered = la entrada de auditoría { $seq } fue alterada
cli-audit-broken-link = la entrada de auditoría { $seq } no sigue a la anterior
cli-audit-broken = La cadena de auditoría está rota.
# $size: un tamaño de archivo (format::file_size).
cli-backup-written = Copia de seguridad escrita en { $path } ({ $files ->
    [one] { $files } archivo
   *[other] { $files } archivos
}, { $size }).
cli-restore-done = Restaurada y verificada en { $path }: { $people ->
    [one] { $people } persona
   *[other] { $people } personas
}, { $events ->
    [one] { $events } evento
   *[other] { $events } eventos
}, { $documents ->
    [one] { $documents } documento
   *[other] { $documents } documentos
}.

## serve (commands/web.rs)
cli-serve-listening = Sirviendo en { $url }
cli-serve-cannot-start = No se puede iniciar el servidor: { $reason }
cli-serve-failed = { $addr }: { $reason }
# $value: lo que se dio, entre comillas.
cli-serve-bad-proxy = --trusted-proxy { $value }: se esperaba una dirección IP o una red como 10.0.0.0/8

## demo (commands/demo.rs)
cli-demo-no-directory = No se puede crear un directorio: { $reason }
cli-demo-progress-records = registros:
cli-demo-invalid-records = El generador de demostración produjo { $count ->
    [one] { $count } registro inválido
   *[other] { $count } registros inválidos
} (un error del programa).
cli-demo-title = Bóveda de demostración de Testimonio (todos los datos son ficticios)
cli-demo-vault = bóveda: { $path }
cli-demo-documents = documentos públicos reales ingresados: { $pages ->
    [one] { $pages } página
   *[other] { $pages } páginas
} (búsquelas en la aplicación web)
cli-demo-passphrase = frase de contraseña: { $passphrase }
cli-demo-counts = { $groups ->
    [one] { $groups } grupo
   *[other] { $groups } grupos
}, { $people ->
    [one] { $people } persona
   *[other] { $people } personas
}, { $events ->
    [one] { $events } evento
   *[other] { $events } eventos
} ({ $protected ->
    [one] { $protected } actividad protegida
   *[other] { $protected } actividades protegidas
}, { $enforcement ->
    [one] { $enforcement } acción de control migratorio
   *[other] { $enforcement } acciones de control migratorio
})
cli-demo-latest-events = Eventos más recientes:
cli-demo-accounts = Cuentas de demostración (usuario / contraseña):
cli-demo-web-app = Aplicación web: { $url }
cli-demo-stop = Pulse Ctrl-C para detener.
cli-demo-try = Pruebe:
cli-demo-passphrase-file = un archivo con la frase de contraseña

## person add / person edit
cli-about-person-add = Registrar a una persona nueva con un seudónimo y el consentimiento que da (auditado).
cli-about-person-edit = Cambiar los datos de una persona; lo que no se indica se conserva y un valor vacío lo borra (auditado).
cli-arg-person-pseudonym = El nombre con que se conoce a la persona en la bóveda y en cada informe.
cli-arg-person-consent = El consentimiento dado: un código de nivel (véase `testimonio vocabulary`).
cli-arg-person-consent-given = El día en que se dio el consentimiento.
cli-arg-person-add-id = El identificador (por omisión, uno nuevo).
cli-arg-person-legal-name = Nombre legal (sensible).
cli-arg-person-alias = Otro nombre con que se conoce a la persona (sensible); se puede repetir.
cli-arg-person-contact = Cómo contactar a la persona (sensible).
cli-arg-person-a-number = Número A (sensible).
cli-arg-person-immigration-status = Situación migratoria (sensible).
cli-arg-person-address = Dirección (sensible).
cli-arg-person-birth-year = Año de nacimiento.
cli-arg-person-group = Un grupo al que pertenece la persona, por su identificador; se puede repetir.
cli-arg-import-dry-run = Revisa una hoja de cálculo sin guardar nada: qué se crearía, actualizaría y rechazaría, fila por fila.
cli-arg-import-profile = El perfil de asignación: un archivo TOML, o el nombre de un perfil guardado en la bóveda.
cli-arg-import-save-profile = Guarda el perfil usado: en un archivo (una ruta o un nombre terminado en .toml) o en la bóveda con un nombre.
cli-arg-import-accept-suggestions = Importa con el perfil sugerido (revíselo antes con --dry-run).
cli-arg-import-sheet = La hoja del libro que se importa (por omisión: la primera con encabezado).
cli-value-name-or-file = NOMBRE|ARCHIVO
cli-arg-import-header-row = La fila en la que está el encabezado, según la numera la hoja (por omisión: se busca; se omiten las filas de título de arriba).

# Una mención: $id su número, $place "documento, página N", $kind cómo se halló, $status su revisión.
mention-cli-line = { $id }  { $pseudonym } ({ $person })  { $place }  [{ $kind }, { $status }]
