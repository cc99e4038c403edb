"""Testing support for chomage-rules users: hypothesis strategies (``pip install chomage-rules[testing]``).

>>> from hypothesis import given
>>> from chomage_rules.testing import cases
>>> @given(cases(joint_committee="124"))
... def test_my_invariant(case): ...

Without hypothesis, importing this package raises an ``ImportError`` that says which extra to
install, rather than a bare "No module named 'hypothesis'".
"""

try:
    import hypothesis  # noqa: F401 - only to say which extra is missing
except ImportError as error:
    raise ImportError(
        "chomage_rules.testing needs hypothesis, which the testing extra installs: "
        "pip install 'chomage-rules[testing]'",
        name=error.name,
    ) from error

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
