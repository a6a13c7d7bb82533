"""Objectives: a level held, a job described, or a change worth betting on (left alone)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.understanding.board import read_objective
from okrlint.understanding.meaning import Comparator

# Titles that describe the job rather than a change: (title, the words that say so).
BUSINESS_AS_USUAL = [
    ("Hit Our Sales Targets", "hit our sales targets"),
    ("Hit our sales targets", "hit our sales targets"),
    ("Meet our quarterly numbers", "meet our quarterly numbers"),
    ("Achieve our Q3 targets", "achieve our q3 targets"),
    ("Make our numbers", "make our numbers"),
    ("Hit plan", "hit plan"),
    ("Deliver on our commitments", "deliver on our commitments"),
    ("Meet all SLAs", "meet all slas"),
    ("Run a reliable platform", "run a reliable"),
    ("Provide a stable service", "provide a stable"),
    ("Operate a secure and compliant cloud", "operate a secure"),
    ("Deliver the roadmap", "deliver the roadmap"),
    ("Ship the features customers ask for", "ship the features"),
    ("Execute the plan", "execute the plan"),
    ("Keep customers happy", "keep customers"),
    ("Keep the lights on", "keep the lights on"),
    ("Business as usual", "business as usual"),
    ("Continue to support our customers", "continue to support"),
    ("Support the sales team", "support the sales team"),
    ("Answer customer tickets", "answer customer tickets"),
    ("Process all invoices on time", "process all invoices"),
    ("Run payroll on time", "run payroll"),
    ("Pay suppliers on time", "pay suppliers on time"),
    ("Stay profitable", "stay profitable"),
    ("Remain the market leader", "remain the market leader"),
    ("Stay on budget", "stay on budget"),
    ("Maintain our market leadership", "Maintain our market leadership"),
    ("Sustain growth", "Sustain growth"),
    ("Protect the brand", "Protect the brand"),
    ("Retain our top 50 customers", "Retain our top 50"),
    # never done, whatever the verb; a verb past opening words or a short topic
    ("Constantly improve our office and online spaces", "Constantly improve our"),
    ("Transparently share our budget with members", "share our budget with"),
    ("Carry out security reviews on our vendors", "Carry out security reviews on"),
    ("People and culture: Fulfil our mission to a high standard", "Fulfil our mission to"),
    # a job verb that is also a task's, a year in the title, a heading that names a target
    ("Run our services with high reliability", "Run our services with"),
    ("Back the CFO's 2026 priorities", "Back the CFO's 2026"),
    ("Payments product revenue target", "payments product revenue target"),
    # a role to fill; a verb's form after an article or a relative pronoun, or with
    # nothing after it, is no change
    ("Be a calm, reliable partner through the move", "Be a calm ,"),
    ("Be an organisation that gives timely service", "Be an organisation that"),
    ("Keep our channels with partners active and open", "keep our"),
    ("Make sure the metric definitions are clear", "Make sure the metric definitions"),
    # a function named alone, in one word or a phrase
    ("Recruiting", "Recruiting"),
    ("## Customer support", "Customer support"),
    ("Sales operations", "Sales operations"),
]

# Titles that hold a level: a KPI in disguise, with the level named.
HOLDS = [
    ("Maintain 99.9% uptime", 99.9, None),
    ("maintain 99.9 percent uptime", 99.9, None),
    ("keep gross churn below 4 percent", 4, Comparator.LT),
    ("Keep churn below 4%", 4, Comparator.LT),
    ("Zero missed payroll runs", 0, Comparator.LE),
    ("Churn stays below 3%", 3, Comparator.LT),
    ("Uptime at or above 99.95% all quarter", 99.95, Comparator.GE),
    ("Keep CAC under $300", 300, Comparator.LT),
    ("No more than 2 P1 incidents per quarter", 2, Comparator.LE),
]

# Titles that must stay quiet: aspirations, changes and near misses.
QUIET = [
    # the seed articles' objectives
    "Deliver an Industry-Leading Customer Support Experience",
    "Make Our Product an Indispensable Daily Habit for Users",
    "Create Raving Fans by Overhauling Our Onboarding Experience",
    "Successfully Penetrate the Enterprise Segment",
    "Accelerate Core Product Engagement",
    "Dominate the Mid-Market Sector",
    "Build a World-Class Fulfilment Process",
    # aspirations
    "Deliver a world-class support experience",
    "Run a world-class engineering organisation",
    "Make onboarding effortless for new teams",
    "Win the mid-market",
    "Become the default tool for finance teams",
    "Become the market leader in Germany",
    "Delight enterprise customers",
    "Turn support into a growth engine",
    "Rebuild trust with enterprise customers",
    "Make deployments boring",
    "Stop losing customers in their first month",
    "Hit the ground running in Germany",
    "Meet the needs of enterprise buyers",
    "Achieve product-market fit in healthcare",
    "Reach new markets",
    "Secure the platform against modern threats",
    "Operate a lean finance function",
    # changes named in the title
    "Grow MRR from $80k to $120k",
    "Keep growing MRR from $80k to $120k",
    "Double our enterprise business",
    "Cut the cost of serving a customer in half",
    "Improve uptime from 99.9% to 99.99%",
    # a job half, then a change
    "Protect the core business while we expand into Germany",
    "Keep pace with enterprise demand and launch in Germany",
    # deliverables are not job descriptions
    "Deliver the new mobile app",
    "Launch in Germany",
    "Deliver the new pricing page on time",
    # a task verb after "and" is a verb: the title names a change
    "Support the sales team and launch the partner portal",
    # one thing made is no job
    "Run a design hackathon for the whole company",
    # an aspiration to lead is a new state
    "Be the neighbourhood's favourite coffee shop",
    "Be a world leader in repairable hardware",
]


@pytest.mark.parametrize(("title", "words"), BUSINESS_AS_USUAL)
def test_business_as_usual(title: str, words: str) -> None:
    meaning = read_objective(title)
    assert meaning.business_as_usual == words
    assert not meaning.holds


@pytest.mark.parametrize(("title", "level", "comparator"), HOLDS)
def test_holds_a_level(title: str, level: float, comparator: Comparator | None) -> None:
    meaning = read_objective(title)
    assert meaning.holds
    hold = meaning.holds[0]
    assert hold.level is not None
    assert hold.level.value == pytest.approx(level)
    assert hold.comparator == comparator
    assert not meaning.business_as_usual


@pytest.mark.parametrize("title", QUIET)
def test_stays_quiet(title: str) -> None:
    meaning = read_objective(title)
    assert meaning.business_as_usual == ""
    assert meaning.holds == ()


# Running as it runs, a duty after its subject and a label's tag, in each language:
# (language, title, job described?).
RUNNING = [
    ("en", "The support desk runs smoothly", True),
    ("en", "Keep the ticket queue running over the holidays", True),
    ("en", "The project shall ensure its volunteers feel thanked for their work", True),
    ("en", "We will keep our customers happy", True),
    ("en", "Have clear owners for every invoice so that payroll runs smoothly", False),
    ("en", "The project shall launch a mentoring programme for new maintainers", False),
    ("en", "Advises on every stable release", True),
    ("en", "Continue to maintain and repair the fleet", True),
    ("en", "Maintain our lead and expand into Germany", False),
    ("en", "Hold our first annual general meeting", False),
    ("de", "Sicherung der Qualität in Studium und Lehre", True),
    ("de", "Sicherung neuer Märkte in Österreich", False),
    ("de", "Wir bleiben die beliebteste Bäckerei im Viertel", True),
    ("de", "Wir bleiben dran und erobern neue Märkte", False),
    ("fr", "Continuer à entretenir et réparer la flotte", True),
    ("en", "Coordinates the release train for all teams", True),
    ("en", "Listen to our members and meet their needs", True),
    ("en", "Champion inclusion across our programmes", True),
    ("en", "Offer a paid plan for small teams", False),
    ("de", "Ziel: Der Kundendienst läuft rund", True),
    ("de", "Die Auslieferung pünktlich am Laufen halten", True),
    ("de", "Einen neuen Lieferweg nach Österreich aufbauen", False),
    ("es", "**Objetivo (O):** Mantener la guía de la empresa al día", True),
    ("es", "Que el soporte funcione sin problemas", True),
    ("es", "Objetivo (O): Lanzar la tienda en línea en Chile", False),
    ("fr", "Assurer le bon fonctionnement du service de prêt", True),
    ("fr", "S'assurer d'un fonctionnement efficace des ateliers", True),
    # making sure of what exists is the job; making sure of a change is not
    ("fr", "Objectif 2 – S'assurer de l'efficacité des ateliers financés", True),
    ("es", "Asegurar la calidad de los datos del padrón", True),
    ("en", "Ensure the wiki stays useful to every member", True),
    ("fr", "Piloter l'action du service pour promouvoir les ventes à l'export", True),
    ("fr", "Coordonner les bénévoles des antennes régionales", True),
    ("en", "Ensure we double paid signups in the Nordics", False),
    ("fr", "Émettre un bon de commande unique pour les fournitures", False),
]


@pytest.mark.parametrize(("language", "title", "job"), RUNNING)
def test_running_as_it_runs_is_the_job(language: str, title: str, job: bool) -> None:
    assert bool(read_objective(title, language).business_as_usual) is job


def test_a_duty_repeated_is_a_hold() -> None:
    meaning = read_objective("Publish the newsletter every month")
    assert meaning.holds and meaning.holds[0].cadence == "every month"


def test_threshold_and_words_of_a_held_level() -> None:
    (hold,) = read_objective("Keep gross churn below 4 percent").holds
    assert hold.threshold() == "< 4"
    assert hold.unit_text() == "%"
    assert hold.describe() == "below 4 percent"
    assert hold.metric == "gross churn"
    (uptime,) = read_objective("Maintain 99.9% uptime").holds
    assert uptime.describe() == "at 99.9%"
    assert uptime.metric == "uptime"


def test_reading_is_kept() -> None:
    meaning = read_objective("Grow MRR from $80k to $120k")
    assert meaning.reading.baseline is not None
    assert meaning.reading.target is not None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_never_raises(title: str) -> None:
    meaning = read_objective(title)
    assert not (meaning.holds and meaning.business_as_usual)
