"""The documentation site stands alone: no page and no setting points outside the repository.

``make docs`` (part of ``make test``) builds the site with ``mkdocs build --strict``, which fails
on a link to a page that is not there; a link that leaves ``docs/`` (to ``../src/…``, a shared
folder, a path of this machine) may still resolve on one machine, so it is refused here.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FORBIDDEN = ("../shared", "/work/", "../src", "file://")
LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|^\s*\[[^\]]+\]:\s*(\S+)", re.MULTILINE)


def _pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def _links(text: str) -> list[str]:
    return [inline or reference for inline, reference in LINK.findall(text)]


def test_the_site_has_pages() -> None:
    assert (DOCS / "rules.md") in _pages()
    assert (DOCS / "api" / "index.md") in _pages()


def test_no_page_nor_the_settings_name_a_place_outside_the_repository() -> None:
    for path in [*_pages(), ROOT / "mkdocs.yml"]:
        text = path.read_text(encoding="utf-8")
        for forbidden in FORBIDDEN:
            assert forbidden not in text, (path.relative_to(ROOT), forbidden)


def test_every_relative_link_stays_in_the_docs() -> None:
    for page in _pages():
        for link in _links(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:|#|mailto:", link):
                continue  # an address on the web, or an anchor of the same page
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.is_relative_to(DOCS), (page.relative_to(ROOT), link)
            assert target.exists(), (page.relative_to(ROOT), link)


def test_the_link_finder_finds_a_link_that_leaves() -> None:
    # the check above must be able to fail: a link to the source tree is found and leaves docs/
    links = _links("see [the rate](../src/chomage_rules/rules/rate.py) and [x](rules.md#r1)")
    assert links == ["../src/chomage_rules/rules/rate.py", "rules.md#r1"]
    assert not (DOCS / links[0]).resolve().is_relative_to(DOCS)


def test_every_public_name_has_an_entry_in_the_api_reference() -> None:
    import chomage_rules  # noqa: PLC0415 - only this test needs the package

    documented = set()
    for page in (DOCS / "api").glob("*.md"):
        documented |= set(re.findall(r"^::: ([\w.]+)", page.read_text("utf-8"), re.MULTILINE))
    # the population engine's names are documented where they live (they load lazily); report
    # and compare by their module's path, which a module of the same name would otherwise take
    where = {
        "compute_population": "chomage_rules.population.compute_population",
        "frame_from_cases": "chomage_rules.population.frame_from_cases",
        "compare": "chomage_rules.population.compare.compare",
        "report": "chomage_rules.parameters.report.report",
    }
    for name in chomage_rules.__all__:
        assert where.get(name, f"chomage_rules.{name}") in documented, name
    for name in ("compute_population_file", "compare_file"):
        assert f"chomage_rules.population.{name}" in documented, name
    assert "chomage_rules.testing" in documented  # the package, every member of its __all__
