"""The explanation: every step, why-not steps with values, masked identifiers, stable JSON."""

import hashlib
import hmac
import json
from datetime import date
from decimal import Decimal

import pytest

from chomage_rules import History, Month, ParameterSet, Reason, compute_month
from tests.helpers import NISS, employer, month_of, unemployed, worker, working_days

D = Decimal


def june(reason: Reason = Reason.ECONOMIC, count: int = 12) -> object:
    return month_of(2024, 6, unemployed(working_days(2024, 6, count), reason))


def test_steps_in_order_with_stable_ids() -> None:
    r = compute_month(
        worker(cp124_category="II", has_legitimation_card=True), employer("124"), june(), History()
    )
    ids = [s.id for s in r.steps]
    assert ids[:4] == ["input.days", "wage.ceiling", "wage.daily", "rate.by_reason"]
    for expected in (
        "allowance.daily_amount.standard",
        "allowance.minimum",
        "units.quarter_round.economic",
        "allowance.line.standard",
        "allowance.gross",
        "supplement.threshold",
        "supplement.day_27",
        "construction.credit",
        "withholding.payment_body",
        "payment.status",
        "history.after",
    ):
        assert expected in ids
    assert (
        ids.index("allowance.gross")
        < ids.index("supplement.amount")
        < ids.index("withholding.employer")
    )


def test_rules_that_did_not_apply_say_why_with_the_value_and_the_threshold() -> None:
    r = compute_month(worker(monthly_gross_wage=D("3000.00")), employer(), june())
    ceiling = r.step("wage.ceiling")
    assert not ceiling.applies
    assert "3,000.00" in ceiling.result and "3,365.16" in ceiling.result
    day_27 = r.step("supplement.day_27")
    assert not day_27.applies and "4,000.00" in day_27.formula
    minimum = r.step("allowance.minimum")
    assert not minimum.applies and "no minimum daily amount is sourced" in minimum.formula
    construction = r.step("construction.eligibility")
    assert not construction.applies and "joint committee 200 ≠ 124" in construction.formula


def test_steps_carry_parameters_with_source_and_date() -> None:
    r = compute_month(worker(), employer(), june())
    (use,) = r.step("wage.ceiling").parameters
    assert use.name == "wage.monthly_ceiling" and use.value == D("3365.16")
    assert use.version.valid_from == date(2024, 5, 1)
    assert use.version.sources[0].url.startswith("https://")
    assert r.step("allowance.daily_amount.standard").formula.startswith("60 % × 129.4292…")


def test_national_number_is_masked_everywhere() -> None:
    r = compute_month(worker(), employer(), june())
    for fmt in ("text", "markdown", "json"):
        rendered = r.explain(fmt)  # type: ignore[arg-type]
        assert NISS not in rendered
        assert "**.**.**-***.28" in rendered


def test_json_is_versioned_and_complete() -> None:
    r = compute_month(worker(), employer(supplement_paid_by_fund=True), june())
    doc = json.loads(r.explain("json"))
    assert doc["schema_version"] == "3.2" and doc["language"] == "en"
    assert doc["result"]["net_total"] == str(r.net_total)
    assert [p["payer"] for p in doc["result"]["payments"]] == [
        "payment_body",
        "employer",
        "sector_fund",
    ]
    assert len(doc["steps"]) == len(r.steps)
    assert doc["receipt"]["parameters_fingerprint"] == ParameterSet.default().fingerprint()
    # no key, no inputs digest: an unkeyed one would give the national number away (D27)
    assert doc["receipt"]["inputs_hmac_sha256"] is None
    # the same inputs give the same document
    assert compute_month(worker(), employer(supplement_paid_by_fund=True), june()).explain(
        "json"
    ) == r.explain("json")


def test_text_reads_like_a_payslip_annex() -> None:
    text = compute_month(worker(), employer(), june()).explain("text")
    assert text.startswith("Temporary unemployment, 2024-06\n")
    assert "Net total" in text and "How it was computed" in text
    assert "[did not apply]" in text


def test_stale_and_overridden_figures_are_noticed() -> None:
    r = compute_month(
        worker(),
        employer(),
        month_of(2026, 6, unemployed(working_days(2026, 6, 2), Reason.ECONOMIC)),
    )
    # June 2026: the supplement's 5.20 has no source after the indexation of 2026-03-01; the
    # ceiling 3,501.11 is not stale before the indexation expected on 2026-10-01
    stale = [n for n in r.notices if n.code == "parameters.stale"]
    assert stale and "supplement.amount" in stale[0].message
    assert "wage.monthly_ceiling" not in stale[0].message
    custom = ParameterSet.default().override({"rate.standard": D("0.62")})
    r = compute_month(worker(), employer(), june(), parameters=custom)
    assert any(
        n.code == "parameters.overridden" and "rate.standard" in n.message for n in r.notices
    )
    assert "override supplied by the caller" in r.explain("text")


KEY = bytes(range(32))  # a caller's secret (a fixed one, for the test)


def test_the_keyed_receipt_tells_apart_two_people_with_the_same_masked_number() -> None:
    # 850730033 and 850730130 differ by 97, so both numbers end in 28: masked alike
    other = "85073013028"
    assert 850730130 - 850730033 == 97 and other[-2:] == NISS[-2:]
    first = compute_month(worker(), employer(), june())
    second = compute_month(worker(niss=other), employer(), june())
    first_doc, second_doc = first.as_json(receipt_key=KEY), second.as_json(receipt_key=KEY)
    # before the fix, the receipt hashed the masked inputs: the same for both people
    assert first_doc["inputs"] == second_doc["inputs"]
    assert first_doc["receipt"]["inputs_hmac_sha256"] != second_doc["receipt"]["inputs_hmac_sha256"]
    # neither number appears in the documents, in any format
    for result, number in ((first, NISS), (second, other)):
        assert number not in result.explain("json", receipt_key=KEY)
        assert number not in json.dumps(result.as_json(receipt_key=KEY))


def test_the_keyed_receipt_is_recomputed_from_the_callers_own_data() -> None:
    r = compute_month(worker(), employer(), june(), History(supplement_units=D("3")))
    # the recipe of MonthResult.inputs_hmac, written out: HMAC-SHA256 of the full inputs as
    # compact JSON with sorted keys
    # compact JSON with sorted keys; the inputs added since the recipe was published (issue 10)
    # are left out at their default, so this is the message of a receipt stored before them
    added = {
        "worker": {"occupation", "residence_region"},
        "employer": {"sheltered_workshop"},
        "month": {"control_card", "paper_card_issued"},
        "history": {"reason_limits", "spell", "last_unemployment", "payment_body_changed"},
    }
    inputs = {
        "worker": worker().model_dump(mode="json", exclude=added["worker"]),
        "employer": employer().model_dump(mode="json", exclude=added["employer"]),
        "month": june().model_dump(mode="json", exclude=added["month"]),  # type: ignore[attr-defined]
        "history": History(supplement_units=D("3")).model_dump(
            mode="json", exclude=added["history"]
        ),
    }
    assert inputs["worker"]["niss"] == NISS  # the full number, not its masked form
    message = json.dumps(inputs, sort_keys=True, separators=(",", ":")).encode()
    expected = hmac.new(KEY, message, hashlib.sha256).hexdigest()
    assert r.inputs_hmac(KEY) == expected
    assert r.as_json(receipt_key=KEY)["receipt"]["inputs_hmac_sha256"] == expected
    # the same inputs give the same receipt; another key, another one
    assert (
        compute_month(worker(), employer(), june(), History(supplement_units=D("3"))).inputs_hmac(
            KEY
        )
        == expected
    )
    assert r.inputs_hmac(bytes(32)) != expected


def test_a_receipt_key_must_be_a_secret_of_16_bytes_or_more() -> None:
    r = compute_month(worker(), employer(), june())
    with pytest.raises(ValueError, match="at least 16 bytes"):
        r.inputs_hmac(b"short")
    with pytest.raises(TypeError, match="must be bytes"):
        r.inputs_hmac("a text key of some length")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="JSON document"):
        r.explain("text", receipt_key=KEY)


def test_a_process_input_given_changes_the_receipt() -> None:
    # left out of the message only while at its default: a paper card is part of the inputs
    month = june()
    paper = Month.model_validate({**month.model_dump(), "control_card": "paper"})  # type: ignore[attr-defined]
    assert compute_month(worker(), employer(), month).inputs_hmac(KEY) != compute_month(
        worker(), employer(), paper
    ).inputs_hmac(KEY)
