"""Text pipeline shared by lunr.py (build time) and lunr.js (browser).

lunr.py 0.8.0 and lunr.js 2.3.9 disagree: lunr.py's Porter step 1c turns a final
"y" after a vowel into "i" (pay -> pai) and its trimmer keeps inner punctuation, so a
lunr.py index loaded in lunr.js misses "pay", "key", "today". We therefore register
our own functions under our own labels; `assets/search-pipeline.js` registers the
same labels in the browser. tests/search/test_differential.py proves both sides
produce the same terms.

The stemmer below is a line-by-line port of lunr.js's `porterStemmer`.
"""
from __future__ import annotations

import re
import unicodedata

from lunr.pipeline import Pipeline
from lunr.stop_word_filter import stop_word_filter

TRIMMER_LABEL = "nightdesk-trimmer"
STEMMER_LABEL = "nightdesk-stemmer"

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
    return _SEPARATORS.sub(" ", text).strip()


def normalize_word(word: str) -> str:
    """customer's -> customers, café -> cafe, "(refund)." -> refund."""
    word = unicodedata.normalize("NFD", word.lower())
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
    from lunr.tokenizer import Tokenizer

    pipeline = Pipeline()
    pipeline.add(*INDEX_PIPELINE)
    return [str(t) for t in pipeline.run(Tokenizer(normalize_text(text)))]
