"""R13 A new application: by the worker (to the payment body) and by the employer (the wage).

Source (union FAQ, CSC, https://www.lacsc.be/vos-droits/chomage/chomage-temporaire):

    « J'ai reçu une indemnité de chômage temporaire. Dois-je refaire une demande chaque mois?
      Non, une seule demande couvre toute la période de chômage temporaire. Il n'est donc pas
      nécessaire de refaire une demande. C'est seulement nécessaire lorsque vous changez
      d'employeur ou de régime de travail (par exemple d'un temps plein à un temps partiel). »

    « Mon employeur a rempli les documents de chômage temporaire. Dois-je faire quelque chose? […]
      le travailleur doit en faire lui-même la demande. […] Exception: si, dans les trois
      dernières années, vous avez déjà été mis en chômage temporaire par votre employeur actuel
      alors que vous étiez membre de la CSC, vous ne devez rien faire. »

and the employer's declaration establishing the right, with the wage (DRS scenario 2; instructions
for the declarations of social risks, ONEM scenario 2, « Quand ? »,
https://www.socialsecurity.be/employer/instructions/drs/fr/2021-3/instructions/onemrva/scenario_02/when.html):

    « lors du premier chômage temporaire […] du travailleur dans votre entreprise ; lors du premier
      chômage temporaire […] après une période d'au moins 36 mois pendant laquelle le chômeur n'a
      pas été en chômage temporaire ; lors du premier jour de chômage […] qui suit un changement de
      la durée de travail contractuelle »

(ONEM T66: the allowance's amount stays the same with the same employer and is revised at a new
temporary unemployment after 36 months without one.) The three years and the 36 months are facts
(``parameters/facts/application.toml``).

Readings (docs/decisions.md): the history is the worker's with **this** employer, so no earlier
temporary unemployment known (``History.last_unemployment`` not given) stands for a first one
with this employer, a change of employer, or a history that leaves it out: the notice says so.
« Dans les trois dernières années » and « au moins 36 mois » meet on one day: with the last day
of temporary unemployment L, the first day of the month's temporary unemployment D needs a new
application and a new declaration when D is on or after ``months_after(L + 1 day, 36)`` (L on
15 March 2023: from 16 March 2026). A change of work regime (one of the four regimes to another)
needs both; a change of the weekly hours (Q) is a change of the contractual working time, for
the declaration only; the worker's move to another payment body needs a new application only
(the CSC's exception holds « alors que vous étiez membre »). The DRS instructions' other cases
(the first temporary unemployment after 30 September, every claim for medical force majeure, the
dismissal of a protected worker) are left out.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from ..core.calendar import ONE_DAY, months_after
from ..core.sources import LegalSource, pages
from ..core.vocabulary import WorkRegime
from ..explain.step import Notice, Phrase, Step
from ..parameters.facts import Facts

__all__ = [
    "DRS_SCENARIO",
    "FACTS",
    "NOTICES",
    "PARAMETERS",
    "RULE",
    "SOURCES",
    "STEPS",
    "Decision",
    "Earlier",
    "decide",
    "notices",
    "steps",
]

RULE = "R13"

STEPS: tuple[str, ...] = ("application.worker", "application.wage_declaration")
NOTICES: tuple[str, ...] = ("application.worker", "application.wage_declaration")

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC, Chômage temporaire (FAQ): Dois-je refaire une demande chaque mois? "
        "Mon employeur a rempli les documents…",
        "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire",
    ),
)
EMPLOYER_SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "Sécurité sociale, instructions DRS, ONEM scénario 2: Quand?",
        "https://www.socialsecurity.be/employer/instructions/drs/fr/2021-3/instructions/onemrva/scenario_02/when.html",
    ),
    LegalSource(
        "ONEM T66, À combien s'élève votre allocation en cas de chômage temporaire ?",
        "https://www.onem.be/citoyens/chomage-temporaire/a-combien-s-eleve-votre-allocation-en-cas-de-chomage-temporaire-",
    ),
)

PARAMETERS: tuple[str, ...] = ()
FACTS: tuple[str, ...] = (
    "application.same_employer_years",
    "application.wage_declaration_after_months",
)

DRS_SCENARIO = 2
"""The employer's declaration establishing the right to temporary-unemployment allowances, with
the wage (« déclaration constat du droit »), is scenario 2 of the DRS."""


class Earlier(NamedTuple):
    """The last day of temporary unemployment with this employer before the month, and the
    worker's regime and weekly hours (hundredths of an hour) then."""

    day: date
    regime: WorkRegime
    weekly_hours: int


class Decision(NamedTuple):
    """What the month needs: the reasons (phrases) for a new application by the worker and for a
    new wage declaration by the employer; none of either when it is not needed."""

    first_day: date | None
    """The month's first day of temporary unemployment (None: there is none)."""
    worker: tuple[Phrase, ...] = ()
    employer: tuple[Phrase, ...] = ()
    worker_due: date | None = None
    """The first day from which the earlier temporary unemployment no longer spares the worker a
    new application (three years after it)."""
    employer_due: date | None = None
    """The first day after 36 months without temporary unemployment (a new declaration)."""


def decide(
    first_day: date | None,
    earlier: Earlier | None,
    *,
    regime: WorkRegime,
    weekly_hours: int,
    payment_body_changed: bool,
    facts: Facts,
) -> Decision:
    """Whether the month's temporary unemployment (from ``first_day``) needs a new application
    by the worker and a new wage declaration by the employer, and why."""
    if first_day is None:
        return Decision(None)
    years = facts.count("application.same_employer_years", first_day)
    months = facts.count("application.wage_declaration_after_months", first_day)
    if earlier is None:
        return Decision(
            first_day,
            (("application.why.none_known", {"years": years}),),
            (("application.why.none_known.employer", {"months": months}),),
        )
    lapsed = months_after(earlier.day + ONE_DAY, 12 * years)
    gap_ends = months_after(earlier.day + ONE_DAY, months)
    worker: list[Phrase] = []
    employer: list[Phrase] = []
    if first_day >= lapsed:
        worker.append(("application.why.lapsed", {"last": earlier.day, "years": years}))
    if first_day >= gap_ends:
        employer.append(("application.why.gap", {"last": earlier.day, "months": months}))
    if regime is not earlier.regime:
        change = ("application.why.regime", {"before": earlier.regime.value, "now": regime.value})
        worker.append(change)
        employer.append(change)
    if weekly_hours != earlier.weekly_hours:
        hours = {"before": earlier.weekly_hours, "now": weekly_hours}
        employer.append(("application.why.hours", hours))
    if payment_body_changed:
        worker.append(("application.why.payment_body", {}))
    return Decision(first_day, tuple(worker), tuple(employer), lapsed, gap_ends)


def steps(
    d: Decision, earlier: Earlier | None, *, regime: WorkRegime, weekly_hours: int, facts: Facts
) -> tuple[Step, ...]:
    """``application.worker`` and ``application.wage_declaration``: needed and why, covered by
    the earlier temporary unemployment (with the dates compared), or no day to check."""
    if d.first_day is None:
        return (
            Step("application.worker", RULE, False, "application.worker.no_days", {}, (), SOURCES),
            Step(
                "application.wage_declaration",
                RULE,
                False,
                "application.wage_declaration.no_days",
                {"scenario": DRS_SCENARIO},
                (),
                EMPLOYER_SOURCES,
            ),
        )
    same: dict[str, Any] = {"first": d.first_day, "regime": regime.value}
    if earlier is not None:
        same |= {
            "last": earlier.day,
            "hours": weekly_hours,
            "years": facts.count("application.same_employer_years", d.first_day),
            "months": facts.count("application.wage_declaration_after_months", d.first_day),
        }
    return (
        _step("application.worker", d.worker, same | {"due": d.worker_due}, SOURCES, "covered"),
        _step(
            "application.wage_declaration",
            d.employer,
            same | {"due": d.employer_due},
            EMPLOYER_SOURCES,
            "not_needed",
        ),
    )


def _step(
    step_id: str,
    why: tuple[Phrase, ...],
    same: dict[str, Any],
    sources: tuple[LegalSource, ...],
    otherwise: str,
) -> Step:
    values = {**same, "scenario": DRS_SCENARIO}
    if why:
        values["why"] = why
        return Step(step_id, RULE, True, f"{step_id}.needed", values, (), sources)
    return Step(step_id, RULE, False, f"{step_id}.{otherwise}", values, (), sources)


def notices(d: Decision, facts: Facts) -> tuple[Notice, ...]:
    """``application.worker`` and ``application.wage_declaration`` where each is needed."""
    if d.first_day is None:
        return ()
    out = []
    if d.worker:
        sources = pages(SOURCES, facts.version(FACTS[0], d.first_day).sources)
        values = {"first": d.first_day, "why": d.worker}
        out.append(Notice("application.worker", values, RULE, sources))
    if d.employer:
        sources = pages(facts.version(FACTS[1], d.first_day).sources)
        values = {"first": d.first_day, "why": d.employer, "scenario": DRS_SCENARIO}
        out.append(Notice("application.wage_declaration", values, RULE, sources))
    return tuple(out)
