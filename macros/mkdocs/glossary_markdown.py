"""Python-Markdown's `abbr` extension for a glossary of hundreds of terms: a faster matcher, and
meanings kept out of the page.

- Matching: `abbr` finds terms with one regular expression `\\b(?:term1|term2|...)\\b`, longest
  term first; with the glossary's ~900 forms, Python's regex engine tries every alternative at
  every position, which was a fifth of the build time. The same terms as a prefix tree
  (`hip(?: (?:flexor|joint))?`) give identical matches about ten times faster.
- `in_page: false`: glossary terms are marked `<abbr>term</abbr>` without their meaning, which
  app.js reads from one cached file (assets/glossary.json) instead of every page repeating it
  (about 2 KiB of every page, compressed). Abbreviations a page defines itself keep their title.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor


def trie_pattern(words: list[str] | tuple[str, ...]) -> str:
    """A regex source matching exactly `words`, preferring the longest at each position, like
    an alternation sorted longest first."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


@lru_cache(maxsize=8)
def _compiled(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + trie_pattern(sorted(words)) + r")\b")


class GlossaryTreeprocessor(AbbrTreeprocessor):  # type: ignore[misc]  # Markdown has no type hints
    def __init__(self, md: Any, abbrs: dict[str, str], glossary: dict[str, str], in_page: bool):
        super().__init__(md, abbrs)
        self.glossary = glossary
        self.in_page = in_page

    def create_element(self, title: str, text: str, tail: str) -> Any:
        abbr = super().create_element(title, text, tail)
        if not self.in_page and self.glossary.get(text) == title:
            del abbr.attrib["title"]
        return abbr

    def run(self, root: Any) -> None:
        if not self.abbrs:
            return
        # Built once for the glossary and reused by every page (a page may add its own terms).
        self.RE = _compiled(frozenset(self.abbrs))
        self.iter_element(root)


class GlossaryExtension(AbbrExtension):  # type: ignore[misc]  # Markdown has no type hints
    def __init__(self, **kwargs: Any):
        in_page = kwargs.pop("in_page", True)
        super().__init__(**kwargs)
        self.in_page = bool(in_page)

    def extendMarkdown(self, md: Any) -> None:  # noqa: N802 (Python-Markdown's name)
        super().extendMarkdown(md)
        treeprocessor = GlossaryTreeprocessor(md, self.abbrs, self.glossary, self.in_page)
        md.treeprocessors.register(treeprocessor, "abbr", 7)


def makeExtension(**kwargs: Any) -> GlossaryExtension:  # noqa: N802 (Python-Markdown's name)
    return GlossaryExtension(**kwargs)
