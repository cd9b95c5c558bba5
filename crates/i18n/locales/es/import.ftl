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
import-cli-partial = Se rechazaron { $refused } de { $rows } filas (arriba); las demás filas se guardaron como indica el resumen.
