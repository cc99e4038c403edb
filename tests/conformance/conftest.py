"""The conformance run ends with the published figures the library does not reproduce, and why."""

from typing import Any

EXPECTED_FAILURE_PROPERTY = "conformance_expected_failure"


def pytest_terminal_summary(terminalreporter: Any) -> None:
    reports: list[str] = []
    for report in terminalreporter.stats.get("passed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == EXPECTED_FAILURE_PROPERTY and value not in reports:
                reports.append(value)
    if reports:
        terminalreporter.section("conformance: published figures the rulebook does not reproduce")
        for line in reports:
            terminalreporter.write_line(line)
