"""chomage_rules.plot: the allowance curve draws the library's own amounts and marks the figures
in force on the day; the package does not import matplotlib, and without it the module names
its extra (issue 12, item 2)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import matplotlib as mpl

mpl.use("Agg")  # before pyplot: no window, in any environment

import matplotlib.pyplot as plt
import pytest
from pydantic import ValidationError

from chomage_rules import DayEntry, Employer, Month, ParameterSet, Worker, compute_month
from chomage_rules.plot import allowance_curve, allowance_points

ON = date(2026, 12, 1)
WAGES = range(2000, 5001, 250)


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _by_label(ax: plt.Axes, start: str) -> list[plt.Line2D]:
    return [line for line in ax.lines if line.get_label().startswith(start)]


def _expected(wage: int, days: int = 10) -> tuple[Decimal, Decimal]:
    """The month computed here, independently: December 2026, its first ``days`` weekdays
    (1 to 4, 7 to 11, 14), economic, a full-time week of 38 h over 5 days, joint committee 200."""
    weekdays = [d for d in range(1, 32) if date(2026, 12, d).weekday() < 5][:days]
    month = Month(
        year=2026,
        month=12,
        days=[
            DayEntry(day=date(2026, 12, d), status="temporary_unemployment", reason="economic")
            for d in weekdays
        ],
    )
    worker = Worker(niss="85073003328", monthly_gross_wage=Decimal(wage))
    employer = Employer(enterprise_number="0403.170.701", joint_committee="200")
    result = compute_month(worker, employer, month)
    return result.gross_allowance, result.net_total


def test_the_lines_are_the_library_s_amounts() -> None:
    ax = allowance_curve(ON, wages=WAGES)
    (gross,) = _by_label(ax, "allowance (gross)")
    (net,) = _by_label(ax, "net total")
    assert list(gross.get_xdata()) == [float(w) for w in WAGES]
    expected = [_expected(w) for w in WAGES]
    assert list(gross.get_ydata()) == [float(g) for g, _ in expected]
    assert list(net.get_ydata()) == [float(n) for _, n in expected]
    # below the ceiling of 3,501.11: 2,000 / 26 × 60 % = 46.1538… → 46.15 a day; 10 days of
    # 7.60 h = 76.00 h, 76 × 6 / 38 = 12 units; 12 × 46.15 = 553.80
    assert gross.get_ydata()[0] == 553.80
    # from the ceiling up the allowance is flat: 3,501.11 / 26 × 60 % = 80.7948… → 80.79 × 12
    assert set(gross.get_ydata()[-4:]) == {969.48}


def test_the_points_are_exact_decimals() -> None:
    points = allowance_points(ON, wages=["2000", 4500])
    assert [p.wage for p in points] == [Decimal("2000"), Decimal("4500")]
    assert (points[0].gross_allowance, points[0].net_total) == _expected(2000)
    assert all(isinstance(p.net_total, Decimal) for p in points)


def test_the_ceiling_and_the_threshold_are_those_in_force() -> None:
    figures = ParameterSet.default()
    for on in (date(2024, 6, 1), ON):
        ax = allowance_curve(on, wages=WAGES)
        (ceiling,) = _by_label(ax, "wage ceiling")
        (threshold,) = _by_label(ax, "supplement's wage threshold")
        in_force = figures.value("wage.monthly_ceiling", on)
        assert list(ceiling.get_xdata()) == [float(in_force)] * 2
        assert f"{in_force:,}" in ceiling.get_label()
        assert threshold.get_xdata()[0] == float(figures.value("supplement.wage_threshold", on))
    assert _by_label(allowance_curve(ON, wages=WAGES), "wage ceiling")[0].get_xdata()[0] == 3501.11


def test_a_figure_without_a_value_is_not_marked_and_an_override_is() -> None:
    # the supplement (and its threshold) starts in 2024
    ax = allowance_curve(date(2023, 6, 1), wages=WAGES)
    assert _by_label(ax, "wage ceiling") and not _by_label(ax, "supplement's")
    reform = ParameterSet.default().override({"wage.monthly_ceiling": Decimal("4000.00")})
    ax = allowance_curve(ON, wages=WAGES, parameters=reform)
    assert _by_label(ax, "wage ceiling")[0].get_xdata()[0] == 4000.0


def test_it_draws_on_the_axes_given() -> None:
    _, given = plt.subplots()
    assert allowance_curve(ON, wages=WAGES, ax=given, days=3) is given
    assert len(given.lines) == 4


def test_bad_input_is_refused() -> None:
    # December 2026: 31 days less 4 Saturdays and 4 Sundays
    with pytest.raises(ValueError, match="has 23 working days"):
        allowance_points(ON, wages=WAGES, days=40)
    with pytest.raises(ValidationError, match="monthly_gross_wage"):
        allowance_points(ON, wages=[2000.5])  # a float cannot hold an exact amount


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_package_does_not_import_matplotlib() -> None:
    done = _run("import sys, chomage_rules\nprint('matplotlib' in sys.modules)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_without_matplotlib_the_module_names_its_extra() -> None:
    done = _run(
        "import sys; sys.modules['matplotlib'] = None\n"
        "try:\n"
        "    import chomage_rules.plot\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    assert done.returncode == 0, done.stderr
    assert "pip install 'chomage-rules[plot]'" in done.stdout


def test_a_line_says_how_sure_its_figure_is_unless_a_source_gives_it() -> None:
    # December 2026: the ceiling 3,501.11 is derived (3,432.46 indexed) and no source confirms it;
    # the threshold 4,284 comes from payroll pages (secondary). June 2024: 3,365.16 is the RVA's.
    ax = allowance_curve(date(2026, 12, 1), wages=WAGES)
    (ceiling,) = _by_label(ax, "wage ceiling")
    assert (
        ceiling.get_label() == "wage ceiling 3,501.11 (wage.monthly_ceiling; derived, unverified)"
    )
    (threshold,) = _by_label(ax, "supplement's wage threshold")
    assert threshold.get_label().endswith("(supplement.wage_threshold; secondary)")
    (official,) = _by_label(allowance_curve(date(2024, 6, 1), wages=WAGES), "wage ceiling")
    assert official.get_label() == "wage ceiling 3,365.16 (wage.monthly_ceiling)"
