//! Every user-facing string of the web app, in English and Spanish.
//!
//! Strings are looked up by key; a test checks that every key used in the
//! source exists here, with both languages, and that no key is unused.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::http::HeaderMap;
pub use testimonio_domain::Lang;

/// (key, English, Spanish).
const MESSAGES: &[(&str, &str, &str)] = &[
    ("app.name", "Testimonio", "Testimonio"),
    (
        "app.tagline",
        "Encrypted documentation of retaliation",
        "Documentación cifrada de represalias",
    ),
    ("nav.dashboard", "Dashboard", "Inicio"),
    ("nav.events", "Events", "Eventos"),
    ("nav.people", "People", "Personas"),
    ("nav.groups", "Groups", "Grupos"),
    ("nav.users", "Users", "Usuarios"),
    ("nav.audit", "Audit log", "Registro de auditoría"),
    ("nav.logout", "Log out", "Cerrar sesión"),
    ("nav.language", "Language", "Idioma"),
    ("nav.skip", "Skip to content", "Saltar al contenido"),
    ("nav.signed_in_as", "Signed in as", "Sesión de"),
    ("login.title", "Log in", "Iniciar sesión"),
    ("login.username", "Username", "Usuario"),
    ("login.password", "Password", "Contraseña"),
    ("login.submit", "Log in", "Entrar"),
    (
        "login.failed",
        "Wrong username or password. After several failed attempts, wait a few minutes before trying again.",
        "Usuario o contraseña incorrectos. Tras varios intentos fallidos, espere unos minutos antes de intentarlo de nuevo.",
    ),
    (
        "login.rate_limited",
        "Too many attempts from this address. Wait a minute and try again.",
        "Demasiados intentos desde esta dirección. Espere un minuto e intente de nuevo.",
    ),
    (
        "login.disabled",
        "This account is disabled.",
        "Esta cuenta está desactivada.",
    ),
    (
        "login.expired",
        "Your session ended. Please log in again.",
        "Su sesión terminó. Inicie sesión de nuevo.",
    ),
    ("dashboard.title", "Dashboard", "Inicio"),
    ("dashboard.people", "People", "Personas"),
    ("dashboard.events", "Events", "Eventos"),
    ("dashboard.groups", "Groups", "Grupos"),
    ("dashboard.documents", "Documents", "Documentos"),
    (
        "dashboard.protected",
        "Protected activities",
        "Actividades protegidas",
    ),
    (
        "dashboard.enforcement",
        "Enforcement actions",
        "Acciones de control migratorio",
    ),
    ("dashboard.latest", "Latest events", "Eventos más recientes"),
    ("dashboard.review", "Needs review", "Por revisar"),
    (
        "dashboard.review_hint",
        "Reported events not yet corroborated or documented",
        "Eventos reportados aún sin corroborar ni documentar",
    ),
    (
        "dashboard.new_event",
        "Record an event",
        "Registrar un evento",
    ),
    ("events.title", "Events", "Eventos"),
    ("events.filter", "Filter", "Filtrar"),
    ("events.clear", "Clear", "Limpiar"),
    ("events.any", "Any", "Cualquiera"),
    ("events.none", "No events match.", "Ningún evento coincide."),
    ("events.count", "events", "eventos"),
    ("events.previous", "Previous", "Anterior"),
    ("events.next", "Next", "Siguiente"),
    ("events.page", "Page", "Página"),
    ("event.new", "New event", "Nuevo evento"),
    ("event.edit", "Edit event", "Editar evento"),
    ("event.save", "Save", "Guardar"),
    ("event.saved", "Saved.", "Guardado."),
    (
        "event.has_errors",
        "Please correct the fields marked below.",
        "Corrija los campos señalados abajo.",
    ),
    ("field.id", "Identifier", "Identificador"),
    ("field.kind", "Kind", "Clase"),
    ("field.event_type", "Type", "Tipo"),
    ("field.date", "Date", "Fecha"),
    (
        "field.date_hint",
        "YYYY-MM-DD, YYYY-MM or YYYY; ~ in front if approximate",
        "AAAA-MM-DD, AAAA-MM o AAAA; ~ delante si es aproximada",
    ),
    ("field.end_date", "End date", "Fecha de fin"),
    ("field.state", "State", "Estado"),
    ("field.city", "City", "Ciudad"),
    ("field.facility", "Facility", "Centro o lugar"),
    ("field.agency", "Agency", "Agencia"),
    ("field.field_office", "Field office", "Oficina local"),
    ("field.people", "People and roles", "Personas y roles"),
    (
        "field.people_hint",
        "One per line: person id = role",
        "Una por línea: id de la persona = rol",
    ),
    ("field.groups", "Groups", "Grupos"),
    (
        "field.groups_hint",
        "Group ids separated by spaces",
        "Ids de grupos separados por espacios",
    ),
    ("field.narrative", "Narrative", "Relato"),
    ("field.verification", "Verification", "Verificación"),
    ("field.person", "Person", "Persona"),
    ("field.group", "Group", "Grupo"),
    ("field.from", "From", "Desde"),
    ("field.to", "To", "Hasta"),
    ("field.pseudonym", "Pseudonym", "Seudónimo"),
    ("field.legal_name", "Legal name", "Nombre legal"),
    ("field.aliases", "Aliases", "Alias"),
    ("field.contact", "Contact", "Contacto"),
    ("field.a_number", "A-number", "Número A"),
    (
        "field.immigration_status",
        "Immigration status",
        "Estatus migratorio",
    ),
    ("field.address", "Address", "Dirección"),
    ("field.birth_year", "Birth year", "Año de nacimiento"),
    ("field.consent", "Consent", "Consentimiento"),
    ("field.role", "Role", "Rol"),
    ("field.username", "Username", "Usuario"),
    ("field.password", "Password", "Contraseña"),
    ("field.status", "Status", "Estado"),
    ("field.name", "Name", "Nombre"),
    ("person.title", "Person", "Persona"),
    ("person.timeline", "Timeline", "Cronología"),
    (
        "person.timeline_caption",
        "Protected activity above the line, enforcement below; days between them marked.",
        "Actividad protegida arriba de la línea, control migratorio abajo; se marcan los días entre ellas.",
    ),
    ("person.days_after", "days after", "días después de"),
    ("person.identity", "Identity", "Identidad"),
    (
        "person.identity_hidden",
        "Identity fields are not shown to your role.",
        "Los datos de identidad no se muestran a su rol.",
    ),
    (
        "person.identity_audited",
        "This view of identity fields was recorded in the audit log.",
        "Esta consulta de datos de identidad quedó registrada en la auditoría.",
    ),
    ("person.events", "Events", "Eventos"),
    (
        "person.consent_history",
        "Consent history",
        "Historial de consentimiento",
    ),
    ("people.title", "People", "Personas"),
    ("groups.title", "Groups", "Grupos"),
    ("group.title", "Group", "Grupo"),
    ("group.members", "Members", "Integrantes"),
    ("users.title", "Users", "Usuarios"),
    ("users.add", "Add a user", "Agregar un usuario"),
    ("users.disable", "Disable", "Desactivar"),
    ("users.enable", "Enable", "Activar"),
    ("users.active", "Active", "Activo"),
    ("users.disabled", "Disabled", "Desactivado"),
    ("users.created", "User created.", "Usuario creado."),
    ("tokens.title", "API tokens", "Tokens de la API"),
    (
        "tokens.none",
        "No API tokens. Issue one with: testimonio user token NAME",
        "No hay tokens de la API. Emita uno con: testimonio user token NOMBRE",
    ),
    ("tokens.label", "Label", "Etiqueta"),
    ("tokens.created", "Issued", "Emitido"),
    ("tokens.expires", "Expires", "Vence"),
    ("tokens.last_used", "Last used", "Último uso"),
    ("tokens.never", "Never", "Nunca"),
    ("tokens.active", "Active", "Activo"),
    ("tokens.expired", "Expired", "Vencido"),
    ("tokens.revoked", "Revoked", "Revocado"),
    ("tokens.revoke", "Revoke", "Revocar"),
    ("audit.title", "Audit log", "Registro de auditoría"),
    (
        "audit.chain_ok",
        "The audit chain is intact.",
        "La cadena de auditoría está intacta.",
    ),
    (
        "audit.chain_broken",
        "The audit chain is broken:",
        "La cadena de auditoría está rota:",
    ),
    ("audit.when", "When", "Cuándo"),
    ("audit.actor", "Who", "Quién"),
    ("audit.action", "Action", "Acción"),
    ("audit.object", "Object", "Objeto"),
    ("audit.detail", "Detail", "Detalle"),
    ("lock.button", "Lock now", "Bloquear ahora"),
    (
        "lock.hint",
        "Drops the keys from memory: nothing can be read until the vault is unlocked with its passphrase.",
        "Borra las claves de la memoria: nada se puede leer hasta desbloquear la bóveda con su frase de contraseña.",
    ),
    (
        "unlock.title",
        "The vault is locked",
        "La bóveda está bloqueada",
    ),
    (
        "unlock.passphrase",
        "Vault passphrase",
        "Frase de contraseña de la bóveda",
    ),
    ("unlock.submit", "Unlock", "Desbloquear"),
    (
        "unlock.failed",
        "Wrong passphrase.",
        "Frase de contraseña incorrecta.",
    ),
    (
        "unlock.rate_limited",
        "Too many unlock attempts from this address. Wait a minute and try again.",
        "Demasiados intentos de desbloqueo desde esta dirección. Espere un minuto e intente de nuevo.",
    ),
    (
        "unlock.busy",
        "Another unlock attempt is being checked. Try again in a moment.",
        "Se está comprobando otro intento de desbloqueo. Intente de nuevo en un momento.",
    ),
    ("error.title", "Something went wrong", "Algo salió mal"),
    (
        "error.bad_request",
        "The request could not be understood.",
        "No se pudo entender la solicitud.",
    ),
    ("error.unauthorized", "Please log in.", "Inicie sesión."),
    (
        "error.forbidden",
        "Your role does not allow this.",
        "Su rol no permite esto.",
    ),
    (
        "error.csrf",
        "This form expired or did not come from this site. Go back, reload the page and try again.",
        "Este formulario expiró o no vino de este sitio. Vuelva atrás, recargue la página e intente de nuevo.",
    ),
    ("error.not_found", "Not found.", "No encontrado."),
    (
        "error.method",
        "This action is not available here.",
        "Esta acción no está disponible aquí.",
    ),
    (
        "error.too_large",
        "The request is too large.",
        "La solicitud es demasiado grande.",
    ),
    (
        "error.locked",
        "The vault is locked.",
        "La bóveda está bloqueada.",
    ),
    (
        "error.internal",
        "An unexpected error occurred. It was logged; no data was changed by the failed step.",
        "Ocurrió un error inesperado. Quedó registrado; el paso fallido no cambió ningún dato.",
    ),
    ("error.back", "Back to the dashboard", "Volver al inicio"),
    (
        "twofactor.title",
        "Two-factor login",
        "Inicio de sesión en dos pasos",
    ),
    (
        "twofactor.settings",
        "Two-factor login",
        "Inicio de sesión en dos pasos",
    ),
    (
        "twofactor.code",
        "Six-digit code from your authenticator app",
        "Código de seis dígitos de su aplicación de autenticación",
    ),
    (
        "twofactor.wrong_code",
        "That code is not valid. Try the current one.",
        "Ese código no es válido. Pruebe con el actual.",
    ),
    (
        "twofactor.throttled",
        "Too many wrong codes for this account: codes are not checked for a while. Try again later, or ask an administrator for help.",
        "Demasiados códigos incorrectos para esta cuenta: por un tiempo no se comprueban los códigos. Inténtelo más tarde o pida ayuda al equipo de administración.",
    ),
    (
        "twofactor.enabled",
        "Two-factor login is on for this account.",
        "El inicio de sesión en dos pasos está activado para esta cuenta.",
    ),
    (
        "twofactor.now_enabled",
        "Two-factor login is now on.",
        "El inicio de sesión en dos pasos quedó activado.",
    ),
    (
        "twofactor.scan",
        "Scan this code with an authenticator app (for example FreeOTP or Aegis), then enter the code it shows.",
        "Escanee este código con una aplicación de autenticación (por ejemplo FreeOTP o Aegis) y escriba el código que muestra.",
    ),
    (
        "twofactor.or_type",
        "Or type this key:",
        "O escriba esta clave:",
    ),
    ("twofactor.enable", "Turn on", "Activar"),
    ("twofactor.disable", "Turn off", "Desactivar"),
    ("common.yes", "Yes", "Sí"),
    ("common.no", "No", "No"),
    ("common.none", "—", "—"),
    ("common.save", "Save", "Guardar"),
    ("common.add", "Add", "Agregar"),
    ("common.view", "View", "Ver"),
    ("common.edit", "Edit", "Editar"),
    ("events.page_of", "of", "de"),
    (
        "field.range_hint",
        "YYYY-MM-DD, YYYY-MM or YYYY",
        "AAAA-MM-DD, AAAA-MM o AAAA",
    ),
    ("field.day_hint", "YYYY-MM-DD", "AAAA-MM-DD"),
    (
        "field.id_hint",
        "Leave blank to generate one. Letters, digits and . _ : - only; never a name.",
        "Déjelo en blanco para generar uno. Solo letras, dígitos y . _ : -; nunca un nombre.",
    ),
    (
        "field.enforcement_only",
        "Only for enforcement actions.",
        "Solo para acciones de control migratorio.",
    ),
    ("field.roles", "Roles", "Roles"),
    ("field.line", "Line", "Línea"),
    ("field.place", "Place", "Lugar"),
    ("field.note", "Note", "Nota"),
    ("field.given_on", "Given on", "Otorgado el"),
    ("field.withdrawn_on", "Withdrawn on", "Retirado el"),
    ("field.in_force", "In force today", "Vigente hoy"),
    (
        "event.unknown_person",
        "no person has this id:",
        "ninguna persona tiene este id:",
    ),
    (
        "event.unknown_group",
        "no group has this id:",
        "ningún grupo tiene este id:",
    ),
    (
        "event.id_taken",
        "an event with this identifier already exists",
        "ya existe un evento con este identificador",
    ),
    (
        "event.not_saved",
        "The event could not be saved. Check the fields and try again.",
        "No se pudo guardar el evento. Revise los campos e intente de nuevo.",
    ),
    ("person.day_after", "day after", "día después de"),
    (
        "person.consent_today",
        "Consent today",
        "Consentimiento vigente",
    ),
    (
        "person.add_consent",
        "Record a grant of consent",
        "Registrar un consentimiento otorgado",
    ),
    (
        "person.withdraw",
        "Withdraw consent",
        "Retirar el consentimiento",
    ),
    (
        "person.withdraw_hint",
        "Ends every grant still in force on this date.",
        "Da por terminado todo consentimiento vigente en esa fecha.",
    ),
    (
        "person.withdraw_on",
        "Withdrawn as of",
        "Retirado a partir del",
    ),
    (
        "person.no_events",
        "No events recorded for this person.",
        "No hay eventos registrados para esta persona.",
    ),
    (
        "person.timeline_list",
        "The same events as a list",
        "Los mismos eventos en una lista",
    ),
    (
        "person.no_consent",
        "No consent recorded: internal use only.",
        "No hay consentimiento registrado: solo uso interno.",
    ),
    (
        "people.none",
        "No people recorded yet.",
        "Todavía no hay personas registradas.",
    ),
    (
        "groups.none",
        "No groups recorded yet.",
        "Todavía no hay grupos registrados.",
    ),
    (
        "group.events",
        "Events of this group",
        "Eventos de este grupo",
    ),
    (
        "group.all_events",
        "All events of this group in the event list",
        "Todos los eventos de este grupo en la lista de eventos",
    ),
    (
        "group.no_members",
        "No members recorded.",
        "No hay integrantes registrados.",
    ),
    (
        "group.latest_shown",
        "The 50 most recent events are shown.",
        "Se muestran los 50 eventos más recientes.",
    ),
    ("nav.foia", "FOIA", "FOIA"),
    ("foia.title", "FOIA requests", "Solicitudes FOIA"),
    (
        "foia.intro",
        "Requests under the Freedom of Information Act, with the deadlines the statute sets. Overdue requests come first.",
        "Solicitudes bajo la Ley de Libertad de Información (FOIA), con los plazos que fija la ley. Las vencidas aparecen primero.",
    ),
    ("foia.new", "New request", "Nueva solicitud"),
    ("foia.edit", "Update request", "Actualizar solicitud"),
    ("foia.update", "Update", "Actualizar"),
    ("foia.count", "requests", "solicitudes"),
    ("foia.of_total", "of", "de"),
    (
        "foia.none",
        "No requests match.",
        "Ninguna solicitud coincide.",
    ),
    ("foia.only_overdue", "Only overdue", "Solo vencidas"),
    (
        "foia.only_soon",
        "Only due within 7 days",
        "Solo las que vencen en 7 días o menos",
    ),
    ("foia.reference", "Reference", "Referencia"),
    ("foia.next_deadline", "Next deadline", "Próximo plazo"),
    ("foia.alert", "Alert", "Alerta"),
    ("foia.overdue", "Overdue", "Vencida"),
    (
        "foia.due_soon",
        "Due within 7 days",
        "Vence en 7 días o menos",
    ),
    ("foia.id", "Identifier", "Identificador"),
    ("foia.agency", "Agency", "Agencia"),
    (
        "foia.component",
        "Component or office",
        "Componente u oficina",
    ),
    (
        "foia.component_hint",
        "For example, the ICE FOIA Office.",
        "Por ejemplo, la oficina FOIA de ICE.",
    ),
    ("foia.subject", "Subject", "Asunto"),
    (
        "foia.subject_hint",
        "Shown in lists and calendars: never a person's name.",
        "Se muestra en listas y calendarios: nunca el nombre de una persona.",
    ),
    (
        "foia.tracking_number",
        "Tracking number",
        "Número de seguimiento",
    ),
    ("foia.status", "Status", "Estado"),
    ("foia.requester", "Requester", "Solicitante"),
    (
        "foia.request_text",
        "Text of the request",
        "Texto de la solicitud",
    ),
    (
        "foia.hidden",
        "Not shown to your role: it may name a person.",
        "No se muestra a su rol: puede nombrar a una persona.",
    ),
    ("foia.date_sent", "Sent on", "Enviada el"),
    (
        "foia.date_received",
        "Received by the agency on",
        "Recibida por la agencia el",
    ),
    (
        "foia.date_perfected",
        "Perfected on (if the agency says later)",
        "Completa (perfeccionada) el, si la agencia indica una fecha posterior",
    ),
    (
        "foia.expedited_requested",
        "Expedited processing requested",
        "Se pidió trámite acelerado",
    ),
    (
        "foia.expedited_outcome",
        "Decision on expedited processing",
        "Decisión sobre el trámite acelerado",
    ),
    (
        "foia.expedited_date",
        "Date of the decision on expedited processing",
        "Fecha de la decisión sobre el trámite acelerado",
    ),
    ("foia.fee_category", "Fee category", "Categoría de tarifas"),
    (
        "foia.fee_waiver_requested",
        "Fee waiver requested",
        "Se pidió la exención de tarifas",
    ),
    (
        "foia.fee_waiver_outcome",
        "Decision on the fee waiver",
        "Decisión sobre la exención de tarifas",
    ),
    (
        "foia.fee_waiver_date",
        "Date of the decision on the fee waiver",
        "Fecha de la decisión sobre la exención de tarifas",
    ),
    (
        "foia.unusual_circumstances",
        "Extension for unusual circumstances (10 more working days)",
        "Prórroga por circunstancias inusuales (10 días hábiles más)",
    ),
    (
        "foia.extension_notified",
        "Extension notified on",
        "Prórroga notificada el",
    ),
    ("foia.determination", "Determination", "Determinación"),
    (
        "foia.determination_date",
        "Date of the determination",
        "Fecha de la determinación",
    ),
    (
        "foia.appeal_filed",
        "Appeal filed on",
        "Apelación presentada el",
    ),
    (
        "foia.appeal_received",
        "Appeal received by the agency on",
        "Apelación recibida por la agencia el",
    ),
    (
        "foia.appeal_decided",
        "Appeal decided on",
        "Apelación resuelta el",
    ),
    (
        "foia.appeal_unusual_circumstances",
        "Extension of the appeal for unusual circumstances",
        "Prórroga de la apelación por circunstancias inusuales",
    ),
    (
        "foia.appeal_extension_notified",
        "Extension of the appeal notified on",
        "Prórroga de la apelación notificada el",
    ),
    (
        "foia.appeal_window_days",
        "Days to appeal",
        "Días para apelar",
    ),
    (
        "foia.appeal_window_hint",
        "Calendar days the agency allows; at least 90. Blank: 90.",
        "Días naturales que da la agencia; al menos 90. En blanco: 90.",
    ),
    (
        "foia.tolling",
        "Tolling periods",
        "Periodos de suspensión del plazo",
    ),
    (
        "foia.tolling_hint",
        "Days the agency stopped the clock to ask for information or about fees. Clear a period's fields to remove it.",
        "Días en que la agencia detuvo el plazo para pedir información o por las tarifas. Vacíe los campos de un periodo para quitarlo.",
    ),
    ("foia.tolling_kind", "Reason", "Motivo"),
    ("foia.from", "From", "Desde"),
    ("foia.to", "To", "Hasta"),
    (
        "foia.to_hint",
        "The day the agency received the answer; blank while it has not.",
        "El día en que la agencia recibió la respuesta; en blanco mientras no la haya recibido.",
    ),
    ("foia.period", "Period", "Periodo"),
    ("foia.add_period", "Add a period", "Agregar un periodo"),
    ("foia.communications", "Communications", "Comunicaciones"),
    (
        "foia.rows_hint",
        "Letters, emails and calls with the agency. Clear an entry's fields to remove it.",
        "Cartas, correos y llamadas con la agencia. Vacíe los campos de una entrada para quitarla.",
    ),
    ("foia.communication", "Communication", "Comunicación"),
    (
        "foia.add_communication",
        "Add a communication",
        "Agregar una comunicación",
    ),
    ("foia.comm_date", "Date", "Fecha"),
    ("foia.direction", "Direction", "Sentido"),
    ("foia.summary", "Summary", "Resumen"),
    ("foia.section_request", "The request", "La solicitud"),
    (
        "foia.section_dates",
        "Sending and receipt",
        "Envío y recepción",
    ),
    (
        "foia.section_fees",
        "Expedited processing and fees",
        "Trámite acelerado y tarifas",
    ),
    (
        "foia.section_determination",
        "Extension and determination",
        "Prórroga y determinación",
    ),
    ("foia.section_appeal", "Appeal", "Apelación"),
    ("foia.deadlines", "Deadlines", "Plazos"),
    (
        "foia.no_deadlines",
        "No deadline can be computed until the day the agency received the request is recorded.",
        "No se puede calcular ningún plazo hasta que conste el día en que la agencia recibió la solicitud.",
    ),
    (
        "foia.inactive",
        "This request is closed or withdrawn: its deadlines are kept for the record and not flagged.",
        "Esta solicitud está cerrada o retirada: sus plazos se conservan como registro y no se señalan.",
    ),
    ("foia.met_on", "Met on", "Cumplido el"),
    (
        "foia.met_late_on",
        "Met late, on",
        "Cumplido con retraso, el",
    ),
    ("foia.days_left", "Upcoming, days left:", "Próximo, faltan:"),
    ("foia.due_today", "Due today", "Vence hoy"),
    ("foia.overdue_by", "Overdue by", "Vencido hace"),
    (
        "foia.reached_since",
        "Reached, for",
        "Alcanzado, desde hace",
    ),
    (
        "foia.provisional",
        "Provisional: a tolling period is still open.",
        "Provisional: hay un periodo de suspensión abierto.",
    ),
    ("foia.day", "day", "día"),
    ("foia.days", "days", "días"),
    ("foia.timeline", "Timeline", "Cronología"),
    ("foia.ev_sent", "Sent to the agency", "Enviada a la agencia"),
    (
        "foia.ev_received",
        "Received by the agency",
        "Recibida por la agencia",
    ),
    (
        "foia.ev_perfected",
        "Perfected: the agency counts from here",
        "Perfeccionada: la agencia cuenta desde aquí",
    ),
    ("foia.ev_tolled", "Clock stopped", "Plazo detenido"),
    (
        "foia.ev_restarted",
        "Clock restarts the next day",
        "El plazo se reanuda al día siguiente",
    ),
    (
        "foia.ev_extension",
        "Notice of unusual circumstances",
        "Aviso de circunstancias inusuales",
    ),
    (
        "foia.ev_appeal_extension",
        "Notice of unusual circumstances on the appeal",
        "Aviso de circunstancias inusuales en la apelación",
    ),
    (
        "foia.no_communications",
        "No communications recorded.",
        "No hay comunicaciones registradas.",
    ),
    ("foia.productions", "Productions", "Documentos entregados"),
    (
        "foia.no_productions",
        "No documents produced yet.",
        "Todavía no se han entregado documentos.",
    ),
    ("foia.document", "Document", "Documento"),
    ("foia.bates", "Bates numbers", "Números Bates"),
    ("foia.produced_on", "Received on", "Recibido el"),
    (
        "foia.id_taken",
        "a request with this identifier already exists",
        "ya existe una solicitud con este identificador",
    ),
    (
        "foia.not_a_number",
        "must be a whole number of days",
        "debe ser un número entero de días",
    ),
    (
        "foia.too_many_rows",
        "Too many periods or communications in one form.",
        "Demasiados periodos o comunicaciones en un solo formulario.",
    ),
    ("foia.is_before", "is earlier than", "es anterior a"),
    (
        "foia.requires",
        "only applies together with",
        "solo se aplica junto con",
    ),
    ("foia.overlaps", "overlaps", "se superpone con"),
    ("nav.documents", "Documents", "Documentos"),
    ("documents.title", "Documents", "Documentos"),
    (
        "documents.intro",
        "Original files in the vault, with the text read from every page.",
        "Archivos originales de la bóveda, con el texto leído de cada página.",
    ),
    ("documents.count", "documents", "documentos"),
    (
        "documents.none",
        "No documents match.",
        "Ningún documento coincide.",
    ),
    ("documents.source", "Source", "Origen"),
    ("documents.status", "Text extraction", "Extracción de texto"),
    ("documents.foia", "FOIA request", "Solicitud FOIA"),
    (
        "documents.include_attachments",
        "Include attachments",
        "Incluir adjuntos",
    ),
    ("documents.name", "File", "Archivo"),
    ("documents.pages", "Pages", "Páginas"),
    ("documents.pages_lower", "pages", "páginas"),
    ("documents.size", "Size", "Tamaño"),
    ("documents.bytes", "bytes", "bytes"),
    ("documents.added", "Added", "Añadido"),
    ("documents.id", "Identifier", "Identificador"),
    ("documents.doc_title", "Title", "Título"),
    ("documents.parent", "Found inside", "Encontrado dentro de"),
    ("documents.custodian", "Custodian", "Custodio"),
    ("documents.obtained_on", "Obtained on", "Obtenido el"),
    ("documents.media_type", "File type", "Tipo de archivo"),
    (
        "documents.extracted_with",
        "Text read with",
        "Texto leído con",
    ),
    ("documents.attachments", "Attachments", "Adjuntos"),
    (
        "documents.no_attachments",
        "No attachments.",
        "Sin adjuntos.",
    ),
    (
        "documents.no_pages",
        "No text has been read from this document.",
        "No se ha leído texto de este documento.",
    ),
    ("documents.page", "Page", "Página"),
    ("documents.method", "Method", "Método"),
    ("documents.chars", "Characters", "Caracteres"),
    (
        "documents.confidence",
        "OCR confidence",
        "Confianza del OCR",
    ),
    ("documents.bates", "Bates number", "Número Bates"),
    ("documents.problem", "Problem", "Problema"),
    (
        "documents.custody",
        "Chain of custody",
        "Cadena de custodia",
    ),
    ("documents.when", "When", "Cuándo"),
    ("documents.action", "Action", "Acción"),
    ("documents.actor", "By", "Por"),
    ("documents.source_path", "From", "Desde"),
    ("documents.host", "Computer", "Equipo"),
    ("documents.details", "Details", "Detalles"),
    ("documents.act_received", "received", "recibido"),
    (
        "documents.act_received_again",
        "received again",
        "recibido de nuevo",
    ),
    ("documents.act_ingested", "ingested", "ingresado"),
    ("documents.act_exported", "exported", "exportado"),
    (
        "documents.previous_page",
        "Previous page",
        "Página anterior",
    ),
    ("documents.next_page", "Next page", "Página siguiente"),
    ("documents.text", "Text of the page", "Texto de la página"),
    (
        "documents.empty_page",
        "No text was found on this page.",
        "No se encontró texto en esta página.",
    ),
    (
        "documents.image_alt",
        "Image of page",
        "Imagen de la página",
    ),
    (
        "documents.no_image",
        "This document has no page images: only its text is shown.",
        "Este documento no tiene imágenes de página: solo se muestra su texto.",
    ),
    // Search, watchlists, excerpts.
    ("nav.search", "Search", "Buscar"),
    ("nav.watchlists", "Watchlists", "Alertas"),
    (
        "error.too_many_renders",
        "Page images for your account are already being prepared. Wait until they appear, then reload this one.",
        "Ya se están preparando imágenes de página para su cuenta. Espere a que aparezcan y luego recargue esta.",
    ),
    (
        "error.overloaded",
        "The server is busy preparing page images. Try again in a moment.",
        "El servidor está ocupado preparando imágenes de página. Intente de nuevo en un momento.",
    ),
    (
        "error.busy",
        "The search index is being prepared or updated. Try again in a minute.",
        "El índice de búsqueda se está preparando o actualizando. Intente de nuevo en un minuto.",
    ),
    (
        "dashboard.pending_hits",
        "watchlist hits to review",
        "resultados de alertas por revisar",
    ),
    ("search.title", "Search", "Buscar"),
    ("search.query", "Search for", "Buscar"),
    ("search.submit", "Search", "Buscar"),
    (
        "search.too_long",
        "The query is too long. Most characters allowed:",
        "La consulta es demasiado larga. Máximo de caracteres:",
    ),
    ("search.results_heading", "Results", "Resultados"),
    ("search.results", "Results", "Resultados"),
    (
        "search.no_results",
        "Nothing matches this query.",
        "Nada coincide con esta consulta.",
    ),
    (
        "search.past_the_end",
        "There are no more results past this point.",
        "No hay más resultados a partir de aquí.",
    ),
    (
        "search.first_page",
        "Back to the first results",
        "Volver a los primeros resultados",
    ),
    (
        "search.not_current",
        "Another process is updating the search index: the newest pages may be missing from these results.",
        "Otro proceso está actualizando el índice de búsqueda: puede que falten las páginas más recientes.",
    ),
    ("search.score", "score", "puntuación"),
    ("search.kind_page", "Document page", "Página de documento"),
    ("search.kind_event", "Event narrative", "Relato de evento"),
    ("search.lang_eng", "English", "Inglés"),
    ("search.lang_spa", "Spanish", "Español"),
    ("search.lang_und", "Undetermined", "Sin determinar"),
    ("search.narrow", "Narrow the search", "Acotar la búsqueda"),
    ("search.facet_kind", "Kind", "Clase"),
    ("search.facet_source", "Source", "Origen"),
    ("search.facet_foia", "FOIA request", "Solicitud FOIA"),
    ("search.facet_year", "Year", "Año"),
    ("search.facet_lang", "Language", "Idioma"),
    (
        "search.help_title",
        "How to write a query",
        "Cómo escribir una consulta",
    ),
    (
        "search.help_intro",
        "Words side by side must all match. Case and accents are ignored, except with exact:. AND binds tighter than OR. Each result names the document and the page.",
        "Todas las palabras escritas juntas deben coincidir. No se distinguen mayúsculas ni acentos, salvo con exact:. AND une más que OR. Cada resultado indica el documento y la página.",
    ),
    ("search.help_word", "a word", "una palabra"),
    (
        "search.help_phrase",
        "a phrase, word for word",
        "una frase, palabra por palabra",
    ),
    (
        "search.help_slop",
        "the words within 5 positions of each other",
        "las palabras a 5 posiciones o menos una de otra",
    ),
    (
        "search.help_near",
        "the same, in either order",
        "lo mismo, en cualquier orden",
    ),
    (
        "search.help_prefix",
        "words starting with \"inst\"",
        "palabras que empiezan por «inst»",
    ),
    (
        "search.help_fuzzy",
        "words within 1 or 2 edits (OCR errors, spellings)",
        "palabras a 1 o 2 cambios (errores de OCR, grafías)",
    ),
    (
        "search.help_boolean",
        "AND, OR, NOT and parentheses",
        "AND, OR, NOT y paréntesis",
    ),
    (
        "search.help_minus",
        "without this word (the same as NOT)",
        "sin esta palabra (igual que NOT)",
    ),
    (
        "search.help_exact",
        "case and accents exactly as written",
        "mayúsculas y acentos tal como se escriben",
    ),
    (
        "search.help_kind",
        "only document pages, or only event narratives",
        "solo páginas de documentos, o solo relatos de eventos",
    ),
    (
        "search.help_source",
        "only documents of one source (codes below)",
        "solo documentos de un origen (códigos abajo)",
    ),
    (
        "search.help_foia_doc",
        "only the production of one FOIA request, or one document",
        "solo la producción de una solicitud FOIA, o un documento",
    ),
    (
        "search.help_date",
        "a year, a range of years, a month, up to a day",
        "un año, un rango de años, un mes, hasta un día",
    ),
    (
        "search.help_person_group",
        "events of one person or one group (by identifier)",
        "eventos de una persona o un grupo (por identificador)",
    ),
    (
        "search.help_lang",
        "pages in English or in Spanish",
        "páginas en inglés o en español",
    ),
    ("search.help_sources", "Sources:", "Orígenes:"),
    (
        "documents.places_hidden",
        "Where originals came from (paths and machines) is shown only to the roles that handle intake.",
        "El lugar de donde vinieron los originales (rutas y equipos) solo se muestra a los roles que los reciben.",
    ),
    (
        "documents.query_unreadable",
        "The search could not be read:",
        "No se pudo leer la búsqueda:",
    ),
    (
        "documents.no_match",
        "Nothing on this page matches",
        "Nada en esta página coincide con",
    ),
    ("documents.matches_of", "matches of", "coincidencias de"),
    (
        "documents.first_match",
        "Go to the first match",
        "Ir a la primera coincidencia",
    ),
    (
        "documents.back_to_results",
        "Back to the results",
        "Volver a los resultados",
    ),
    (
        "documents.excerpt_marked",
        "The excerpt is marked in the text.",
        "El extracto está marcado en el texto.",
    ),
    (
        "documents.go_to_excerpt",
        "Go to the excerpt",
        "Ir al extracto",
    ),
    (
        "documents.excerpt_changed",
        "The text of this page no longer matches the quoted excerpt.",
        "El texto de esta página ya no coincide con el extracto citado.",
    ),
    ("excerpts.title", "Excerpts", "Extractos"),
    (
        "excerpts.none",
        "No passage of a document is linked here yet.",
        "Todavía no hay pasajes de documentos vinculados aquí.",
    ),
    ("excerpts.tags", "Tags", "Etiquetas"),
    ("excerpts.added", "Added", "Agregado el"),
    (
        "excerpts.from_watchlist",
        "From the watchlist",
        "De la alerta",
    ),
    (
        "excerpts.withheld",
        "Quote withheld: this passage is linked to people whose identity your role does not see, and it could name them.",
        "Cita reservada: este pasaje está vinculado a personas cuya identidad su rol no ve, y podría nombrarlas.",
    ),
    ("watchlists.title", "Watchlists", "Alertas"),
    (
        "watchlists.intro",
        "Saved searches, run again on every new page: what they find waits here for review.",
        "Búsquedas guardadas que se vuelven a ejecutar con cada página nueva: lo que encuentran espera aquí su revisión.",
    ),
    ("watchlists.name", "Name", "Nombre"),
    ("watchlists.query", "Query", "Consulta"),
    ("watchlists.purpose", "Purpose", "Propósito"),
    ("watchlists.owner", "Owner", "Responsable"),
    ("watchlists.last_run", "Last run", "Última ejecución"),
    ("watchlists.pending", "To review", "Por revisar"),
    ("watchlists.inactive", "inactive", "inactiva"),
    ("watchlists.never", "never", "nunca"),
    (
        "watchlists.none",
        "No watchlists yet.",
        "Todavía no hay alertas.",
    ),
    (
        "watchlists.review",
        "Hits to review",
        "Resultados por revisar",
    ),
    (
        "watchlists.run",
        "Run all watchlists now",
        "Ejecutar todas las alertas ahora",
    ),
    ("watchlists.add", "Add a watchlist", "Agregar una alerta"),
    ("watchlists.required", "is required", "es obligatorio"),
    (
        "watchlists.query_hint",
        "In the search language, for example: leader NEAR/5 protest",
        "En el lenguaje de búsqueda, por ejemplo: leader NEAR/5 protest",
    ),
    (
        "watchlists.query_help",
        "How to write a query (on the search page)",
        "Cómo escribir una consulta (en la página de búsqueda)",
    ),
    (
        "watchlists.query_broken",
        "Not run: this saved query can no longer be read:",
        "No se ejecuta: esta consulta guardada ya no se puede leer:",
    ),
    ("watchlists.not_run", "not run", "no se ejecuta"),
    (
        "watchlists.purpose_hint",
        "Why this is watched, for whoever reviews the hits",
        "Por qué se vigila, para quien revise los resultados",
    ),
    (
        "watchlists.save_and_run",
        "Save and run",
        "Guardar y ejecutar",
    ),
    (
        "hits.title",
        "Watchlist hits to review",
        "Resultados de alertas por revisar",
    ),
    ("hits.all", "All watchlists", "Todas las alertas"),
    ("hits.pending", "to review", "por revisar"),
    (
        "hits.showing",
        "showing the newest",
        "se muestran los más recientes:",
    ),
    ("hits.none", "Nothing to review.", "Nada por revisar."),
    (
        "hits.accept",
        "Accept as an excerpt",
        "Aceptar como extracto",
    ),
    ("hits.dismiss", "Dismiss", "Descartar"),
    ("hits.event", "Link to event", "Vincular al evento"),
    ("hits.person", "Link to person", "Vincular a la persona"),
    (
        "hits.optional_id",
        "Optional: the identifier",
        "Opcional: el identificador",
    ),
    (
        "hits.unknown_record",
        "No record has this identifier.",
        "Ningún registro tiene este identificador.",
    ),
    (
        "hits.events_not_excerpted",
        "A hit in an event narrative cannot become an excerpt: only passages of documents can.",
        "Un resultado en el relato de un evento no puede ser un extracto: solo los pasajes de documentos.",
    ),
    ("nav.analysis", "Analysis", "Análisis"),
    (
        "dashboard.analysis",
        "See the pattern analysis",
        "Ver el análisis del patrón",
    ),
    ("analysis.title", "Pattern analysis", "Análisis del patrón"),
    (
        "analysis.intro",
        "Does enforcement follow protected activity, more closely than chance, and how widely? The same figures as the reports, for the audience chosen: no names, no identity fields, no record ids.",
        "¿Sigue la acción migratoria a la actividad protegida, más de cerca que el azar, y con qué extensión? Las mismas cifras que los informes, para los destinatarios elegidos: sin nombres, sin datos de identidad, sin identificadores de registro.",
    ),
    ("analysis.audience", "Audience", "Destinatarios"),
    (
        "analysis.audience_internal",
        "Internal (nothing suppressed)",
        "Uso interno (nada suprimido)",
    ),
    ("analysis.audience_coalition", "Coalition", "Coalición"),
    ("analysis.audience_public", "Public", "Público"),
    (
        "analysis.audience_invalid",
        "Choose internal, coalition or public.",
        "Elija uso interno, coalición o público.",
    ),
    (
        "analysis.min_count",
        "Smallest count shown",
        "Menor conteo publicado",
    ),
    (
        "analysis.min_count_hint",
        "Coalition and public: counts of fewer people are suppressed (2 to 1000; 5 if left empty).",
        "Coalición y público: se suprimen los conteos de menos personas (de 2 a 1000; 5 si se deja vacío).",
    ),
    (
        "analysis.min_count_invalid",
        "must be a whole number from 2 to 1000.",
        "debe ser un número entero de 2 a 1000.",
    ),
    ("analysis.show", "Show", "Mostrar"),
    (
        "analysis.notice_internal",
        "Internal figures: everyone documented is counted, whatever their consent, and nothing is suppressed. Do not share them outside the group; choose the coalition or public audience for figures that may leave it.",
        "Cifras internas: se cuenta a todas las personas documentadas, sea cual sea su consentimiento, y no se suprime nada. No las comparta fuera del grupo; elija la coalición o el público para cifras que puedan salir de él.",
    ),
    (
        "analysis.notice_coalition",
        "Coalition figures: only people who agreed to be counted in coalition statistics are counted.",
        "Cifras para la coalición: solo se cuenta a quienes aceptaron figurar en las estadísticas de la coalición.",
    ),
    (
        "analysis.notice_public",
        "Public figures: only people who agreed that their de-identified story be published are counted.",
        "Cifras públicas: solo se cuenta a quienes aceptaron que se publique su relato sin datos que los identifiquen.",
    ),
    (
        "analysis.notice_suppressed",
        "Every count of fewer people than",
        "Todo conteo de menos personas que",
    ),
    (
        "analysis.notice_suppressed_end",
        "is shown as “suppressed”, never as a number, together with any other count that would let it be worked out.",
        "aparece como «suprimido», nunca como número, junto con cualquier otro conteo que permitiera deducirlo.",
    ),
    ("analysis.suppressed", "suppressed", "suprimido"),
    (
        "analysis.suppressed_note",
        "“Suppressed”: fewer people than the threshold, or hidden so that another count cannot be worked out.",
        "«Suprimido»: menos personas que el umbral, u ocultado para que otro conteo no pueda deducirse.",
    ),
    (
        "analysis.as_of",
        "Consent read on",
        "Consentimiento leído el",
    ),
    ("analysis.who", "Who is counted", "A quién se cuenta"),
    (
        "analysis.people_counted",
        "People counted",
        "Personas contadas",
    ),
    (
        "analysis.people_targeted",
        "Targeted by an enforcement action",
        "Afectadas por una acción de control migratorio",
    ),
    (
        "analysis.enforcement_actions",
        "Enforcement actions",
        "Acciones de control migratorio",
    ),
    (
        "analysis.protected_activities",
        "Protected activities",
        "Actividades protegidas",
    ),
    (
        "analysis.timing",
        "How soon enforcement followed protected activity",
        "Cuán pronto siguió la acción migratoria a la actividad protegida",
    ),
    (
        "analysis.timing_hint",
        "Share of pairs of an enforcement action and a person it targeted that came within so many days of that person's own most recent protected activity.",
        "Proporción de pares de una acción de control migratorio y una persona afectada por ella que ocurrieron dentro de tantos días desde la actividad protegida más reciente de esa misma persona.",
    ),
    (
        "analysis.timing_suppressed",
        "Too few enforcement actions for this audience: the timing figures are suppressed.",
        "Muy pocas acciones de control migratorio para estos destinatarios: las cifras de proximidad temporal están suprimidas.",
    ),
    ("analysis.within", "within", "dentro de"),
    ("analysis.day", "day", "día"),
    ("analysis.days", "days", "días"),
    ("analysis.of", "of", "de"),
    (
        "analysis.pairs_word",
        "action–person pairs",
        "pares de acción y persona",
    ),
    ("analysis.people_word", "people", "personas"),
    (
        "analysis.windows_caption",
        "Enforcement actions within a window after protected activity (action–person pairs)",
        "Acciones dentro de un plazo tras la actividad protegida (pares de acción y persona)",
    ),
    ("analysis.window", "Window", "Plazo"),
    (
        "analysis.after_own",
        "After own activity",
        "Tras actividad propia",
    ),
    (
        "analysis.after_group",
        "After a group's activity",
        "Tras actividad del grupo",
    ),
    ("analysis.share", "Share", "Proporción"),
    ("analysis.all_pairs", "All pairs", "Todos los pares"),
    (
        "analysis.group_note",
        "Group activity: the most recent protected activity of any group the person belongs to, over the pairs whose person belongs to a group.",
        "Actividad del grupo: la actividad protegida más reciente de cualquier grupo al que pertenece la persona, sobre los pares cuya persona pertenece a un grupo.",
    ),
    ("analysis.median", "median", "mediana"),
    ("analysis.quartiles", "quartiles", "cuartiles"),
    ("analysis.and", "and", "y"),
    ("analysis.from", "from", "de"),
    ("analysis.to", "to", "a"),
    ("analysis.over", "over", "sobre"),
    (
        "analysis.pairs_with_earlier",
        "pairs with an earlier activity",
        "pares con una actividad anterior",
    ),
    (
        "analysis.quartiles_withheld",
        "median and quartiles not given (too few pairs or people).",
        "no se dan mediana ni cuartiles (muy pocos pares o personas).",
    ),
    (
        "analysis.imprecise",
        "Pairs resting on a date known only to the month or year, or approximate",
        "Pares que dependen de una fecha conocida solo al mes o al año, o aproximada",
    ),
    (
        "analysis.chart_intervals",
        "People by the shortest interval from their own protected activity to a later enforcement action against them",
        "Personas según el intervalo más corto entre una actividad protegida suya y una acción posterior en su contra",
    ),
    (
        "analysis.chart_intervals_desc",
        "Bar chart of people by shortest interval; suppressed categories have no bar.",
        "Gráfico de barras de personas por intervalo más corto; las categorías suprimidas no tienen barra.",
    ),
    (
        "analysis.as_table",
        "The figures as a table",
        "Las cifras en un cuadro",
    ),
    (
        "analysis.pairs_by_interval",
        "Action–person pairs by days since the person's own latest protected activity",
        "Pares de acción y persona según los días desde la actividad protegida más reciente de la persona",
    ),
    ("analysis.interval", "Interval", "Intervalo"),
    ("analysis.people", "People", "Personas"),
    ("analysis.pairs", "Pairs", "Pares"),
    ("analysis.total", "Total", "Total"),
    (
        "analysis.nobody",
        "None documented.",
        "Ninguna documentada.",
    ),
    ("analysis.interval_0_30", "0–30 days", "0–30 días"),
    ("analysis.interval_31_90", "31–90 days", "31–90 días"),
    ("analysis.interval_91_180", "91–180 days", "91–180 días"),
    ("analysis.interval_181_365", "181–365 days", "181–365 días"),
    (
        "analysis.interval_over_365",
        "over 365 days",
        "más de 365 días",
    ),
    (
        "analysis.interval_none_people",
        "no action after an activity",
        "ninguna acción tras una actividad",
    ),
    (
        "analysis.interval_none_pairs",
        "no earlier activity",
        "sin actividad anterior",
    ),
    (
        "analysis.chance",
        "Test against chance",
        "Prueba frente al azar",
    ),
    (
        "analysis.permutation_test",
        "permutation test",
        "prueba de permutaciones",
    ),
    ("analysis.permutations", "permutations", "permutaciones"),
    ("analysis.seed", "seed", "semilla"),
    (
        "analysis.mean_observed",
        "Mean interval in days, observed:",
        "Intervalo promedio en días, observado:",
    ),
    ("analysis.mean_chance", "by chance", "por azar"),
    (
        "analysis.null_range",
        "95% of permutations between",
        "el 95 % de las permutaciones entre",
    ),
    (
        "analysis.capped_at",
        "each interval capped at",
        "cada intervalo limitado a",
    ),
    ("analysis.test_over", "Over", "Sobre"),
    ("analysis.method", "Method", "Método"),
    (
        "analysis.nothing_to_test",
        "No enforcement action names a targeted person, so the timing could not be tested against chance.",
        "Ninguna acción nombra a una persona afectada, así que la proximidad no pudo compararse con el azar.",
    ),
    (
        "analysis.chance_withheld",
        "Suppressed: too few people were targeted for this audience, so the test against chance is not reported.",
        "Suprimida: muy pocas personas afectadas para estos destinatarios, así que no se informa la prueba frente al azar.",
    ),
    ("analysis.where", "Where it happened", "Dónde ocurrió"),
    (
        "analysis.spread",
        "Spread and concentration",
        "Extensión y concentración",
    ),
    (
        "analysis.spread_hint",
        "People, each counted once, by their first documented enforcement action: its state, its ICE field office, its year and its type.",
        "Personas, cada una contada una vez, según su primera acción de control migratorio documentada: su estado, su oficina local de ICE, su año y su tipo.",
    ),
    (
        "analysis.field_offices",
        "ICE field offices",
        "Oficinas locales de ICE",
    ),
    (
        "analysis.states",
        "States or territories",
        "Estados o territorios",
    ),
    (
        "analysis.largest_office",
        "Largest field office's share",
        "Proporción de la oficina con más personas",
    ),
    (
        "analysis.not_published",
        "Not published: it could reveal a suppressed count.",
        "No se publica: podría revelar un conteo suprimido.",
    ),
    (
        "analysis.hhi",
        "Concentration index (Herfindahl–Hirschman)",
        "Índice de concentración (Herfindahl-Hirschman)",
    ),
    (
        "analysis.hhi_hint",
        "From 1/n when people are spread evenly over n offices to 1 when all are in one.",
        "De 1/n cuando las personas se reparten por igual entre n oficinas a 1 cuando están todas en una.",
    ),
    (
        "analysis.map",
        "People by the state of their first enforcement action",
        "Personas según el estado de su primera acción de control migratorio",
    ),
    (
        "analysis.map_desc",
        "Map of the United States as a grid of equal squares, one per state, shaded by the number of people; suppressed states are hatched and marked as suppressed.",
        "Mapa de Estados Unidos como una cuadrícula de cuadrados iguales, uno por estado, sombreados según el número de personas; los estados suprimidos están rayados y marcados como suprimidos.",
    ),
    (
        "analysis.none_documented",
        "none documented",
        "ninguna documentada",
    ),
    (
        "analysis.by_state",
        "People by the state of their first enforcement action",
        "Personas según el estado de su primera acción de control migratorio",
    ),
    ("analysis.state", "State", "Estado"),
    (
        "analysis.by_office",
        "People by the ICE field office of their first enforcement action",
        "Personas según la oficina local de ICE de su primera acción de control migratorio",
    ),
    ("analysis.field_office", "Field office", "Oficina local"),
    (
        "analysis.over_time",
        "Over time and by type",
        "En el tiempo y por tipo",
    ),
    (
        "analysis.chart_years",
        "People by the year of their first enforcement action",
        "Personas según el año de su primera acción de control migratorio",
    ),
    (
        "analysis.chart_years_desc",
        "Bar chart of people by year; suppressed years have no bar.",
        "Gráfico de barras de personas por año; los años suprimidos no tienen barra.",
    ),
    ("analysis.year", "Year", "Año"),
    (
        "analysis.by_type",
        "People by the type of their first enforcement action",
        "Personas según el tipo de su primera acción de control migratorio",
    ),
    ("analysis.type", "Type of action", "Tipo de acción"),
    ("analysis.unknown", "unknown", "desconocido"),
    ("analysis.axis_people", "people", "personas"),
    (
        "analysis.report",
        "Download the report",
        "Descargar el informe",
    ),
    (
        "analysis.report_hint",
        "The full report (summary, methodology, charts, map, tables and case vignettes under pseudonyms) for the audience chosen. It is recorded in the audit log before it is sent.",
        "El informe completo (resumen, metodología, gráficos, mapa, cuadros y casos con seudónimo) para los destinatarios elegidos. Se anota en el registro de auditoría antes de enviarse.",
    ),
    (
        "analysis.report_writers_only",
        "Reports are downloaded by administrators, coordinators and documenters.",
        "Los informes los descargan administradores, coordinadores y documentadores.",
    ),
    ("analysis.format", "Format", "Formato"),
    ("analysis.format_pdf", "PDF", "PDF"),
    (
        "analysis.format_html",
        "HTML (one file)",
        "HTML (un archivo)",
    ),
    (
        "analysis.format_invalid",
        "Choose PDF or HTML.",
        "Elija PDF o HTML.",
    ),
    (
        "analysis.language",
        "Language of the report",
        "Idioma del informe",
    ),
    (
        "analysis.language_invalid",
        "Choose English or Spanish.",
        "Elija inglés o español.",
    ),
    ("analysis.download", "Download", "Descargar"),
];

fn table() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static TABLE: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        MESSAGES
            .iter()
            .map(|(k, en, es)| (*k, (*en, *es)))
            .collect()
    })
}

/// The text of `key` in `lang`. An unknown key is a bug: it shows as the
/// key itself (and fails the i18n test).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    match table().get(key) {
        Some((en, es)) => lang.pick(en, es),
        None => {
            debug_assert!(false, "missing message {key}");
            key
        }
    }
}

/// The user's language: the `lang` cookie if set, else the first
/// supported language in `Accept-Language`, else English.
pub fn negotiate(headers: &HeaderMap) -> Lang {
    if let Some(lang) = crate::session::cookie(headers, "lang").and_then(|v| Lang::from_tag(&v)) {
        return lang;
    }
    let Some(accept) = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Lang::En;
    };
    let mut ranked: Vec<(f32, Lang)> = accept
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let lang = Lang::from_tag(pieces.next()?)?;
            let q = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            Some((q, lang))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked.first().map_or(Lang::En, |(_, l)| *l)
}

/// A date for display: `3 May 2019` / `3 de mayo de 2019`, keeping the
/// precision (`May 2019`, `2019`) and marking approximate dates.
pub fn format_date(lang: Lang, date: &testimonio_domain::PartialDate) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ES: [&str; 12] = [
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
    let month = |m: u32| match lang {
        Lang::En => EN[(m - 1) as usize],
        Lang::Es => ES[(m - 1) as usize],
    };
    let body = match (date.month(), date.day(), lang) {
        (Some(m), Some(d), Lang::En) => format!("{d} {} {}", month(m), date.year()),
        (Some(m), Some(d), Lang::Es) => format!("{d} de {} de {}", month(m), date.year()),
        (Some(m), None, Lang::En) => format!("{} {}", month(m), date.year()),
        (Some(m), None, Lang::Es) => format!("{} de {}", month(m), date.year()),
        _ => date.year().to_string(),
    };
    if date.is_approximate() {
        format!("{} {body}", lang.pick("about", "hacia"))
    } else {
        body
    }
}

/// A count with the language's grouping: `10,000` / `10 000`.
pub fn format_number(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::En => ',',
        // The RAE recommends a (non-breaking) space, and none for 4 digits.
        Lang::Es => '\u{a0}',
    };
    if lang == Lang::Es && digits.len() <= 4 {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_translated() {
        let mut seen = std::collections::HashSet::new();
        for (k, en, es) in MESSAGES {
            assert!(seen.insert(k), "duplicate key {k}");
            assert!(!en.is_empty() && !es.is_empty(), "{k}");
        }
    }

    /// Every `t(lang, "key")` in the crate's source names a real key, and
    /// every key is used somewhere.
    #[test]
    fn keys_used_in_the_source_exist_and_all_keys_are_used() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut used = std::collections::HashSet::new();
        let mut stack = vec![src];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (i, _) in text.match_indices('"') {
                        let rest = &text[i + 1..];
                        if let Some(end) = rest.find('"') {
                            let candidate = &rest[..end];
                            if table().contains_key(candidate) {
                                used.insert(candidate.to_owned());
                            } else if candidate.contains('.')
                                && candidate.split('.').count() == 2
                                && candidate
                                    .chars()
                                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
                                && MESSAGES.iter().any(|(k, _, _)| {
                                    k.split('.').next() == candidate.split('.').next()
                                })
                            {
                                panic!("{}: unknown message key {candidate:?}", path.display());
                            }
                        }
                    }
                }
            }
        }
        let unused: Vec<_> = MESSAGES
            .iter()
            .map(|(k, _, _)| *k)
            .filter(|k| !used.contains(*k))
            .collect();
        assert!(unused.is_empty(), "unused message keys: {unused:?}");
    }

    #[test]
    fn accept_language_is_negotiated() {
        let mut h = HeaderMap::new();
        h.insert(
            "accept-language",
            "fr-CA, es-MX;q=0.8, en;q=0.5".parse().unwrap(),
        );
        assert_eq!(negotiate(&h), Lang::Es);
        h.insert("cookie", "lang=en".parse().unwrap());
        assert_eq!(negotiate(&h), Lang::En);
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        assert_eq!(format_number(Lang::En, 10_000), "10,000");
        assert_eq!(format_number(Lang::Es, 10_000), "10\u{a0}000");
        assert_eq!(format_number(Lang::Es, 1_000), "1000");
        let d: testimonio_domain::PartialDate = "2019-05-03".parse().unwrap();
        assert_eq!(format_date(Lang::Es, &d), "3 de mayo de 2019");
        let m: testimonio_domain::PartialDate = "~2019-05".parse().unwrap();
        assert_eq!(format_date(Lang::En, &m), "about May 2019");
    }
}
