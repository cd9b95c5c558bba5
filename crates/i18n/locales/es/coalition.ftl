## Coaliciones: los paquetes del miembro, el custodio de la clave, paquetes rechazados
## (crates/app/src/coalition, crates/testimonio/src/commands/coalition.rs)

coalition-joined = Unido a la coalición { $coalition }. Entregue a la coordinación del nodo central esta clave de miembro para que lo admita: { $key }
coalition-shared = Paquete { $number } para la coalición { $coalition } escrito en { $file }: { $people ->
    [one] 1 persona
   *[other] { $people } personas
}, { $events ->
    [one] 1 evento
   *[other] { $events } eventos
}, { $narratives ->
    [one] 1 relato
   *[other] { $narratives } relatos
}, { $tokens ->
    [one] 1 ficha de coincidencia
   *[other] { $tokens } fichas de coincidencia
}.
coalition-status = Miembro de la coalición { $coalition } desde { $joined }; último paquete: { $number }; clave de miembro: { $key }
coalition-status-custodian = Custodio de la clave: { $url }
coalition-status-no-custodian = Sin custodio de la clave: los paquetes no llevan fichas de coincidencia.
custodian-initialized = Custodio de la clave listo. Su clave pública, que los miembros fijan al unirse: { $key }
custodian-member-added = Miembro { $name } añadido con { $budget ->
    [one] 1 evaluación
   *[other] { $budget } evaluaciones
} al día; su ficha está en { $file } (no se vuelve a mostrar).
custodian-serving = Custodio de la clave escuchando en { $url }

coalition-error-not-joined = Esta bóveda no se ha unido a ninguna coalición: ejecute primero `coalition join`.
coalition-error-already-joined = Esta bóveda ya es miembro de la coalición { $coalition }.
coalition-error-bad-hub-recipient = La clave del nodo central no es un destinatario de age (age1…).
coalition-error-bad-coalition-id = El nombre de una coalición o de un miembro tiene de 1 a 64 letras, dígitos, '-' o '_'.
coalition-error-custodian-incomplete = Indique juntos la dirección, la clave pública y el archivo de la ficha del custodio de la clave.
coalition-error-bad-custodian-key = La clave pública del custodio no son 64 dígitos hexadecimales de una clave válida.
coalition-error-custodian-unreachable = No se pudo contactar al custodio de la clave en { $url } o no dio una respuesta utilizable.
coalition-error-custodian-unauthorized = El custodio de la clave no reconoce la ficha de este miembro.
coalition-error-custodian-budget = Este miembro agotó su cupo diario de evaluaciones del custodio de la clave; inténtelo mañana.
coalition-error-custodian-proof = La respuesta del custodio de la clave no se verifica con la clave pública fijada al unirse.
coalition-error-custodian-exists = Esta bóveda ya es custodio de la clave.
coalition-error-not-a-custodian = Esta bóveda no es custodio de la clave: ejecute primero `custodian init`.
coalition-error-member-taken = El custodio de la clave ya tiene un miembro llamado { $name }.

bundle-refused-not-for-this-hub = El paquete no está cifrado para este nodo central.
bundle-refused-not-a-bundle = El archivo no es un paquete de Testimonio.
bundle-refused-version = El paquete es de la versión { $found }, que esta versión de Testimonio no lee.
bundle-refused-unknown-member = El paquete no está firmado por ningún miembro de esta coalición.
bundle-refused-signature = La firma del paquete no corresponde a su contenido: fue alterado.
bundle-refused-foreign = El paquete es para otra coalición.
bundle-refused-not-newer = El paquete { $number } no es más reciente que el paquete { $last }, el último del miembro (una repetición).
bundle-refused-malformed = El contenido del paquete está mal formado en la línea { $line }, columna { $column }.
bundle-refused-invalid = El campo { $field } del paquete tiene un valor que el formato no admite.

cli-value-key = CLAVE
cli-about-coalition = Membresía en una coalición: compartir con el nodo central los registros consentidos y desidentificados del grupo
cli-about-coalition-join = Unirse a una coalición: la clave del nodo central y el custodio de la clave para las coincidencias privadas
cli-about-coalition-share = Escribir un paquete firmado de los registros consentidos y desidentificados, cifrado para el nodo central
cli-about-coalition-status = Mostrar la coalición de la que esta bóveda es miembro
cli-about-custodian = Custodio de la clave: guarda la clave de coincidencias de la coalición y evalúa las fichas cegadas de los miembros
cli-about-custodian-init = Crear en esta bóveda la clave de coincidencias del custodio (se muestra su clave pública)
cli-about-custodian-add-member = Añadir un grupo miembro: una ficha para autenticarse y un cupo diario
cli-about-custodian-serve = Atender por HTTP las evaluaciones cegadas de los miembros
cli-arg-coalition-id = El id de la coalición, tal como lo dio la coordinación del nodo central
cli-arg-coalition-hub = El destinatario age del nodo central (age1…): los paquetes se cifran para él
cli-arg-coalition-custodian-url = La dirección del custodio de la clave (http://host:puerto)
cli-arg-coalition-custodian-key = La clave pública del custodio (64 dígitos hexadecimales), fijada
cli-arg-coalition-custodian-token-file = Archivo con la ficha de este miembro ante el custodio de la clave
cli-arg-coalition-share-out = Archivo donde escribir el paquete cifrado
cli-arg-custodian-member-name = El nombre del grupo miembro ante el custodio
cli-arg-custodian-daily-budget = Evaluaciones que el miembro puede pedir por día (UTC)
cli-arg-custodian-token-out = Archivo donde escribir la ficha del miembro (privado; entréguelo al miembro)
cli-arg-custodian-addr = Dirección y puerto donde escuchar

coalition-created = Coalición { $coalition } creada; esta bóveda es su nodo central. Los miembros se unen con esta clave del nodo: { $recipient }
coalition-invitation = Para unirse a la coalición { $coalition }, un miembro ejecuta: testimonio coalition join --coalition { $coalition } --hub { $recipient }
coalition-admitted = Miembro { $name } admitido.
coalition-received = { $file }: paquete { $number } de { $member } recibido ({ $people ->
    [one] 1 persona
   *[other] { $people } personas
}, { $events ->
    [one] 1 evento
   *[other] { $events } eventos
}).
coalition-receive-refused = { $file }: rechazado, no se guardó nada: { $reason }
coalition-receive-some-refused = { $count ->
    [one] Se rechazó 1 paquete.
   *[other] Se rechazaron { $count } paquetes.
}
coalition-hub-status = Coalición { $coalition }: { $members ->
    [one] 1 miembro
   *[other] { $members } miembros
}; { $reported } personas reportadas, { $distinct } distintas, { $shared } reportadas por más de un grupo; { $flagged } grupos de coincidencias marcados para revisión.
coalition-error-hub-exists = Esta bóveda ya es el nodo central de la coalición { $coalition }.
coalition-error-not-a-hub = Esta bóveda no es el nodo central de una coalición: ejecute primero `coalition create`.
cli-about-coalition-create = Crear una coalición con esta bóveda como nodo central
cli-about-coalition-invite = Mostrar lo que un miembro necesita para unirse a la coalición de este nodo
cli-about-coalition-admit = Admitir a un grupo miembro por la clave que mostró su `coalition join`
cli-about-coalition-receive = Recibir paquetes de los miembros: cada uno se comprueba entero y uno rechazado no guarda nada
cli-arg-coalition-admit-name = El nombre del grupo miembro en el nodo central
cli-arg-coalition-admit-key = La clave pública del miembro (64 dígitos hexadecimales)
cli-arg-coalition-receive-files = Archivos de paquetes que recibir
