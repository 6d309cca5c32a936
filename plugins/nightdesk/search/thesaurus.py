"""nightdesk's built-in thesaurus: everyday small-business words, shipped as data/thesaurus.yml.

Most sites never write a synonyms.yml, yet their readers type "cheque" when the manual says
"check", "till" for "point of sale" and "money back" for "refund". The thesaurus bridges
those words for every site, on by default, and merges with the site's own synonyms.yml.

Data (data/thesaurus.yml, topics of entries):

    - [postcode, zip code, postal code]    same meaning: any one also searches the others
    - refund: [money back, reimburse]      one way, as in synonyms.yml: a phrase on the right
                                           also searches the word on the left

Settings (the `thesaurus` option of the nightdesk/search plugin): `false` switches it off;
`{exclude: [till, ...]}` removes those words and phrases (compared after stemming, so "tills"
is "till") from every entry, for sites where a word means something else.

Interface for the search engine. The store ships the site's rows and the thesaurus apart:

    store["synonyms"]   [[phrase stems, index terms], ...]   the site's synonyms.yml (synonyms.py)
    store["thesaurus"]  [["typed|typed", "target|target"], ...]   packed, see for_browser()

and search-unpack.js (unpacking here: unpack()) turns the thesaurus into rows appended after
the site's, so the engine reads one table:

    [phrase stems, index terms]        from the site's synonyms.yml
    [phrase stems, index terms, 1]     from this thesaurus: the trailing 1 marks it

Phrase stems are matched against consecutive query stems (stop words kept: "log in" ->
["log", "in"]). A thesaurus row's index terms are ONE phrase of the entry ("point of sale" ->
["point", "sale"]), in order, so an engine may score it as a phrase (all terms together)
rather than as independent words; a phrase with several targets gives several rows with
the same stems, and a target never shares a term with the phrase typed. The thesaurus is
nightdesk's guess, the site's synonyms.yml is the site's word and the reader's own words are
best of all: an engine should weigh thesaurus rows below both (the trailing 1 lets it).
The site wins: the thesaurus ships nothing for a phrase the site's synonyms.yml lists.

What ships depends on the site's own index (for_browser()): a phrase is a target only when its
terms occur together in a section ("cash register" needs a section with both words: apart,
they would only add noise), and a typed word expands only to targets the site uses far more
often than the word itself. So "cheque" reaches "check" on a site that says "check", while
"check" stays the reader's own word there, and queries in the site's own words are left as
they were. A typed phrase of several words ("delete their data") expands to every target the
site has: that its words occur in the same sections says nothing about the phrase. An entry without a target is not shipped: a 10-article site about bookings does
not carry the words of stock control.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from lunr.stop_word_filter import WORDS as STOP_WORDS

from nightdesk.core.problems import ERROR, Problem
from nightdesk.search.pipeline import normalize_text, normalize_word, stem

DATA_FILE = Path(str(resources.files("nightdesk.search") / "data" / "thesaurus.yml"))
THESAURUS_MARK = 1  # third element of a browser row that comes from the thesaurus
FAR_MORE_USED = 4  # a typed phrase expands only to targets the site uses this many times more often
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
_ASCII_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class Entry:
    topic: str
    line: int
    same: bool  # True: every phrase searches every other; False: `phrases` search `word`
    phrases: tuple[str, ...]  # what a reader types (for `same`, every member)
    word: str = ""  # for one-way entries, the word the articles use

    def members(self) -> tuple[str, ...]:
        return self.phrases if self.same else (self.word, *self.phrases)


@dataclass(frozen=True)
class Thesaurus:
    entries: tuple[Entry, ...] = ()
    problems: tuple[Problem, ...] = ()

    def without(self, excluded) -> "Thesaurus":
        """The thesaurus minus these words or phrases (compared on stems) wherever they appear."""
        gone = {_stems(str(word)) for word in excluded}
        gone.discard(())
        if not gone:
            return self
        kept = []
        for entry in self.entries:
            phrases = tuple(p for p in entry.phrases if _stems(p) not in gone)
            if entry.same and len(phrases) >= 2:
                kept.append(Entry(entry.topic, entry.line, True, phrases))
            elif not entry.same and phrases and _stems(entry.word) not in gone:
                kept.append(Entry(entry.topic, entry.line, False, phrases, entry.word))
        return Thesaurus(tuple(kept), self.problems)

    def knows(self, word: str) -> bool:
        """Whether a word or phrase is in any entry (to warn about an `exclude` that does nothing)."""
        wanted = _stems(word)
        return any(_stems(member) == wanted for entry in self.entries for member in entry.members())

    def for_browser(self, vocabulary, site_rows=()) -> list[list[str]]:
        """The packed entries worth shipping to a site with this vocabulary (see unpack()).

        `vocabulary`: the site's lunr inverted index. A phrase is a target when its terms occur
        together in a section; a typed single word is shipped only towards targets the site uses at
        least FAR_MORE_USED times as often as the word itself, so the thesaurus bridges the
        reader's words that the site does not use (or hardly) to the ones it does, and never adds
        other articles to a search whose word the site already uses as its own. A typed phrase of
        several words goes towards every target (see the comment in the loop).
        A plain set of terms works too (tools, tests): then targets need their terms in it, and
        typed phrases count as unused.
        `site_rows`: the site's synonyms.yml rows; phrases listed there are the site's call.
        """
        site_phrases = {tuple(row[0]) for row in site_rows}
        occurs = _Occurrences(vocabulary)
        packed = []
        for entry in self.entries:
            targets = {}
            for phrase in ((entry.word,) if not entry.same else entry.phrases):
                unit = _terms(phrase)
                if unit and unit not in targets and occurs.sections(unit):
                    targets[unit] = occurs.sections(unit)
            by_targets: dict[tuple, list] = {}  # typed phrases with the same targets share a packed entry
            for stems, own in ((_stems(p), _terms(p)) for p in entry.phrases):
                if stems in site_phrases:
                    continue
                # Words of a longer phrase that merely occur in one section are no sign the site uses the
                # phrase (every page about data says "delete", yet none says "delete their data"): a phrase
                # of several words expands to every target the site has. Where the site does use it, the
                # reader's own words still weigh more (exact terms outrank the thesaurus's boost). Stop
                # words count as words here: "who is on my shop" is a phrase, not the word "shop".
                used = occurs.sections(own) if occurs.counts and len(stems) < 2 else 0
                wanted = tuple(u for u, n in targets.items() if n > used * FAR_MORE_USED and not _shares(stems, u))
                if wanted:
                    by_targets.setdefault(wanted, []).append(stems)
            packed += [["|".join(map(" ".join, typed)), "|".join(map(" ".join, units))]
                       for units, typed in by_targets.items()]
        return packed


class _Occurrences:
    """In how many sections of the site a phrase's terms occur together (a lunr inverted index);
    for a plain set of terms, 1 when all are in it (`counts` is then False)."""

    def __init__(self, vocabulary):
        self.vocabulary = vocabulary
        self.counts = isinstance(vocabulary, dict)
        self.found: dict[tuple, int] = {}

    def sections(self, unit: tuple) -> int:
        found = self.found.get(unit)
        if found is None:
            if not unit or not all(term in self.vocabulary for term in unit):
                found = 0
            elif not self.counts:
                found = 1
            elif len(unit) == 1:  # most: no intersection to copy the set into
                found = len(self._refs(unit[0]))
            else:
                found = len(set.intersection(*map(self._refs, unit)))
            self.found[unit] = found
        return found

    def _refs(self, term: str) -> set:
        # Not kept: on a big site the sets of every common term asked for took more memory than the index.
        refs = [refs for field, refs in self.vocabulary[term].items() if field != "_index"]
        if len(refs) == 1 and isinstance(refs[0], set):  # the packer's: only read here, so not copied
            return refs[0]
        return set().union(*refs)  # a lunr index's fields: ref -> metadata


def unpack(packed: list) -> list[list]:
    """Packed entries -> browser rows [phrase stems, index terms, 1]; assets/search-unpack.js's twin."""
    rows = []
    for typed, targets in packed:
        units = [unit.split(" ") for unit in targets.split("|")]
        for stems in (phrase.split(" ") for phrase in typed.split("|")):
            rows += [[stems, unit, THESAURUS_MARK] for unit in units if not _shares(stems, unit)]
    return rows


def _shares(stems, unit) -> bool:
    # A phrase sharing a word with what was typed ("customer record" for "customer account")
    # is mostly found by that word already; its other words, searched alone, would only add
    # noise ("record"). This also keeps a phrase from expanding to itself.
    return not set(stems).isdisjoint(unit)


# Stemming every phrase through lunr's Pipeline costs seconds per build; the same steps
# directly (normalise, drop stop words, stem, each word once) cost milliseconds.
# tests/search/test_thesaurus.py checks they agree with phrase_stems() and terms().
@lru_cache(maxsize=None)
def _stem(word: str) -> str:
    return stem(word)


@lru_cache(maxsize=None)
def _normal(raw: str) -> str:
    if raw.isascii():  # normalize_word() without the Unicode work it does not need
        return _ASCII_EDGES.sub("", raw.lower().replace("'", "").replace("`", ""))
    return normalize_word(raw)


@lru_cache(maxsize=None)
def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in map(_normal, normalize_text(phrase).split(" ")) if w)


@lru_cache(maxsize=None)
def _stems(phrase: str) -> tuple[str, ...]:
    """phrase_stems(): what a query's words must stem to, stop words kept."""
    return tuple(_stem(w) for w in _words(phrase))


@lru_cache(maxsize=None)
def _terms(phrase: str) -> tuple[str, ...]:
    """pipeline.terms(): the index terms of a phrase, stop words dropped."""
    return tuple(_stem(w) for w in _words(phrase) if w not in STOP_WORDS)


@lru_cache(maxsize=4)
def load_thesaurus(path: Path = DATA_FILE) -> Thesaurus:
    """Read the thesaurus (cached: it is package data, read once per process)."""
    shown = str(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        return Thesaurus(problems=(Problem(shown, 1, ERROR, f"cannot read the thesaurus: {exc}"),))
    return _read(root, shown)


def thesaurus_for(enabled: bool = True, exclude=()) -> Thesaurus | None:
    """The built-in thesaurus as a site configured it; None when switched off."""
    if not enabled:
        return None
    return load_thesaurus().without(exclude)


def _read(root, shown: str) -> Thesaurus:
    problems: list[Problem] = []

    def problem(node, message):
        problems.append(Problem(shown, node.start_mark.line + 1, ERROR, message))

    def text(node) -> str:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and node.value.strip():
            return node.value.strip()
        problem(node, "expected a word or phrase (quote numbers, yes/no and on/off)")
        return ""

    if not isinstance(root, yaml.MappingNode):
        return Thesaurus(problems=(Problem(shown, 1, ERROR, "expected topics: `topic:` then a list of entries"),))
    entries: list[Entry] = []
    for topic_node, list_node in root.value:
        topic = text(topic_node)
        if not isinstance(list_node, yaml.SequenceNode):
            problem(list_node, f"topic '{topic}' needs a list of entries")
            continue
        for node in list_node.value:
            line = node.start_mark.line + 1
            if isinstance(node, yaml.SequenceNode):
                phrases = tuple(p for p in map(text, node.value) if p)
                if len(phrases) < 2:
                    problem(node, "a group needs at least two phrases")
                    continue
                entries.append(Entry(topic, line, True, phrases))
            elif isinstance(node, yaml.MappingNode) and len(node.value) == 1 \
                    and isinstance(node.value[0][1], yaml.SequenceNode) and node.value[0][1].value:
                word_node, phrases_node = node.value[0]
                word = text(word_node)
                phrases = tuple(p for p in map(text, phrases_node.value) if p)
                if word and phrases:
                    entries.append(Entry(topic, line, False, phrases, word))
            else:
                problem(node, "expected `[phrase, phrase, ...]` or `word: [phrase, ...]`")
    return Thesaurus(tuple(entries), tuple(problems))
