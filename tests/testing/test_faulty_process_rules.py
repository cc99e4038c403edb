"""The invariant pack catches a process rule that changes an amount or the status (issue 10).

The process rules (R10-R14, R8's timing) only explain: "the engine reports; the payment body
decides". Each fault below is what a back end that *enforced* one of them would compute: the
engine's adapter (``case.engine.adapt``, which turns the case into the kernel's inputs) is
monkeypatched to consult a process rule and change what is paid. The pack runs over ``cases()``
with a fixed seed and no example database, as ``test_faulty_figures.py`` does, and
``the_process_rules_never_change_the_amounts`` must name the fault; without it the same run
passes.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings

from chomage_rules import compute_month
from chomage_rules.case import engine, process
from chomage_rules.case.models import Employer, History, Month, ReasonLimitCounters, Worker
from chomage_rules.core.vocabulary import Occupation, Reason
from chomage_rules.parameters.facts import Facts
from chomage_rules.rules import control_card, reason_limits
from chomage_rules.testing import Case, cases
from chomage_rules.testing.invariants import InvariantViolation, check_case
from tests.helpers import employer, month_of, unemployed, worker, working_days

INVARIANT = "the_process_rules_never_change_the_amounts"
Adapt = Callable[..., Any]


def limits_enforced(adapt: Adapt) -> Adapt:
    """R14 enforced: a month with economic days beyond a limit of the worker's occupation pays
    none of its economic days (the library only reports them)."""

    def faulty(
        worker: Worker, employer: Employer, month: Month, history: History, *rest: Any
    ) -> Any:
        counted, limits = process._reason_limit_count(worker, month, history, Facts.default())
        beyond = [
            n
            for n in reason_limits.notices(counted, worker.occupation, limits)
            if n.code != "limits.technical_accident"
        ]
        if beyond:
            kept = tuple(d for d in month.days if d.reason is not Reason.ECONOMIC)
            month = month.model_copy(update={"days": kept})
        return adapt(worker, employer, month, history, *rest)

    return faulty


def paper_outside_the_rules_held(adapt: Adapt) -> Adapt:
    """R10 enforced: a paper card outside the rules (from July 2025, not a workshop) is treated as
    a card not submitted, which holds the payment (the library leaves that to the payment body)."""

    def faulty(
        worker: Worker, employer: Employer, month: Month, history: History, *rest: Any
    ) -> Any:
        facts = control_card.read_facts(Facts.default(), month.first_day)
        where = control_card.situation(
            month.control_card, month.first_day, employer.sheltered_workshop, facts
        )
        if where == control_card.PAPER_OUTSIDE:
            month = month.model_copy(update={"card_submitted": False})
        return adapt(worker, employer, month, history, *rest)

    return faulty


FAULTS: dict[str, Callable[[Adapt], Adapt]] = {
    "R14_limits_enforced": limits_enforced,
    "R10_paper_outside_the_rules_held": paper_outside_the_rules_held,
}

_RUN = settings(database=None, derandomize=True, max_examples=300)  # bounded, a fixed seed


def the_invariant_holds(only: list[str] | None = None) -> None:
    @_RUN
    @given(cases())
    def run(case: Case) -> None:
        check_case(case, only=[INVARIANT] if only is None else only)

    run()


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_the_invariant_catches_a_process_rule_that_changes_what_is_paid(
    fault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "adapt", FAULTS[fault](engine.adapt))
    with pytest.raises(InvariantViolation) as caught:
        the_invariant_holds()
    assert caught.value.invariant == INVARIANT, str(caught.value)


def test_without_a_fault_the_same_run_passes() -> None:
    the_invariant_holds()


def test_the_enforced_limits_change_an_amount_the_pack_can_name() -> None:
    # the fault, by hand: a blue-collar worker after four weeks of full suspension, economic days
    # in June 2026: R14 reports them; enforcing it would not pay them (fewer units)
    history = History(
        through=date(2026, 5, 31),
        reason_limits=ReasonLimitCounters(run_full_weeks=4, last_unemployed=date(2026, 5, 30)),
    )
    june = month_of(2026, 6, unemployed(working_days(2026, 6, 5), Reason.ECONOMIC))
    blue = worker(occupation=Occupation.BLUE_COLLAR)
    result = compute_month(blue, employer(), june, history)
    assert "limits.blue_collar.full_weeks" in [n.code for n in result.notices]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "adapt", limits_enforced(engine.adapt))
        case = Case(blue, employer(), june, history)
        with pytest.raises(InvariantViolation, match="units"):
            check_case(case, only=[INVARIANT])
