"""Build time and scale: a clean build of the real site, then the same site with 100, 300 and
1,000 extra condition pages, copies of real conditions under new ids, in a temporary copy of
the project (nothing is written to the repository)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .common import Build, copy_project, retitle, table, timed_build

SIZES = (0, 100, 300, 1000)
TARGET_SECONDS = 20.0  # for the +1,000 build, on a 2-core machine
TARGET_PEAK_MIB = 300.0


def add_conditions(project: Path, count: int) -> None:
    """`count` new condition items, copied round-robin from the real ones, each with its page."""
    from macros.cli.new import page_text

    folder = project / "content_data" / "conditions"
    originals = sorted(folder.glob("*.yaml"))
    if not originals:
        raise SystemExit("no condition items to copy in content_data/conditions")
    for i in range(count):
        source = originals[i % len(originals)]
        item_id = f"{source.stem}-copy-{i + 1}"
        text = source.read_text(encoding="utf-8")
        # A distinct title, so the navigation and search tell the copies apart.
        text = retitle(text, f" (copy {i + 1})")
        (folder / f"{item_id}.yaml").write_text(text, encoding="utf-8")
        (project / "docs" / "conditions" / f"{item_id}.md").write_text(
            page_text("conditions", item_id), encoding="utf-8"
        )


def run(sizes: tuple[int, ...] = SIZES) -> tuple[str, dict[int, Build]]:
    results: dict[int, Build] = {}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        base = Path(tmp)
        for size in sizes:
            project = copy_project(base / f"project-{size}")
            if size:
                add_conditions(project, size)
            print(f"  building with {size} extra condition pages ...", flush=True)
            build = timed_build(project, base / f"site-{size}")
            if not build.ok:
                raise SystemExit(f"the build with {size} extra pages failed:\n{build.output[-3000:]}")
            results[size] = build
    rows = []
    for size, b in results.items():
        rows.append(
            [
                "real site" if size == 0 else f"+{size:,} conditions",
                f"{b.pages:,}",
                f"{b.seconds:.1f}",
                f"{b.seconds / b.pages * 1000:.0f}",
                f"{b.peak_mib:.0f}",
            ]
        )
    text = table(["site", "pages", "wall s", "ms per page", "peak MiB"], rows)
    return text + "\n\n" + verdict(results), results


def verdict(results: dict[int, Build]) -> str:
    """The targets, met or not: +1,000 in 20 s and 300 MiB, time per page flat from +100 to +1,000."""
    if 1000 not in results:
        return "Targets apply to the +1,000 build (run it to compare)."
    big = results[1000]
    per_page = [results[n].seconds / results[n].pages for n in (100, 300, 1000) if n in results]
    growth = max(per_page) / min(per_page)
    return (
        f"Targets: +1,000 in at most {TARGET_SECONDS:.0f} s: {big.seconds:.1f} s, "
        f"{'within' if big.seconds <= TARGET_SECONDS else 'over'}; "
        f"peak at most {TARGET_PEAK_MIB:.0f} MiB: {big.peak_mib:.0f} MiB, "
        f"{'within' if big.peak_mib <= TARGET_PEAK_MIB else 'over'}; "
        f"time per page from +100 to +1,000 varies by a factor of {growth:.2f} "
        f"({'flat' if growth <= 1.25 else 'not flat'})."
    )
