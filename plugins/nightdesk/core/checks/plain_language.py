"""Plain language for tired readers on a phone: a reading-grade estimate, steps short enough to follow,
and numbered steps in every how-to.

The grade is Flesch-Kincaid for English: 0.39 x words per sentence + 11.8 x syllables per word - 15.59,
which is roughly the years of school a reader needs. Other languages use their own adaptation of Flesch's
reading ease (READING_EASE: Kandel-Moles for French, Amstad for German, Fernandez Huerta as corrected by
Law for Spanish, Flesch-Vacca for Italian, Douma for Dutch, Martins et al. for Portuguese), turned into
a school grade with Flesch's own table, so `max_grade` means the same everywhere; a language without a
formula is not graded. Syllables are estimated by counting vowel groups, so treat
the number as a signal, not a measurement. (textstat was considered: it now downloads a pronunciation
dictionary at run time, and a check must work with no network.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..articles import Article, plain_text
from ..knowledge_base import KnowledgeBase
from ..problems import WARNING, Problem
from .settings import CheckSettings
from .text import prose_lines

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|(\d{1,3})[.)])\s+")
_NOT_PROSE = re.compile(r"^\s*(#|\||<|!!!|\?\?\?|:::|\[[^\]]+\]:|-{3,}\s*$)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+")
_ATTRS = re.compile(r"\{[^}]*\}|<[^>]+>")
_SILENT_ENDING = re.compile(r"(?<=[^laeiouy])es$|(?<=[^laeiouytd])ed$|(?<=[^laeiouy])e$")
_VOWEL_GROUP = re.compile(r"[aeiouy]{1,2}")
_WORD_ANY = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")  # letters of any alphabet (können, état)
_VOWELS_ANY = re.compile(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûüÿ]+")
_FRENCH_SILENT = re.compile(r"(?<=[^aeiouyéèê])e?s?$")  # "facture(s)": the final e is not heard
# Lowercase ASCII without these has for words its runs of a-z (reading_grade finds them by _LETTERS_ONLY).
_NOT_LETTER_RUNS = re.compile(r"[0-9'\n]")
_LETTERS_ONLY = bytes(byte if 97 <= byte <= 122 or byte == 10 else 32 for byte in range(256))  # a-z and \n kept
READING_EASE = {  # language: (base, x words per sentence, x syllables per word)
    "fr": (207.0, 1.015, 73.6),    # Kandel & Moles (1958)
    "de": (180.0, 1.0, 58.5),      # Amstad (1978)
    "es": (206.84, 1.02, 60.0),    # Fernandez Huerta (1959), as corrected by Law (2011)
    "it": (217.0, 1.3, 60.0),      # Flesch-Vacca (Franchina & Vacca, 1972)
    "nl": (206.835, 0.93, 77.0),   # Douma (1960)
    "pt": (248.835, 1.015, 84.6),  # Martins et al. (1996), Brazilian Portuguese
}
# Flesch's table: reading ease -> US school grade (90-100: 5th, 80-90: 6th, 70-80: 7th, 60-70: 8th-9th,
# 50-60: 10th-12th, 30-50: college, 0-30: graduate), through the middle of each band.
_EASE_TO_GRADE = ((95.0, 5.0), (85.0, 6.0), (75.0, 7.0), (65.0, 8.5), (55.0, 11.0), (40.0, 14.5), (15.0, 18.0))


@dataclass
class Block:
    line: int  # where it starts in the file
    text: str  # plain words
    step: bool  # a numbered list item


MIN_GRADED_WORDS = 20
"""Below this many words a reading grade is noise ("Manage orders." would read at grade 9): not reported."""


def check_article(kb: KnowledgeBase, article: Article, settings: CheckSettings,
                  lines: list[tuple[int, str]]) -> list[Problem]:
    """The plain-language problems of one article, given its prose lines (checks.text); call
    `clear_caches` after the last article."""
    problems = []
    path = kb.prefix + article.path
    blocks = prose_blocks(article, lines)
    grade, longest, block_words = _grade(blocks, settings.language)
    if grade is not None and grade > settings.max_grade and _graded(blocks):
        hint = f"; the longest sentence, on line {longest[0]}, has {longest[1]} words" if longest else ""
        problems.append(Problem(path, _first_line(article), WARNING,
                                f"reads at school grade {grade:.1f} (aim for {settings.max_grade:g} or lower){hint}:"
                                f" use shorter sentences and everyday words"))
    for index, block in enumerate(blocks):
        if not block.step:
            continue
        # Steps are counted in English words (_WORD), which the grade has counted already for English.
        words = block_words[index] if block_words is not None else len(_WORD.findall(block.text))
        if words > settings.max_step_words:
            problems.append(Problem(path, block.line, WARNING,
                                    f"step is {words} words long (aim for {settings.max_step_words} or fewer): "
                                    f"one action per step is easier to follow on a phone"))
    if article.meta.kind == "how-to" and not article.steps:
        problems.append(Problem(path, article.line_of("kind"), WARNING,
                                "a how-to needs numbered steps (1. 2. 3.); if the article explains rather than "
                                "instructs, make it 'kind: concept'", field="kind"))
    return problems


def clear_caches() -> None:
    """The syllable counts pay off within one run; kept, they would sit through the rest of a site build."""
    count_syllables.cache_clear()
    count_syllables_in.cache_clear()


def _graded(blocks: list[Block]) -> bool:
    """Enough words for a reading grade to mean something."""
    words = 0
    for block in blocks:  # counted only until there are enough: most articles pass on their first blocks
        words += len(_WORD_ANY.findall(block.text))
        if words >= MIN_GRADED_WORDS:
            return True
    return False


def prose_blocks(article: Article, lines: list[tuple[int, str]] | None = None) -> list[Block]:
    """Paragraphs and list items as plain text; headings, tables, HTML and code are left out. `lines`:
    the article's prose lines, when the caller has them already."""
    blocks: list[Block] = []
    current: Block | None = None
    for line, text in prose_lines(article) if lines is None else lines:
        item = _LIST_ITEM.match(text)
        if not text.strip() or _NOT_PROSE.match(text) or item:
            current = None
            if not item:
                continue
            text = text[item.end():]
        if current is None:
            current = Block(line, "", bool(item and item.group(1)))
            blocks.append(current)
        current.text += " " + plain_text(_ATTRS.sub(" ", text) if "{" in text or "<" in text else text)
    return [b for b in blocks if b.text.strip()]


def reading_grade(blocks: list[Block], language: str = "en") -> tuple[float | None, tuple[int, int] | None]:
    """School grade of the blocks in `language`, and (line, words) of the longest sentence; (None, None)
    when there is nothing to grade or no formula for the language."""
    return _grade(blocks, language)[:2]


def _grade(blocks: list[Block], language: str) -> tuple[float | None, tuple[int, int] | None, list[int] | None]:
    """reading_grade, and the words of each block when they are English words (_WORD), else None."""
    code = language.replace("_", "-").split("-")[0].lower()
    if code != "en" and code not in READING_EASE:
        return None, None, None
    word_pattern = _WORD if code == "en" else _WORD_ANY
    syllables_of = count_syllables if code == "en" else (lambda word: count_syllables_in(word, code))
    sentences = 0
    words = 0
    syllables = 0
    longest: tuple[int, int] | None = None
    block_words: list[int] = []
    for block in blocks:
        block_words.append(0)
        text = block.text.strip()
        lowered = text.isascii()  # then lowering the block lowers each of its words, in one call
        if lowered:
            text = text.lower()
        pieces = _SENTENCE_END.split(text)
        if lowered and not _NOT_LETTER_RUNS.search(text):
            # Without digits or apostrophes (or line breaks, used as the mark between sentences), the words of
            # lowercase ASCII text are its runs of a-z, which a byte translation finds several times faster
            # than the word pattern: the same words, by sentence.
            words_by_sentence = [part.split() for part in
                                 "\n".join(pieces).encode().translate(_LETTERS_ONLY).decode().split("\n")]
        else:
            words_by_sentence = [word_pattern.findall(sentence) for sentence in pieces]
        for found in words_by_sentence:
            if not found:
                continue
            sentences += 1
            count = len(found)
            words += count
            block_words[-1] += count  # the block's sentences hold all its words: none spans a sentence end
            syllables += sum(map(syllables_of, found if lowered else map(str.lower, found)))
            if longest is None or count > longest[1]:
                longest = (block.line, count)
    if not words:
        return None, None, block_words if code == "en" else None
    if code == "en":
        return 0.39 * words / sentences + 11.8 * syllables / words - 15.59, longest, block_words
    base, per_sentence_word, per_syllable = READING_EASE[code]
    grade = grade_of_ease(base - per_sentence_word * words / sentences - per_syllable * syllables / words)
    return grade, longest, None


def grade_of_ease(ease: float) -> float:
    """Flesch's reading ease as a school grade, along _EASE_TO_GRADE (straight lines beyond its ends)."""
    points = _EASE_TO_GRADE
    if ease >= points[0][0]:
        return points[0][1] - (ease - points[0][0]) / 10
    for (high, grade_high), (low, grade_low) in zip(points, points[1:]):
        if ease >= low:
            return grade_low + (grade_high - grade_low) * (ease - low) / (high - low)
    return points[-1][1] + (points[-1][0] - ease) / 10


@lru_cache(maxsize=65536)
def count_syllables_in(word: str, language: str) -> int:
    """Vowel groups (accented vowels included) of a lowercase word; French drops its silent final -e(s)."""
    if word.isdigit():
        return 1
    if language == "fr" and len(word) > 3:
        word = _FRENCH_SILENT.sub("", word)
    return max(1, len(_VOWELS_ANY.findall(word)))


@lru_cache(maxsize=65536)  # a knowledge base uses a few thousand distinct words, over and over
def count_syllables(word: str) -> int:
    """Vowel groups of a lowercase word, less a silent final -e / -es / -ed ("makes", "tapped", but not
    "refunded"); at least one."""
    if len(word) <= 3 or word.isdigit():
        return 1
    word = _SILENT_ENDING.sub("", word)
    if word.startswith("y"):
        word = word[1:]
    return max(1, len(_VOWEL_GROUP.findall(word)))


def _first_line(article: Article) -> int:
    return next((h.line for h in article.headings if h.level == 1), article.body_line)
