# Errores de los casos de uso (crates/app/src/error.rs), comunes a todas las interfaces.
# $kind es un código de tipo de registro: person, group, event, document, page,
# foia-request, user, watchlist, watchlist-hit, mention, excerpt, case, testimony, import, token.

error-unknown-reference = { $field }: no existe { $kind ->
    [person] ninguna persona
    [group] ningún grupo
    [event] ningún evento
    [document] ningún documento
    [page] ninguna página
    [foia-request] ninguna solicitud FOIA
    [user] ningún usuario
    [watchlist] ninguna lista de vigilancia
    [watchlist-hit] ningún resultado de vigilancia
    [mention] ninguna mención
    [excerpt] ningún extracto
    [case] ningún caso
    [testimony] ningún testimonio
    [import] ninguna importación de hoja de cálculo
   *[token] ningún token de API
} { $id }
error-record-not-found = No se encontró { $kind ->
    [person] la persona
    [group] el grupo
    [event] el evento
    [document] el documento
    [page] la página
    [foia-request] la solicitud FOIA
    [user] el usuario
    [watchlist] la lista de vigilancia
    [watchlist-hit] el resultado de vigilancia
    [mention] la mención
    [excerpt] el extracto
    [case] el caso
    [testimony] el testimonio
    [import] la importación de hoja de cálculo
   *[token] el token de API
} { $id }.
error-wrong-key = frase de contraseña o clave de recuperación incorrecta (no se cambió nada)
error-conflict = El cambio choca con lo que la bóveda tiene ahora. Recargue la página e intente de nuevo.
error-not-a-vault = { $path } no es una bóveda de Testimonio.
error-vault-exists = { $path } ya existe y no está vacío.
error-key-file = { $path }: el archivo de claves está dañado o es de una versión desconocida.
# $reason es el código del sistema para el fallo (p. ej., permiso denegado).
error-io = { $path }: { $reason }
error-backup = Copia de seguridad { $path }: { $problem }
error-at-record = { $location }: { $reason }

## Las reglas de la bóveda
refusal-actor-name = El nombre de quien actúa tiene de 1 a 100 caracteres imprimibles.
refusal-username-format = Un nombre de usuario tiene de 3 a 32 letras minúsculas, dígitos, «.», «_» o «-», y empieza por una letra.
refusal-password-too-short = Una contraseña tiene al menos { $min } caracteres.
refusal-passphrase-too-short = La frase de contraseña debe tener al menos { $min } caracteres.
refusal-recovery-key-format = Una clave de recuperación tiene 32 letras y dígitos en grupos de cuatro.
refusal-kdf-below-minimum = Los parámetros de derivación de claves están por debajo del mínimo aceptado.
refusal-token-too-long = Un token dura como máximo { $days }.
# $field: name, query o purpose.
refusal-watchlist-field-empty = { $field ->
    [name] El nombre
    [query] La consulta
   *[purpose] El propósito
} de la lista de vigilancia está { $field ->
    [query] vacía
   *[other] vacío
}.
refusal-hit-not-on-page = El resultado { $hit } está en la narración de un evento: solo se extraen pasajes de páginas de documentos.
refusal-not-a-passage = Los caracteres { $start }–{ $end } no son un pasaje de la página { $page } ({ $chars } caracteres).
refusal-no-csv-files = { $dir } no contiene ninguno de groups.csv, people.csv, events.csv.
refusal-csv-field-count = { $path }: una línea tiene { $found } campos y el encabezado tiene { $expected }.
refusal-csv-not-utf8 = { $path } no es UTF-8 válido.
refusal-csv-not-csv = { $path } no es un CSV válido.
refusal-path-not-utf8 = { $path }: la ruta no es UTF-8.

## Conflictos con lo que tiene la bóveda
conflict-username-taken = El nombre de usuario { $username } ya está en uso.
# $status: accepted o dismissed.
conflict-hit-reviewed = El resultado { $hit } ya fue { $status ->
    [accepted] aceptado
   *[other] descartado
}.
conflict-hit-unknown = El resultado { $hit } no existe o ya fue revisado.
conflict-page-gone = La página { $page } de { $document } ya no existe.
conflict-mention-reviewed = La mención { $mention } ya fue revisada.

## Why a backup was refused ($entry is an archive entry's name, quoted)
backup-not-an-archive = no es un archivo de copia de seguridad
backup-damaged = el archivo está dañado
backup-no-manifest = falta el manifiesto (debe ser la primera entrada)
backup-bad-manifest = el manifiesto es ilegible
backup-unsupported = formato de copia no admitido: { $format } versión { $version }
backup-unsafe-entry = entrada { $entry }: ruta absoluta, con «..» o que una copia nunca contiene
backup-not-a-file = entrada { $entry }: no es un archivo normal (enlace, dispositivo o directorio)
backup-not-listed = la entrada { $entry } no figura en el manifiesto firmado
backup-duplicate = la entrada { $entry } aparece dos veces
backup-missing = { $entry } figura en el manifiesto pero falta en el archivo
backup-mismatch = { $entry } no coincide con el manifiesto
backup-not-authentic = el manifiesto no es auténtico (alterado, o de otra bóveda)
backup-fails-check = la bóveda restaurada no pasa la verificación: { $faults }
api-body-field-wrong-type = Este campo tiene un tipo equivocado.
