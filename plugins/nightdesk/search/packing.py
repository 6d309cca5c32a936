"""Ship a lunr.py index in a quarter of its size; assets/search-unpack.js restores it.

lunr's serialised index repeats itself: the inverted index only says which fields of
which documents hold a term, which the field vectors say again, and every vector
score is BM25 of numbers lunr.py already knew (term counts, field lengths). So we ship
those inputs instead:

    terms: every term, sorted; a term's number is its position
    docs:  one string per document (ref = position in base 36), one part per field,
           split by ";": the field's term numbers as base-36 gaps, ":n" when a term
           occurs n > 1 times. A field's length is the sum of its counts.

search-unpack.js rebuilds the inverted index and re-runs lunr's own scoring
(lunr.idf, k1, b, boosts), giving the index lunr.py built, up to lunr's rounding to
3 decimals. tests/search/test_differential.py compares the two in Chromium.
"""
from __future__ import annotations

from lunr.builder import Builder


def base36(n: int) -> str:
    """Document refs and term gaps: short numbers."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, rest = divmod(n, 36)
        out = digits[rest] + out
        if not n:
            return out


def pack(builder: Builder, refs: list[str]) -> dict:
    """The built `builder`'s index in packed form; `refs` in the order they were added."""
    fields = list(builder._fields)
    terms = sorted(builder.inverted_index)
    number = {term: i for i, term in enumerate(terms)}
    docs = []
    for position, ref in enumerate(refs):
        assert ref == base36(position), "refs must be 0, 1, 2... in base 36"
        parts = []
        for field_name in fields:
            counts = builder.field_term_frequencies.get(f"{field_name}/{ref}", {})
            parts.append(_encode(sorted((number[t], tf) for t, tf in counts.items())))
        docs.append(";".join(parts).rstrip(";"))
    return {
        "version": "2.3.9",
        "fields": fields,
        "boosts": [builder._fields[f].boost for f in fields],
        "k1": builder._k1,
        "b": builder._b,
        "terms": terms,
        "docs": docs,
        "pipeline": builder.search_pipeline.serialize(),
    }


def _encode(numbered_counts: list[tuple[int, int]]) -> str:
    out, previous = [], 0
    for number, count in numbered_counts:
        gap = base36(number - previous)
        out.append(gap if count == 1 else f"{gap}:{count}")
        previous = number
    return ",".join(out)

