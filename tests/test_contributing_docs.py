"""The editors' guide: it builds, its index links every page of it, it explains every field, and the error
messages it quotes are the ones editors really get."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.cli.schema import field_rows
from macros.content.errors import ContentError
from macros.content.kinds import KINDS
from macros.content.registry import build

from .conftest import FIXTURES, ROOT, macros_command, make_project, run_mkdocs_build

GUIDE = ROOT / "docs" / "contributing"
PAGES = sorted(p.name for p in GUIDE.glob("*.md"))
VALID = FIXTURES / "valid" / "content_data"
INVALID = FIXTURES / "invalid"


def test_the_guides_index_links_every_page_of_the_guide():
    """The guide is not in the readers' menu (every page's footer links its index), so the
    index is how an editor reaches each page."""
    index = (GUIDE / "index.md").read_text()
    linked = set(re.findall(r"\]\(([\w-]+\.md)(?:#[\w-]+)?\)", index))
    assert linked == set(PAGES) - {"index.md"}


def test_the_editors_guide_is_not_in_the_readers_menu():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    assert "contributing" not in str(config["nav"])


def test_the_guide_builds_strictly_with_its_links_and_macros(tmp_path: Path):
    project = make_project(tmp_path / "project", VALID)
    shutil.copytree(GUIDE, project / "docs" / "contributing")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = " ".join((tmp_path / "site" / "contributing" / "add-a-page" / "index.html").read_text().split())
    assert '{{ item_page("conditions", "hip-bursitis") }}' in page  # shown, not run
    assert "call 999 or go to A&amp;E" in page  # care words from mkdocs.yml
    standard = (tmp_path / "site" / "contributing" / "content-standard" / "index.html").read_text()
    assert "app-care-card--emergency" in standard
    fields = (tmp_path / "site" / "contributing" / "fields" / "index.html").read_text()
    assert "when_to_get_help[].level" in fields


@pytest.mark.parametrize("kind", ["conditions", "exercises"])
def test_adding_a_page_explains_every_field(kind: str):
    text = (GUIDE / "add-a-page.md").read_text()
    missing = [row.path for row in field_rows(KINDS[kind]) if f"`{row.path}`" not in text]
    assert missing == [], f"docs/contributing/add-a-page.md does not explain: {missing}"


def problems_with(*extra: Path, change=None) -> list[str]:
    """The first line of each problem when the valid fixture gets these extra files."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content_data"
        shutil.copytree(VALID, content)
        for path in extra:
            shutil.copy(path, content / path.parent.name / path.name)
        if change:
            change(content)
        try:
            build(content)
        except ContentError as err:
            return [str(p).splitlines()[0] for p in err.problems]
    return []


def documented_messages() -> set[str]:
    text = (GUIDE / "checks.md").read_text()
    blocks = re.findall(r"```text\n(.*?)```", text, re.DOTALL)
    return {line for block in blocks for line in block.splitlines() if line.startswith("content_data/")}


@pytest.mark.parametrize(
    "fixture",
    [
        "conditions/bad-level.yaml",
        "conditions/missing-required-field.yaml",
        "conditions/unknown-field.yaml",
        "conditions/unknown-exercise-ref.yaml",
        "conditions/raw-html.yaml",
        "conditions/link-in-emergency.yaml",
        "conditions/review-too-far.yaml",
        "conditions/wrong-type.yaml",
        "conditions/yaml-syntax-error.yaml",
        "conditions/Not_Kebab_Case.yaml",
        "conditions/wrong-extension.yml",
        "conditions/empty-file.yaml",
        "conditions/top-level-list.yaml",
        "exercises/stretch-too-short.yaml",
        "sources/bad-url.yaml",
    ],
)
def test_the_messages_quoted_in_the_guide_are_the_real_ones(fixture: str):
    real = problems_with(INVALID / fixture)
    assert real, f"{fixture} raised no problem"
    assert set(real) & documented_messages(), f"docs/contributing/checks.md should quote: {real}"


def test_the_guide_quotes_the_real_messages_for_too_few_sources_and_an_empty_field(tmp_path: Path):
    def one_source(content: Path) -> None:
        path = content / "conditions" / "slipped-disc.yaml"
        path.write_text(path.read_text().replace("sources: [nhs-sciatica, nice-ng59]", "sources: [nhs-sciatica]"))

    real = problems_with(change=one_source)
    assert real, "one source raised no problem"
    assert set(real) <= documented_messages()

    macros_command("new", "sources", "nhs-back-pain", "--root", str(tmp_path), check=True)
    with pytest.raises(ContentError) as err:
        build(tmp_path / "content_data")
    first = [str(p).splitlines()[0] for p in err.value.problems if p.field == "title"]
    assert first, "an empty title raised no problem"
    assert set(first) <= documented_messages()


def test_contributing_md_is_an_index_into_the_guide():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    for name in PAGES:
        if name != "index.md":
            assert f"](docs/contributing/{name})" in text, f"CONTRIBUTING.md does not link {name}"
    for target in re.findall(r"\]\(((?!https?:)[^)#?]+)\)", text):
        assert (ROOT / target).exists(), f"CONTRIBUTING.md links to a missing file: {target}"


def test_the_content_readme_explains_each_kind_and_how_to_add_one():
    text = (ROOT / "content_data" / "README.md").read_text()
    assert "./dev new" in text and "./dev check" in text
    for kind in KINDS:
        assert f"### {kind}\n" in text
