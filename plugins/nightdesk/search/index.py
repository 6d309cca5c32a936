"""Articles -> a prebuilt lunr index plus a small store, written as classic <script>s.

One lunr document per article section. The top-of-article document carries the
article-wide fields (title, keywords, summary); every section carries its heading and
body. Refs are short base-36 numbers; the store maps them back to URLs and titles,
so the index holds no text and no positions (search.js highlights on the client).
The index ships packed (see packing.py).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property

from lunr.builder import Builder
from lunr.index import Index

from nightdesk.search.packing import Packer, base36
from nightdesk.search.pipeline import COMPOUND_LINKS, ENGLISH, Language, normalize_text
from nightdesk.search.roles import DEFAULT_ROLE_WEIGHTS, page_role
from nightdesk.search import ranking
from nightdesk.search.sections import Section
from nightdesk.search.thesaurus import Thesaurus

# Field order is boost order: a word in the title says more than one in the body.
DEFAULT_BOOSTS = {"title": 10, "keywords": 8, "summary": 4, "headings": 3, "body": 1}


@dataclass
class SearchArticle:
    url: str  # from the site root, e.g. "get-paid/refund-a-customer.html"
    title: str
    summary: str = ""
    keywords: list[str] = field(default_factory=list)
    task: str = ""  # primary task id, "" for none
    sections: list[Section] = field(default_factory=list)  # from sections.split_sections()
    role: str = ""  # roles.page_role(); "" to work it out from the sections


@dataclass
class SearchTask:
    id: str
    title: str
    url: str  # the task hub page, from the site root
    description: str = ""


@dataclass
class SearchBundle:
    index: dict  # packed index (packing.py), for search-unpack.js
    store: dict  # what search.js shows for a ref
    language: Language = ENGLISH  # with the compounds split for this index
    # The articles in the store, in store order: an article's number everywhere in search
    # (store rows, section rows, per-article data such as word vectors) is its position here.
    # Pages left out (weight 0) are not in it.
    articles: list[SearchArticle] = field(default_factory=list)
    boosts: dict[str, float] | None = None
    role_weights: dict[str, float] | None = None

    # What was indexed, and lunr.py's own index of it: made only when asked (tests and tools compare
    # the packed index with them); the build never holds them.
    @cached_property
    def documents(self) -> list[dict]:
        """One lunr document per section, as indexed."""
        documents = section_documents(self.articles, self.role_weights)[0]
        return documents or [_EMPTY_DOCUMENT]

    @cached_property
    def _lunr(self) -> tuple[Builder, Index]:
        builder = new_builder(self.boosts, self.language)
        for document in self.documents:
            builder.add(document)
        return builder, builder.build()

    @property
    def lunr_builder(self) -> Builder:
        return self._lunr[0]

    @property
    def lunr_index(self) -> Index:
        return self._lunr[1]


# A site with no articles yet: lunr divides by the document count, so it gets one empty document.
_EMPTY_DOCUMENT = {"r": base36(0), **{name: "" for name in DEFAULT_BOOSTS}}


def section_documents(articles: list[SearchArticle], role_weights: dict[str, float] | None = None,
                      ) -> tuple[list[dict], list[list], list[list]]:
    """One lunr document per section, plus the store's article and section rows.

    An article row is [url, title, summary, task id, weight]: search.js multiplies the
    article's score by its page role's weight (roles.py). Weight 0: not indexed at all.
    """
    weights = {**DEFAULT_ROLE_WEIGHTS, **(role_weights or {})}
    store_articles, store_sections = [], []
    documents = list(_documents(articles, weights, store_articles, store_sections))
    return documents, store_articles, store_sections


def _documents(articles: list[SearchArticle], weights: dict[str, float], store_articles: list, store_sections: list):
    """section_documents(), one document at a time (a big site's text is never held twice)."""
    for article in articles:
        weight = article_weight(article, weights)
        if weight <= 0:
            continue
        article_number = len(store_articles)
        store_articles.append([article.url, article.title, article.summary, article.task, weight])
        sections = article.sections or [Section(anchor="", heading="", level=1)]
        for position, section in enumerate(sections):
            top = position == 0
            if not top and not section.heading and not section.text:
                continue
            yield {
                "r": base36(len(store_sections)),
                "title": normalize_text(article.title) if top else "",
                "keywords": normalize_text(" ".join(article.keywords)) if top else "",
                "summary": normalize_text(article.summary) if top else "",
                "headings": normalize_text(f"{section.parent} {section.heading}"),
                "body": normalize_text(section.text),
            }
            store_sections.append([article_number, section.anchor, section.heading])


class SearchBuilder:
    """The index and store, one article at a time: each article's sections are counted into the packed
    index as it comes, so a big site's text is never held to the end of the build. Languages whose
    compound words are split against every word of the site (pipeline.COMPOUND_LINKS) keep the articles
    and count them in finish().

    `keep_articles`: keep every article for SearchBundle.articles (tests compare with lunr.py; word
    vectors read them); `boosts`, `role_weights`: as in build_search().
    """

    def __init__(self, language: Language = ENGLISH, boosts: dict[str, float] | None = None,
                 role_weights: dict[str, float] | None = None, keep_articles: bool = False):
        self.language, self.boosts, self.role_weights = language, boosts, role_weights
        self._weights = {**DEFAULT_ROLE_WEIGHTS, **(role_weights or {})}
        self._compounds = bool(COMPOUND_LINKS.get(language.code))
        self._keep = keep_articles or self._compounds
        self._packer = None if self._compounds else Packer(language, {**DEFAULT_BOOSTS, **(boosts or {})})
        self.articles: list[SearchArticle] = []  # indexed articles, when kept
        self.count = 0  # articles indexed
        self._store_articles: list[list] = []
        self._store_sections: list[list] = []

    def add(self, article: SearchArticle) -> None:
        if not article.role:  # worked out once: _documents() asks again
            article.role = page_role(article.sections or [])
        if article_weight(article, self._weights) <= 0:
            return
        self.count += 1
        if self._keep:
            self.articles.append(article)
        if self._packer is not None:
            for document in _documents([article], self._weights, self._store_articles, self._store_sections):
                self._packer.add(document)

    def finish(self, tasks: list[SearchTask] = (), synonyms: list | None = None, contact_url: str = "",
               thesaurus: Thesaurus | None = None) -> SearchBundle:
        language = self.language
        if self._packer is None:  # compound words are split against every word of the site first
            language = language.with_compounds(text for d in _documents(self.articles, self._weights, [], [])
                                               for key, text in d.items() if key != "r")
            self._packer = Packer(language, {**DEFAULT_BOOSTS, **(self.boosts or {})})
            for document in _documents(self.articles, self._weights, self._store_articles, self._store_sections):
                self._packer.add(document)
        packer = self._packer
        if not self._store_sections:
            packer.add(_EMPTY_DOCUMENT)
        store = {
            "articles": self._store_articles,
            "sections": self._store_sections,
            "tasks": [[t.id, t.title, t.url, t.description] for t in tasks],
            "synonyms": synonyms or [],
            "thesaurus": thesaurus.for_browser(packer.sections_by_term(), synonyms or []) if thesaurus else [],
            "contact": contact_url,
            "language": language.code,
            "ranking": ranking.for_browser(),  # search.js ranks with these numbers (nightdesk/search/ranking.py)
        }
        return SearchBundle(index=packer.packed(), store=store, language=language, articles=self.articles,
                            boosts=self.boosts, role_weights=self.role_weights)


def build_search(
    articles: list[SearchArticle],
    tasks: list[SearchTask] = (),
    synonyms: list | None = None,
    boosts: dict[str, float] | None = None,
    contact_url: str = "",
    language: Language = ENGLISH,
    role_weights: dict[str, float] | None = None,
    thesaurus: Thesaurus | None = None,
) -> SearchBundle:
    """Index every section of every article; the store keeps what results display. In `language`, with
    compound words split against the articles' own words (pipeline.Language.with_compounds).

    `synonyms`: the site's rows (Synonyms.for_browser()); `thesaurus`: the built-in thesaurus,
    of which the store gets the entries this index can use (see thesaurus.py).
    """
    builder = SearchBuilder(language, boosts, role_weights, keep_articles=True)
    for article in articles:
        builder.add(article)
    return builder.finish(tasks, synonyms, contact_url, thesaurus)


def article_weight(article: SearchArticle, weights: dict[str, float]) -> float:
    """The weight of the article's page role (roles.py); 1, not 1.0, so the store stays short."""
    weight = weights.get(article.role or page_role(article.sections or []), 1)
    return int(weight) if weight == int(weight) else weight


def new_builder(boosts: dict[str, float] | None = None, language: Language = ENGLISH) -> Builder:
    """A lunr.py builder with nightdesk's pipeline for `language` and fields (ref field "r")."""
    boosts = {**DEFAULT_BOOSTS, **(boosts or {})}
    builder = Builder()
    builder.pipeline.add(*language.index_pipeline())
    builder.search_pipeline.add(*language.search_pipeline())
    builder.ref("r")
    for name in DEFAULT_BOOSTS:
        builder.field(name, boost=boosts[name])
    return builder


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def as_script(global_name: str, data) -> str:
    """`window.<name> = {...};` so file:// pages can load it with a plain <script>."""
    payload = _dump(data).replace("</", "<\\/")  # never close the <script> early
    return f"window.{global_name}={payload};\n"
