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
