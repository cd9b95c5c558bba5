# Errores de los casos de uso (crates/app/src/error.rs), comunes a todas las interfaces.
# $kind es un código de tipo de registro: person, group, event, document, page,
# foia-request, user, watchlist, watchlist-hit, excerpt, token.

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
    [excerpt] ningún extracto
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
    [excerpt] el extracto
   *[token] el token de API
} { $id }.
error-wrong-key = Frase de contraseña o clave de recuperación incorrecta (no se cambió nada).
error-conflict = El cambio choca con lo que la bóveda tiene ahora. Recargue la página e intente de nuevo.
