"""Plain language for tired readers on a phone: a reading-grade estimate, steps short enough to follow,
and numbered steps in every how-to.

The grade is Flesch-Kincaid: 0.39 x words per sentence + 11.8 x syllables per word - 15.59, which is
roughly the years of school a reader needs. Syllables are estimated by counting vowel groups, so treat
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


@dataclass
class Block:
    line: int  # where it starts in the file
    text: str  # plain words
    step: bool  # a numbered list item


def check(kb: KnowledgeBase, settings: CheckSettings) -> list[Problem]:
    problems = []
    for article in kb.articles.values():
        path = kb.prefix + article.path
        blocks = prose_blocks(article)
        grade, longest = reading_grade(blocks)
        if grade is not None and grade > settings.max_grade:
            hint = f"; the longest sentence, on line {longest[0]}, has {longest[1]} words" if longest else ""
            problems.append(Problem(path, _first_line(article), WARNING,
                                    f"reads at school grade {grade:.1f} (aim for {settings.max_grade:g} or lower){hint}:"
                                    f" use shorter sentences and everyday words"))
        for block in blocks:
            words = len(_WORD.findall(block.text))
            if block.step and words > settings.max_step_words:
                problems.append(Problem(path, block.line, WARNING,
                                        f"step is {words} words long (aim for {settings.max_step_words} or fewer): "
                                        f"one action per step is easier to follow on a phone"))
        if article.meta.kind == "how-to" and not article.steps:
            problems.append(Problem(path, article.line_of("kind"), WARNING,
                                    "a how-to needs numbered steps (1. 2. 3.); if the article explains rather than "
                                    "instructs, make it 'kind: concept'", field="kind"))
    return problems


def prose_blocks(article: Article) -> list[Block]:
    """Paragraphs and list items as plain text; headings, tables, HTML and code are left out."""
    blocks: list[Block] = []
    current: Block | None = None
    for line, text in prose_lines(article):
        item = _LIST_ITEM.match(text)
        if not text.strip() or _NOT_PROSE.match(text) or item:
            current = None
            if not item:
                continue
            text = text[item.end():]
        if current is None:
            current = Block(line, "", bool(item and item.group(1)))
            blocks.append(current)
        current.text += " " + plain_text(_ATTRS.sub(" ", text))
    return [b for b in blocks if b.text.strip()]


def reading_grade(blocks: list[Block]) -> tuple[float | None, tuple[int, int] | None]:
    """Flesch-Kincaid grade of the blocks, and (line, words) of the longest sentence."""
    sentences = 0
    words = 0
    syllables = 0
    longest: tuple[int, int] | None = None
    for block in blocks:
        for sentence in _SENTENCE_END.split(block.text.strip()):
            found = _WORD.findall(sentence)
            if not found:
                continue
            sentences += 1
            words += len(found)
            syllables += sum(count_syllables(word.lower()) for word in found)
            if longest is None or len(found) > longest[1]:
                longest = (block.line, len(found))
    if not words:
        return None, None
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59, longest


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
