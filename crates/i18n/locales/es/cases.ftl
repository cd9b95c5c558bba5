# Casos: expedientes legales o de incidencia en torno a una persona o un grupo
# (crates/domain/src/case.rs, crates/app/src/records/cases.rs, los comandos,
# las páginas y la API de casos).

case-kind-removal-defense = Defensa contra la deportación
case-kind-prosecutorial-discretion = Solicitud de discreción fiscal
case-kind-first-amendment = Demanda por la Primera Enmienda
case-kind-foia-litigation = Litigio FOIA
case-kind-advocacy = Incidencia
case-status-open = Abierto
case-status-pending-decision = En espera de decisión
case-status-won = Ganado
case-status-lost = Perdido
case-status-closed = Cerrado
case-link-kind-event = Evento
case-link-kind-document = Documento
case-link-kind-excerpt = Extracto
case-link-kind-foia = Solicitud FOIA
case-link-kind-testimony = Testimonio

## El expediente del caso (crates/report/src/packet.rs)

packet-case = El caso
packet-case-title = Caso:
packet-case-kind = Tipo:
packet-case-status = Estado:
packet-case-attorney = Abogado/a:
packet-case-opened = Apertura:
packet-case-subtitle = { $title } — { $kind }
