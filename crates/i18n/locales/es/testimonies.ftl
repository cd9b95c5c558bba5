# Testimonios: registros, páginas, órdenes y la API.

domain-hint-language = un código de idioma como es, en o pt-BR
audit-action-testimony-read = lectura del relato de un testimonio
report-testimony = Testimonio, { $date }

## Fields and statuses, shared by the command line and the web
field-interviewer = Entrevistador/a
field-language = Idioma
field-account = Relato
field-consent-effective = Consentimiento vigente para el relato
field-events = Eventos
field-documents = Documentos
field-review = Revisión para publicar
testimony-reviewed-by = Revisado por { $by } el { $at }
testimony-not-reviewed = Sin revisar para publicar
testimony-none = Aún no hay testimonios.
testimony-recorded = { $outcome ->
    [created] Se registró el testimonio { $id }.
    [updated] Se modificó el testimonio { $id }.
   *[unchanged] El testimonio { $id } ya estaba así; no se cambió nada.
}
testimony-review-recorded = { $outcome ->
    [updated] El testimonio { $id } quedó marcado como revisado para publicar.
   *[unchanged] El testimonio { $id } ya estaba marcado como revisado; no se cambió nada.
}

## Command line
cli-about-testimony = Testimonios: el relato en primera persona de alguien, con su propio consentimiento
cli-about-testimony-add = Registrar un testimonio (el relato, de --account-file o de la entrada estándar)
cli-about-testimony-list = Listar los testimonios (sin sus relatos)
cli-about-testimony-show = Mostrar un testimonio con su relato
cli-about-testimony-review = Marcar un testimonio como revisado para publicar (coordinación y administración)
cli-arg-testimony-person = Identificador de la persona que dio el testimonio
cli-arg-testimony-interviewer = Quién lo tomó (voluntario/a o abogado/a)
cli-arg-testimony-date = Cuándo se dio: AAAA-MM-DD, AAAA-MM o AAAA
cli-arg-testimony-place = Dónde se dio
cli-arg-testimony-language = Idioma del relato (es, en, pt-BR…)
cli-arg-testimony-consent = Consentimiento dado para este relato (internal, coalition_aggregate, coalition_narrative, public_anonymous, public_named); rige el más restringido entre este y el de la persona
cli-arg-testimony-event = Identificador de un evento del que habla el relato (se puede repetir)
cli-arg-testimony-document = Identificador de un documento adjunto (se puede repetir)
cli-arg-testimony-account-file = Archivo con el relato (texto UTF-8); sin él, se lee la entrada estándar. Nunca en la línea de órdenes: otros usuarios la ven
cli-arg-testimony-add-id = Identificador que darle (por omisión, uno nuevo tst-)
cli-arg-testimony-list-person = Solo los testimonios de esta persona
cli-arg-testimony-id = Identificador del testimonio

## API
api-body-unknown-field = Este campo no forma parte de la solicitud.
api-body-wrong-type = Este campo tiene el tipo equivocado (se espera un texto, o una lista de textos para events y documents).

## Web
nav-testimonies = Testimonios
testimonies-title = Testimonios
testimonies-intro = Un testimonio es el relato de una persona en sus propias palabras, con el consentimiento que dio para él. Los relatos solo los ve quien puede ver la identidad de la persona.
testimony-new = Registrar un testimonio
testimony-record-for-person = Registrar un testimonio
testimonies-of-person = { $count ->
    [0] Ningún testimonio
    [one] Un testimonio
   *[other] { $count } testimonios
}
testimony-title = Testimonio
testimony-review-hint = Lea el relato antes de marcarlo: una vez marcado, un informe puede citarlo donde sus consentimientos lo permitan.
testimony-review-submit = Marcar como revisado para publicar
testimony-account-withheld = El relato solo lo ve quien puede ver la identidad de esta persona.
testimony-reviewed-on = Revisado para publicar el { $at } por
testimony-person-hint = Quién dio el testimonio, por su seudónimo.
testimony-person-choose = Elija una persona
testimony-interviewer-hint = La persona voluntaria o el abogado o abogada que lo tomó.
testimony-language-hint = El idioma en que se dio el relato: es, en u otro código, como mam o pt-BR.
testimony-consent-hint = Lo que la persona permite para este relato. Puede ser más restringido que su consentimiento para su registro; rige el más restringido de los dos.
testimony-account-hint = En las propias palabras de la persona. Se guarda cifrado y solo lo ve quien puede ver la identidad de la persona.
testimony-ids-hint = Identificadores separados por espacios (opcional).
testimony-save = Guardar el testimonio
testimony-search-label = Buscar palabras en los relatos
testimony-search-hint = Deben aparecer todas las palabras; no importan las mayúsculas ni los acentos. Solo se buscan los relatos que usted puede leer.
testimony-search-submit = Buscar
testimony-search-results = { $count ->
    [0] Ningún relato contiene estas palabras
    [one] Un relato contiene estas palabras
   *[other] { $count } relatos contienen estas palabras
}
cli-about-testimony-search = Buscar los testimonios cuyo relato contiene todas las palabras (no importan las mayúsculas ni los acentos); muestra un pasaje de cada uno
cli-arg-testimony-search-query = Las palabras que buscar
testimony-edit = Modificar este testimonio
testimony-edit-hint = Si cambia el relato, hay que revisarlo de nuevo antes de que un informe pueda citarlo.
api-body-id-mismatch = El identificador del cuerpo no es el de la dirección.
cli-about-testimony-link = Vincular eventos y documentos a un testimonio
cli-arg-testimony-link-event = Identificador de un evento del que habla el relato (se puede repetir)
cli-arg-testimony-link-document = Identificador de un documento que adjuntar (se puede repetir)
testimony-linked = { $count ->
    [0] Testimonio { $id }: nada nuevo que vincular.
    [one] Testimonio { $id }: un vínculo nuevo.
   *[other] Testimonio { $id }: { $count } vínculos nuevos.
}
testimonies-of-event = { $count ->
    [one] Un testimonio habla de este evento
   *[other] { $count } testimonios hablan de este evento
}
