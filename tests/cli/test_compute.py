"""chomage-rules compute and example: a case file in, an explanation out; bad input named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chomage_rules.cli.case_file import EXAMPLE
from tests.cli.helpers import assert_bad_input, run, with_stdin, write_case
from tests.html_tree import parse

# The README's worker (the example case): June 2024, ceiling 3,365.16, so the daily wage is
# 3,365.16 / 26 = 129.4292…; economic 60 % → 77.6575… → 77.66, force majeure 65 % → 84.1290… →
# 84.13; allowance 161.79, construction top-up 2 × 7.63 = 15.26 (category II), supplement 5.10;
# withheld 26.75 %: (161.79 + 15.26) × 0.2675 = 47.36 and 5.10 × 0.2675 = 1.36;
# net (177.05 − 47.36) + (5.10 − 1.36) = 129.69 + 3.74 = 133.43.
README_NET = "133.43"


def test_example_piped_into_compute_gives_the_readmes_month(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    example = run(capsys, "example")
    assert example.code == 0 and example.err == ""
    assert json.loads(example.out) == EXAMPLE
    with_stdin(monkeypatch, example.out)
    computed = run(capsys, "compute", "-")
    assert computed.code == 0, computed.err
    assert "Net total" in computed.out and README_NET in computed.out
    assert "**.**.**-***.28" in computed.out and "85073003328" not in computed.out


def test_the_json_format_is_the_results_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = run(capsys, "compute", str(write_case(tmp_path)), "--format", "json", "--lang", "nl")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["language"] == "nl"
    assert document["result"]["net_total"] == README_NET
    assert document["inputs"]["worker"]["niss"] == "**.**.**-***.28"


def test_markdown_in_french(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run(
        capsys, "compute", str(write_case(tmp_path)), "--format", "markdown", "--lang", "fr"
    )
    assert result.code == 0, result.err
    assert result.out.startswith("# ")
    assert "133,43" in result.out  # French writes the decimal comma


def test_html_is_a_whole_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = write_case(tmp_path, {"employer": {**EXAMPLE["employer"], "name": "<i>A & B</i>"}})
    result = run(capsys, "compute", str(case), "--format", "html", "--lang", "nl")
    assert result.code == 0, result.err
    tree = parse(result.out)
    (page,) = tree.find_all("html")
    assert page.attrs["lang"] == "nl"
    assert tree.find_all("title")[0].text == "Tijdelijke werkloosheid, 2024-06"
    (body,) = tree.find_all("body")
    assert body.find_all("div")[0].attrs["class"] == "chomage-rules"
    assert not tree.find_all("i")  # the employer's name is text
    assert "<i>A & B</i>, 0403.170.701" in body.text
    assert "133,43" in body.text and "85073003328" not in result.out


def test_history_may_be_left_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = {key: value for key, value in EXAMPLE.items() if key != "history"}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    result = run(capsys, "compute", str(path), "--format", "json")
    assert result.code == 0, result.err
    # no units counted before: 0 + 2 units of the month, of which the supplement's counter keeps
    # the economic one (force majeure does not count towards it)
    assert json.loads(result.out)["history_after"]["supplement_units"] == "1.00"


# With a ceiling of 3,700.00 the wage (3,500.00) is not capped: 3,500 / 26 = 134.6153…; 60 % →
# 80.7692… → 80.77, 65 % → 87.50 exactly; allowance 168.27, top-up 15.26, supplement 5.10;
# withheld (168.27 + 15.26) × 0.2675 = 49.0942… → 49.09 and 1.36; net 134.44 + 3.74 = 138.18.
CEILING_3700_NET = "138.18"


def test_set_replaces_a_figure(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = str(write_case(tmp_path))
    result = run(
        capsys, "compute", path, "--format", "json", "--set", "wage.monthly_ceiling=3700.00"
    )
    assert result.code == 0, result.err
    assert json.loads(result.out)["result"]["net_total"] == CEILING_3700_NET


def test_the_case_file_may_replace_figures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    every_date = write_case(tmp_path, {"parameters": {"wage.monthly_ceiling": "3700.00"}}, "a.json")
    from_a_date = write_case(
        tmp_path, {"parameters": {"wage.monthly_ceiling": {"2024-05-01": "3700.00"}}}, "b.json"
    )
    for path in (every_date, from_a_date):
        result = run(capsys, "compute", str(path), "--format", "json")
        assert result.code == 0, result.err
        assert json.loads(result.out)["result"]["net_total"] == CEILING_3700_NET
    # --set comes after the file's figures: 3,365.16 again gives the README's month
    again = run(
        capsys,
        "compute",
        str(every_date),
        "--format",
        "json",
        "--set",
        "wage.monthly_ceiling=3365.16",
    )
    assert json.loads(again.out)["result"]["net_total"] == README_NET


# --------------------------------------------------------------------------- bad input


def test_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert_bad_input(run(capsys, "compute", str(tmp_path / "nope.json")), "nope.json: no such file")


def test_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert_bad_input(run(capsys, "compute", str(tmp_path)), "is a folder")


def test_a_file_named_by_a_national_number_is_not_named_in_full(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(capsys, "compute", "85073003328.json")
    assert_bad_input(result, "**.**.**-***.28.json: no such file")
    assert "85073003328" not in result.err


def test_invalid_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text('{"worker": {"niss": "85073003328",\n}', encoding="utf-8")
    result = run(capsys, "compute", str(path))
    assert_bad_input(result, "case.json: not valid JSON", "line 2, column 1")
    assert "85073003328" not in result.err  # the document is never printed


def test_nan_is_not_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text('{"worker": NaN}', encoding="utf-8")
    assert_bad_input(run(capsys, "compute", str(path)), "not valid JSON", "NaN")


def test_not_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_bytes('{"employer": {"name": "Métal"}}'.encode("latin-1"))
    assert_bad_input(run(capsys, "compute", str(path)), "not UTF-8 text")


def test_a_document_that_is_not_an_object(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with_stdin(monkeypatch, "[1, 2]")
    assert_bad_input(run(capsys, "compute", "-"), "standard input", "is a list", "example")


def test_fields_that_fail_validation_are_named_without_the_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    worker = {**EXAMPLE["worker"], "niss": "85073003329", "monthly_gross_wage": 3500.5}
    month = {**EXAMPLE["month"], "days": [{**EXAMPLE["month"]["days"][0], "hours": "99"}]}
    path = write_case(tmp_path, {"worker": worker, "month": month, "colour": "blue"})
    result = run(capsys, "compute", str(path))
    assert_bad_input(
        result,
        "case.json: 4 problems",
        "worker.niss: the national number **.**.**-***.29 fails its mod-97 check",
        "worker.monthly_gross_wage: a binary float (3500.5) cannot hold an exact amount",
        "month.days[0].hours",
        "colour: Extra inputs are not permitted",
    )
    assert "85073003329" not in result.err


def test_a_part_missing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"worker": EXAMPLE["worker"]}), encoding="utf-8")
    result = run(capsys, "compute", str(path))
    assert_bad_input(result, "employer: Field required", "month: Field required")
    assert "85073003328" not in result.err


def test_a_national_number_in_the_wrong_field_is_masked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    employer = {**EXAMPLE["employer"], "joint_committee": "85073003328"}
    result = run(capsys, "compute", str(write_case(tmp_path, {"employer": employer})))
    assert_bad_input(result, "employer.joint_committee")
    assert "85073003328" not in result.err


def test_what_only_the_whole_case_shows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # counters recorded through the month itself cannot be applied to it
    history = {"supplement_units": "30.00", "through": "2024-06-30"}
    result = run(capsys, "compute", str(write_case(tmp_path, {"history": history})))
    assert_bad_input(result, "history.through: the counters run through 2024-06-30")


def test_a_month_before_the_first_figure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    month = {"year": 2019, "month": 6, "days": []}
    result = run(capsys, "compute", str(write_case(tmp_path, {"month": month})))
    assert_bad_input(result, "month: the month 2019-06", "comes before the first figure")


def test_bad_figures_in_the_case_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    unknown = write_case(tmp_path, {"parameters": {"wage.monthly_cieling": "3700.00"}}, "a.json")
    assert_bad_input(
        run(capsys, "compute", str(unknown)),
        "a.json: 1 problem",
        "parameters[\"wage.monthly_cieling\"]: unknown parameter 'wage.monthly_cieling'; "
        "did you mean 'wage.monthly_ceiling'?",
    )
    floating = write_case(
        tmp_path, {"parameters": {"rate.standard": {"2024-01-01": 0.6}}}, "b.json"
    )
    assert_bad_input(
        run(capsys, "compute", str(floating)),
        'parameters["rate.standard"]["2024-01-01"]: give rate.standard as a Decimal',
    )


def test_a_figure_the_case_leaves_without_a_value(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_case(tmp_path, {"parameters": {"wage.monthly_ceiling": None}})
    assert_bad_input(
        run(capsys, "compute", str(path)),
        "case.json: parameter 'wage.monthly_ceiling' has no value",
    )


def test_bad_set_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = str(write_case(tmp_path))
    assert_bad_input(
        run(capsys, "compute", path, "--set", "wage.monthly_cieling=3700.00"),
        "--set: 1 problem",
        "wage.monthly_cieling: unknown parameter",
    )
    assert_bad_input(
        run(capsys, "compute", path, "--set", "wage.monthly_ceiling=3700.00.1"),
        "wage.monthly_ceiling: '3700.00.1' is not a number",
    )
    assert_bad_input(
        run(capsys, "compute", path, "--set", "wage.monthly_ceiling"), "write NAME=VALUE"
    )


def test_a_bad_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad_input(run(capsys, "compute"), "usage: chomage-rules compute")
    assert_bad_input(run(capsys, "compute", "x.json", "--format", "pdf"), "invalid choice")
    assert_bad_input(run(capsys, "frobnicate"), "invalid choice")


def test_an_internal_error_is_short_and_masked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug that quotes 85073003328")

    monkeypatch.setattr("chomage_rules.cli.app.compute_month", broken)
    result = run(capsys, "compute", str(write_case(tmp_path)))
    assert result.code == 1 and result.out == ""
    assert "internal error (RuntimeError: a bug that quotes **.**.**-***.28)" in result.err
    assert "Traceback" not in result.err and len(result.err.splitlines()) == 1


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    helped = run(capsys, "--help")
    assert helped.code == 0
    for command in ("compute", "example", "parameters", "schema", "simulate"):
        assert command in helped.out
    version = run(capsys, "--version")
    assert version.code == 0 and version.out.startswith("chomage-rules ")
