# Casos: expedientes legales o de incidencia en torno a una persona o un grupo
# (crates/domain/src/case.rs, crates/app/src/records/cases.rs, los comandos,
# las páginas y la API de casos).

case-kind-removal-defense = Defensa contra la deportación
case-kind-prosecutorial-discretion = Solicitud de discreción fiscal
case-kind-first-amendment = Demanda por la Primera Enmienda
case-kind-foia-litigation = Litigio FOIA
case-kind-advocacy = Incidencia
case-status-open = Abierto
case-status-pending-decision = En espera de decisión
case-status-won = Ganado
case-status-lost = Perdido
case-status-closed = Cerrado
case-link-kind-event = Evento
case-link-kind-document = Documento
case-link-kind-excerpt = Extracto
case-link-kind-foia = Solicitud FOIA
case-link-kind-testimony = Testimonio

## El paquete del caso (crates/report/src/packet.rs)

packet-case = El caso
packet-case-title = Caso:
packet-case-kind = Tipo:
packet-case-status = Estado:
packet-case-attorney = Abogado/a:
packet-case-opened = Apertura:
packet-case-subtitle = { $title } — { $kind }

## Línea de comandos (crates/testimonio/src/commands/case.rs)

case-recorded = Caso { $id } registrado ({ $title }).
case-list-empty = Todavía no hay ningún caso registrado.
case-field-id = Id
case-field-title = Título
case-field-kind = Tipo
case-field-status = Estado
case-field-subject = Sobre
case-field-attorney = Abogado/a
case-field-opened = Apertura
case-field-closed = Cierre
case-field-notes = Notas
case-excerpt-withheld = cita retenida (vincula un pasaje con alguien cuya identidad usted no puede ver)
# $id: el id de un registro vinculado que ya no está guardado.
case-link-missing = { $id } (ya no está guardado)
case-linked = Caso { $case }: vínculo añadido ({ $kind } { $target }).
case-link-kept = Caso { $case }: ya estaba vinculado ({ $kind } { $target }); no se cambió nada.
case-unlinked = Caso { $case }: vínculo quitado ({ $kind } { $target }).
case-unlink-none = Caso { $case }: no había tal vínculo ({ $kind } { $target }); no se cambió nada.
case-status-set = Caso { $id }: { $outcome ->
    [unchanged] el estado ya era { $status }
   *[updated] el estado ahora es { $status }
}.
cli-about-case = Casos: expedientes legales o de incidencia en torno a una persona o un grupo
cli-about-case-add = Registrar un caso sobre una persona o un grupo
cli-about-case-list = Listar los casos
cli-about-case-show = Mostrar un caso con sus registros vinculados (las notas solo para quien puede ver identidades)
cli-about-case-link = Vincular un caso a un evento, documento, extracto, solicitud FOIA o testimonio
cli-about-case-unlink = Quitar un registro de un caso
cli-about-case-status = Cambiar el estado de un caso
cli-about-case-packet = Escribir el paquete de un caso: el paquete de la persona con el caso en la portada (interno)
cli-arg-case-id = Id del caso (case-…)
cli-arg-case-add-id = Id del caso nuevo (por omisión: un id case-… nuevo)
cli-arg-case-title = Título del caso
cli-arg-case-kind = Tipo: removal_defense, prosecutorial_discretion, first_amendment, foia_litigation, advocacy
cli-arg-case-person = Id de la persona de la que trata el caso
cli-arg-case-group = Id del grupo del que trata el caso
cli-arg-case-status = Estado: open, pending_decision, won, lost, closed (por omisión: open)
cli-arg-case-attorney = Nombre del abogado o la abogada
cli-arg-case-opened = Día en que se abrió el caso (AAAA-MM-DD, AAAA-MM o AAAA)
cli-arg-case-event = Id de un evento
cli-arg-case-document = Id de un documento
cli-arg-case-excerpt = Id de un extracto
cli-arg-case-foia = Id de una solicitud FOIA
cli-arg-case-testimony = Id de un testimonio

## Páginas web (crates/web/src/pages/cases.rs)

nav-cases = Casos
cases-title = Casos
cases-heading = { $count ->
    [one] Un caso
   *[other] { $count } casos
}
case-new = Caso nuevo
case-choose = Elija…
case-subject-hint = La persona (por su seudónimo) o el grupo del que trata el caso.
case-date-hint = AAAA-MM-DD, AAAA-MM o AAAA; con ~ delante si es aproximada.
case-notes-hint = Confidenciales: solo las leen quienes pueden ver la identidad de la persona, y cada lectura queda registrada.
case-save = Guardar el caso
# $title: el título del caso, tal como se registró.
case-page-title = { $title } · Caso
case-change-status = Estado
case-status-save = Cambiar el estado
case-packet-download = Descargar el paquete del caso (PDF)
case-packet-hint = El paquete nombra a la persona: es para su representación legal, y su elaboración queda registrada en la bitácora de auditoría.
case-link-heading = Vincular un registro
case-link-kind = Tipo de registro
case-link-id = Id del registro
case-link-id-hint = Tal como aparece en la página del registro, p. ej. el id de un evento o de un documento.
case-link-save = Vincular
case-no-links = Todavía no hay ningún registro vinculado a este caso.
case-events-heading = { $count ->
    [one] Un evento
   *[other] { $count } eventos
}
case-documents-heading = { $count ->
    [one] Un documento
   *[other] { $count } documentos
}
case-excerpts-heading = { $count ->
    [one] Un extracto
   *[other] { $count } extractos
}
case-excerpt-page = página { $page }
case-foia-heading = { $count ->
    [one] Una solicitud FOIA
   *[other] { $count } solicitudes FOIA
}
case-testimonies-heading = { $count ->
    [one] Un testimonio
   *[other] { $count } testimonios
}
case-missing-heading = Registros vinculados que ya no están guardados

## Problemas con los campos de un caso (crates/domain/src/error.rs)

# $other: el nombre del otro campo (person, group).
domain-problem-exclusive-with = no puede darse junto con { $other }: un caso trata de una persona o de un grupo
domain-problem-person-only = debe ser una persona: el paquete de un caso trata de una sola persona, y este caso trata de un grupo
case-unlink = Quitar del caso
