"""Cross-references are resolved once, and reverse links are derived."""

from __future__ import annotations

import pytest

from macros.content.registry import build

from ..conftest import FIXTURES


@pytest.fixture(scope="module")
def registry():
    return build(FIXTURES / "valid" / "content_data")


def test_a_condition_holds_resolved_entries_not_ids(registry):
    sciatica = registry.get("conditions", "sciatica")
    assert [e.id for e in sciatica.exercises] == ["knee-to-chest"]
    assert sciatica.exercises[0].title == "Knee to chest stretch"
    assert [s.publisher for s in sciatica.sources] == ["NHS", "NICE"]


def test_an_anatomy_part_lists_the_conditions_that_involve_it(registry):
    assert [c.id for c in registry.get("anatomy", "sciatic-nerve").linked_from("conditions")] == ["sciatica"]


def test_an_exercise_lists_the_conditions_it_helps(registry):
    assert [c.id for c in registry.get("exercises", "knee-to-chest").linked_from("conditions")] == ["sciatica"]


def test_a_region_lists_the_conditions_felt_there(registry):
    assert [c.id for c in registry.get("regions", "lower-back").linked_from("conditions")] == [
        "sciatica",
        "slipped-disc",
    ]
    assert [c.id for c in registry.get("regions", "below-knee").linked_from("conditions")] == ["sciatica"]


def test_related_conditions_link_both_ways(registry):
    # only slipped-disc declares the link
    assert [c.id for c in registry.get("conditions", "slipped-disc").related] == ["sciatica"]
    assert [c.id for c in registry.get("conditions", "sciatica").related] == ["slipped-disc"]


def test_an_unknown_id_names_the_kind_and_a_close_match(registry):
    with pytest.raises(KeyError, match="did you mean 'sciatica'"):
        registry.get("conditions", "sciatika")


def test_items_are_listed_in_reading_order(registry):
    assert [r.id for r in registry.all("regions")] == ["lower-back", "buttock", "below-knee"]


def test_a_shared_red_flag_lists_the_conditions_that_give_it(registry):
    assert [c.id for c in registry.get("red_flags", "saddle-numbness").linked_from("conditions")] == ["sciatica"]


def test_a_back_link_is_never_hidden_by_a_field_of_the_same_name():
    """A condition's `prevention` field is its own advice; the prevention topics that list it are
    reached by linked_from, so condition pages can link back to them."""
    registry = build(FIXTURES / "valid" / "content_data")
    sciatica = registry.get("conditions", "sciatica")
    assert isinstance(sciatica.prevention, list | tuple)
    assert sciatica.linked_from("prevention") == []  # the fixture has no topics
    with pytest.raises(KeyError, match="unknown kind"):
        sciatica.linked_from("preventions")


def test_lists_of_conditions_put_the_common_first():
    from macros.content.registry import COMMONNESS

    from ..conftest import real_registry

    registry = real_registry()
    ranks = [COMMONNESS[c.how_common] for c in registry.all("conditions")]
    assert ranks == sorted(ranks) and len(set(ranks)) == 3
    for region in registry.all("regions"):
        felt = [COMMONNESS[c.how_common] for c in region.linked_from("conditions")]
        assert felt == sorted(felt), region.id
