"""R7 withholding per payer, one rounding; R8 payment status."""

import pytest

from chomage_rules.core.ops import SCALAR
from chomage_rules.rules import payment_status
from chomage_rules.rules.allowance import component_cents
from chomage_rules.rules.withholding import withheld_cents

RATE_2675 = (107, 400)  # 26.75 %
RATE_15 = (3, 20)  # 15 %


def test_csc_statement_line() -> None:
    # « 13JX62,44: 811,72 FSE: 60 FIS: 233,19 » (CSC Metea, fact sheet §10.1)
    gross = component_cents(26, 6244)  # 13 units × 62.44 = 811.72
    assert gross == 81172
    # 0.2675 × (811.72 + 60.00) = 233.1851 → 233.19, one rounding for the payment body
    assert withheld_cents((gross, RATE_2675), (6000, RATE_2675)) == 23319


def test_one_rounding_not_two() -> None:
    # two parts each ending in a half cent: 0.2675 × 0.02 = 0.00535 and again;
    # rounded separately 0.01 + 0.01 = 0.02, together 0.0107 → 0.01
    assert withheld_cents((2, RATE_2675), (2, RATE_2675)) == 1


def test_covid_reduced_rate_on_the_allowance_only() -> None:
    # 2020-05 to 2022-06: 15 % on the allowance, 26.75 % on the top-up:
    # 0.15 × 1,000.00 + 0.2675 × 60.00 = 150 + 16.05 = 166.05
    assert withheld_cents((100_000, RATE_15), (6000, RATE_2675)) == 16605
    # the same sum whichever part comes first (the common denominator is 20 × 400, not the last one)
    assert withheld_cents((6000, RATE_2675), (100_000, RATE_15)) == 16605


def test_just_below_a_half_cent_rounds_down() -> None:
    # 0.2675 × 811.57 = 217.094975 → 217.09: the exact product, a 400th of a cent below the tie
    assert withheld_cents((81157, RATE_2675)) == 21709


def test_covid_monthly_maximum_net() -> None:
    # Sodalis 2020: 1,928.33 gross at 26.75 % → 515.83 withheld (0.2675 × 1,928.33 = 515.828…) → 1,412.50 net
    assert 192833 - withheld_cents((192833, RATE_2675)) == 141250


def test_employer_supplement_withholding() -> None:
    # 10 × 5.10 = 51.00 → 0.2675 × 51.00 = 13.6425 → 13.64
    assert withheld_cents((5100, RATE_2675)) == 1364


def test_withholding_on_numpy_columns() -> None:
    # the population engine passes columns; per row, 15 % on the allowance + 26.75 % on the top-up:
    # 0.15 × 1,000.00 + 0.2675 × 60.00 = 166.05 ; 0 + 0.2675 × 60.00 = 16.05 ; 0.15 × 0.10 = 0.015 → 0.02
    np = pytest.importorskip("numpy")
    allowance = np.array([100_000, 0, 10], dtype=np.int64)
    top_up = np.array([6000, 6000, 0], dtype=np.int64)
    assert withheld_cents((allowance, RATE_15), (top_up, RATE_2675)).tolist() == [16605, 1605, 2]


def test_payment_status() -> None:
    def status(declared: bool, card: bool) -> int:
        return int(
            payment_status.status_code(SCALAR, employer_declared=declared, card_submitted=card)
        )

    assert status(True, True) == payment_status.PAYABLE
    assert status(False, True) == payment_status.AWAITING_EMPLOYER_DECLARATION
    assert status(True, False) == payment_status.AWAITING_CONTROL_CARD
    assert status(False, False) == payment_status.AWAITING_EMPLOYER_DECLARATION  # declaration first
