"""Testing support for chomage-rules users: hypothesis strategies (``pip install chomage-rules[testing]``).

>>> from hypothesis import given
>>> from chomage_rules.testing import cases
>>> @given(cases(joint_committee="124"))
... def test_my_invariant(case): ...
"""

from .strategies import (
    RESIDENCE_COUNTRIES,
    SCENARIOS,
    Case,
    cases,
    covered_months,
    employers,
    enterprise_numbers,
    histories,
    months,
    national_numbers,
    parameter_sets,
    process_history,
    wages,
    workers,
)

__all__ = [
    "RESIDENCE_COUNTRIES",
    "SCENARIOS",
    "Case",
    "cases",
    "covered_months",
    "employers",
    "enterprise_numbers",
    "histories",
    "months",
    "national_numbers",
    "parameter_sets",
    "process_history",
    "wages",
    "workers",
]
