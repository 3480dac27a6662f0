"""One thin page per item, made by the scaffold; every item page names an existing item."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.content.kinds import KINDS, PAGE_KINDS

from ..conftest import ROOT, macros_command, real_registry

CALL = re.compile(r'\{\{\s*item_page\("([a-z_]+)",\s*"([a-z0-9-]+)"\)\s*\}\}')


@pytest.fixture(scope="module")
def registry():
    return real_registry()


def item_pages() -> dict[Path, tuple[str, str]]:
    pages = {}
    for kind in PAGE_KINDS:
        for path in sorted((ROOT / "docs" / kind).glob("*.md")):
            if path.name == "index.md":
                continue
            calls = CALL.findall(path.read_text())
            assert len(calls) == 1, f"{path.relative_to(ROOT)} must call item_page exactly once"
            pages[path] = calls[0]
    return pages


def test_every_item_page_names_an_existing_item_of_its_own_kind(registry):
    for path, (kind, item_id) in item_pages().items():
        assert kind == path.parent.name, f"{path.relative_to(ROOT)} renders a {kind} item"
        assert item_id == path.stem, f"{path.relative_to(ROOT)} renders '{item_id}', not '{path.stem}'"
        assert item_id in registry.entries[kind], f"{path.relative_to(ROOT)}: no content_data/{kind}/{item_id}.yaml"


def test_every_item_has_exactly_one_page(registry):
    named = [(kind, item_id) for kind, item_id in item_pages().values()]
    for kind in PAGE_KINDS:
        for item_id in registry.entries[kind]:
            count = named.count((kind, item_id))
            assert count == 1, f"content_data/{kind}/{item_id}.yaml has {count} pages; run: ./dev new {kind} {item_id}"


def test_every_page_front_matter_is_read_as_front_matter():
    """A front-matter block MkDocs cannot read is printed: an empty "---" pair became a "---"
    heading above the title of every anatomy and diagnosis page."""
    from mkdocs.utils.meta import get_data

    unread = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---") and get_data(text)[0] == text:
            unread.append(f"{path.relative_to(ROOT)}:1: front matter is not read; remove an empty '---' pair")
    assert unread == []


def test_kinds_without_pages_have_no_page_folder():
    for kind in set(KINDS) - set(PAGE_KINDS):
        assert not (ROOT / "docs" / kind).exists()


def test_the_scaffold_writes_a_skeleton_and_its_page_together(tmp_path: Path):
    result = macros_command("new", "conditions", "new-thing", "--root", str(tmp_path))
    assert result.returncode == 0, result.stderr
    yaml_file = tmp_path / "content_data/conditions/new-thing.yaml"
    page = tmp_path / "docs/conditions/new-thing.md"
    assert CALL.findall(page.read_text()) == [("conditions", "new-thing")]
    skeleton = yaml_file.read_text()
    assert skeleton.startswith("# yaml-language-server: $schema=../schema/conditions.json")
    for field in ("title:", "when_to_get_help:", "  - level:", "review:", "  next_review_due:"):
        assert f"\n{field}" in skeleton


def test_an_unfilled_skeleton_fails_the_check_naming_file_line_and_field(tmp_path: Path):
    macros_command("new", "exercises", "new-stretch", "--root", str(tmp_path))
    result = macros_command("check", "--content", str(tmp_path / "content_data"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"content_data/exercises/new-stretch.yaml:\d+: title: is empty", result.stderr)


def test_the_scaffold_refuses_a_bad_id_or_an_existing_item(tmp_path: Path):
    bad = macros_command("new", "conditions", "Bad_Id", "--root", str(tmp_path))
    assert bad.returncode == 2 and "not a valid id" in bad.stderr
    args = ("new", "conditions", "twice", "--root", str(tmp_path))
    assert macros_command(*args).returncode == 0
    again = macros_command(*args)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_the_check_command_prints_github_annotations(tmp_path: Path):
    macros_command("new", "sources", "x", "--root", str(tmp_path))
    result = macros_command("check", "--github", "--content", str(tmp_path / "content_data"))
    assert re.search(
        r"^::error file=content_data/sources/x.yaml,line=\d+,title=Content problem::title: is empty",
        result.stdout,
        re.M,
    )


def test_a_new_exercise_skeleton_starts_its_pictures_from_a_base_pose():
    from macros.cli.new import skeleton
    from macros.pages.figures.poses import BASE_POSES

    text = skeleton("exercises")
    assert "\nillustration:\n" in text
    (pose_line,) = [line for line in text.splitlines() if line.strip().startswith("pose:")]
    assert pose_line.split(":", 1)[1].strip() in BASE_POSES
