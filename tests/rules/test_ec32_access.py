"""R11 access to the eC3.2: the route for each country of residence, from the dated facts, in
three languages, and the notice ``compute_month`` gives a cross-border worker without eIDAS."""

import dataclasses
import json
import tomllib
from datetime import date, datetime
from importlib import resources
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from chomage_rules import Reason, Worker, compute_month, ec32_access
from chomage_rules.explain.catalogue import LANGUAGES, catalogue
from chomage_rules.parameters.facts import Fact, Facts
from chomage_rules.rules.ec32_access import _CODES, EidasConnection, Route
from tests.helpers import employer, month_of, unemployed, worker, working_days

MAY_2026 = month_of(2026, 5, unemployed(working_days(2026, 5, 3), Reason.ECONOMIC))


# --------------------------------------------------------------------------- the routes


def test_france_is_not_connected_a_digital_key_and_the_notice() -> None:
    access = ec32_access("FR")
    # ONEM: « la France n'utilise pas eIDAS »; itsme is closed to cross-border workers
    assert access.eidas.connection is EidasConnection.NOT_CONNECTED
    assert access.routes == (Route.DIGITAL_KEY,)
    assert access.itsme_closed and not access.resident
    assert access.confidence == "official"
    assert [n.code for n in access.notices] == ["ec32.no_eidas"]
    assert access.notices[0].rule == "R11" and access.notices[0].sources
    key = access.digital_key
    # every datum comes from the facts file (ONEM notice)
    assert (key.remote_site, key.remote_provider) == ("belgianID.be", "SIGEDIS")
    assert key.contact_centre == "02 515 44 44"
    assert key.activation_days == 14
    assert key.bring == (
        "in_person",
        "photo_identity_document",
        "national_register_or_bis_number",
        "personal_email_address",
    )
    assert key.activation_with == ("activation_code_on_paper", "activation_link_by_email")
    assert key.authenticators == ("authenticator_app", "email_code")
    assert key.app_examples == ("Microsoft Authenticator", "Google Authenticator")


def test_a_french_resident_with_a_belgian_eid_logs_in_with_it() -> None:
    access = ec32_access("FR", has_belgian_eid=True)
    # the eID has no condition of residence; the digital key stays as the last resort
    assert access.routes == (Route.EID, Route.DIGITAL_KEY)
    assert access.notices == ()
    assert access.step.message == "ec32.access.belgian"


def test_germany_is_connected_with_the_npa_scanned_at_each_login() -> None:
    access = ec32_access("DE")
    assert access.eidas.connection is EidasConnection.CONNECTED
    assert (access.eidas.scheme, access.eidas.how) == ("nPA", "repeat_each_login")
    assert access.routes == (Route.EIDAS, Route.DIGITAL_KEY)
    assert access.eidas.first_login_needs == ("european_eid", "email_address", "phone_number")
    assert access.eidas.requires == ("national_register_or_bis_number",)
    assert access.notices == ()
    assert "scanned again at every login" in access.text()


def test_the_netherlands_digid_works_in_the_app() -> None:
    access = ec32_access("NL")
    assert access.eidas.connection is EidasConnection.CONNECTED
    assert (access.eidas.scheme, access.eidas.how) == ("DigiD", "smartphone_app")
    assert "DigiD, which works in the smartphone app" in access.text()


def test_luxembourg_is_connected_without_a_named_scheme() -> None:
    access = ec32_access("LU", has_itsme=True)
    assert access.eidas.connection is EidasConnection.CONNECTED
    assert access.eidas.scheme is None
    # itsme is not open to a cross-border worker, even one who says they hold it (ONEM)
    assert Route.ITSME not in access.routes and access.itsme_closed
    assert access.routes == (Route.EIDAS, Route.DIGITAL_KEY)


@pytest.mark.parametrize(
    ("eid", "itsme", "routes", "phrase"),
    [
        (None, None, (Route.EID, Route.ITSME, Route.DIGITAL_KEY), "the Belgian eID or itsme"),
        (True, None, (Route.EID, Route.ITSME, Route.DIGITAL_KEY), "the Belgian eID or itsme"),
        (True, False, (Route.EID, Route.DIGITAL_KEY), "the Belgian eID"),
        (False, True, (Route.ITSME, Route.DIGITAL_KEY), "itsme"),
        (False, False, (Route.DIGITAL_KEY,), "get a digital key"),
    ],
)
def test_a_resident_logs_in_with_the_eid_or_itsme_else_a_digital_key(
    eid: bool | None, itsme: bool | None, routes: tuple[Route, ...], phrase: str
) -> None:
    access = ec32_access("BE", has_belgian_eid=eid, has_itsme=itsme)
    assert access.resident and access.routes == routes
    assert access.eidas.connection is EidasConnection.NOT_NEEDED
    assert not access.itsme_closed and access.notices == ()
    assert not access.step.applies  # the cross-border part of the rule does not apply
    assert phrase in access.step.result


def test_a_country_on_the_undated_list_only_is_eidas_with_a_caveat() -> None:
    access = ec32_access("ES")
    assert access.eidas.connection is EidasConnection.LISTED
    assert access.routes == (Route.EIDAS, Route.DIGITAL_KEY)
    assert access.confidence == "secondary"  # the undated mybelgianid.be list
    assert any("undated" in caveat for caveat in access.caveats)
    assert "named only on an undated list" in access.text()
    assert access.notices == ()


def test_a_country_no_source_names_is_not_known_to_be_connected() -> None:
    access = ec32_access("US")
    # never guessed: "not known", with the digital key and the check to make
    assert access.eidas.connection is EidasConnection.NOT_KNOWN
    assert access.routes == (Route.DIGITAL_KEY,)
    assert [n.code for n in access.notices] == ["ec32.eidas_not_known"]
    assert any("several other European countries" in caveat for caveat in access.caveats)
    assert "no source names this country" in access.text()


@pytest.mark.parametrize(
    ("on", "notices"),
    [(date(2024, 12, 31), 0), (date(2025, 1, 1), 1), (None, 1)],
)
def test_the_notice_starts_when_the_electronic_card_is_mandatory(
    on: date | None, notices: int
) -> None:
    # control_card.electronic_mandatory_from = 2025-01-01: the day before, paper was the rule
    access = ec32_access("FR", on=on)
    assert len(access.notices) == notices
    assert access.routes == (Route.DIGITAL_KEY,)  # the route itself does not change


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"residence_country": "fr"}, "residence_country"),
        ({"residence_country": "FRA"}, "residence_country"),
        ({"residence_country": ""}, "residence_country"),
        ({"residence_country": 56}, "residence_country"),
        ({"residence_country": "F1"}, "residence_country"),
        ({"residence_country": "FR", "has_itsme": "yes"}, "has_itsme"),
        ({"residence_country": "FR", "has_belgian_eid": 1}, "has_belgian_eid"),
        ({"residence_country": "FR", "on": datetime(2026, 1, 1)}, "on"),
        ({"residence_country": "FR", "on": "2026-01-01"}, "on"),
    ],
)
def test_bad_arguments_are_a_validation_error_naming_them(
    arguments: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        ec32_access(**arguments)
    assert raised.value.errors()[0]["loc"] == (field,)


def test_the_same_check_of_a_country_code_as_the_worker() -> None:
    for code in ("fr", "FRA", "F1", "É1"):
        with pytest.raises(ValidationError):
            worker(residence_country=code)
        with pytest.raises(ValidationError):
            ec32_access(code)


def test_the_countries_are_data_not_code() -> None:
    # a version of the facts in which France is connected: the route follows the data
    shipped = Facts.default()
    facts = {name: shipped.fact(name) for name in shipped.names()}
    connected = facts["ec32_access.eidas_connected"]
    version = dataclasses.replace(connected.versions[-1], value=("NL", "DE", "LU", "FR"))
    facts[connected.name] = Fact(connected.name, connected.description, connected.kind, (version,))
    access = ec32_access("FR", facts=Facts(facts))
    assert access.eidas.connection is EidasConnection.CONNECTED
    assert access.routes == (Route.EIDAS, Route.DIGITAL_KEY)


def test_every_fact_read_is_declared_and_kept_with_its_confidence() -> None:
    from chomage_rules.rules import ec32_access as module  # noqa: PLC0415

    for country in ("BE", "FR", "DE", "ES", "US"):
        access = ec32_access(country)
        assert {version.name for version in access.facts} <= set(module.FACTS)
        assert all(version.confidence in {"official", "secondary"} for version in access.facts)
        assert access.sources == access.step.sources


# --------------------------------------------------------------------------- texts


def _codes_in_the_facts() -> dict[str, tuple[str, ...]]:
    text = (resources.files("chomage_rules.parameters") / "facts" / "ec32_access.toml").read_text(
        "utf-8"
    )
    table = tomllib.loads(text)["ec32_access"]
    return {name: tuple(table[name]["versions"][-1]["value"]) for name in _CODES}


PREFIX = {
    "resident_routes": "route",
    "closed_to_cross_border": "route",
    "eidas_requires": "requires",
    "eidas_first_login_needs": "needs",
    "office_bring": "bring",
    "activation_with": "activation",
    "authenticators": "authenticator",
}


def test_every_code_of_the_facts_has_its_phrase_in_every_language() -> None:
    for name, codes in _codes_in_the_facts().items():
        for code in codes:
            assert code in _CODES[name], (name, code)
            for lang in LANGUAGES:
                assert f"ec32.{PREFIX[name]}.{code}" in catalogue(lang).phrases, (lang, code)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("country", ["BE", "FR", "DE", "NL", "LU", "ES", "US"])
def test_the_text_is_written_in_three_languages(lang: str, country: str) -> None:
    access = ec32_access(country)
    text = access.text(lang)  # type: ignore[arg-type]
    assert "{" not in text and "}" not in text
    assert "eC3.2" in text and country in text
    if access.route is Route.DIGITAL_KEY:
        assert "02 515 44 44" in text and "belgianID.be" in text and "14" in text
    assert all(f"[{n}]" in text for n in range(1, len(access.sources) + 1))


# --------------------------------------------------------------------------- in compute_month


def _notices(country: str, month: Any = MAY_2026) -> list[str]:
    result = compute_month(worker(residence_country=country), employer(), month)
    assert [s.id for s in result.steps].count("ec32.access") == 1  # a step in every case
    return [n.code for n in result.notices if n.rule == "R11"]


def test_compute_month_gives_the_notice_for_france_not_for_germany_or_belgium() -> None:
    assert _notices("FR") == ["ec32.no_eidas"]
    assert _notices("DE") == []
    assert _notices("BE") == []
    assert _notices("NL") == []
    assert _notices("US") == ["ec32.eidas_not_known"]


def test_compute_month_before_the_electronic_card_gives_no_notice() -> None:
    december_2024 = month_of(2024, 12, unemployed(working_days(2024, 12, 3), Reason.ECONOMIC))
    january_2025 = month_of(2025, 1, unemployed(working_days(2025, 1, 3), Reason.ECONOMIC))
    assert _notices("FR", december_2024) == []
    assert _notices("FR", january_2025) == ["ec32.no_eidas"]


def test_the_step_of_a_resident_says_eid_or_itsme() -> None:
    result = compute_month(worker(), employer(), MAY_2026)
    step = result.step("ec32.access")
    assert step.rule == "R11" and not step.applies
    assert step.result == "log in with the Belgian eID or itsme"
    assert step.sources


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_notice_is_in_the_json_with_its_rule_and_references(lang: str) -> None:
    result = compute_month(worker(residence_country="FR"), employer(), MAY_2026)
    document = json.loads(result.explain("json", lang))  # type: ignore[arg-type]
    (notice,) = [n for n in document["notices"] if n["code"] == "ec32.no_eidas"]
    assert notice["rule"] == "R11" and notice["references"]
    assert "FR" in notice["message"] and "02 515 44 44" in notice["message"]


countries = st.one_of(
    st.sampled_from(["BE", "FR", "DE", "NL", "LU", "ES", "IT", "US", "XX"]),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
)


@settings(max_examples=40, deadline=None)
@given(countries)
def test_the_country_of_residence_never_changes_an_amount(country: str) -> None:
    # the notice (or its absence) is all the country changes
    home = compute_month(worker(), employer(), MAY_2026)
    away = compute_month(worker(residence_country=country), employer(), MAY_2026)
    assert away.as_json()["result"] == home.as_json()["result"]
    assert away.history_after == home.history_after
    assert isinstance(away.worker, Worker)


@pytest.mark.parametrize("country", ["FR", "US"])
def test_the_notice_says_eidas_goes_by_the_country_that_issued_the_identification(
    country: str,
) -> None:
    # ONEM: « Les travailleurs frontaliers de ces nationalités peuvent se connecter […] en
    # utilisant le moyen d'identification électronique de leur pays d'origine » and « Il choisit
    # ici le pays où l'identifiant électronique a été émis »: a worker living in France with a
    # Dutch DigiD logs in with eIDAS; the notice, given by residence, must not say otherwise
    (notice,) = ec32_access(country, on=date(2026, 3, 1)).notices
    assert "an electronic identification issued by a connected country" in notice.text("en")
    assert "identification électronique émise par un pays connecté" in notice.text("fr")
    assert "elektronische identificatie uitgegeven door een aangesloten land" in notice.text("nl")
