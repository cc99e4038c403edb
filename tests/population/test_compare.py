"""compare(): a baseline and a reform over the same rows, per row and in total."""

import decimal
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest

from chomage_rules import ParameterSet, compare
from chomage_rules.population import Comparison

FRAME = pd.DataFrame(
    {
        "monthly_wage_cents": [260_000, 260_000, 500_000],
        "days_per_week": [6, 6, 6],
        "days_economic": [10, 0, 0],
        "days_force_majeure": [0, 0, 3],
    },
    index=["low", "idle", "fm"],
)


def test_a_rate_reform_moves_only_the_standard_rate_rows() -> None:
    baseline = ParameterSet.default()
    reform = baseline.override({"rate.standard": {date(2025, 1, 1): Decimal("0.62")}})
    result = compare(FRAME, 2025, 3, baseline, reform)
    # low: 2,600.00 / 26 = 100.00 a day; 60 % → 60.00, 62 % → 62.00; 10 units: 600.00 → 620.00
    #      tax 26.75 %: 160.50 → 165.85; the supplement (10 × 5.20, wage below 4,155) is unchanged;
    #      net change (620.00 − 165.85) − (600.00 − 160.50) = 454.15 − 439.50 = 14.65
    assert result.rows.loc["low", "net_total_change_cents"] == 1465
    assert result.rows.loc["idle", "net_total_change_cents"] == 0  # no day
    assert result.rows.loc["fm", "net_total_change_cents"] == 0  # force majeure keeps 65 %
    assert (result.gainers, result.losers, result.unchanged) == (1, 0, 2)
    # the payment body pays 20.00 more gross; nobody else pays anything more
    assert result.cost.loc["payment_body", "gross_change"] == Decimal("20.00")
    assert result.cost.loc["employer", "gross_change"] == Decimal("0.00")
    assert result.cost_by_component.loc["gross_allowance", "change"] == Decimal("20.00")
    assert result.net_cost == Decimal("20.00")
    assert result.change_quantiles[0.5] == Decimal("0.00")
    assert result.change_quantiles[1.0] == Decimal("14.65")
    assert "1 gain, 0 lose, 2 unchanged" in result.summary()


def test_the_same_set_twice_changes_nothing() -> None:
    baseline = ParameterSet.default()
    result = compare(FRAME, 2025, 3, baseline, baseline)
    assert result.unchanged == len(FRAME) and result.net_cost == 0
    assert (result.rows["net_total_change_cents"] == 0).all()


def _hostile(prec: int, rounding: str, traps: tuple[type[decimal.DecimalException], ...]) -> Any:
    context = decimal.Context(prec=prec, rounding=rounding)
    for trap in traps:
        context.traps[trap] = True
    return context


def _everything(result: Comparison) -> list[str]:
    """Every figure of a comparison as written (Decimal equality would hide 2.0E+4 vs 20000.00)."""
    return [str(value) for value in _everything_decimal(result)] + [result.summary()]


@pytest.mark.parametrize(
    "context",
    [
        _hostile(6, decimal.ROUND_HALF_EVEN, ()),
        _hostile(3, decimal.ROUND_FLOOR, ()),
        _hostile(3, decimal.ROUND_HALF_UP, (decimal.Inexact, decimal.Rounded)),
    ],
    ids=["prec6", "prec3_floor", "traps"],
)
def test_the_callers_decimal_context_plays_no_part(context: decimal.Context) -> None:
    # 1,000 copies of FRAME: the reform pays 1,000 × 20.00 = 20,000.00 more (7 digits: a
    # precision of 6 or 3 would round the sum of Decimals, and a trap on Inexact would raise)
    frame = pd.concat([FRAME] * 1000, ignore_index=True)
    baseline = ParameterSet.default()
    reform = baseline.override({"rate.standard": {date(2025, 1, 1): Decimal("0.62")}})
    expected = _everything(compare(frame, 2025, 3, baseline, reform))
    with decimal.localcontext(context):  # net_cost and summary() too are read in it
        got = compare(frame, 2025, 3, baseline, reform)
        figures, decimals = _everything(got), _everything_decimal(got)
    assert figures == expected
    assert str(decimals[-1]) == "20000.00"  # net_cost
    assert str(got.cost.loc["employer", "gross_change"]) == "0.00"  # no -0.00 for no change
    assert not [value for value in decimals if value == 0 and value.is_signed()]


def _everything_decimal(result: Comparison) -> list[Decimal]:
    return [
        *result.cost.to_numpy().ravel(),
        *result.cost_by_component.to_numpy().ravel(),
        *result.change_quantiles.values(),
        result.net_cost,
    ]
