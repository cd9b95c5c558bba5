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
# $days: una cantidad de días, escrita («3 días»).
foia-days-left = Próximo, faltan { $days }
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
foia-cli-no-date = ninguno
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
