"""Options of the `nightdesk/search` plugin, as written in mkdocs.yml:

    plugins:
      - nightdesk/search:
          synonyms: synonyms.yml
          contact_url: https://example.com/contact
          thesaurus: {exclude: [till]}
"""
from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config import base
from mkdocs.config import config_options as c

from nightdesk.mkdocs.options import SafeURL


class FieldBoosts(base.Config):
    """How much a matching word counts in each part of an article; keep them in this order."""

    title = c.Type((int, float), default=10)  # the article's title
    keywords = c.Type((int, float), default=8)  # front matter `keywords`: customers' own words
    summary = c.Type((int, float), default=4)  # front matter `summary`: the one-line answer
    headings = c.Type((int, float), default=3)  # the heading of the section that matched
    body = c.Type((int, float), default=1)  # the section's text


class RoleWeights(base.Config):
    """How much an article counts in results, by what the page is for (nightdesk.search.roles).

    0 leaves such pages out of search entirely; 1 ranks them like any article.
    """

    navigation = c.Type((int, float), default=0.15)  # lists of links, "page has moved" stubs, empty index pages
    glossary = c.Type((int, float), default=0.5)  # many headings with a line or two under each


@dataclass(frozen=True)
class ThesaurusSettings:
    enabled: bool = True
    exclude: tuple[str, ...] = ()


class ThesaurusOption(c.BaseConfigOption[ThesaurusSettings]):
    """`true` (default), `false`, or `{exclude: [word, ...]}` (and optionally `enabled:`)."""

    def __init__(self):
        super().__init__()
        self.default = True

    def run_validation(self, value) -> ThesaurusSettings:
        if value is None or value is True:
            return ThesaurusSettings()
        if value is False:
            return ThesaurusSettings(enabled=False)
        if not isinstance(value, dict):
            raise base.ValidationError("expected true, false or {exclude: [word, ...]}")
        unknown = sorted(set(map(str, value)) - {"enabled", "exclude"})
        if unknown:
            raise base.ValidationError(f"unknown key '{unknown[0]}'; expected `enabled` or `exclude`")
        enabled, exclude = value.get("enabled", True), value.get("exclude") or []
        if not isinstance(enabled, bool):
            raise base.ValidationError("`enabled` must be true or false")
        if not isinstance(exclude, list) or not all(isinstance(w, str) and w.strip() for w in exclude):
            raise base.ValidationError("`exclude` must be a list of words, e.g. `exclude: [till, check]`")
        return ThesaurusSettings(enabled, tuple(w.strip() for w in exclude))


class SearchConfig(base.Config):
    # Turn search off (the header box, the index and the search page).
    enabled = c.Type(bool, default=True)

    # Synonyms file, relative to docs_dir; kept out of the built site. A missing file
    # means no synonyms. Format: `refund: [money back, reimburse]`.
    synonyms = c.Type(str, default="synonyms.yml")

    # Where the "Contact support" link on a search with no results goes (any URL, e.g.
    # mailto:help@example.com; https:, http:, mailto:, tel: or relative). Unset: no contact link is shown.
    contact_url = c.Optional(SafeURL())

    # nightdesk's built-in thesaurus of everyday business words (cheque/check, till/point of
    # sale, money back/refund), merged with the synonyms file. `false` switches it off;
    # `{exclude: [till, ...]}` drops words that mean something else on this site.
    thesaurus = ThesaurusOption()

    # Field boosts for ranking; see FieldBoosts.
    boosts = c.SubConfig(FieldBoosts)

    # Page roles: weights for navigation-like and glossary-like pages; see RoleWeights.
    # Pages with `search: exclude`, `noindex: true` or `nosearch: true` in their front
    # matter are never indexed.
    role_weights = c.SubConfig(RoleWeights)

    # Page generated for shareable searches (search.html?q=...); skipped when the docs
    # already have a page at this path.
    search_page = c.Type(str, default="search.md")

    # Search by meaning: word vectors let a question find the article that answers it in
    # other words ("money back" -> "Refund an order"). English sites only (the vectors'
    # language). Readers download them (about 2 MB gzipped at 1,000 articles) only after the
    # first results show. Off by default for now: on the Zen Cart set it is neutral against
    # today's lexical ranking, and it adds site size and build memory (bench gate).
    vectors = c.Type(bool, default=False)
