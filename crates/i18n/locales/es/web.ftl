# La aplicación web. Revisado junto a ../en/web.ftl.

## app
app-name = Testimonio
app-tagline = Documentación cifrada de represalias

## nav
nav-dashboard = Inicio
nav-events = Eventos
nav-people = Personas
nav-groups = Grupos
nav-users = Usuarios
nav-audit = Registro de auditoría
nav-logout = Cerrar sesión
nav-language = Idioma
nav-skip = Saltar al contenido
nav-signed-in-as = Sesión de

## login
login-title = Iniciar sesión
login-username = Usuario
login-password = Contraseña
login-submit = Entrar
login-failed = Usuario o contraseña incorrectos. Tras varios intentos fallidos, espere unos minutos antes de intentarlo de nuevo.
login-rate-limited = Demasiados intentos desde esta dirección. Espere un minuto e intente de nuevo.
login-disabled = Esta cuenta está desactivada.
login-expired = Su sesión terminó. Inicie sesión de nuevo.

## dashboard
dashboard-title = Inicio
dashboard-people = Personas
dashboard-events = Eventos
dashboard-groups = Grupos
dashboard-documents = Documentos
dashboard-protected = Actividades protegidas
dashboard-enforcement = Acciones de control migratorio
dashboard-latest = Eventos más recientes
dashboard-review = Por revisar
dashboard-review-hint = Eventos reportados aún sin corroborar ni documentar
dashboard-new-event = Registrar un evento

## events
events-title = Eventos
events-filter = Filtrar
events-clear = Limpiar
events-any = Cualquiera
events-none = Ningún evento coincide.
events-count = eventos
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
field-people-hint = Una por línea: id de la persona = rol
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
person-title = Persona
person-timeline = Cronología
person-timeline-caption = Actividad protegida arriba de la línea, control migratorio abajo; se marcan los días entre ellas.
person-days-after = días después de
person-identity = Identidad
person-identity-hidden = Los datos de identidad no se muestran a su rol.
person-identity-audited = Esta consulta de datos de identidad quedó registrada en la auditoría.
person-events = Eventos
person-consent-history = Historial de consentimiento

## people
people-title = Personas

## groups
groups-title = Grupos

## group
group-title = Grupo
group-members = Integrantes

## users
users-title = Usuarios
users-add = Agregar un usuario
users-disable = Desactivar
users-enable = Activar
users-active = Activo
users-disabled = Desactivado
users-created = Usuario creado.

## tokens
tokens-title = Tokens de la API
tokens-none = No hay tokens de la API. Emita uno con: testimonio user token NOMBRE
tokens-label = Etiqueta
tokens-created = Emitido
tokens-expires = Vence
tokens-last-used = Último uso
tokens-never = Nunca
tokens-active = Activo
tokens-expired = Vencido
tokens-revoked = Revocado
tokens-revoke = Revocar

## audit
audit-title = Registro de auditoría
audit-chain-ok = La cadena de auditoría está intacta.
audit-chain-broken = La cadena de auditoría está rota:
audit-when = Cuándo
audit-actor = Quién
audit-action = Acción
audit-object = Objeto
audit-detail = Detalle

## lock
lock-button = Bloquear ahora
lock-hint = Borra las claves de la memoria: nada se puede leer hasta desbloquear la bóveda con su frase de contraseña.

## unlock
unlock-title = La bóveda está bloqueada
unlock-passphrase = Frase de contraseña de la bóveda
unlock-submit = Desbloquear
unlock-failed = Frase de contraseña incorrecta.
unlock-rate-limited = Demasiados intentos de desbloqueo desde esta dirección. Espere un minuto e intente de nuevo.
unlock-busy = Se está comprobando otro intento de desbloqueo. Intente de nuevo en un momento.

## error
error-title = Algo salió mal
error-bad-request = No se pudo entender la solicitud.
error-unauthorized = Inicie sesión.
error-forbidden = Su rol no permite esto.
error-csrf = Este formulario expiró o no vino de este sitio. Vuelva atrás, recargue la página e intente de nuevo.
error-not-found = No encontrado.
error-method = Esta acción no está disponible aquí.
error-too-large = La solicitud es demasiado grande.
error-locked = La bóveda está bloqueada.
error-internal = Ocurrió un error inesperado. Quedó registrado; el paso fallido no cambió ningún dato.
error-back = Volver al inicio

## twofactor
twofactor-title = Inicio de sesión en dos pasos
twofactor-settings = Inicio de sesión en dos pasos
twofactor-code = Código de seis dígitos de su aplicación de autenticación
twofactor-wrong-code = Ese código no es válido. Pruebe con el actual.
twofactor-throttled = Demasiados códigos incorrectos para esta cuenta: por un tiempo no se comprueban los códigos. Inténtelo más tarde o pida ayuda al equipo de administración.
twofactor-enabled = El inicio de sesión en dos pasos está activado para esta cuenta.
twofactor-now-enabled = El inicio de sesión en dos pasos quedó activado.
twofactor-scan = Escanee este código con una aplicación de autenticación (por ejemplo FreeOTP o Aegis) y escriba el código que muestra.
twofactor-or-type = O escriba esta clave:
twofactor-enable = Activar
twofactor-disable = Desactivar

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
field-roles = Roles
field-line = Línea
field-place = Lugar
field-note = Nota
field-given-on = Otorgado el
field-withdrawn-on = Retirado el
field-in-force = Vigente hoy

## event
event-unknown-person = ninguna persona tiene este id:
event-unknown-group = ningún grupo tiene este id:
event-id-taken = ya existe un evento con este identificador
event-not-saved = No se pudo guardar el evento. Revise los campos e intente de nuevo.

## person
person-day-after = día después de
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
group-events = Eventos de este grupo
group-all-events = Todos los eventos de este grupo en la lista de eventos
group-no-members = No hay integrantes registrados.
group-latest-shown = Se muestran los 50 eventos más recientes.

## nav
nav-foia = FOIA

## foia
foia-title = Solicitudes FOIA
foia-intro = Solicitudes bajo la Ley de Libertad de Información (FOIA), con los plazos que fija la ley. Las vencidas aparecen primero.
foia-new = Nueva solicitud
foia-edit = Actualizar solicitud
foia-update = Actualizar
foia-count = solicitudes
foia-of-total = de
foia-none = Ninguna solicitud coincide.
foia-only-overdue = Solo vencidas
foia-only-soon = Solo las que vencen en 7 días o menos
foia-reference = Referencia
foia-next-deadline = Próximo plazo
foia-alert = Alerta
foia-overdue = Vencida
foia-due-soon = Vence en 7 días o menos
foia-id = Identificador
foia-agency = Agencia
foia-component = Componente u oficina
foia-component-hint = Por ejemplo, la oficina FOIA de ICE.
foia-subject = Asunto
foia-subject-hint = Se muestra en listas y calendarios: nunca el nombre de una persona.
foia-tracking-number = Número de seguimiento
foia-status = Estado
foia-requester = Solicitante
foia-request-text = Texto de la solicitud
foia-hidden = No se muestra a su rol: puede nombrar a una persona.
foia-date-sent = Enviada el
foia-date-received = Recibida por la agencia el
foia-date-perfected = Completa (perfeccionada) el, si la agencia indica una fecha posterior
foia-expedited-requested = Se pidió trámite acelerado
foia-expedited-outcome = Decisión sobre el trámite acelerado
foia-expedited-date = Fecha de la decisión sobre el trámite acelerado
foia-fee-category = Categoría de tarifas
foia-fee-waiver-requested = Se pidió la exención de tarifas
foia-fee-waiver-outcome = Decisión sobre la exención de tarifas
foia-fee-waiver-date = Fecha de la decisión sobre la exención de tarifas
foia-unusual-circumstances = Prórroga por circunstancias inusuales (10 días hábiles más)
foia-extension-notified = Prórroga notificada el
foia-determination = Determinación
foia-determination-date = Fecha de la determinación
foia-appeal-filed = Apelación presentada el
foia-appeal-received = Apelación recibida por la agencia el
foia-appeal-decided = Apelación resuelta el
foia-appeal-unusual-circumstances = Prórroga de la apelación por circunstancias inusuales
foia-appeal-extension-notified = Prórroga de la apelación notificada el
foia-appeal-window-days = Días para apelar
foia-appeal-window-hint = Días naturales que da la agencia; al menos 90. En blanco: 90.
foia-tolling = Periodos de suspensión del plazo
foia-tolling-hint = Días en que la agencia detuvo el plazo para pedir información o por las tarifas. Vacíe los campos de un periodo para quitarlo.
foia-tolling-kind = Motivo
foia-from = Desde
foia-to = Hasta
foia-to-hint = El día en que la agencia recibió la respuesta; en blanco mientras no la haya recibido.
foia-period = Periodo
foia-add-period = Agregar un periodo
foia-communications = Comunicaciones
foia-rows-hint = Cartas, correos y llamadas con la agencia. Vacíe los campos de una entrada para quitarla.
foia-communication = Comunicación
foia-add-communication = Agregar una comunicación
foia-comm-date = Fecha
foia-direction = Sentido
foia-summary = Resumen
foia-section-request = La solicitud
foia-section-dates = Envío y recepción
foia-section-fees = Trámite acelerado y tarifas
foia-section-determination = Prórroga y determinación
foia-section-appeal = Apelación
foia-deadlines = Plazos
foia-no-deadlines = No se puede calcular ningún plazo hasta que conste el día en que la agencia recibió la solicitud.
foia-inactive = Esta solicitud está cerrada o retirada: sus plazos se conservan como registro y no se señalan.
foia-met-on = Cumplido el
foia-met-late-on = Cumplido con retraso, el
foia-days-left = Próximo, faltan:
foia-due-today = Vence hoy
foia-overdue-by = Vencido hace
foia-reached-since = Alcanzado, desde hace
foia-provisional = Provisional: hay un periodo de suspensión abierto.
foia-day = día
foia-days = días
foia-timeline = Cronología
foia-ev-sent = Enviada a la agencia
foia-ev-received = Recibida por la agencia
foia-ev-perfected = Perfeccionada: la agencia cuenta desde aquí
foia-ev-tolled = Plazo detenido
foia-ev-restarted = El plazo se reanuda al día siguiente
foia-ev-extension = Aviso de circunstancias inusuales
foia-ev-appeal-extension = Aviso de circunstancias inusuales en la apelación
foia-no-communications = No hay comunicaciones registradas.
foia-productions = Documentos entregados
foia-no-productions = Todavía no se han entregado documentos.
foia-document = Documento
foia-bates = Números Bates
foia-produced-on = Recibido el
foia-id-taken = ya existe una solicitud con este identificador
foia-not-a-number = debe ser un número entero de días
foia-too-many-rows = Demasiados periodos o comunicaciones en un solo formulario.
foia-is-before = es anterior a
foia-requires = solo se aplica junto con
foia-overlaps = se superpone con

## nav
nav-documents = Documentos

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
documents-obtained-on = Obtenido el
documents-media-type = Tipo de archivo
documents-extracted-with = Texto leído con
documents-attachments = Adjuntos
documents-no-attachments = Sin adjuntos.
documents-no-pages = No se ha leído texto de este documento.
documents-page = Página
documents-method = Método
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

## nav
nav-search = Buscar
nav-watchlists = Alertas

## error
error-too-many-renders = Ya se están preparando imágenes de página para su cuenta. Espere a que aparezcan y luego recargue esta.
error-overloaded = El servidor está ocupado preparando imágenes de página. Intente de nuevo en un momento.
error-busy = El índice de búsqueda se está preparando o actualizando. Intente de nuevo en un minuto.

## dashboard
dashboard-pending-hits = resultados de alertas por revisar

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
search-help-intro = Todas las palabras escritas juntas deben coincidir. No se distinguen mayúsculas ni acentos, salvo con exact:. AND une más que OR. Cada resultado indica el documento y la página.
search-help-word = una palabra
search-help-phrase = una frase, palabra por palabra
search-help-slop = las palabras a 5 posiciones o menos una de otra
search-help-near = lo mismo, en cualquier orden
search-help-prefix = palabras que empiezan por «inst»
search-help-fuzzy = palabras a 1 o 2 cambios (errores de OCR, grafías)
search-help-boolean = AND, OR, NOT y paréntesis
search-help-minus = sin esta palabra (igual que NOT)
search-help-exact = mayúsculas y acentos tal como se escriben
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

## nav
nav-analysis = Análisis

## dashboard
dashboard-analysis = Ver el análisis del patrón

## analysis
analysis-title = Análisis del patrón
analysis-intro = ¿Sigue la acción migratoria a la actividad protegida, más de cerca que el azar, y con qué extensión? Las mismas cifras que los informes, para los destinatarios elegidos: sin nombres, sin datos de identidad, sin identificadores de registro.
analysis-audience = Destinatarios
analysis-audience-internal = Uso interno (nada suprimido)
analysis-audience-coalition = Coalición
analysis-audience-public = Público
analysis-audience-invalid = Elija uso interno, coalición o público.
analysis-min-count = Menor conteo publicado
analysis-min-count-hint = Coalición y público: se suprimen los conteos de menos personas (de 2 a 1000; 5 si se deja vacío).
analysis-min-count-invalid = debe ser un número entero de 2 a 1000.
analysis-show = Mostrar
analysis-notice-internal = Cifras internas: se cuenta a todas las personas documentadas, sea cual sea su consentimiento, y no se suprime nada. No las comparta fuera del grupo; elija la coalición o el público para cifras que puedan salir de él.
analysis-notice-coalition = Cifras para la coalición: solo se cuenta a quienes aceptaron figurar en las estadísticas de la coalición.
analysis-notice-public = Cifras públicas: solo se cuenta a quienes aceptaron que se publique su relato sin datos que los identifiquen.
analysis-notice-suppressed = Todo conteo de menos personas que
analysis-notice-suppressed-end = aparece como «suprimido», nunca como número, junto con cualquier otro conteo que permitiera deducirlo.
analysis-suppressed = suprimido
analysis-suppressed-note = «Suprimido»: menos personas que el umbral, u ocultado para que otro conteo no pueda deducirse.
analysis-as-of = Consentimiento leído el
analysis-who = A quién se cuenta
analysis-people-counted = Personas contadas
analysis-people-targeted = Afectadas por una acción de control migratorio
analysis-enforcement-actions = Acciones de control migratorio
analysis-protected-activities = Actividades protegidas
analysis-timing = Cuán pronto siguió la acción migratoria a la actividad protegida
analysis-timing-hint = Proporción de pares de una acción de control migratorio y una persona afectada por ella que ocurrieron dentro de tantos días desde la actividad protegida más reciente de esa misma persona.
analysis-timing-suppressed = Muy pocas acciones de control migratorio para estos destinatarios: las cifras de proximidad temporal están suprimidas.
analysis-within = dentro de
analysis-day = día
analysis-days = días
analysis-of = de
analysis-pairs-word = pares de acción y persona
analysis-people-word = personas
analysis-windows-caption = Acciones dentro de un plazo tras la actividad protegida (pares de acción y persona)
analysis-window = Plazo
analysis-after-own = Tras actividad propia
analysis-after-group = Tras actividad del grupo
analysis-share = Proporción
analysis-all-pairs = Todos los pares
analysis-group-note = Actividad del grupo: la actividad protegida más reciente de cualquier grupo al que pertenece la persona, sobre los pares cuya persona pertenece a un grupo.
analysis-median = mediana
analysis-quartiles = cuartiles
analysis-and = y
analysis-from = de
analysis-to = a
analysis-over = sobre
analysis-pairs-with-earlier = pares con una actividad anterior
analysis-quartiles-withheld = no se dan mediana ni cuartiles (muy pocos pares o personas).
analysis-imprecise = Pares que dependen de una fecha conocida solo al mes o al año, o aproximada
analysis-chart-intervals = Personas según el intervalo más corto entre una actividad protegida suya y una acción posterior en su contra
analysis-chart-intervals-desc = Gráfico de barras de personas por intervalo más corto; las categorías suprimidas no tienen barra.
analysis-as-table = Las cifras en un cuadro
analysis-pairs-by-interval = Pares de acción y persona según los días desde la actividad protegida más reciente de la persona
analysis-interval = Intervalo
analysis-people = Personas
analysis-pairs = Pares
analysis-total = Total
analysis-nobody = Ninguna documentada.
analysis-interval-0-30 = 0–30 días
analysis-interval-31-90 = 31–90 días
analysis-interval-91-180 = 91–180 días
analysis-interval-181-365 = 181–365 días
analysis-interval-over-365 = más de 365 días
analysis-interval-none-people = ninguna acción tras una actividad
analysis-interval-none-pairs = sin actividad anterior
analysis-chance = Prueba frente al azar
analysis-permutation-test = prueba de permutaciones
analysis-permutations = permutaciones
analysis-seed = semilla
analysis-mean-observed = Intervalo promedio en días, observado:
analysis-mean-chance = por azar
analysis-null-range = el 95 % de las permutaciones entre
analysis-capped-at = cada intervalo limitado a
analysis-test-over = Sobre
analysis-method = Método
analysis-nothing-to-test = Ninguna acción nombra a una persona afectada, así que la proximidad no pudo compararse con el azar.
analysis-chance-withheld = Suprimida: muy pocas personas afectadas para estos destinatarios, así que no se informa la prueba frente al azar.
analysis-where = Dónde ocurrió
analysis-spread = Extensión y concentración
analysis-spread-hint = Personas, cada una contada una vez, según su primera acción de control migratorio documentada: su estado, su oficina local de ICE, su año y su tipo.
analysis-field-offices = Oficinas locales de ICE
analysis-states = Estados o territorios
analysis-largest-office = Proporción de la oficina con más personas
analysis-not-published = No se publica: podría revelar un conteo suprimido.
analysis-hhi = Índice de concentración (Herfindahl-Hirschman)
analysis-hhi-hint = De 1/n cuando las personas se reparten por igual entre n oficinas a 1 cuando están todas en una.
analysis-map = Personas según el estado de su primera acción de control migratorio
analysis-map-desc = Mapa de Estados Unidos como una cuadrícula de cuadrados iguales, uno por estado, sombreados según el número de personas; los estados suprimidos están rayados y marcados como suprimidos.
analysis-none-documented = ninguna documentada
analysis-by-state = Personas según el estado de su primera acción de control migratorio
analysis-state = Estado
analysis-by-office = Personas según la oficina local de ICE de su primera acción de control migratorio
analysis-field-office = Oficina local
analysis-over-time = En el tiempo y por tipo
analysis-chart-years = Personas según el año de su primera acción de control migratorio
analysis-chart-years-desc = Gráfico de barras de personas por año; los años suprimidos no tienen barra.
analysis-year = Año
analysis-by-type = Personas según el tipo de su primera acción de control migratorio
analysis-type = Tipo de acción
analysis-unknown = desconocido
analysis-axis-people = personas
analysis-report = Descargar el informe
analysis-report-hint = El informe completo (resumen, metodología, gráficos, mapa, cuadros y casos con seudónimo) para los destinatarios elegidos. Se anota en el registro de auditoría antes de enviarse.
analysis-report-writers-only = Los informes los descargan administradores, coordinadores y documentadores.
analysis-format = Formato
analysis-format-pdf = PDF
analysis-format-html = HTML (un archivo)
analysis-format-invalid = Elija PDF o HTML.
analysis-language = Idioma del informe
analysis-language-invalid = Elija inglés o español.
analysis-download = Descargar
