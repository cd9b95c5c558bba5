# evidence: messages of the evidence slice (see ARCHITECTURE.md, "One message catalog").

## The search query language (testimonio-search)
query-error-at = en el carácter { $position }: { $problem }
query-empty = la consulta está vacía
query-unclosed-quote = falta cerrar unas comillas
query-unclosed-parenthesis = falta cerrar un paréntesis
query-unexpected-closing = sobra un paréntesis de cierre
query-missing-operand = { $operator } necesita algo que buscar a cada lado
query-unknown-field = filtro desconocido "{ $field }" (se conocen: kind, source, foia, doc, date, person, group, lang, exact)
query-empty-value = { $field }: necesita un valor
query-bad-date = "{ $value }" no es una fecha o un rango (2018, 2018-03, 2018-03-02, 2017..2019, ..2019)
query-bad-distance = una distancia debe ser un número entero de 0 a 100
query-prefix-too-short = un prefijo necesita al menos 2 letras antes de *
query-fuzzy-distance = la búsqueda aproximada admite ~1 o ~2 cambios
query-near-needs-words = NEAR une dos palabras o frases
query-only-negative = una consulta no puede solo excluir: agregue algo que buscar
query-too-deep = la consulta anida demasiados niveles: como máximo { $max } de paréntesis, AND, OR, NOT y -
query-too-many-terms = la consulta tiene demasiados términos: como máximo { $max } palabras, frases y filtros
search-could-not-run = no se pudo realizar la búsqueda

## Why a file could not be ingested (testimonio-ingest)
ingest-cannot-list = no se puede listar la carpeta: { $problem ->
        [missing] no existe
        [denied] permiso denegado
       *[other] el sistema lo rechazó
    }
ingest-broken-link = enlace roto: no se puede leer su destino
ingest-not-a-file = no es un archivo común
ingest-cannot-read = no se puede leer: { $problem ->
        [missing] no existe
        [denied] permiso denegado
       *[other] el sistema lo rechazó
    }
ingest-cannot-store = no se pudo guardar el original
ingest-not-recorded = la bóveda no pudo registrarlo
