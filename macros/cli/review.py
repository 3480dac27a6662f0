"""Review cycle: `python -m macros review` lists items whose next review is due soon or overdue.

    python -m macros review                      # due within 60 days, or overdue, as of today
    python -m macros review --within 30 --today 2027-01-15 --format markdown
    python -m macros review --format markdown --issue   # open or update the one GitHub issue

Every date comes in as an argument (`today`), so the logic is tested with fixed dates and no
test starts failing as time passes. The weekly workflow (.github/workflows/review.yml) runs it
with `--issue`, which uses the GitHub command-line tool `gh` to keep one open issue, labelled
`review-due`, up to date with the list (and closes it when nothing is due).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..content.loader import load
from ..pages.text import table_cell

ROOT = Path(__file__).resolve().parents[2]
LABEL = "review-due"
ISSUE_TITLE = "Content reviews due"
MARKER = "<!-- macros review: this issue is updated every week by .github/workflows/review.yml -->"
GUIDE_PAGE = "contributing/review-and-approval/"


def guide_url(root: Path = ROOT) -> str:
    """The published "How review and approval work" page, from site_url in mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") if config.exists() else ""
    match = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", text, re.MULTILINE)
    base = match.group(1) if match else ""
    return f"{base.rstrip('/')}/{GUIDE_PAGE}" if base else f"docs/{GUIDE_PAGE.rstrip('/')}.md"


@dataclass(frozen=True, order=True)
class DueItem:
    """One item whose review is due. Sorted by due date, then file."""

    due: dt.date
    file: str
    kind: str
    id: str
    title: str
    last_reviewed: dt.date
    reviewed_by: str

    def days_left(self, today: dt.date) -> int:
        return (self.due - today).days

    def status(self, today: dt.date) -> str:
        days = self.days_left(today)
        if days < 0:
            return f"overdue by {-days} day{'s' if days != -1 else ''}"
        if days == 0:
            return "due today"
        return f"due in {days} day{'s' if days != 1 else ''}"


@dataclass
class ReviewList:
    today: dt.date
    within: int
    items: list[DueItem]
    unreadable: int = 0  # files that could not be read (run `python -m macros check`)

    @property
    def overdue(self) -> list[DueItem]:
        return [i for i in self.items if i.due < self.today]

    @property
    def due_soon(self) -> list[DueItem]:
        return [i for i in self.items if i.due >= self.today]


def due_items(content: Path, today: dt.date, within: int = 60) -> ReviewList:
    """Items under `content` whose next_review_due is on or before today + within days.

    Files with problems are skipped and counted: the review list still works while someone
    is halfway through an edit, and `python -m macros check` reports the problems themselves.
    """
    if within < 0:
        raise ValueError("within must be 0 or more days")
    loaded = load(content)
    limit = today + dt.timedelta(days=within)
    found = []
    for kind, items in loaded.items.items():
        for item_id, item in items.items():
            review = getattr(item.model, "review", None)
            if review is None or review.next_review_due > limit:
                continue
            title = str(getattr(item.model, "label", item_id))
            found.append(
                DueItem(
                    due=review.next_review_due,
                    file=item.file,
                    kind=kind,
                    id=item_id,
                    title=title,
                    last_reviewed=review.last_reviewed,
                    reviewed_by=review.reviewed_by,
                )
            )
    unreadable = len({p.file for p in loaded.problems})
    return ReviewList(today=today, within=within, items=sorted(found), unreadable=unreadable)


# --------------------------------------------------------------------------- output


def as_text(result: ReviewList) -> str:
    if not result.items:
        lines = [f"Nothing is due for review within {result.within} days of {result.today}."]
    else:
        lines = [
            f"{len(result.items)} item{'s' if len(result.items) != 1 else ''} due for review "
            f"within {result.within} days of {result.today} ({len(result.overdue)} overdue):"
        ]
        for item in result.items:
            lines.append(f"  {item.file}: next review due {item.due} ({item.status(result.today)}) - {item.title}")
    if result.unreadable:
        lines.append(_unreadable_note(result))
    return "\n".join(lines) + "\n"


def as_markdown(result: ReviewList, repo_url: str = "") -> str:
    """The issue body: what is due, what to do, and the command that made the list."""
    lines = [MARKER, ""]
    if not result.items:
        lines.append(f"Nothing is due for review within {result.within} days of {result.today}.")
    else:
        lines += [
            f"**{len(result.items)} item{'s' if len(result.items) != 1 else ''}** "
            f"{'are' if len(result.items) != 1 else 'is'} due for review within {result.within} days "
            f"of {result.today}: {len(result.overdue)} overdue, {len(result.due_soon)} due soon.",
            "",
            "To review an item: check every statement against its sources (and newer guidance), "
            "fix what has changed, then set `review.last_reviewed` to the day you checked it, "
            "`review.next_review_due` to at most three years later, and `review.reviewed_by`. "
            f"Open a pull request as usual. Step by step: [How review and approval work]({guide_url()}).",
            "",
        ]
        for heading, group in (("Overdue", result.overdue), ("Due soon", result.due_soon)):
            if not group:
                continue
            lines += [
                f"### {heading}",
                "",
                "| Item | File | Next review due | Last reviewed by |",
                "| --- | --- | --- | --- |",
            ]
            for item in group:
                file = (
                    f"[`{item.file}`]({repo_url.rstrip('/')}/blob/main/{item.file})" if repo_url else f"`{item.file}`"
                )
                lines.append(
                    f"| {table_cell(item.title)} ({item.kind}) | {file} | {item.due} ({item.status(result.today)}) "
                    f"| {table_cell(item.reviewed_by)} on {item.last_reviewed} |"
                )
            lines.append("")
    if result.unreadable:
        lines += ["", _unreadable_note(result)]
    lines += ["", f"_Made by `python -m macros review --within {result.within}` on {result.today}._"]
    return "\n".join(lines).rstrip() + "\n"


def as_json(result: ReviewList) -> str:
    data = {
        "today": str(result.today),
        "within": result.within,
        "unreadable": result.unreadable,
        "items": [
            {
                "file": i.file,
                "kind": i.kind,
                "id": i.id,
                "title": i.title,
                "next_review_due": str(i.due),
                "days_left": i.days_left(result.today),
                "last_reviewed": str(i.last_reviewed),
                "reviewed_by": i.reviewed_by,
            }
            for i in result.items
        ],
    }
    return json.dumps(data, indent=2) + "\n"


def _unreadable_note(result: ReviewList) -> str:
    n = result.unreadable
    return (
        f"Note: {n} content file{'s' if n != 1 else ''} could not be read and {'are' if n != 1 else 'is'} "
        "not in this list; run `python -m macros check` to see why."
    )


# --------------------------------------------------------------------------- the one issue

Runner = Callable[[Sequence[str]], str]


def run_gh(args: Sequence[str]) -> str:
    """Run the GitHub command-line tool and return what it prints."""
    done = subprocess.run(["gh", *args], check=True, capture_output=True, text=True)
    return done.stdout


def sync_issue(body: str, count: int, gh: Runner = run_gh) -> str:
    """Keep exactly one open issue labelled `review-due` in step with the list.

    Something due: update the open issue, or open one. Nothing due: close the open issue with a
    comment, or do nothing. Returns what it did, in words.
    """
    gh(["label", "create", LABEL, "--force", "--color", "FBCA04", "--description", "Content due for review"])
    found = json.loads(gh(["issue", "list", "--label", LABEL, "--state", "open", "--json", "number,title"]) or "[]")
    numbers = sorted(issue["number"] for issue in found)
    if count:
        if numbers:
            gh(["issue", "edit", str(numbers[0]), "--title", ISSUE_TITLE, "--body", body])
            return f"updated issue #{numbers[0]}"
        gh(["issue", "create", "--title", ISSUE_TITLE, "--label", LABEL, "--body", body])
        return "opened a new issue"
    if numbers:
        gh(["issue", "edit", str(numbers[0]), "--body", body])
        gh(["issue", "close", str(numbers[0]), "--comment", "Nothing is due for review now. Closing."])
        return f"closed issue #{numbers[0]}"
    return "nothing due and no open issue: nothing to do"


# --------------------------------------------------------------------------- command


def run(args: argparse.Namespace) -> int:
    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    result = due_items(Path(args.content), today, args.within)
    repo_url = (
        f"{os.environ['GITHUB_SERVER_URL']}/{os.environ['GITHUB_REPOSITORY']}"
        if os.environ.get("GITHUB_SERVER_URL") and os.environ.get("GITHUB_REPOSITORY")
        else ""
    )
    text = {"text": as_text, "json": as_json}.get(args.format, lambda r: as_markdown(r, repo_url))(result)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.issue:
        print(sync_issue(as_markdown(result, repo_url), len(result.items)), file=sys.stderr)
    return 0


def _date(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2027-01-31") from None
    return value


def _days(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of days (0 or more)")
    return int(value)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("review", help="list items whose next review is due soon or overdue")
    p.add_argument("--within", type=_days, default=60, help="days ahead to look (default: 60)")
    p.add_argument("--today", type=_date, help="the date to count from, YYYY-MM-DD (default: today)")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="output format")
    p.add_argument("--output", help="write the list to this file instead of printing it")
    p.add_argument(
        "--issue", action="store_true", help="open, update or close the one 'review-due' GitHub issue (uses gh)"
    )
    p.add_argument("--content", default=str(ROOT / "content_data"), help="content folder (default: content_data)")
    p.set_defaults(run=run)
