"""The review cycle: which items are due, in words and as the one GitHub issue.

Every test passes its own `today`, and the content's dates are set by the test, so no test
starts failing as time passes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from macros.cli import review
from macros.cli.review import due_items
from macros.content.kinds import KINDS

from ..conftest import FIXTURES, macros_command

TODAY = dt.date(2030, 6, 1)


def set_review(path: Path, due: dt.date) -> None:
    """Give an item a next review date (and a last review a year before it)."""
    text = path.read_text()
    text = re.sub(r"last_reviewed: .*", f"last_reviewed: {due - dt.timedelta(days=365)}", text)
    text = re.sub(r"next_review_due: .*", f"next_review_due: {due}", text)
    path.write_text(text)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The valid fixture, with review dates around TODAY:

    sciatica overdue by 10 days, knee-to-chest due today, slipped-disc due in 60 days,
    sciatic-nerve due in 61 days, every other item due in 1000 days.
    """
    root = tmp_path / "content_data"
    shutil.copytree(FIXTURES / "valid" / "content_data", root)
    for path in root.rglob("*.yaml"):
        if "next_review_due:" in path.read_text():
            set_review(path, TODAY + dt.timedelta(days=1000))
    days = {
        "conditions/sciatica": -10,
        "exercises/knee-to-chest": 0,
        "conditions/slipped-disc": 60,
        "anatomy/sciatic-nerve": 61,
    }
    for item, offset in days.items():
        set_review(root / f"{item}.yaml", TODAY + dt.timedelta(days=offset))
    return root


def ids(result: review.ReviewList) -> list[str]:
    return [f"{i.kind}/{i.id}" for i in result.items]


def test_items_due_within_60_days_or_overdue_are_listed_soonest_first(content: Path):
    result = due_items(content, TODAY, within=60)
    assert ids(result) == ["conditions/sciatica", "exercises/knee-to-chest", "conditions/slipped-disc"]
    assert [i.id for i in result.overdue] == ["sciatica"]
    assert [i.id for i in result.due_soon] == ["knee-to-chest", "slipped-disc"]


def test_the_window_is_inclusive_and_can_be_changed(content: Path):
    assert "anatomy/sciatic-nerve" in ids(due_items(content, TODAY, within=61))
    assert ids(due_items(content, TODAY, within=0)) == ["conditions/sciatica", "exercises/knee-to-chest"]
    with pytest.raises(ValueError):
        due_items(content, TODAY, within=-1)


def test_every_item_with_review_dates_is_listed_and_no_other(content: Path):
    reviewed = {kind for kind, model in KINDS.items() if "review" in model.model_fields}
    expected = sorted(f"{p.parent.name}/{p.stem}" for kind in reviewed for p in (content / kind).glob("*.yaml"))
    result = due_items(content, dt.date(2100, 1, 1), within=60)
    assert sorted(ids(result)) == expected
    assert {"sources", "regions", "glossary"}.isdisjoint({i.kind for i in result.items})


def test_a_broken_file_is_counted_not_fatal(content: Path):
    (content / "conditions" / "broken.yaml").write_text("title: [unclosed\n")
    result = due_items(content, TODAY)
    assert result.unreadable == 1
    assert "conditions/sciatica" in ids(result)
    assert "1 content file could not be read" in review.as_text(result)


def test_the_status_says_how_many_days(content: Path):
    by_id = {i.id: i for i in due_items(content, TODAY).items}
    assert by_id["sciatica"].status(TODAY) == "overdue by 10 days"
    assert by_id["knee-to-chest"].status(TODAY) == "due today"
    assert by_id["slipped-disc"].status(TODAY) == "due in 60 days"
    assert by_id["sciatica"].status(TODAY - dt.timedelta(days=9)) == "overdue by 1 day"


def test_the_text_list_names_file_date_and_status(content: Path):
    text = review.as_text(due_items(content, TODAY))
    assert text.startswith("3 items due for review within 60 days of 2030-06-01 (1 overdue):")
    assert "content_data/conditions/sciatica.yaml: next review due 2030-05-22 (overdue by 10 days) - Sciatica" in text


def test_nothing_due_is_said_plainly(content: Path):
    result = due_items(content, dt.date(2000, 1, 1))
    assert review.as_text(result) == "Nothing is due for review within 60 days of 2000-01-01.\n"
    assert "Nothing is due for review" in review.as_markdown(result)


def test_the_issue_body_has_overdue_and_due_soon_tables_and_says_what_to_do(content: Path):
    body = review.as_markdown(due_items(content, TODAY), repo_url="https://github.com/org/site")
    assert body.startswith(review.MARKER)
    assert "**3 items** are due for review within 60 days of 2030-06-01: 1 overdue, 2 due soon." in body
    overdue, soon = body.split("### Overdue")[1].split("### Due soon")
    assert "Sciatica (conditions)" in overdue and "Slipped disc" not in overdue
    assert "Slipped disc (conditions)" in soon and "Knee to chest stretch (exercises)" in soon
    assert "[`content_data/conditions/sciatica.yaml`](https://github.com/org/site/blob/main/" in body
    assert "| Test reviewer on 2029-05-22 |" in body
    assert "review.next_review_due" in body
    assert "/contributing/review-and-approval/" in body


def test_json_output_has_days_left(content: Path):
    data = json.loads(review.as_json(due_items(content, TODAY)))
    assert data["today"] == "2030-06-01"
    assert [(i["id"], i["days_left"]) for i in data["items"]] == [
        ("sciatica", -10),
        ("knee-to-chest", 0),
        ("slipped-disc", 60),
    ]


def test_the_review_command_takes_today_and_within(content: Path, tmp_path: Path):
    base = ["review", "--content", str(content), "--today", "2030-06-01"]
    text = macros_command(*base, check=True).stdout
    assert text.startswith("3 items due")
    narrow = macros_command(*base, "--within", "0", check=True)
    assert narrow.stdout.startswith("2 items due")
    out = tmp_path / "review.md"
    macros_command(*base, "--format", "markdown", "--output", str(out), check=True)
    assert out.read_text().startswith(review.MARKER)


def test_the_review_command_explains_a_bad_date_or_window(content: Path):
    base = ["review", "--content", str(content)]
    bad_date = macros_command(*base, "--today", "1 June")
    assert bad_date.returncode == 2 and "'1 June' is not a date like 2027-01-31" in bad_date.stderr
    bad_days = macros_command(*base, "--within", "-5")
    assert bad_days.returncode == 2 and "not a number of days" in bad_days.stderr


class FakeGh:
    """Stands in for the `gh` command: records calls, answers `issue list` with open issues."""

    def __init__(self, open_issues: list[int]):
        self.open_issues = open_issues
        self.calls: list[list[str]] = []

    def __call__(self, args):
        self.calls.append(list(args))
        if args[:2] == ["issue", "list"]:
            return json.dumps([{"number": n, "title": review.ISSUE_TITLE} for n in self.open_issues])
        return ""

    def commands(self) -> list[tuple[str, ...]]:
        return [tuple(c[:2]) for c in self.calls]


def test_with_items_due_the_open_issue_is_updated():
    gh = FakeGh(open_issues=[12, 7])
    assert review.sync_issue("body", 3, gh) == "updated issue #7"
    assert gh.commands() == [("label", "create"), ("issue", "list"), ("issue", "edit")]
    edit = gh.calls[-1]
    assert edit[2] == "7" and edit[edit.index("--body") + 1] == "body"
    assert gh.calls[1][gh.calls[1].index("--label") + 1] == review.LABEL


def test_with_items_due_and_no_open_issue_one_is_opened_with_the_label():
    gh = FakeGh(open_issues=[])
    assert review.sync_issue("body", 1, gh) == "opened a new issue"
    create = gh.calls[-1]
    assert create[:2] == ["issue", "create"]
    assert create[create.index("--label") + 1] == review.LABEL
    assert create[create.index("--title") + 1] == review.ISSUE_TITLE


def test_with_nothing_due_the_open_issue_is_closed_and_none_is_opened():
    gh = FakeGh(open_issues=[5])
    assert review.sync_issue("nothing", 0, gh) == "closed issue #5"
    assert gh.commands()[-2:] == [("issue", "edit"), ("issue", "close")]
    quiet = FakeGh(open_issues=[])
    assert review.sync_issue("nothing", 0, quiet).startswith("nothing due")
    assert ("issue", "create") not in quiet.commands()
