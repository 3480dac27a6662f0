"""The site's search index, gathered from the content's own structure.

Each page becomes one search document with weighted fields: its title, its other names, the
glossary's other forms of the terms in those names, the body places where it is felt (a
region's name, other names and plain description), its symptoms, the urgent signs of a page
about urgent care (with readers' own words for them), a hand-written page's section headings,
its summary, and the other words of its text. Every synonym comes from content data
(other_names, glossary also_matches, regions, red flags' other_words); none is written here.
docs/assets/js/search-engine.js ranks with MiniSearch over these fields, using the weights
below; search.js shows a result's kind, whether it is about urgent care, and a snippet.

Hand-written pages give their other names, and whether they are about urgent care, in their
front matter (`other_names:`, `urgent: true`).
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..content.kinds import BY_FOLDER
from ..content.models import Level
from ..content.registry import Entry, Registry
from .signs import every_sign, item_signs
from .text import plain

# How MiniSearch ranks, measured on tests/search/queries.yaml (`./dev bench --only search`):
# field -> weight (a query word found in a field scores by BM25 times the field's weight, and a
# page adds up its fields), the BM25 parameters (b = 0.5: long fields, such as the signs on the
# urgent-symptoms page, are marked down less than by default), and how much a prefix or a
# near-miss spelling counts against the exact word.
FIELDS: dict[str, float] = {
    "title": 6,
    "names": 6,
    "synonyms": 2,
    "places": 2,
    "signs": 3,
    "headings": 2,
    "symptoms": 1,
    "summary": 1,
    "text": 0.2,
}
BM25 = {"k": 1.2, "b": 0.5, "d": 0.5}
MATCH_WEIGHTS = {"fuzzy": 0.2, "prefix": 0.1}
# A query that is one of a page's names (its title, everyday name or other names; any word order,
# stop words left out) multiplies the page's score: "hip arthritis" is a name of hip
# osteoarthritis, which otherwise ranked below pages with "arthritis" in their title.
NAME_BOOST = 2.0
# Pages about urgent care rank a little higher: a reader who needs one and misses it loses more
# than a reader shown one too many.
URGENT_BOOST = 1.3
# A word in the text of more than this share of pages is kept on one page only (see search_index).
COMMON_SHARE = 1 / 3

# Words too common to help find a page, left out of the text field (a page's own title, names
# and summary keep them): readers' questions are full of them.
STOP_WORDS = frozenset(
    "a about after all also am an and any are as at be been before being but by can could do "  # noqa: SIM905
    "does for from get got has have having he her him his how i if in into is it its just me "
    "more most my no not of on once one only or other our out over she should so some such than "
    "that the their them then there these they this those to too up us very was we were what "
    "when where which while who why will with would you your".split()
)

WORD = re.compile(r"[a-z0-9][a-z0-9'&]*")

# The label readers see on a result of a hand-written page.
PAGE_LABEL = "Guide"


@dataclass
class PageRecord:
    """What the build knows about one page: its address, title and front matter, and for an
    item's page the item."""

    url: str
    title: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    item: Entry | None = None
    html: str = ""


def words(text: str) -> list[str]:
    """The words of a text, lower case, in order (apostrophes and & kept: A&E, child's)."""
    return WORD.findall(text.lower().replace("\u2019", "'"))


def needs_urgent_care(entry: Entry) -> bool:
    """A condition whose every warning sign needs urgent or emergency care (cauda equina
    syndrome, a broken hip): the content says it, by the levels of the signs it lists."""
    if entry.kind != "conditions":
        return False
    levels = [flag.level for flag in entry.red_flags] + [item.level for item in entry.when_to_get_help]
    return bool(levels) and Level.non_urgent not in levels


def _glossary_forms(registry: Registry) -> list[tuple[str, ...]]:
    return [(entry.term, *entry.also_matches) for entry in registry.all("glossary")]


def synonyms_for(names: Iterable[str], glossary: Sequence[Sequence[str]]) -> list[str]:
    """The glossary's other forms of every glossary term that is one of `names` or a whole-word
    part of one (a page called 'Hip bursitis' gains 'trochanteric bursitis')."""
    text = " " + " ".join(words(" ".join(names))) + " "
    found: list[str] = []
    for forms in glossary:
        if any(phrase in text for phrase in _phrases(tuple(forms))):
            found += [form for form in forms if form not in found]
    return found


@functools.lru_cache(maxsize=4096)
def _phrases(forms: tuple[str, ...]) -> tuple[str, ...]:
    """Each form as its words between spaces, to find it whole inside another name (a form with
    no words left out)."""
    return tuple(phrase for phrase in (f" {' '.join(words(form))} " for form in forms) if phrase.strip())


def _region_words(regions: Iterable[Entry]) -> list[str]:
    """A region's name, the other words readers use for it and its plain description."""
    return [
        f"{region.title} ({', '.join(region.other_names)}). {plain(region.summary)}"
        if region.other_names
        else f"{region.title}. {plain(region.summary)}"
        for region in regions
    ]


def urgent_signs(registry: Registry, entry: Entry | None) -> list[str]:
    """The urgent and emergency signs a page about urgent care shows, each with the words readers
    may use for it (a red flag's other_words): an urgent condition's own, or for a hand-written
    urgent page (the urgent-symptoms page), every one on the site."""
    signs = item_signs(entry) if entry is not None else every_sign(registry)
    seen: dict[str, str] = {}
    for sign in signs:
        if sign.level != Level.non_urgent:
            said = sign.entry.other_words if sign.entry.kind == "red_flags" else []
            seen.setdefault(sign.key, " ".join([plain(sign.text), *(f"({words})" for words in said)]))
    return list(seen.values())


# A built page's article, read with patterns rather than an HTML parser: the markup is the
# site's own, and at 1,000 pages a parser cost seconds. Left out: scripts, styles, drawings (no
# words to search), buttons and permalinks.
SKIPPED = re.compile(
    r"<(script|style|svg|template|button)\b.*?</\1\s*>|<a\b[^>]*\bclass=\"[^\"]*\bheaderlink\b[^\"]*\"[^>]*>.*?</a>",
    re.S,
)
TAG = re.compile(r"<[^>]*>")
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
H2_H3 = re.compile(r"<h([23])\b[^>]*>(.*?)</h\1>", re.S)


@dataclass(frozen=True)
class Article:
    heading: str  # the first h1
    sections: list[str]  # each h2 and h3
    text: str  # all of it


def _words_of(markup: str, between_tags: str = "") -> str:
    return " ".join(html.unescape(TAG.sub(between_tags, markup)).split())


def article(page_html: str) -> Article:
    """The headings and the text of the `<article>` of a built page."""
    start, end = page_html.find("<article"), page_html.rfind("</article>")
    part = page_html[start : end + len("</article>")] if 0 <= start < end else page_html
    part = SKIPPED.sub("", part)
    h1 = H1.search(part)
    sections = [_words_of(m.group(2)) for m in H2_H3.finditer(part)]
    return Article(_words_of(h1.group(1)) if h1 else "", [s for s in sections if s], _words_of(part, " "))


def _field_text(values: Iterable[str]) -> str:
    return " · ".join(v for v in values if v)


def document(
    page: PageRecord, registry: Registry, glossary: Sequence[Sequence[str]]
) -> tuple[dict[str, Any], Counter[str]]:
    """One page's search document, and how often its text (the `text` field) uses each word."""
    entry = page.item
    plain_name = None
    meta_names = [str(n) for n in page.meta.get("other_names", []) or []]
    if entry is not None:
        kind = BY_FOLDER[entry.kind]
        plain_name = getattr(entry.model, "plain_name", None)  # a condition's everyday name
        names = [*([plain_name] if plain_name else []), *getattr(entry.model, "other_names", []), *meta_names]
        summary = plain(getattr(entry.model, "summary", "") or "")
        places: list[str] = []
        symptoms: list[str] = []
        if entry.kind == "conditions":
            places = _region_words(entry.regions)
            felt = entry.symptoms
            symptoms = [plain(felt.where), *(plain(s) for s in [*felt.feels_like, *felt.worse_with, *felt.better_with])]
        elif entry.kind == "regions":
            places = _region_words([entry])
        label = kind.search_label or kind.singular.capitalize()
        urgent = needs_urgent_care(entry) or bool(page.meta.get("urgent"))
    else:
        names = meta_names
        summary = str(page.meta.get("description", "") or "")
        places, symptoms = [], []
        label = PAGE_LABEL
        urgent = bool(page.meta.get("urgent"))
    built = article(page.html)
    title = built.heading or page.title
    # a hand-written page's section headings say what it answers; an item page's are its template's
    headings = built.sections if entry is None else []
    signs = urgent_signs(registry, entry) if urgent else []
    synonyms = [s for s in synonyms_for([title, *names], glossary) if s not in names and s != title]
    fields = {
        "title": title,
        "names": _field_text(names),
        "synonyms": _field_text(synonyms),
        "places": _field_text(places),
        "symptoms": _field_text(symptoms),
        "signs": _field_text(signs),
        "summary": summary,
        "headings": _field_text(headings),
    }
    # the rest of the page's words (numbers left out: dates and counts, not what readers search for)
    known = set(words(" ".join(fields.values())))
    uses = Counter(w for w in words(built.text) if w not in known and w not in STOP_WORDS and not w[0].isdigit())
    doc: dict[str, Any] = {"url": page.url, "kind": label, **{k: v for k, v in fields.items() if v}}
    if plain_name and entry is not None:
        # shown as the result's name: a condition's everyday name first, as in every list
        doc["label"] = entry.list_title
    if urgent:
        doc["urgent"] = True
        doc["boost"] = URGENT_BOOST
    return doc, uses


def search_index(pages: Iterable[PageRecord], registry: Registry) -> dict[str, Any]:
    """The index the browser loads when a reader opens search: field weights, stop words and one
    document per page (the 404 page and pages without a title left out)."""
    glossary = _glossary_forms(registry)
    made = [document(page, registry, glossary) for page in pages if page.title]
    docs = [doc for doc, _ in made]
    # Each page's other words go in its `text` field once, sorted (they compress well). A word in
    # the text of more than a third of the pages ranks nothing and costs bytes: it stays only on
    # the page that uses it most, so a query made of words on the site still finds a page.
    pages_with = Counter(word for _, uses in made for word in uses)
    common = {word for word, count in pages_with.items() if count > len(made) * COMMON_SHARE}
    keeper: dict[str, int] = {}
    for i, (_, uses) in enumerate(made):
        for word in common.intersection(uses):
            if word not in keeper or uses[word] > made[keeper[word]][1][word]:
                keeper[word] = i
    for i, (doc, uses) in enumerate(made):
        text = sorted(word for word in uses if word not in common or keeper[word] == i)
        if text:
            doc["text"] = " ".join(text)
    return {
        "fields": FIELDS,
        "bm25": BM25,
        "weights": MATCH_WEIGHTS,
        "nameBoost": NAME_BOOST,
        "stopWords": sorted(STOP_WORDS),
        "docs": docs,
    }


def search_index_json(pages: Iterable[PageRecord], registry: Registry) -> str:
    return json.dumps(search_index(pages, registry), ensure_ascii=False, separators=(",", ":"))
