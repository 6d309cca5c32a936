"""What a page is for, so search ranks answers above pages that only point at answers.

Real manuals carry pages no reader wants as a search result: generated "all pages" and
table-of-contents lists, section index pages with nothing but a title, "this page has
moved" stubs, and glossary or reference pages that are a long run of headings with one
line each (they mention every word once, in short sections that BM25 loves). Roles are
read from the page's own shape, never from its name or words, so they work on any manual:

    navigation: mostly link text, or almost no text of its own (a stub or an empty index)
    glossary:   many sections, most of them a line or two
    article:    everything else

Search multiplies an article's score by its role's weight (`role_weights`); a weight of
0 leaves the page out of the index. Front matter can also leave a page out:
`search: exclude` (or `search: {exclude: true}`), `noindex: true`, `nosearch: true`.
"""
from __future__ import annotations

from statistics import median

from nightdesk.search.sections import Section

ARTICLE, NAVIGATION, GLOSSARY = "article", "navigation", "glossary"
DEFAULT_ROLE_WEIGHTS = {ARTICLE: 1.0, NAVIGATION: 0.15, GLOSSARY: 0.5}

# Fewer words of its own (outside links) than this, and a link or nothing else: a stub ("this page
# has moved, see ..."). A short answer that ends on a link ("Returns are handled by the RMA plugin:
# see ...") has a sentence or two of its own and stays an article.
STUB_WORDS = 12
LINK_SHARE = 0.5  # at least this share of the words are link text: a list of links
GLOSSARY_SECTIONS = 6  # at least this many sections...
GLOSSARY_SECTION_WORDS = 25  # ...with a median below this many words each
_TRUE = {"true", "yes", "on", "1", "exclude", "excluded"}


def excluded_by_front_matter(meta: dict | None) -> bool:
    """`search: exclude`, `search: {exclude: true}`, `noindex: yes`, `nosearch: true`..."""
    meta = meta or {}
    search = meta.get("search")
    if isinstance(search, dict):
        search = search.get("exclude")
    return any(_truthy(value) for value in (search, meta.get("noindex"), meta.get("nosearch")))


def _truthy(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE if value is not None else False


def _words(text: str) -> int:
    """len(text.split()) for a section's text, whose words are one space apart (Section.text), without
    making the list of words."""
    return text.count(" ") + 1 if text else 0


def page_role(sections: list[Section]) -> str:
    """navigation, glossary or article, from the page's text and link text alone."""
    words = sum(_words(s.text) for s in sections)
    link_words = sum(_words(s.link_text) for s in sections)
    if words - link_words < STUB_WORDS and (link_words or not words):
        return NAVIGATION
    if link_words >= LINK_SHARE * words:
        return NAVIGATION
    headed = [s for s in sections if s.heading]
    if len(headed) >= GLOSSARY_SECTIONS and median(_words(s.text) for s in headed) < GLOSSARY_SECTION_WORDS:
        return GLOSSARY
    return ARTICLE
