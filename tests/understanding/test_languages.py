"""Reading goals in German, Spanish and French: one row per phrasing, per language.

The rows use the codes of ``reader_rows.py``:

* ``change:up`` / ``change:down`` / ``change:-`` — a bet with a baseline and a target;
* ``nobase:…`` — a target and no baseline; ``rel:…`` — a relative change only;
* ``zero:…`` — a count of new things won in the cycle (it starts from zero);
* ``output:…`` — a change in a count of the team's own activity;
* ``hold`` — a level to hold (a KPI in disguise); ``task``; ``unmeasured``.

Amounts are ``"<value> <unit>"``: ``%``, ``pp``, ``bps``, ``x``, ``s`` (durations in
seconds), a currency code (``EUR``), ``money``, a label (``kunden``) or a plain number.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reader_rows import D, H, K, Row, assert_amount, check_row, text_verdict

from okrlint.api import lint_text
from okrlint.catalog import load_phrases
from okrlint.config import Config
from okrlint.understanding.board import read_objective
from okrlint.understanding.detection import (
    detect_board_language,
    detect_language,
    text_language,
)
from okrlint.understanding.digits import parse_number
from okrlint.understanding.fields import parse_amount
from okrlint.understanding.lexicon import lexicon
from okrlint.understanding.meaning import Intent
from okrlint.understanding.numbers import read_quantities
from okrlint.understanding.reading import read_key_result
from okrlint.understanding.tokens import tokenize

# The tables below keep one row per phrasing, so they are exempt from the formatter.
# fmt: off

# -- German ------------------------------------------------------------------------------

GERMAN = [
    # levels held without a verb of holding
    K("Churn-Rate unter 3 %", "hold", level="3 %", comparator="<", metric="churn-rate"),
    K("Verfügbarkeit von mindestens 99,9 %", "hold", level="99.9 %", comparator=">="),
    K("Uptime ≥ 99,95 %", "hold", level="99.95 %", comparator=">="),
    K("Kosten pro Ticket höchstens 5 €", "hold", level="5 EUR", comparator="<="),
    K("Nicht mehr als 2 P1-Incidents pro Quartal", "hold", level="2 p1-incidents",
      comparator="<="),
    K("CSAT von mindestens 4,5", "hold", level="4.5", comparator=">="),
    K("Die Verfügbarkeit liegt jeden Monat bei mindestens 99,9 %", "hold", level="99.9 %",
      comparator=">=", metric="verfügbarkeit"),
    K("Kündigungsquote das ganze Quartal unter 3 %", "hold", level="3 %", comparator="<"),
    K("Verfügbarkeit bleibt über 99,9 %", "hold", level="99.9 %", comparator=">"),
    # levels held with a verb, verb last
    K("Kündigungsquote unter 3 % halten", "hold", level="3 %", comparator="<",
      metric="kündigungsquote"),
    K("Fehlerquote unter 0,1 % halten", "hold", level="0.1 %", comparator="<"),
    K("Burn-Rate unter 400.000 € pro Monat halten", "hold", level="400000 EUR", comparator="<"),
    K("Verfügbarkeit von mindestens 99,9 % sicherstellen", "hold", level="99.9 %",
      comparator=">="),
    K("Die Kosten dürfen 5 % nicht überschreiten", "hold", level="5 %", metric="kosten"),
    K("Zwischen 95 % und 99 % Auslastung halten", "hold", level="95 %", comparator=".."),
    K("Headcount stabil halten", "hold"),
    K("Kundenabwanderung von 4 % auf 4 % halten", "hold"),
    # zero levels
    K("Null verpasste Gehaltsläufe", "hold", level="0", comparator="<="),
    K("Keine P1-Incidents", "hold", level="0", comparator="<="),
    K("Kein Datenverlust", "hold", level="0"),
    K("Keine kritischen Sicherheitslücken älter als 30 Tage", "hold"),
    # duties repeated with no end
    K("Release Notes jeden Freitag veröffentlichen", "hold", cadence=True, metric="release notes"),
    K("Jeden Freitag Release Notes veröffentlichen", "hold", cadence=True, metric="release notes"),
    K("Einen monatlichen Newsletter veröffentlichen", "hold", cadence=True),
    K("Backups täglich prüfen", "hold", cadence=True, metric="backups"),
    K("Gehaltsabrechnung jeden Monat pünktlich durchführen", "hold", cadence=True),
    K("Monatliche All-Hands-Meetings abhalten", "hold", cadence=True),
    K("Alle Rechnungen fristgerecht bezahlen", "hold", cadence=True),
    # bets with a guard-rail
    K("MRR von 80.000 € auf 120.000 € steigern und dabei die Churn-Rate unter 3 % halten",
      "change:up", base="80000 EUR", target="120000 EUR", guards=1, level="3 %", comparator="<"),
    K("Umsatz von 80.000 € auf 120.000 € steigern und die Churn-Rate unter 3 % halten",
      "change:up", guards=1, level="3 %"),
    K("Conversion von 2 % auf 3 % steigern, ohne die CAC über 200 € zu erhöhen", "change:up",
      guards=1, level="200 EUR", comparator=">"),
    K("Umsatz von 80.000 € auf 120.000 € steigern, ohne dass die Churn-Rate über 3 % steigt",
      "change:up", guards=1, level="3 %"),
    K("Ticketkosten von 8 € auf 5 € senken und CSAT über 90 % halten", "change:down",
      base="8 EUR", target="5 EUR", guards=1, level="90 %", comparator=">"),
    K("Latenz von 800 ms auf 300 ms senken unter Beibehaltung einer Verfügbarkeit von 99,9 %",
      "change:down", base="0.8 s", target="0.3 s", guards=1, level="99.9 %"),
    K("Umsatz um 15 % steigern bei gleichbleibender Churn-Rate unter 3 %", "rel:up",
      rel="15 %", guards=1, level="3 %"),
    # from → to, in German number formats
    K("Die Churn-Rate von 4 % auf 2,5 % senken", "change:down", base="4 %", target="2.5 %",
      metric="churn-rate"),
    K("Umsatz von 1.200 € auf 1.800 € steigern", "change:up", base="1200 EUR",
      target="1800 EUR", metric="umsatz"),
    K("Umsatz von 1,2 Mio. € auf 1,8 Mio. € steigern", "change:up", base="1200000 EUR",
      target="1800000 EUR"),
    K("Umsatz von 1.200.000 € auf 1.800.000 € steigern", "change:up", base="1200000 EUR",
      target="1800000 EUR"),
    K("Durchschnittlichen Warenkorb von 42,50 € auf 55 € erhöhen", "change:up", base="42.5 EUR",
      target="55 EUR"),
    K("Bearbeitungszeit von 72 Stunden auf 36 Stunden reduzieren", "change:down",
      base=f"{72 * H} s", target=f"{36 * H} s", metric="bearbeitungszeit"),
    K("Time-to-Hire von 45 Tagen auf 30 Tage verkürzen", "change:down", base=f"{45 * D} s",
      target=f"{30 * D} s"),
    K("Testabdeckung von 45 % auf 80 % erhöhen", "change:up", base="45 %", target="80 %"),
    K("Offene Bugs von 340 auf unter 100 reduzieren", "change:down", base="340", target="100"),
    K("Conversion von 2,5 % auf 3,5 % verbessern", "change:-", base="2.5 %", target="3.5 %"),
    K("Steigerung des NPS von 30 auf 45", "change:up", base="30", target="45", metric="nps"),
    K("Reduzierung der Bearbeitungszeit von 72 Stunden auf 36 Stunden", "change:down"),
    K("Umsatz in EMEA von 3 Mio. € auf 5 Mio. € steigern", "change:up", base="3000000 EUR",
      target="5000000 EUR"),
    K("Anteil der Self-Service-Tickets von 12 % auf 30 % erhöhen", "change:up", base="12 %",
      target="30 %"),
    K("Deployment-Frequenz von monatlich auf wöchentlich erhöhen", "change:up",
      base="12 times a year", target="52 times a year", metric="deployment-frequenz"),
    K("Churn 4 % → 2,5 %", "change:-", base="4 %", target="2.5 %"),
    K("Wir steigern die Aktivierungsrate von 61 % auf 75 %", "change:up", base="61 %",
      target="75 %", metric="aktivierungsrate"),
    K("Steigere die Aktivierungsrate von 61 % auf 75 %", "change:up"),
    K("Zeit bis zur ersten Antwort von 6 Std. auf 1 Std. reduzieren", "change:down",
      base=f"{6 * H} s", target=f"{H} s"),
    K("Kundenzufriedenheit (CSAT) von 4,2 auf 4,6 verbessern", "change:-", base="4.2",
      target="4.6", metric="kundenzufriedenheit"),
    K("Lagerumschlag von 4x auf 6x erhöhen", "change:up", base="4 x", target="6 x"),
    K("Anzahl aktiver Nutzer von 5.000 auf 8.000 erhöhen", "change:up", base="5000",
      target="8000"),
    # relative changes
    K("Umsatz um 20 % steigern", "rel:up", rel="20 %"),
    K("Conversion-Rate um 2 Prozentpunkte verbessern", "rel:-", rel="2 pp"),
    K("Bruttomarge um 300 Basispunkte verbessern", "rel:-", rel="300 bps"),
    K("Kosten um ein Drittel senken", "rel:down"),
    K("Inbound-Leads verdoppeln", "rel:up", rel="2 x"),
    K("Den Backlog halbieren", "rel:down", rel="0.5 x"),
    K("Umsatz verdreifachen", "rel:up", rel="3 x"),
    # targets without a baseline
    K("NPS auf 60 steigern", "nobase:up", target="60"),
    K("ARR auf 3,5 Mio. € steigern", "nobase:up", target="3500000 EUR"),
    K("Reaktionszeit auf unter 1 Stunde senken", "nobase:down", target=f"{H} s", bound="<"),
    K("40 % Aktivierung erreichen", "nobase:-", target="40 %"),
    K("Eine Conversion-Rate von 15 % erreichen", "nobase:-", target="15 %"),
    K("Churn gesenkt auf 2 %", "nobase:down", target="2 %"),
    K("Churn-Rate bis zum 30. September auf 2 % senken", "nobase:down", target="2 %"),
    K("Reduktion der Churn-Rate auf unter 2 %", "nobase:down", target="2 %", bound="<"),
    K("95 % der Tickets innerhalb von 4 Stunden beantworten", "hold"),
    # counts of new things, from zero
    K("10 neue Enterprise-Kunden gewinnen", "zero:-", target="10 enterprise-kunden"),
    K("5 neue Reseller-Partner in Österreich gewinnen", "zero:-", target="5 reseller-partner"),
    K("500 neue zahlende Kunden akquirieren", "zero:-", target="500 kunden"),
    K("2 Mio. € Neugeschäft abschließen", "zero:-", target="2000000 EUR"),
    K("3 neue Märkte erschließen", "zero:-", target="3 märkte"),
    K("50 Kundenbewertungen auf G2 sammeln", "zero:-", target="50 kundenbewertungen"),
    # tasks and outputs
    K("Neue Preisseite launchen", "task"),
    K("Zwei Ingenieure einstellen", "task"),
    K("4 Kunden-Roundtables durchführen", "task"),
    K("12 Blogbeiträge veröffentlichen", "task"),
    K("30 Nutzerinterviews durchführen", "task"),
    K("SSO für 50 Enterprise-Kunden ausrollen", "task"),
    K("Das neue CRM bis Ende Q3 einführen", "task"),
    K("ISO-27001-Zertifizierung erhalten", "task"),
    K("Demo-Calls von 20 auf 40 pro Woche steigern", "output:up", base="20", target="40"),
    K("Die Anzahl der Demo-Calls von 20 auf 40 pro Woche erhöhen", "output:up"),
    # nothing to measure
    K("Das Onboarding-Erlebnis verbessern", "unmeasured"),
    K("Kundenzufriedenheit steigern", "unmeasured"),
    K("Die Marke in der DACH-Region stärken", "unmeasured"),
]

# -- Spanish -----------------------------------------------------------------------------

SPANISH = [
    # levels held without a verb of holding
    K("Churn por debajo del 3 %", "hold", level="3 %", comparator="<", metric="churn"),
    K("Tasa de error por debajo del 0,1 %", "hold", level="0.1 %", comparator="<",
      metric="tasa de error"),
    K("Disponibilidad de al menos el 99,9 %", "hold", level="99.9 %", comparator=">="),
    K("Uptime ≥ 99,95 %", "hold", level="99.95 %", comparator=">="),
    K("CSAT igual o superior a 4,5", "hold", level="4.5", comparator=">="),
    K("Coste por ticket como máximo 5 €", "hold", level="5 EUR", comparator="<="),
    K("No más de 2 incidentes P1 por trimestre", "hold", level="2 incidentes", comparator="<="),
    K("Costes no más de un 5 % por encima del plan", "hold", level="5 %", comparator="<="),
    K("Al menos un 95 % de entregas a tiempo", "hold", level="95 %", comparator=">="),
    K("La disponibilidad sigue por encima del 99,9 %", "hold", level="99.9 %", comparator=">",
      metric="disponibilidad"),
    K("El churn se mantiene por debajo del 3 %", "hold", level="3 %", comparator="<"),
    # levels held with a verb
    K("Mantener el churn por debajo del 3 %", "hold", level="3 %", comparator="<",
      metric="churn"),
    K("Mantener el burn por debajo de 400.000 € al mes", "hold", level="400000 EUR",
      comparator="<"),
    K("Garantizar una disponibilidad de al menos el 99,9 %", "hold", level="99.9 %",
      comparator=">=", metric="disponibilidad"),
    K("Mantener una tasa de retención del 90 %", "hold", level="90 %"),
    K("Mantener la ocupación entre el 95 % y el 99 %", "hold", level="95 %", comparator=".."),
    K("Mantener la plantilla estable", "hold"),
    K("Mantener contentos a los clientes", "hold"),
    # zero levels
    K("Cero nóminas fallidas", "hold", level="0", comparator="<="),
    K("Cero vulnerabilidades críticas", "hold", level="0", comparator="<="),
    K("Ningún incidente P1", "hold", level="0", comparator="<="),
    K("Sin pérdida de datos", "hold", level="0"),
    # duties repeated with no end
    K("Publicar la newsletter cada mes", "hold", cadence=True, metric="newsletter"),
    K("Publicar un boletín mensual", "hold", cadence=True),
    # a cadence adjective after its noun names the metric, even after a verb
    K("Alcanzar 1.000 usuarios activos mensuales", "nobase:-"),
    K("Revisar las cuentas mensualmente", "hold", cadence=True),
    K("Publicar las notas de versión todos los viernes", "hold", cadence=True),
    K("Enviar una actualización semanal de producto a todos los clientes", "hold", cadence=True),
    K("Verificar las copias de seguridad a diario", "hold", cadence=True,
      metric="copias de seguridad"),
    K("Pagar todas las facturas a tiempo", "hold", cadence=True),
    K("Responder a todos los tickets en menos de 4 horas", "hold", level=f"{4 * H} s",
      comparator="<="),
    K("Mantener 4 reuniones mensuales con clientes", "hold", cadence=True),
    # bets with a guard-rail
    K("Aumentar el MRR de 80.000 € a 120.000 € manteniendo el churn por debajo del 3 %",
      "change:up", base="80000 EUR", target="120000 EUR", guards=1, level="3 %", comparator="<"),
    K("Aumentar el MRR de 80.000 € a 120.000 € sin que el churn supere el 3 %", "change:up",
      guards=1, level="3 %", comparator="<="),
    K("Aumentar los ingresos de 80.000 € a 120.000 € y mantener el churn por debajo del 3 %",
      "change:up", guards=1, level="3 %"),
    K("Reducir el coste por ticket de 8 € a 5 € manteniendo el CSAT por encima del 90 %",
      "change:down", guards=1, level="90 %", comparator=">"),
    K("Reducir la latencia de 800 ms a 300 ms mientras se mantiene la disponibilidad en el 99,9 %",
      "change:down", base="0.8 s", target="0.3 s", guards=1, level="99.9 %"),
    K("Incrementar las ventas un 15 % sin que el churn supere el 3 %", "rel:up", rel="15 %",
      guards=1),
    K("Duplicar el tráfico orgánico manteniendo el CAC por debajo de 300 €", "rel:up",
      rel="2 x", guards=1, level="300 EUR"),
    # from → to, in Spanish number formats
    K("Reducir la tasa de abandono del 4 % al 2,5 %", "change:down", base="4 %",
      target="2.5 %", metric="tasa de abandono"),
    K("Aumentar los ingresos de 1.200 € a 1.800 €", "change:up", base="1200 EUR",
      target="1800 EUR", metric="ingresos"),
    K("Aumentar la facturación de 1,2 millones de € a 1,8 millones de €", "change:up",
      base="1200000 EUR", target="1800000 EUR"),
    K("Aumentar la facturación de 1.200.000 € a 1.800.000 €", "change:up", base="1200000 EUR",
      target="1800000 EUR"),
    K("Aumentar el ticket medio de 42,50 € a 55 €", "change:up", base="42.5 EUR",
      target="55 EUR"),
    K("Reducir el tiempo de contratación de 45 días a 30 días", "change:down",
      base=f"{45 * D} s", target=f"{30 * D} s"),
    K("Aumentar la cobertura de tests del 45 % al 80 %", "change:up", base="45 %",
      target="80 %"),
    K("Reducir los bugs abiertos de 340 a menos de 100", "change:down", base="340",
      target="100", bound="<"),
    K("Mejorar la conversión del 2,5 % al 3,5 %", "change:-", base="2.5 %", target="3.5 %"),
    K("Pasar el NPS de 30 a 45", "change:-", base="30", target="45", metric="nps"),
    K("Reducción del tiempo de resolución de 72 horas a 36 horas", "change:down",
      base=f"{72 * H} s", target=f"{36 * H} s"),
    K("Reducción del churn del 4 % al 2 %", "change:down"),
    K("Incremento del NPS de 30 a 45", "change:up"),
    K("Aumentar la frecuencia de despliegue de mensual a semanal", "change:up",
      base="12 times a year", target="52 times a year"),
    K("Vamos a aumentar la tasa de activación del 61 % al 75 %", "change:up",
      metric="tasa de activación"),
    K("Aumentar el NPS de 30 a 45 para el 30 de septiembre", "change:up", base="30",
      target="45"),
    K("Pasar de 3 a 10 clientes enterprise", "change:-", base="3 clientes",
      target="10 clientes"),
    K("Churn 4 % → 2,5 %", "change:-", base="4 %", target="2.5 %"),
    K("Reducir el tiempo de primera respuesta de 6 h a 1 h", "change:down", base=f"{6 * H} s",
      target=f"{H} s"),
    K("Mejorar la satisfacción del cliente (CSAT) de 4,2 a 4,6", "change:-", base="4.2",
      target="4.6", metric="satisfacción del cliente"),
    K("Bajar la tasa de rebote del 60 % al 45 %", "change:down", base="60 %", target="45 %"),
    K("Aumentar la rotación de inventario de 4x a 6x", "change:up", base="4 x", target="6 x"),
    # relative changes
    K("Aumentar las ventas en un 20 %", "rel:up", rel="20 %"),
    K("Aumentar las ventas un 20 %", "rel:up", rel="20 %"),
    K("Mejorar la conversión en 2 puntos porcentuales", "rel:-", rel="2 pp"),
    K("Mejorar el margen bruto en 300 puntos básicos", "rel:-", rel="300 bps"),
    K("Reducir los costes en un tercio", "rel:down"),
    K("Duplicar los leads entrantes", "rel:up", rel="2 x"),
    K("Reducir a la mitad el backlog", "rel:down", rel="0.5 x"),
    K("Triplicar los ingresos", "rel:up", rel="3 x"),
    # targets without a baseline
    K("Aumentar el NPS a 60", "nobase:up", target="60"),
    K("Aumentar el ARR hasta 3,5 millones de euros", "nobase:up", target="3500000 EUR"),
    K("Reducir el tiempo de respuesta a menos de 2 horas", "nobase:down", target=f"{2 * H} s",
      bound="<"),
    K("Alcanzar un 40 % de activación", "nobase:-", target="40 %"),
    K("Alcanzar una tasa de conversión del 15 %", "nobase:-", target="15 %"),
    K("Llegar a 10 millones de € de ARR", "nobase:-", target="10000000 EUR"),
    K("Reducir el churn al 2 %", "nobase:down", target="2 %"),
    K("Churn reducido al 2 %", "nobase:down", target="2 %"),
    K("Reducir el churn al 2 % para el 30 de septiembre", "nobase:down", target="2 %"),
    K("Alcanzar 1.000 clientes de pago", "nobase:-", target="1000 clientes"),
    K("Responder al 95 % de los tickets en menos de 4 horas", "hold"),
    # counts of new things, from zero
    K("Firmar 10 nuevos clientes enterprise", "zero:-", target="10 clientes"),
    K("Conseguir 10 clientes nuevos", "zero:-", target="10 clientes"),
    K("Captar 500 nuevos clientes de pago", "zero:-", target="500 clientes"),
    K("Cerrar 2 M€ en nuevo negocio", "zero:-", target="2000000 EUR"),
    K("Reclutar 200 nuevos voluntarios", "zero:-", target="200 voluntarios"),
    K("Conseguir 50 reseñas de clientes en G2", "zero:-", target="50 reseñas"),
    # tasks and outputs
    K("Lanzar la nueva página de precios", "task"),
    K("Contratar dos ingenieros", "task"),
    K("Realizar 4 mesas redondas con clientes", "task"),
    K("Publicar 12 artículos en el blog", "task"),
    K("Realizar 30 entrevistas con usuarios", "task"),
    K("Implantar el nuevo CRM antes de finales del T3", "task"),
    K("Obtener la certificación ISO 27001", "task"),
    K("Aumentar las llamadas de demo de 20 a 40 por semana", "output:up", base="20",
      target="40"),
    K("Aumentar el número de llamadas de demo de 20 a 40 a la semana", "output:up"),
    # nothing to measure
    K("Mejorar la experiencia de onboarding", "unmeasured"),
    K("Fortalecer nuestra marca en Latinoamérica", "unmeasured"),
    K("Ser el mejor lugar para trabajar", "unmeasured"),
]

# -- French ------------------------------------------------------------------------------

FRENCH = [
    # levels held without a verb of holding
    K("Churn en dessous de 3 %", "hold", level="3 %", comparator="<", metric="churn"),
    K("Taux d'erreur sous 0,1 %", "hold", level="0.1 %", comparator="<",
      metric="taux d'erreur"),
    K("Disponibilité d'au moins 99,9 %", "hold", level="99.9 %", comparator=">="),
    K("Uptime ≥ 99,95 %", "hold", level="99.95 %", comparator=">="),
    K("CSAT supérieur ou égal à 4,5", "hold", level="4.5", comparator=">="),
    K("Coût par ticket au maximum 5 €", "hold", level="5 EUR", comparator="<="),
    K("Pas plus de 2 incidents P1 par trimestre", "hold", level="2 incidents", comparator="<="),
    K("Coûts pas plus de 5 % au-dessus du budget", "hold", level="5 %", comparator="<="),
    K("Au moins 95 % de livraisons à l'heure", "hold", level="95 %", comparator=">="),
    K("Le churn reste sous 3 %", "hold", level="3 %", comparator="<", metric="churn"),
    K("La disponibilité reste au-dessus de 99,9 %", "hold", level="99.9 %", comparator=">"),
    # levels held with a verb
    K("Maintenir le churn sous 3 %", "hold", level="3 %", comparator="<", metric="churn"),
    K("Maintenir le burn sous 400 000 € par mois", "hold", level="400000 EUR", comparator="<"),
    K("Garantir une disponibilité d'au moins 99,9 %", "hold", level="99.9 %", comparator=">=",
      metric="disponibilité"),
    K("Maintenir un taux de rétention de 90 %", "hold", level="90 %"),
    K("Maintenir le taux d'occupation entre 95 % et 99 %", "hold", level="95 %",
      comparator=".."),
    K("Garder l'effectif stable", "hold"),
    K("Garder les clients satisfaits", "hold"),
    # zero levels
    K("Zéro paie manquée", "hold", level="0", comparator="<="),
    K("Zéro vulnérabilité critique", "hold", level="0", comparator="<="),
    K("Aucun incident P1", "hold", level="0", comparator="<="),
    K("Pas de perte de données", "hold", level="0"),
    K("Aucun incident de sécurité pendant la migration", "hold", level="0"),
    # duties repeated with no end
    K("Publier la newsletter chaque mois", "hold", cadence=True, metric="newsletter"),
    K("Publier une newsletter mensuelle", "hold", cadence=True),
    K("Atteindre 1 000 utilisateurs actifs mensuels", "nobase:-"),
    K("Publier les notes de version tous les vendredis", "hold", cadence=True,
      metric="notes de version"),
    K("Vérifier les sauvegardes quotidiennement", "hold", cadence=True, metric="sauvegardes"),
    K("Payer toutes les factures à temps", "hold", cadence=True),
    K("Répondre à tous les avis sous 48 heures", "hold", level=f"{48 * H} s"),
    K("Tenir 4 réunions mensuelles avec les clients", "hold", cadence=True),
    K("Livrer une version chaque semaine", "hold", cadence=True),
    # bets with a guard-rail
    K("Faire passer le MRR de 80 k€ à 120 k€ tout en maintenant le churn sous 3 %", "change:-",
      base="80000 EUR", target="120000 EUR", guards=1, level="3 %", comparator="<"),
    K("Augmenter le MRR de 80 000 € à 120 000 € sans que le churn dépasse 3 %", "change:up",
      guards=1, level="3 %", comparator="<="),
    K("Augmenter le CA de 80 k€ à 120 k€ et maintenir le churn sous 3 %", "change:up",
      guards=1, level="3 %"),
    K("Réduire le coût par ticket de 8 € à 5 € tout en gardant le CSAT au-dessus de 90 %",
      "change:down", base="8 EUR", target="5 EUR", guards=1, level="90 %", comparator=">"),
    K("Réduire la latence de 800 ms à 300 ms en maintenant la disponibilité à 99,9 %",
      "change:down", base="0.8 s", target="0.3 s", guards=1, level="99.9 %"),
    K("Augmenter les ventes de 15 % sans que le churn dépasse 3 %", "rel:up", rel="15 %",
      guards=1),
    K("Doubler le trafic organique en gardant le CAC sous 300 €", "rel:up", rel="2 x",
      guards=1, level="300 EUR"),
    # from → to, in French number formats
    K("Faire passer le NPS de 30 à 45", "change:-", base="30", target="45", metric="nps"),
    K("Réduire le taux de churn de 4 % à 2,5 %", "change:down", base="4 %", target="2.5 %",
      metric="taux de churn"),
    K("Augmenter le chiffre d'affaires de 1 200 € à 1 800 €", "change:up", base="1200 EUR",
      target="1800 EUR", metric="chiffre d'affaires"),
    K("Augmenter le chiffre d'affaires de 1 200 000 € à 1 800 000 €", "change:up",
      base="1200000 EUR", target="1800000 EUR"),
    K("Augmenter le chiffre d'affaires de 1\u00a0200 € à 1\u202f800 €", "change:up",
      base="1200 EUR", target="1800 EUR"),
    K("Faire passer le chiffre d'affaires de 1,2 M€ à 1,8 M€", "change:-", base="1200000 EUR",
      target="1800000 EUR"),
    K("Passer de 45 k€ à 60 k€ de panier moyen", "change:-", base="45000 EUR",
      target="60000 EUR"),
    K("Augmenter le panier moyen de 42,50 € à 55 €", "change:up", base="42.5 EUR",
      target="55 EUR"),
    K("Réduire le délai de recrutement de 45 jours à 30 jours", "change:down",
      base=f"{45 * D} s", target=f"{30 * D} s"),
    K("Réduire le délai de paiement de 62 à 45 jours d'ici fin T3", "change:down",
      base=f"{62 * D} s", target=f"{45 * D} s"),
    K("Augmenter la couverture de tests de 45 % à 80 %", "change:up", base="45 %",
      target="80 %"),
    K("Réduire les bugs ouverts de 340 à moins de 100", "change:down", base="340",
      target="100", bound="<"),
    K("Améliorer la conversion de 2,5 % à 3,5 %", "change:-", base="2.5 %", target="3.5 %"),
    K("Réduction du temps de résolution de 72 heures à 36 heures", "change:down",
      base=f"{72 * H} s", target=f"{36 * H} s"),
    K("Hausse du NPS de 30 à 45", "change:up"),
    K("Diminuer l'abandon de panier de 70 % à 60 %", "change:down", base="70 %",
      target="60 %", metric="abandon de panier"),
    K("Nous allons augmenter le taux d'activation de 61 % à 75 %", "change:up",
      metric="taux d'activation"),
    K("Augmenter le NPS de 30 à 45 d'ici le 30 septembre", "change:up", base="30", target="45"),
    K("Passer de 3 à 10 clients grands comptes", "change:-", base="3 clients",
      target="10 clients"),
    K("Churn 4 % → 2,5 %", "change:-", base="4 %", target="2.5 %"),
    K("Réduire le temps de première réponse de 6 h à 1 h", "change:down", base=f"{6 * H} s",
      target=f"{H} s"),
    K("Réduire les tickets ouverts de 1 200 à 300", "change:down", base="1200", target="300"),
    K("Augmenter le nombre d'utilisateurs actifs de 5 000 à 8 000", "change:up", base="5000",
      target="8000", metric="nombre d'utilisateurs actifs"),
    K("Baisser le taux de rebond de 60 % à 45 %", "change:down", base="60 %", target="45 %"),
    # relative changes
    K("Augmenter le CA de 20 %", "rel:up", rel="20 %"),
    K("Améliorer la conversion de 2 points de pourcentage", "rel:-", rel="2 pp"),
    K("Améliorer la marge brute de 300 points de base", "rel:-", rel="300 bps"),
    K("Réduire les coûts d'un tiers", "rel:down"),
    K("Doubler les leads entrants", "rel:up", rel="2 x"),
    K("Diviser le backlog par deux", "rel:down", rel="0.5 x"),
    K("Tripler le chiffre d'affaires", "rel:up", rel="3 x"),
    # targets without a baseline
    K("Augmenter le NPS à 60", "nobase:up", target="60"),
    K("Porter l'ARR à 3,5 M€", "nobase:-", target="3500000 EUR"),
    K("Porter l'ARR à 3,5 millions d'euros", "nobase:-", target="3500000 EUR"),
    K("Réduire le temps de réponse à moins de 2 heures", "nobase:down", target=f"{2 * H} s",
      bound="<"),
    K("Ramener le temps de réponse sous 1 heure", "nobase:-", target=f"{H} s"),
    K("Atteindre 40 % d'activation", "nobase:-", target="40 %"),
    K("Atteindre un taux de conversion de 15 %", "nobase:-", target="15 %"),
    K("Atteindre 10 M€ d'ARR", "nobase:-", target="10000000 EUR"),
    K("Réduire le churn à 2 %", "nobase:down", target="2 %"),
    K("Churn réduit à 2 %", "nobase:down", target="2 %"),
    K("Faire baisser le churn sous 2 %", "nobase:down", target="2 %", bound="<"),
    K("Atteindre 1 000 clients payants", "nobase:-", target="1000 clients"),
    K("Répondre à 95 % des tickets en moins de 4 heures", "hold"),
    # counts of new things, from zero
    K("Signer 10 nouveaux clients grands comptes", "zero:-", target="10 clients"),
    K("Signer 5 nouveaux revendeurs en Belgique", "zero:-", target="5 revendeurs"),
    K("Conquérir 500 nouveaux clients payants", "zero:-", target="500 clients"),
    K("Conclure 2 M€ de nouveau business", "zero:-", target="2000000 EUR"),
    K("Recruter 200 nouveaux bénévoles", "zero:-", target="200 bénévoles"),
    K("Obtenir 50 avis clients sur G2", "zero:-", target="50 avis"),
    # tasks and outputs
    K("Lancer la nouvelle page de tarifs", "task"),
    K("Embaucher deux ingénieurs", "task"),
    K("Organiser 4 tables rondes clients", "task"),
    K("Publier 12 articles de blog", "task"),
    K("Mener 30 entretiens utilisateurs", "task"),
    K("Déployer le nouveau CRM d'ici fin T3", "task"),
    K("Obtenir la certification ISO 27001", "task"),
    K("Faire passer les appels de démo de 20 à 40 par semaine", "output:-", base="20",
      target="40"),
    K("Augmenter le nombre d'appels de démo de 20 à 40 par semaine", "output:up"),
    # nothing to measure
    K("Améliorer l'expérience d'onboarding", "unmeasured"),
    K("Renforcer notre marque en Europe", "unmeasured"),
    K("Être le meilleur endroit où travailler", "unmeasured"),
]

# fmt: on


@pytest.mark.parametrize("row", GERMAN)
def test_reads_german(row: Row) -> None:
    check_row(read_key_result(row.text, "de"), row)


@pytest.mark.parametrize("row", SPANISH)
def test_reads_spanish(row: Row) -> None:
    check_row(read_key_result(row.text, "es"), row)


@pytest.mark.parametrize("row", FRENCH)
def test_reads_french(row: Row) -> None:
    check_row(read_key_result(row.text, "fr"), row)


_KINDS = ("hold", "change", "rel", "nobase", "zero", "task", "output", "unmeasured")


@pytest.mark.parametrize("rows", [GERMAN, SPANISH, FRENCH], ids=["de", "es", "fr"])
def test_every_language_has_many_rows_of_every_kind(rows: list[Any]) -> None:
    texts = [p.values[0].text for p in rows]
    assert len(texts) >= 45
    assert len(texts) == len(set(texts)), "duplicate rows"
    kinds = {p.values[0].kind.partition(":")[0] for p in rows}
    assert kinds == set(_KINDS)
    assert sum(p.values[0].guards for p in rows) >= 5, "guard-rails"
    assert sum(p.values[0].cadence for p in rows) >= 5, "duties"


@pytest.mark.parametrize(
    ("rows", "language"), [(GERMAN, "de"), (SPANISH, "es"), (FRENCH, "fr")], ids=["de", "es", "fr"]
)
def test_detection_gives_the_same_verdicts(rows: list[Any], language: str) -> None:
    """Without a board language, each row is read in the language detected from its words,
    and gets the verdict it gets in its own language."""
    for p in rows:
        text = p.values[0].text
        detected = read_key_result(text, detect_language(text))
        assert text_verdict(detected) == text_verdict(read_key_result(text, language)), text


# -- objectives --------------------------------------------------------------------------

# (language, title, what it is): "bau" (a job description), "hold" (a level), "" (left alone)
OBJECTIVES = [
    ("de", "Vertriebsziele erreichen", "bau"),
    ("de", "Unsere Quartalsziele erfüllen", "bau"),
    ("de", "Das Budget einhalten", "bau"),
    ("de", "Eine zuverlässige Plattform betreiben", "bau"),
    ("de", "Kunden zufrieden halten", "bau"),
    ("de", "Die Roadmap liefern", "bau"),
    ("de", "Tagesgeschäft", "bau"),
    ("de", "Gehälter pünktlich auszahlen", "bau"),
    ("de", "Profitabel bleiben", "bau"),
    ("de", "Die Marktführerschaft verteidigen", "bau"),
    ("de", "Erreichen der Umsatzziele", "bau"),
    ("de", "Verfügbarkeit von 99,9 % sicherstellen", "hold"),
    ("de", "Null verpasste Gehaltsläufe", "hold"),
    ("de", "Churn unter 4 % halten", "hold"),
    ("de", "Onboarding für neue Teams mühelos machen", ""),
    ("de", "Der beste Arbeitgeber der Region werden", ""),
    ("de", "Einen erstklassigen Fulfillment-Prozess aufbauen", ""),
    ("de", "In den deutschen Markt expandieren", ""),
    ("de", "Umsatz von 2 Mio. € auf 3 Mio. € steigern", ""),
    ("de", "Das Kerngeschäft schützen und gleichzeitig nach Österreich expandieren", ""),
    # a job verb that closes the title governs all of it
    ("de", "Den Betrieb der IT-Infrastruktur gewährleisten", "bau"),
    ("de", "Ein verlässlicher Partner sein", "bau"),
    ("de", "Die beste Arbeitgeberin der Region sein", ""),
    ("de", "Neue Märkte erschließen und den Betrieb sicherstellen", ""),
    ("es", "Cumplir los objetivos de ventas", "bau"),
    ("es", "Alcanzar nuestras metas trimestrales", "bau"),
    ("es", "Cumplir con el presupuesto", "bau"),
    ("es", "Operar una plataforma fiable", "bau"),
    ("es", "Mantener contentos a los clientes", "bau"),
    ("es", "Entregar el roadmap", "bau"),
    ("es", "El día a día", "bau"),
    ("es", "Pagar a los proveedores a tiempo", "bau"),
    ("es", "Seguir siendo rentables", "bau"),
    ("es", "Mantener nuestro liderazgo en el mercado", "bau"),
    ("es", "Garantizar una disponibilidad del 99,9 %", "hold"),
    ("es", "Cero nóminas fallidas", "hold"),
    ("es", "Mantener el churn por debajo del 4 %", "hold"),
    ("es", "Hacer que el onboarding sea sencillo para los nuevos equipos", ""),
    ("es", "Convertirnos en el mejor lugar para trabajar", ""),
    ("es", "Construir un proceso logístico de primer nivel", ""),
    ("es", "Aumentar los ingresos de 2 M€ a 3 M€", ""),
    ("es", "Proteger el negocio principal mientras nos expandimos a Chile", ""),
    ("fr", "Atteindre nos objectifs de vente", "bau"),
    ("fr", "Tenir le budget", "bau"),
    ("fr", "Respecter nos engagements", "bau"),
    ("fr", "Exploiter une plateforme fiable", "bau"),
    ("fr", "Garder les clients satisfaits", "bau"),
    ("fr", "Livrer la feuille de route", "bau"),
    ("fr", "Assurer le quotidien", "bau"),
    ("fr", "Payer les fournisseurs à temps", "bau"),
    ("fr", "Rester rentables", "bau"),
    ("fr", "Préserver notre position de leader", "bau"),
    ("fr", "Garantir une disponibilité de 99,9 %", "hold"),
    ("fr", "Zéro paie manquée", "hold"),
    ("fr", "Maintenir le churn sous 4 %", "hold"),
    ("fr", "Rendre l'onboarding facile pour les nouvelles équipes", ""),
    ("fr", "Devenir le meilleur employeur de la région", ""),
    ("fr", "Construire une chaîne logistique de classe mondiale", ""),
    ("fr", "Conquérir le marché allemand", ""),
    ("fr", "Faire passer le CA de 2 M€ à 3 M€", ""),
    ("fr", "Protéger le cœur de métier tout en nous développant en Suisse", ""),
]


@pytest.mark.parametrize(("language", "title", "kind"), OBJECTIVES)
def test_reads_objectives(language: str, title: str, kind: str) -> None:
    meaning = read_objective(title, language)
    assert bool(meaning.business_as_usual) is (kind == "bau"), meaning.business_as_usual
    assert bool(meaning.holds) is (kind == "hold"), meaning.holds
    if kind == "hold":
        assert any(h.level is not None for h in meaning.holds)


# -- numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "digits", "value"),
    [
        ("de", "2,5", 2.5),
        ("de", "1.200", 1200),
        ("de", "1.200,50", 1200.5),
        ("de", "1.200.000", 1_200_000),
        ("de", "99,9", 99.9),
        ("de", "1,200", 1.2),
        ("es", "2,5", 2.5),
        ("es", "1.200", 1200),
        ("es", "1.234.567,89", 1_234_567.89),
        ("es", "0,1", 0.1),
        ("fr", "99,9", 99.9),
        ("fr", "1 200", 1200),
        ("fr", "1\u00a0200", 1200),
        ("fr", "1\u202f200", 1200),
        ("fr", "1 200 000,5", 1_200_000.5),
        ("fr", "2,5", 2.5),
        ("en", "1,200", 1200),
        ("en", "2.5", 2.5),
    ],
)
def test_parse_number_per_language(language: str, digits: str, value: float) -> None:
    got = parse_number(digits, lexicon(language))
    assert got is not None and math.isclose(got, value), got


@pytest.mark.parametrize(
    ("language", "text", "value", "unit"),
    [
        ("de", "2,5 %", 2.5, "%"),
        ("de", "1.200 €", 1200, "EUR"),
        ("de", "€1.200", 1200, "EUR"),
        ("de", "3,5 Mio. €", 3_500_000, "EUR"),
        ("de", "2 Mrd. €", 2_000_000_000, "EUR"),
        ("de", "45 Tsd. €", 45_000, "EUR"),
        ("de", "3 Prozent", 3, "%"),
        ("de", "2 Prozentpunkte", 2, "pp"),
        ("de", "300 Basispunkte", 300, "bps"),
        ("de", "36 Stunden", 36 * H, "s"),
        ("de", "30 Tage", 30 * D, "s"),
        ("de", "2 Wochen", 2 * 7 * D, "s"),
        ("de", "1,5 Millionen Euro", 1_500_000, "EUR"),
        ("es", "2,5 %", 2.5, "%"),
        ("es", "1.200 €", 1200, "EUR"),
        ("es", "3,5 millones de euros", 3_500_000, "EUR"),
        ("es", "10 mil euros", 10_000, "EUR"),
        ("es", "2 puntos porcentuales", 2, "pp"),
        ("es", "20 por ciento", 20, "%"),
        ("es", "72 horas", 72 * H, "s"),
        ("es", "45 días", 45 * D, "s"),
        ("es", "3 semanas", 3 * 7 * D, "s"),
        ("es", "6 meses", 6 * 2_629_800, "s"),
        ("fr", "99,9 %", 99.9, "%"),
        ("fr", "1 200 €", 1200, "EUR"),
        ("fr", "45 k€", 45_000, "EUR"),
        ("fr", "3,5 M€", 3_500_000, "EUR"),
        ("fr", "2 millions d'euros", 2_000_000, "EUR"),
        ("fr", "2 milliards d'euros", 2_000_000_000, "EUR"),
        ("fr", "5 points de pourcentage", 5, "pp"),
        ("fr", "20 pour cent", 20, "%"),
        ("fr", "36 heures", 36 * H, "s"),
        ("fr", "30 jours", 30 * D, "s"),
        ("fr", "2 semaines", 2 * 7 * D, "s"),
        ("fr", "6 mois", 6 * 2_629_800, "s"),
    ],
)
def test_reads_amounts_per_language(language: str, text: str, value: float, unit: str) -> None:
    lex = lexicon(language)
    tokens = tokenize(text, lex.space_groups)
    found = read_quantities(tokens, [t.low for t in tokens], lex)
    assert len(found) == 1, found
    assert_amount(found[0], f"{value} {unit}", text)
    assert found[0].last == len(tokens), "the whole text is one amount"


@pytest.mark.parametrize(
    ("language", "value", "unit", "expected"),
    [
        ("de", "2,5 %", None, "2.5 %"),
        ("de", "1.200", "€", "1200 EUR"),
        ("de", 10, "Tage", f"{10 * D} s"),
        ("es", "3,5 millones de €", None, "3500000 EUR"),
        ("es", 45, "días", f"{45 * D} s"),
        ("fr", "1 200 €", None, "1200 EUR"),
        ("fr", "45 k€", None, "45000 EUR"),
        ("fr", 36, "heures", f"{36 * H} s"),
    ],
)
def test_parse_amount_per_language(
    language: str, value: str | float, unit: str | None, expected: str
) -> None:
    assert_amount(parse_amount(value, unit, lexicon(language)), expected, str(value))


def test_a_plain_space_groups_digits_only_in_french() -> None:
    lows = [t.low for t in tokenize("de 1 200 à 1 500", space_groups=True)]
    assert lows == ["de", "1 200", "à", "1 500"]
    english = [t.low for t in tokenize("from 1 200 to 1 500")]
    assert english == ["from", "1", "200", "to", "1", "500"]
    assert [t.low for t in tokenize("en 2026 100 clients", space_groups=True)][:3] == [
        "en",
        "2026",
        "100",
    ]


def test_french_elision_is_a_word_of_its_own() -> None:
    lows = [t.low for t in tokenize("Porter l'ARR jusqu'à 45 d’ici fin T3")]
    assert lows == ["porter", "l'", "arr", "jusqu'", "à", "45", "d'", "ici", "fin", "t3"]
    assert [t.low for t in tokenize("don't let today's churn rise")][:3] == [
        "don't",
        "let",
        "today's",
    ]


# -- language detection ------------------------------------------------------------------

DETECTION = [
    ("Keep churn below 3%", "en"),
    ("Increase NPS from 30 to 45", "en"),
    ("Launch the new pricing page", "en"),
    ("Zero missed payroll runs", "en"),
    ("Hire two engineers", "en"),
    ("Double inbound leads", "en"),
    ("Run a reliable platform", "en"),
    ("Twice a year, host a community feedback session", "en"),  # "a", "year": not Spanish
    ("No P1 incidents", "en"),
    ("Maintain 99.9% uptime", "en"),
    ("NPS +10 points", "en"),
    ("Grow MRR from $80k to $120k while keeping churn below 3%", "en"),
    ("Die Churn-Rate von 4 % auf 2,5 % senken", "de"),
    ("Kündigungsquote unter 3 % halten", "de"),
    ("Umsatz um 20 % steigern", "de"),
    ("Neue Preisseite launchen", "de"),
    ("Null verpasste Gehaltsläufe", "de"),
    ("Keine P1-Incidents", "de"),
    ("Vertriebsziele erreichen", "de"),
    ("Inbound-Leads verdoppeln", "de"),
    ("Zwei Ingenieure einstellen", "de"),
    ("Churn unter 4 %", "de"),
    ("Kundenzufriedenheit verbessern", "de"),
    ("Reducir la tasa de abandono del 4 % al 2,5 %", "es"),
    ("Mantener el churn por debajo del 3 %", "es"),
    ("Aumentar las ventas un 20 %", "es"),
    ("Cero nóminas fallidas", "es"),
    ("Ningún incidente P1", "es"),
    ("Contratar dos ingenieros", "es"),
    ("Duplicar los leads entrantes", "es"),
    ("Churn por debajo del 4 %", "es"),
    ("NPS de 30 a 45", "es"),
    ("Mejorar la satisfacción del cliente", "es"),
    ("Réduire le taux de churn de 4 % à 2,5 %", "fr"),
    ("Maintenir le churn sous 3 %", "fr"),
    ("Augmenter le CA de 20 %", "fr"),
    ("Zéro paie manquée", "fr"),
    ("Aucun incident P1", "fr"),
    ("Embaucher deux ingénieurs", "fr"),
    ("Doubler les leads entrants", "fr"),
    ("Churn sous 4 %", "fr"),
    ("Rendre l'onboarding facile", "fr"),
    ("Faire passer le NPS de 30 à 45", "fr"),
    ("Améliorer la satisfaction client", "fr"),
    # quotation marks tell a short text's language: German low quotes, spaced guillemets
    ("„40 Vorlagen übersetzt“", "de"),
    ("« Animer 4 ateliers »", "fr"),
    ("Ship the «Pro» plan", "en"),
]


@pytest.mark.parametrize(("text", "language"), DETECTION)
def test_detects_the_language(text: str, language: str) -> None:
    assert detect_language(text) == language


# boards too small for their marker words to tell: the phrase tables' words decide
SMALL_BOARDS = [
    (["64 Online-Dienste umgesetzt"], "de"),
    (["4 Buchungsportale vergleichen"], "de"),
    (["Rédiger 5 fiches pratiques"], "fr"),
    (["Documenter 10 processus internes"], "fr"),
    (["30 servicios digitalizados"], "es"),
    (["Ship SSO"], "en"),
    (["Uptime 99.9%"], "en"),
]


@pytest.mark.parametrize(("texts", "language"), SMALL_BOARDS)
def test_a_small_board_is_told_by_its_vocabulary(texts: list[str], language: str) -> None:
    from okrlint.understanding.detection import detect_board_language

    assert detect_board_language(texts) == language


def test_a_tie_between_languages_goes_to_the_boards_language() -> None:
    """ "de" is Spanish and French: a French board reads its tied text in French."""
    from okrlint.models import Board
    from okrlint.understanding.board import understand

    board = Board.model_validate(
        {
            "objectives": [
                {
                    "title": "Fiabiliser les paiements pour nos clients",
                    "key_results": ["Comparer 4 prestataires de paiement"],
                }
            ]
        }
    )
    kr = understand(board, "b.yaml").key_results[0]
    assert kr.meaning.language == "fr"


@pytest.mark.parametrize(
    ("rows", "language"), [(GERMAN, "de"), (SPANISH, "es"), (FRENCH, "fr")], ids=["de", "es", "fr"]
)
def test_detection_accuracy_on_the_rows(rows: list[Any], language: str) -> None:
    """Every row of the tables with a word of its language is detected as that language."""
    texts = [p.values[0].text for p in rows]
    wrong = [t for t in texts if detect_language(t) != language]
    # only texts made of symbols, numbers and loan words may fall back to English
    assert all(detect_language(t) == "en" for t in wrong), wrong
    assert len(wrong) <= 3, wrong


def test_english_texts_stay_english() -> None:
    """The English rows of the reader's own tables are all detected as English."""
    from test_key_results import ALL_ROWS

    texts = [p.values[0].text for p in ALL_ROWS]
    wrong = [t for t in texts if detect_language(t) != "en"]
    assert wrong == []


@pytest.mark.parametrize("text", ["Uptime ≥ 99,95 %", "NPS 30 → 45", "", "CSAT 4,5", "ARR ×2"])
def test_text_without_markers_falls_back(text: str) -> None:
    assert detect_language(text) == "en"
    assert detect_language(text, fallback="de") == "de"


def test_a_board_language_is_detected_from_all_its_texts() -> None:
    texts = ["Uptime ≥ 99,95 %", "Kündigungsquote unter 3 % halten", "NPS auf 60 steigern"]
    assert detect_board_language(texts) == "de"
    assert detect_board_language(["Uptime ≥ 99,95 %"]) == "en"
    assert detect_board_language([], fallback="fr") == "fr"
    # a text with no marker word falls back to the board's language
    assert text_language("MRR 80.000 € → 120.000 €", None, None, fallback="de") == "de"
    assert text_language("Churn unter 3 %", None, None, fallback="fr") == "de"


def test_board_and_configured_language_win_over_detection() -> None:
    text = "Keep churn below 3%"
    assert text_language(text, "de", None) == "de"
    assert text_language(text, None, "fr") == "fr"
    assert text_language(text, "es", "fr") == "es"
    assert text_language("Kündigungsquote unter 3 % halten", None, None) == "de"
    assert text_language("Kündigungsquote unter 3 % halten", "xx", None) == "de"


# -- the phrase files --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "es", "fr"])
def test_phrase_files_have_the_keys_of_english(language: str) -> None:
    english = load_phrases("en")
    other = load_phrases(language)
    assert set(other) == set(english)
    for section in ("units", "comparators", "business_as_usual", "numbers", "grammar"):
        assert set(other[section]) <= set(english[section]) | {"space_groups"}, section
    lex = lexicon(language)
    for table in ("hold_verbs", "change_verbs", "comparator_prefix", "zero_words", "task_verbs"):
        assert lex.table(table).words, table
    assert lex.bau_patterns


# -- whole boards --------------------------------------------------------------------------

TEXT_RULES = (
    "kpi-in-disguise",
    "no-change",
    "no-baseline",
    "output-not-outcome",
    "not-measurable",
    "business-as-usual-objective",
)

GERMAN_BOARD = """\
board: Wachstum
cycle: 2026-Q3
{language}objectives:
  - title: Vertriebsziele erreichen
    key_results:
      - Die Churn-Rate von 4 % auf 2,5 % senken
      - Kündigungsquote unter 3 % halten
      - NPS auf 60 steigern
      - Neue Preisseite launchen
      - Das Onboarding-Erlebnis verbessern
  - title: Neue Märkte erschließen
    key_results:
      - 10 neue Enterprise-Kunden gewinnen
      - Umsatz von 1,2 Mio. € auf 1,8 Mio. € steigern
"""

GERMAN_FINDINGS = [
    ("business-as-usual-objective", "objectives[0]"),
    ("kpi-in-disguise", "objectives[0].key_results[1]"),
    ("no-baseline", "objectives[0].key_results[2]"),
    ("output-not-outcome", "objectives[0].key_results[3]"),
    ("not-measurable", "objectives[0].key_results[4]"),
]


def _findings(text: str) -> list[tuple[str, str]]:
    result = lint_text(textwrap.dedent(text), "board.yaml", Config(select=TEXT_RULES))
    assert not result.input_errors, result.input_errors
    return sorted((f.rule, f.node) for f in result.findings)


@pytest.mark.parametrize("language", ["language: de\n", ""], ids=["board-language", "detected"])
def test_lints_a_german_board(language: str) -> None:
    assert _findings(GERMAN_BOARD.format(language=language)) == sorted(GERMAN_FINDINGS)


def test_lints_spanish_and_french_boards_by_detection() -> None:
    spanish = """\
    cycle: 2026-Q3
    objectives:
      - title: Cumplir los objetivos de ventas
        key_results:
          - Reducir la tasa de abandono del 4 % al 2,5 %
          - Mantener el churn por debajo del 3 %
          - Lanzar la nueva página de precios
    """
    french = """\
    cycle: 2026-Q3
    objectives:
      - title: Conquérir le marché allemand
        key_results:
          - Faire passer le NPS de 30 à 45
          - Zéro paie manquée
          - Augmenter le NPS à 60
    """
    assert _findings(spanish) == [
        ("business-as-usual-objective", "objectives[0]"),
        ("kpi-in-disguise", "objectives[0].key_results[1]"),
        ("output-not-outcome", "objectives[0].key_results[2]"),
    ]
    assert _findings(french) == [
        ("kpi-in-disguise", "objectives[0].key_results[1]"),
        ("no-baseline", "objectives[0].key_results[2]"),
    ]


def test_the_board_language_decides_the_number_format() -> None:
    """ "1.200" is twelve hundred in German; the English reading is one point two."""
    board = """\
    cycle: 2026-Q3
    language: {language}
    objectives:
      - title: Grow
        key_results:
          - title: Umsatz steigern
            from: "1.200 €"
            to: "1.800 €"
    """
    from okrlint.loader import load_text
    from okrlint.understanding.board import understand

    for language, base in (("de", 1200.0), ("en", 1.2)):
        loaded = load_text(textwrap.dedent(board.format(language=language)), "b.yaml")
        assert loaded.board is not None
        kr = understand(loaded.board, "b.yaml").key_results[0]
        assert kr.meaning.baseline is not None
        assert math.isclose(kr.meaning.baseline.value, base), (language, kr.meaning.baseline)


# -- any text, any language ----------------------------------------------------------------

_WORDS = sorted(
    {w for rows in (GERMAN, SPANISH, FRENCH) for p in rows for w in p.values[0].text.split()}
    | {"(", ")", ",", ";", "→", "-", "+5", "%", "€", "1 200", "l'", "d'", "jusqu'à", "ß", "¿"}
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=16).map(" ".join),
    st.sampled_from(["de", "es", "fr"]),
)
def test_reading_any_text_in_any_language_never_raises(text: str, language: str) -> None:
    m = read_key_result(text, language)
    assert text_verdict(m) in {
        None,
        "kpi-in-disguise",
        "no-change",
        "output-not-outcome",
        "not-measurable",
        "no-baseline",
        "direction-mismatch",
        "unit-mismatch",
        "target-already-met",
    }
    if m.intent is not Intent.CHANGE:
        assert m.guard_rails == ()
    read_objective(text, language)
    assert detect_language(text) in {"en", "de", "es", "fr"}
