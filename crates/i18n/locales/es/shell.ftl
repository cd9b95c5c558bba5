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
audit-action-capture-read = Lectura de la ubicación y la hora de una foto

## El título de cada página en la pestaña del navegador.
shell-page-title = { $page } · Testimonio

## Traídos de web.ftl: el marco de las páginas, el inicio de sesión, el segundo
## factor, el inicio, la administración y las páginas de error.
app-name = Testimonio
app-tagline = Documentación cifrada de represalias
nav-dashboard = Inicio
nav-events = Eventos
nav-people = Personas
nav-groups = Grupos
nav-users = Usuarios
nav-audit = Registro de auditoría
nav-logout = Cerrar sesión
nav-menu = Menú
nav-skip = Saltar al contenido
login-title = Iniciar sesión
login-username = Usuario
login-password = Contraseña
login-submit = Entrar
login-failed = Usuario o contraseña incorrectos. Tras varios intentos fallidos, espere unos minutos antes de intentarlo de nuevo.
login-rate-limited = Demasiados intentos desde esta dirección. Espere un minuto e intente de nuevo.
login-disabled = Esta cuenta está desactivada.
login-expired = Su sesión terminó. Inicie sesión de nuevo.
dashboard-title = Inicio
dashboard-people = Personas
dashboard-events = Eventos
dashboard-groups = Grupos
dashboard-documents = Documentos
dashboard-protected = Actividades protegidas
dashboard-enforcement = Acciones de control migratorio
dashboard-latest = Eventos más recientes
dashboard-review-count = Por revisar ({ $count })
dashboard-review-hint = Eventos reportados aún sin corroborar ni documentar
dashboard-new-event = Registrar un evento
users-title = Usuarios
users-add = Agregar un usuario
users-disable = Desactivar
users-enable = Activar
users-active = Activo
users-disabled = Desactivado
users-created = Usuario creado.
tokens-title = Tokens de la API
tokens-none = No hay tokens de la API. Emita uno con: testimonio user token NOMBRE
tokens-label = Etiqueta
tokens-created = Emitido
tokens-expires = Vence
tokens-last-used = Último uso
tokens-never = Nunca
tokens-active = Activo
tokens-expired = Vencido
tokens-revoked = Revocado
tokens-revoke = Revocar
audit-title = Registro de auditoría
audit-chain-ok = La cadena de auditoría está intacta.
audit-chain-broken = La cadena de auditoría está rota:
audit-when = Cuándo
audit-actor = Quién
audit-action = Acción
audit-object = Objeto
audit-detail = Detalle
lock-button = Bloquear ahora
lock-hint = Borra las claves de la memoria: nada se puede leer hasta desbloquear la bóveda con su frase de contraseña.
unlock-title = La bóveda está bloqueada
unlock-passphrase = Frase de contraseña de la bóveda
unlock-submit = Desbloquear
unlock-failed = Frase de contraseña incorrecta.
unlock-rate-limited = Demasiados intentos de desbloqueo desde esta dirección. Espere un minuto e intente de nuevo.
unlock-busy = Se está comprobando otro intento de desbloqueo. Intente de nuevo en un momento.
error-title = Algo salió mal
error-bad-request = No se pudo entender la solicitud.
error-unauthorized = Inicie sesión.
error-csrf = Este formulario expiró o no vino de este sitio. Vuelva atrás, recargue la página e intente de nuevo.
error-method = Esta acción no está disponible aquí.
error-too-large = La solicitud es demasiado grande.
error-locked = La bóveda está bloqueada.
error-back = Volver al inicio
twofactor-title = Inicio de sesión en dos pasos
twofactor-settings = Inicio de sesión en dos pasos
twofactor-code = Código de seis dígitos de su aplicación de autenticación
twofactor-wrong-code = Ese código no es válido. Pruebe con el actual.
twofactor-throttled = Demasiados códigos incorrectos para esta cuenta: por un tiempo no se comprueban los códigos. Inténtelo más tarde o pida ayuda al equipo de administración.
twofactor-enabled = El inicio de sesión en dos pasos está activado para esta cuenta.
twofactor-now-enabled = El inicio de sesión en dos pasos quedó activado.
twofactor-scan = Escanee este código con una aplicación de autenticación (por ejemplo FreeOTP o Aegis) y escriba el código que muestra.
twofactor-or-type = O escriba esta clave:
twofactor-enable = Activar
twofactor-disable = Desactivar
nav-foia = FOIA
nav-documents = Documentos
nav-search = Buscar
nav-watchlists = Alertas
error-too-many-renders = Ya se están preparando imágenes de página para su cuenta. Espere a que aparezcan y luego recargue esta.
error-overloaded = El servidor está ocupado preparando imágenes de página. Intente de nuevo en un momento.
error-busy = El índice de búsqueda se está preparando o actualizando. Intente de nuevo en un minuto.
dashboard-pending-hits = { $count ->
    [one] resultado de alerta por revisar
   *[other] resultados de alertas por revisar
}
nav-analysis = Análisis
nav-import = Importar una hoja de cálculo
dashboard-analysis = Ver el análisis del patrón →

## Una oficina de campo en una lista de opciones: su nombre y su código ERO.
shell-field-office-option = { $name } ({ $code })
