# shell: messages of the shell slice (see ARCHITECTURE.md, "One message catalog").

## Horas guardadas (RFC 3339), mostradas en UTC. $day lo escribe format::day.
shell-time-utc = { $day }, { $time } UTC

## El cambio de idioma: cada idioma por su propio nombre.
shell-language-english = English
shell-language-spanish = Español
shell-language-switch = Idioma: { $language }

## La cuenta en la cabecera de la página.
shell-signed-in-as = Sesión iniciada como { $user } ({ $role })

## La página del registro de auditoría.
audit-title-count = Registro de auditoría ({ $count })
audit-number = N.º
audit-fault-missing = { $count ->
    [one] Falta la entrada { $first } del registro de auditoría.
   *[other] Faltan las entradas { $first } a { $last } del registro de auditoría.
}
audit-fault-altered = La entrada { $seq } del registro de auditoría fue alterada.
audit-fault-broken-link = La entrada { $seq } del registro de auditoría no sigue a la anterior.
audit-action-vault-created = Bóveda creada
audit-action-passphrase-changed = Frase de contraseña cambiada
audit-action-record-created = Registro creado
audit-action-record-updated = Registro modificado
audit-action-identity-read = Identidad consultada
audit-action-import = Importación
audit-action-export = Exportación
audit-action-document-added = Documento añadido
audit-action-document-received-again = Documento recibido de nuevo
audit-action-document-read = Documento consultado
audit-action-backup = Copia de seguridad
audit-action-restored = Restaurada desde una copia
audit-action-check = Comprobación de integridad
audit-action-age-identity-revealed = Clave de los archivos revelada
audit-action-user-changed = Cuenta modificada
audit-action-login = Inicio de sesión
audit-action-locked = Bóveda bloqueada
audit-action-unlocked = Bóveda desbloqueada
audit-action-search = Resultados de búsqueda mostrados
audit-action-unlock-failed = Intento fallido de desbloqueo

## El título de cada página en la pestaña del navegador.
shell-page-title = { $page } · Testimonio
