"""Options of the `nightdesk/search` plugin, as written in mkdocs.yml:

    plugins:
      - nightdesk/search:
          synonyms: synonyms.yml
          contact_url: https://example.com/contact
"""
from __future__ import annotations

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


class SearchConfig(base.Config):
    # Turn search off (the header box, the index and the search page).
    enabled = c.Type(bool, default=True)

    # Synonyms file, relative to docs_dir; kept out of the built site. A missing file
    # means no synonyms. Format: `refund: [money back, reimburse]`.
    synonyms = c.Type(str, default="synonyms.yml")

    # Where the "Contact support" link on a search with no results goes (any URL, e.g.
    # mailto:help@example.com; https:, http:, mailto:, tel: or relative). Unset: no contact link is shown.
    contact_url = c.Optional(SafeURL())

    # Field boosts for ranking; see FieldBoosts.
    boosts = c.SubConfig(FieldBoosts)

    # Page roles: weights for navigation-like and glossary-like pages; see RoleWeights.
    # Pages with `search: exclude`, `noindex: true` or `nosearch: true` in their front
    # matter are never indexed.
    role_weights = c.SubConfig(RoleWeights)

    # Page generated for shareable searches (search.html?q=...); skipped when the docs
    # already have a page at this path.
    search_page = c.Type(str, default="search.md")
