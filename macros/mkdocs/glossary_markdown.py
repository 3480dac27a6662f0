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
from markdown.util import AtomicString


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
        self.glossary_words = frozenset(glossary)
        self.in_page = in_page

    def create_element(self, title: str, text: str, tail: str) -> Any:
        abbr = super().create_element(title, text, tail)
        if not self.in_page and self.glossary.get(text) == title:
            del abbr.attrib["title"]
        return abbr

    def run(self, root: Any) -> None:
        if not self.abbrs:
            return
        # Built once for the glossary and reused by every page. A page may add its own terms (the
        # terms are the glossary's until a page adds one: a page can redefine a term, not remove it).
        same = len(self.abbrs) == len(self.glossary_words)
        self.RE = _compiled(self.glossary_words if same else frozenset(self.abbrs))
        self._walk(root)

    def _walk(self, el: Any) -> None:
        """abbr's `iter_element`, with the same result: each element's children last to first,
        then its text; a child's tail becomes text and `abbr` elements right after the child.
        abbr finds that place with `list(parent).index(child)` for every child (quadratic in
        a long page's top level); here the place is the loop's own index."""
        children = list(el)
        for index in range(len(children) - 1, -1, -1):
            child = children[index]
            if len(child) or child.text:
                self._walk(child)
            tail = child.tail
            if tail and not isinstance(tail, AtomicString):
                child.tail = self._mark(tail, el, index + 1)
        text = el.text
        if text and not isinstance(text, AtomicString):
            el.text = self._mark(text, el, 0)

    def _mark(self, text: str, parent: Any, at: int) -> str:
        """Each term in `text` as an `abbr` element inserted into `parent` at `at`, last first;
        returns the text before the first term."""
        for match in reversed(list(self.RE.finditer(text))):
            term = match.group(0)
            if self.abbrs[term]:
                parent.insert(at, self.create_element(self.abbrs[term], term, text[match.end() :]))
                text = text[: match.start()]
        return text


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
