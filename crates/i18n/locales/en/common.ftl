# Shared by every front end: units and date words used by format.rs.

# A date known only approximately. $precision: day, month or year.
date-approximate = about { $date }
unit-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
unit-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
