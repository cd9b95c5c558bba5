# Importación de hojas de cálculo (crates/app/src/import): problemas de un
# archivo entero, de un perfil, de las celdas de una fila; los campos que
# una columna puede llenar.

import-error-unreadable = No se pudo leer el archivo.
import-error-no-header = Ninguna fila del archivo parece un encabezado (una fila con los nombres de las columnas). Elija la fila del encabezado.
import-error-malformed = No se pudo leer la fila { $line }: el archivo está dañado ahí o no es una hoja de cálculo.
import-error-not-a-header = La fila { $row } no puede ser el encabezado: elija una fila con los nombres de las columnas.
import-error-unknown-sheet = El libro no tiene ninguna hoja llamada «{ $sheet }».
import-error-nothing-mapped = El perfil no asigna ninguna columna a un campo: asigne al menos una columna.
import-error-needs-profile = Revise primero el perfil sugerido con --dry-run y luego importe con --accept-suggestions o con --profile.
import-error-unknown-profile = No hay ningún perfil guardado llamado «{ $name }», ni un archivo con ese nombre.

import-profile-not-toml-line = El perfil no es TOML válido (línea { $line }): { $detail }
import-profile-not-toml = El perfil no es TOML válido: { $detail }
import-profile-unknown-field = Perfil: «{ $at }» se asigna a «{ $field }», que no es un campo (vea la lista de campos: person.pseudonym, event.date…).
import-profile-field-twice = Perfil: el campo { $field } se llena dos veces (con dos columnas, o con una columna y una constante).
import-profile-unknown-column = Perfil: el archivo no tiene ninguna columna «{ $column }».
import-profile-bad-date-order = Perfil: el orden de fecha «{ $order }» de la columna «{ $column }» debe ser dmy, mdy o ymd.
import-profile-not-a-date-column = Perfil: la columna «{ $column }» tiene un orden de fecha pero no está asignada a un campo de fecha.
import-profile-unknown-code = Perfil: «{ $code }» no es un código de { $field }.
import-profile-no-values = Perfil: { $field } admite texto libre, así que no tiene valores que asignar.

import-problem-not-a-date = no es una fecha que se pueda leer
import-problem-not-a-year = no es un año
import-problem-unknown-value = «{ $value }» no es un valor conocido de { $field }: asígnelo en el perfil
import-problem-no-pseudonym = una persona necesita un seudónimo (o el id de una persona guardada)
import-problem-no-group-name = un grupo necesita un nombre (o el id de un grupo guardado)
import-problem-same-name = dos registros guardados tienen este nombre: indique el id del que corresponde
import-problem-consent-conflict = el consentimiento no coincide con el que la fila { $row } da a esta persona
import-problem-no-event-type = un evento necesita un tipo
import-problem-no-event-date = un evento necesita una fecha

import-field-group-id = Grupo: id
import-field-group-name = Grupo: nombre
import-field-group-state = Grupo: estado
import-field-group-city = Grupo: ciudad
import-field-person-id = Persona: id
import-field-person-pseudonym = Persona: seudónimo
import-field-person-legal-name = Persona: nombre legal
import-field-person-aliases = Persona: otros nombres
import-field-person-contact = Persona: contacto
import-field-person-a-number = Persona: número A
import-field-person-immigration-status = Persona: estatus migratorio
import-field-person-address = Persona: dirección
import-field-person-birth-year = Persona: año de nacimiento
import-field-person-consent = Persona: consentimiento
import-field-person-role = Persona: rol en el evento
import-field-event-id = Evento: id
import-field-event-kind = Evento: clase
import-field-event-type = Evento: tipo
import-field-event-date = Evento: fecha
import-field-event-end-date = Evento: fecha de fin
import-field-event-state = Evento: estado
import-field-event-city = Evento: ciudad
import-field-event-facility = Evento: centro de detención
import-field-event-agency = Evento: agencia
import-field-event-field-office = Evento: oficina de campo de ICE
import-field-event-narrative = Evento: relato
import-field-event-verification = Evento: verificación
import-field-event-groups = Evento: grupos

## Línea de órdenes
import-cli-progress = filas:
import-cli-profile-used = # El perfil usado (sugerido a partir del archivo; guárdelo con --save-profile):
import-cli-problem-cell = fila { $row }, columna «{ $column }»: { $reason }
import-cli-problem-row = fila { $row }: { $reason }
import-cli-more-problems = …y { $count ->
    [one] { $count } problema más
   *[other] { $count } problemas más
} (vea --json para los totales).
import-cli-ambiguous-dates = columna «{ $column }»: { $count ->
    [one] { $count } fecha sería otro día leída en el otro orden de día y mes
   *[other] { $count } fechas serían otros días leídas en el otro orden de día y mes
}; revise el orden de la columna.
import-cli-summary = filas: { $rows }; creadas: { $created }, actualizadas: { $updated }, sin cambios: { $unchanged }, rechazadas: { $refused }
import-cli-summary-dry-run = simulación, no se guardó nada. filas: { $rows }; se crearían: { $created }, se actualizarían: { $updated }, sin cambios: { $unchanged }, rechazadas: { $refused }
import-cli-records = registros escritos: { $groups } grupos, { $people } personas, { $events } eventos
import-cli-partial = { $refused ->
    [one] Se rechazó { $refused } de { $rows } filas (arriba)
   *[other] Se rechazaron { $refused } de { $rows } filas (arriba)
}; las demás filas se guardaron como indica el resumen.

## Asistente web
import-title = Importar una hoja de cálculo
import-intro = Traiga las hojas de cálculo que su grupo ya lleva (CSV, Excel, LibreOffice). No se guarda nada hasta que importe: primero asigne las columnas y luego revise qué pasaría.
import-file = Archivo de hoja de cálculo
import-file-hint = CSV, TSV, XLSX, XLS u ODS, hasta { $size }. Se guarda cifrado.
import-upload = Subir y empezar
import-list-title = Importaciones
import-list-empty = Todavía no se ha importado ninguna hoja de cálculo.
import-list-file = Archivo
import-list-status = Estado
import-list-changed = Último cambio
import-status-draft = en asignación
import-status-checked = revisada, sin importar
import-status-imported = importada
import-wizard-title = Importar una hoja de cálculo
import-step-layout = 1. Hoja y encabezado
import-sheet = Hoja
import-header-row = Fila del encabezado
import-header-hint = La fila con los nombres de las columnas, según la numera la hoja. Las filas de título de arriba se omiten.
import-raw-caption = Las primeras filas tal como están escritas (la fila del encabezado está marcada)
import-apply = Aplicar
import-step-columns = 2. Columnas y valores
import-column = Columna
import-examples = Ejemplos
import-field = Campo
import-date-order = Orden de la fecha
import-order-dmy = día/mes/año
import-order-mdy = mes/día/año
import-order-ymd = año-mes-día
import-ignore = Omitir
import-entity-group = Grupo
import-entity-person = Persona
import-entity-event = Evento
import-values-title = Valores
import-values-hint = Cada valor encontrado en una columna de opciones fijas y la opción en que se convierte. Un valor sin opción hace que se rechace su fila.
import-value-none = — ninguna —
import-save-mapping = Guardar la asignación
import-step-profile = Perfil
import-profile-hint = Un perfil es la asignación, guardada para usarla con el próximo archivo o compartirla con la coalición.
import-saved-profile = Usar un perfil guardado
import-profile-toml = El perfil como texto (TOML)
import-profile-toml-label = Perfil (pegue uno que haya compartido la coalición)
import-profile-name = Guardar este perfil como
import-save-profile = Guardar perfil
import-step-check = 3. Revisar e importar
import-check-hint = La revisión hace toda la importación y luego la deshace: dice, fila por fila, qué se crearía, actualizaría y rechazaría.
import-dry-run = Revisar (no guarda nada)
import-run = Importar
import-step-report = Resultado
import-report-dry-run = Revisión, no se guardó nada. Filas: { $rows }; se crearían: { $created }; se actualizarían: { $updated }; sin cambios: { $unchanged }; rechazadas: { $refused }.
import-report-done = Importación hecha. Filas: { $rows }; creadas: { $created }; actualizadas: { $updated }; sin cambios: { $unchanged }; rechazadas: { $refused }.
import-report-people = Personas creadas / actualizadas
import-report-events = Eventos creados / actualizados
import-report-groups = Grupos creados / actualizados
import-report-ambiguous = Columna «{ $column }»: { $count ->
    [one] { $count } fecha sería otro día leída en el otro orden de día y mes
   *[other] { $count } fechas serían otros días leídas en el otro orden de día y mes
}. Revise el orden de la fecha de la columna.
import-report-download = Descargar los problemas (CSV)
import-report-row = Fila
import-report-column = Columna
import-report-reason = Motivo
import-report-more = …y { $count ->
    [one] { $count } problema más, en el CSV.
   *[other] { $count } problemas más, en el CSV.
}
import-constants-title = Igual en todas las filas
import-constants-hint = Cuando toda la hoja comparte un valor (todas las filas son arrestos, todas son de un mismo grupo), elíjalo aquí en lugar de una columna.
import-cli-partial-dry-run = { $refused ->
    [one] Se rechazaría { $refused } de { $rows } filas (arriba)
   *[other] Se rechazarían { $refused } de { $rows } filas (arriba)
}. No se guardó nada.
import-read-as = leído como { $encoding }, celdas separadas por «{ $delimiter }», el encabezado en la fila { $row }
import-origins-title = Importado de
import-origin = «{ $file }», fila { $row }
import-problem-possible-match = el mismo nombre legal o número A que la persona guardada { $pseudonym } ({ $id }): confirme en [people] del perfil si es ella o una persona nueva
import-matches-title = Personas que quizá ya están aquí
import-matches-hint = Estas filas nombran a alguien con el nombre legal o el número A de una persona guardada, con otro seudónimo. Indique quién es cada una; la fila queda rechazada hasta que lo haga.
import-match-row = Fila { $row }
import-match-undecided = — sin decidir —
import-match-same = Es { $pseudonym } ({ $id })
import-match-new = Es otra persona (una persona nueva)
import-matches-save = Guardar las respuestas
