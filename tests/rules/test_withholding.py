"""R7 Withholding tax: each payer withholds once on what it pays (one rounding, half up); the
payment body on the allowance and the sector top-up together."""

from datetime import date

import numpy as np
import pytest

from chomage_rules.core.errors import ParameterNotCovered
from chomage_rules.explain.step import Step
from chomage_rules.kernel import month_figures
from chomage_rules.parameters import ParameterSet
from chomage_rules.parameters.month import resolve_month
from chomage_rules.rules import withholding
from chomage_rules.rules.allowance import component_cents
from chomage_rules.rules.withholding import Payments, withheld_cents

DEFAULT = ParameterSet.default()
JUNE_2024 = date(2024, 6, 1)
JUNE_2021 = date(2021, 6, 1)
F = month_figures(DEFAULT, JUNE_2024).withholding  # 26.75 % on everything
COVID = month_figures(DEFAULT, JUNE_2021).withholding  # 15 % on the allowance, 26.75 % on the rest
RATE_2675 = (107, 400)  # 26.75 %
RATE_15 = (3, 20)  # 15 %


def pay(
    f: withholding.Figures = F,
    *,
    allowance: int = 0,
    top_up: int = 0,
    employer: int = 0,
    fund: int = 0,
) -> Payments:
    return withholding.compute(
        f, allowance=allowance, sector_top_up=top_up, employer_part=employer, fund_part=fund
    )


def test_figures_in_force() -> None:
    # withholding.toml: 26.75 % throughout, except 15 % on legal allowances 2020-05 to 2022-06
    assert (F.legal, F.complement) == (RATE_2675, RATE_2675)
    assert (COVID.legal, COVID.complement) == (RATE_15, RATE_2675)
    assert month_figures(DEFAULT, date(2022, 7, 1)).withholding.legal == RATE_2675


def test_csc_statement_line() -> None:
    # « 13JX62,44: 811,72 FSE: 60 FIS: 233,19 » (CSC Metea)
    gross = component_cents(26, 6244)  # 13 units × 62.44 = 811.72
    assert gross == 81172
    # 0.2675 × (811.72 + 60.00) = 233.1851 → 233.19, one rounding for the payment body
    assert withheld_cents((gross, RATE_2675), (6000, RATE_2675)) == 23319


def test_one_rounding_not_two() -> None:
    # two parts each ending in a half cent: 0.2675 × 0.02 = 0.00535 twice;
    # rounded separately 0.01 + 0.01 = 0.02, together 0.0107 → 0.01
    assert withheld_cents((2, RATE_2675), (2, RATE_2675)) == 1


def test_covid_reduced_rate_on_the_allowance_only() -> None:
    # 15 % on the allowance, 26.75 % on the top-up: 0.15 × 1,000.00 + 0.2675 × 60.00
    # = 150.00 + 16.05 = 166.05
    assert withheld_cents((100_000, RATE_15), (6000, RATE_2675)) == 16605
    # the same sum whichever part comes first (the common denominator is 20 × 400)
    assert withheld_cents((6000, RATE_2675), (100_000, RATE_15)) == 16605


def test_two_rates_rounded_once() -> None:
    # 0.15 × 0.10 = 0.015 and 0.2675 × 0.02 = 0.00535: 0.02035 → 0.02 (apart: 0.02 + 0.01 = 0.03)
    assert withheld_cents((10, RATE_15), (2, RATE_2675)) == 2


def test_half_cent_tie_rounds_up() -> None:
    # 0.2675 × 0.02 = 0.00535 → 0.01; 0.15 × 0.10 = 0.015 → 0.02 (a tie, half up)
    assert withheld_cents((2, RATE_2675)) == 1
    assert withheld_cents((10, RATE_15)) == 2


def test_just_below_a_half_cent_rounds_down() -> None:
    # 0.2675 × 811.57 = 217.094975 → 217.09: the exact product, a 400th of a cent below the tie
    assert withheld_cents((81157, RATE_2675)) == 21709


def test_covid_monthly_maximum_net() -> None:
    # Sodalis 2020: 1,928.33 gross at 26.75 % → 0.2675 × 1,928.33 = 515.8282… → 515.83 withheld,
    # 1,928.33 − 515.83 = 1,412.50 net
    assert 192833 - withheld_cents((192833, RATE_2675)) == 141250


def test_each_payer_on_what_it_pays() -> None:
    # payment body: 0.2675 × (811.72 + 60.00) = 233.1851 → 233.19; 871.72 − 233.19 = 638.53
    # employer: 10 × 5.10 = 51.00 → 0.2675 × 51.00 = 13.6425 → 13.64; 51.00 − 13.64 = 37.36
    p = pay(allowance=81172, top_up=6000, employer=5100)
    assert (p.payment_body_gross, p.payment_body_withholding, p.payment_body_net) == (
        87172,
        23319,
        63853,
    )
    assert (p.employer_gross, p.employer_withholding, p.employer_net) == (5100, 1364, 3736)
    assert (p.fund_gross, p.fund_withholding, p.fund_net) == (0, 0, 0)
    # totals: 233.19 + 13.64 = 246.83 withheld; 638.53 + 37.36 = 675.89 net
    assert (p.withholding, p.net_total) == (24683, 67589)


def test_a_sector_fund_withholds_on_its_supplement() -> None:
    # payment body: 0.2675 × 811.72 = 217.1351 → 217.14; fund: 0.2675 × 51.00 = 13.6425 → 13.64
    p = pay(allowance=81172, fund=5100)
    assert (p.payment_body_withholding, p.fund_withholding, p.fund_net) == (21714, 1364, 3736)
    assert p.withholding == 23078  # 217.14 + 13.64


def test_covid_payments() -> None:
    # June 2021: 0.15 × 1,000.00 + 0.2675 × 60.00 = 166.05; 1,060.00 − 166.05 = 893.95
    p = pay(COVID, allowance=100_000, top_up=6000)
    assert (p.payment_body_withholding, p.payment_body_net) == (16605, 89395)
    # the employer's and a fund's parts are withheld at 26.75 %, not 15 %:
    # 0.2675 × 51.00 = 13.6425 → 13.64 (at 15 % it would be 7.65)
    assert pay(COVID, employer=5100).employer_withholding == 1364
    assert pay(COVID, fund=5100).fund_withholding == 1364


def test_a_rate_not_in_force_is_not_covered() -> None:
    no_legal = DEFAULT.override({"withholding.legal": None})
    with pytest.raises(ParameterNotCovered) as raised:
        withholding.figures(resolve_month(no_legal, JUNE_2024))
    assert raised.value.name == "withholding.legal"


def test_withholding_on_columns() -> None:
    # per row, 15 % on the allowance + 26.75 % on the top-up:
    # 0.15 × 1,000.00 + 0.2675 × 60.00 = 166.05; 0 + 0.2675 × 60.00 = 16.05;
    # 0.15 × 0.10 = 0.015 → 0.02
    allowance = [100_000, 0, 10]
    top_up = [6000, 6000, 0]
    column = withheld_cents(
        (np.array(allowance, dtype=np.int64), RATE_15),
        (np.array(top_up, dtype=np.int64), RATE_2675),
    )
    scalars = [
        withheld_cents((a, RATE_15), (t, RATE_2675)) for a, t in zip(allowance, top_up, strict=True)
    ]
    assert column.tolist() == scalars == [16605, 1605, 2]


def test_payments_on_columns() -> None:
    # rows as in test_each_payer_on_what_it_pays and test_a_sector_fund_withholds_on_its_supplement
    rows = [(81172, 6000, 5100, 0), (81172, 0, 0, 5100)]
    allowance, top_up, employer, fund = (
        np.array(c, dtype=np.int64) for c in zip(*rows, strict=True)
    )
    column = withholding.compute(
        F, allowance=allowance, sector_top_up=top_up, employer_part=employer, fund_part=fund
    )
    scalars = [pay(allowance=a, top_up=t, employer=e, fund=u) for a, t, e, u in rows]
    assert column.withholding.tolist() == [s.withholding for s in scalars] == [24683, 23078]
    assert column.net_total.tolist() == [s.net_total for s in scalars] == [67589, 63194]


def steps_of(
    f: withholding.Figures = F, *, allowance: int = 0, top_up: int = 0, employer: int = 0
) -> tuple[Step, ...]:
    p = pay(f, allowance=allowance, top_up=top_up, employer=employer)
    return withholding.steps(f, p, allowance=allowance, sector_top_up=top_up)


def test_steps_of_one_rate() -> None:
    body, employer, fund, net = steps_of(allowance=81172, top_up=6000, employer=5100)
    assert [s.id for s in (body, employer, fund, net)] == [
        "withholding.payment_body",
        "withholding.employer",
        "withholding.sector_fund",
        "payment.net",
    ]
    assert [s.applies for s in (body, employer, fund, net)] == [True, True, False, True]
    # 0.2675 × 871.72 = 233.1851 → 233.19
    assert body.message == "withholding.payment_body.same_rate"
    assert body.formula == "26.75 % × (811.72 + 60.00) = 233.1851"
    assert body.result.startswith("233.19 ")
    # 0.2675 × 51.00 = 13.6425 → 13.64
    assert employer.formula == "26.75 % × 51.00 = 13.6425"
    assert employer.result.startswith("13.64 ")
    assert fund.result == "nothing paid, nothing withheld"
    # 871.72 − 233.19 = 638.53; 51.00 − 13.64 = 37.36; 638.53 + 37.36 = 675.89
    assert net.result == "net total 638.53 + 37.36 + 0.00 = 675.89"


def test_steps_of_two_rates() -> None:
    (body, *_) = steps_of(COVID, allowance=100_000, top_up=6000)
    assert body.message == "withholding.payment_body.two_rates"
    # 0.15 × 1,000.00 + 0.2675 × 60.00 = 150.00 + 16.05 = 166.05
    assert body.formula == "15 % × 1,000.00 + 26.75 % × 60.00 = 166.05"


def test_step_without_a_top_up() -> None:
    (body, *_) = steps_of(allowance=81172)
    assert body.message == "withholding.payment_body"
    # 0.2675 × 811.72 = 217.1351 → 217.14
    assert body.formula == "26.75 % × 811.72 = 217.1351"
    assert body.result.startswith("217.14 ")


def test_steps_show_the_rate_used() -> None:
    # withholding.complement overridden to 0.30: the employer's 51.00 → 0.30 × 51.00 = 15.30
    f = month_figures(DEFAULT.override({"withholding.complement": "0.30"}), JUNE_2024)
    _, employer, _, _ = steps_of(f.withholding, employer=5100)
    assert employer.formula == "30 % × 51.00 = 15.30"
    assert "26.75" not in employer.formula
    assert employer.result.startswith("15.30 ")


def test_parts_at_the_same_rate_just_below_a_half_cent() -> None:
    # the payment body's two parts at 26.75 %: 0.2675 × (751.57 + 60.00) = 0.2675 × 811.57
    # = 217.094975 → 217.09 (107 × 81,157 = 8,683,799 over 400: 199/400 of a cent, one 400th
    # below the tie)
    assert withheld_cents((75157, RATE_2675), (6000, RATE_2675)) == 21709


def test_the_sum_stays_an_exact_integer() -> None:
    # two rates: 0.15 × 1,000.00 + 0.2675 × 60.00 = 166.05, over the common denominator 20 × 400,
    # computed in integers (a float would lose cents beyond 2**53 and break the amounts' Decimals)
    result = withheld_cents((100_000, RATE_15), (6000, RATE_2675))
    assert result == 16605
    assert type(result) is int


def test_a_payer_applies_from_one_cent() -> None:
    # nothing paid: no payer's step applies
    body, employer, fund, _ = steps_of()
    assert [s.applies for s in (body, employer, fund)] == [False, False, False]
    assert body.formula == "26.75 % × 0.00 = 0.00"
    # one cent paid by the payment body and one by the employer: both withhold (0.2675 × 0.01
    # = 0.002675, shown to four decimals, → 0.00, but the rule applied to what they pay)
    body, employer, _, _ = steps_of(allowance=1, employer=1)
    assert (body.applies, employer.applies) == (True, True)
    assert body.formula == "26.75 % × 0.01 = 0.0026…"
    assert employer.result.startswith("0.00 ")


def test_every_step_names_its_rule_and_sources() -> None:
    # each step is printed with its rule (R7) and its sources (CSC, Securex)
    for step in steps_of(allowance=81172, top_up=6000, employer=5100):
        assert (step.rule, step.sources) == ("R7", withholding.SOURCES), step.id
