# records: messages of the records slice (see ARCHITECTURE.md, "One message catalog").

## Command line: import, export, events, people, person
records-import-progress = registros:
# $location: "line 17" or "people.csv row 4"; $reason: why the record was refused.
records-import-refused = rechazado: { $location }: { $reason }
records-import-summary = creados: { $created }, actualizados: { $updated }, sin cambios: { $unchanged }, rechazados: { $refused }
records-import-partial = { $count ->
    [one] se rechazó { $count } registro; el resto se importó
   *[other] se rechazaron { $count } registros; el resto se importó
}
records-export-csv-needs-out = --format csv necesita --out DIR (escribe groups.csv, people.csv, events.csv)
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
records-person-not-found = No se encontró la persona { $id }.
