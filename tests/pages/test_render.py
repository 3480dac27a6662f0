"""Templates turn entries into page Markdown; content text is data, never a template."""

from __future__ import annotations

from datetime import date

import pytest

from macros.content.registry import build
from macros.pages.render import Renderer

from ..conftest import FIXTURES, TEST_CARE

CARE = TEST_CARE


@pytest.fixture(scope="module")
def renderer():
    return Renderer(build(FIXTURES / "valid" / "content_data"), care=CARE, today=date(2027, 1, 1))


def test_condition_sections_come_in_the_standard_order(renderer):
    text = renderer.item_page("conditions", "sciatica")
    order = [
        "# Sciatica",
        "## Symptoms",
        "## Causes",
        "## How it is diagnosed",
        "## Treatment",
        "## When to get help",
        "## Related",
        "## Sources",
    ]
    positions = [text.index(h) for h in order]
    assert positions == sorted(positions)


def test_template_syntax_in_content_is_shown_literally(renderer):
    text = renderer.item_page("conditions", "sciatica")
    assert "{{ config }}" in text
    assert "{% if true %}template text{% endif %} stays literal" in text


def test_care_words_come_from_configuration(renderer):
    text = renderer.item_page("conditions", "sciatica")
    assert "Call 112 or go to the emergency room if:" in text
    assert "See a doctor if:" in text
    assert "Get help today from Helpline or your doctor if:" in text
    assert "999" not in text


def test_a_care_card_has_a_visually_hidden_level_prefix(renderer):
    cards = renderer.care_levels()
    assert '<span class="app-visually-hidden">Emergency: </span>' in cards
    assert "app-care-card--emergency" in cards
    assert "- You need help straight away. Call 112 or go to the emergency room now" in cards


def test_the_care_levels_are_explained_least_urgent_first(renderer):
    cards = renderer.care_levels()
    positions = [cards.index(f"app-care-card--{level}") for level in ("non-urgent", "urgent", "emergency")]
    assert positions == sorted(positions)


def test_common_signs_rejects_an_unknown_level(renderer):
    with pytest.raises(ValueError, match="not one of urgent, emergency"):
        renderer.common_signs("soon")


def test_only_levels_the_content_has_get_a_card(renderer):
    text = renderer.item_page("conditions", "slipped-disc")
    assert "app-care-card--urgent" in text
    assert "app-care-card--emergency" not in text
    assert "app-care-card--non-urgent" not in text


def test_html_that_slips_past_validation_is_escaped():
    from macros.pages.text import md

    assert str(md("a <script>alert(1)</script>")) == "a &lt;script>alert(1)&lt;/script>"


def test_multi_line_text_is_indented_to_stay_in_its_list_item():
    from macros.pages.text import md

    assert str(md("one\n\ntwo", indent=2)) == "one\n  \n  two"


def test_an_overdue_item_says_so(renderer):
    late = Renderer(renderer.registry, care=CARE, today=date(2030, 1, 1))
    assert "overdue for review" in late.item_page("conditions", "sciatica")
    assert "overdue for review" not in renderer.item_page("conditions", "sciatica")


def test_exercise_page_shows_dose_steps_and_stop_rule(renderer):
    text = renderer.item_page("exercises", "knee-to-chest")
    for part in (
        "20 seconds",
        "Repeat</span> 3 times",
        "## Steps",
        "1. Bring one knee",
        "## When to stop",
        "Stop if it causes new pain",
        "## Cautions",
        "[Sciatica](/conditions/sciatica.md)",
    ):
        assert part in text


def test_a_care_card_shows_shared_red_flags_before_the_conditions_own_signs(renderer):
    text = renderer.item_page("conditions", "sciatica")
    emergency = text[text.index("app-care-card--emergency") :]
    shared = emergency.index("your bottom, genitals or inner thighs feel numb")
    own = emergency.index("you have numbness around your bottom or genitals")
    assert shared < own


def test_the_red_flags_page_says_each_sign_once_in_its_situation(renderer):
    everyone = renderer.red_flag_cards("any")
    assert everyone.count("- your bottom, genitals or inner thighs feel numb") == 1
    for other in ("back", "hip", "children"):
        assert "genitals or inner thighs feel numb" not in renderer.red_flag_cards(other)


def test_where_each_shared_sign_is_given_is_listed_for_editors(renderer):
    text = renderer.red_flag_uses()
    assert text.count("your bottom, genitals or inner thighs feel numb") == 1
    assert "[Sciatica](/conditions/sciatica.md)" in text


def test_a_conditions_own_signs_are_shown_under_its_name_on_the_red_flags_page(renderer):
    text = renderer.condition_signs("adults")
    section = text[text.index("[Sciatica](/conditions/sciatica.md)") :]
    assert "you have numbness around your bottom or genitals" in section
    assert "you have numbness around your bottom or genitals" not in renderer.red_flag_cards("any")


def test_an_unknown_situation_or_audience_is_an_error(renderer):
    with pytest.raises(ValueError, match="situation 'legs'"):
        renderer.red_flag_cards("legs")
    with pytest.raises(ValueError, match="audience 'teens'"):
        renderer.condition_signs("teens")


def test_every_exercise_ends_its_stop_rule_with_the_emergency_signs(renderer):
    text = renderer.item_page("exercises", "knee-to-chest")
    stop = text[text.index("## When to stop") : text.index("## How to progress")]
    assert "app-care-card--emergency" in stop
    assert "Call 112 or go to the emergency room if:" in stop
    assert "your bottom, genitals or inner thighs feel numb" in stop
