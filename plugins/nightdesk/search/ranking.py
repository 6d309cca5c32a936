"""How a query is ranked: the numbers search.js (the browser) and query.py (its Python port, which
`nightdesk gaps` runs) share. Defined here only: the build writes `for_browser()` into search-store.js
as `ranking`, and search.js takes its numbers from there, so the two sides cannot drift apart by hand.
tests/search/test_differential.py checks that both rank alike.
"""
from __future__ import annotations

MAX_RESULTS = 50  # results one search returns at most
EXACT_BOOST = 10  # a word's own stem
PREFIX_BOOST_TYPING = 4  # the word still being typed, as a prefix
PREFIX_BOOST = 1  # a finished word of three letters or more, as a prefix
SHORT_PREFIX_FIELDS = ["title", "keywords", "headings"]  # where a two- or three-letter prefix is looked for
SYNONYM_BOOST = 6  # a synonym's terms, from the site's synonyms.yml
THESAURUS_BOOST = 4  # a term from nightdesk's built-in thesaurus: a guess, so below the site's synonyms
TYPO_BOOST = 6
PHRASE_GAP = 2  # words that may stand inside a synonym phrase, at one place: "send the parcel back"
TITLE_BONUS = 0.5  # an article whose title holds all the reader's words scores this much more
TYPO_SHARE = 0.5  # a word found only through a typo counts half a word (coverage and "good match")
# What an article's best, second-best... matching section add to its score. Bounded, so
# a long page that mentions the words in every section cannot outrank the one that answers.
SECTION_SHARES = (1, 0.3)
# Meaning (vectors.py): the lexical ranking and a confident vector ranking are fused by reciprocal rank
# fusion, score = sum of 1 / (RRF_K + rank), equal weights. Written into the site's vector data as `k`,
# which search-vectors.js and SiteVectors use.
RRF_K = 60


def for_browser() -> dict:
    """The numbers as search.js reads them from the store."""
    return {"maxResults": MAX_RESULTS, "exactBoost": EXACT_BOOST, "prefixBoostTyping": PREFIX_BOOST_TYPING,
            "prefixBoost": PREFIX_BOOST, "shortPrefixFields": list(SHORT_PREFIX_FIELDS),
            "synonymBoost": SYNONYM_BOOST, "typoBoost": TYPO_BOOST, "typoShare": TYPO_SHARE,
            "sectionShares": list(SECTION_SHARES), "titleBonus": TITLE_BONUS,
            "thesaurusBoost": THESAURUS_BOOST, "phraseGap": PHRASE_GAP}
