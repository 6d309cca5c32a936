"""The Python inverse of packing.py: a built site's packed index back into a lunr.py Index.

A line-by-line twin of assets/search-unpack.js, so Python tools (`nightdesk gaps`)
query exactly the index the browser queries: same BM25 inputs, same rounding
(JavaScript's Math.round, not Python's round-half-even) and the same order of
document refs inside a posting (JavaScript objects list integer-like keys first).
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.token_set import TokenSet
from lunr.vector import Vector

import nightdesk.search.pipeline  # noqa: F401  registers the pipeline labels the index names
from nightdesk.search.packing import base36, key_order

INDEX_FILE = "assets/nightdesk/search-index.js"
STORE_FILE = "assets/nightdesk/search-store.js"


def read_script(path: Path) -> dict:
    """The JSON of a `window.<name>={...};` script written by index.as_script()."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1:].rstrip().rstrip(";"))


def js_round3(score: float) -> float:
    return math.floor(score * 1000 + 0.5) / 1000  # Math.round(score * 1000) / 1000


def _decode(text: str):
    """A term's postings (packing.py) -> per field [(place, tf)]."""
    out = []
    for part in text.split(";") if text else ():
        place, entries = 0, []
        for item in filter(None, part.split(",")):
            gap, _, count = item.partition(":")
            place += int(gap, 36)
            entries.append((place, int(count) if count else 1))
        out.append(entries)
    return out


def unpack(packed: dict) -> Index:
    fields, terms, k1, b = packed["fields"], packed["terms"], packed["k1"], packed["b"]
    document_count = packed["documents"]
    lengths = [[int(n, 36) if n else 0 for n in by_field.split(",")] if document_count else []
               for by_field in packed["lengths"]]
    positions = key_order(document_count)  # by place, as postings number documents
    average_length = [sum(by_field) / document_count if document_count else 0 for by_field in lengths]
    inverted_index = {}
    documents_with_term = []
    elements: dict[tuple[int, int], list] = {}  # (field, place) -> [term, weight, ...] by term number
    for number, (term, text) in enumerate(zip(terms, packed["postings"])):
        by_field = _decode(text)
        held = sum(len(entries) for entries in by_field)  # lunr.idf counts every field of every document
        documents_with_term.append(held)
        idf = math.log(1 + abs((document_count - held + 0.5) / (held + 0.5)))
        posting = {"_index": number}
        for field_number, field_name in enumerate(fields):
            entries = by_field[field_number] if field_number < len(by_field) else []
            posting[field_name] = {base36(positions[place]): {} for place, _ in entries}  # in lunr.js's key order
            boost = packed["boosts"][field_number]
            for place, tf in entries:
                field_length = lengths[field_number][positions[place]]
                norm = k1 * (1 - b + b * (field_length / average_length[field_number]))
                score = idf * ((k1 + 1) * tf) / (norm + tf)
                elements.setdefault((field_number, place), []).extend((number, js_round3(score * boost)))
        inverted_index[term] = posting
    field_vectors = {f"{fields[field_number]}/{base36(positions[place])}": Vector(values)
                     for (field_number, place), values in elements.items()}

    index = Index(
        inverted_index=inverted_index,
        field_vectors=field_vectors,
        token_set=TokenSet.from_list(sorted(terms)),
        fields=fields,
        pipeline=Pipeline.load(packed["pipeline"]),
    )
    # For typos and "did you mean" (query.py): the words as written, and how many
    # section fields hold each term.
    index.nightdesk_terms = terms
    index.nightdesk_forms = packed.get("forms") or [""] * len(terms)
    index.nightdesk_term_documents = documents_with_term
    return index
