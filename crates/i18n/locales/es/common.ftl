# Compartidos por todas las interfaces: unidades y palabras de fecha de format.rs.

# Una fecha conocida solo aproximadamente. $precision: day, month o year.
date-approximate = { $precision ->
    [day] hacia el { $date }
   *[other] hacia { $date }
}
unit-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
unit-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
