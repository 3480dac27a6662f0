"""The real content in content_data/ is clean and complete."""

from __future__ import annotations

from macros.content.registry import build

from ..conftest import ROOT, real_registry


def test_the_real_content_has_no_problems():
    build(ROOT / "content_data")  # raises ContentError listing every problem (loaded fresh, not cached)


def test_the_first_conditions_exist():
    registry = real_registry()
    for item_id in ("sciatica", "slipped-disc", "greater-trochanteric-pain-syndrome", "hip-osteoarthritis"):
        assert item_id in registry.entries["conditions"]
    assert len(registry.entries["exercises"]) >= 3
    assert {"medical-history", "physical-examination", "possible-causes", "tests-and-scans"} <= set(
        registry.entries["diagnosis"]
    )
