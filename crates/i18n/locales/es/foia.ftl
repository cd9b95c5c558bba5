# foia: messages of the foia slice (see ARCHITECTURE.md, "One message catalog").

## Las páginas: etiquetas
foia-title = Solicitudes FOIA
foia-intro = Solicitudes bajo la Ley de Libertad de Información (FOIA), con los plazos que fija la ley. Las vencidas aparecen primero.
foia-new = Nueva solicitud
foia-edit = Actualizar solicitud
foia-update = Actualizar
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
foia-add-period = Agregar un periodo
foia-communications = Comunicaciones
foia-rows-hint = Cartas, correos y llamadas con la agencia. Vacíe los campos de una entrada para quitarla.
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
foia-due-today = Vence hoy
foia-provisional = Provisional: hay un periodo de suspensión abierto.
foia-timeline = Cronología
foia-ev-sent = Enviada a la agencia
foia-ev-received = Recibida por la agencia
foia-ev-perfected = Perfeccionada: la agencia cuenta desde aquí
foia-ev-restarted = El plazo se reanuda al día siguiente
foia-ev-extension = Aviso de circunstancias inusuales
foia-ev-appeal-extension = Aviso de circunstancias inusuales en la apelación
foia-no-communications = No hay comunicaciones registradas.
foia-productions = Documentos entregados
foia-no-productions = Todavía no se han entregado documentos.
foia-document = Documento
foia-bates = Números Bates
foia-produced-on = Recibido el
foia-not-a-number = debe ser un número entero de días
foia-too-many-rows = Demasiados periodos o comunicaciones en un solo formulario.

## La lista, la página de una solicitud y el formulario: mensajes con argumentos
# $count solicitudes mostradas; $total: cuántas hay guardadas en total.
foia-count = { $count ->
    [one] { $count } solicitud
   *[other] { $count } solicitudes
}
foia-count-of-total = { $count ->
    [one] { $count } solicitud
   *[other] { $count } solicitudes
} de { $total }
foia-back = ← Solicitudes FOIA
# $id: el identificador de la solicitud.
foia-back-to-request = ← Solicitud { $id }
# El título de la página: la referencia y el asunto de la solicitud.
foia-page-title = { $reference } · { $subject }
# El encabezado de un plazo: su nombre y su fecha.
foia-deadline-heading = { $deadline }: { $date }
foia-met-on = Cumplido el { $date }
foia-met-late-on = Cumplido con retraso, el { $date }
# $count: los días que faltan para el plazo.
foia-days-left = { $count ->
    [one] Próximo, falta { $count } día
   *[other] Próximo, faltan { $count } días
}
# $days: una cantidad de días, escrita («3 días»).
foia-overdue-by = Vencido hace { $days }
foia-reached-since = Alcanzado hace { $days }
foia-ev-tolled = Plazo detenido: { $reason }
foia-ev-expedited = Decisión sobre el trámite acelerado: { $outcome }
foia-ev-fee-waiver = Decisión sobre la exención de tarifas: { $outcome }
foia-ev-determination = Determinación: { $outcome }
# Una comunicación en la cronología: su sentido y su resumen.
foia-ev-communication = { $direction }: { $summary }
# Una decisión: su resultado y su fecha.
foia-decision = { $outcome }, { $date }
foia-extension-notified-note = (prórroga notificada el { $date })
foia-notified-note = (notificada el { $date })
foia-bates-range = { $first } – { $last }
# $other: la etiqueta de otro campo del formulario.
foia-is-before = es anterior a «{ $other }»
foia-requires = solo se aplica junto con «{ $other }»
foia-overlaps = se superpone con «{ $other }»
# $number: la posición de la fila en el formulario, desde 1.
foia-period = Periodo { $number }
foia-communication = Comunicación { $number }
# Un problema en una fila del formulario: la fila, el campo, el motivo.
foia-row-problem = { $row }, { $field }: { $reason }

## Problemas de una solicitud (los nombres de campo son los del formato de intercambio)
foia-problem-in-future = es posterior a hoy
foia-problem-before = es anterior a { $other }
foia-problem-overlaps = se superpone con { $other }
foia-problem-below-minimum = debe ser de al menos { $min ->
    [one] { $min } día
   *[other] { $min } días
} (el mínimo que permite la ley)
foia-problem-requires = tiene valor pero { $other } no
foia-problem-taken = ya existe una solicitud con este identificador

## Exportaciones
foia-calendar-name = Plazos FOIA
# $kind: request (solicitud) o appeal (apelación); $reference: el número de seguimiento o el identificador.
foia-letter-title = { $kind ->
    [appeal] Apelación FOIA
   *[request] Solicitud FOIA
} { $reference }

## La línea de comandos
foia-cli-overdue = VENCIDA
foia-cli-no-date = sin fecha
foia-cli-production = entrega { $document } { $first }..{ $last }
foia-cli-unknown-bates = ?
foia-cli-event = evento { $id }
foia-cli-linked = Vínculo registrado.
foia-cli-calendar-written = Calendario escrito en { $path }
# $reasons: cada problema encontrado, «campo: motivo; campo: motivo».
foia-cli-nothing-stored = no se guardó nada: { $reasons }
foia-cli-toll-format = --toll { $value }: se espera TIPO:DESDE[..HASTA]
foia-cli-determination-format = --determination: se espera RESULTADO:FECHA
foia-cli-note-format = --note: se espera FECHA:in|out:RESUMEN
foia-cli-letter-kind = --kind: request o appeal
foia-cli-link-what = indique --document o --event
foia-cli-id-taken = La solicitud FOIA { $id } ya existe: use `foia update`

## Códigos de una solicitud: estados, categorías de tarifas, resultados, sentidos
# Status
foia-status-drafted = Borrador
foia-status-submitted = Enviada
foia-status-acknowledged = Acuse de recibo de la agencia
foia-status-clarification-requested = Aclaración solicitada
foia-status-fee-dispute = Disputa de tarifas
foia-status-processing = En trámite
foia-status-partial-release = Entrega parcial
foia-status-released = Entregada
foia-status-no-records = No se encontraron registros
foia-status-denied = Denegada
foia-status-appealed = Apelada
foia-status-appeal-decided = Apelación resuelta
foia-status-in-litigation = En litigio
foia-status-closed = Cerrada
foia-status-withdrawn = Retirada
# FeeCategory
foia-fee-category-commercial = Solicitante con fines comerciales
foia-fee-category-educational = Institución educativa o científica sin fines comerciales
foia-fee-category-news-media = Representante de medios de comunicación
foia-fee-category-other = Otros solicitantes
# Outcome
foia-outcome-granted = Concedida
foia-outcome-denied = Denegada
# DeterminationOutcome
foia-determination-granted = Concedida en su totalidad
foia-determination-partially-granted = Concedida en parte
foia-determination-denied = Denegada
foia-determination-no-records = No se encontraron registros
# Direction
foia-direction-in = Recibida de la agencia
foia-direction-out = Enviada a la agencia

## Plazos, reglas, hechos de inicio, suspensiones y días no contados
foia-deadline-determination = vence la determinación
foia-deadline-expedited-decision = vence la decisión sobre el trámite acelerado
foia-deadline-appeal = último día para apelar
foia-deadline-appeal-decision = vence la resolución de la apelación
foia-deadline-may-sue = puede demandar desde
foia-tolling-clarification = suspendido: en espera de la aclaración del solicitante
foia-tolling-fee-dispute = suspendido: cuestión de tarifas con el solicitante
foia-skip-weekend = fin de semana
foia-rule-working-days = Días hábiles
foia-rule-calendar-days = Días naturales
foia-rule-determination = Fecha límite para la determinación
foia-rule-determination-extended = Fecha límite para la determinación (prorrogada por circunstancias inusuales)
foia-rule-expedited-decision = Fecha límite para decidir sobre el trámite acelerado
foia-rule-appeal-window = Último día para apelar
foia-rule-appeal-decision = Fecha límite para resolver la apelación
foia-rule-appeal-decision-extended = Fecha límite para resolver la apelación (prorrogada por circunstancias inusuales)
foia-rule-constructive-exhaustion = Puede demandar desde (agotamiento implícito de la vía administrativa)
foia-start-given = la fecha de inicio
foia-start-received = el día en que el componente competente recibió la solicitud
foia-start-perfected = el día en que la solicitud quedó completa (perfeccionada)
foia-start-determination = la fecha de la determinación desfavorable
foia-start-appeal-received = el día en que se recibió la apelación
foia-start-determination-due = la fecha límite para la determinación
foia-start-appeal-decision-due = la fecha límite para resolver la apelación

## El plazo legal: explicaciones de las fechas calculadas (5 U.S.C. 552(a)(6))
# $rule: el nombre de la regla; $result y $start: días como los escribe foia-day;
# $unit: working (hábiles) o calendar (naturales); $after: uno de los mensajes foia-after-*.
foia-explanation = { $rule }: { $result }. { $count } { $unit ->
    [working] { $count ->
        [one] día hábil
       *[other] días hábiles
    }
   *[calendar] { $count ->
        [one] día natural
       *[other] días naturales
    }
} { $after } ({ $start }), { $citation }.
foia-counting-starts = La cuenta empieza el día siguiente.
# $days: los días no contados, cada uno como foia-skipped-day, separados por comas.
foia-not-counted = No se cuentan: { $days }.
foia-skipped-day = { $day } ({ $reason })
# Un día en una explicación: la abreviatura del día de la semana y la fecha ISO.
foia-day = { $weekday ->
    [mon] lun
    [tue] mar
    [wed] mié
    [thu] jue
    [fri] vie
    [sat] sáb
   *[sun] dom
} { $date }
foia-after-given = después de la fecha de inicio
foia-after-received = después del día en que el componente competente recibió la solicitud
foia-after-perfected = después del día en que la solicitud quedó completa (perfeccionada)
foia-after-determination = después de la fecha de la determinación desfavorable
foia-after-appeal-received = después del día en que se recibió la apelación
foia-after-determination-due = después de la fecha límite para la determinación
foia-after-appeal-decision-due = después de la fecha límite para resolver la apelación
foia-note-started-on-perfection = La solicitud se recibió el { $received } pero quedó completa después; la agencia cuenta desde entonces.
foia-note-extension-applied = Circunstancias inusuales: 10 días hábiles más (5 U.S.C. 552(a)(6)(B)(i)), notificadas el { $notified }; sin la prórroga la fecha era el { $original }.
foia-note-extension-applied-unnotified = Circunstancias inusuales: 10 días hábiles más (5 U.S.C. 552(a)(6)(B)(i)), sin fecha de notificación registrada; sin la prórroga la fecha era el { $original }.
foia-note-extension-notice-late = Se notificó una prórroga el { $notified }, cuando ya había vencido el plazo del { $original }; un plazo vencido no puede prorrogarse, así que no se cuenta.
foia-note-clarification-not-honored = La agencia solo puede detener el plazo una vez para pedir información (5 U.S.C. 552(a)(6)(A)(ii)(I)); la solicitud de aclaración del { $from } no lo detiene.
foia-note-tolling-open = El plazo está detenido desde el { $from } y no consta la respuesta del solicitante: se cuenta como detenido hasta el { $through }. La fecha se mueve con cada día hábil hasta que llegue la respuesta.
foia-note-not-moved = El { $date } no es día hábil; la regla cuenta días naturales, así que la fecha no se mueve.
foia-note-longer-appeal-window = La agencia da { $days } días para apelar, más que los 90 que la ley exige como mínimo.
foia-note-answered-late = La agencia respondió el { $on }, después del plazo. Los tribunales no coinciden en si una respuesta tardía obliga a apelar en la vía administrativa antes de demandar.
foia-note-saturated = La cuenta llegó al final del calendario y se detuvo allí.

## El archivo de calendario (iCalendar)
# El título de un evento: la referencia de la solicitud, la abreviatura de la agencia, el plazo.
foia-ics-summary = { $reference } ({ $agency }): { $deadline }
foia-ics-met-on = Cumplido el { $date }.
foia-ics-met-late-on = Cumplido tarde, el { $date }.
foia-ics-provisional = Provisional: la fecha se mueve mientras el plazo está detenido.
foia-ics-request = Solicitud: { $id }
foia-ics-category = Plazo FOIA

## Días festivos legales (5 U.S.C. 6103) y agencias federales
foia-holiday-new-years-day = Año Nuevo
foia-holiday-martin-luther-king-jr-birthday = Natalicio de Martin Luther King, Jr.
foia-holiday-washingtons-birthday = Natalicio de Washington (Día de los Presidentes)
foia-holiday-memorial-day = Día de los Caídos
foia-holiday-juneteenth-national-independence-day = Día Nacional de la Independencia de Juneteenth
foia-holiday-independence-day = Día de la Independencia
foia-holiday-labor-day = Día del Trabajo
foia-holiday-columbus-day = Día de Colón
foia-holiday-veterans-day = Día de los Veteranos
foia-holiday-thanksgiving-day = Día de Acción de Gracias
foia-holiday-christmas-day = Día de Navidad
foia-agency-ice = Servicio de Inmigración y Control de Aduanas (ICE)
foia-agency-cbp = Oficina de Aduanas y Protección Fronteriza (CBP)
foia-agency-uscis = Servicio de Ciudadanía e Inmigración (USCIS)
foia-agency-dhs = Departamento de Seguridad Nacional (Oficina de Privacidad y otros componentes)
foia-agency-dhs-oig = Oficina del Inspector General del DHS
foia-agency-dhs-crcl = Oficina de Derechos Civiles y Libertades Civiles del DHS
foia-agency-eoir = Oficina Ejecutiva de Revisión de Casos de Inmigración (EOIR)
foia-agency-doj = Departamento de Justicia (otros componentes)
foia-agency-fbi = Buró Federal de Investigaciones (FBI)
foia-agency-usms = Servicio de Alguaciles de los Estados Unidos (USMS)
foia-agency-bop = Oficina Federal de Prisiones (BOP)
foia-agency-dos = Departamento de Estado
foia-agency-hhs = Departamento de Salud y Servicios Humanos (incluida la Oficina de Reasentamiento de Refugiados)
foia-agency-dol = Departamento de Trabajo
foia-agency-ssa = Administración del Seguro Social
foia-agency-dod = Departamento de Defensa
foia-agency-other = Otra agencia federal

foia-download-calendar = Descargar los plazos (archivo de calendario)
foia-download-request-letter = Carta de solicitud
foia-download-appeal-letter = Carta de apelación
