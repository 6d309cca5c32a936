"""Meaning, offline: static word vectors that let search match a question to an article.

Readers type their own words ("how do I give money back") where the manual says
"refund an order". A static word-vector table, distilled once from the openly licensed
sentence model all-MiniLM-L6-v2 (scripts/distil_vectors.py), gives every article a
vector at build time; the browser turns the query into a vector the same way
(assets/search-vectors.js: tokenise -> look up -> average -> cosine) and fuses the
vector ranking with the lexical one. No torch, no numpy, no network: plain Python here,
plain JavaScript there, one shipped table.

Data, three forms:
  * the shipped table (`data/minilm-l6-256.ndvec.gz`, package data, Apache-2.0, see
    data/NOTICE): every word piece of the model's vocabulary, in the model's own order
    (commonest first after the single characters), and for most of them a 256-number
    vector stored as int8 with one scale per row. Read with `load_table()`.
  * the site's cut: at build time the table is cut (`VectorTable.cut`) to the word
    pieces the site uses plus the COMMON_PIECES commonest, but keeps every piece's
    name, since words must be split with the full piece list.
  * the site's data script (SITE_FILE, `window.__nightdeskVectors = {...}`, a classic
    script fetched lazily so it works from file://), made by `build_site_vectors()`:
    the cut table, one int8 vector per article (store order), the calibrated gate and
    RRF's k. `SiteVectors.from_data()` reads it back, so Python tools (`nightdesk
    gaps`) rank exactly as the browser does.

Contract with the search plugin (nightdesk.mkdocs.search):
    data = build_site_vectors([article_text(a) for a in search_articles])
    write `data.script()` to SITE_FILE
and with search.js: load SITE_FILE after the first lexical results show, then
    model = nightdesk.vectors.open(window.__nightdeskVectors)
    ids = model.rerank(query, lexicalIds)      # article numbers, store order
which is `ranking = model.rank(query)` ({best, confident, articles, cosines, unknown}) and
`ranking.confident ? nightdesk.vectors.fuse(lexicalIds, ranking.articles, model.k) : lexicalIds`.
Python's twins: `SiteVectors.rerank()`, `.rank()` and `fuse()` (for `nightdesk gaps`).
The vectors are English (the model's language): build them for English sites only.

Ranking: an article's vector is the normalised mean of the piece vectors of its title,
keywords, summary, headings and first ARTICLE_BODY_WORDS body words (this beat
per-section and whole-body vectors on real manuals). A query's vector is the
normalised mean of its pieces' vectors; a word with a piece the model does not know,
or a piece missing from the site's cut, is dropped whole (fragments of nonsense words
look similar to everything). The vector list only joins the lexical one when its best
cosine clears the gate: the GATE_PERCENTILE of the best cosines that random
vocabulary-word queries reach on this very site, so nonsense gets no confident
answers. Fusion is reciprocal rank fusion, equal weights, k = RRF_K.
"""
from __future__ import annotations

import base64
import gzip
import json
import math
import random
import re
import struct
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from operator import mul
from pathlib import Path

from nightdesk.search.ranking import RRF_K  # reciprocal rank fusion's k: defined once, with the other ranking numbers

TABLE_FILE = "minilm-l6-256.ndvec.gz"
MAGIC = b"NDVEC1\n"
SITE_FILE = "assets/nightdesk/search-vectors-data.js"
GLOBAL_NAME = "__nightdeskVectors"
FORMAT_VERSION = 1

COMMON_PIECES = 5000  # rows kept in every site's cut, whatever its words: readers' everyday words
ARTICLE_BODY_WORDS = 100  # body words that go into an article's vector
VECTOR_RESULTS = 20  # how many of the vector ranking take part in the fusion
GATE_PERCENTILE = 0.99  # of random-word queries' best cosines: the bar a real query must clear
GATE_QUERIES = 200  # random-word queries drawn to calibrate the gate (each costs a cosine per article)
GATE_SEED = 11  # the calibration is reproducible: same site, same gate
SITE_WORD_MIN = 2  # a body word's occurrences on the site before its pieces get rows
MAX_WORD_CHARS = 100  # longer "words" are unknown, as in the model's tokeniser

# --- Tokeniser: the model's own (BERT uncased WordPiece), step for step ------------------
# Characters padded with spaces so each is a word (CJK ideographs), as in BERT.
_CJK = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
        (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# JavaScript's /\s$/ (search.js decides the same way which word is still being typed).
_ENDS_WITH_SPACE = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]$")
_ASCII_WORD = re.compile(r"[0-9A-Za-z]+|[!-/:-@\[-`{-~]")


_SPACE, _DROP, _CJK_CHAR, _KEEP = " ", "", "cjk", "keep"
_CLEAN: dict[str, str] = {}  # character -> what the normaliser does with it (cached: sites use few)
_PUNCTUATION: dict[str, bool] = {}


def _clean_class(ch: str) -> str:
    kind = _CLEAN.get(ch)
    if kind is None:
        cp, category = ord(ch), unicodedata.category(ch)
        if ch in "\t\n\r\u2028\u2029" or category == "Zs":
            kind = _SPACE
        elif cp == 0 or cp == 0xFFFD or category.startswith("C"):
            kind = _DROP
        elif any(low <= cp <= high for low, high in _CJK):
            kind = _CJK_CHAR
        else:
            kind = _KEEP
        _CLEAN[ch] = kind
    return kind


def _is_punctuation(ch: str) -> bool:
    found = _PUNCTUATION.get(ch)
    if found is None:
        cp = ord(ch)
        found = _PUNCTUATION[ch] = (33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126
                                    or unicodedata.category(ch).startswith("P"))
    return found


def basic_words(text: str) -> list[str]:
    """Text -> lowercased, accent-free words and single punctuation marks, as BERT splits it.

    Order as in the model's normaliser: drop NUL, U+FFFD and control characters; map
    whitespace to spaces; pad CJK ideographs; NFD and drop non-spacing marks;
    lowercase; split at whitespace; every punctuation character is a word of its own.
    """
    if text.isascii():  # fast path, same result
        return _ASCII_WORD.findall(_ASCII_CONTROL.sub("", text).lower())
    chars = []
    for ch in text:
        kind = _CLEAN.get(ch) or _clean_class(ch)
        if kind is _KEEP:
            chars.append(ch)
        elif kind is _SPACE:
            chars.append(" ")
        elif kind is _CJK_CHAR:
            chars.append(f" {ch} ")
    text = unicodedata.normalize("NFD", "".join(chars))
    if not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    words = []
    for token in text.lower().split(" "):
        if token.isascii():
            words.extend(_ASCII_WORD.findall(token))
            continue
        start = 0
        for i, ch in enumerate(token):
            if _is_punctuation(ch):
                if i > start:
                    words.append(token[start:i])
                words.append(ch)
                start = i + 1
        if start < len(token):
            words.append(token[start:])
    return words


def word_pieces(word: str, vocabulary) -> list[str] | None:
    """Greedy longest-match-first WordPiece; None when some part matches no piece ([UNK])."""
    if len(word) > MAX_WORD_CHARS:
        return None
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocabulary:
                break
            end -= 1
        else:
            return None
        pieces.append(piece)
        start = end
    return pieces


# --- The table ---------------------------------------------------------------------------
@dataclass
class VectorTable:
    """Word pieces and their int8 vectors: row r is `scales[r] * values[r*dims:(r+1)*dims]`.

    `pieces[:rows]` have a vector (row = position); the rest only take part in tokenising.
    """

    pieces: list[str]
    rows: int
    dims: int
    scales: list[float]
    values: bytes  # rows * dims signed bytes
    position: dict[str, int] = field(init=False, repr=False)
    _split: dict[str, list[int] | None] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self):
        self.position = {piece: i for i, piece in enumerate(self.pieces)}
        assert len(self.values) == self.rows * self.dims and len(self.scales) == self.rows

    def row(self, r: int) -> memoryview:
        return memoryview(self.values).cast("b")[r * self.dims:(r + 1) * self.dims]

    def word_rows(self, word: str) -> list[int] | None:
        """Row numbers of a word's pieces; None when the word is dropped (unknown or cut piece)."""
        if word not in self._split:
            pieces = word_pieces(word, self.position)
            rows = None if pieces is None else [self.position[p] for p in pieces]
            if rows is not None and any(r >= self.rows for r in rows):
                rows = None
            self._split[word] = rows
        return self._split[word]

    def text_rows(self, text: str) -> list[int]:
        rows = []
        for word in basic_words(text):
            found = self.word_rows(word)
            if found:
                rows.extend(found)
        return rows

    def mean_vector(self, rows: list[int]) -> list[float] | None:
        """Normalised mean of the rows' vectors (each distinct row once, weighted by its count,
        in order of first appearance: search-vectors.js adds them in the same order)."""
        counts: dict[int, int] = {}
        for r in rows:
            counts[r] = counts.get(r, 0) + 1
        if not counts:
            return None
        acc = [0.0] * self.dims
        view = memoryview(self.values).cast("b")
        for r, count in counts.items():
            weight = count * self.scales[r]
            acc = [a + weight * v for a, v in zip(acc, view[r * self.dims:(r + 1) * self.dims])]
        return _normalised(acc)

    def cut(self, keep_pieces) -> VectorTable:
        """The rows of `keep_pieces` plus the COMMON_PIECES commonest, in table order; every
        piece name stays (those without a row move after the rows). The commonest are counted
        among ASCII pieces: the vocabulary opens with a thousand single characters of every
        script, which are "common" only by their place in it."""
        common = (r for r in range(self.rows) if self.pieces[r].isascii())
        keep = {r for r, _ in zip(common, range(COMMON_PIECES))}
        keep.update(self.position[p] for p in keep_pieces if p in self.position and self.position[p] < self.rows)
        kept = sorted(keep)
        view = memoryview(self.values)
        values = b"".join(view[r * self.dims:(r + 1) * self.dims] for r in kept)
        kept_set = set(kept)
        pieces = [self.pieces[r] for r in kept] + [p for i, p in enumerate(self.pieces) if i not in kept_set]
        return VectorTable(pieces, len(kept), self.dims, [self.scales[r] for r in kept], values)


def _normalised(vector: list[float]) -> list[float] | None:
    total = 0.0
    for x in vector:  # a plain loop, in order: JavaScript sums the same way
        total += x * x
    if total == 0:
        return None
    norm = math.sqrt(total)
    return [x / norm for x in vector]


def load_table(path: Path | None = None) -> VectorTable:
    """The shipped table (or a file in the same format, e.g. a fresh distillation)."""
    if path is None:
        path = Path(str(resources.files("nightdesk.search") / "data" / TABLE_FILE))
    raw = gzip.decompress(Path(path).read_bytes())
    if not raw.startswith(MAGIC):
        raise ValueError(f"{path}: not a nightdesk vector table")
    offset = len(MAGIC)
    end = raw.index(b"\n", offset)
    header = json.loads(raw[offset:end])
    offset = end + 1
    pieces = raw[offset:offset + header["pieces_bytes"]].decode("utf-8").split("\n")
    offset += header["pieces_bytes"]
    rows, dims = header["rows"], header["dims"]
    scales = list(struct.unpack_from(f"<{rows}f", raw, offset))
    offset += 4 * rows
    values = raw[offset:offset + rows * dims]
    return VectorTable(pieces, rows, dims, scales, bytes(values))


def write_table(path: Path, pieces: list[str], rows: int, scales: list[float], values: bytes,
                dims: int, source: dict) -> None:
    """Write the shipped format: magic, a JSON header line, the piece names, float32 scales,
    int8 values; gzip-compressed, byte-for-byte reproducible (no time stamp)."""
    names = "\n".join(pieces).encode("utf-8")
    header = {"format": FORMAT_VERSION, "rows": rows, "dims": dims, "pieces": len(pieces),
              "pieces_bytes": len(names), "source": source}
    body = (MAGIC + json.dumps(header, sort_keys=True).encode() + b"\n" + names
            + struct.pack(f"<{rows}f", *scales) + values)
    Path(path).write_bytes(gzip.compress(body, compresslevel=9, mtime=0))


def quantise(vector: list[float]) -> tuple[float, bytes]:
    """One row to int8 with its own scale (largest magnitude -> 127)."""
    peak = max(abs(x) for x in vector) or 1.0
    scale = peak / 127
    return scale, bytes((max(-127, min(127, round(x / scale))) & 0xFF) for x in vector)


# --- Articles ----------------------------------------------------------------------------
@dataclass
class ArticleText:
    """What goes into an article's vector; build one per article, in the store's order."""

    title: str
    summary: str = ""
    keywords: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    body: str = ""  # the whole body text; only the first ARTICLE_BODY_WORDS words count

    def vector_text(self) -> str:
        body = " ".join(self.body.split()[:ARTICLE_BODY_WORDS])
        return "\n".join([self.title, " ".join(self.keywords), self.summary, *self.headings, body])

    def all_text(self) -> str:
        return "\n".join([self.title, " ".join(self.keywords), self.summary, *self.headings, self.body])


def article_text(article) -> ArticleText:
    """An ArticleText from nightdesk.search.index.SearchArticle (title, summary, keywords, sections)."""
    sections = getattr(article, "sections", None) or []
    return ArticleText(title=article.title, summary=article.summary or "",
                       keywords=list(getattr(article, "keywords", None) or []),
                       headings=[s.heading for s in sections if s.heading],
                       body=" ".join(s.text for s in sections if s.text))


@dataclass
class Ranking:
    best: float  # the best cosine of any article (0.0 when the query has no known word)
    confident: bool  # every word known and best clears the gate: the vector list may join the fusion
    articles: list[int]  # article numbers, best first (at most VECTOR_RESULTS)
    cosines: list[float]
    unknown: int = 0  # words of the query left out: unknown to the model or the site (typos, nonsense)


@dataclass
class SiteVectors:
    """A site's cut table, its articles' int8 vectors and its gate: what the browser gets."""

    table: VectorTable
    articles: list[bytes]  # one int8 row per article, store order; b"" for an article with no vector
    gate: float
    words: set[str] = field(default_factory=set)  # the site's own words (see build_site_vectors)
    k: int = RRF_K
    _norms: list[float] = field(init=False, repr=False)
    _rows: list = field(init=False, repr=False)

    def __post_init__(self):
        self._rows = [memoryview(a).cast("b").tolist() if a else [] for a in self.articles]
        self._norms = [math.sqrt(sum(v * v for v in row)) if row else 0.0 for row in self._rows]

    def query_rows(self, query: str) -> tuple[list[int], int]:
        """Rows of the query's words, and how many words are unknown. A word of one piece is a
        word of the model's vocabulary: it counts with its row, or is left out quietly when the
        site's cut has none (a real word, just rare). A word of several pieces counts only
        when it is a word of the site; otherwise it is unknown, a typo or nonsense whose
        fragments would look like everything. The word still being typed (the last, with no
        space after it) is unknown unless the site uses it as written: "dec" may become
        "declined", and until it does the lexical prefixes rank better."""
        rows, unknown = [], 0
        table = self.table
        words = basic_words(query)
        counted = [i for i, w in enumerate(words) if len(w) > 1 or not _is_punctuation(w)]
        typing = counted[-1] if counted and not _ENDS_WITH_SPACE.search(query) else -1
        for i, word in enumerate(words):
            if i == typing and word not in self.words:
                unknown += 1  # half a word: leave the ranking to the lexical prefixes until it is done
                continue
            pieces = word_pieces(word, table.position)
            if pieces is not None and len(pieces) == 1:
                if table.position[pieces[0]] < table.rows:
                    rows.append(table.position[pieces[0]])
            elif pieces is not None and word in self.words and table.word_rows(word):
                rows.extend(table.word_rows(word))
            elif i in counted:
                unknown += 1
        return rows, unknown

    def query_vector(self, query: str) -> list[float] | None:
        return self.table.mean_vector(self.query_rows(query)[0])

    def cosines(self, vector: list[float]) -> list[float]:
        """Cosine with every article. sum() may round differently from JavaScript's loop in
        the last bits (Python 3.12 compensates); rankings agree, cosines within 1e-12."""
        return [sum(map(mul, vector, row)) / norm if norm else 0.0 for row, norm in zip(self._rows, self._norms)]

    def rank(self, query: str, limit: int = VECTOR_RESULTS) -> Ranking:
        rows, unknown = self.query_rows(query)
        vector = self.table.mean_vector(rows)
        if vector is None:
            return Ranking(0.0, False, [], [], unknown)
        cosines = self.cosines(vector)
        order = sorted(range(len(cosines)), key=lambda i: -cosines[i])[:limit]  # stable: ties by store order
        best = cosines[order[0]] if order else 0.0
        return Ranking(best, best >= self.gate and not unknown, order, [cosines[i] for i in order], unknown)

    def rerank(self, query: str, lexical: list[int]) -> list[int]:
        """The article order search shows once the vectors are loaded: the lexical order fused
        with the vector ranking when that is confident, else the lexical order as it is."""
        ranking = self.rank(query)
        return fuse(lexical, ranking.articles, self.k) if ranking.confident else list(lexical)

    def data(self) -> dict:
        """The JSON the site ships (SITE_FILE), read by search-vectors.js and from_data()."""
        t = self.table
        return {
            "version": FORMAT_VERSION,
            "dims": t.dims,
            "rows": t.rows,
            "pieces": "\n".join(t.pieces),
            "scales": t.scales,
            "table": base64.b64encode(t.values).decode("ascii"),
            "articles": base64.b64encode(b"".join(a or bytes(t.dims) for a in self.articles)).decode("ascii"),
            "words": "\n".join(sorted(self.words)),
            "gate": self.gate,
            "k": self.k,
            "maxWordChars": MAX_WORD_CHARS,
            "vectorResults": VECTOR_RESULTS,
        }

    def script(self) -> str:
        payload = json.dumps(self.data(), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        return f"window.{GLOBAL_NAME}={payload};\n"

    @classmethod
    def from_data(cls, data: dict) -> SiteVectors:
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"vector data format {data.get('version')!r}, expected {FORMAT_VERSION}")
        dims, rows = data["dims"], data["rows"]
        table = VectorTable(data["pieces"].split("\n"), rows, dims, list(data["scales"]),
                            base64.b64decode(data["table"]))
        blob = base64.b64decode(data["articles"])
        articles = [blob[i:i + dims] for i in range(0, len(blob), dims)]
        articles = [a if any(a) else b"" for a in articles]
        words = set(data["words"].split("\n")) - {""}
        return cls(table, articles, data["gate"], words, data["k"])

    @classmethod
    def from_site(cls, site_dir: Path) -> SiteVectors | None:
        """A built site's vectors, or None when it was built without them."""
        path = Path(site_dir) / SITE_FILE
        if not path.is_file():
            return None
        text = path.read_text(encoding="utf-8")
        return cls.from_data(json.loads(text[text.index("=") + 1:].rstrip().rstrip(";")))


def _scale_rounded(scale: float) -> float:
    return float(f"{scale:.6g}")  # short in JSON, and the same number on both sides


def build_site_vectors(articles: list[ArticleText], table: VectorTable | None = None,
                       gate_percentile: float = GATE_PERCENTILE) -> SiteVectors:
    """Build time: cut the table to the site, embed every article, calibrate the gate."""
    full = table or load_table()
    # The site's words: all of those in article vectors, and the body's words of letters that
    # occur twice or more (one-off words are mostly code, names and typos: rows not worth shipping).
    counts: dict[str, int] = {}
    for article in articles:
        for word in basic_words(article.all_text()):
            counts[word] = counts.get(word, 0) + 1
    words = {w for w, n in counts.items() if n >= SITE_WORD_MIN and w.isalpha()}
    for article in articles:
        words.update(basic_words(article.vector_text()))
    site_pieces: set[str] = set()
    site_words: set[str] = set()
    for word in words:
        pieces = word_pieces(word, full.position)
        if pieces:
            site_pieces.update(pieces)
            site_words.add(word)
    cut = full.cut(site_pieces)
    cut = VectorTable(cut.pieces, cut.rows, cut.dims, [_scale_rounded(s) for s in cut.scales], cut.values)
    rows = []
    for article in articles:
        vector = cut.mean_vector(cut.text_rows(article.vector_text()))
        rows.append(quantise(vector)[1] if vector else b"")
    site = SiteVectors(cut, rows, gate=1.0, words=site_words)
    site.gate = calibrate_gate(site, gate_percentile)
    return site


def calibrate_gate(site: SiteVectors, percentile: float = GATE_PERCENTILE,
                   queries: int = GATE_QUERIES, seed: int = GATE_SEED) -> float:
    """The `percentile` of the best cosines that random vocabulary-word queries (1-4 whole
    words of 3+ letters from the table) reach on this site: below it, a query is no more
    like an article than random words are."""
    words = [p for p in site.table.pieces[:site.table.rows] if len(p) >= 3 and p.isalpha() and p.isascii()]
    if not words or not any(site.articles):
        return 1.0
    rng = random.Random(seed)
    bests = []
    for _ in range(queries):
        query = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        vector = site.query_vector(query)
        if vector is not None:
            bests.append(max(site.cosines(vector)))
    bests.sort()
    return round(bests[min(len(bests) - 1, int(percentile * len(bests)))], 4)


def fuse(lexical: list[int], semantic: list[int], k: int = RRF_K) -> list[int]:
    """Reciprocal rank fusion, equal weights: sum of 1 / (k + rank), rank from 1. Ties keep
    first appearance, lexical list first (search-vectors.js's fuse() is the same)."""
    scores: dict[int, float] = {}
    for ranked in (lexical, semantic):
        for rank, item in enumerate(ranked, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores, key=lambda item: -scores[item])
