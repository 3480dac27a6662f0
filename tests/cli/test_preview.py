"""The pull-request preview: changed files -> pages -> screenshots and a summary for reviewers."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from macros.cli import preview
from macros.cli.preview import docs_url, plan_pages
from macros.content.kinds import PAGE_KINDS
from macros.content.registry import build

from ..conftest import FIXTURES, ROOT, macros_command, macros_subprocess

VALID = FIXTURES / "valid" / "content_data"


@pytest.fixture(scope="module")
def registry():
    return build(VALID)


def write_page(site: Path, url: str, title: str, text: str = "") -> None:
    folder = site / url
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(
        f"<!doctype html><html lang='en'><head><title>{title} - Site</title></head>"
        f"<body><article><h1>{title}</h1><p>{text}</p></article></body></html>"
    )


@pytest.fixture
def site(tmp_path: Path, registry) -> Path:
    """A stand-in for the built site: a page per fixture item, the home page and two others."""
    site = tmp_path / "site"
    write_page(site, "", "Hip and lower back pain", "Start here.")
    write_page(site, "red-flags/", "Urgent and emergency symptoms", "Any one of these signs.")
    write_page(site, "contributing/fix-a-mistake/", "Fix a mistake in GitHub's web editor")
    for entry in registry:
        if entry.has_page:
            write_page(site, f"{entry.kind}/{entry.id}/", entry.model.title, "A page about Sciatica.")
    return site


def urls(plan: preview.Plan) -> list[str]:
    return list(plan.pages)


def test_a_docs_file_maps_to_the_address_it_is_served_at():
    assert docs_url("index.md") == ""
    assert docs_url("conditions/index.md") == "conditions/"
    assert docs_url("conditions/sciatica.md") == "conditions/sciatica/"
    assert docs_url("red-flags.md") == "red-flags/"


def test_a_changed_item_shows_its_own_page_with_its_title(site: Path, registry):
    plan = plan_pages(["content_data/conditions/sciatica.yaml"], site, registry, ROOT / "docs")
    assert urls(plan) == ["conditions/sciatica/"]
    page = plan.pages["conditions/sciatica/"]
    assert page.title == "Sciatica"
    assert page.reasons == ["changed: content_data/conditions/sciatica.yaml"]


def test_a_changed_source_shows_the_pages_that_cite_it(site: Path, registry):
    plan = plan_pages(["content_data/sources/nice-ng59.yaml"], site, registry, ROOT / "docs")
    citing = {f"{e.kind}/{e.id}/" for e in registry if e.has_page and "nice-ng59" in getattr(e.model, "sources", [])}
    assert citing and set(urls(plan)) == citing
    assert all(p.reasons == ["uses content_data/sources/nice-ng59.yaml"] for p in plan.pages.values())


def test_an_item_without_a_page_or_users_shows_pages_that_show_its_words(site: Path, registry):
    plan = plan_pages(["content_data/glossary/sciatica.yaml"], site, registry, ROOT / "docs")
    assert 0 < len(plan.pages) <= preview.MENTION_LIMIT
    assert all(r.startswith("shows ") for p in plan.pages.values() for r in p.reasons)


def test_a_shared_red_flag_shows_the_conditions_that_list_it_and_the_red_flags_page(site: Path, registry):
    flag = registry.all("red_flags")[0]
    write_page(site, "red-flags/", "Urgent and emergency symptoms", f"Any one of these: {flag.model.text}.")
    plan = plan_pages([flag.file], site, registry, ROOT / "docs")
    users = [f"conditions/{e.id}/" for e in registry.all("conditions") if flag in e.red_flags]
    assert users and urls(plan)[: len(users)] == users
    assert "red-flags/" in urls(plan)
    assert plan.pages["red-flags/"].reasons == [f"shows {flag.file}"]


def test_a_changed_hand_written_page_shows_that_page(site: Path, registry):
    plan = plan_pages(["docs/contributing/fix-a-mistake.md", "docs/red-flags.md"], site, registry, ROOT / "docs")
    assert urls(plan) == ["contributing/fix-a-mistake/", "red-flags/"]


def test_a_page_template_change_shows_one_page_of_that_kind(site: Path, registry):
    plan = plan_pages(["macros/pages/templates/pages/condition.md"], site, registry, ROOT / "docs")
    assert urls(plan) == [f"conditions/{registry.all('conditions')[0].id}/"]
    assert plan.pages[urls(plan)[0]].reasons[0].startswith("example of every conditions page")


def test_a_site_wide_change_shows_the_home_page_and_one_page_of_each_kind(site: Path, registry):
    plan = plan_pages(["docs/assets/css/app.css", "mkdocs.yml"], site, registry, ROOT / "docs", limit=50)
    assert urls(plan)[0] == ""
    kinds = {url.split("/")[0] for url in urls(plan)[1:]}
    assert kinds == {k for k in PAGE_KINDS if registry.entries.get(k)}
    assert plan.pages[""].reasons == ["sample of a site-wide change: docs/assets/css/app.css"]


def test_direct_changes_come_before_samples_and_the_limit_is_kept(site: Path, registry):
    changed = ["mkdocs.yml", "content_data/conditions/slipped-disc.yaml"]
    plan = plan_pages(changed, site, registry, ROOT / "docs", limit=2)
    assert urls(plan) == ["conditions/slipped-disc/", ""]
    assert plan.over_limit and "conditions/slipped-disc/" not in plan.over_limit


def test_files_not_on_the_site_and_removed_pages_are_reported_not_shown(site: Path, registry):
    changed = ["tests/test_x.py", ".github/workflows/checks.yml", "content_data/conditions/gone.yaml"]
    plan = plan_pages(changed, site, registry, ROOT / "docs")
    assert plan.pages == {}
    assert plan.not_pages == ["tests/test_x.py", ".github/workflows/checks.yml"]
    assert any("content_data/conditions/gone.yaml" in n for n in plan.notes)


def test_the_summary_lists_pages_reasons_and_screenshots(site: Path, registry):
    plan = plan_pages(["content_data/conditions/sciatica.yaml", "README.md"], site, registry, ROOT / "docs")
    plan.pages["conditions/sciatica/"].screenshots = ["conditions--sciatica--desktop.png"]
    text = preview.summary_markdown(plan)
    assert text.startswith("## Preview of this change\n")
    assert "**1 page**" in text and "**screenshots** artifact" in text and "**site** artifact" in text
    assert (
        "| Sciatica | `/conditions/sciatica/` | changed: content_data/conditions/sciatica.yaml "
        "| `conditions--sciatica--desktop.png` |" in text
    )
    assert "not shown on the site: `README.md`" in text
    assert "does not affect any page" in preview.summary_markdown(preview.Plan())


def test_a_long_change_keeps_the_summary_short(site: Path, registry):
    plan = preview.Plan()
    plan.pages["x/"] = preview.PagePlan(url="x/", title="X", reasons=[f"changed: f{i}" for i in range(5)])
    plan.over_limit = [f"p{i}/" for i in range(25)]
    text = preview.summary_markdown(plan)
    assert "changed: f2<br>and 2 more changed files |" in text and "f3" not in text
    assert "`/p19/` and 5 more." in text and "p20" not in text


def test_the_title_is_the_pages_heading_as_a_reader_sees_it(tmp_path: Path):
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<article><h1 id="x">Gluteal muscles <span>(glutes)</span><a class="headerlink" href="#x">¶</a></h1></article>'
    )
    assert preview.page_title(tmp_path, "a/") == "Gluteal muscles (glutes)"
    assert preview.page_title(tmp_path, "missing/") is None


def test_changed_files_come_from_git(tmp_path: Path):
    repo = tmp_path / "repo"
    repo.mkdir()

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "Test")
    (repo / "a.md").write_text("a")
    (repo / "b.md").write_text("b")
    git("add", ".")
    git("commit", "-qm", "first")
    (repo / "a.md").write_text("changed")
    (repo / "b.md").unlink()
    (repo / "c.md").write_text("new")
    git("add", "-A")
    git("commit", "-qm", "second")
    assert sorted(preview.changed_files("HEAD^1", repo)) == ["a.md", "b.md", "c.md"]
    with pytest.raises(SystemExit, match="git diff against 'nope' failed"):
        preview.changed_files("nope", repo)


def test_the_preview_command_writes_the_summary_for_github(site: Path, tmp_path: Path):
    summary = tmp_path / "summary.md"
    step_summary = tmp_path / "step-summary.md"
    step_summary.write_text("earlier steps\n")
    root = tmp_path / "root"
    root.mkdir()
    (root / "content_data").symlink_to(VALID)
    (root / "docs").mkdir()
    args = [
        "preview", "--root", str(root), "--site", str(site),
        "--out", str(tmp_path / "shots"), "--no-screenshots", "--summary", str(summary),
        "--files", "content_data/exercises/knee-to-chest.yaml",
    ]  # fmt: skip
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(step_summary)}
    result = macros_command(*args, env=env)
    assert result.returncode == 0, result.stderr
    assert "`/exercises/knee-to-chest/`" in result.stdout
    assert summary.read_text() == result.stdout
    assert step_summary.read_text() == "earlier steps\n" + result.stdout
    assert not (tmp_path / "shots").exists()


def test_the_preview_command_needs_a_built_site(tmp_path: Path):
    result = macros_command("preview", "--site", str(tmp_path / "nothing"), "--files")
    assert result.returncode == 1 and "no built site" in result.stderr


@pytest.mark.browser
def test_each_page_is_photographed_on_a_wide_screen_and_a_phone(site: Path, tmp_path: Path):
    # A separate process: Playwright's sync API cannot start twice in one thread, and the
    # browser tests' session may already have started it here.
    root = tmp_path / "root"
    root.mkdir()
    (root / "content_data").symlink_to(VALID)
    (root / "docs").mkdir()
    out = tmp_path / "shots"
    args = [
        "preview", "--root", str(root), "--site", str(site), "--out", str(out),
        "--files", "content_data/conditions/sciatica.yaml", "docs/index.md",
    ]  # fmt: skip
    result = macros_subprocess(*args, timeout=300)
    assert result.returncode == 0, result.stderr
    expected = {
        "conditions--sciatica--desktop.png",
        "conditions--sciatica--phone.png",
        "home--desktop.png",
        "home--phone.png",
    }
    assert {p.name for p in out.iterdir()} == expected
    for path in out.iterdir():
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "`home--desktop.png`<br>`home--phone.png`" in result.stdout
