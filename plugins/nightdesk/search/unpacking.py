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
from nightdesk.search.packing import base36

INDEX_FILE = "assets/nightdesk/search-index.js"
STORE_FILE = "assets/nightdesk/search-store.js"


def read_script(path: Path) -> dict:
    """The JSON of a `window.<name>={...};` script written by index.as_script()."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1:].rstrip().rstrip(";"))


def js_round3(score: float) -> float:
    return math.floor(score * 1000 + 0.5) / 1000  # Math.round(score * 1000) / 1000


def _js_key_order(refs: list[str]) -> list[str]:
    """The order Object.keys() gives: integer-like keys ascending, then the rest as inserted."""
    numeric = sorted((r for r in refs if r.isdigit()), key=int)
    return numeric + [r for r in refs if not r.isdigit()]


def unpack(packed: dict) -> Index:
    fields, terms, k1, b = packed["fields"], packed["terms"], packed["k1"], packed["b"]
    document_count = len(packed["docs"])
    refs_by_field: list[dict[int, list[str]]] = [{} for _ in fields]
    documents_with_term = [0] * len(terms)
    entries = []  # (field number, ref, [(term number, tf)], field length)
    total_length = [0] * len(fields)
    for position, doc in enumerate(packed["docs"]):
        ref = base36(position)
        for field_number, part in enumerate(doc.split(";")):
            term, counts = 0, []
            for item in filter(None, part.split(",")):
                gap, _, count = item.partition(":")
                term += int(gap, 36)
                counts.append((term, int(count) if count else 1))
                refs_by_field[field_number].setdefault(term, []).append(ref)
                documents_with_term[term] += 1
            if counts:
                length = sum(tf for _, tf in counts)
                entries.append((field_number, ref, counts, length))
                total_length[field_number] += length

    inverted_index = {}
    for number, term in enumerate(terms):
        posting = {"_index": number}
        for field_number, field_name in enumerate(fields):
            posting[field_name] = {r: {} for r in _js_key_order(refs_by_field[field_number].get(number, []))}
        inverted_index[term] = posting

    idf = [math.log(1 + abs((document_count - n + 0.5) / (n + 0.5))) for n in documents_with_term]
    average_length = [total / document_count if document_count else 0 for total in total_length]
    field_vectors = {}
    for field_number, ref, counts, field_length in entries:
        boost = packed["boosts"][field_number]
        norm = k1 * (1 - b + b * (field_length / average_length[field_number]))
        elements = []
        for term, tf in counts:
            score = idf[term] * ((k1 + 1) * tf) / (norm + tf)
            elements += [term, js_round3(score * boost)]
        field_vectors[f"{fields[field_number]}/{ref}"] = Vector(elements)

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
