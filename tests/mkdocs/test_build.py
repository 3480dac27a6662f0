"""The build stops on bad content, says why in editor's words, and publishes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from ..conftest import FIXTURES, make_project, run_mkdocs_build


def test_a_mini_site_from_the_valid_fixture_builds_strictly(tmp_path: Path):
    project = make_project(tmp_path / "project", FIXTURES / "valid" / "content_data")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/conditions/sciatica/index.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    text = soup.get_text()
    assert "{{ config }}" in text
    assert "{% if true %}template text{% endif %} stays literal" in text


def test_bad_content_stops_the_build_without_a_traceback_and_leaves_the_old_site(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid" / "content_data", content)
    shutil.copy(FIXTURES / "invalid/conditions/bad-level.yaml", content / "conditions/bad-level.yaml")
    project = make_project(tmp_path / "project", content)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site that is live now")

    result = run_mkdocs_build(project, site)

    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert (
        "content_data/conditions/bad-level.yaml:16: when_to_get_help[1].level: "
        "'urgnt' is not one of non-urgent, urgent, emergency" in output
    )
    assert "hint: did you mean 'urgent'?" in output
    assert (site / "index.html").read_text() == "the site that is live now"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]


def test_a_script_in_a_content_field_never_reaches_the_page(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid" / "content_data", content)
    text = (content / "conditions/sciatica.yaml").read_text()
    (content / "conditions/sciatica.yaml").write_text(text.replace("Adults aged 30 to 50", "<script>alert(1)</script>"))
    project = make_project(tmp_path / "project", content)
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "causes.who_gets_it: contains raw HTML ('<script>')" in result.stdout + result.stderr


def test_a_page_naming_an_item_that_does_not_exist_stops_the_build_naming_the_page(tmp_path: Path):
    project = make_project(tmp_path / "project", FIXTURES / "valid" / "content_data")
    (project / "docs/conditions/sciatca.md").write_text('{{ item_page("conditions", "sciatca") }}\n')
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    said = 'conditions/sciatca.md: item_page("conditions", "sciatca"): there is no content_data/conditions/sciatca.yaml'
    assert said in output
    assert not (tmp_path / "site" / "index.html").exists()
