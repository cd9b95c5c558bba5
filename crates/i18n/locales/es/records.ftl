# records: messages of the records slice (see ARCHITECTURE.md, "One message catalog").

## Command line: import, export, events, people, person
records-import-progress = registros:
# $location: "line 17" or "people.csv row 4"; $reason: why the record was refused.
records-import-refused = rechazado: { $location }: { $reason }
records-import-summary = creados: { $created }, actualizados: { $updated }, sin cambios: { $unchanged }, rechazados: { $refused }
records-import-partial = { $count ->
    [one] se rechazó { $count } registro (arriba); los demás se guardaron como indica el resumen
   *[other] se rechazaron { $count } registros (arriba); los demás se guardaron como indica el resumen
}
records-export-csv-needs-out = --format csv necesita --out DIR (escribe groups.csv, people.csv, events.csv)
records-export-sheet-needs-out = --format { $format } escribe un solo archivo: indíquelo con --out ARCHIVO
# Exportaciones a hoja de cálculo (--format xlsx, --format sheet-csv): los
# nombres de las hojas, de 31 caracteres como máximo, sin [ ] : * ? / \
records-sheet-events = Eventos
records-sheet-people = Personas
records-sheet-groups = Grupos
records-exported = { $count ->
    [one] se exportó { $count } registro
   *[other] se exportaron { $count } registros
}
records-events-shown = { $shown ->
    [one] Se muestra { $shown } evento
   *[other] Se muestran { $shown } eventos
} de { $total }
records-people-count = { $count ->
    [one] { $count } persona
   *[other] { $count } personas
}

## Web: the event list and the event form
records-events-count = { $count ->
    [one] { $count } evento
   *[other] { $count } eventos
}
records-events-page = Página { $page } de { $pages }
# $roles: the participant roles' labels, separated by commas.
records-form-people-hint = Una por línea: id de la persona = rol. Roles: { $roles }.
# $problem: why the entry on line $line of the people field was refused.
records-form-line-problem = Línea { $line }: { $problem }
records-form-group-problem = { $group }: { $problem }
records-form-unknown-person-line = Línea { $line }: ninguna persona tiene este id: { $id }
records-form-unknown-person = ninguna persona tiene este id: { $id }
records-form-unknown-group = ningún grupo tiene este id: { $id }

## Web: people and groups
records-people-heading = Personas ({ $count })
records-person-events-heading = Eventos ({ $count })
records-groups-heading = Grupos ({ $count })
records-group-members-heading = Integrantes ({ $count })
records-group-events-heading = Eventos de este grupo ({ $count })
# Page titles: the record's own name, then what it is.
records-person-page-title = { $pseudonym } · Persona
records-group-page-title = { $name } · Grupo

## CLI: person add and person edit ($outcome: created, updated, unchanged)
records-person-recorded = { $outcome ->
    [created] Se registró { $id } ({ $pseudonym }).
    [updated] Se modificó { $id } ({ $pseudonym }).
   *[unchanged] { $id } ({ $pseudonym }) ya estaba así; no se cambió nada.
}

## Web: the person form
person-new = Nueva persona
person-edit = Modificar persona
person-save = Guardar persona
person-add-link = Registrar una persona nueva
person-edit-link = Modificar los datos de esta persona
person-pseudonym-hint = El nombre con que se conoce a esta persona en la bóveda y en cada informe: nunca su nombre legal.
person-consent-hint = Lo que esta persona permite, tal como lo dijo al registrarla. Se puede cambiar después en su página.
person-consent-choose = Elija el consentimiento dado
person-identity-sensitive = Datos sensibles: solo los ven los roles que pueden ver identidades, y cada consulta queda en el registro de auditoría.
person-aliases-hint = Uno por línea.

## The event form's pickers (no JavaScript)
picker-people-legend = Añadir un participante
picker-search-person = Buscar por seudónimo
picker-search-hint = Basta con una parte del nombre; no importan los acentos ni las mayúsculas.
picker-role = Papel en el evento
picker-find = Buscar
picker-no-one = Nadie registrado coincide. Regístrela abajo como persona nueva.
picker-choose = Elija
picker-choose-one = Primero elija una de las coincidencias.
picker-add = Añadir al evento
picker-person-added = { $pseudonym } se añadió a los participantes. El evento aún no está guardado.
picker-new-person = Persona nueva
picker-new-pseudonym = Seudónimo de la persona nueva
picker-new-hint = El nombre que se usa en la bóveda y en todos los informes, nunca su nombre legal.
picker-record-add = Registrar y añadir
picker-person-recorded = Se registró a { $pseudonym } y se añadió a los participantes. El evento aún no está guardado.
picker-groups-legend = Añadir un grupo
picker-search-group = Buscar grupos por nombre
picker-no-group = Ningún grupo coincide.
