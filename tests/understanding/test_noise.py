"""Noise set aside before reading: what is not the key result never becomes its numbers.

RULES.md, "Reading real text": list labels, owner and team prefixes, priority tags,
markup, references, versions and progress notes are set aside; placeholders stand
for a number.
"""

from __future__ import annotations

import math

import pytest

from okrlint.understanding.lexicon import lexicon
from okrlint.understanding.meaning import Intent
from okrlint.understanding.reading import read_key_result
from okrlint.understanding.tokens import set_aside


def _kept(text: str, language: str = "en") -> str:
    clean, _asides = set_aside(text, lexicon(language).noise)
    assert len(clean) == len(text)  # blanked in place: every offset stays true
    return " ".join(clean.split())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # list labels and list marks
        ("KR 3: Lift trial conversion from 8% to 11%", "Lift trial conversion from 8% to 11%"),
        ("Key Result 2 - Cut p95 latency to 300 ms", "Cut p95 latency to 300 ms"),
        ("KR1 Grow paid seats from 900 to 1,400", "Grow paid seats from 900 to 1,400"),
        ("- [ ] Close 14 new logos", "Close 14 new logos"),
        ("- [x] Ship the billing export", "Ship the billing export"),
        ("1.2 Raise NPS from 31 to 40", "Raise NPS from 31 to 40"),
        ("3. Publish the pricing page", "Publish the pricing page"),
        ("O2: Make self-serve the way small teams buy", "Make self-serve the way small teams buy"),
        # owners, teams, tags
        ("Head of Infra: Cut cloud spend by 15%", "Cut cloud spend by 15%"),
        ("Marketing (Demand Gen): Generate 400 MQLs", "Generate 400 MQLs"),
        ("@dana Grow weekly active teams to 2k", "Grow weekly active teams to 2k"),
        ("[p0] Move login to the new auth service", "Move login to the new auth service"),
        ("`P1` Offline mode for the field app", "P1 Offline mode for the field app"),
        ("Export audit log to the SIEM [P1][SEC]", "Export audit log to the SIEM"),
        ("Onboard 3 pilot schools (ab)", "Onboard 3 pilot schools"),
        # markup, links, references, versions
        ("**Grow** MRR from *$80k* to $120k", "Grow MRR from $80k to $120k"),
        ("Ship [the partner API](https://example.org/api) v3.2", "Ship the partner API"),
        ("Fix the sync bug (#4521) and JIRA-77", "Fix the sync bug ( ) and"),
        ("Churn under 3%<br>for SMB accounts", "Churn under 3% for SMB accounts"),
        ("Raise CSAT from 81% to 88% ✅", "Raise CSAT from 81% to 88%"),
        # progress notes after the key result
        ("Launch the help centre => shipped", "Launch the help centre"),
        ("Grow activation from 40% to 55% → 70% there", "Grow activation from 40% to 55%"),
        ("Reach 200 paying customers (landed at 120%)", "Reach 200 paying customers"),
        ("Cut churn from 5% to 3.5% Status: at risk", "Cut churn from 5% to 3.5%"),
        ("Win 20 new logos - done", "Win 20 new logos"),
        ("Grow signups from 1k to 2k | Budget $4k", "Grow signups from 1k to 2k"),
        # languages
        ("Schlüsselergebnis 2: Churn von 4 % auf 3 % senken", "Churn von 4 % auf 3 % senken"),
        ("Resultado clave 1: Sumar 40 clientes nuevos", "Sumar 40 clientes nuevos"),
        ("Résultat clé : recruter deux personnes > Résultat 50 %", "recruter deux personnes"),
    ],
)
def test_noise_is_set_aside(text: str, kept: str) -> None:
    openings = {"Schlüssel": "de", "Resultado": "es", "Résultat ": "fr"}
    language = openings.get(text[:9], "en")
    assert _kept(text, language) == kept


@pytest.mark.parametrize(
    "text",
    [
        "Reduce churn from 4% to 2.5%",
        "Grow GMV from 1.200.000 € to 1.800.000 €",
        "Uptime: 99.95% or better",  # a metric before a colon is no owner
        "Critical bugs: none",
        "Launch the new site and make it live for 3 teams",
        "Publish a weekly status report",
        "Raise average score from 3.9 to 4.4",
    ],
)
def test_what_belongs_to_the_key_result_stays(text: str) -> None:
    assert _kept(text) == " ".join(text.split())


def test_numbers_inside_noise_are_never_the_target() -> None:
    m = read_key_result("KR 4: Grow weekly active teams from 1,200 to 2,000 (v2.3, #88)")
    assert m.intent is Intent.CHANGE
    assert m.baseline is not None and m.baseline.value == 1200
    assert m.target is not None and m.target.value == 2000


def test_the_metric_is_never_a_label_or_an_owner() -> None:
    m = read_key_result("Head of Sales: KR 2: Keep win rate above 25%")
    assert m.intent is Intent.HOLD
    assert m.holds[0].metric == "win rate"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("KR 1: Head of Growth: keep weekly churn below 2%", "Head of Growth"),
        ("Marketing (Demand Gen): 40 SQLs a week", "Marketing (Demand Gen)"),
        ("Owner: Lee - grow NPS from 30 to 40", "Lee"),
        ("Ship the importer (@dana, @lee)", "@dana @lee"),
        ("Grow marketing SQLs from 40 to 60", ""),
    ],
)
def test_the_owner_a_text_names_is_kept(text: str, owner: str) -> None:
    assert read_key_result(text).owner == owner


@pytest.mark.parametrize("text", ["Grow ARR from $N to $M", "Lift activation to X%"])
def test_a_placeholder_stands_for_a_number_of_unknown_value(text: str) -> None:
    m = read_key_result(text)
    assert m.intent is Intent.CHANGE
    assert m.target is not None and math.isnan(m.target.value)
    assert m.moves_up() is None  # no known way: never a direction mismatch
