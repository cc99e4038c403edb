"""Issue 9, item 5: every parameter file is checked against one schema, and every refusal names the
file, the parameter and the version.

Each malformed file below is one class of fault a hand-edited file can have; the message must say
where it is (file, parameter, version) so that the person who edited it can find it.
"""

import pickle
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

import chomage_rules.parameters as parameters_module
from chomage_rules import ParameterFileError, ParameterSet
from chomage_rules.parameters import schema
from chomage_rules.parameters.indexations import read_indexations_file

# two versions, so that a fault in the second one must be told apart from the first
GOOD = """\
family = "test"

[test.figure]
description = "a figure"
description_fr = "un montant"
description_nl = "een bedrag"
unit = "EUR per day"
kind = "amount"

[[test.figure.versions]]
from = 2024-01-01
value = 1.00
confidence = "official"

[[test.figure.versions.sources]]
title = "Page A"
url = "https://example.org/a"
date = 2024-01-01
date_kind = "published"

[[test.figure.versions]]
from = 2024-06-01
value = 2.00
confidence = "secondary"

[[test.figure.versions.sources]]
title = "Page B"
url = "https://example.org/b"
date = 2024-06-01
date_kind = "updated"
"""
SECOND = "version 2 (from 2024-06-01)"


def _folder(tmp_path: Path, text: str, name: str = "test.toml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _refusal(tmp_path: Path, text: str) -> ParameterFileError:
    with pytest.raises(ParameterFileError) as caught:
        ParameterSet.from_directory(_folder(tmp_path, text))
    return caught.value


def test_the_good_file_loads(tmp_path: Path) -> None:
    loaded = ParameterSet.from_directory(_folder(tmp_path, GOOD))
    assert loaded.names() == ("test.figure",)
    assert loaded.value("test.figure", date(2024, 5, 31)) == Decimal("1.00")
    assert loaded.value("test.figure", date(2024, 6, 1)) == Decimal("2.00")


def _in_second(old: str, new: str) -> Callable[[str], str]:
    """Replace ``old`` in the second version only (its part of the file starts at from = 2024-06-01)."""

    def change(text: str) -> str:
        head, tail = text.split("from = 2024-06-01", 1)
        return head + "from = 2024-06-01" + tail.replace(old, new, 1)

    return change


def _everywhere(old: str, new: str) -> Callable[[str], str]:
    return lambda text: text.replace(old, new, 1)


# (fault, how the good file is changed, the version the message names (None: the parameter as a
# whole), words of the message)
MALFORMED = [
    # TOML syntax: tomllib's own words, placed in the parameter and version whose lines hold it
    ("toml syntax", _in_second("value = 2.00", "value = 2.00 3"), "version 2", "TOML syntax"),
    (
        "unknown version key",
        _in_second("value = 2.00", "value = 2.00\nuntil = 2024-12-31"),
        SECOND,
        "unknown key 'until'",
    ),
    (
        "unknown parameter key",
        _everywhere('kind = "amount"', 'kind = "amount"\nindexd = true'),
        None,
        "unknown key 'indexd'",
    ),
    (
        "unknown source key",
        _in_second('title = "Page B"', 'title = "Page B"\nby = "me"'),
        SECOND,
        "source 1: unknown key 'by'",
    ),
    (
        "missing description",
        _everywhere('description = "a figure"\n', ""),
        None,
        "missing key 'description'",
    ),
    (
        "missing source title",
        _in_second('title = "Page B"\n', ""),
        SECOND,
        "source 1: missing key 'title'",
    ),
    ("missing from", _everywhere("from = 2024-06-01\n", ""), "version 2", "missing key 'from'"),
    (
        "missing sources",
        lambda text: text[: text.rindex("[[test.figure.versions.sources]]")],
        SECOND,
        "missing key 'sources'",
    ),
    (
        "missing date_kind",
        _in_second('date_kind = "updated"\n', ""),
        SECOND,
        "missing key 'date_kind'",
    ),
    # a boolean was read as 1, a 100 % rate: never a number
    ("boolean figure", _in_second("value = 2.00", "value = true"), SECOND, "not the boolean true"),
    ("quoted figure", _in_second("value = 2.00", 'value = "2.00"'), SECOND, "not the text '2.00'"),
    (
        "date as figure",
        _in_second("value = 2.00", "value = 2024-01-01"),
        SECOND,
        "not the date 2024-01-01",
    ),
    (
        "date-time as start",
        _everywhere("from = 2024-06-01", "from = 2024-06-01T00:00:00"),
        "version 2",
        "the date-time 2024-06-01T00:00:00",
    ),
    (
        "number as text",
        _everywhere('unit = "EUR per day"', "unit = 12"),
        None,
        "unit: Input should be a valid string",
    ),
    (
        "text as flag",
        _everywhere('kind = "amount"', 'kind = "amount"\nindexed = "yes"'),
        None,
        "indexed: Input should be a valid boolean",
    ),
    ("unknown kind", _everywhere('kind = "amount"', 'kind = "amout"'), None, "kind: Input should"),
    ("bad date_kind", _in_second('"updated"', '"seen"'), SECOND, "date_kind"),
    # a bad decimal: TOML numbers that are no figure
    ("not a number", _in_second("value = 2.00", "value = nan"), SECOND, "finite number"),
    ("infinite", _in_second("value = 2.00", "value = inf"), SECOND, "finite number"),
    (
        "huge exponent",
        _in_second("value = 2.00", "value = 1e999999999"),
        SECOND,
        "at most 18 digits",
    ),
    ("fractions of a cent", _in_second("value = 2.00", "value = 2.001"), SECOND, "whole cents"),
    ("negative", _in_second("value = 2.00", "value = -2.00"), SECOND, "at least 0"),
    (
        "out of order",
        _everywhere("from = 2024-06-01", "from = 2023-06-01"),
        "version 2 (from 2023-06-01)",
        "starts on or before version 1 (from 2024-01-01)",
    ),
    (
        "duplicate start",
        _everywhere("from = 2024-06-01", "from = 2024-01-01"),
        "version 2 (from 2024-01-01)",
        "starts on or before version 1 (from 2024-01-01)",
    ),
    ("no value and no note", _in_second("value = 2.00\n", ""), SECOND, "say why in 'note'"),
    (
        "only undated sources",
        _in_second('date = 2024-06-01\ndate_kind = "updated"', "undated = true"),
        SECOND,
        "no dated source",
    ),
    (
        "source without a date",
        _in_second('date = 2024-06-01\ndate_kind = "updated"\n', ""),
        SECOND,
        "source 1: the source has no date",
    ),
    (
        "dated and undated",
        _in_second('date_kind = "updated"', 'date_kind = "updated"\nundated = true'),
        SECOND,
        "not both",
    ),
    # how sure a figure is (issue 10): every version says it, and a derived one says how
    ("missing confidence", _in_second('confidence = "secondary"\n', ""), SECOND, "'confidence'"),
    (
        "unknown confidence",
        _in_second('confidence = "secondary"', 'confidence = "sure"'),
        SECOND,
        "confidence: Input should be 'official', 'secondary' or 'derived'",
    ),
    (
        "derived without a derivation",
        _in_second('confidence = "secondary"', 'confidence = "derived"'),
        SECOND,
        "a derived figure writes its derivation in 'note'",
    ),
    (
        "unverified but not derived",
        _in_second('confidence = "secondary"', 'confidence = "secondary"\nunverified = true'),
        SECOND,
        "unverified = true marks a derived figure that no source confirms",
    ),
    (
        "not in force with a value",
        _in_second('confidence = "secondary"', 'confidence = "secondary"\nnot_in_force = true'),
        SECOND,
        "not_in_force = true marks a version without a value",
    ),
    (
        "indexed without a series",
        _everywhere('kind = "amount"', 'kind = "amount"\nindexed = true'),
        None,
        "indexed = true but no series",
    ),
    (
        "a series but not indexed",
        _everywhere('kind = "amount"', 'kind = "amount"\nseries = "social_benefits"'),
        None,
        "a series is given but indexed is not true",
    ),
    (
        "a series no file gives",
        _everywhere('kind = "amount"', 'kind = "amount"\nindexed = true\nseries = "rents"'),
        None,
        "series 'rents' is not in indexations.toml (construction, social_benefits",
    ),
    (
        "valid_from is a date kind, not a value",
        _in_second('date_kind = "updated"', 'date_kind = "valid_from"\nvalid_from = 2024-06-01'),
        SECOND,
        "source 1: unknown key 'valid_from'",
    ),
]


@pytest.mark.parametrize(
    ("change", "version", "words"),
    [case[1:] for case in MALFORMED],
    ids=[case[0] for case in MALFORMED],
)
def test_a_malformed_file_is_refused_naming_file_parameter_and_version(
    tmp_path: Path, change: Callable[[str], str], version: str | None, words: str
) -> None:
    text = change(GOOD)
    assert text != GOOD  # the change took
    error = _refusal(tmp_path, text)
    assert isinstance(error, ValueError)  # the documented type: ParameterFileError(ValueError)
    message = str(error)
    assert str(tmp_path / "test.toml") in message
    assert "test.figure" in message
    assert words in message
    (problem,) = error.problems
    assert problem.path == str(tmp_path / "test.toml")
    assert problem.parameter == "test.figure"
    assert problem.version == version
    if version is not None:
        assert version in message


@pytest.mark.parametrize(
    ("kind", "value", "words"),
    [
        ("rate", "1.2", "between 0 and 1"),
        ("count", "26.3", "half units"),
        ("divisor", "0", "above 0"),
        ("divisor", "26.5", "whole number"),
        ("rate", "0.1234567890123456789", "18 after"),
    ],
)
def test_a_figure_its_kind_does_not_allow_is_refused(
    tmp_path: Path, kind: str, value: str, words: str
) -> None:
    text = GOOD.replace('kind = "amount"', f'kind = "{kind}"').replace("value = 1.00", "value = 0")
    error = _refusal(tmp_path, _in_second("value = 2.00", f"value = {value}")(text))
    assert words in str(error) and SECOND in str(error)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (GOOD.replace('family = "test"\n', ""), "missing key 'family'"),
        (GOOD.replace('family = "test"', "family = 3"), "'family' is the integer 3"),
        (GOOD.replace('family = "test"', 'family = "tset"'), "unknown top-level key(s) ['test']"),
        ('family = "test"\n[test]\n', "no parameter in the table [test]"),
        (GOOD + "\n[test.group.inner]\n", "test.group.inner: an empty table"),
        (
            GOOD.replace("[test.figure]", '[test."a figure"]').replace(
                "test.figure.", 'test."a figure".'
            ),
            "'a figure' is not a name",
        ),
    ],
)
def test_the_layout_of_a_file_is_checked(tmp_path: Path, text: str, words: str) -> None:
    error = _refusal(tmp_path, text)
    assert str(tmp_path / "test.toml") in str(error)
    assert words in str(error)


def test_every_problem_of_every_file_is_told_at_once(tmp_path: Path) -> None:
    twice = _in_second("value = 2.00", "value = true")(
        GOOD.replace('kind = "amount"', 'kind = "amount"\nindexd = true')
    )
    _folder(tmp_path, twice, "a.toml")
    _folder(tmp_path, GOOD.replace('family = "test"', 'family = "test"\n[test.x]'), "b.toml")
    with pytest.raises(ParameterFileError) as caught:
        ParameterSet.from_directory(tmp_path)
    found = {(Path(p.path).name, p.parameter, p.version) for p in caught.value.problems}
    assert found == {
        ("a.toml", "test.figure", None),  # indexd
        ("a.toml", "test.figure", SECOND),  # value = true
        ("b.toml", "test.x", None),  # an empty table
    }
    assert "3 problems in parameter files" in str(caught.value)


def test_a_parameter_defined_in_two_files_is_refused(tmp_path: Path) -> None:
    _folder(tmp_path, GOOD, "a.toml")
    _folder(tmp_path, GOOD, "b.toml")
    with pytest.raises(
        ParameterFileError, match=r"b\.toml: test\.figure: also defined in .*a\.toml"
    ):
        ParameterSet.from_directory(tmp_path)


def test_a_folder_without_parameter_files_is_refused(tmp_path: Path) -> None:
    # before, an empty set came back and every month failed later with ParameterNotCovered
    with pytest.raises(ParameterFileError, match="no parameter file"):
        ParameterSet.from_directory(tmp_path / "no such folder")


def test_a_file_that_is_not_utf8_is_refused_naming_it(tmp_path: Path) -> None:
    (tmp_path / "test.toml").write_bytes(GOOD.replace("a figure", "un montant é").encode("latin-1"))
    with pytest.raises(ParameterFileError, match=r"test\.toml: cannot be read as UTF-8"):
        ParameterSet.from_directory(tmp_path)


def test_undated_sources_may_come_beside_a_dated_one(tmp_path: Path) -> None:
    text = _in_second(
        "[[test.figure.versions.sources]]",
        (
            '[[test.figure.versions.sources]]\ntitle = "Page C"\nurl = "https://example.org/c"\n'
            "undated = true\n\n[[test.figure.versions.sources]]"
        ),
    )(GOOD)
    loaded = ParameterSet.from_directory(_folder(tmp_path, text))
    version = loaded.version("test.figure", date(2024, 6, 1))
    first, second = version.sources
    assert first.undated and first.date is None and first.date_kind is None
    assert second.date == date(2024, 6, 1) and second.date_kind == "updated"
    assert version.source_date == date(2024, 6, 1)


def test_figures_are_the_exact_decimals_of_their_text(tmp_path: Path) -> None:
    # TOML floats are read with parse_float=Decimal: 0.2675 is 0.2675, not the binary float
    # 0.267500000000000015543122344752191565930843353271484375; an integer is the same integer
    text = GOOD.replace('kind = "amount"', 'kind = "rate"').replace("value = 1.00", "value = 0")
    loaded = ParameterSet.from_directory(_folder(tmp_path, text.replace("2.00", "0.2675")))
    assert loaded.value("test.figure", date(2024, 6, 1)) == Decimal("0.2675")
    assert loaded.value("test.figure", date(2024, 1, 1)) == Decimal(0)
    # an exponent is a TOML float too, and just as exact: 1.5e3 is 1500
    amount = ParameterSet.from_directory(_folder(tmp_path, GOOD.replace("2.00", "1.5e3")))
    assert amount.value("test.figure", date(2024, 6, 1)) == Decimal(1500)


SHIPPED = resources.files(parameters_module)


def _shipped_files() -> list[str]:
    """The shipped parameter files (the series of indexations have a file of their own)."""
    return sorted(
        entry.name
        for entry in SHIPPED.iterdir()
        if entry.name.endswith(".toml") and entry.name != "indexations.toml"
    )


@pytest.mark.parametrize("name", _shipped_files())
def test_every_shipped_file_follows_the_schema(name: str) -> None:
    text = (SHIPPED / name).read_text(encoding="utf-8")
    entries = schema.read_file(name, text)
    family = name.removesuffix(".toml")
    assert entries and all(parameter.startswith(f"{family}.") for parameter in entries)
    assert set(entries) <= set(ParameterSet.default().names())


def test_the_default_set_is_loaded_through_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def spy(path: str, text: str) -> dict[str, schema.ParameterEntry]:
        read.append(Path(path).name)
        return schema.read_file(path, text)

    monkeypatch.setattr(parameters_module, "read_file", spy)
    # the default's loader, run again (uncached) so the shared default is left as it is
    loaded = parameters_module._default_parameters.__wrapped__()
    assert read == _shipped_files()
    assert ParameterSet(loaded).fingerprint() == ParameterSet.default().fingerprint()


def test_the_shipped_folder_loads_as_the_default() -> None:
    folder = Path(str(SHIPPED))
    assert ParameterSet.from_directory(folder).fingerprint() == ParameterSet.default().fingerprint()


def test_the_error_pickles_and_keeps_its_problems(tmp_path: Path) -> None:
    # a process pool sends exceptions back pickled
    error = _refusal(tmp_path, _in_second("value = 2.00", "value = true")(GOOD))
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is ParameterFileError
    assert again.problems == error.problems and str(again) == str(error)


@pytest.mark.parametrize(
    "extra",
    ["9" * 5000, "[" * 1000 + "]" * 1000],
    ids=["an integer of 5,000 digits", "arrays 1,000 deep"],
)
def test_what_tomllib_itself_cannot_read_names_the_file(tmp_path: Path, extra: str) -> None:
    # tomllib raises a bare ValueError (Python's 4,300-digit limit) or RecursionError for these:
    # they come out as a ParameterFileError naming the file, like any other unreadable file
    error = _refusal(tmp_path, f'family = "x"\nzz = {extra}\n')
    assert str(error).startswith(f"{tmp_path / 'test.toml'}: the file cannot be read as TOML")


# --------------------------------------------------------------------------- issue 10: confidence,
# the valid_from date kind, and the series of indexations (indexations.toml)


def test_a_page_whose_only_date_is_its_validity_date(tmp_path: Path) -> None:
    # « Bedragen geldig vanaf 01.02.2025 »: the day its figures apply from is a date the page shows
    text = _in_second('date_kind = "updated"', 'date_kind = "valid_from"')(GOOD)
    loaded = ParameterSet.from_directory(_folder(tmp_path, text))
    version = loaded.version("test.figure", date(2024, 6, 1))
    assert version.sources[0].date_kind == "valid_from"
    assert version.source_date == date(2024, 6, 1)


def test_confidence_and_the_flags_are_read(tmp_path: Path) -> None:
    text = _in_second(
        'confidence = "secondary"',
        'confidence = "derived"\nunverified = true\nnote = "1.00 × 2"',
    )(GOOD)
    loaded = ParameterSet.from_directory(_folder(tmp_path, text))
    first = loaded.version("test.figure", date(2024, 1, 1))
    second = loaded.version("test.figure", date(2024, 6, 1))
    assert (first.confidence, first.unverified, first.derived) == ("official", False, False)
    assert (second.confidence, second.unverified, second.derived) == ("derived", True, True)
    assert second.note == "1.00 × 2"


SERIES = """\
family = "indexation"

[indexation.rents]
description = "rents, indexed each 1 July"

[[indexation.rents.indexations]]
on = 2024-07-01
status = "happened"
confidence = "secondary"

[[indexation.rents.indexations.sources]]
title = "Page S"
url = "https://example.org/s"
undated = true

[[indexation.rents.indexations]]
on = 2025-07-01
status = "expected"
confidence = "secondary"

[[indexation.rents.indexations.sources]]
title = "Page T"
url = "https://example.org/t"
date = 2025-01-10
date_kind = "published"
"""

INDEXED = GOOD.replace('kind = "amount"', 'kind = "amount"\nindexed = true\nseries = "rents"')


def test_a_folder_gives_its_own_series(tmp_path: Path) -> None:
    _folder(tmp_path, INDEXED)
    _folder(tmp_path, SERIES, "indexations.toml")
    loaded = ParameterSet.from_directory(tmp_path)
    assert loaded.names() == ("test.figure",)  # indexations.toml is no parameter file
    assert set(loaded.indexations) == {"rents"}
    assert loaded.parameter("test.figure").series == "rents"
    # 2.00 from 2024-06-01, latest source 2024-06-01: the indexation of 2024-07-01 comes after it
    assert loaded.stale("test.figure", date(2024, 6, 30)) is None
    stale = loaded.stale("test.figure", date(2024, 7, 1))
    assert stale is not None and (stale.on, stale.status) == (date(2024, 7, 1), "happened")
    # the first one after the source is named, even once a later one is known too
    on_2026 = loaded.stale("test.figure", date(2026, 1, 1))
    assert on_2026 is not None and on_2026.on == date(2024, 7, 1)


def test_a_folder_without_series_uses_the_shipped_ones(tmp_path: Path) -> None:
    text = GOOD.replace(
        'kind = "amount"', 'kind = "amount"\nindexed = true\nseries = "construction"'
    )
    loaded = ParameterSet.from_directory(_folder(tmp_path, text))
    assert loaded.indexations == ParameterSet.default().indexations


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda t: t.replace('status = "expected"', 'status = "forecast"'), "status"),
        (lambda t: t.replace("on = 2025-07-01", "on = 2024-01-01"), "oldest first"),
        (lambda t: t.replace('confidence = "secondary"\n', "", 1), "missing key 'confidence'"),
        (
            lambda t: t.replace('confidence = "secondary"', 'confidence = "derived"', 1),
            "a derived indexation says how it was derived in 'note'",
        ),
        (lambda t: t.replace("undated = true", ""), "the source has no date"),
        (lambda t: t.replace("on = 2024-07-01", "on = 2024-07-01\nvalue = 2"), "unknown key"),
    ],
    ids=["bad status", "out of order", "no confidence", "derived, no note", "undated", "extra key"],
)
def test_a_malformed_file_of_series_is_refused(
    tmp_path: Path, change: Callable[[str], str], words: str
) -> None:
    _folder(tmp_path, INDEXED)
    text = change(SERIES)
    assert text != SERIES
    _folder(tmp_path, text, "indexations.toml")
    with pytest.raises(ParameterFileError) as caught:
        ParameterSet.from_directory(tmp_path)
    message = str(caught.value)
    assert "indexations.toml" in message and "indexation.rents" in message and words in message


def test_the_shipped_series_follow_the_schema() -> None:
    text = (SHIPPED / "indexations.toml").read_text(encoding="utf-8")
    series = read_indexations_file("indexations.toml", text)
    assert set(series) == {"social_benefits", "supplement_threshold", "construction"}
    # every indexed parameter names one of them
    default = ParameterSet.default()
    for name in default.names():
        parameter = default.parameter(name)
        assert (parameter.series in series) == parameter.indexed, name
