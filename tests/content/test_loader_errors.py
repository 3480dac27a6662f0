"""Each bad content file is a named fixture in tests/fixtures/invalid/<kind>/; each test puts
it into a copy of the valid fixture content and checks the message an editor would read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.content.errors import ContentError
from macros.content.registry import build

from ..conftest import FIXTURES

VALID = FIXTURES / "valid" / "content_data"
INVALID = FIXTURES / "invalid"

# fixture (relative to tests/fixtures/invalid) -> (line, field, message part, hint part or None)
EXPECTED = {
    "conditions/yaml-syntax-error.yaml": (5, "", "YAML syntax error", "check the indentation"),
    "conditions/empty-file.yaml": (1, "", "file is empty", "fill in the fields"),
    "conditions/top-level-list.yaml": (1, "", "must be a set of 'field: value' lines, but it is a list", None),
    "conditions/unknown-field.yaml": (11, "colour", "unknown field 'colour'", "allowed fields here: title"),
    "conditions/wrong-type.yaml": (
        3,
        "regions",
        "should be a valid list, but it is text ('lower-back')",
        "one '- ' item",
    ),
    "conditions/missing-required-field.yaml": (1, "diagnosis", "required field is missing", "add 'diagnosis:'"),
    "conditions/bad-level.yaml": (
        16,
        "when_to_get_help[1].level",
        "'urgnt' is not one of non-urgent, urgent, emergency",
        "did you mean 'urgent'?",
    ),
    "conditions/unknown-exercise-ref.yaml": (
        16,
        "exercises[1]",
        "unknown exercise 'not-an-exercise'",
        "content_data/exercises/",
    ),
    "conditions/raw-html.yaml": (2, "summary", "contains raw HTML ('<script>')", None),
    "conditions/link-in-emergency.yaml": (17, "when_to_get_help[1].text", "must not contain links", None),
    "conditions/review-too-far.yaml": (19, "review.next_review_due", "at most three years", None),
    "conditions/wrong-extension.yml": (1, "", "wrong file extension '.yml'", "rename it to end in .yaml"),
    "conditions/Not_Kebab_Case.yaml": (1, "", "is not kebab-case", "'not-kebab-case.yaml'"),
    "conditions/duplicate/sciatica.yaml": (1, "", "duplicate id 'sciatica'", "must be unique"),
    "conditions/field-written-twice.yaml": (
        11,
        "summary",
        "field 'summary' is written twice (first on line 2)",
        "keep one of them",
    ),
    "exercises/stretch-too-short.yaml": (11, "hold_seconds", "held about 20 to 30 seconds", None),
    "sources/bad-url.yaml": (3, "url", "is not a full web address", "https://"),
}


def content_with(fixture: str, tmp_path: Path) -> Path:
    root = tmp_path / "content_data"
    shutil.copytree(VALID, root)
    target = root / fixture
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(INVALID / fixture, target)
    return root


def test_every_invalid_fixture_has_an_expected_message():
    on_disk = {str(p.relative_to(INVALID)) for p in INVALID.rglob("*") if p.is_file()}
    assert on_disk == set(EXPECTED)


def test_the_valid_fixture_content_loads_cleanly():
    registry = build(VALID)
    assert registry.get("conditions", "sciatica").title == "Sciatica"


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_a_bad_file_is_reported_with_file_line_field_and_message(fixture: str, tmp_path: Path):
    line, field, message, hint = EXPECTED[fixture]
    with pytest.raises(ContentError) as caught:
        build(content_with(fixture, tmp_path))
    problems = caught.value.problems
    matching = [p for p in problems if message in p.message]
    assert matching, f"no problem mentions {message!r}; got:\n{caught.value.report()}"
    problem = matching[0]
    shown = "content_data/" + (fixture if "duplicate" not in fixture else "conditions/sciatica.yaml")
    assert problem.file == shown
    assert problem.line == line
    assert problem.field == field
    if hint:
        assert hint in problem.hint
    text = caught.value.report()
    prefix = f"{shown}:{line}: " + (f"{field}: " if field else "")
    assert prefix + problem.message in text


def test_all_problems_are_reported_together(tmp_path: Path):
    root = content_with("conditions/bad-level.yaml", tmp_path)
    shutil.copy(INVALID / "conditions/unknown-field.yaml", root / "conditions/unknown-field.yaml")
    shutil.copy(INVALID / "conditions/empty-file.yaml", root / "conditions/empty-file.yaml")
    with pytest.raises(ContentError) as caught:
        build(root)
    files = {p.file for p in caught.value.problems}
    assert files == {
        "content_data/conditions/bad-level.yaml",
        "content_data/conditions/unknown-field.yaml",
        "content_data/conditions/empty-file.yaml",
    }
    assert caught.value.report().startswith("3 problems in content_data")


def test_a_reference_to_a_broken_file_is_not_reported_twice(tmp_path: Path):
    root = tmp_path / "content_data"
    shutil.copytree(VALID, root)
    (root / "exercises" / "knee-to-chest.yaml").write_text("title: [\n")  # broken, still referenced
    with pytest.raises(ContentError) as caught:
        build(root)
    assert [p.file for p in caught.value.problems] == ["content_data/exercises/knee-to-chest.yaml"]


def test_an_unknown_folder_is_named_with_the_kinds_that_exist(tmp_path: Path):
    root = tmp_path / "content_data"
    shutil.copytree(VALID, root)
    (root / "condition").mkdir()
    with pytest.raises(ContentError) as caught:
        build(root)
    (problem,) = caught.value.problems
    assert problem.message == "unknown folder 'condition'"
    assert "did you mean 'conditions'?" in problem.hint


def test_plain_values_follow_yaml_1_2_so_words_like_no_stay_text(tmp_path: Path):
    """YAML 1.1 read `no`, `on` and `1:30` as yes/no values or numbers; editors mean text."""
    root = tmp_path / "content_data"
    shutil.copytree(VALID, root)
    path = root / "conditions" / "sciatica.yaml"
    text = path.read_text(encoding="utf-8")
    old = 'other_names: [trapped nerve, "{{ config }}"]'
    assert old in text
    text = text.replace(old, "other_names: [no, on, '1:30', 1:30, off]")
    path.write_text(text, encoding="utf-8")
    registry = build(root)
    assert registry.get("conditions", "sciatica").other_names == ["no", "on", "1:30", "1:30", "off"]
