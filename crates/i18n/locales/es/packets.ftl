## Bolsas de paquetes: archivos de las pruebas, la página de certificación, verificación

packet-exhibit-file = Prueba { $number } - { $file }
packet-bag-file = paquete

packet-cert-heading = Certificación de autenticidad (al estilo de la Regla Federal de Evidencia 902(14))
packet-cert-declaration = Yo, quien firma, declaro que conozco cómo la bóveda de evidencias de esta organización ({ $software }) recibe, guarda y exporta documentos, y que { $exhibits ->
        [one] la prueba indicada abajo es una copia fiel
       *[other] cada una de las { $exhibits } pruebas indicadas abajo es una copia fiel
    } de los datos que recibió la bóveda, identificada mediante un proceso de identificación digital: su hash SHA-256 se calculó al recibirla, se guarda con ella, y se volvió a calcular y resultó igual al leerla para este paquete. Junto a cada hash se describe el proceso que produjo cada prueba.
packet-cert-caption = Tabla 3. Cada prueba, su hash SHA-256 y cómo llegó a la bóveda
packet-cert-col-process = Cómo se obtuvo y se recibió
packet-cert-note = Los mismos hashes están en el manifest-sha256.txt de la bolsa del paquete, cuyo manifiesto de etiquetas está firmado con la clave de la bóveda (testimonio packet verify los comprueba).
packet-cert-perjury = Declaro bajo pena de perjurio, conforme a las leyes de los Estados Unidos de América, que lo anterior es verdadero y correcto (28 U.S.C. § 1746).
packet-cert-name = Nombre:
packet-cert-title = Cargo:
packet-cert-organization = Organización:
packet-cert-date = Fecha:
packet-cert-signature = Firma:
packet-cert-received = Recibida en la bóveda el { $at } por { $by }.
packet-cert-source = Origen: { $source }.
packet-cert-custodian = Custodio antes de la bóveda: { $custodian }.
packet-cert-obtained = Obtenida el { $date }.
packet-cert-extracted = Texto leído con { $tool } (el original no se modifica).
packet-cert-custody = { $count ->
        [one] { $count } entrada en su registro de custodia.
       *[other] { $count } entradas en su registro de custodia.
    }

packet-bagged = se escribió la bolsa { $path } ({ $files ->
        [one] { $files } archivo
       *[other] { $files } archivos
    }; firmada con la clave { $key })
packet-timestamped = sellada en el tiempo por la autoridad el { $time }
packet-verify-ok = { $path }: la bolsa es íntegra ({ $files ->
        [one] se comprobó { $files } archivo de contenido
       *[other] se comprobaron { $files } archivos de contenido
    }).
packet-verify-failed = { $path }: la bolsa no es íntegra ({ $count ->
        [one] { $count } problema
       *[other] { $count } problemas
    }).
packet-verify-trusted = Firma: verificada con la clave de confianza { $key }.
packet-verify-self-signed = Firma: verificada solo con la clave que trae la bolsa ({ $key }); indique --key minisign.pub (o ejecútelo en la bóveda) para comprobar quién la firmó.
packet-verify-no-signature = Firma: no verificada.
packet-verify-timestamp = Sello de tiempo: el hash del manifiesto de etiquetas se selló el { $time } (compruebe la firma de la autoridad con openssl ts -verify).

bag-fault-not-a-bag = no es una bolsa BagIt: falta bagit.txt o no es una declaración BagIt 1.0 (una bolsa comprimida contiene exactamente una carpeta, la bolsa)
bag-fault-no-manifest = falta el manifiesto del contenido
bag-fault-bad-manifest-line = la línea { $line } no es una suma de comprobación y una ruta
bag-fault-unsafe-path = el manifiesto nombra una ruta fuera de los datos de la bolsa
bag-fault-changed = modificado: sus bytes no coinciden con el hash del manifiesto
bag-fault-missing = falta: el manifiesto lo incluye pero no está en la bolsa
bag-fault-added = añadido: ningún manifiesto lo incluye
bag-fault-renamed = renombrado: tiene los bytes de { $from }, que falta
bag-fault-not-a-file = no es un archivo normal
bag-fault-unreadable = no se puede leer del zip: está dañado o ocupa más de 2 GiB descomprimido
bag-fault-wrong-oxum = el Payload-Oxum dice { $stated } pero el contenido es { $found }
bag-fault-no-signature = falta la firma del manifiesto de etiquetas
bag-fault-bad-signature = la firma no se verifica: se modificó el manifiesto de etiquetas o la firma, o la firmó otra clave
bag-fault-untrusted-key = la clave pública de la bolsa no es la clave de confianza
bag-fault-bad-timestamp = el sello de tiempo no corresponde a este manifiesto de etiquetas ({ $reason ->
        [unreachable] sin respuesta
        [malformed] no es una respuesta de sello de tiempo
        [rejected] la autoridad lo rechazó
        [wrong-imprint] sella otro hash
       *[other] responde a otra solicitud
    })

domain-problem-timestamp-failed = la autoridad de sellado de tiempo no dio un sello válido ({ $reason ->
        [unreachable] no se pudo contactar o respondió con un error
        [malformed] su respuesta no es un sello de tiempo
        [rejected] rechazó la solicitud
        [wrong-imprint] selló otro hash
       *[other] respondió a otra solicitud
    })

cli-arg-packet-bag = Escribir el paquete como bolsa BagIt en esta carpeta nueva (o, si el nombre termina en .zip, en un zip nuevo que contiene la carpeta de la bolsa): el PDF, las pruebas idénticas al original, el registro de custodia de cada prueba, los manifiestos y el manifiesto de etiquetas firmado con la clave de la bóveda.
cli-arg-packet-tsa = Con --bag: obtener además un sello de tiempo RFC 3161 del manifiesto de etiquetas de la autoridad de sellado en esta URL.
cli-about-packet-verify = Comprobar la bolsa de un paquete: cada archivo contra sus manifiestos, la firma y el sello de tiempo. Termina con un código distinto de cero si no es íntegra.
cli-arg-packet-verify-path = La carpeta de la bolsa o un zip que la contiene.
cli-arg-packet-verify-key = La clave pública de confianza (minisign.pub) con la que comprobar la firma; si no, la clave de la bóveda cuando se indica una bóveda; si no, solo la clave que trae la bolsa.
cli-about-key-signing-key = Mostrar la clave pública de firma de la bóveda (minisign.pub), creándola la primera vez: con ella se firman las bolsas de los paquetes.
packet-bag-exists = { $path } ya existe y no está vacía: indique una carpeta nueva o un archivo .zip nuevo para la bolsa
cli-error-packet-person = indique el id de la persona (o: testimonio packet verify CARPETA)
cli-error-packet-out = indique --out ARCHIVO o --bag CARPETA
cli-value-url = URL
