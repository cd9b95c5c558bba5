# reports: messages of the reports slice (see ARCHITECTURE.md, "One message catalog").

## Command line: analyze, report, packet

analyze-permutations-too-few = --permutations must be at least 1
analyze-min-count-too-small = --min-count must be at least 2 for a coalition or public audience, not { $count }
report-wrote = wrote { $path } ({ $format }, { $count ->
        [one] { $count } case
       *[other] { $count } cases
    })
packet-wrote = wrote { $path } ({ $events ->
        [one] { $events } event
       *[other] { $events } events
    }, { $exhibits ->
        [one] { $exhibits } exhibit
       *[other] { $exhibits } exhibits
    })

## Reports (testimonio-report)

report-suppressed = suppressed
