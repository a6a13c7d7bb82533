"""The doctrine's own examples, judged end to end as RULES.md judges them.

Short example key results and objectives quoted from the source articles, linted
on a real board (text rules only, the board itself is healthy).
"""

from __future__ import annotations

import pytest

from conftest import board_with, lint_snippet
from okrlint.findings import Severity

TEXT_RULES = ("kpi-in-disguise", "no-change", "not-measurable", "no-baseline")

# Bets the articles present as good: no kpi-in-disguise, no error at all.
GOOD_BETS = {
    "Reduce average ticket resolution time from 72 hours to 36 hours.": None,
    "Increase Customer Satisfaction (CSAT) score for resolved tickets from 85% to 95%.": None,
    "Resolve 50% of all tier-1 tickets via new self-service documentation.": "warning",
    "Increase average deal size from £20k to £35k.": None,
    "Secure 10 new logo meetings with FTSE 250 companies.": None,
    "Achieve a 20% win rate on all enterprise-qualified deals.": "warning",
    "Increase adoption of the 'Project Templates' feature from 10% to 40% of active users.": None,
    "Improve average user session duration by 20%.": "info",
    "Achieve a 25% week-over-week retention rate for new sign-ups.": "warning",
    "Increase qualified mid-market leads by 50%.": "info",
    "Close 15 new logos with an employee count between 50 and 250.": None,
    "Increase the average contract value for new mid-market deals to £25,000.": "warning",
    "Reduce average warehouse processing time from 24 hours to 4 hours.": None,
    "Decrease average shipping time from 3 days to 1 day for 80% of UK orders.": None,
    "Improve uptime from 99.9% to 99.99%": None,
    "Increase customer satisfaction by 15% from 8.0 to 9.2 by improving our onboarding "
    "experience.": None,
    "Reduce customer onboarding time by 40% from 10 days to 6 days.": None,
    "Reduce monthly churn from 4 percent to 2.5 percent": None,
    "Move activation from 61 to 75 percent": None,
    "Moving churn from 4 percent to 3 percent by quarter end": None,
    "Increase customer satisfaction from 80% to 90%": None,
}

# Levels the articles present as KPIs in disguise.
DISGUISED = [
    "Maintain 99.9% uptime",
    "maintain 99.9 percent uptime",
    "keep gross churn below 4 percent",
    "Maintaining 95% on-time delivery",
]

GOOD_OBJECTIVES = [
    "Deliver an Industry-Leading Customer Support Experience",
    "Successfully Penetrate the Enterprise Segment",
    "Accelerate Core Product Engagement",
    "Dominate the Mid-Market Sector",
    "Build a World-Class Fulfilment Process",
    "Make Our Product an Indispensable Daily Habit for Users",
    "Create Raving Fans by Overhauling Our Onboarding Experience",
]


@pytest.mark.parametrize(("kr", "severity"), GOOD_BETS.items())
def test_the_good_bets_get_no_disguise_and_no_error(kr: str, severity: str | None) -> None:
    findings = lint_snippet(board_with(kr), only=TEXT_RULES)
    assert all(f.rule != "kpi-in-disguise" for f in findings)
    assert all(f.severity is not Severity.ERROR for f in findings)
    if severity is None:
        assert findings == []
    else:
        [f] = findings
        assert (f.rule, f.severity.value) == ("no-baseline", severity)


@pytest.mark.parametrize("kr", DISGUISED)
def test_the_disguised_levels_are_kpi_in_disguise(kr: str) -> None:
    [f] = lint_snippet(board_with(kr), only=TEXT_RULES)
    assert (f.rule, f.severity) == ("kpi-in-disguise", Severity.ERROR)


@pytest.mark.parametrize(
    "title", ["maintain 99.9 percent uptime", "keep gross churn below 4 percent"]
)
def test_objectives_that_hold_a_level_are_kpi_in_disguise(title: str) -> None:
    findings = lint_snippet(
        board_with("Increase activation from 61% to 75%", title=title),
        only=("kpi-in-disguise", "business-as-usual-objective"),
    )
    assert [(f.rule, f.node) for f in findings] == [("kpi-in-disguise", "objectives[0]")]


def test_the_job_description_objective_is_business_as_usual() -> None:
    findings = lint_snippet(
        board_with("Achieve a 15% lead-to-close conversion rate.", title="Hit Our Sales Targets"),
        only=(*TEXT_RULES, "business-as-usual-objective"),
    )
    assert sorted((f.rule, f.severity.value) for f in findings) == [
        ("business-as-usual-objective", "error"),
        ("no-baseline", "warning"),  # a bare level is a disguise only in context
    ]


@pytest.mark.parametrize("title", GOOD_OBJECTIVES)
def test_the_good_objectives_stay_quiet(title: str) -> None:
    findings = lint_snippet(
        board_with("Increase activation from 61% to 75%", title=title),
        only=("kpi-in-disguise", "business-as-usual-objective"),
    )
    assert findings == []
