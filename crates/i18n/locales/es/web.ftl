# La aplicación web. Revisado junto a ../en/web.ftl.

## events
events-title = Eventos
events-filter = Filtrar
events-clear = Limpiar
events-any = Cualquiera
events-none = Ningún evento coincide.
events-previous = Anterior
events-next = Siguiente
events-page = Página

## event
event-new = Nuevo evento
event-edit = Editar evento
event-save = Guardar
event-saved = Guardado.
event-has-errors = Corrija los campos señalados abajo.

## field
field-id = Identificador
field-kind = Clase
field-event-type = Tipo
field-date = Fecha
field-date-hint = AAAA-MM-DD, AAAA-MM o AAAA; ~ delante si es aproximada
field-end-date = Fecha de fin
field-state = Estado
field-city = Ciudad
field-facility = Centro o lugar
field-agency = Agencia
field-field-office = Oficina local
field-people = Personas y roles
field-groups = Grupos
field-groups-hint = Ids de grupos separados por espacios
field-narrative = Relato
field-verification = Verificación
field-person = Persona
field-group = Grupo
field-from = Desde
field-to = Hasta
field-pseudonym = Seudónimo
field-legal-name = Nombre legal
field-aliases = Alias
field-contact = Contacto
field-a-number = Número A
field-immigration-status = Estatus migratorio
field-address = Dirección
field-birth-year = Año de nacimiento
field-consent = Consentimiento
field-role = Rol
field-username = Usuario
field-password = Contraseña
field-status = Estado
field-name = Nombre

## person
person-timeline = Cronología
person-timeline-caption = Actividad protegida arriba de la línea, control migratorio abajo; se marcan los días entre ellas.
person-identity = Identidad
person-identity-hidden = Los datos de identidad no se muestran a su rol.
person-identity-audited = Esta consulta de datos de identidad quedó registrada en la auditoría.
person-consent-history = Historial de consentimiento

## people
people-title = Personas

## groups
groups-title = Grupos

## group
group-members = Integrantes

## error
error-forbidden = Su rol no permite esto.
error-not-found = No encontrado.
error-internal = Ocurrió un error inesperado. Quedó registrado; el paso fallido no cambió ningún dato.

## common
common-yes = Sí
common-no = No
common-none = —
common-save = Guardar
common-add = Agregar
common-view = Ver
common-edit = Editar

## events
events-page-of = de

## field
field-range-hint = AAAA-MM-DD, AAAA-MM o AAAA
field-day-hint = AAAA-MM-DD
field-id-hint = Déjelo en blanco para generar uno. Solo letras, dígitos y . _ : -; nunca un nombre.
field-enforcement-only = Solo para acciones de control migratorio.
field-place = Lugar
field-note = Nota
field-given-on = Otorgado el
field-withdrawn-on = Retirado el
field-in-force = Vigente hoy

## event
event-id-taken = ya existe un evento con este identificador
event-not-saved = No se pudo guardar el evento. Revise los campos e intente de nuevo.

## person
person-consent-today = Consentimiento vigente
person-add-consent = Registrar un consentimiento otorgado
person-withdraw = Retirar el consentimiento
person-withdraw-hint = Da por terminado todo consentimiento vigente en esa fecha.
person-withdraw-on = Retirado a partir del
person-no-events = No hay eventos registrados para esta persona.
person-timeline-list = Los mismos eventos en una lista
person-no-consent = No hay consentimiento registrado: solo uso interno.

## people
people-none = Todavía no hay personas registradas.

## groups
groups-none = Todavía no hay grupos registrados.

## group
group-all-events = Todos los eventos de este grupo en la lista de eventos
group-no-members = No hay integrantes registrados.
group-latest-shown = Se muestran los 50 eventos más recientes.

## documents
documents-title = Documentos
documents-intro = Archivos originales de la bóveda, con el texto leído de cada página.
documents-none = Ningún documento coincide.
documents-source = Origen
documents-status = Extracción de texto
documents-foia = Solicitud FOIA
documents-include-attachments = Incluir adjuntos
documents-name = Archivo
documents-pages = Páginas
documents-size = Tamaño
documents-added = Añadido
documents-id = Identificador
documents-doc-title = Título
documents-parent = Encontrado dentro de
documents-custodian = Custodio
documents-own-date-label = Fecha del documento
documents-obtained-on = Obtenido el
documents-media-type = Tipo de archivo
documents-extracted-with = Texto leído con
documents-attachments = Adjuntos
documents-no-attachments = Sin adjuntos.
documents-no-pages = No se ha leído texto de este documento.
documents-page = Página
documents-method = Método
documents-decision = Por qué se lee así
documents-chars = Caracteres
documents-confidence = Confianza del OCR
documents-bates = Número Bates
documents-problem = Problema
documents-custody = Cadena de custodia
documents-when = Cuándo
documents-action = Acción
documents-actor = Por
documents-source-path = Desde
documents-host = Equipo
documents-details = Detalles
documents-act-received = recibido
documents-act-received-again = recibido de nuevo
documents-act-ingested = ingresado
documents-act-exported = exportado
documents-previous-page = Página anterior
documents-next-page = Página siguiente
documents-text = Texto de la página
documents-empty-page = No se encontró texto en esta página.
documents-no-image = Este documento no tiene imágenes de página: solo se muestra su texto.

## search
search-title = Buscar
search-query = Buscar
search-submit = Buscar
search-results-heading = Resultados
search-results = Resultados
search-no-results = Nada coincide con esta consulta.
search-past-the-end = No hay más resultados a partir de aquí.
search-first-page = Volver a los primeros resultados
search-not-current = Otro proceso está actualizando el índice de búsqueda: puede que falten las páginas más recientes.
search-score = puntuación
search-kind-page = Página de documento
search-kind-event = Relato de evento
search-lang-eng = Inglés
search-lang-spa = Español
search-lang-und = Sin determinar
search-narrow = Acotar la búsqueda
search-facet-kind = Clase
search-facet-source = Origen
search-facet-foia = Solicitud FOIA
search-facet-year = Año
search-facet-lang = Idioma
search-help-title = Cómo escribir una consulta
search-help-intro = Todas las palabras escritas juntas deben coincidir. No se distinguen mayúsculas ni acentos, y una palabra también encuentra sus otras formas en español y en inglés (instigadora encuentra instigadoras, proceeding encuentra proceedings), salvo con exact:. AND une más que OR. Los operadores se escriben en mayúsculas, en español o en inglés: Y (AND), O (OR), NO (NOT), CERCA (NEAR); en minúsculas son palabras. Cada resultado indica el documento y la página.
search-help-word = una palabra, en cualquiera de sus formas (también instigators)
search-help-phrase = una frase, palabra por palabra (cada palabra en cualquiera de sus formas)
search-help-slop = las palabras a 5 posiciones o menos una de otra
search-help-near = lo mismo, en cualquier orden (también CERCA/5)
search-help-prefix = palabras que empiezan por «inst»
search-help-fuzzy = palabras a 1 o 2 cambios (errores de OCR, grafías)
search-help-boolean = AND, OR, NOT y paréntesis
search-help-boolean-spanish = lo mismo con los operadores en español Y, O y NO, en mayúsculas (y, o y no son palabras)
search-help-minus = sin esta palabra (igual que NOT)
search-help-exact = mayúsculas y acentos tal como se escriben, y solo esa forma de la palabra
search-help-kind = solo páginas de documentos, o solo relatos de eventos
search-help-source = solo documentos de un origen (códigos abajo)
search-help-foia-doc = solo la producción de una solicitud FOIA, o un documento
search-help-date = un año, un rango de años, un mes, hasta un día
search-help-person-group = eventos de una persona o un grupo (por identificador)
search-help-lang = páginas en inglés o en español
search-help-sources = Orígenes:

## documents
documents-places-hidden = El lugar de donde vinieron los originales (rutas y equipos) solo se muestra a los roles que los reciben.
documents-query-unreadable = No se pudo leer la búsqueda:
documents-no-match = Nada en esta página coincide con
documents-first-match = Ir a la primera coincidencia
documents-back-to-results = Volver a los resultados
documents-excerpt-marked = El extracto está marcado en el texto.
documents-go-to-excerpt = Ir al extracto
documents-excerpt-changed = El texto de esta página ya no coincide con el extracto citado.

## excerpts
excerpts-none = Todavía no hay pasajes de documentos vinculados aquí.
excerpts-tags = Etiquetas
excerpts-withheld = Cita reservada: este pasaje está vinculado a personas cuya identidad su rol no ve, y podría nombrarlas.

## watchlists
watchlists-title = Alertas
watchlists-intro = Búsquedas guardadas que se vuelven a ejecutar con cada página nueva: lo que encuentran espera aquí su revisión.
watchlists-name = Nombre
watchlists-query = Consulta
watchlists-purpose = Propósito
watchlists-owner = Responsable
watchlists-last-run = Última ejecución
watchlists-pending = Por revisar
watchlists-inactive = inactiva
watchlists-never = nunca
watchlists-none = Todavía no hay alertas.
watchlists-review = Resultados por revisar
watchlists-run = Ejecutar todas las alertas ahora
watchlists-add = Agregar una alerta
watchlists-required = es obligatorio
watchlists-query-hint = En el lenguaje de búsqueda, por ejemplo: leader NEAR/5 protest
watchlists-query-help = Cómo escribir una consulta (en la página de búsqueda)
watchlists-query-broken = No se ejecuta: esta consulta guardada ya no se puede leer:
watchlists-not-run = no se ejecuta
watchlists-purpose-hint = Por qué se vigila, para quien revise los resultados
watchlists-save-and-run = Guardar y ejecutar

## hits
hits-title = Resultados de alertas por revisar
hits-all = Todas las alertas
hits-pending = por revisar
hits-showing = se muestran los más recientes:
hits-none = Nada por revisar.
hits-accept = Aceptar como extracto
hits-dismiss = Descartar
hits-event = Vincular al evento
hits-person = Vincular a la persona
hits-optional-id = Opcional: el identificador
hits-unknown-record = Ningún registro tiene este identificador.
hits-events-not-excerpted = Un resultado en el relato de un evento no puede ser un extracto: solo los pasajes de documentos.

