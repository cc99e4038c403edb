"""The dated facts behind the process rules (parameters/facts/*.toml): loaded, checked, dated."""

from __future__ import annotations

from datetime import date

import pytest

from chomage_rules.parameters import ParameterFileError, ParameterNotCovered
from chomage_rules.parameters.facts import Facts, read_facts_file

GOOD = """
family = "demo"

[demo.first_day]
description = "A day."
description_fr = "Un jour."
description_nl = "Een dag."
kind = "date"

[[demo.first_day.versions]]
from = 2024-01-01
value = 2025-01-01
confidence = "official"

[[demo.first_day.versions.sources]]
title = "A page"
url = "https://example.org/page"
date = 2024-10-15
date_kind = "updated"
"""


def test_every_shipped_fact_has_a_confidence_and_a_source() -> None:
    facts = Facts.default()
    assert facts.names()
    for name in facts.names():
        for version in facts.fact(name).versions:
            assert version.confidence in {"official", "secondary", "derived"}, name
            assert version.sources, name


def test_a_fact_is_read_on_a_day_and_refused_before_its_first_version() -> None:
    entry = read_facts_file("demo.toml", GOOD)["demo.first_day"]
    assert entry.versions[0].value == date(2025, 1, 1)
    facts = Facts.default()
    assert facts.value("control_card.paper_on_request_until", date(2025, 3, 1)) == date(2025, 6, 30)
    with pytest.raises(ParameterNotCovered):
        facts.version("control_card.paper_on_request_until", date(2019, 12, 31))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("value = 2025-01-01", 'value = "2025-01-01"'), "kind 'date'"),
        (('confidence = "official"', 'confidence = "sure"'), "confidence"),
        (('confidence = "official"', 'confidence = "derived"'), "derived fact says how"),
        (('kind = "date"', 'kind = "date"\nunit = "day"'), "unknown key 'unit'"),
    ],
)
def test_a_malformed_fact_is_refused_naming_the_fact_and_what_is_wrong(
    change: tuple[str, str], message: str
) -> None:
    with pytest.raises(ParameterFileError) as raised:
        read_facts_file("demo.toml", GOOD.replace(*change))
    assert "demo.toml: demo.first_day" in str(raised.value)
    assert message in str(raised.value)


def test_a_count_is_read_as_a_whole_number_and_nothing_else_is() -> None:
    facts = Facts.default()
    assert facts.count("registration.deadline_days", date(2025, 4, 7)) == 8
    with pytest.raises(TypeError, match="not a count"):
        facts.count("control_card.electronic_mandatory_from", date(2025, 4, 7))
