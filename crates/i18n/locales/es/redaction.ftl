# Copias tachadas y con número Bates de las pruebas que salen.

domain-problem-out-of-range = debe estar entre 1 y { $max }
domain-problem-not-redactable = solo se puede tachar un PDF
domain-problem-redaction-leak = la comprobación de la copia aún lee una palabra tachada (o una variante cercana) en la página { $page } { $via ->
        [metadata] en sus metadatos
       *[text] en su texto
    }; tache cada aparición (una búsqueda) o un área mayor. La copia no se guardó.
domain-allowed-bates-prefix = A-Z, 0-9, - y _, de 1 a 20 caracteres, el primero una letra o un dígito
conflict-bates-taken = Entretanto se dieron números Bates de { $prefix } a otra copia; vuelva a intentarlo.
redaction-query-problem = búsqueda { $number }: { $problem }

cli-about-document-redact = Hacer una copia tachada de un PDF guardado para una prueba que sale: las páginas rasterizadas, las palabras, regiones y coincidencias de búsqueda elegidas quemadas en negro, leídas de nuevo por OCR, reconstruidas sin metadatos y selladas con números Bates. La copia se comprueba (ninguna palabra tachada legible) antes de guardarse con su propio hash; el original nunca cambia.
cli-arg-redact-id = El documento (un PDF) que se copia.
cli-arg-redact-bates-prefix = Prefijo Bates (A-Z, 0-9, - y _): las páginas se numeran PREFIJO-000001 en adelante, continuando en cada copia con este prefijo.
cli-arg-redact-match = Tachar cada coincidencia de esta búsqueda (el lenguaje de búsqueda) en las páginas copiadas; se puede repetir.
cli-arg-redact-words = Tachar palabras de una página por su índice (desde 0) entre sus palabras situadas, como las numera la vista de página: PÁGINA:I,I…; se puede repetir.
cli-arg-redact-region = Tachar una región de una página, sus esquinas como fracciones del ancho y el alto de la página desde arriba a la izquierda: PÁGINA:x0,y0,x1,y1; se puede repetir.
cli-arg-redact-pages = Copiar solo estas páginas del original: N o PRIMERA-ÚLTIMA (todas por defecto).
cli-arg-redact-jobs = Páginas que se hacen a la vez (por defecto: una por núcleo).
cli-value-page-words = PÁGINA:I,…
cli-value-page-region = PÁGINA:X0,Y0,X1,Y1
cli-redact-bad-value = { $option } { $value }: no es un valor que admita esta opción (vea --help).
cli-redact-stored = Se guardó la copia tachada { $copy } (Bates { $first } a { $last }), SHA-256 { $sha256 }.
cli-redact-counts = Tachado: { $words ->
        [one] una palabra elegida
       *[other] { $words } palabras elegidas
    }, { $regions ->
        [one] una región
       *[other] { $regions } regiones
    }, { $matches ->
        [one] una coincidencia de búsqueda
       *[other] { $matches } coincidencias de búsqueda
    }.
cli-redact-original = El original { $original } no cambió, SHA-256 { $sha256 }.

redact-link = Hacer una copia tachada con números Bates…
redact-title = Copia tachada
redact-hint = Elija qué tachar: marque palabras, haga clic en dos esquinas de una región de la página o dé una búsqueda cuyas coincidencias se tachan todas; luego vea la vista previa. La copia se rasteriza, se quema, se lee de nuevo, se le quitan los metadatos y se sella con números Bates; se comprueba antes de guardarse, y el original nunca cambia.
redact-corner-set = Primera esquina marcada: haga clic en la esquina opuesta.
redact-pick-alt = La página: haga clic en dos esquinas de una región que tachar
redact-chosen = Elegido en esta página: { $words ->
        [one] una palabra
       *[other] { $words } palabras
    }, { $regions ->
        [one] una región
       *[other] { $regions } regiones
    }, { $matches ->
        [one] una coincidencia de búsqueda
       *[other] { $matches } coincidencias de búsqueda
    }.
redact-query = Tachar cada coincidencia de esta búsqueda:
redact-prefix = Prefijo Bates:
redact-scope = La copia contiene
redact-scope-page = esta página
redact-scope-all = todas las páginas del documento
redact-words = Palabras de esta página ({ $count })
redact-preview = Vista previa
redact-clear = Empezar de nuevo
redact-make = Hacer la copia
documents-act-redacted-copy-made = copia tachada hecha
documents-act-redacted-from = copia tachada de
