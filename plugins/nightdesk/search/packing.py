"""Section documents -> the packed index the browser searches (a quarter of lunr's serialised size).

lunr's serialised index repeats itself: the inverted index only says which fields of
which documents hold a term, which the field vectors say again, and every vector
score is BM25 of numbers known at build time (term counts, field lengths). So we ship
those inputs instead, by term, so that the browser decodes only the terms a query asks for:

    terms:    every term, sorted; a term's number is its position
    postings: one string per term, one part per field, split by FIELD_SEPARATOR (trailing
              empty parts left out): the documents holding the term there, as gaps between
              their places in lunr.js's order of refs (see key_order), each gap written with
              the term's count there in DIGITS (see _encode): most entries take one character
    documents: how many documents (sections) there are
    lengths:  one string per field: every document's field length (its term count) in
              base 36, split by ","; empty for 0

A document's ref is its position in base 36. `Packer` counts the terms of each field itself,
with lunr's tokenizer rule and nightdesk's own lunr pipeline functions run once per distinct word
(not once per word of the text), and keeps only compact counts: building lunr.py's whole index
(its inverted index with a dict per document per term, its field vectors and token set) took most
of a big site's build time and two thirds of its memory, and shipped nothing the counts do not
say. lunr.py's own Builder stays the reference: tests/search/test_index.py and
test_differential.py compare the packed counts and the browser's index with what lunr.py and
lunr.js build from the same documents.

search-unpack.js re-runs lunr's own scoring (lunr.idf, k1, b, boosts) from the counts, a term at
a time when a query first needs it: the first search no longer waits for every posting.
"""
from __future__ import annotations

from array import array
from collections import Counter

from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.token import Token


# The postings' alphabet: printable ASCII but '"' and '\\' (nothing to escape in JSON) and '<' (no "</" to
# escape in a script), '!' apart as the field separator. Written into the index (`digits`,
# `fieldSeparator`), where search-unpack.js reads them.
DIGITS = "".join(chr(c) for c in range(0x23, 0x7F) if chr(c) not in "\\<")
BASE = len(DIGITS) // 2
FIELD_SEPARATOR = "!"
NO_TERM = -1  # a word that makes no term (Packer._word_term)
_DIGIT_VALUE = {c: i for i, c in enumerate(DIGITS)}


def base36(n: int) -> str:
    """Document refs and term gaps: short numbers."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, rest = divmod(n, 36)
        out = digits[rest] + out
        if not n:
            return out


class Packer:
    """Adds section documents one at a time (fields as plain text, words separated by one space,
    as pipeline.normalize_text writes them); `packed()` is the index as search-unpack.js reads it.

    `language`: the pipeline.Language whose index pipeline makes terms of words (lunr.py's Builder
    runs the same functions); `boosts`: field name -> boost, in field order.

    What is held between documents is small: per term one array of its postings as they come,
    not per-document arrays and sets, so a big site's counts take 8 bytes a posting.
    """

    def __init__(self, language, boosts: dict[str, float]):
        self.language = language
        self.fields = list(boosts)
        self.boosts = [boosts[f] for f in self.fields]
        self._pipeline = Pipeline()
        self._pipeline.add(*language.index_pipeline())
        search = Pipeline()
        search.add(*language.search_pipeline())
        self._search_pipeline = search.serialize()
        # A word as written -> its term number; NO_TERM for none (stop words); for several (split
        # compounds), -2 - its place in _several. One int per word lets add() count a field in C.
        self._word_term: dict[str, int] = {"": NO_TERM}
        self._several: list[tuple[int, ...]] = []
        self._term_number: dict[str, int] = {}
        self.terms: list[str] = []  # in first-seen order until packed()
        self._form_terms: dict[str, str] = {}  # a word as normalised -> the term it stems to
        # Per term: its postings [document, count * fields + field, ...], documents in the order added.
        self._postings: list[array] = []
        self._lengths = [array("I") for _ in self.fields]  # per field: every document's term count
        self.documents = 0

    def _learn(self, raw: str) -> None:
        """A word not seen before: its terms, and the form it adds to its term."""
        # lunr's Tokenizer lower-cases the whole text before splitting; one space is its only
        # separator left after normalize_text, so each word can be taken alone.
        terms = tuple(self._number(str(t)) for t in self._pipeline.run([Token(raw.lower(), {})]))
        if len(terms) == 1:
            self._word_term[raw] = terms[0]
        elif not terms:
            self._word_term[raw] = NO_TERM
        else:
            self._word_term[raw] = -2 - len(self._several)
            self._several.append(terms)
        word = self.language.normalize_word(raw)
        if word and not self.language.is_stop_word(word):
            # its own term, unless a normalisation quirk says otherwise (packed() checks)
            self._form_terms.setdefault(word, self.language.stem(word))

    def _number(self, term: str) -> int:
        number = self._term_number.get(term)
        if number is None:
            number = self._term_number[term] = len(self.terms)
            self.terms.append(term)
            self._postings.append(array("I"))
        return number

    def add(self, document: dict) -> None:
        position = self.documents
        self.documents += 1
        width = len(self.fields)
        word_term, postings = self._word_term, self._postings
        for f, name in enumerate(self.fields):
            text = document.get(name)
            if not text:  # most sections have no title, keywords or summary: only the first has
                self._lengths[f].append(0)
                continue
            words = text.split(" ")
            for raw in set(words).difference(word_term):
                self._learn(raw)
            counts = Counter(map(word_term.__getitem__, words))  # words -> terms, counted in C
            counts.pop(NO_TERM, None)
            if self._several:
                for several in [key for key in counts if key < 0]:
                    times = counts.pop(several)
                    for term in self._several[-2 - several]:
                        counts[term] += times
            self._lengths[f].append(sum(counts.values()))
            for term, count in counts.items():
                posting = postings[term]  # two appends: faster than extend((a, b)), which builds a tuple
                posting.append(position)
                posting.append(count * width + f)

    def _documents_holding(self, number: int) -> set[int]:
        return set(self._postings[number][0::2])

    def sections_by_term(self) -> dict:
        """term -> {"any": numbers of the documents holding it}: the shape of a lunr inverted index's
        postings (field -> refs), which thesaurus.for_browser() reads."""
        return _TermSections(self._term_number, self)

    def packed(self) -> dict:
        forms: list[list[str]] = [[] for _ in self.terms]
        for word, term in self._form_terms.items():
            number = self._term_number.get(term)
            if number is not None:
                forms[number].append(word)
        order = sorted(range(len(self.terms)), key=self.terms.__getitem__)
        place_of = array("I", bytes(4 * self.documents))
        for place, position in enumerate(key_order(self.documents)):
            place_of[position] = place
        encoded, width = [], len(self.fields)
        for old in order:
            # Per field: (place, count); places ascend within numeric refs and within the rest, and
            # every numeric one comes first, so sort() merges two runs.
            by_field = [[] for _ in self.fields]
            posting = self._postings[old]
            for position, value in zip(posting[0::2], posting[1::2]):
                by_field[value % width].append((place_of[position], value // width))
            for entries in by_field:
                entries.sort()
            encoded.append(FIELD_SEPARATOR.join(map(_encode, by_field)).rstrip(FIELD_SEPARATOR))
        defaults = Builder()
        return {
            "version": "2.3.9",
            "fields": self.fields,
            "boosts": self.boosts,
            "k1": defaults._k1,
            "b": defaults._b,
            "documents": self.documents,
            "terms": [self.terms[old] for old in order],
            "postings": encoded,
            "digits": DIGITS,
            "fieldSeparator": FIELD_SEPARATOR,
            "lengths": [",".join(base36(n) if n else "" for n in by_field) for by_field in self._lengths],
            "pipeline": self._search_pipeline,
            "forms": [_forms(self.terms[old], forms[old]) for old in order],
        }


def key_order(count: int) -> list[int]:
    """Document positions in the order lunr.js lists a posting's refs (Object.keys: refs that read as
    whole numbers first, by value, then the rest as added). Postings keep it, so matches tie-break
    exactly as in lunr.js."""
    refs = [base36(position) for position in range(count)]
    numeric = sorted((p for p in range(count) if refs[p].isdigit()), key=lambda p: int(refs[p]))
    return numeric + [p for p in range(count) if not refs[p].isdigit()]


class _TermSections(dict):
    """term -> its number; a posting is made when asked for: the thesaurus asks for a few hundred
    terms of thousands."""

    def __init__(self, numbers: dict[str, int], packer: Packer):
        super().__init__(numbers)
        self._packer = packer

    def __getitem__(self, term: str) -> dict:
        return {"any": self._packer._documents_holding(dict.__getitem__(self, term))}


def _forms(term: str, words: set[str]) -> str:
    """Per index term, the words as written that became it: "|ation|e" for "authoris".

    Each form is written as what follows the term ("" for the term itself), or whole
    after "=" when it does not start with the term. Typos are matched against these
    words (query.py typo_terms), so a slip near the end of a long word ("authorisaton")
    still finds "authorisation", which its stem cannot; "did you mean" offers them.
    """
    return "|".join(sorted(w[len(term):] if w.startswith(term) else "=" + w for w in words))


def _encode(entries: list[tuple[int, int]]) -> str:
    """[(place, count)...] with places ascending -> one string. Each entry is the number
    gap * 2 + (1 if count > 1), then count - 2 when count > 1; each number is written big-endian in base
    BASE, every digit but the last from the second half of DIGITS (so the numbers need no separator).
    Gaps under BASE / 2 with a count of 1 take one character."""
    out, previous = [], 0
    for place, count in entries:
        n = (place - previous) * 2 + (count > 1)
        out.append(DIGITS[n] if n < BASE else _number(n))  # one digit: most entries, so inline
        if count > 1:
            out.append(DIGITS[count - 2] if count - 2 < BASE else _number(count - 2))
        previous = place
    return "".join(out)


def _number(n: int) -> str:
    digits = DIGITS[n % BASE]
    n //= BASE
    while n:
        digits = DIGITS[BASE + n % BASE] + digits
        n //= BASE
    return digits


def decode(part: str) -> list[tuple[int, int]]:
    """One field's part of a term's postings -> [(place, count)] (the inverse of _encode)."""
    out, number, gap = [], 0, None
    for c in part:
        digit = _DIGIT_VALUE[c]
        if digit >= BASE:
            number = number * BASE + digit - BASE
            continue
        number = number * BASE + digit
        if gap is None:
            gap, place = number, (out[-1][0] if out else 0) + (number >> 1)
            if not gap & 1:
                out.append((place, 1))
                gap = None
        else:
            out.append((place, number + 2))
            gap = None
        number = 0
    return out
