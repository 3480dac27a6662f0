"""Editor tooling made from the models: JSON Schemas, the VS Code mapping and the field tables."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from macros.cli import schema
from macros.cli.new import skeleton
from macros.content.kinds import KINDS
from macros.content.loader import ContentLoader
from macros.content.models import ref_fields

from ..conftest import FIXTURES, ROOT, macros_command

VALID = FIXTURES / "valid" / "content_data"


def test_the_committed_schemas_field_tables_and_mapping_match_the_models():
    stale = [str(p.relative_to(ROOT)) for p in schema.stale_files(ROOT)]
    assert stale == [], f"out of date with macros/content/models.py: {stale}; run: python -m macros schema"


def test_every_kind_has_a_schema_that_rejects_unknown_fields_and_names_its_required_fields():
    for kind, model in KINDS.items():
        data = json.loads((ROOT / "content_data" / "schema" / f"{kind}.json").read_text())
        assert data["$schema"] == schema.SCHEMA_DIALECT
        assert data["additionalProperties"] is False
        assert list(data["properties"]) == list(model.model_fields)
        required = [name for name, info in model.model_fields.items() if info.is_required()]
        assert data.get("required", []) == required
        assert "Do not edit by hand" in data["$comment"]


def test_a_cross_reference_field_takes_kebab_case_ids_once_each():
    data = schema.schema_for("conditions")
    for name in ref_fields(KINDS["conditions"]):
        prop = data["properties"][name]
        assert prop["items"]["pattern"] == schema.ID_PATTERN
        assert prop["uniqueItems"] is True
    assert data["properties"]["sources"]["minItems"] == 2


def test_the_valid_fixture_fits_the_schemas():
    """Every top-level field of each valid item is in its schema, and every required field is there."""
    for kind in KINDS:
        data = schema.schema_for(kind)
        for path in sorted((VALID / kind).glob("*.yaml")) if (VALID / kind).is_dir() else []:
            item = yaml.load(path.read_text(), Loader=ContentLoader)
            assert set(item) <= set(data["properties"]), path.name
            assert set(data.get("required", [])) <= set(item), path.name


def test_every_new_file_names_a_schema_that_exists():
    for kind in KINDS:
        first_line = skeleton(kind).splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../schema/{kind}.json"
        assert (ROOT / "content_data" / "schema" / f"{kind}.json").is_file()


def test_vs_code_maps_each_kind_folder_to_its_schema_and_keeps_other_settings():
    text = schema.vscode_settings('{"editor.rulers": [100]}')
    settings = json.loads(text)
    assert settings["editor.rulers"] == [100]
    assert settings["yaml.schemas"]["./content_data/schema/conditions.json"] == "content_data/conditions/*.yaml"
    assert len(settings["yaml.schemas"]) == len(KINDS)
    committed = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    assert committed["yaml.schemas"] == settings["yaml.schemas"]


def test_the_field_tables_list_every_field_of_every_kind_in_plain_words():
    text = schema.fields_markdown()
    for kind in KINDS:
        assert f"### {kind}\n" in text
    assert "| `when_to_get_help[].level` | required | one of: non-urgent, urgent, emergency |" in text
    assert "| `symptoms.where` | required | Markdown text |" in text
    assert "| `sources` | required | list of ids from sources/ (at least 2 items) |" in text
    assert "| `hold_seconds` | optional | whole number (1 to 120) |" in text
    assert "| `review.last_reviewed` | required | date (YYYY-MM-DD) |" in text
    assert "| `url` | required | web address (https://…) |" in text
    assert "| `title` | required | one line of text |" in text
    assert "| `other_names` | optional | list of one-line texts |" in text


def test_only_the_part_between_the_markers_is_replaced():
    text = f"intro\n{schema.BEGIN}\nold table\n{schema.END}\noutro\n"
    out = schema.replace_generated(text, "new table\n")
    assert out == f"intro\n{schema.BEGIN}\n\nnew table\n\n{schema.END}\noutro\n"
    with pytest.raises(ValueError, match="markers"):
        schema.replace_generated("no markers here", "x")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the generated files, to change freely."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "content_data" / "schema", root / "content_data" / "schema")
    shutil.copy(ROOT / "content_data" / "README.md", root / "content_data" / "README.md")
    (root / "docs" / "contributing").mkdir(parents=True)
    if (ROOT / "docs" / "contributing" / "fields.md").exists():
        shutil.copy(ROOT / "docs" / "contributing" / "fields.md", root / "docs" / "contributing" / "fields.md")
    (root / ".vscode").mkdir()
    shutil.copy(ROOT / ".vscode" / "settings.json", root / ".vscode" / "settings.json")
    return root


def test_a_hand_edited_schema_or_table_is_found_and_rewritten(project: Path):
    edited = project / "content_data" / "schema" / "conditions.json"
    edited.write_text(edited.read_text().replace('"additionalProperties": false', '"additionalProperties": true', 1))
    readme = project / "content_data" / "README.md"
    readme.write_text(readme.read_text().replace("| `title` |", "| `titel` |", 1))
    leftover = project / "content_data" / "schema" / "old-kind.json"
    leftover.write_text("{}\n")

    assert set(schema.stale_files(project)) == {edited, readme, leftover}
    changed = schema.write(project)
    assert set(changed) == {edited, readme, leftover}
    assert not leftover.exists()
    assert schema.stale_files(project) == []


def test_the_schema_command_checks_without_writing_and_says_what_to_run(project: Path):
    stale = project / "content_data" / "schema" / "sources.json"
    stale.write_text("{}\n")
    args = ["schema", "--root", str(project)]
    check = macros_command(*args, "--check")
    assert check.returncode == 1
    assert "content_data/schema/sources.json: out of date with macros/content/models.py" in check.stderr
    assert "run: python -m macros schema" in check.stderr
    assert stale.read_text() == "{}\n"

    write = macros_command(*args)
    assert write.returncode == 0 and "wrote content_data/schema/sources.json" in write.stdout
    again = macros_command(*args, "--check")
    assert again.returncode == 0, again.stderr
