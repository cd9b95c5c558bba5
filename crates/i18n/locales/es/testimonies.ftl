# Testimonios: registros, páginas, órdenes y la API.

domain-hint-language = un código de idioma como es, en o pt-BR
audit-action-testimony-read = lectura del relato de un testimonio
report-testimony = Testimonio, { $date }
