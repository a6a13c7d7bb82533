"""The key-result reader, one row per phrasing (the codes are in ``reader_rows``).

Each row names what a key result asks for, in a short code:

* ``change:up`` / ``change:down`` / ``change:-`` — a bet with a baseline and a target
  (the suffix is the verb's direction; ``-`` for a neutral verb such as "improve");
* ``nobase:…`` — a change with a target and no baseline ("Increase NPS to 60");
* ``rel:…`` — a relative change ("by 20%", "double") with no baseline or target;
* ``zero:…`` — a count of new things won in the cycle, which starts from zero;
* ``output:…`` — a change in a count of the team's own activity;
* ``hold`` — a level to hold (a KPI in disguise); ``task``; ``unmeasured``.

Amounts are written ``"<value> <unit>"``: ``%``, ``pp``, ``bps``, ``x``, ``s``
(durations are in seconds), a currency code (``GBP``), ``money`` (any currency), a
label (``customers``) or nothing for a plain number.
"""

from __future__ import annotations

import pytest
from reader_rows import INTENTS, D, H, K, Row, assert_amount, check_row, text_verdict

from okrlint.understanding.fields import parse_amount
from okrlint.understanding.lexicon import lexicon
from okrlint.understanding.meaning import Intent
from okrlint.understanding.reading import read_key_result

# -- the seed articles' examples -----------------------------------------------------

# The tables below keep one row per phrasing, so they are exempt from the formatter.
# fmt: off
SEEDS = [
    K("Improve uptime from 99.9% to 99.99%", "change:-", base="99.9 %", target="99.99 %"),
    K("maintain 99.9% uptime", "hold", level="99.9 %", metric="uptime"),
    K("Maintain 99.9% uptime", "hold", level="99.9 %"),
    K("maintain 99.9 percent uptime", "hold", level="99.9 %"),
    K("keep gross churn below 4 percent", "hold", level="4 %", comparator="<",
      metric="gross churn"),
    K("Keep churn below 4 percent", "hold", level="4 %", comparator="<"),
    K("Maintaining 95%", "hold", level="95 %"),
    K("Reduce average ticket resolution time from 72 hours to 36 hours.", "change:down",
      base=f"{72 * H} s", target=f"{36 * H} s", metric="average ticket resolution time"),
    K("Increase Customer Satisfaction (CSAT) score for resolved tickets from 85% to 95%.",
      "change:up", base="85 %", target="95 %"),
    K("Resolve 50% of all tier-1 tickets via new self-service documentation.", "nobase:-",
      target="50 %"),
    K("Achieve a 15% lead-to-close conversion rate.", "nobase:-", target="15 %"),
    K("Increase average deal size from £20k to £35k.", "change:up", base="20000 GBP",
      target="35000 GBP"),
    K("Secure 10 new logo meetings with FTSE 250 companies.", "zero:-", target="10 meetings"),
    K("Achieve a 20% win rate on all enterprise-qualified deals.", "nobase:-", target="20 %"),
    K("Increase adoption of the 'Project Templates' feature from 10% to 40% of active users.",
      "change:up", base="10 %", target="40 %"),
    K("Improve average user session duration by 20%.", "rel:-", rel="20 %"),
    K("Achieve a 25% week-over-week retention rate for new sign-ups.", "nobase:-", target="25 %"),
    K("Increase qualified mid-market leads by 50%.", "rel:up", rel="50 %"),
    K("Close 15 new logos with an employee count between 50 and 250.", "zero:-",
      target="15 logos"),
    K("Increase the average contract value for new mid-market deals to £25,000.", "nobase:up",
      target="25000 GBP"),
    K("Reduce average warehouse processing time from 24 hours to 4 hours.", "change:down",
      base=f"{24 * H} s", target=f"{4 * H} s"),
    K("Decrease average shipping time from 3 days to 1 day for 80% of UK orders.", "change:down",
      base=f"{3 * D} s", target=f"{D} s"),
    K(
      "Increase customer satisfaction by 15% from 8.0 to 9.2 by improving our onboarding "
        "experience.",
      "change:up", base="8", target="9.2", rel="15 %"),
    K("Reduce customer onboarding time by 40% from 10 days to 6 days.", "change:down",
      base=f"{10 * D} s", target=f"{6 * D} s", rel="40 %"),
    K("Increasing it from 80% to 90%", "change:up", base="80 %", target="90 %"),
    K("Reduce monthly churn from 4 percent to 2.5 percent", "change:down", base="4 %",
      target="2.5 %"),
    K("Move activation from 61 to 75 percent", "change:-", base="61 %", target="75 %"),
    K("Moving churn from 4 percent to 3 percent by quarter end", "change:-", base="4 %",
      target="3 %"),
    K("Increase DAU", "unmeasured"),
    K("Reduce the time", "unmeasured"),
]

# -- engineering ---------------------------------------------------------------------

ENGINEERING = [
    K("Reduce p95 API latency from 450ms to 200ms", "change:down", base="0.45 s", target="0.2 s",
      metric="p95 api latency"),
    K("Cut p99 latency from 1.2s to 400 ms", "change:down", base="1.2 s", target="0.4 s"),
    K("Raise unit test coverage from 45% to 80%", "change:up", base="45 %", target="80 %"),
    K("Reduce MTTR from 4h to 1h", "change:down", base=f"{4 * H} s", target=f"{H} s"),
    K("Reduce mean time to recovery from 3h 10min to 45min", "change:down",
      base=f"{3 * H + 600} s", target=f"{45 * 60} s"),
    K("Cut build time from 25 minutes to 10 minutes", "change:down", base="1500 s",
      target="600 s"),
    K("Cut the number of flaky tests from 120 to 20", "change:down", base="120", target="20"),
    K("Reduce deployment lead time from 5 days to 1 day", "change:down", base=f"{5 * D} s",
      target=f"{D} s"),
    K("Increase deploys per week from 3 to 15", "change:up", base="3", target="15"),
    K("Reduce change failure rate from 15% to 5%", "change:down", base="15 %", target="5 %"),
    K("Improve Lighthouse performance score from 62 to 90", "change:-", base="62", target="90"),
    K("Reduce open critical vulnerabilities from 40 to 0", "change:down", base="40", target="0"),
    K("Cut P1 incidents from 5 to zero", "change:down", base="5", target="0"),
    K("Shrink the bug backlog from 340 to under 100", "change:down", base="340", target="100",
      bound="<"),
    K("Reduce build time to under 10 minutes", "nobase:down", target="600 s", bound="<"),
    K("Bring open bugs down to under 50", "nobase:down", target="50", bound="<"),
    K("Get median page load under 2s (currently 3.4s)", "change:-", base="3.4 s", target="2 s",
      bound="<"),
    K("Keep p95 latency under 300ms", "hold", level="0.3 s", comparator="<"),
    K("p95 latency stays below 300 ms", "hold", level="0.3 s", comparator="<"),
    K("Error rate below 0.1%", "hold", level="0.1 %", comparator="<"),
    K("99.95% availability every month", "hold"),
    K("Uptime ≥ 99.95%", "hold", level="99.95 %", comparator=">="),
    K(">= 99.9% availability", "hold", level="99.9 %", comparator=">="),
    K("Maintain SLO compliance at 99.9%", "hold", level="99.9 %"),
    K("Zero Sev-1 incidents", "hold", level="0", comparator="<="),
    K("0 critical vulnerabilities open longer than 30 days", "hold"),
    K("No critical vulnerabilities older than 30 days", "hold"),
    K("Security patches applied within 14 days", "hold"),
    K("Ship a release every two weeks", "hold"),
    K("Deployment frequency remains daily", "hold"),
    K("Backups verified daily", "hold"),
    K("Change failure rate under 15%", "hold", level="15 %", comparator="<"),
    K("Ship the v2 API", "task"),
    K("Deploy the new CI pipeline by end of Q3", "task"),
    K("Migrate billing to Stripe", "task"),
    K("Migrate 80% of customers to the new platform", "task"),
    K("Complete SOC 2 Type II audit", "task"),
    K("Ensure the new CRM is live by Q3", "task"),
    K("Cut p95 latency from 800ms to 300ms while maintaining 99.9% uptime", "change:down",
      base="0.8 s", target="0.3 s", guards=1, level="99.9 %"),
    K("Reduce cloud spend from $120k/month to $90k/month", "change:down", base="120000 USD",
      target="90000 USD"),
    K("Reduce p95 latency in the EU region from 800ms to 300ms", "change:down", base="0.8 s",
      target="0.3 s"),
    K("Cut rollbacks within 24 hours of a deploy from 8 to 2 per month", "change:down", base="8",
      target="2"),
    K("Increase the share of stable releases from 70% to 95%", "change:up", base="70 %",
      target="95 %"),
    K("Reduce memory use per pod from 2GB to 1GB", "change:down", base="2 gb", target="1 gb"),
    K("Improve reliability of the platform", "unmeasured"),
]

# -- sales -----------------------------------------------------------------------------

SALES = [
    K("Increase enterprise win rate from 18% to 25%", "change:up", base="18 %", target="25 %"),
    K("Increase enterprise win rate by 7pp", "rel:up", rel="7 pp"),
    K("Increase pipeline coverage from 2.5x to 4x", "change:up", base="2.5 x", target="4 x"),
    K("Shorten sales cycle from 90 to 60 days", "change:down", base=f"{90 * D} s",
      target=f"{60 * D} s"),
    K("Raise win rate against Competitor X from 22% to 35%", "change:up", base="22 %",
      target="35 %"),
    K("Sign 10 new enterprise customers", "zero:-", target="10 customers"),
    K("Win 12 new enterprise accounts", "zero:-", target="12 accounts"),
    K("Acquire 500 new paying customers", "zero:-", target="500 customers"),
    K("Win 5 enterprise deals worth $50k+", "zero:-", target="5 deals"),
    K("Generate $3M in qualified pipeline", "zero:-", target="3000000 USD"),
    K("Close $2M in new business", "zero:-", target="2000000 USD"),
    K("Book $500k in new ARR", "zero:-", target="500000 USD"),
    K("Sign 3 new reseller partners in Germany", "zero:-", target="3 partners"),
    K("50 new paying customers", "zero:-", target="50 customers"),
    K("Sign 10 new customers per month", "nobase:-", target="10 customers"),
    K("Sign 10 new customers every month", "hold"),
    K("Get to 1,000 paying customers", "nobase:-", target="1000 customers"),
    K("1,000 paying customers by end of Q3", "nobase:-", target="1000 customers"),
    K("Reach $10M ARR", "nobase:-", target="10000000 USD"),
    K("Exceed $5M in ARR", "nobase:-", target="5000000 USD"),
    K("Grow ARR to $1.2M by September 30", "nobase:up", target="1200000 USD"),
    K("Grow expansion revenue by 30%", "rel:up", rel="30 %"),
    K("Increase revenue by $2M", "rel:up", rel="2000000 USD"),
    K("Grow MRR from $80k to $120k while keeping churn below 3%", "change:up", base="80000 USD",
      target="120000 USD", guards=1, level="3 %", comparator="<"),
    K("Grow MRR from $80k to $120k, churn below 3%", "change:up", guards=1),
    K("Keep growing MRR from $80k to $120k", "change:up", base="80000 USD", target="120000 USD"),
    K("Raise demo calls from 20 to 40 a week", "output:up", base="20", target="40"),
    K("Run 4 customer roundtables", "task"),
    K("Book 40 demos", "task"),
    K("Hit 100% of quota every quarter", "hold"),
    K("Achieve a 15% lead-to-close rate", "nobase:-", target="15 %"),
    K("Increase ARR by 25% to $5M (from $4M)", "change:up", base="4000000 USD",
      target="5000000 USD"),
    K("Grow ARR to $5M, up from $3.2M", "change:up", base="3200000 USD", target="5000000 USD"),
    K("Raise ARR from USD 4M to USD 6M", "change:up", base="4000000 USD", target="6000000 USD"),
    K("Increase ACV from 40k EUR to 55k EUR", "change:up", base="40000 EUR", target="55000 EUR"),
    K("Grow net revenue retention from 104% to 110%", "change:up", base="104 %", target="110 %"),
    K("Grow ARR 3x", "rel:up", rel="3 x"),
    K("Grow ARR x2", "rel:up", rel="2 x"),
    K("Win 20 new logos within 30 days of the launch", "zero:-", target="20 logos"),
]

# -- support ---------------------------------------------------------------------------

SUPPORT = [
    K("Decrease time to first response from 6h to 1h", "change:down", base=f"{6 * H} s",
      target=f"{H} s"),
    K("Improve first-contact resolution from 58% to 70%", "change:-", base="58 %", target="70 %"),
    K("Improve CSAT from 4.2 to 4.6", "change:-", base="4.2", target="4.6"),
    K("Cut the backlog of open tickets from 1,200 to 300", "change:down", base="1200",
      target="300"),
    K("Reduce support tickets from 500 to 300 per month", "change:down", base="500", target="300"),
    K("Reduce cost per ticket from $8 to $5 and keep CSAT above 90%", "change:down", base="8 USD",
      target="5 USD", guards=1, level="90 %", comparator=">"),
    K("Cut the share of tickets breaching SLA from 12% to 4%", "change:down", base="12 %",
      target="4 %"),
    K("Move 30% of support volume to self-service (from 12%)", "change:-", base="12 %",
      target="30 %"),
    K("Deflect 30% of tickets via self-service", "nobase:-", target="30 %"),
    K("95% of tickets answered within 4 hours", "hold"),  # a service level
    K("At least 95% of tickets answered within 4 hours", "hold"),
    K("Respond to all tickets within 4 hours", "hold"),
    K("Respond to every customer email within 24 hours.", "hold"),
    K("CSAT ≥ 90%", "hold", level="90 %", comparator=">="),
    K("CSAT at or above 4.5", "hold", level="4.5", comparator=">="),
    K("Customer satisfaction score of 4.5/5 or better", "hold"),
    K("Keep the support backlog under 100 tickets", "hold", level="100 tickets", comparator="<"),
    K("Customer satisfaction remains above 90%", "hold", level="90 %", comparator=">"),
    K("Reduce first response time from 2 hours to 30 minutes within 6 months", "change:down",
      base=f"{2 * H} s", target="1800 s"),
    K("Reduce average handling time from 7 min 30 s to 5 min", "change:down", base="450 s",
      target="300 s"),
]

# -- marketing -------------------------------------------------------------------------

MARKETING = [
    K("Increase organic traffic from 40k to 60k visits a month", "change:up", base="40000 visits",
      target="60000 visits"),
    K("Increase blog traffic from 10k to 25k visits per month", "change:up", base="10000 visits",
      target="25000 visits"),
    K("Grow newsletter subscribers from 8,000 to 15,000", "change:up", base="8000",
      target="15000"),
    K("Add 2,000 paying subscribers", "zero:up", target="2000 subscribers"),
    K("Publish 12 blog posts", "task"),
    K("Publish 4 case studies", "task"),
    K("Launch 3 campaigns", "task"),
    K("Double inbound leads", "rel:up", rel="2 x"),
    K("Lift conversion 2.1% -> 3.5%", "change:up", base="2.1 %", target="3.5 %"),
    K("Lift landing-page conversion 2.1% => 3.5%", "change:up", base="2.1 %", target="3.5 %"),
    K("Reach 10,000 newsletter subscribers", "nobase:-", target="10000 subscribers"),
    K("Reduce CAC from $420 to $300", "change:down", base="420 USD", target="300 USD"),
    K("Keep CAC below $300", "hold", level="300 USD", comparator="<"),
    K("Publish the newsletter every month", "hold"),
    K("Improve email open rate from 18 % to 25 %", "change:-", base="18 %", target="25 %"),
    K("Increase conversion from 2% to 3% without increasing CAC above $200", "change:up",
      base="2 %", target="3 %", guards=1, level="200 USD"),
    K("20% more qualified leads", "rel:up", rel="20 %"),
    K("Grow share of voice from 8% to 12% in the UK", "change:up", base="8 %", target="12 %"),
    K("Increase branded search volume from 5k to 9k a month", "change:up", base="5000",
      target="9000"),
    K("Strengthen our brand in the DACH region", "unmeasured"),
]

# -- people ----------------------------------------------------------------------------

PEOPLE = [
    K("Reduce voluntary attrition from 18% to 12%", "change:down", base="18 %", target="12 %"),
    K("Raise eNPS from 12 to 30", "change:up", base="12", target="30"),
    K("Reduce time-to-hire from 45 days to 30 days", "change:down", base=f"{45 * D} s",
      target=f"{30 * D} s"),
    K("Reduce time-to-hire to 30 days", "nobase:down", target=f"{30 * D} s"),
    K("Increase women in engineering from 22% to 35%", "change:up", base="22 %", target="35 %"),
    K("Hire to 50% women in engineering", "nobase:-", target="50 %"),
    K("Hire two engineers", "task"),
    K("Hire 5 senior engineers by August", "task"),
    K("Keep regretted attrition below 5%", "hold", level="5 %", comparator="<"),
    K("Attrition stays under 10%", "hold", level="10 %", comparator="<"),
    K("Keep headcount flat", "hold"),
    K("Roll out the new performance review process", "task"),
    K("Recruit 200 new volunteers", "zero:-", target="200 volunteers"),
    K("Enrol 300 new students", "zero:-", target="300 students"),
    K("Onboard 25 new schools", "zero:-", target="25 schools"),
    K("100% of employees complete security training every year", "hold"),
    K("Raise the share of internal promotions from 20% to 35%", "change:up", base="20 %",
      target="35 %"),
    K("Conduct 30 user interviews", "task"),
]

# -- finance ---------------------------------------------------------------------------

FINANCE = [
    K("Bring DSO down from 62 to 45 days", "change:down", base=f"{62 * D} s",
      target=f"{45 * D} s"),
    K("Cut burn from $600k to $400k per month", "change:down", base="600000 USD",
      target="400000 USD"),
    K("Cut burn to $400k per month by Q4", "nobase:down", target="400000 USD"),
    K("Keep burn under $400k/month", "hold", level="400000 USD", comparator="<"),
    K("Grow gross margin from 62% to 68%", "change:up", base="62 %", target="68 %"),
    K("Improve gross margin by 300 bps", "rel:-", rel="300 bps"),
    K("Improve gross margin by 3pp", "rel:-", rel="3 pp"),
    K("Improve conversion by 2 points", "rel:-", rel="2 pp"),
    K("Gross margin of at least 70%", "hold", level="70 %", comparator=">="),
    K("Close the books within 5 working days every month", "hold"),
    K("Books closed by day 5 every month", "hold"),
    K("Shorten month-end close from 10 days to 5 days", "change:down", base=f"{10 * D} s",
      target=f"{5 * D} s"),
    K("Reduce overdue invoices from €1.2M to €400k", "change:down", base="1200000 EUR",
      target="400000 EUR"),
    K("Grow revenue from €1.2M to €1.8M", "change:up", base="1200000 EUR", target="1800000 EUR"),
    K("Increase revenue from 1.2M EUR to 1.8M EUR", "change:up", base="1200000 EUR",
      target="1800000 EUR"),
    K("Cut travel spend from ¥12M to ¥8M", "change:down", base="12000000 JPY",
      target="8000000 JPY"),
    K("Raise average order value from 42 € to 50 €", "change:up", base="42 EUR", target="50 EUR"),
    K("Increase revenue per employee from €180k to €250k", "change:up", base="180000 EUR",
      target="250000 EUR"),
    K("Increase revenue per employee to €250k", "nobase:up", target="250000 EUR"),
    K("Increase ARPU from $42.50 to $55", "change:up", base="42.5 USD", target="55 USD"),
    K("Reduce cost per lead from US$120 to US$80", "change:down", base="120 USD", target="80 USD"),
    K("Grow ARR from $1.5 million to $3 million", "change:up", base="1500000 USD",
      target="3000000 USD"),
    K("Grow GMV from $1.5bn to $2bn", "change:up", base="1500000000 USD", target="2000000000 USD"),
    K("Cut support costs from 1.2 million euros to 900,000 euros", "change:down",
      base="1200000 EUR", target="900000 EUR"),
    K("Raise MRR from 80 thousand dollars to 120 thousand dollars", "change:up", base="80000 USD",
      target="120000 USD"),
    K("Grow GMV from 1.200.000 € to 1.800.000 €", "change:up", base="1200000 EUR",
      target="1800000 EUR"),
    K("Improve conversion from 2,5% to 3,5%", "change:-", base="2.5 %", target="3.5 %"),
    K("Zero missed payroll runs", "hold", level="0", comparator="<="),
    K("100% on-time payroll every cycle", "hold"),
    K("Payroll processed on time every month", "hold"),
    K("Run payroll on time every month", "hold"),
    K("Stay within budget", "hold"),
    K("Operating costs no more than 5% over plan", "hold", level="5 %", comparator="<="),
    K("Cut costs by a third", "rel:down"),
    K("Reduce invoice error rate from 2.5% to 0.5%", "change:down", base="2.5 %", target="0.5 %"),
    K("Cash runway above 18 months", "hold", comparator=">"),
]

# -- operations ------------------------------------------------------------------------

OPERATIONS = [
    K("Increase on-time delivery from 95% to 99%", "change:up", base="95 %", target="99 %"),
    K("At least 95% on-time delivery", "hold", level="95 %", comparator=">="),
    K("Maintain 95% on-time delivery", "hold", level="95 %"),
    K("Reduce stockouts from 40 to 10 per month", "change:down", base="40", target="10"),
    K("Stock accuracy stays above 98%", "hold", level="98 %", comparator=">"),
    K("Cut order picking errors from 1.5% to 0.5%", "change:down", base="1.5 %", target="0.5 %"),
    K("Zero lost-time injuries", "hold", level="0"),
    K("Reduce false-positive fraud alerts from 1,200 to 600 a week", "change:down", base="1200",
      target="600"),
    K("Achieve zero downtime during the data centre migration", "nobase:-", target="0 downtime"),
    K("Reduce onboarding from 3h 10min to 90 min", "change:down", base=f"{3 * H + 600} s",
      target="5400 s"),
    K("Time-to-value: 14 days ⇒ 7 days", "change:-", base=f"{14 * D} s", target=f"{7 * D} s"),
    K("Reduce CO2 emissions from 1,200 tonnes to 900 tonnes", "change:down", base="1200 tonnes",
      target="900 tonnes"),
    K("Launch in 3 new markets", "task"),
    K("Expand to 3 new countries", "zero:up", target="3 countries"),
]

# -- public sector ---------------------------------------------------------------------

PUBLIC = [
    K("Reduce average A&E waiting time from 6 hours to 4 hours", "change:down", base=f"{6 * H} s",
      target=f"{4 * H} s"),
    K("Cut housing benefit processing time from 28 days to 14 days", "change:down",
      base=f"{28 * D} s", target=f"{14 * D} s"),
    K("Increase the share of services available online from 40% to 75%", "change:up", base="40 %",
      target="75 %"),
    K("Process all FOI requests within 20 working days", "hold"),
    K("Raise the household recycling rate from 45% to 55%", "change:up", base="45 %",
      target="55 %"),
    K("Reduce rough sleeping from 120 to 60 people", "change:down", base="120 people",
      target="60 people"),
    K("Keep council tax collection above 97%", "hold", level="97 %", comparator=">"),
    K("Halve the planning application backlog", "rel:down", rel="0.5 x"),
    K("Reduce the planning backlog from 900 to 450 applications", "change:down",
      base="900 applications", target="450 applications"),
    K("Increase vaccination uptake among over-65s from 72% to 85%", "change:up", base="72 %",
      target="85 %"),
    K("Increase school attendance from 91% to 95%", "change:up", base="91 %", target="95 %"),
    K("Answer 80% of 999 calls within 10 seconds", "hold"),  # a service level
    K("Publish the council's spending data every quarter", "hold"),
]

# -- arrows, stated baselines and product metrics --------------------------------------

FORMS = [
    K("NPS 30 → 50", "change:-", base="30", target="50"),
    K("Activation: 61% → 75%", "change:-", base="61 %", target="75 %"),
    K("Activation 61% -> 75%", "change:-", base="61 %", target="75 %"),
    K("Churn 4% → 2.5% by end of Q3", "change:-", base="4 %", target="2.5 %"),
    K("Grow paid seats 8k→12k", "change:up", base="8000", target="12000"),
    K("Activation 61% => 75%", "change:-", base="61 %", target="75 %"),
    K("Increase activation to 75% (baseline 61%)", "change:up", base="61 %", target="75 %"),
    K("Increase activation to 75% (currently 61%)", "change:up", base="61 %", target="75 %"),
    K("Raise NPS to 50 (baseline: 32)", "change:up", base="32", target="50"),
    K("Reduce churn to 2.5%, from 4% today", "change:down", base="4 %", target="2.5 %"),
    K("Increase trial conversion to 12% (was 8%)", "change:up", base="8 %", target="12 %"),
    K("Increase activation from 61% to 75%, measured weekly", "change:up", base="61 %",
      target="75 %"),
    K("Increase weekly active users from 1.2k to 2k", "change:up", base="1200", target="2000"),
    K("Improve DAU/MAU from 0.25 to 0.4", "change:-", base="0.25", target="0.4"),
    K("Increase DAU/MAU ratio to 0.4", "nobase:up", target="0.4"),
    K("Increase MAU from 40,000 to 55,000 by 30 September 2026", "change:up", base="40000",
      target="55000", extra={"deadline": True}),
    K("Improve checkout conversion from 2.4% to 3.1% in Q3 2026", "change:-", base="2.4 %",
      target="3.1 %"),
    K("Increase self-serve share of revenue from 20% to 35% by 30 Sep 2026", "change:up",
      base="20 %", target="35 %"),
    K("Increase trial-to-paid conversion from 8% to 12%", "change:up", base="8 %", target="12 %"),
    K("Increase NPS from 30 to 50 and CSAT from 80% to 90%", "change:up", base="30", target="50"),
    K("Increase NPS to 60", "nobase:up", target="60"),
    K("Reach 40% activation", "nobase:-", target="40 %"),
    K("40% activation", "hold"),  # a bare level, no verb to move it (RULES.md)
    K("Get NPS above 50", "nobase:-", target="50", bound=">"),
    K("Land at 45 NPS", "nobase:-", target="45 nps"),
    K("Reduce churn below 3%", "nobase:down", target="3 %", bound="<"),
    K("Churn below 3% by end of Q3", "nobase:-", target="3 %", bound="<"),
    K("Reduce P1 incidents to zero", "nobase:down", target="0"),
    K("Grow weekly active teams from 1,200 to 2,000", "change:up", base="1200", target="2000"),
    K("Increase revenue from $1M to $1.5M in the next 90 days", "change:up", base="1000000 USD",
      target="1500000 USD"),
    K("Reduce churn from 4% to 3% and keep it there", "change:down", base="4 %", target="3 %"),
    K("Reduce churn from 4% to 3% (keep NPS ≥ 40)", "change:down", guards=1, level="40",
      comparator=">="),
    K("Raise the share of new users activated within 7 days from 30% to 50%", "change:up",
      base="30 %", target="50 %"),
    K("Increase day-30 retention of new users from 20% to 28%", "change:up", base="20 %",
      target="28 %"),
    K("Grow the number of new sign-ups per week from 200 to 350", "change:up", base="200",
      target="350"),
    K("Increase NPS from 30 to 50 every quarter", "change:up", base="30", target="50"),
    K("Grow stable revenue from $1M to $2M", "change:up", base="1000000 USD",
      target="2000000 USD"),
    K("Reduce stale tickets (older than 30 days) from 400 to 50", "change:down", base="400",
      target="50"),
    K("Increase deploy frequency from weekly to daily", "change:up"),
]

# -- relative changes ------------------------------------------------------------------

RELATIVE = [
    K("Double activation", "rel:up", rel="2 x"),
    K("Halve time to first value", "rel:down", rel="0.5 x"),
    K("Reduce churn by half", "rel:down", rel="0.5 x"),
    K("Grow revenue 20% YoY", "rel:up", rel="20 %"),
    K("Increase NPS by 10", "rel:up", rel="10"),
    K("NPS +10 points", "rel:up", rel="10 pp"),
    K("10% reduction in churn", "rel:down", rel="10 %"),
    K("Triple the number of paying teams", "rel:up", rel="3 x"),
    K("Double the number of blog posts we publish", "output:up", rel="2 x"),
    K("Reduce onboarding time by 2 days", "rel:down", rel=f"{2 * D} s"),
    K("Grow revenue and margin by 10%", "rel:up", rel="10 %"),
    K("Increase revenue 20%", "rel:up", rel="20 %"),
]

# -- holds without "maintain" and duties ------------------------------------------------

HOLDS = [
    K("Uptime stays at or above 99.9% all quarter", "hold", level="99.9 %", comparator=">="),
    K("Churn never exceeds 3%", "hold", level="3 %"),
    K("Churn not to exceed 3%", "hold", level="3 %"),
    K("No more than 5 P1 incidents per month", "hold", level="5 incidents", comparator="<="),
    K("No more than 2 P1 incidents per quarter", "hold", level="2 incidents", comparator="<="),
    K("Fewer than 3 Sev-1 incidents per quarter", "hold", level="3 incidents", comparator="<"),
    K("Less than 1% payment failures", "hold", level="1 %", comparator="<"),
    K("Below 4% churn", "hold", level="4 %", comparator="<"),
    K("Churn below 3%", "hold", level="3 %", comparator="<"),
    K("Churn at or below 2%", "hold", level="2 %", comparator="<="),
    K("NPS of 40 or higher", "hold", level="40", comparator=">="),
    K("SLA compliance above 98%", "hold", level="98 %", comparator=">"),
    K("Availability of 99.9% or higher every month", "hold"),
    K("Churn under 2% each month", "hold"),
    K("No P1 incidents", "hold", level="0"),
    K("Zero data breaches", "hold", level="0"),
    K("Avoid any P1 incidents", "hold"),
    K("Don't let churn rise above 3%", "hold", level="3 %"),
    K("Never let uptime drop below 99.9%", "hold", level="99.9 %"),
    K("Ensure 100% of payroll runs are on time", "hold"),
    K("Ensure every customer succeeds in their first 30 days", "hold"),
    K("All invoices sent within 2 days of month end", "hold"),
    K("Release notes go out every Friday", "hold"),
    K("Send the investor update monthly", "hold"),
    K("Hit 99.9% uptime every month", "hold"),
    K("Monthly churn stays flat", "hold"),
    K("Churn flat at 3%", "hold"),
    K("Keep the lights on", "hold"),
    K("Keep customers happy", "hold"),
    K("Stay compliant with SOC 2", "hold"),
    K("Maintain ISO 27001 certification", "hold"),
    K("Maintain a healthy sales pipeline", "hold"),
    K("Hold churn at 3%", "hold", level="3 %"),
    K("Preserve NPS at 45", "hold", level="45"),
    K("Protect our 70% gross margin", "hold", level="70 %"),
    K("Continue to grow revenue 10% month over month", "hold"),
    K("Sustain 20% month-over-month growth", "hold"),
    K("Keep gross margin at or above 70% throughout the year", "hold", level="70 %",
      comparator=">="),
    K("Revenue per head remains at £120k", "hold", level="120000 GBP"),
    K("Weekly business review happens every Monday", "hold"),
    K("Every release passes the security review", "hold"),
]

# -- tasks, outputs and unmeasured wishes ------------------------------------------------

TASKS = [
    K("Launch the new pricing page", "task"),
    K("Run 5 workshops", "task"),
    K("Hold 4 customer workshops", "task"),
    K("Redesign the onboarding flow", "task"),
    K("Implement SSO for enterprise customers", "task"),
    K("Roll out the new CRM to all sales reps", "task"),
    K("Add 5 new integrations", "task"),
    K("Write the 2027 product strategy", "task"),
    K("Set up a customer advisory board", "task"),
    K("Interview 20 customers", "task"),
    K("Ship the mobile app", "task"),
    K("Improve the onboarding experience", "unmeasured"),
    K("Make customers happier", "unmeasured"),
    K("Reduce churn", "unmeasured"),
    K("Become the go-to tool for product teams", "unmeasured"),
    K("Delight our enterprise customers", "unmeasured"),
    K("World-class onboarding", "unmeasured"),
]

# -- near misses both ways: bets that sound like health, holds that sound like bets -------

NEAR_MISSES = [
    K("Keep churn stable at 3% while we grow MRR from $80k to $120k", "change:up",
      base="80000 USD", target="120000 USD", guards=1, level="3 %"),
    K("Grow WAU 12k → 18k while holding churn under 2%", "change:up", base="12000", target="18000",
      guards=1, level="2 %", comparator="<"),
    K("Increase conversion from 2% to 3% and keep refunds below 1%", "change:up", guards=1),
    K("Improve NPS from 32 to 45 while keeping CSAT stable", "change:-", guards=1),
    K("Reduce cost per acquisition from $120 to $90 while keeping lead volume above 500 a month",
      "change:down", guards=1, level="500"),
    K("Keep improving activation: from 61% to 75%", "change:-", base="61 %", target="75 %"),
    K("Increase activation from 61% to 75% every cohort", "change:up"),
    K("Fewer than 2 P1 incidents per quarter, down from 8", "change:-", base="8 incidents",
      target="2 incidents", bound="<"),
    K("Churn below 3% (currently 4.5%)", "change:-", base="4.5 %", target="3 %", bound="<"),
    K("Increase gross margin above 70% (currently 64%)", "change:up", base="64 %", target="70 %",
      bound=">"),
    K("Increase gross margin above 70%", "nobase:up", target="70 %", bound=">"),
    K("Gross margin above 70% by end of year", "nobase:-", target="70 %"),
    K("Gross margin above 70% every quarter", "hold"),
    K("Increase the share of customers onboarded within 14 days from 55% to 90%", "change:up",
      base="55 %", target="90 %"),
    K("90% of customers onboarded within 14 days by end of Q3", "nobase:-", target="90 %"),
    K("90% of customers onboarded within 14 days every month", "hold"),
    K("Every new customer is onboarded within 14 days", "hold", comparator="<="),
    K("Onboard every new customer within 14 days", "hold"),
    K("No customer waits more than 14 days for onboarding", "hold"),
    K("Cut the number of customers waiting more than 14 days for onboarding from 60 to 10",
      "change:down", base="60", target="10"),
    K("Get 40% of new users to complete setup within 24 hours", "nobase:-", target="40 %"),
    K("Deliver 95% of orders within 48 hours", "nobase:-", target="95 %"),
    K("Convert 20% of trials to paid", "nobase:-", target="20 %"),
    K("Turn 20% of free users into paying customers", "nobase:-", target="20 %"),
    K("Ensure 95% of invoices are paid within 30 days", "hold"),
    K("Process 100% of refunds within 5 days", "hold"),
    K("Answer calls within 20 seconds", "hold", level="20 s", comparator="<="),
    K("Answer at least 80% of calls within 20 seconds", "hold"),
    K("At least 80% of calls answered within 20 seconds every week", "hold"),
    K("Raise the share of calls answered within 20 seconds from 60% to 80%", "change:up",
      base="60 %", target="80 %"),
    K("Answer 80% of calls within 20 seconds (currently 62%)", "change:-", base="62 %",
      target="80 %"),
    K("Get the share of calls answered within 20 seconds to 80%", "nobase:-", target="80 %"),
    K("Fix every critical bug within 48 hours", "hold"),
    K("Fix all critical bugs", "task"),
    K("Critical bugs: 12 → 0", "change:-", base="12", target="0"),
    K("Critical bugs: none", "hold", level="0", comparator="<=", metric="critical bugs"),
    K("P1 incidents: zero", "hold", level="0"),
    K("Maintain zero critical bugs in production", "hold", level="0"),
    K("Zero unplanned downtime", "hold", level="0"),
    K("Zero unplanned downtime all quarter", "hold"),
    K("Zero unplanned downtime by end of Q3", "nobase:-", target="0"),
    K("Cut unplanned downtime from 6 hours to zero", "change:down", base=f"{6 * H} s",
      target="0 s"),
    K("Pipeline coverage of at least 3x", "hold", level="3 x", comparator=">="),
    K("Grow pipeline coverage from 2x to 3x", "change:up", base="2 x", target="3 x"),
    K("Pipeline coverage of 3x by end of Q2", "nobase:-", target="3 x"),
    K("Keep the error budget burn below 1x", "hold", level="1 x", comparator="<"),
    K("Keep NPS stable", "hold", metric="nps"),
    K("Stay above 40 NPS", "hold", comparator=">"),
    K("Continue to deliver 99.9% uptime", "hold", level="99.9 %"),
    K("Remain cash-flow positive every month", "hold"),
    K("Release every sprint", "hold"),
    K("Deploy to production daily", "hold"),
    K("Hold weekly office hours", "hold"),
    K("Collect every bin on schedule", "hold"),
    K("Pay all suppliers on time", "hold"),
    K("Launch the partner portal on time", "task"),
    K("Maintain a 4.5 star rating", "hold", level="4.5 rating"),
    K("Keep meetings under 10 hours a week", "hold", comparator="<"),
    K("Spend no more than 10 hours a week in meetings", "hold", comparator="<="),
    K("Reduce time in meetings from 12 hours to 6 hours a week", "change:down", base=f"{12 * H} s",
      target=f"{6 * H} s"),
    K("Reduce on-call pages from 40 to 10 a month", "change:down", base="40", target="10"),
    K("Shrink median time-to-merge from 2 days to 4 hours", "change:down", base=f"{2 * D} s",
      target=f"{4 * H} s"),
    K("Extend runway from 12 to 24 months", "change:up", base=f"{12 * 2_629_800} s",
      target=f"{24 * 2_629_800} s"),
    K("Maintain at least 18 months of runway", "hold", comparator=">="),
    K("Increase deploy frequency from monthly to weekly", "change:up", base="12 times a year",
      target="52 times a year"),
    K("Move from quarterly to monthly releases", "change:-", base="4 times a year",
      target="12 times a year"),
    K("Raise Net Promoter Score from +12 to +30", "change:up", base="12", target="30"),
    K("Improve EBITDA margin from -5% to +2%", "change:-", base="-5 %", target="2 %"),
    K("Reduce churn 4%-2.5%", "change:down", base="4 %", target="2.5 %"),
    K("Reduce churn 4% to 2.5%", "change:down", base="4 %", target="2.5 %"),
    K("Reduce COVID-19 related absence from 6% to 3%", "change:down", base="6 %", target="3 %"),
    K("Keep top 10 customer accounts above 90% health score", "hold", level="90 %"),
    K("Win 10 new customers in the FTSE 100", "zero:-", target="10 customers"),
    K("Sign 5 new Fortune 500 customers", "zero:-", target="5 customers"),
    K("Launch v2.0 of the mobile app", "task"),
    K("Run 6 webinars with 100+ attendees each", "task"),
    K("Register 300 attendees for the summit", "zero:-", target="300 attendees"),
    K("Get 50 customer reviews on G2", "zero:-", target="50 reviews"),
    K("Publish 2 posts per week", "hold"),  # own work at a rate: a duty (RULES.md)
    K("Obtain ISO 27001 certification", "task"),
    K("Achieve SOC 2 Type II", "task"),
    K("Increase gross margin from 62 to 68%", "change:up", base="62 %", target="68 %"),
    K("Grow MRR 8% month-over-month", "rel:up", rel="8 %"),
    K("Reduce P1s by 50%", "rel:down", rel="50 %"),
    K("Increase webinar attendance by 3x", "rel:up", rel="3 x"),
    K("Grow from 3 to 10 enterprise customers", "change:up", base="3 customers",
      target="10 customers"),
    K("Be the best place to work", "unmeasured"),
    K("Grow MRR while keeping churn below 3%", "unmeasured"),
    K("Migrate billing to Stripe without letting failed payments rise above 1%", "task"),
    K("Keep morale high", "hold"),
    # phrasings seen on real boards
    K("Increase day-7 retention from 20% to 30%", "change:up", base="20 %", target="30 %",
      metric="day-7 retention"),
    K("Increase D30 retention from 12% to 18%", "change:up", metric="d30 retention"),
    K("Grow 7-day active users from 5,000 to 8,000", "change:up", base="5000",
      target="8000", metric="7-day active users"),
    K("Raise revenue from USD1.2M to USD1.8M", "change:up", base="1200000 USD",
      target="1800000 USD"),
    K("Increase NPS (0-10 scale) from 7.1 to 8.0", "change:up", base="7.1", target="8",
      metric="nps"),
    K("Get 5 customers live on v2", "zero:-", target="5 customers"),
    K("Offer 24-hour support", "task"),
    K("Keep LCP under 2.5s on 75% of page loads", "hold", level="2.5 s", comparator="<"),
    K("Cut bugs per 1,000 lines of code from 4 to 2", "change:down", base="4", target="2"),
    K("Reduce cost per 1k requests from $0.40 to $0.25", "change:down", base="0.4 USD",
      target="0.25 USD"),
    K("Go from 3 to 10 enterprise customers", "change:-", base="3 customers",
      target="10 customers"),
    K("Grow enterprise customers 3 → 10", "change:up", base="3", target="10"),
    K("Increase revenue from new customers from $200k to $400k", "change:up",
      base="200000 USD", target="400000 USD"),
    K("Reduce the share of customers churning within 90 days from 12% to 6%", "change:down",
      base="12 %", target="6 %"),
    K("Launch the referral programme and grow referrals from 50 to 200 a month", "change:up",
      base="50", target="200"),
    K("Reduce response time to under 1h for 90% of tickets", "nobase:down", target="3600 s",
      bound="<"),
    K("Drive 30% of revenue through partners", "nobase:-", target="30 %"),
    K("Increase the number of features shipped per sprint from 3 to 5", "output:up"),
    K("Close the books in 5 days instead of 10", "change:-", base=f"{10 * D} s",
      target=f"{5 * D} s"),
    K("Close the books in 5 days", "nobase:-", target=f"{5 * D} s"),
    K("Run monthly all-hands meetings", "hold"),
    K("Send a weekly product update to all customers", "hold"),
    K("Publish a monthly newsletter", "hold"),
    K("Introduce quarterly planning", "task"),
    K("Set up weekly 1:1s with every report", "task"),
    K("Conduct 20 customer discovery calls", "task"),
    K("Train 100% of managers on the new feedback framework", "task"),
    K("Implement a new CRM system by Q2", "task"),
    K("Ensure 99.99% uptime for all critical services", "hold", level="99.99 %"),
    K("Maintain a customer retention rate of 90%", "hold", level="90 %"),
    K("Respond to 100% of reviews within 48 hours", "hold"),
    K("Keep the support queue empty", "hold"),
    K("Increase the percentage of deals with a mutual action plan from 20% to 60%", "change:up"),
    K("Keep weekly active users above 10,000 while we migrate to the new platform", "hold"),
    K("Migrate 100% of customers to the new billing system without increasing churn above 2%",
      "task"),
    K("Maintain NPS above 50 and grow ARR from $2M to $3M", "change:up", guards=1),
    K("Hire 4 engineers and keep attrition below 10%", "hold"),
    K("Sustain a 95% renewal rate", "hold"),
    K("Renewal rate stays at 95% or above", "hold"),
    K("Improve renewal rate from 88% to 95%", "change:-"),
    K("Renewal rate of 95%", "hold"),  # a bare level with a noun subject (RULES.md)
    K("Get renewal rate to 95%", "nobase:-"),
    K("Protect gross margin at 70% while cutting prices by 10%", "rel:down", guards=1),
    K("Keep infrastructure costs flat while doubling traffic", "rel:up", guards=1),
    K("Hold headcount at 120", "hold"),
    K("Headcount: 120 → 150", "output:-"),
    K("Bring headcount to 150", "output:-"),
    K("Limit cloud spend to $50k a month", "hold"),
    K("Cap overtime at 5% of hours", "hold"),
    K("Ensure no more than 2% of orders are late", "hold"),
    K("Reduce late orders to no more than 2%", "nobase:down"),
    K("Late orders no more than 2% by end of Q3", "nobase:-"),
    K("Late orders: no more than 2%", "hold"),
    K("We will reduce time-to-first-value from 14 days to 3 days", "change:down"),
    K("Our churn will drop from 4% to 2%", "change:down"),
    K("Churn drops from 4% to 2%", "change:down"),
    K("Churn reduced from 4% to 2%", "change:down"),
    K("Churn goes down to 2%", "nobase:-"),
    # a bare level with a noun subject and no verb is held (RULES.md, "Reading real text")
    K("Customer churn at 2%", "hold"),
    K("Average resolution time under 24h", "hold"),
    K("Average resolution time down to under 24h from 36h", "change:-"),
    K("1,000 new trials per month", "nobase:-"),
    K("Ship feature flags to 100% of customers", "task"),
    K("Roll out SSO to 50 enterprise customers", "task"),
    K("Increase self-serve signups to 1,000 a week (currently 600)", "change:up"),
    K("Grow the number of active API keys from 400 to 1,000", "change:up"),
    K("Make 80% of deployments zero-downtime", "nobase:-"),
    K("Cut deployment time in half", "rel:down"),
    K("Halve deployment time", "rel:down"),
    K("Double down on enterprise", "unmeasured"),
    K("Decrease cart abandonment from 70% to 60%", "change:down"),
    K("Improve the activation rate for new sign-ups by 10 percentage points", "rel:-"),
    K("Improve activation by 10pp to 45%", "nobase:-"),
    K("Increase MQL to SQL conversion from 12% to 20%", "change:up"),
    K("Increase MQL→SQL conversion from 12% to 20%", "change:up"),
    K("Increase B2B revenue from $1M to $2M", "change:up"),
    K("Grow ARR in EMEA from €3M to €5M", "change:up"),
    K("Increase revenue from top 20 accounts by 15%", "rel:up"),
    K("Reduce employee turnover in year 1 from 30% to 20%", "change:down"),
    K("Reduce first-year attrition from 30% to 20%", "change:down"),
    K("Keep first-year attrition under 20%", "hold"),
    K("Reach 99.95% uptime in Q3", "nobase:-"),
    K("Achieve 99.9% uptime", "nobase:-"),
    K("Deliver 99.9% uptime every month", "hold"),
    K("Provide 24/7 support", "hold"),
    K("Offer 24/7 support in 3 languages", "hold"),
    K("Answer every support request 24/7", "hold"),
    K("Reduce the median age of open tickets from 9 days to 3 days", "change:down"),
    K("Improve Apdex from 0.82 to 0.9", "change:-"),
    K("Achieve an Apdex of 0.9", "nobase:-"),
    K("Maintain an Apdex of at least 0.9", "hold"),
]

# fmt: on

ALL_ROWS = (
    SEEDS
    + ENGINEERING
    + SALES
    + SUPPORT
    + MARKETING
    + PEOPLE
    + FINANCE
    + OPERATIONS
    + PUBLIC
    + FORMS
    + RELATIVE
    + HOLDS
    + TASKS
    + NEAR_MISSES
)


@pytest.mark.parametrize("row", ALL_ROWS)
def test_reads_key_result(row: Row) -> None:
    check_row(read_key_result(row.text), row, no_change_ok=True)


def test_there_are_many_rows() -> None:
    assert len(ALL_ROWS) >= 150
    texts = [p.values[0].text for p in ALL_ROWS]
    assert len(texts) == len(set(texts)), "duplicate rows"


# -- structured numbers: from/to fields beside the title ---------------------------------

EN = lexicon("en")


@pytest.mark.parametrize(
    ("title", "base", "goal", "unit", "kind", "expected_base", "expected_target"),
    [
        ("Activation", 61, 75, "%", "change", "61 %", "75 %"),
        ("Increase activation", "61%", "75%", None, "change", "61 %", "75 %"),
        ("Reduce refund time", 10, "5 days", None, "change", f"{10 * D} s", f"{5 * D} s"),
        ("Refund time", "10 days", 5, "days", "change", f"{10 * D} s", f"{5 * D} s"),
        ("Revenue", "€0.6M", "€1.2M", None, "change", "600000 EUR", "1200000 EUR"),
        ("Revenue", 0.6, 1.2, None, "change", "0.6", "1.2"),
        ("Revenue", 600, "1.2k", "EUR", "change", "600 EUR", "1200 EUR"),
        ("Donors", 120, 200, "donors", "change", "120 donors", "200 donors"),
        ("Increase NPS", None, 50, None, "nobase", None, "50"),
        ("Improve the onboarding experience", None, 60, "%", "nobase", None, "60 %"),
        ("Improve the onboarding experience", 40, None, "%", "unmeasured", "40 %", None),
        ("Maintain uptime", 99.9, 99.99, "%", "change", "99.9 %", "99.99 %"),
        ("Keep churn below 3%", 4, 3, "%", "change", "4 %", "3 %"),
        ("Keep churn below 3%", 3, 3, "%", "hold", "3 %", "3 %"),
        ("Reduce churn from 4% to 3%", None, 2.5, "%", "change", "4 %", "2.5 %"),
        ("Reduce churn from 4% to 3%", 5, None, "%", "change", "5 %", "3 %"),
        ("Move NPS from 45 to 45", None, None, None, "change", "45", "45"),
        ("Launch the new pricing page", None, 1, None, "output", None, "1"),
        ("Raise demo calls", 20, 40, None, "output", "20", "40"),
        (
            "Sign new enterprise customers",
            0,
            10,
            "customers",
            "change",
            "0 customers",
            "10 customers",
        ),
    ],
)
def test_structured_numbers(
    title: str,
    base: float | str | None,
    goal: float | str | None,
    unit: str | None,
    kind: str,
    expected_base: str | None,
    expected_target: str | None,
) -> None:
    before = parse_amount(base, unit, EN) if base is not None else None
    after = parse_amount(goal, unit, EN) if goal is not None else None
    m = read_key_result(title).with_numbers(before, after)
    assert m.intent is INTENTS[kind]
    if kind == "output":
        assert m.output
    if kind == "hold":
        assert m.holds
    assert not m.from_zero or m.baseline is None
    if expected_base is None:
        assert m.baseline is None
    else:
        assert_amount(m.baseline, expected_base, "baseline")
    if expected_target is None:
        assert m.target is None
    else:
        assert_amount(m.target, expected_target, "target")


def test_structured_numbers_that_move_drop_the_titles_holds() -> None:
    m = read_key_result("Keep churn below 3%")
    assert m.intent is Intent.HOLD and m.holds
    moved = m.with_numbers(parse_amount(4, "%", EN), parse_amount(3, "%", EN))
    assert moved.intent is Intent.CHANGE
    assert moved.holds == () and moved.guard_rails == ()
    assert text_verdict(moved) is None


def test_structured_numbers_keep_a_bets_guard_rails() -> None:
    m = read_key_result("Grow MRR while keeping churn below 3%")
    moved = m.with_numbers(parse_amount("$80k", None, EN), parse_amount("$120k", None, EN))
    assert moved.intent is Intent.CHANGE
    assert [h.describe() for h in moved.guard_rails] == ["below 3%"]


# -- what the reading says about itself ---------------------------------------------------


def test_evidence_quantities_and_hold_words() -> None:
    m = read_key_result("Increase average deal size from £20k to £35k.")
    assert m.evidence == "from £20k to £35k"
    assert (str(m.baseline), str(m.target)) == ("£20k", "£35k")
    assert m.metric == "average deal size"
    assert m.verb == "increase"
    hold = read_key_result("Keep gross churn below 4 percent").holds[0]
    assert (hold.threshold(), hold.unit_text(), hold.describe()) == ("< 4", "%", "below 4 percent")
    assert hold.text == "Keep gross churn below 4 percent"


@pytest.mark.parametrize(
    ("text", "threshold", "unit", "words"),
    [
        ("Maintain 99.9% uptime", ">= 99.9", "%", "at 99.9%"),
        ("Maintain churn at 3%", "<= 3", "%", "at 3%"),
        ("Zero missed payroll runs", "<= 0", "", "zero"),
        ("Keep p95 latency under 300ms", "< 300 ms", "seconds", "below 300ms"),
        ("Keep burn under $400k/month", "< $400k", "USD", "below $400k/month"),
        ("At least 95% on-time delivery", ">= 95", "%", "at least 95%"),
        ("Keep NPS between 40 and 60", "40..60", "", "between 40 and 60"),
        ("Release notes go out every Friday", "", "", "every Friday"),
        ("Keep customers happy", "", "", ""),
    ],
)
def test_hold_thresholds(text: str, threshold: str, unit: str, words: str) -> None:
    m = read_key_result(text)
    assert m.intent is Intent.HOLD
    hold = m.holds[0]
    assert hold.threshold() == threshold
    assert hold.unit_text() == unit
    assert hold.describe() == words


def test_deadline_is_noticed() -> None:
    assert read_key_result("Reach 40% activation by 30 September").deadline
    assert read_key_result("Churn below 3% by end of Q3").deadline
    assert not read_key_result("Reach 40% activation").deadline


def test_empty_and_symbol_only_text_is_unmeasured() -> None:
    for text in ("", "   ", "—", "?!", "()"):
        m = read_key_result(text)
        assert m.intent is Intent.UNMEASURED
        assert text_verdict(m) == "not-measurable"
