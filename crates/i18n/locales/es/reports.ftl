# reports: messages of the reports slice (see ARCHITECTURE.md, "One message catalog").

## Línea de órdenes: analyze, report, packet

analyze-permutations-too-few = --permutations debe ser al menos 1
analyze-min-count-too-small = --min-count debe ser al menos 2 para la coalición o el público, no { $count }
report-wrote = escrito { $path } ({ $format }, { $count ->
        [one] { $count } caso
       *[other] { $count } casos
    })
packet-wrote = escrito { $path } ({ $events ->
        [one] { $events } evento
       *[other] { $events } eventos
    }, { $exhibits ->
        [one] { $exhibits } prueba documental
       *[other] { $exhibits } pruebas documentales
    })

## Informes (testimonio-report)

report-suppressed = suprimido

report-title = Represalias contra quienes alzan la voz: el patrón documentado
report-marking-internal = Uso interno — no distribuir
report-marking-coalition = { $count ->
        [one] Coalición — se suprimen los recuentos de menos de { $count } persona
       *[other] Coalición — se suprimen los recuentos de menos de { $count } personas
    }
report-marking-public = { $count ->
        [one] Público — se suprimen los recuentos de menos de { $count } persona
       *[other] Público — se suprimen los recuentos de menos de { $count } personas
    }
report-subtitle-prepared = Preparado con Testimonio con los registros guardados al { $date }.
report-subtitle-audience = Destinatarios: { $audience }.
report-audience-internal = uso interno
report-audience-coalition = la coalición
report-audience-public = el público
report-page-of = Página { $page } de { $pages }
report-figure-caption = Figura { $number }. { $text }
report-figure-all-suppressed = { $what }: menos de { $count ->
        [one] una persona
       *[other] { $count } personas
    } en cada categoría, por eso no se dibuja la figura.
report-table-caption = Cuadro { $number }. { $text }
report-appendix-caption = Cuadro A{ $number }. { $text }
report-notice-internal-lead = Informe interno.
report-notice-internal = No se suprime nada y da identificadores de registro, fechas exactas y lugares. Aun así no contiene ningún nombre legal ni otro dato de identidad: las personas aparecen solo con su seudónimo. No lo comparta fuera del grupo; prepare una versión para la coalición o para el público.
report-notice-protects = Este informe protege a las personas que aparecen en él.
report-notice-coalition = Solo cuenta a quienes aceptaron figurar en las estadísticas de la coalición, no nombra a nadie y oculta (“suprimido”) todo conteo de menos de { $count } personas, junto con cualquier otro conteo que permitiera deducirlo.
report-notice-public = Solo cuenta a quienes aceptaron que se publique su relato sin datos que los identifiquen, no nombra a nadie y oculta (“suprimido”) todo conteo de menos de { $count } personas, junto con cualquier otro conteo que permitiera deducirlo.
report-summary = Resumen
report-summary-population = Personas contadas: { $people }. Personas que sufrieron al menos una acción de control migratorio: { $targeted }. Acciones de control migratorio: { $actions }. Actividades protegidas: { $activities }.
report-summary-median = Cuando la persona tenía una actividad protegida anterior, el intervalo mediano fue de { $median } (cuartiles { $q1 } y { $q3 }).
report-timing-suppressed = Muy pocas acciones de control migratorio para estos destinatarios: las cifras de proximidad temporal están suprimidas.
report-within-lead = { $pairs ->
        [one] De { $pairs } par de una acción de control migratorio y una persona afectada por ella,
       *[other] De { $pairs } pares de una acción de control migratorio y una persona afectada por ella,
    }
report-within-first = { $count ->
        [one] { $count } ({ $share }) ocurrió dentro de { $days }
       *[other] { $count } ({ $share }) ocurrieron dentro de { $days }
    }
report-within-first-suppressed = un número suprimido ocurrió dentro de { $days }
report-within-own = de la actividad protegida más reciente de esa misma persona
report-within-more = { $count } ({ $share }) dentro de { $days }
report-within-more-suppressed = un número suprimido dentro de { $days }
report-and = y
report-chance-lead = Si las acciones hubieran ocurrido en días al azar dentro del periodo documentado de cada persona, un intervalo promedio tan corto como el observado ({ $days }, con cada intervalo limitado a 365 días) habría surgido con probabilidad
report-chance-rest = (prueba de permutaciones, { $permutations ->
        [one] { $permutations } permutación
       *[other] { $permutations } permutaciones
    }, semilla { $seed }). Por azar, el promedio sería de unos { $days } (el 95 % de las permutaciones entre { $low } y { $high }).
report-chance-nothing = Ninguna acción nombra a una persona afectada, así que la proximidad no pudo compararse con el azar.
report-chance-withheld = Muy pocas personas para estos destinatarios: no se informa la prueba frente al azar.
report-spread = Hubo personas afectadas en { $states ->
        [one] { $states } estado o territorio
       *[other] { $states } estados o territorios
    } y en { $offices ->
        [one] { $offices } oficina local de ICE
       *[other] { $offices } oficinas locales de ICE
    }.
report-spread-largest = La oficina con más casos, { $office }, reúne el { $share } de las personas cuya oficina se conoce
report-spread-hhi = (índice de Herfindahl-Hirschman { $hhi }; 1 significaría todas en una sola oficina).
report-spread-hhi-withheld = (no se publica el índice de concentración: podría revelar un conteo suprimido).
report-spread-largest-withheld = No se publica la proporción de la oficina con más casos: podría revelar un conteo suprimido.
report-methodology = Metodología
report-sources = Fuentes y consentimiento
report-sources-text = Las cifras provienen de los registros de una bóveda de Testimonio: personas, siempre con seudónimo, y eventos fechados de actividad protegida (protestas, huelgas de hambre, entrevistas, testimonios, litigios) y de control migratorio (vigilancia, arrestos, detención, citatorios, deportación), codificados con un vocabulario bilingüe fijo. El consentimiento se lee tal como constaba el { $date }.
report-consent-internal = Se cuenta a todas las personas documentadas, sea cual sea su consentimiento, porque este informe no sale del grupo.
report-consent-coalition = Solo se cuenta a quienes, en esa fecha, dieron al menos su consentimiento para “estadísticas de la coalición”; las demás personas quedan fuera de todas las cifras y se retiran de los eventos que las nombraban.
report-consent-public = Solo se cuenta a quienes, en esa fecha, dieron al menos su consentimiento “público, anónimo”; las demás personas quedan fuera de todas las cifras y se retiran de los eventos que las nombraban.
report-roles-text = Una acción de control migratorio se dirige a las personas que figuran como afectadas. Una persona participó en una actividad protegida si figura como organizadora, vocera, participante u otro rol. Para preparar este informe no se leen los datos de identidad (nombres legales, contactos, números A, direcciones).
report-timing-heading = Proximidad temporal
report-timing-pairs-note = Estas proporciones son sobre pares de acción y persona, así que una persona afectada dos veces cuenta dos veces. La figura 1, en cambio, cuenta personas, cada una una vez, según el intervalo más corto entre una de sus actividades protegidas y una acción posterior en su contra.
report-chance-heading = Prueba frente al azar
report-chance-not-run = Una prueba de permutaciones compara el intervalo promedio observado (limitado a 365 días) con el que resulta al mover las acciones de cada persona a días al azar de su periodo documentado. No se realizó para este informe (vea el resumen).
report-place-heading = Lugar, tiempo y tipo
report-place-text = Los cuadros, el mapa y los gráficos de lugares, años y tipos cuentan personas, cada una una vez, según su primera acción de control migratorio documentada: su estado, su oficina local de ICE, su año y su tipo. La concentración se da como la proporción de la oficina con más personas, entre aquellas cuya oficina se conoce, y como el índice de Herfindahl-Hirschman, la suma de las proporciones al cuadrado: de 1/n cuando las personas se reparten por igual entre n oficinas a 1 cuando están todas en una.
report-disclosure-heading = Control de divulgación
report-disclosure-internal = Este es un informe interno: no se suprime ningún conteo. Las versiones para la coalición y para el público suprimen los conteos pequeños como se describe en ellas.
report-disclosure-suppressed = Todo conteo de personas de 1 a { $max } se suprime: aparece como “suprimido”, nunca como número, en los cuadros, en el mapa y en los gráficos (donde no tiene barra). Los ceros sí se muestran. Para que un conteo suprimido no pueda deducirse restando los demás de un total, se suprime al menos otro conteo de la misma fila, columna o lista (supresión complementaria), y más conteos cuando varias filas y columnas juntas permitirían deducirlo. Los conteos de pares de acción y persona se suprimen igual, y todos ellos cuando una categoría reúne menos personas que el umbral.
report-disclosure-quartiles = Las medianas y los cuartiles se dan solo sobre al menos { $count } pares de al menos otras tantas personas; no se dan mínimos ni máximos, que son valores de una sola persona. La proporción de la oficina con más personas y el índice de concentración se dan solo cuando se deducen de los conteos publicados. La prueba frente al azar solo se informa si hubo al menos ese número de personas afectadas.
report-disclosure-vignettes-coalition = Los casos describen solo a personas que aceptaron compartir su relato con la coalición, con seudónimo, con meses en lugar de días y sin lugares; un relato se cita solo si todas las personas que nombra el evento lo aceptaron.
report-disclosure-vignettes-public = Los casos describen solo a personas que aceptaron que se publique su relato sin datos que las identifiquen, con seudónimo, con meses en lugar de días y sin lugares; un relato se cita solo si todas las personas que nombra el evento lo aceptaron.
report-disclosure-limits = Lo que esto no hace: cada cuadro se protege por separado, así que comparar dos cuadros sobre las mismas personas puede acotar lo que cada uno oculta; y de un conteo suprimido se sabe igualmente que está entre 1 y el umbral, o que es a lo sumo lo que deja su fila.
report-interval-0-30 = 0–30 días
report-interval-31-90 = 31–90 días
report-interval-91-180 = 91–180 días
report-interval-181-365 = 181–365 días
report-interval-over-365 = más de 365 días
report-interval-none-people = ninguna acción tras una actividad
report-interval-none-pairs = sin actividad anterior
report-axis-people = personas
report-timing = Cuán pronto siguió la acción migratoria a la actividad protegida
report-figure-intervals = Personas según el intervalo más corto entre una actividad protegida suya y una acción posterior en su contra
report-figure-intervals-desc = Gráfico de barras de personas por intervalo más corto; las categorías suprimidas no tienen barra.
report-table-windows = Acciones dentro de un plazo tras la actividad protegida (pares de acción y persona)
report-within = dentro de { $days }
report-all-pairs = Todos los pares
report-col-window = Plazo
report-col-after-own = Tras actividad propia
report-col-share = Proporción
report-col-after-group = Tras actividad del grupo
report-windows-note = Actividad del grupo: la actividad protegida más reciente de cualquier grupo al que pertenece la persona (actividades que nombran al grupo o a uno de sus miembros), sobre los pares cuya persona pertenece a un grupo.
report-label-own = Tras la actividad propia
report-label-group = Tras la actividad del grupo
report-quartiles = { $label }: mediana { $median }, cuartiles { $q1 } y { $q3 } (sobre { $count ->
        [one] { $count } par
       *[other] { $count } pares
    } con una actividad anterior).
report-quartiles-range = { $label }: mediana { $median }, cuartiles { $q1 } y { $q3 }, de { $min } a { $max } (sobre { $count ->
        [one] { $count } par
       *[other] { $count } pares
    } con una actividad anterior).
report-quartiles-withheld = { $label }: no se dan mediana ni cuartiles (muy pocos pares o personas).
report-imprecise = Pares que dependen de una fecha conocida solo al mes o al año, o aproximada: { $count }.
report-col-people = Personas
report-total = Total
report-where = Dónde ocurrió
report-figure-states = Personas según el estado de su primera acción de control migratorio
report-map-desc = Mapa de Estados Unidos como una cuadrícula de cuadrados iguales, uno por estado, sombreados según el número de personas; los estados suprimidos están rayados y marcados como suprimidos.
report-map-none = ninguna documentada
report-no-state = Personas cuya primera acción no tiene estado registrado: { $count }.
report-table-offices = Personas según la oficina local de ICE de su primera acción de control migratorio
report-col-office = Oficina local
report-concentration-offices = Oficinas locales: { $distinct }
report-concentration-states = Estados o territorios: { $distinct }
report-concentration-largest = con más personas: { $label }, { $count ->
        [one] { $count } persona
       *[other] { $count } personas
    } ({ $share })
report-concentration-hhi = índice de Herfindahl-Hirschman { $hhi }
report-over-time = En el tiempo y por tipo
report-unknown = desconocido
report-unknown-office = desconocida
report-figure-years = Personas según el año de su primera acción de control migratorio
report-figure-years-desc = Gráfico de barras de personas por año; los años suprimidos no tienen barra.
report-table-types = Personas según el tipo de su primera acción de control migratorio
report-col-type = Tipo de acción
report-cases = Casos
report-cases-internal = Las personas afectadas, del intervalo más corto al más largo, con su seudónimo y con fechas y lugares tal como constan. Los relatos se citan tal como constan.
report-cases-coalition = Aquí aparecen solo personas que aceptaron compartir su relato con la coalición, con seudónimo. Las fechas se dan por mes y se omiten los lugares; un relato se cita solo si todas las personas que nombra el evento lo aceptaron, y tal como consta.
report-cases-public = Aquí aparecen solo personas que aceptaron que se publique su relato sin datos que las identifiquen, con seudónimo. Las fechas se dan por mes y se omiten los lugares; un relato se cita solo si todas las personas que nombra el evento lo aceptaron, y tal como consta.
report-cases-none = No hay casos que puedan describirse para estos destinatarios.
report-vignette-closest = Intervalo más corto entre una actividad protegida y una acción: { $days }.
report-kind-protected = actividad protegida
report-kind-enforcement = control migratorio
report-step-office = oficina local { $office }
report-step-after = { $days } después de su actividad protegida más reciente
report-exhibits = Pruebas documentales
report-appendix = Apéndice de datos
report-appendix-intro = Los conteos detrás de las figuras, con la misma supresión. Las etiquetas son las del vocabulario y los códigos de USPS y de ICE.
report-appendix-states = Personas según el estado de su primera acción (figura 2)
report-col-state = Estado
report-appendix-years = Personas según el año de su primera acción (figura 3)
report-col-year = Año
report-appendix-intervals = Personas según el intervalo más corto (figura 1)
report-col-interval = Intervalo
report-appendix-pairs = Pares de acción y persona según los días desde la actividad protegida más reciente de la persona
report-col-pairs = Pares
report-parameters = Parámetros
report-param-audience = Destinatarios
report-param-min = Menor conteo publicado
report-param-no-suppression = sin supresión
report-param-as-of = Consentimiento leído el
report-param-permutations = Permutaciones
report-param-seed = Semilla
report-param-cap = Límite de días
report-param-vocabulary = Vocabulario de tipos de evento
report-param-software = Programa
report-col-parameter = Parámetro
report-col-value = Valor

analyze-title = Análisis del patrón ({ $audience })
analyze-audience-internal = destinatarios: uso interno, nada suprimido
analyze-audience-coalition = destinatarios: coalición; se suprimen los recuentos de menos de { $count } personas
analyze-audience-public = destinatarios: público; se suprimen los recuentos de menos de { $count } personas
analyze-as-of = Consentimiento leído el { $date }
analyze-people-counted = Personas contadas
analyze-people-targeted = afectadas por una acción de control
analyze-enforcement-actions = Acciones de control migratorio
analyze-protected-activities = Actividades protegidas
analyze-proximity-own = Días desde la actividad protegida más reciente de la persona hasta una acción en su contra
analyze-proximity-group = Lo mismo desde la actividad protegida más reciente de cualquiera de sus grupos
analyze-proximity-suppressed = suprimido: muy pocos pares o personas
analyze-denominator = (denominador: { $pairs ->
        [one] { $pairs } par de acción y persona
       *[other] { $pairs } pares de acción y persona
    })
analyze-within = { $count ->
        [one] dentro de { $days } día
       *[other] dentro de { $days } días
    }
analyze-count-of = { $count } de { $total }
analyze-quartiles = mediana { $median } días; cuartiles { $q1 } y { $q3 } (sobre { $count ->
        [one] { $count } par
       *[other] { $count } pares
    } con actividad anterior)
analyze-quartiles-range = mediana { $median } días; cuartiles { $q1 } y { $q3 }; mín. { $min }, máx. { $max } (sobre { $count ->
        [one] { $count } par
       *[other] { $count } pares
    } con actividad anterior)
analyze-no-earlier = sin actividad protegida anterior: { $none }; que dependen de una fecha imprecisa: { $imprecise }
analyze-chance-done = Prueba frente al azar: { $p } (prueba de permutaciones, { $permutations ->
        [one] { $permutations } permutación
       *[other] { $permutations } permutaciones
    }, semilla { $seed }, días limitados a { $cap })
analyze-chance-means = promedio de días limitados: { $observed } observado; { $null } por azar (el 95 % de las permutaciones entre { $low } y { $high })
analyze-method = Método: { $method }
analyze-chance-nothing = Prueba frente al azar: nada que probar (ninguna acción nombra a una persona afectada)
analyze-chance-withheld = Prueba frente al azar: suprimida (muy pocas personas para estos destinatarios)
analyze-spread = Extensión (personas, cada una según su primera acción de control)
analyze-offices = oficinas locales: { $distinct }
analyze-states = estados: { $distinct }
analyze-largest = la mayor: { $label }, { $count ->
        [one] { $count } persona
       *[other] { $count } personas
    }, { $share }
analyze-largest-withheld = proporción mayor no publicada (podría revelar un conteo suprimido)
analyze-hhi = IHH { $hhi }
analyze-hhi-withheld = IHH no publicado
analyze-by-office = Por oficina local
analyze-by-state = Por estado
analyze-by-year = Por año
analyze-by-type = Por tipo de acción
analyze-total = total: { $count }
analyze-suppressed-note = «suprimido»: menos personas que el umbral, u ocultado para que otro conteo no pueda deducirse.

## Paquete del caso

packet-notice = Confidencial — interno. Este paquete identifica a una persona. Compártalo solo con su representación legal y con su consentimiento.
packet-person = La persona
packet-pseudonym = Seudónimo:
packet-legal-name = Nombre legal:
packet-counts = Actividades protegidas documentadas: { $protected }. Acciones de control migratorio: { $enforcement }. Pruebas documentales: { $exhibits }.
packet-timeline = Cronología: actividad protegida y control migratorio
packet-none-earlier = ninguna antes
packet-source = Prueba { $exhibit }, p. { $page }
packet-kind-protected = Actividad protegida
packet-kind-enforcement = Control migratorio
packet-timeline-caption = Tabla 1. Cada evento, por fecha
packet-col-date = Fecha
packet-col-kind = Clase
packet-col-type = Tipo
packet-col-place = Lugar
packet-col-days = Días desde la actividad protegida
packet-col-sources = Fuentes
packet-timeline-note = Los días se cuentan desde la actividad protegida anterior más reciente de esta persona hasta la acción de control; una actividad que duró (una huelga de hambre del 3 al 17 de marzo) cuenta desde su fin, y una acción durante ella queda a 0 días.
packet-events = Los eventos y sus fuentes
packet-no-excerpt = Todavía no hay extractos vinculados a este evento.
packet-other-passages = Otros pasajes sobre esta persona
packet-exhibits = Pruebas documentales
packet-exhibit-heading = Prueba { $number } — { $file }
packet-exhibit-id = Id en la bóveda: { $id }.
packet-exhibit-size = Tamaño: { $size }.
packet-exhibit-pages = Páginas citadas: { $pages }.
packet-manifest = Manifiesto
packet-manifest-caption = Tabla 2. Los originales y sus hashes SHA-256
packet-col-exhibit = Prueba
packet-col-file = Archivo
packet-manifest-note = Para verificar una prueba: testimonio document get ID --out ARCHIVO, y compare sha256sum ARCHIVO con esta tabla. Los originales son idénticos a como se recibieron.
packet-title = Paquete del caso: { $pseudonym }
packet-subtitle-audience = Audiencia interna — contiene datos de identificación
packet-subtitle-generated = Generado el { $date }
packet-marking = CONFIDENCIAL — INTERNO
packet-citation = Prueba { $exhibit }, página { $page }:
packet-citation-page = página { $page }:

## Errores del análisis (testimonio-analysis)

analysis-error-duplicate-person = la persona { $id } aparece más de una vez
analysis-error-duplicate-event = el evento { $id } aparece más de una vez
analysis-error-unknown-person = el evento { $event } nombra a la persona { $person }, que no está en el análisis
analysis-error-duplicate-participant = el evento { $event } nombra a la persona { $person } más de una vez
analysis-error-period = persona { $id }: el periodo documentado termina antes de empezar
analysis-error-nothing-to-test = nada que probar: ninguna acción de control migratorio nombra a una persona afectada
analysis-error-no-permutations = el número de permutaciones debe ser al menos 1
analysis-error-too-large-for-exact = demasiadas combinaciones para un valor p exacto; use la prueba de permutaciones
analysis-error-table-shape = la tabla tiene { $rows ->
        [one] { $rows } fila
       *[other] { $rows } filas
    } de { $columns ->
        [one] { $columns } columna
       *[other] { $columns } columnas
    }, pero sus conteos no tienen esa forma
analysis-error-min-count = el conteo mínimo por celda para tablas de la coalición o públicas debe ser al menos 2, no { $count }

analysis-method-permutation = Prueba de permutaciones. Estadístico: la media, sobre cada par (acción de control migratorio, persona afectada), de los días desde la actividad protegida más reciente de esa persona en o antes de la acción, con un tope de { $cap } días; un par sin actividad anterior vale { $cap }. Modelo de azar: las actividades protegidas de cada persona quedan fijas y cada una de sus acciones de control se traslada a un día elegido al azar, de manera uniforme e independiente, dentro del periodo documentado de la persona (del primer al último día de sus eventos documentados, salvo que se indique otro). { $count ->
        [one] { $permutations } permutación
       *[other] { $permutations } permutaciones
    }, semilla { $seed } (SplitMix64, un solo flujo dividido por posición, por lo que el resultado no depende del número de hilos). Valor p = (1 + número de permutaciones con una media tan pequeña como la observada o menor) / (1 + { $permutations }). Un valor p pequeño significa que el control migratorio ocurrió más cerca después de la actividad protegida de lo que lo pondría el azar dentro de los mismos periodos; por sí solo no muestra por qué.
analysis-method-proximity = Para cada acción de control migratorio y cada persona a la que se dirigió (rol 'persona afectada'), la actividad protegida más reciente de esa persona en o antes del día de la acción y, por separado, de cualquiera de sus grupos (actividades que nombran al grupo o a uno de sus miembros). Los días entre ambas se resumen con mínimo, cuartiles (interpolación lineal), mediana y máximo sobre los pares que tienen una actividad anterior; los pares sin ninguna se cuentan aparte. Las proporciones dentro de 30, 90 y 180 días son sobre todos los pares. Las fechas conocidas solo al mes o al año se sitúan en su primer día posible para las actividades y en su último día posible para las acciones, lo que solo puede alargar los intervalos. Una actividad con fecha de fin (una huelga de hambre del 3 al 17 de marzo) duró hasta entonces: los intervalos se cuentan desde su fin (un fin conocido solo al mes o al año se sitúa en su primer día posible) y una acción durante la actividad queda a 0 días de ella.

## Web: the analysis page (moved from web.ftl)

analysis-title = Análisis del patrón
analysis-intro = ¿Sigue la acción migratoria a la actividad protegida, más de cerca que el azar, y con qué extensión? Las mismas cifras que los informes, para los destinatarios elegidos: sin nombres, sin datos de identidad, sin identificadores de registro.
analysis-audience = Destinatarios
analysis-audience-internal = Uso interno (nada suprimido)
analysis-audience-coalition = Coalición
analysis-audience-public = Público
analysis-audience-invalid = Elija uso interno, coalición o público.
analysis-min-count = Menor conteo publicado
analysis-min-count-hint = Coalición y público: se suprimen los conteos de menos personas (de 2 a 1000; 5 si se deja vacío).
analysis-min-count-invalid = debe ser un número entero de 2 a 1000.
analysis-show = Mostrar
analysis-notice-internal = Cifras internas: se cuenta a todas las personas documentadas, sea cual sea su consentimiento, y no se suprime nada. No las comparta fuera del grupo; elija la coalición o el público para cifras que puedan salir de él.
analysis-notice-coalition = Cifras para la coalición: solo se cuenta a quienes aceptaron figurar en las estadísticas de la coalición.
analysis-notice-public = Cifras públicas: solo se cuenta a quienes aceptaron que se publique su relato sin datos que los identifiquen.
analysis-notice-suppressed = Todo conteo de menos de { $count } personas aparece como «suprimido», nunca como número, junto con cualquier otro conteo que permitiera deducirlo.
analysis-as-of = Consentimiento leído el { $date }.
analysis-within = dentro de { $days }
analysis-count-of-pairs = { $count } de { $total } pares de acción y persona
analysis-quartiles = mediana { $median } (cuartiles { $q1 } y { $q3 }) sobre { $n ->
        [one] { $pairs } par
       *[other] { $pairs } pares
    } con una actividad anterior
analysis-quartiles-range = mediana { $median } (cuartiles { $q1 } y { $q3 }; de { $min } a { $max }) sobre { $n ->
        [one] { $pairs } par
       *[other] { $pairs } pares
    } con una actividad anterior
analysis-chance-result = { $p } — prueba de permutaciones, { $permutations ->
        [one] { $permutations } permutación
       *[other] { $permutations } permutaciones
    }, semilla { $seed }
analysis-chance-means = Intervalo promedio en días, observado: { $observed }; por azar { $null } (el 95 % de las permutaciones entre { $low } y { $high }); cada intervalo limitado a { $cap }. Sobre { $pairs } pares de acción y persona de { $people } personas.
analysis-largest-detail = { $office }: { $n ->
        [one] { $count } persona
       *[other] { $count } personas
    }
analysis-suppressed = suprimido
analysis-suppressed-note = «Suprimido»: menos personas que el umbral, u ocultado para que otro conteo no pueda deducirse.
analysis-who = A quién se cuenta
analysis-people-counted = Personas contadas
analysis-people-targeted = Afectadas por una acción de control migratorio
analysis-enforcement-actions = Acciones de control migratorio
analysis-protected-activities = Actividades protegidas
analysis-timing = Cuán pronto siguió la acción migratoria a la actividad protegida
analysis-timing-hint = Proporción de pares de una acción de control migratorio y una persona afectada por ella que ocurrieron dentro de tantos días desde la actividad protegida más reciente de esa misma persona.
analysis-timing-suppressed = Muy pocas acciones de control migratorio para estos destinatarios: las cifras de proximidad temporal están suprimidas.
analysis-windows-caption = Acciones dentro de un plazo tras la actividad protegida (pares de acción y persona)
analysis-window = Plazo
analysis-after-own = Tras actividad propia
analysis-after-group = Tras actividad del grupo
analysis-share = Proporción
analysis-all-pairs = Todos los pares
analysis-group-note = Actividad del grupo: la actividad protegida más reciente de cualquier grupo al que pertenece la persona, sobre los pares cuya persona pertenece a un grupo.
analysis-quartiles-withheld = no se dan mediana ni cuartiles (muy pocos pares o personas).
analysis-imprecise = Pares que dependen de una fecha conocida solo al mes o al año, o aproximada
analysis-chart-intervals = Personas según el intervalo más corto entre una actividad protegida suya y una acción posterior en su contra
analysis-chart-intervals-desc = Gráfico de barras de personas por intervalo más corto; las categorías suprimidas no tienen barra.
analysis-as-table = Las cifras en un cuadro
analysis-pairs-by-interval = Pares de acción y persona según los días desde la actividad protegida más reciente de la persona
analysis-interval = Intervalo
analysis-people = Personas
analysis-pairs = Pares
analysis-total = Total
analysis-nobody = Ninguna documentada.
analysis-interval-0-30 = 0–30 días
analysis-interval-31-90 = 31–90 días
analysis-interval-91-180 = 91–180 días
analysis-interval-181-365 = 181–365 días
analysis-interval-over-365 = más de 365 días
analysis-interval-none-people = ninguna acción tras una actividad
analysis-interval-none-pairs = sin actividad anterior
analysis-chance = Prueba frente al azar
analysis-method = Método
analysis-nothing-to-test = Ninguna acción nombra a una persona afectada, así que la proximidad no pudo compararse con el azar.
analysis-chance-withheld = Suprimida: muy pocas personas afectadas para estos destinatarios, así que no se informa la prueba frente al azar.
analysis-where = Dónde ocurrió
analysis-spread = Extensión y concentración
analysis-spread-hint = Personas, cada una contada una vez, según su primera acción de control migratorio documentada: su estado, su oficina local de ICE, su año y su tipo.
analysis-field-offices = Oficinas locales de ICE
analysis-states = Estados o territorios
analysis-largest-office = Proporción de la oficina con más personas
analysis-not-published = No se publica: podría revelar un conteo suprimido.
analysis-hhi = Índice de concentración (Herfindahl-Hirschman)
analysis-hhi-hint = De 1/n cuando las personas se reparten por igual entre n oficinas a 1 cuando están todas en una.
analysis-map = Personas según el estado de su primera acción de control migratorio
analysis-map-desc = Mapa de Estados Unidos como una cuadrícula de cuadrados iguales, uno por estado, sombreados según el número de personas; los estados suprimidos están rayados y marcados como suprimidos.
analysis-none-documented = ninguna documentada
analysis-by-state = Personas según el estado de su primera acción de control migratorio
analysis-state = Estado
analysis-by-office = Personas según la oficina local de ICE de su primera acción de control migratorio
analysis-field-office = Oficina local
analysis-over-time = En el tiempo y por tipo
analysis-chart-years = Personas según el año de su primera acción de control migratorio
analysis-chart-years-desc = Gráfico de barras de personas por año; los años suprimidos no tienen barra.
analysis-year = Año
analysis-by-type = Personas según el tipo de su primera acción de control migratorio
analysis-type = Tipo de acción
analysis-unknown = desconocido
analysis-axis-people = personas
analysis-report = Descargar el informe
analysis-report-hint = El informe completo (resumen, metodología, gráficos, mapa, cuadros y casos con seudónimo) para los destinatarios elegidos. Se anota en el registro de auditoría antes de enviarse.
analysis-report-writers-only = Los informes los descargan administradores, coordinadores y documentadores.
analysis-format = Formato
analysis-format-pdf = PDF
analysis-format-html = HTML (un archivo)
analysis-format-invalid = Elija PDF o HTML.
analysis-language = Idioma del informe
analysis-language-invalid = Elija inglés o español.
analysis-download = Descargar

## Web: la cronología de una persona

timeline-lag = { $count ->
        [one] { $count } día después de #{ $number }
       *[other] { $count } días después de #{ $number }
    }
