"""Shared fixtures: the real site built once, served on 127.0.0.1, and a headless browser."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.devtools import find_browser, serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
# (title, text) pairs that tests want shown at the end of the run, e.g. the reading-grade table.
REPORTS: list[tuple[str, str]] = []


# Tiers: a test that needs the real built site is marked `site`, one that drives Chromium
# `browser` (set below from the fixtures it uses, or by the module). The fast tier is the rest:
# `./dev test --fast` runs `-m "not site and not browser"`.
SITE_FIXTURES = {"built_site", "served", "pages", "site_url", "site_walk"}
BROWSER_FIXTURES = {"browser", "site_walk"}


def pytest_collection_modifyitems(config, items):  # noqa: ARG001 - pytest hook signature
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & SITE_FIXTURES:
            item.add_marker(pytest.mark.site)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001 - pytest hook signature
    for title, text in REPORTS:
        terminalreporter.section(title)
        terminalreporter.write_line(text)


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@functools.cache
def real_registry():
    """The real content_data, loaded once per test run (it is read-only in tests)."""
    from macros.content.registry import build

    return build(ROOT / "content_data")


def macros_command(
    *args: str, env: dict[str, str] | None = None, check: bool = False, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m macros ARGS`, run in this process (about 2 s faster a call than a new Python),
    with its output captured. `env` replaces the environment for the call; `check` raises on a
    non-zero exit, as subprocess.run does. macros_subprocess runs a real `python -m macros`."""
    from macros.cli import main

    del timeout  # kept so calls read like subprocess.run; an in-process call cannot be cut short
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    if env is not None:
        os.environ.clear()
        os.environ.update(env)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as stop:  # argparse's own errors
                code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    result = subprocess.CompletedProcess(["python", "-m", "macros", *args], code, out.getvalue(), err.getvalue())
    if check:
        result.check_returncode()
    return result


def macros_subprocess(*args: str, **run: Any) -> subprocess.CompletedProcess[str]:
    """`python -m macros ARGS` in a new Python from the project folder, exactly as an editor runs it
    (`run`: more subprocess.run options, e.g. timeout). Also for a command that drives a browser,
    since Playwright's sync API cannot start twice in one process."""
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=ROOT, capture_output=True, text=True, **run)


def run_mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder, as a reader's deploy would run it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )


# Care words for tests of the engine: deliberately not the site's own, so a test proves they come
# from configuration.
TEST_CARE = {
    "emergency_number": "112",
    "emergency_department": "the emergency room",
    "urgent_service": "Helpline",
    "family_doctor": "doctor",
}

MINI_SITE_PAGES = ("red-flags.md", "glossary.md")
MINI_SITE_HOME = (
    "# Mini-site\n\n{{ common_signs('emergency') }}\n\nSee the [urgent and emergency symptoms](red-flags.md).\n"
)


def make_project(dest: Path, content: Path) -> Path:
    """A copy of the site's project around another content folder (a mini-site for tests).

    It keeps the hand-written pages that work with any content (red flags, glossary and each
    kind's index), writes a plain home page, and trims the navigation to them; item pages are made with the
    scaffold, as an editor would.
    """
    import yaml

    from macros.cli.new import page_text
    from macros.content.kinds import PAGE_KINDS

    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "macros", dest / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(content, dest / "content_data")
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for name in MINI_SITE_PAGES:
        shutil.copy(ROOT / "docs" / name, docs / name)
    (docs / "index.md").write_text(MINI_SITE_HOME)
    for kind in PAGE_KINDS:
        (docs / kind).mkdir()
        shutil.copy(ROOT / "docs" / kind / "index.md", docs / kind / "index.md")
        for item in sorted((dest / "content_data" / kind).glob("*.yaml")):
            (docs / kind / f"{item.stem}.md").write_text(page_text(kind, item.stem))

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["nav"] = [
        e for e in config["nav"] if isinstance(target := next(iter(e.values())), str) and (docs / target).exists()
    ]
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once per test run."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1, like GitHub Pages would serve it."""
    with serve(built_site) as url:
        yield url.rstrip("/")


NO_BROWSER = (
    "No Chromium found for the browser tests. Install one:\n"
    "  Debian/Ubuntu:   sudo apt-get install chromium\n"
    "  anything else:   .venv/bin/python -m playwright install chromium\n"
    "or point CHROMIUM_PATH at a Chromium or Chrome binary."
)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as p:
        path = find_browser()  # None: Playwright's own Chromium, if installed
        try:
            launched = p.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        except Error as err:
            pytest.fail(f"{NO_BROWSER}\n({err.message.splitlines()[0]})")
        yield launched
        launched.close()


class PageWatch:
    """Records what a page does that a reader would not want: console errors, failed
    requests, and requests to any host but the site's own."""

    def __init__(self, page: object, origin: str):
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on(
            "request",
            lambda r: (
                self.foreign.append(r.url)
                if not (r.url.startswith(origin) or r.url.startswith(("data:", "blob:", "about:")))
                else None
            ),
        )

    def assert_clean(self) -> None:
        assert self.foreign == [], f"requests left the site: {self.foreign}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"
        assert self.failed == [], f"failed requests: {self.failed}"


@pytest.fixture
def page(browser: object, site_url: str) -> Iterator[tuple[object, PageWatch]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    watch = PageWatch(tab, site_url)
    yield tab, watch
    context.close()


# Fixtures defined beside the helpers they use, registered here once for the whole test run
# (a fixture imported into a test module would be a separate copy for that module).
from .served import pages, served  # noqa: E402, F401
from .site_walk import site_walk  # noqa: E402, F401
