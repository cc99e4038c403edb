"""The caches (core/memo.py) change nothing: warm and cold, the same results, byte for byte."""

import gc
import json

from hypothesis import HealthCheck, given, settings

from chomage_rules import ParameterSet, compute_month
from chomage_rules.core import memo
from chomage_rules.testing import Case, cases, parameter_sets


def _everything(case: Case, parameters: ParameterSet) -> str:
    """Every amount, step and notice of a case, in every rendering and language, as one text."""
    result = compute_month(
        case.worker, case.employer, case.month, case.history, parameters=parameters
    )
    renderings = [
        result.explain(fmt, lang)
        for fmt in ("text", "markdown", "json")
        for lang in ("en", "fr", "nl")
    ]  # type: ignore[arg-type]
    amounts = json.dumps(result.as_json()["result"], sort_keys=True)
    return "\n".join([amounts, repr(result.history_after), *renderings])


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), parameter_sets())
def test_warm_and_cold_caches_give_the_same_bytes(case: Case, parameters: ParameterSet) -> None:
    warm = _everything(case, parameters)  # the month's figures and the Decimals kept now
    memo.clear()
    cold = _everything(case, parameters)  # made again from nothing
    assert cold == warm
    again = _everything(case, parameters)  # and read back from the caches
    assert again == warm


def test_a_dropped_parameter_set_takes_its_figures_along() -> None:
    # what-if sets are made by the hundred in a notebook: their kept figures must not outlive them
    case_set = ParameterSet.default().override({"rate.standard": "0.61"})
    memo.derived(case_set, ("probe",), lambda: 1)
    assert case_set in memo._DERIVED
    del case_set
    gc.collect()
    assert not any(("probe",) in entries for entries in memo._DERIVED.values())
