"""The browser's search, in Python: a port of assets/search.js's query expansion and ranking.

Tools that must answer "would a reader find this now?" (`nightdesk gaps`) run the very
search readers run: the same lunr clauses per word (exact stem, prefix, typos against
the words as written), the same synonyms, grouping by article, page-role weights and
word-share factor, over the index the site ships (unpacking.py). tests/search/test_query_parity.py checks in
Chromium that both give the same top results for every query in queries.yml.
Keep this file in step with search.js.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from nightdesk.search.pipeline import ENGLISH, Language, language_for
from nightdesk.search.ranking import (EXACT_BOOST, MAX_RESULTS, PHRASE_GAP,  # search.js's
                                      PREFIX_BOOST, PREFIX_BOOST_TYPING, SECTION_SHARES, SHORT_PREFIX_FIELDS,
                                      SYNONYM_BOOST, TITLE_BONUS, TYPO_BOOST, TYPO_SHARE, THESAURUS_BOOST)
from nightdesk.search.thesaurus import unpack as unpack_thesaurus
from nightdesk.search.unpacking import INDEX_FILE, STORE_FILE, Index, Match, js_round3, read_script, unpack
from nightdesk.search.vectors import SiteVectors, fuse


@dataclass(frozen=True)
class Word:
    word: str  # normalised as typed
    stem: str
    stop: bool
    typing: bool  # the last word, still being typed (no space after it)


@dataclass
class Result:
    url: str  # from the site root, with "#anchor" for a section
    title: str
    summary: str
    task: str  # title of the article's main task
    section: str
    score: float
    article: int  # position in the store
    terms: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    results: list[Result]
    words: list[Word]
    searchable: bool  # False for "" or only words like "how do i"
    good: bool = False  # the best result holds at least half of the reader's words ("No good match" if not)


def parse(query: str, language: Language = ENGLISH) -> list[Word]:
    words = [w for w in (language.normalize_word(raw) for raw in language.normalize_text(query).split(" ")) if w]
    typing = not re.search(r"\s$", query)
    return [Word(w, language.stem(w), language.is_stop_word(w), typing and i == len(words) - 1)
            for i, w in enumerate(words)]


def phrase_at(stems: list[str], phrase: list[str], start: int) -> list[int] | None:
    """Positions of the query words a synonym phrase covers when it starts at `start`, else None.
    Up to PHRASE_GAP other words may stand at one place inside the phrase, as English puts the
    object inside a phrasal verb ("send the parcel back", "pay them back"); they stay words of their own."""
    covered, at, skipped = [], start - 1, False
    for stem in phrase:
        gap = 0 if not covered or skipped else PHRASE_GAP
        step = next((n for n in range(1, gap + 2) if at + n < len(stems) and stems[at + n] == stem), None)
        if step is None:
            return None
        at, skipped = at + step, skipped or step > 1
        covered.append(at)
    return covered


def typo_limit(word: str) -> int:
    """Typos forgiven in a word: none under 4 letters, one up to 7, two from 8."""
    return 2 if len(word) >= 8 else 1 if len(word) >= 4 else 0


def clauses_for(w: Word) -> list[dict]:
    """Clauses for one word, as search.js's clausesFor() (typos: SearchEngine.typo_terms)."""
    variants = [w.stem] if w.word == w.stem else [w.stem, w.word]
    clauses = []
    if not w.stop:
        clauses.append({"term": w.stem, "boost": EXACT_BOOST})
    if (w.typing and len(w.word) >= 2) or (not w.stop and len(w.word) >= 3):
        for v in variants:
            if v == w.word or not w.word.startswith(v):  # a stem that starts the word would widen the prefix
                clause = {"term": v, "prefix": True, "boost": PREFIX_BOOST_TYPING if w.typing else PREFIX_BOOST}
                if len(w.word) <= 3:
                    clause["fields"] = SHORT_PREFIX_FIELDS
                clauses.append(clause)
    return clauses


class SearchEngine:
    def __init__(self, index: Index, store: dict, vectors: SiteVectors | None = None):
        self.index = index
        self.store = store
        # The site's word vectors (vectors.py) when it ships them: results are then fused with the
        # meaning ranking, as search.js does once they have loaded.
        self.vectors = vectors
        self.language = language_for(store.get("language"))
        # The site's synonyms, then the built-in thesaurus's rows (marked with a third element).
        self.synonyms = store["synonyms"] + unpack_thesaurus(store.get("thesaurus", []))
        self._synonyms_by_first: dict[str, list[int]] = {}  # first stem of the phrase ("" for none) -> rows
        for row, (phrase, *_) in enumerate(self.synonyms):
            self._synonyms_by_first.setdefault(phrase[0] if phrase else "", []).append(row)
        self.tasks = {t[0]: {"id": t[0], "title": t[1], "url": t[2], "description": t[3]} for t in store["tasks"]}
        self._vocabulary: dict[str, int] | None = None
        self._spellings: dict[str, str] | None = None
        self._words_by_length: dict[int, list[tuple[str, str]]] | None = None
        self._typos: dict[str, list[str]] = {}
        self._written: set[str] | None = None
        self._deletions: dict[str, list[tuple[str, int]]] | None = None
        self._scan_place: dict[tuple[str, int], int] | None = None
        self._most_role_weight: float | None = None

    @classmethod
    def from_site(cls, site_dir: Path) -> "SearchEngine":
        """The search a built site ships; FileNotFoundError when it has none."""
        store = read_script(site_dir / STORE_FILE)
        return cls(unpack(read_script(site_dir / INDEX_FILE)), store,
                   SiteVectors.from_site(site_dir) if store.get("vectors") else None)

    def synonym_terms(self, words: list[Word]) -> list[tuple[list[str], list[int], float]]:
        """(index terms, positions of the query words the phrase covers, boost) per synonym phrase found."""
        stems = [w.stem for w in words]
        found = []
        # Only the rows whose phrase starts with a word of the query (or is empty), in their order.
        rows = sorted({row for stem in {"", *stems} for row in self._synonyms_by_first.get(stem, ())})
        for phrase, terms, *thesaurus in (self.synonyms[row] for row in rows):
            for start in range(len(stems) - len(phrase) + 1):
                covered = phrase_at(stems, phrase, start)
                if covered is not None:
                    # A phrase stands for all the reader's words it covers ("goods back" -> "return"): its
                    # terms weigh as much as those words would have, each at the synonym's boost.
                    weight = max(1, sum(1 for i in covered if not words[i].stop))
                    found.append((terms, covered, (THESAURUS_BOOST if thesaurus else SYNONYM_BOOST) * weight))
                    break
        return found

    # --- Typos, matched against the words as written (packing._forms) ---------------
    def words_by_length(self) -> dict[int, list[tuple[str, int]]]:
        """Every word the articles use, as written, with its index term's number; by length."""
        if self._words_by_length is None:
            found: dict[int, list[tuple[str, int]]] = {}
            for number, (term, forms) in enumerate(zip(self.index.terms, self.index.forms)):
                for form in forms.split("|"):
                    word = form[1:] if form.startswith("=") else term + form
                    found.setdefault(len(word), []).append((word, number))
            self._words_by_length = found
        return self._words_by_length

    def written_words(self) -> set[str]:
        """Every word the articles use, as written."""
        if self._written is None:
            self._written = {word for words in self.words_by_length().values() for word, _ in words}
        return self._written

    def typo_candidates(self, word: str, limit: int) -> list[tuple[str, int]]:
        """Words as written that may be `limit` typos from `word`: those sharing a string left
        after deleting up to `limit` letters from each (a typo costs at most one deletion on
        each side). The same words search.js finds by scanning, found without a scan, so
        `nightdesk gaps` can re-run tens of thousands of searches quickly."""
        if self._deletions is None:
            self._deletions = {}
            for words in self.words_by_length().values():
                for entry in words:
                    # Words of 5 letters or fewer meet only one-typo searches (two from 8 letters).
                    for variant in deletions(entry[0], 2 if len(entry[0]) >= 6 else 1):
                        self._deletions.setdefault(variant, []).append(entry)
        seen, out = set(), []
        for variant in deletions(word, limit):
            for entry in self._deletions.get(variant, ()):
                if entry not in seen:
                    seen.add(entry)
                    out.append(entry)
        return out

    def typo_terms(self, w: Word) -> list[str]:
        """Index terms of the words one typo away (two from 8 letters) from a word the articles
        never write. A word they write is taken as meant: guessing would only add noise. Its stem
        being known is not enough: "maintainance" stems to "maintain", yet meant "maintenance"."""
        limit = typo_limit(w.word)
        if w.stop or not limit or w.word in self.written_words():
            return []
        if w.word not in self._typos:
            found, terms, word = set(), self.index.terms, w.word
            for candidate, number in self.typo_candidates(word, limit):
                term = terms[number]
                # A first typo rarely hits both of the first two letters (search.js filters the same way).
                if (candidate[0] == word[0] or candidate[1:2] == word[1:2]) and term not in found \
                        and abs(len(candidate) - len(word)) <= limit and edit_distance(word, candidate, limit) <= limit:
                    found.add(term)
            self._typos[w.word] = sorted(found)
        return self._typos[w.word]

    def terms_per_word(self, words: list[Word], expansions) -> list[tuple[set[str], set[str], list[set[str]]]]:
        """Per query word: (index terms it matches as typed or by prefix; terms only typos reach;
        the synonym phrases it stands for, each a set of terms an article must hold all of)."""
        per_word = []
        for i, w in enumerate(words):
            found = {self.index.terms[t] for c in clauses_for(w) for t in self.index.expand(c["term"], c.get("prefix", False))}
            phrases = [set(terms) for terms, covered, _ in expansions if i in covered]
            per_word.append((found, set(self.typo_terms(w)) - found, phrases))
        return per_word

    def clauses(self, words: list[Word], expansions) -> list[dict]:
        """Every clause of a query, in search.js's order (scores and ties depend on it)."""
        clauses = []
        for w in words:
            clauses += clauses_for(w)
            clauses += [{"term": term, "boost": TYPO_BOOST} for term in self.typo_terms(w)]
        for terms, _, boost in expansions:
            clauses += [{"term": term, "boost": boost} for term in terms]
        return clauses

    def query(self, text: str) -> Outcome:
        """Lexical results, fused with the meaning ranking when the site has vectors and it is
        confident (search.js Engine.query with its vectors loaded)."""
        outcome = self.lexical(text)
        if not outcome.searchable or self.vectors is None:
            return outcome
        ranking = self.vectors.rank(str(text or ""))
        if ranking.confident:
            by_article = {r.article: r for r in outcome.results}
            order = fuse([r.article for r in outcome.results], ranking.articles, self.vectors.k)
            outcome.results = [by_article.get(a) or self._article_only(a) for a in order[:MAX_RESULTS]]
            outcome.good = True  # every word known and the meaning matches: an answer, not "No good match"
        return outcome

    def _article_only(self, article: int) -> Result:
        """An article only the meaning found: the article itself, at its top (search.js withMeaning)."""
        url, title, summary, task_id = self.store["articles"][article][:4]
        task = self.tasks.get(task_id)
        return Result(url=url, title=title, summary=summary, task=task["title"] if task else "", section="",
                      score=0, article=article)

    def lexical(self, text: str) -> Outcome:
        words = parse(str(text or ""), self.language)
        expansions = self.synonym_terms(words)
        if not expansions and not any(clauses_for(w) for w in words):
            return Outcome([], words, False)
        match = self.index.match(self.clauses(words, expansions))
        groups = group_by_article(match, self.store["sections"])
        per_word = self.terms_per_word(words, expansions)
        counted_words = [i for i, w in enumerate(words) if not w.stop or w.typing]
        counted = len(counted_words) or 1
        # No factor below raises a score by more than max_factor: past that, no later article can enter
        # the MAX_RESULTS best (search.js stops there too).
        max_factor = self._max_role_weight() * (1 + TITLE_BONUS) * (1 + 1e-9)
        kept, best = [], []
        for group in groups:
            if len(best) == MAX_RESULTS and group["score"] * max_factor < best[-1]:
                break
            # The terms matched, best section first, each section's in the order the query names them
            # (`nightdesk gaps` takes the first title word among them as the article's word).
            group["terms"], group["title_terms"] = {}, {}
            for d in sorted(group["sections"], key=lambda d: -match.score[d]):
                by_field = match.terms.get(d, {})
                for t in sorted({t for numbers in by_field.values() for t in numbers}, key=match.term_order.__getitem__):
                    group["terms"][self.index.terms[t]] = True
                for t in by_field.get(self.index.field_number.get("title"), ()):
                    group["title_terms"][self.index.terms[t]] = True
            group["covered"] = sum(word_share(per_word[i], group["terms"]) for i in counted_words)
            group["score"] *= group["covered"] / counted * article_weight(self.store["articles"][group["article"]])
            # The title names what the article is about: words found there count extra.
            titled = sum(1 for i in counted_words if any(t in per_word[i][0] for t in group["title_terms"])
                         or any(p.issubset(group["title_terms"]) for p in per_word[i][2]))
            group["score"] *= 1 + TITLE_BONUS * titled / counted
            kept.append(group)
            best = sorted(best + [group["score"]], reverse=True)[:MAX_RESULTS]
        # Equal scores keep the order of the articles' best sections (lunr's order of hits).
        ranked = sorted(kept, key=lambda g: (-g["score"], -g["best_score"], g["best_place"]))[:MAX_RESULTS]
        # Honest answers: when even the best article holds fewer than half of the reader's
        # words, say "No good match" rather than present it as the answer.
        good = bool(ranked) and ranked[0]["covered"] * 2 >= counted
        return Outcome([self._result(g) for g in ranked], words, True, good)

    def _max_role_weight(self) -> float:
        if self._most_role_weight is None:
            self._most_role_weight = max((article_weight(row) for row in self.store["articles"]), default=1)
        return self._most_role_weight

    def _result(self, group: dict) -> Result:
        url, title, summary, task_id = self.store["articles"][group["article"]][:4]
        section = self.store["sections"][group["best"]]
        anchor = section[1]
        task = self.tasks.get(task_id)
        return Result(url=url + (f"#{anchor}" if anchor else ""), title=title, summary=summary,
                      task=task["title"] if task else "", section=section[2],
                      score=js_round3(group["score"]), article=group["article"], terms=list(group["terms"]))

    def search(self, text: str) -> list[Result]:
        return self.query(text).results

    def answers(self, text: str) -> list[Result]:
        """The results a reader is offered as answers: none when it is "No good match"."""
        outcome = self.query(text)
        return outcome.results if outcome.good else []

    # --- "Did you mean": nearest words the articles actually use (search.js suggest()) ---
    def vocabulary(self) -> dict[str, int]:
        """Words of titles, summaries and headings whose stem is an index term, with counts."""
        if self._vocabulary is None:
            texts = [text for a in self.store["articles"] for text in (a[1], a[2])]
            texts += [s[2] for s in self.store["sections"]]
            counts: dict[str, int] = {}
            for text in texts:
                for raw in self.language.normalize_text(text).split(" "):
                    word = self.language.normalize_word(raw)
                    if len(word) >= 3 and word.isalpha() and self.index.has(self.language.stem(word)):
                        counts[word] = counts.get(word, 0) + 1
            self._vocabulary = counts
        return self._vocabulary

    def spelling(self, term: str) -> str:
        """The commonest title, summary or heading word with this index term, "" for none."""
        if self._spellings is None:
            best: dict[str, tuple[int, str]] = {}
            for word, count in self.vocabulary().items():
                if self.language.stem(word) not in best or count > best[self.language.stem(word)][0]:
                    best[self.language.stem(word)] = (count, word)
            self._spellings = {t: word for t, (_, word) in best.items()}
        return self._spellings.get(term, "")

    def article_terms(self, article: int, fields=("title", "keywords")) -> set[str]:
        """Index terms of an article's own fields (they live on its first section)."""
        first = next(i for i, s in enumerate(self.store["sections"]) if s[0] == article)
        return self.index.field_terms(first, tuple(fields))

    def nearest_word(self, word: str) -> str:
        """The word as the articles write it, fewest typos away (one, two from 8 letters),
        in the most sections on a tie, then the first in search.js's scan order (by length); "" for none.
        Only the words typo_candidates() finds can be that close: search.js scans them all."""
        limit = max(1, typo_limit(word))
        best, best_distance, best_count = "", limit + 1, -1
        candidates = [entry for entry in self.typo_candidates(word, limit)
                      if len(entry[0]) >= 3 and abs(len(entry[0]) - len(word)) <= limit and entry[0].isalpha()]
        for candidate, number in sorted(candidates, key=self._scan_order):
            d = edit_distance(word, candidate, limit)
            if d > best_distance or d > limit:
                continue
            count = self.index.term_documents(number)
            if d < best_distance or count > best_count:
                best, best_distance, best_count = candidate, d, count
        return best

    def _scan_order(self, entry: tuple[str, int]) -> tuple[int, int]:
        """Where search.js's closestWord() meets a word: by length, then in words_by_length() order."""
        if self._scan_place is None:
            self._scan_place = {e: i for words in self.words_by_length().values() for i, e in enumerate(words)}
        return len(entry[0]), self._scan_place[entry]

    def suggest(self, text: str) -> str:
        """"Did you mean": every word the index does not know, replaced by its nearest word."""
        changed, fixed, known = False, [], self.index
        for w in parse(text, self.language):
            nearest = "" if w.stop or len(w.word) < 3 or known.has(w.stem) or known.has(w.word) \
                else self.nearest_word(w.word)
            changed = changed or bool(nearest)
            fixed.append(nearest or w.word)
        suggestion = " ".join(fixed)
        return suggestion if changed and self.query(suggestion).good else ""


def deletions(word: str, depth: int) -> set[str]:
    """`word` and every string left after deleting up to `depth` of its letters."""
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def group_by_article(match: Match, sections: list) -> list[dict]:
    """search.js groupByArticle(): the matched sections by article, each article's score from its best
    sections (SECTION_SHARES), its best section and that section's place in lunr's order of hits;
    highest score first."""
    by_article: dict[int, dict] = {}
    for place, d in enumerate(match.documents):
        score, article = match.score[d], sections[d][0]
        group = by_article.get(article)
        if group is None:
            group = by_article[article] = {"article": article, "best": d, "best_score": score, "best_place": place,
                                           "top": [], "sections": []}
        elif score > group["best_score"]:
            group["best"], group["best_score"], group["best_place"] = d, score, place
        group["sections"].append(d)
        top = group["top"]
        if len(top) < len(SECTION_SHARES) or score > top[-1]:
            group["top"] = sorted(top + [score], reverse=True)[:len(SECTION_SHARES)]
    for group in by_article.values():
        group["score"] = 0
        for k, score in enumerate(group["top"]):
            group["score"] += score * SECTION_SHARES[k]
    return sorted(by_article.values(), key=lambda g: -g["score"])


def word_share(word_terms: tuple[set[str], set[str], list[set[str]]], article_terms: dict) -> float:
    """1 when the article has the word (as typed, by prefix, or every term of one of its synonym
    phrases: "one time code" is not "code"), TYPO_SHARE through a typo only."""
    found, typos, phrases = word_terms
    if any(t in found for t in article_terms) or any(p.issubset(article_terms) for p in phrases):
        return 1
    return TYPO_SHARE if any(t in typos for t in article_terms) else 0


def article_weight(row: list) -> float:
    """The page role's weight (roles.py) stored with the article; 1 in older stores."""
    return row[4] if len(row) > 4 else 1


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap is one typo), stopping past `limit`."""
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i]
        for j in range(1, len(b) + 1):
            d = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d = min(d, prev2[j - 2] + 1)
            row.append(d)
        if min(row) > limit:
            return limit + 1
        prev2, prev = prev, row
    return prev[len(b)]
