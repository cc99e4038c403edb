"""The invariant pack catches an amount paid at a figure that is not the one in force (issue 9,
item 17).

Each faulty implementation is the real engine fed a set where one dated figure is wrong (what a
back end that missed an indexation, or mistyped a figure, would compute), while the pack checks
against the shipped set. The pack runs over ``cases()`` with a fixed seed and no example database,
as the planted faults of ``test_planted_faults.py`` do, and must name the invariant that guards
the figure. Without the fault, the same run passes.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from chomage_rules import ParameterSet, Reason, compute_month
from chomage_rules.case.result import MonthResult
from chomage_rules.parameters import OverrideValue
from chomage_rules.testing import Case, cases, covered_months, wages
from chomage_rules.testing.invariants import Compute, InvariantViolation, check_case


@dataclass(frozen=True)
class WrongFigure:
    name: str
    changes: Mapping[str, OverrideValue | Mapping[date, OverrideValue]]
    """Laid over whatever set the pack computes with."""
    caught_by: frozenset[str]
    where: SearchStrategy[Case] | None = None
    """Where the pack runs, if not over every case: a figure of a scheme that ran six months is
    looked for in those months (over all of 2020-2026, 300 cases found it on 7 seeds in 10)."""


def faulty(fault: WrongFigure) -> Compute:
    """``compute_month`` with the wrong figure laid over the parameters it is given."""

    def compute(*args: Any, parameters: ParameterSet) -> MonthResult:
        return compute_month(*args, parameters=parameters.override(fault.changes))

    return compute


FAULTS = (
    # the supplement stays at 5.10 after it rose to 5.20 on 2025-02-01
    WrongFigure(
        "supplement_kept_at_5_10_in_2025",
        {"supplement.amount": {date(2025, 2, 1): "5.10"}},
        frozenset({"supplement_is_paid_at_the_amount_in_force"}),
    ),
    # CP 124 category II paid 7.64 a unit instead of 7.63
    WrongFigure(
        "cp124_category_II_at_7_64",
        {"construction.amount.II": "7.64"},
        frozenset({"construction_top_up_is_paid_at_the_category_amount_in_force"}),
    ),
    # the threshold stays at 4,000 after it rose to 4,155 on 2025-01-01 (and 4,284 in 2026): a
    # wage between them gets the supplement only from the 27th unit
    WrongFigure(
        "threshold_kept_at_4000_in_2025",
        {"supplement.wage_threshold": {date(2025, 1, 1): "4000"}},
        frozenset({"supplement_from_the_27th_unit"}),
    ),
    # the energy supplement stays at 6.22 after it rose to 6.34 on 2022-11-01
    WrongFigure(
        "energy_supplement_kept_at_6_22",
        {"supplement.energy_amount": {date(2022, 11, 1): "6.22", date(2023, 4, 1): None}},
        frozenset({"supplement_is_paid_at_the_amount_in_force"}),
        st.sampled_from([(2022, 11), (2022, 12), (2023, 1), (2023, 2), (2023, 3)]).flatmap(
            lambda period: cases(year=period[0], month=period[1], reasons=[Reason.ENERGY_CRISIS])
        ),
    ),
)

_RUN = settings(database=None, derandomize=True, max_examples=300)  # bounded, a fixed seed


def the_pack_holds(compute: Compute, where: SearchStrategy[Case] | None = None) -> None:
    """The whole pack over 300 generated cases, with ``compute`` as the implementation."""

    @_RUN
    @given(cases() if where is None else where)
    def run(case: Case) -> None:
        check_case(case, compute=compute)

    run()


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_the_pack_catches_an_amount_paid_at_a_wrong_figure(fault: WrongFigure) -> None:
    with pytest.raises(InvariantViolation) as caught:
        the_pack_holds(faulty(fault), fault.where)
    assert caught.value.invariant in fault.caught_by, str(caught.value)


@pytest.mark.parametrize(
    "where", [None, *{f.where for f in FAULTS if f.where is not None}], ids=lambda w: "cases"
)
def test_without_a_wrong_figure_the_same_run_passes(where: SearchStrategy[Case] | None) -> None:
    the_pack_holds(compute_month, where)


# --------------------------------------------------------------------------- where they aim

_SHIPPED = ParameterSet.default()
_DATED_EDGES = sorted(
    {
        (name, version.value)
        for name in ("wage.monthly_ceiling", "supplement.wage_threshold")
        for version in _SHIPPED.parameter(name).versions
        if version.value is not None
    }
)


@pytest.mark.parametrize(("name", "value"), _DATED_EDGES, ids=[f"{n}={v}" for n, v in _DATED_EDGES])
@pytest.mark.parametrize("cent", [Decimal("-0.01"), Decimal("0.01")])
def test_wages_reach_a_cent_around_every_dated_edge(
    name: str, value: Decimal, cent: Decimal
) -> None:
    # in March 2025 (threshold 4,155.00, ceiling 3,365.16), a wage a cent around 4,000.00 or
    # 2,754.76 is found too: where an implementation that kept the old figure pays differently
    target = value + cent
    found = find(
        wages(date(2025, 3, 1)),
        lambda wage: wage == target,
        settings=settings(database=None, max_examples=2000),
    )
    assert found == target


@pytest.mark.parametrize("month", [(2024, 12), (2025, 1), (2025, 2), (2022, 10), (2022, 11)])
def test_months_reach_every_change_of_a_figure(month: tuple[int, int]) -> None:
    # the threshold changes on 2025-01-01, the supplement on 2025-02-01, the energy supplement
    # on 2022-11-01: the months around them are drawn
    found = find(
        covered_months(),
        lambda drawn: drawn == month,
        settings=settings(database=None, max_examples=2000),
    )
    assert found == month
