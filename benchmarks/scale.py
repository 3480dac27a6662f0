"""Build time and scale: a clean build of the real site, then the same site with 100, 300 and
1,000 extra condition pages, in a temporary copy of the project (nothing is written to the
repository). Each extra page is a real condition under a new id with its own text (every
sentence of the copy is changed), so no cache can pay off only because the pages repeat.

Right after each project build, the same number of pages is built by stock Material for
MkDocs, with no plugin but search and a shallow navigation, from the text of a real condition
page as plain Markdown (each page's text made its own in the same way): the ratio of the two times is
what our engine costs, and it is steadier than the absolute times, which swing from run to run."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from .common import ROOT, Build, copy_project, table, timed_build

SIZES = (0, 100, 300, 1000)
TARGET_SECONDS = 15.0  # for the +1,000 build, on a 2-core machine
TARGET_RATIO = 1.2  # against stock Material building the same number of plain pages
TARGET_PEAK_MIB = 300.0


def own_text(value: Any, n: int) -> Any:
    """The item's data with every sentence made its own for copy `n` (ids, which have no
    spaces, and numbers are left alone; lists are rotated, so their order differs too)."""
    if isinstance(value, dict):
        return {k: own_text(v, n) for k, v in value.items()}
    if isinstance(value, list):
        items = [own_text(v, n) for v in value]
        if items and all(isinstance(v, str) and " " in v for v in items):
            shift = n % len(items)
            items = items[shift:] + items[:shift]
        return items
    if isinstance(value, str) and " " in value:
        return f"{value.rstrip()} (copy {_letters(n)})"
    return value


def _letters(n: int) -> str:
    """A copy's number in letters (1 -> a, 27 -> aa): a number in the text could read as a
    phone number, such as 999, which the sign checks rightly refuse outside emergency cards."""
    out = ""
    while n:
        n, digit = divmod(n - 1, 26)
        out = chr(ord("a") + digit) + out
    return out


def add_conditions(project: Path, count: int) -> None:
    """`count` new condition items, made round-robin from the real ones, each with its page."""
    import yaml

    from macros.cli.new import page_text
    from macros.content.loader import ContentLoader

    folder = project / "content_data" / "conditions"
    originals = sorted(folder.glob("*.yaml"))
    if not originals:
        raise SystemExit("no condition items to copy in content_data/conditions")
    data = [yaml.load(path.read_text(encoding="utf-8"), Loader=ContentLoader) for path in originals]
    for i in range(count):
        source = originals[i % len(originals)]
        item_id = f"{source.stem}-copy-{i + 1}"
        text = yaml.safe_dump(own_text(data[i % len(data)], i + 1), sort_keys=False, allow_unicode=True, width=1000)
        (folder / f"{item_id}.yaml").write_text(text, encoding="utf-8")
        (project / "docs" / "conditions" / f"{item_id}.md").write_text(
            page_text("conditions", item_id), encoding="utf-8"
        )


def condition_markdown() -> str:
    """The text of a real condition page as our engine writes it, made plain Markdown."""
    from macros.content.registry import build
    from macros.pages.render import Renderer
    from macros.pages.signs import care_from_config

    registry = build(ROOT / "content_data")
    renderer = Renderer(registry, care=care_from_config(ROOT / "mkdocs.yml"))
    return plain_markdown(renderer.item_page("conditions", "sciatica"))


STOCK_CONFIG = """site_name: Stock reference
theme:
  name: material
  features: [navigation.prune]
plugins: [search]
markdown_extensions: [attr_list, md_in_html, admonition, tables, def_list, {toc: {permalink: true}}, pymdownx.details]
nav:
  - Home: index.md
  - Conditions: conditions/index.md
"""


def plain_markdown(markdown: str) -> str:
    """The same text as plain Markdown: headings, paragraphs, lists and links, without the HTML
    blocks (care cards, tables of signs) and attribute lists our pages are built from."""
    import re

    text = re.sub(r"<[^>]+>", "\n", markdown)  # each HTML tag ends a block; its text stays
    text = re.sub(r"\s*\{\s*[:#.][^}]*\}", "", text)  # attribute lists: { #symptoms }
    return re.sub(r"\n{3,}", "\n\n", text)


def stock_project(dest: Path, pages: int, markdown: str) -> Path:
    """Stock Material around `pages` plain pages of a real condition's text, each its own."""
    docs = dest / "docs" / "conditions"
    docs.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    (dest / "docs" / "index.md").write_text("# Stock reference\n", encoding="utf-8")
    (docs / "index.md").write_text("# Conditions\n", encoding="utf-8")
    lines = markdown.splitlines()
    for n in range(1, pages - 1):
        text = "\n".join(f"{line} {n}" if line.strip() and line[0].isalpha() else line for line in lines)
        (docs / f"page-{n}.md").write_text(text.replace("# ", f"# Page {n}: ", 1), encoding="utf-8")
    return dest


def run(sizes: tuple[int, ...] = SIZES) -> tuple[str, dict[int, tuple[Build, Build]]]:
    results: dict[int, tuple[Build, Build]] = {}
    markdown = condition_markdown()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        base = Path(tmp)
        for size in sizes:
            project = copy_project(base / f"project-{size}")
            if size:
                add_conditions(project, size)
            print(f"  building with {size} extra condition pages, then stock Material ...", flush=True)
            build = timed_build(project, base / f"site-{size}")
            if not build.ok:
                raise SystemExit(f"the build with {size} extra pages failed:\n{build.output[-3000:]}")
            stock = timed_build(
                stock_project(base / f"stock-{size}", build.pages, markdown), base / f"stock-site-{size}"
            )
            if not stock.ok:
                raise SystemExit(f"the stock reference build failed:\n{stock.output[-3000:]}")
            results[size] = (build, stock)
    rows = []
    for size, (b, s) in results.items():
        rows.append(
            [
                "real site" if size == 0 else f"+{size:,} conditions",
                f"{b.pages:,}",
                f"{b.seconds:.1f}",
                f"{b.seconds / b.pages * 1000:.0f}",
                f"{b.peak_mib:.0f}",
                f"{s.seconds:.1f}",
                f"{b.seconds / s.seconds:.2f}",
            ]
        )
    headers = ["site", "pages", "wall s", "ms per page", "peak MiB", "stock Material s", "ratio"]
    return table(headers, rows) + "\n\n" + verdict(results), results


def verdict(results: dict[int, tuple[Build, Build]]) -> str:
    """The targets, met or not: +1,000 in 15 s and at most 1.2 times stock Material, 300 MiB,
    time per page flat from +100 to +1,000."""
    if 1000 not in results:
        return "Targets apply to the +1,000 build (run it to compare)."
    big, stock = results[1000]
    ratio = big.seconds / stock.seconds
    per_page = [results[n][0].seconds / results[n][0].pages for n in (100, 300, 1000) if n in results]
    growth = max(per_page) / min(per_page)
    return (
        f"Targets: +1,000 in at most {TARGET_SECONDS:.0f} s: {big.seconds:.1f} s, "
        f"{'within' if big.seconds <= TARGET_SECONDS else 'over'}; "
        f"at most {TARGET_RATIO} times stock Material: {ratio:.2f}, "
        f"{'within' if ratio <= TARGET_RATIO else 'over'}; "
        f"peak at most {TARGET_PEAK_MIB:.0f} MiB: {big.peak_mib:.0f} MiB, "
        f"{'within' if big.peak_mib <= TARGET_PEAK_MIB else 'over'}; "
        f"time per page from +100 to +1,000 varies by a factor of {growth:.2f} "
        f"({'flat' if growth <= 1.25 else 'not flat'})."
    )
