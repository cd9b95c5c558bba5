# accounts: messages of the accounts slice (see ARCHITECTURE.md, "One message catalog").

## user: cuentas de la aplicación web y sus tokens de la API (commands/user.rs)
accounts-prompt-password = Contraseña de la cuenta:
accounts-prompt-repeat-password = Repita la contraseña:
accounts-error-passwords-differ = Las contraseñas no coinciden.
# $role: el nombre del rol (Coordinador, Lector, …).
# $role: admin, coordinator, documenter, analyst o viewer.
accounts-role = { $role ->
    [admin] Administrador/a
    [coordinator] Coordinador/a
    [documenter] Documentador/a
    [analyst] Analista
   *[viewer] Lector/a
}
accounts-created = Cuenta { $username } creada ({ $role }).
accounts-password-set = Contraseña cambiada.
accounts-sessions-ended = sesiones web cerradas: { $sessions }; tokens de la API revocados: { $tokens }
accounts-disabled = Cuenta { $username } desactivada.
accounts-enabled = Cuenta { $username } activada.
accounts-status-disabled = desactivada
accounts-error-token-days = --expires-in: un token dura de 1 a { $max } días.
# $days: una cantidad de días (format::days).
accounts-token-issued = Token de la API (se muestra solo ahora; vence en { $days }):
accounts-token-active = activo
accounts-token-expired = vencido
accounts-token-revoked = revocado
accounts-token-never-used = nunca
# $day: un día (format::day); $time: horas y minutos, UTC.
accounts-moment = { $day }, { $time } UTC
accounts-no-tokens = No hay tokens de la API.
accounts-column-id = id
accounts-column-issued = emitido
accounts-column-expires = vence
accounts-column-last-used = último uso
accounts-column-status = estado
accounts-column-label = etiqueta
accounts-token-revoked-now = Token de la API { $id } revocado.
accounts-error-no-such-token = { $username } no tiene el token de la API { $id } (vea --list).
