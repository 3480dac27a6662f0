"""One sign, one level: each rule has a named fixture in tests/fixtures/sign_rules/<rule>/, laid
over a copy of the valid fixture content, and the check must name the file, line and field an
editor has to change. The real content passes every rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.content.errors import ContentError
from macros.content.registry import build
from macros.pages import checks, gather, signs

from ..conftest import FIXTURES, ROOT, macros_subprocess, real_registry

VALID = FIXTURES / "valid" / "content_data"
RULES = FIXTURES / "sign_rules"
# the real local care words, so the messages here are the ones docs/contributing/checks.md quotes
CARE = signs.care_from_config(ROOT / "mkdocs.yml")

# rule fixture -> [(file, line, field, message part, hint part or None)], every problem expected
EXPECTED = {
    "same-sign-two-levels": [
        (
            "conditions/two-levels.yaml",
            15,
            "when_to_get_help[0].text",
            "this sign is 'urgent' here but 'emergency' in content_data/red_flags/saddle-numbness.yaml:2",
            "one sign has one level everywhere",
        )
    ],
    "emergency-sign-in-lower-card": [
        (
            "conditions/lower-card.yaml",
            15,
            "when_to_get_help[0].text",
            "this urgent sign tells readers to use 999, the emergency service",
            "make it level: emergency",
        )
    ],
    "mixed-comparison-cell": [
        (
            "conditions/other.yaml",
            15,
            "when_to_get_help[0].text",
            "this sign is 'urgent' here but 'emergency' in content_data/conditions/sciatica.yaml:33",
            None,
        ),
        (
            "questions/which-is-it.yaml",
            4,
            "compare",
            "under 'Call 999 or go to A&E if:' for Sciatica and under "
            "'Get help today from NHS 111 or your GP if:' for Other",
            "give the sign one level",
        ),
    ],
    "contact-named-without-contact": [
        (
            "conditions/pregnancy.yaml",
            15,
            "when_to_get_help[0].text",
            "this sign names 'maternity unit or midwife', but its card says "
            "'Get help today from NHS 111 or your GP if:'",
            "add 'contact: maternity-unit'",
        )
    ],
    "unknown-contact": [
        (
            "conditions/unknown-contact.yaml",
            15,
            "when_to_get_help[0].contact",
            "unknown contact 'hospice'",
            "acute-oncology, maternity-unit",
        )
    ],
    "signs-in-prose": [
        ("questions/when-to-call.yaml", 3, "answer", "names 999 in running text", "list the signs in red_flags")
    ],
    "unknown-care-word": [
        ("care_levels/urgent.yaml", 3, "heading", "{urgent_number} is not a local care word", "{urgent_service}"),
        ("care_levels/urgent.yaml", 5, "contact_note", "{urgent_number} is not a local care word", None),
        ("care_levels/urgent.yaml", 6, "meaning", "{urgent_number} is not a local care word", None),
    ],
}


def content_with(rule: str, tmp_path: Path) -> Path:
    root = tmp_path / "content_data"
    shutil.copytree(VALID, root)
    shutil.copytree(RULES / rule, root, dirs_exist_ok=True)
    return root


def test_every_rule_fixture_has_its_expected_problems():
    assert {p.name for p in RULES.iterdir()} == set(EXPECTED)


def test_the_valid_fixture_content_passes_every_rule():
    checks.validate(build(VALID), CARE)


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_a_broken_rule_names_file_line_field_and_what_to_do(rule: str, tmp_path: Path):
    registry = build(content_with(rule, tmp_path))
    with pytest.raises(ContentError) as caught:
        checks.validate(registry, CARE)
    problems = caught.value.problems
    assert len(problems) == len(EXPECTED[rule]), "\n".join(map(str, problems))
    for problem, (file, line, field, message, hint) in zip(problems, EXPECTED[rule], strict=True):
        assert problem.file == f"content_data/{file}"
        assert (problem.line, problem.field) == (line, field), str(problem)
        assert message in problem.message, str(problem)
        if hint:
            assert hint in problem.hint, str(problem)


def test_the_real_content_keeps_one_sign_at_one_level():
    checks.validate(real_registry(), CARE)


def test_the_guide_quotes_the_real_message_of_every_rule(tmp_path: Path):
    text = (ROOT / "docs" / "contributing" / "checks.md").read_text()
    for rule in EXPECTED:
        registry = build(content_with(rule, tmp_path / rule))
        with pytest.raises(ContentError) as caught:
            checks.validate(registry, CARE)
        first_lines = [str(p).splitlines()[0] for p in caught.value.problems]
        assert any(line in text for line in first_lines), (
            f"docs/contributing/checks.md should quote one of {first_lines}"
        )


def test_the_check_command_reports_a_broken_rule_with_file_and_line(tmp_path: Path):
    """The one real `python -m macros` run: the others call the command in-process."""
    content = content_with("emergency-sign-in-lower-card", tmp_path)
    result = macros_subprocess("check", "--content", str(content))
    assert result.returncode == 1
    assert "content_data/conditions/lower-card.yaml:15: when_to_get_help[0].text: this urgent sign" in result.stderr


def test_a_comparison_has_one_row_per_level_and_no_cell_mixes_levels():
    registry = real_registry()
    words = signs.CareWords(registry, CARE)
    for question in registry.all("questions"):
        if not question.compare:
            continue
        table = gather.comparison(question.compare, words)
        keys = [(row.card.level, row.card.contact) for row in table.sign_rows]
        assert len(keys) == len(set(keys)), question.id
        assert [k[0] for k in keys] == sorted((k[0] for k in keys), key=signs.URGENT_FIRST.index)
        for row in table.sign_rows:
            for cell in row.cells:
                assert all(s.card_key == (row.card.level, row.card.contact) for s in cell), question.id
                assert len({s.key for s in cell}) == len(cell), f"{question.id}: a sign twice in one cell"


def test_a_sign_with_a_contact_gets_a_card_that_names_the_contact():
    registry = real_registry()
    words = signs.CareWords(registry, CARE)
    cards = gather.care_cards(registry.get("conditions", "pelvic-girdle-pain"), words)
    maternity = [c for c in cards if c.contact == "maternity-unit"]
    assert len(maternity) == 1
    assert maternity[0].heading == "Call your maternity unit or midwife now if:"
    assert maternity[0].note == "If you cannot get through, call 999 or go to A&E."
    assert all("maternity" not in c.heading for c in cards if c.contact is None)


def test_the_emergency_question_shows_every_shared_sign():
    registry = real_registry()
    question = registry.get("questions", "when-is-hip-or-back-pain-an-emergency")
    assert {f.id for f in question.red_flags} == {f.id for f in registry.all("red_flags")}


def test_a_sign_of_one_condition_is_never_pooled_into_the_general_lists():
    registry = real_registry()
    words = signs.CareWords(registry, CARE)
    shared = {s.key for card in gather.shared_cards(registry, words) for s in card.signs}
    own = {s.key for c in registry.all("conditions") for s in signs.own_signs(c)}
    assert shared and not shared & own
