"""The Python twin of assets/search-unpack.js: a built site's packed index (packing.py) as the
postings the browser searches, decoded a term at a time, and lunr's scoring of a query over them.

Line by line the browser's code, so Python tools (`nightdesk gaps`) query exactly the index the
browser queries, with the same results and ties: same BM25 inputs, same rounding (JavaScript's
Math.round, not Python's round-half-even), the same order of documents inside a posting (lunr.js's
order of refs: packing.key_order) and of the terms a prefix expands to (lunr's TokenSet order).
tests/search/test_gaps.py compares the weights with lunr.py's own index of the same documents.
"""
from __future__ import annotations

import bisect
import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from nightdesk.search.packing import FIELD_SEPARATOR, decode, key_order

INDEX_FILE = "assets/nightdesk/search-index.js"
STORE_FILE = "assets/nightdesk/search-store.js"


def read_script(path: Path) -> dict:
    """The JSON of a `window.<name>={...};` script written by index.as_script()."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1:].rstrip().rstrip(";"))


def js_round3(score: float) -> float:
    return math.floor(score * 1000 + 0.5) / 1000  # Math.round(score * 1000) / 1000


@dataclass
class Postings:
    """One term's postings: per field, documents[start[f]:start[f + 1]] hold it, with lunr's weight there
    in thousandths (weights)."""
    start: list[int]
    documents: list[int]
    weights: list[int]


@dataclass
class Match:
    """Index.match(): the documents in the order first matched, their scores, and per document and field
    the matched term numbers."""
    documents: list[int]
    score: dict[int, float]
    terms: dict[int, dict[int, list[int]]]  # document -> field -> term numbers
    term_order: dict[int, int]  # term number -> the order the query's clauses first name it

    def ranked(self) -> list[int]:
        """Best first; equal scores in the order first matched (lunr.js's order)."""
        place = {d: i for i, d in enumerate(self.documents)}
        return sorted(self.documents, key=lambda d: (-self.score[d], place[d]))


class Index:
    """search-unpack.js's Index: opened from the packed dict (packing.Packer.packed())."""

    def __init__(self, packed: dict):
        self.fields = packed["fields"]
        self.field_number = {name: f for f, name in enumerate(self.fields)}
        self.terms = packed["terms"]
        self._term_number = {term: t for t, term in enumerate(self.terms)}
        self._packed_postings = packed["postings"]
        self.k1, self.b, self.boosts = packed["k1"], packed["b"], packed["boosts"]
        self.document_count = packed["documents"]
        self.field_lengths = [[int(n, 36) if n else 0 for n in text.split(",")] if self.document_count else []
                              for text in packed["lengths"]]
        self.average_lengths = [sum(lengths) / self.document_count if self.document_count else 0
                                for lengths in self.field_lengths]
        self.document_at = key_order(self.document_count)  # postings number documents by place in this order
        self._decoded: dict[int, Postings] = {}
        self._field_terms: dict[int, dict[int, list[int]]] = {}
        # For typos and "did you mean" (query.py): the words as written per term (packing._forms).
        self.forms = packed.get("forms") or [""] * len(self.terms)

    def term_number(self, term: str) -> int:
        """-1 when the index does not have the term."""
        return self._term_number.get(term, -1)

    def has(self, term: str) -> bool:
        return term in self._term_number

    def postings(self, t: int) -> Postings:
        found = self._decoded.get(t)
        if found is not None:
            return found
        F, starts, documents, counts = len(self.fields), [0], [], []
        for part in self._parts(t):
            for place, count in decode(part):
                documents.append(self.document_at[place])
                counts.append(count)
            starts.append(len(documents))
        starts += [len(documents)] * (F + 1 - len(starts))  # trailing empty fields are not written
        n = len(documents)
        x = (self.document_count - n + 0.5) / (n + 0.5)  # lunr.idf counts every field of every document
        idf, k1, b = math.log(1 + abs(x)), self.k1, self.b
        weights = []
        for f in range(F):
            lengths, average, boost = self.field_lengths[f], self.average_lengths[f], self.boosts[f]
            for e in range(starts[f], starts[f + 1]):
                norm = k1 * (1 - b + b * (lengths[documents[e]] / average))
                frequency = counts[e]
                score = idf * ((k1 + 1) * frequency) / (norm + frequency)
                score *= boost
                weights.append(math.floor(score * 1000 + 0.5))
        found = self._decoded[t] = Postings(starts, documents, weights)
        return found

    def _parts(self, t: int) -> list[str]:
        """A term's postings, one string per field written (packing.py)."""
        return self._packed_postings[t].split(FIELD_SEPARATOR)

    def term_documents(self, t: int) -> int:
        """How many fields of documents hold the term (lunr.idf's count)."""
        return sum(len(decode(part)) for part in self._parts(t))

    def expand(self, term: str, prefix: bool = False) -> list[int]:
        """The term numbers a clause's term stands for: itself, or with `prefix` (and any "*" in it)
        every term it matches, in lunr's expansion order."""
        star = term.find("*")
        if star < 0 and not prefix:
            t = self.term_number(term)
            return [] if t < 0 else [t]
        literal = term if star < 0 else term[:star]
        pattern = None if star < 0 else re.compile(
            "^" + "[\\s\\S]*".join(re.escape(part) for part in term.split("*")) + ("" if prefix else "$"))
        found = []
        for i in range(bisect.bisect_left(self.terms, literal), len(self.terms)):
            if not self.terms[i].startswith(literal):
                break
            if pattern is None or pattern.match(self.terms[i]):
                found.append(i)
        return sorted(found, key=lambda i: _expansion_key(self.terms[i]))

    def match(self, clauses: list[dict]) -> Match:
        """Index.match() of search-unpack.js: clauses [{term, prefix, fields: [names], boost}]."""
        F = len(self.fields)
        boosts: list[dict[int, float]] = [{} for _ in range(F)]
        slots, seen_slots = [], set()
        for clause in clauses:
            boost = clause.get("boost", 1)
            in_fields = [self.field_number[name] for name in clause["fields"]] if clause.get("fields") else range(F)
            for t in self.expand(clause["term"], clause.get("prefix", False)):
                for f in in_fields:
                    boosts[f][t] = boosts[f][t] + boost if t in boosts[f] else boost
                    if (t, f) not in seen_slots:
                        seen_slots.add((t, f))
                        slots.append((t, f))
        keys, dot = [], {}  # key: document * F + field
        for t, f in slots:
            posting = self.postings(t)
            for d in posting.documents[posting.start[f]:posting.start[f + 1]]:
                key = d * F + f
                if key not in dot:
                    dot[key] = 0
                    keys.append(key)
        terms: dict[int, dict[int, list[int]]] = {}
        for t, f in sorted(slots):
            posting, q = self.postings(t), boosts[f][t]
            documents, weights = posting.documents, posting.weights
            for e in range(posting.start[f], posting.start[f + 1]):
                d = documents[e]
                dot[d * F + f] += q * (weights[e] / 1000)
                by_field = terms.get(d)
                if by_field is None:
                    by_field = terms[d] = {}
                by_field.setdefault(f, []).append(t)
        magnitude = [math.sqrt(sum(v * v for _, v in sorted(vector.items()))) for vector in boosts]
        documents, score = [], {}
        for key in keys:
            d, f = divmod(key, F)
            field_score = (dot[key] / magnitude[f]) if magnitude[f] else 0
            if d not in score:
                score[d] = field_score
                documents.append(d)
            else:
                score[d] += field_score
        term_order: dict[int, int] = {}
        for t, _ in slots:
            term_order.setdefault(t, len(term_order))
        return Match(documents, score, terms, term_order)

    def field_terms(self, document: int, fields: tuple[str, ...]) -> set[str]:
        """The terms a document holds in these fields."""
        return {self.terms[t] for name in fields for t in self._terms_by_document(self.field_number[name]).get(document, ())}

    def _terms_by_document(self, f: int) -> dict[int, list[int]]:
        """document -> the terms it holds in field f: one pass over that field's part of every posting, once."""
        if f not in self._field_terms:
            by_document: dict[int, list[int]] = {}
            for t, text in enumerate(self._packed_postings):
                parts = text.split(FIELD_SEPARATOR, f + 1)
                if f < len(parts):
                    for place, _ in decode(parts[f]):
                        by_document.setdefault(self.document_at[place], []).append(t)
            self._field_terms[f] = by_document
        return self._field_terms[f]


def _edge_rank(c: str) -> int:
    code = ord(c)
    return code - 48 if 48 <= code <= 57 else code + 10


def _compare_expansion(a: str, b: str) -> int:
    """lunr's TokenSet walk order (search-unpack.js lunrExpansionOrder)."""
    for x, y in zip(a, b):
        if x != y:
            return _edge_rank(y) - _edge_rank(x)
    return len(a) - len(b)


_expansion_key = functools.cmp_to_key(_compare_expansion)


def unpack(packed: dict) -> Index:
    return Index(packed)
