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
query-near-needs-words = NEAR (o CERCA) une dos palabras o frases
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
search-index-busy = Otro proceso está actualizando el índice de búsqueda; intente de nuevo cuando termine.

## testimonio ingest
ingest-col-status = estado
ingest-col-pages = págs.
ingest-col-ocr = OCR
ingest-col-document = documento
ingest-col-file = archivo / motivo
ingest-already-stored = ya estaba en la bóveda
ingest-attachments = { $count ->
        [one] +1 adjunto
       *[other] +{ $count } adjuntos
    }
ingest-summary = Archivos: { $ok ->
        [one] 1 leído
       *[other] { $ok } leídos
    }, { $partial ->
        [one] 1 parcial
       *[other] { $partial } parciales
    }, { $failed ->
        [one] 1 fallido
       *[other] { $failed } fallidos
    }; { $pages ->
        [one] 1 página
       *[other] { $pages } páginas
    } ({ $ocr } por OCR); { $duration }
ingest-not-complete = { $count ->
        [one] 1 archivo no se leyó por completo; figura arriba con su motivo
       *[other] { $count } archivos no se leyeron por completo; cada uno figura arriba con su motivo
    }
ingest-obtained-on-bad = --obtained-on: "{ $value }" no es una fecha (AAAA-MM-DD)
ingest-ocr-lang-bad = --ocr-lang: "{ $value }" no es una lista de idiomas de Tesseract como eng+spa
ingest-watchlists-failed = Los archivos están en la bóveda, pero las listas de seguimiento no se pudieron ejecutar: { $reason }
ingest-mentions-failed = Los archivos están en la bóveda, pero no se pudo buscar en sus páginas los nombres de las personas: { $reason } (se buscarán en la próxima ingesta o consulta de menciones).
ingest-mentions-found = { $count ->
    [one] Se halló una mención de una persona por su nombre, un alias o su número A: vea `testimonio person mentions`.
   *[other] Se hallaron { $count } menciones de personas por nombre, alias o número A: vea `testimonio person mentions`.
}

## testimonio search, reindex
search-hit-page = página { $page }
search-hit-date = { $date } (según { $source })
search-hit-event = (relato del evento)
search-results-range = resultados { $from }–{ $to } de { $total }
search-by-source = por origen: { $facets }
search-by-year = por año: { $facets }
search-reindexed = Índice de búsqueda reconstruido: { $count ->
        [one] 1 página o relato
       *[other] { $count } páginas y relatos
    }

## testimonio watchlist, excerpt
watch-not-run = lista de seguimiento { $name }: no se ejecutó, { $reason }
watch-new-hits = lista de seguimiento { $name }: { $count ->
        [one] 1 resultado nuevo por revisar
       *[other] { $count } resultados nuevos por revisar
    }
watch-query-error = --query: { $problem }
watch-pending = { $count ->
        [one] 1 pendiente
       *[other] { $count } pendientes
    }
watch-hit-status = { $status ->
        [pending] pendiente
        [accepted] aceptado
       *[dismissed] descartado
    }
excerpt-page = { $document } página { $page }

## testimonio document, documents
documents-stored = guardado
documents-already-stored = ya guardado
documents-add-failed = falló: { $path }: { $reason }
documents-not-stored = { $count ->
        [one] No se pudo guardar 1 archivo
       *[other] No se pudieron guardar { $count } archivos
    }
documents-written = Escrito en { $path } ({ $size }, hash verificado).
documents-no-such-page = { $id } no tiene página { $page }: tiene { $count ->
        [one] 1 página
       *[other] { $count } páginas
    }
documents-label-status = estado
documents-label-type = tipo
documents-label-source = origen
documents-label-inside = encontrado dentro de
documents-own-date = fecha: { $date } (según { $source })
documents-label-text-by = texto por
documents-label-attachment = adjunto
documents-page-line = pág. { $page }
documents-char-count = { $count ->
        [one] 1 carácter
       *[other] { $count } caracteres
    }
documents-page-count = { $count ->
        [one] 1 página
       *[other] { $count } páginas
    }
documents-total = { $count ->
        [one] 1 documento
       *[other] { $count } documentos
    }

## The web's document pages
documents-page-of = Página { $page } de { $pages }
# Tras el número, en negrita: "3 coincidencias de CONSULTA".
documents-matches-of = { $count ->
        [one] coincidencia de
       *[other] coincidencias de
    }
documents-image-alt = Imagen de la página { $page }
# Bajo la imagen de la página, tras el número en negrita: "4 palabras marcadas en la imagen de la página".
documents-words-marked = { $count ->
        [one] palabra marcada en la imagen de la página
       *[other] palabras marcadas en la imagen de la página
    }
documents-marks-unavailable = No se pudieron marcar las coincidencias en la imagen de la página; están marcadas en el texto.

## Excerpts as event and person pages list them
excerpts-heading = Extractos ({ $count })
excerpts-added-at = Agregado el { $at } · { $by }
excerpts-from-watchlist = De la alerta { $name }

## The web's search page
search-too-long = La consulta es demasiado larga. Máximo de caracteres: { $max }
# Tras el número, en negrita: "4 documentos".
documents-count = { $count ->
        [one] documento
       *[other] documentos
    }
documents-page-number = Página { $page }

# How a document's text was read, as the extraction recorded it when the
# file was ingested (the tools' own words, kept with the document).
evidence-extraction-detail = Detalle técnico, tal como se registró (en inglés): { $detail }

## Uploads (web and API)
upload-field = Fotos, grabaciones, videos o documentos
upload-hint = Puede elegir varios archivos a la vez. Hasta { $size } por archivo.
upload-submit = Subir
upload-attached-title = Archivos
upload-attached-none = Todavía no hay archivos.
upload-media-photo = foto
upload-media-audio = grabación
upload-media-video = video
upload-media-pdf = PDF
upload-media-email = correo
upload-media-file = archivo
upload-result-title = Archivos recibidos
upload-back = Volver
upload-none-chosen = No se eligió ningún archivo.
upload-summary = { $count ->
    [one] Se recibió 1 archivo y se guardó cifrado.
   *[other] Se recibieron { $count } archivos y se guardaron cifrados.
}
upload-summary-not = { $count ->
    [one] No se recibió 1 archivo.
   *[other] No se recibieron { $count } archivos.
}
upload-pages = { $count ->
    [one] 1 página de texto
   *[other] { $count } páginas de texto
}{ $ocr ->
    [0] {""}
    [one] {" "}(1 leída por OCR)
   *[other] {" "}({ $ocr } leídas por OCR)
}
upload-already-there = ya estaba en la bóveda
upload-file-too-large = no se recibió: supera el límite de { $size } por archivo.
upload-request-too-large = No se recibió: juntos, los archivos superan el límite de { $size } por subida. Envíelos en varias subidas.
upload-interrupted = no se recibió: la subida se interrumpió. Envíelo de nuevo.
upload-capture-title = Dónde y cuándo se tomó
upload-capture-hint = Según lo registró la cámara. Solo lo ven los roles que ven identidades, cada lectura queda en el registro de auditoría, y las copias que salen de la bóveda (exportaciones, anexos de expedientes) van sin estos datos.
upload-capture-when = Tomada
upload-capture-where = Posición (latitud, longitud)
upload-capture-device = Cámara

## Personas mencionadas en la evidencia (nombre legal, alias o número A de una persona hallado en una página)
nav-mentions = Menciones
mention-heading = Menciones en documentos
mention-none = Todavía ninguna página menciona a esta persona.
mention-hint = Las páginas se revisan en busca del nombre legal, los alias y el número A de cada persona después de cada ingesta y de cada cambio en sus datos. Solo aparecen las personas cuya identidad usted puede ver, y cada consulta queda registrada en el registro de auditoría.
# $document: nombre de archivo o id de un documento; $page: número de página.
mention-where = { $document }, página { $page }
mention-kind-legal-name = nombre legal
mention-kind-alias = alias
mention-kind-a-number = número A
mention-status-pending = pendiente de revisión
mention-status-confirmed = confirmada
mention-status-dismissed = descartada
mention-confirm = Confirmar
mention-dismiss = No es esta persona
mention-queue-title = Menciones por revisar
mention-queue-heading = { $count ->
    [one] Una mención por revisar
   *[other] { $count } menciones por revisar
}
mention-queue-none = Ninguna mención espera revisión.
mention-column-where = Dónde
mention-column-kind = Hallada por
mention-column-review = Revisión
