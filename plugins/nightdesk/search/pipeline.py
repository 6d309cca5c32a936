"""Text pipeline shared by lunr.py (build time) and lunr.js (browser).

lunr.py 0.8.0 and lunr.js 2.3.9 disagree: lunr.py's Porter step 1c turns a final
"y" after a vowel into "i" (pay -> pai) and its trimmer keeps inner punctuation, so a
lunr.py index loaded in lunr.js misses "pay", "key", "today". We therefore register
our own functions under our own labels; `assets/search-pipeline.js` registers the
same labels in the browser. tests/search/test_differential.py proves both sides
produce the same terms.

The English stemmer below is a line-by-line port of lunr.js's `porterStemmer`.

Other languages (`language_for("fr")`): the Snowball stemmer of `snowballstemmer` here and of
lunr-languages in the browser (the copy mkdocs-material ships, published at build time by
`browser_language_script`; never committed), the stop words of that same lunr-languages file (read here,
written into the browser script), elision (l'état -> etat) and, for German and Dutch, compound words
split against the site's own vocabulary at build time (zahlungserinnerung also indexed as erinnerung).
Accents are folded before stemming on both sides, so "etat" finds "état".
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path

from lunr.pipeline import Pipeline
from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token

TRIMMER_LABEL = "nightdesk-trimmer"
STEMMER_LABEL = "nightdesk-stemmer"
COMPOUNDS_LABEL = "nightdesk-compounds"  # index pipeline only: never serialised, so never loaded
STOP_WORDS_LABEL = "stopWordFilter"  # lunr's own label: only the search pipeline (the stemmer) is serialised

# Characters that separate words, identical in search-pipeline.js. Collapsing them to
# one space before lunr sees the text keeps lunr.py's and lunr.js's tokenizers in step.
_SEPARATORS = re.compile(
    "[\\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    "\\-\u2010-\u2015\u2212/|]+"
)
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc`]")
_EDGE_NON_WORD = re.compile(r"^[\W_]+|[\W_]+$")  # not a letter or digit, at either end


def normalize_text(text: str) -> str:
    """One space between words, so both tokenizers split the same way."""
    if text.isascii():  # most sections: the same in half the time (re's \s is what str.isspace() is)
        return " ".join(text.replace("-", " ").replace("/", " ").replace("|", " ").split())
    return _SEPARATORS.sub(" ", text).strip()


def normalize_word(word: str) -> str:
    """customer's -> customers, café -> cafe, "(refund)." -> refund."""
    word = word.lower()
    if not word.isascii():  # ASCII has no accents to take off (most words: every new word of a build)
        word = unicodedata.normalize("NFD", word)
        word = "".join(ch for ch in word if not unicodedata.category(ch).startswith("M"))
    word = _APOSTROPHES.sub("", word)
    return _EDGE_NON_WORD.sub("", word)


# --- Porter stemmer, ported from lunr.js 2.3.9 -------------------------------------
_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
    "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
    "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
    "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
_mgr0 = re.compile("^(" + _C + ")?" + _V + _C)
_meq1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")
_mgr1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)
_s_v = re.compile("^(" + _C + ")?" + _v)

_re_1a = re.compile(r"^(.+?)(ss|i)es$")
_re2_1a = re.compile(r"^(.+?)([^s])s$")
_re_1b = re.compile(r"^(.+?)eed$")
_re2_1b = re.compile(r"^(.+?)(ed|ing)$")
_re_1b_2 = re.compile(r".$")
_re2_1b_2 = re.compile(r"(at|bl|iz)$")
_re3_1b_2 = re.compile(r"([^aeiouylsz])\1$")
_re4_1b_2 = re.compile("^" + _C + _v + "[^aeiouwxy]$")
_re_1c = re.compile(r"^(.+?[^aeiou])y$")
_re_2 = re.compile("^(.+?)(" + "|".join(_STEP2) + ")$")
_re_3 = re.compile("^(.+?)(" + "|".join(_STEP3) + ")$")
_re_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
_re2_4 = re.compile(r"^(.+?)(s|t)(ion)$")
_re_5 = re.compile(r"^(.+?)e$")
_re_5_1 = re.compile(r"ll$")
_re3_5 = re.compile("^" + _C + _v + "[^aeiouwxy]$")


def _drop_last(w: str) -> str:
    return _re_1b_2.sub("", w, count=1)  # JS String.replace replaces the first match only


@lru_cache(maxsize=16)  # the index stems each new word twice in a row: as a term, and as a form of it
def stem(w: str) -> str:
    """Porter stem of a lower-case word, exactly as lunr.js computes it."""
    if len(w) < 3:
        return w
    first = w[0]
    if first == "y":
        w = "Y" + w[1:]

    if (fp := _re_1a.match(w)) or (fp := _re2_1a.match(w)):  # step 1a
        w = fp.group(1) + fp.group(2)

    if fp := _re_1b.match(w):  # step 1b
        if _mgr0.match(fp.group(1)):
            w = _drop_last(w)
    elif fp := _re2_1b.match(w):
        if _s_v.match(fp.group(1)):
            w = fp.group(1)
            if _re2_1b_2.search(w):
                w += "e"
            elif _re3_1b_2.search(w):
                w = _drop_last(w)
            elif _re4_1b_2.match(w):
                w += "e"

    if fp := _re_1c.match(w):  # step 1c: y -> i only after a consonant
        w = fp.group(1) + "i"

    if (fp := _re_2.match(w)) and _mgr0.match(fp.group(1)):  # step 2
        w = fp.group(1) + _STEP2[fp.group(2)]

    if (fp := _re_3.match(w)) and _mgr0.match(fp.group(1)):  # step 3
        w = fp.group(1) + _STEP3[fp.group(2)]

    if fp := _re_4.match(w):  # step 4
        if _mgr1.match(fp.group(1)):
            w = fp.group(1)
    elif fp := _re2_4.match(w):
        if _mgr1.match(fp.group(1) + fp.group(2)):
            w = fp.group(1) + fp.group(2)

    if fp := _re_5.match(w):  # step 5
        s = fp.group(1)
        if _mgr1.match(s) or (_meq1.match(s) and not _re3_5.match(s)):
            w = s
    if _re_5_1.search(w) and _mgr1.match(w):
        w = _drop_last(w)

    if first == "y":
        w = "y" + w[1:]
    return w


# --- lunr pipeline functions ---------------------------------------------------------
def nightdesk_trimmer(token, i=None, tokens=None):
    """Normalise a token; dropping it (None) when nothing word-like is left."""
    token.update(lambda s, metadata=None: normalize_word(s))
    return token if str(token) else None


def nightdesk_stemmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: stem(s))


Pipeline.register_function(nightdesk_trimmer, TRIMMER_LABEL)
Pipeline.register_function(nightdesk_stemmer, STEMMER_LABEL)

INDEX_PIPELINE = (nightdesk_trimmer, stop_word_filter, nightdesk_stemmer)
SEARCH_PIPELINE = (nightdesk_stemmer,)


def terms(text: str) -> list[str]:
    """The index terms lunr.py makes of `text` (used by tests and by the synonym table)."""
    return ENGLISH.terms(text)


# --- Languages ---------------------------------------------------------------------------
# Snowball algorithm names of the languages nightdesk searches beyond English (lunr-languages file names).
SNOWBALL = {"fr": "french", "de": "german", "es": "spanish", "it": "italian", "nl": "dutch", "pt": "portuguese"}
# Words that lose their vowel before another word ("l'état", "qu'il", "dell'ordine"): the part before
# the apostrophe is dropped. Portuguese and Spanish barely elide; German and Dutch do not.
ELISIONS = {
    "fr": ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"),
    "it": ("c", "d", "l", "m", "n", "s", "t", "v", "all", "dall", "dell", "nell", "sull", "coll", "un",
           "quest", "quell", "bell", "buon", "sant"),
}
# Compound words are split for these languages, with the letters that may join two parts (Fugenelemente).
COMPOUND_LINKS = {"de": ("", "s", "es", "n", "en", "e", "er"), "nl": ("", "s", "en", "e")}
COMPOUND_MIN_PART = 4  # shorter parts ("ver", "aus") are prefixes more often than words
UNKNOWN_HEAD_MIN = 6  # a head the site never uses alone must be this long ("best|ellung" is not a compound)
LUNR_LANGUAGES = "templates/assets/javascripts/lunr/min"  # inside the installed mkdocs-material package
_STOP_WORDS_JS = re.compile(r'generateStopWordFilter\("([^"]*)"\.split\(" "\)\)')


def lunr_languages_dir() -> Path:
    return Path(str(resources.files("material"))) / LUNR_LANGUAGES


@cache
def _snowball(name: str):
    import snowballstemmer

    return snowballstemmer.stemmer(name)


@cache
def _lunr_stop_words(code: str) -> frozenset[str]:
    """The stop words lunr-languages uses for `code`, accents folded as every word is before lookup."""
    source = (lunr_languages_dir() / f"lunr.{code}.min.js").read_text(encoding="utf-8")
    match = _STOP_WORDS_JS.search(source)
    if not match:
        raise RuntimeError(f"no stop word list found in lunr.{code}.min.js of mkdocs-material")
    return frozenset(w for w in (normalize_word(word) for word in match.group(1).split(" ")) if w)


@dataclass(frozen=True, eq=False)
class Language:
    """The text pipeline of one language; `compounds` maps a word to its parts (see with_compounds)."""
    code: str
    stop_words: frozenset[str] = field(repr=False)
    elisions: tuple[str, ...] = ()
    compounds: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def normalize_text(self, text: str) -> str:
        return normalize_text(text)

    def normalize_word(self, word: str) -> str:
        """l'État -> etat (French), customer's -> customers (English)."""
        if self.elisions:
            word = _elide(word, self.elisions)
        return normalize_word(word)

    def stem(self, word: str) -> str:
        return stem(word) if self.code == "en" else _snowball(SNOWBALL[self.code]).stemWord(word)

    def is_stop_word(self, word: str) -> bool:
        return word in self.stop_words

    def terms(self, text: str) -> list[str]:
        """The index terms lunr.py makes of `text` in this language."""
        from lunr.tokenizer import Tokenizer

        pipeline = Pipeline()
        pipeline.add(*self.index_pipeline())
        return [str(t) for t in pipeline.run(Tokenizer(self.normalize_text(text)))]

    # lunr pipeline functions, under the labels the browser registers (search-pipeline.js).
    def index_pipeline(self) -> tuple:
        if self.code == "en" and not self.compounds:
            return INDEX_PIPELINE
        return self._functions[:4]

    def search_pipeline(self) -> tuple:
        return SEARCH_PIPELINE if self.code == "en" else (self._functions[3],)

    @cached_property
    def _functions(self) -> tuple:
        def trimmer(token, i=None, tokens=None):
            token.update(lambda s, metadata=None: self.normalize_word(s))
            return token if str(token) else None

        def compound_splitter(token, i=None, tokens=None):
            parts = self.compounds.get(str(token))
            return [token] + [Token(part, dict(token.metadata or {})) for part in parts] if parts else token

        def stop_word_filter(token, i=None, tokens=None):
            return None if str(token) in self.stop_words else token

        def stemmer(token, i=None, tokens=None):
            return token.update(lambda s, metadata=None: self.stem(s))

        for function, label in ((trimmer, TRIMMER_LABEL), (compound_splitter, COMPOUNDS_LABEL),
                                (stop_word_filter, STOP_WORDS_LABEL), (stemmer, STEMMER_LABEL)):
            function.label = label
        return trimmer, compound_splitter, stop_word_filter, stemmer

    def with_compounds(self, texts: Iterable[str]) -> "Language":
        """This language, with its compound words split against the vocabulary of `texts` (the site's
        own words), for German and Dutch: 'zahlungserinnerung' -> ['zahlung', 'erinnerung'] when the
        site also uses 'Zahlung' or 'Erinnerung'. Other languages are returned as they are."""
        links = COMPOUND_LINKS.get(self.code)
        if not links:
            return self
        vocabulary = {w for text in texts for w in (self.normalize_word(raw) for raw in normalize_text(text).split(" "))
                      if len(w) >= COMPOUND_MIN_PART and w.isalpha() and w not in self.stop_words}
        # A part is known when the site uses it or a word with the same stem ("zahlung" from "Zahlungen").
        known = vocabulary | {self.stem(w) for w in vocabulary}
        compounds = {}
        for word in vocabulary:
            if len(word) < 2 * COMPOUND_MIN_PART:
                continue
            parts = _split_compound(word, known, links)
            if parts:
                compounds[word] = parts
        return Language(self.code, self.stop_words, self.elisions, compounds)

    def for_browser(self) -> dict:
        """What search-pipeline.js needs besides the lunr-languages stemmer (compounds are only indexed)."""
        return {"code": self.code, "stopWords": sorted(self.stop_words) if self.code != "en" else None,
                "elisions": list(self.elisions)}


def _elide(word: str, elisions: tuple[str, ...]) -> str:
    """"l'état" -> "état", "qu’il" -> "il"; any other apostrophe is left for normalize_word."""
    match = _ELISION.match(word)
    if match and match.group(1).lower() in elisions and match.group(2):
        return match.group(2)
    return word


_ELISION = re.compile("^([^'\u2018\u2019\u02bc`]+)['\u2018\u2019\u02bc`](.*)$")


def _split_compound(word: str, vocabulary: set[str], links: tuple[str, ...]) -> list[str]:
    """The parts of `word` worth indexing: its head (the last part, what the word is) and first part,
    where the head is a word of the site, or the first part less a joining letter is ('zahlungs|erinnerung'
    since the site says 'Zahlung'); nested compounds too. A known head wins, then the longer joining
    letters ('zahlungs|erinnerung' over 'zahlung|serinnerung')."""
    n = COMPOUND_MIN_PART
    best = None  # (head known, joining letters, cut, base)
    for cut in range(n, len(word) - n + 1):
        left, head = word[:cut], word[cut:]
        head_known = head in vocabulary
        base = next((left[: len(left) - len(link)] for link in sorted(links, key=len, reverse=True)
                     if left.endswith(link) and len(left) - len(link) >= n
                     and left[: len(left) - len(link)] in vocabulary), None)
        if not head_known and (base is None or len(head) < UNKNOWN_HEAD_MIN):
            continue
        candidate = (head_known, len(left) - len(base) if base else -1, cut, base)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None:
        return []
    head, base = word[best[2]:], best[3]
    return ([base] if base else []) + [head] + _split_compound(head, vocabulary, links)


@cache
def language_for(code: str | None) -> Language:
    """The pipeline of a site language ('fr', 'pt-BR'); a language nightdesk cannot stem is searched as English."""
    base = re.split(r"[-_]", (code or "en").strip())[0].lower()
    if base not in SNOWBALL:
        return ENGLISH
    return Language(base, _lunr_stop_words(base), ELISIONS.get(base, ()))


def browser_language_script(language: Language) -> str:
    """assets/nightdesk/search-language.js: lunr-languages' stemmer for the language (from the installed
    mkdocs-material, as it ships it) and the settings search-pipeline.js reads. Loaded after lunr.js."""
    settings = json.dumps(language.for_browser(), ensure_ascii=False, separators=(",", ":"))
    parts = []
    if language.code != "en":
        folder = lunr_languages_dir()
        parts = [(folder / name).read_text(encoding="utf-8")
                 for name in ("lunr.stemmer.support.min.js", f"lunr.{language.code}.min.js")]
    return ";\n".join(parts + [f"window.nightdeskLanguage = {settings};\n"])


ENGLISH = Language("en", frozenset(ENGLISH_STOP_WORDS))
