"""Synthetic populations for benchmarks, examples and tests.

:func:`peer_population` follows the generator of the OpenFisca peer model the benchmarks compare
with (its ``reference.py``, ``generate_inputs``; ``benchmarks/bench_population.py --peer``) draw for draw, with the same seed, so that both engines compute
the same people: wages of 1,500.00-6,000.00, 0-26 days of which a fifth of the people have some force
majeure, 0-40 prior supplement days, a CP 124 category or none, 0-70 credit days used. The peer's
"days" are units: the rows are on a six-day week, where a day is one unit (R4).

Two adaptations, neither of which changes an amount: a credit used above the 60-unit credit (the
peer draws up to 70) is given as 60, because ``History`` refuses more than the credit and the
remaining credit is 0 either way; and the construction top-up's conditions are spelled out (joint
committee 124 and a legitimation card on every row; the peer's category NONE is no category).
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd

from ..parameters import ParameterSet

__all__ = ["PEER_MONTH", "peer_parameters", "peer_population"]

PEER_MONTH = (2025, 3)
"""The month the peer computes (its parameters are in force from 2025-01-01)."""

_PEER_CATEGORIES = (None, "I", "IA", "II", "IIA", "III", "IV")


def peer_parameters(base: ParameterSet | None = None) -> ParameterSet:
    """The shipped parameters overridden to the peer's figures (its YAML files).

    The peer fixes the ceiling at 3,299.11, the supplement at 5.10 above 4,000 from the 27th day,
    and the rates, withholding and CP 124 figures of the source documents.
    """
    base = ParameterSet.default() if base is None else base
    return base.override(
        {
            "wage.monthly_ceiling": Decimal("3299.11"),
            "rate.standard": Decimal("0.60"),
            "rate.force_majeure": Decimal("0.65"),
            "withholding.legal": Decimal("0.2675"),
            "withholding.complement": Decimal("0.2675"),
            "supplement.amount": Decimal("5.10"),
            "supplement.wage_threshold": Decimal("4000.00"),
            "supplement.free_units": Decimal(26),
            "construction.credit_units": Decimal(60),
        }
    )


def peer_population(n: int, seed: int = 20250301) -> pd.DataFrame:
    """The peer's population of ``n`` worker-months as a frame of our input columns."""
    rng = np.random.default_rng(seed)
    wage_cents = rng.integers(150_000, 600_000, size=n, endpoint=True)
    days = rng.integers(0, 26, size=n, endpoint=True)
    has_force_majeure = rng.random(n) < 0.20
    fm_draw = rng.integers(1, np.maximum(days, 1), size=n, endpoint=True)
    days_fm = np.where(has_force_majeure & (days > 0), fm_draw, 0)
    days_economic = days - days_fm
    prior = rng.integers(0, 40, size=n, endpoint=True)
    category = rng.integers(0, len(_PEER_CATEGORIES) - 1, size=n, endpoint=True)
    credit_used = rng.integers(0, 70, size=n, endpoint=True)
    return pd.DataFrame(
        {
            "monthly_wage_cents": wage_cents.astype(np.int64),
            "days_per_week": np.full(n, 6, dtype=np.int64),
            "days_economic": days_economic.astype(np.int64),
            "days_force_majeure": days_fm.astype(np.int64),
            "prior_supplement_units": prior.astype(np.int64),
            "joint_committee": pd.Categorical(np.full(n, "124", dtype=object)),
            "has_legitimation_card": np.ones(n, dtype=bool),
            "cp124_category": pd.Categorical.from_codes(
                category.astype(np.int64) - 1, categories=pd.Index(_PEER_CATEGORIES[1:])
            ),
            "cp124_credit_used": np.minimum(credit_used, 60).astype(np.int64),
        },
        copy=False,
    )
