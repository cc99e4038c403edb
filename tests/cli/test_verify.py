"""chomage-rules verify CASE.json RESULT.json: 0 the same, 1 it differs (each field printed),
2 bad input (issue 12, item 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import assert_bad_input, run, write_case


def _stored(capsys: pytest.CaptureFixture[str], case: Path, folder: Path) -> Path:
    written = run(capsys, "compute", str(case), "--format", "document")
    assert written.code == 0, written.err
    path = folder / "result.json"
    path.write_text(written.out, encoding="utf-8")
    return path


def test_an_unchanged_case_is_the_same(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = write_case(tmp_path)
    result = run(capsys, "verify", str(case), str(_stored(capsys, case, tmp_path)))
    assert result.code == 0, result.err
    assert result.out == "same: the recomputed result is the stored one (2024-06)\n"


def test_a_tampered_result_differs_by_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = write_case(tmp_path)
    stored = _stored(capsys, case, tmp_path)
    document = json.loads(stored.read_text(encoding="utf-8"))
    document["payments"][0]["net"] = "1.00"
    document["status"] = "awaiting_control_card"
    stored.write_text(json.dumps(document), encoding="utf-8")
    result = run(capsys, "verify", str(case), str(stored))
    assert result.code == 1
    assert 'status: stored "awaiting_control_card", recomputed "payable"' in result.out
    assert 'payments[0].net: stored "1.00", recomputed "129.69"' in result.out
    assert "2 field(s) differ" in result.err


def test_a_case_changed_since_differs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    stored = _stored(capsys, write_case(tmp_path), tmp_path)
    changed = write_case(tmp_path, {"history": {"supplement_units": "0.00"}}, "changed.json")
    result = run(capsys, "verify", str(changed), str(stored))
    assert result.code == 1
    assert "history_after.supplement_units" in result.out


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("[]", "a result document is a JSON object"),
        ('{"kind": "chomage-rules/month-result", "version": 9}', "version: a result document"),
        ("not json", "not valid JSON"),
    ],
)
def test_a_bad_result_document_is_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, document: str, expected: str
) -> None:
    stored = tmp_path / "result.json"
    stored.write_text(document, encoding="utf-8")
    assert_bad_input(run(capsys, "verify", str(write_case(tmp_path)), str(stored)), expected)


def test_a_missing_file_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = write_case(tmp_path)
    assert_bad_input(run(capsys, "verify", str(case), str(tmp_path / "none.json")), "no such file")


def test_the_receipt_is_checked_with_the_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A document stored with a receipt (written by the library: the CLI's compute does not
    take a key) matches its case with the same key, and differs with another."""
    from chomage_rules import compute_month  # noqa: PLC0415
    from chomage_rules.cli.case_file import EXAMPLE  # noqa: PLC0415

    key = tmp_path / "receipt.key"
    key.write_bytes(b"s" * 32)
    case = write_case(tmp_path)
    parts = {name: EXAMPLE[name] for name in ("worker", "employer", "month", "history")}
    stored = tmp_path / "result.json"
    stored.write_text(compute_month(**parts).to_json(receipt_key=b"s" * 32), encoding="utf-8")
    same = run(capsys, "verify", str(case), str(stored), "--receipt-key", str(key))
    assert same.code == 0 and "receipt matches" in same.out
    key.write_bytes(b"t" * 32)
    other = run(capsys, "verify", str(case), str(stored), "--receipt-key", str(key))
    assert other.code == 1 and "receipt.inputs_hmac_sha256" in other.out
    key.write_bytes(b"short")
    assert_bad_input(
        run(capsys, "verify", str(case), str(stored), "--receipt-key", str(key)), "--receipt-key"
    )
