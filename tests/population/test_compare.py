"""compare(): a baseline and a reform over the same rows, per row and in total."""

import decimal
import importlib
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from pydantic import ValidationError

from chomage_rules import ParameterSet, compare, compute_population
from chomage_rules.core.vocabulary import PAYERS
from chomage_rules.population import PEER_MONTH, Comparison, peer_parameters, peer_population
from tests.population.files import assert_same_summaries
from tests.population.kinds import KINDS, as_kind, to_pandas

# the modules (the package's names `compare` and `compute_population` are its functions)
compare_module = importlib.import_module("chomage_rules.population.compare")
compute_module = importlib.import_module("chomage_rules.population.compute")

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


# --------------------------------------------------------------------------- one pass (issue 11)


def _credit_reform() -> tuple[ParameterSet, ParameterSet]:
    """The peer's figures, and a reform of the supplement and the standard rate."""
    baseline = peer_parameters()
    reform = baseline.override(
        {
            "rate.standard": {date(2025, 1, 1): Decimal("0.65")},
            "supplement.amount": {date(2025, 1, 1): Decimal("6.00")},
        }
    )
    return baseline, reform


def _as_before(frame: pd.DataFrame, baseline: ParameterSet, reform: ParameterSet) -> Comparison:
    """compare() as it was before issue 11: compute_population twice, summaries from frames."""
    before = compute_population(frame, *PEER_MONTH, parameters=baseline, detail=True)
    after = compute_population(frame, *PEER_MONTH, parameters=reform, detail=True)
    change = after["net_total_cents"].to_numpy() - before["net_total_cents"].to_numpy()
    return Comparison(
        baseline=before,
        reform=after,
        rows=pd.DataFrame(
            {
                "net_total_baseline_cents": before["net_total_cents"],
                "net_total_reform_cents": after["net_total_cents"],
                "net_total_change_cents": change,
                **{
                    f"{payer}_gross_change_cents": after[f"{payer}_gross_cents"]
                    - before[f"{payer}_gross_cents"]
                    for payer in PAYERS
                },
            },
            index=frame.index,
        ),
        cost=compare_module._cost(before, after),
        cost_by_component=compare_module._components(before, after),
        gainers=int((change > 0).sum()),
        losers=int((change < 0).sum()),
        unchanged=int((change == 0).sum()),
        change_quantiles=compare_module._quantiles(change),
    )


def test_one_pass_gives_what_two_runs_of_compute_population_give() -> None:
    frame = peer_population(20_000)
    frame.index = pd.Index([f"w{i}" for i in range(len(frame))])
    baseline, reform = _credit_reform()
    got = compare(frame, *PEER_MONTH, baseline, reform)
    expected = _as_before(frame, baseline, reform)
    pd.testing.assert_frame_equal(got.baseline, expected.baseline)
    pd.testing.assert_frame_equal(got.reform, expected.reform)
    pd.testing.assert_frame_equal(got.rows, expected.rows)
    assert_same_summaries(got, expected)
    assert got.summary() == expected.summary() and got.gainers > 0


def test_the_table_is_read_and_validated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads = []
    real = compute_module.read_population

    def counted(*args: Any) -> Any:
        reads.append(args)
        return real(*args)

    monkeypatch.setattr(compute_module, "read_population", counted)
    compare(peer_population(100), *PEER_MONTH, *_credit_reform())
    assert len(reads) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_compare_takes_every_kind_and_answers_in_it(kind: str) -> None:
    frame = peer_population(2_000)
    baseline, reform = _credit_reform()
    expected = compare(frame, *PEER_MONTH, baseline, reform)
    got = compare(as_kind(frame, kind), *PEER_MONTH, baseline, reform)
    made = {"pandas": pd.DataFrame, "polars": pl.DataFrame}.get(kind, pa.Table)
    assert isinstance(got.baseline, made) and isinstance(got.rows, made)
    pd.testing.assert_frame_equal(to_pandas(got.reform), to_pandas(expected.reform))
    rows = got.rows if kind == "pandas" else _as_pandas(got.rows)
    pd.testing.assert_frame_equal(rows, expected.rows)
    assert got.summary() == expected.summary()


def _as_pandas(table: Any) -> pd.DataFrame:
    if isinstance(table, pl.DataFrame):
        return pd.DataFrame({name: table[name].to_numpy() for name in table.columns})
    return pd.DataFrame({name: table.column(name).to_numpy() for name in table.column_names})


def test_a_counter_above_the_reforms_smaller_credit_is_refused_once() -> None:
    baseline = ParameterSet.default()
    reform = baseline.override({"construction.credit_units": {date(2025, 1, 1): Decimal(10)}})
    frame = FRAME.assign(joint_committee="124", cp124_credit_used=[0, 12, 5])
    with pytest.raises(ValidationError) as error:
        compare(frame, 2025, 3, baseline, reform)
    assert [e["loc"] for e in error.value.errors()] == [("cp124_credit_used", "idle")]
    assert "is above 10, the credit in force on 2025-03-01" in str(error.value)
