"""Load `synonyms.yml`: the words customers use, mapped to the words articles use.

    refund: [money back, reimburse]      # typing "money back" also searches "refund"

Problems come back as `path:line` Problems (errors fail a strict build) rather than
exceptions, so one typo in the file never hides the others.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from nightdesk.core.problems import ERROR, WARNING, Problem, decode_text
from nightdesk.search.pipeline import ENGLISH, Language


@dataclass(frozen=True)
class SynonymGroup:
    word: str  # the word articles use, e.g. "refund"
    phrases: tuple[str, ...]  # what customers type instead, e.g. "money back"
    line: int


@dataclass(frozen=True)
class Synonyms:
    groups: tuple[SynonymGroup, ...] = ()
    problems: tuple[Problem, ...] = ()

    def for_browser(self, language: Language = ENGLISH) -> list[list[list[str]]]:
        """[[phrase stems, search terms of the word], ...] as search.js matches them.

        Phrases are matched on stems *with* stop words ("didn't turn up"), expansions
        are index terms (stop words removed, as the index has none).
        """
        table = []
        for group in self.groups:
            expansion = language.terms(group.word)
            for phrase in group.phrases:
                table.append([phrase_stems(phrase, language), expansion])
        return table


def phrase_stems(phrase: str, language: Language = ENGLISH) -> list[str]:
    words = (language.normalize_word(w) for w in language.normalize_text(phrase).split(" "))
    return [language.stem(w) for w in words if w]


def refused_synonyms(content_dir: Path | str, relative: str, shown: str) -> Synonyms | None:
    """No synonyms and an error when the file named by the `synonyms` option is outside the content folder
    (`../secrets.yml`, or a symlink out of it): nothing outside docs_dir is read. None when it may be read."""
    root = os.path.realpath(content_dir)
    path = Path(content_dir) / relative
    if not (path.exists() or path.is_symlink()):
        return None
    if os.path.commonpath([root, os.path.realpath(path)]) == root:
        return None
    return Synonyms(problems=(Problem(shown, 1, ERROR, "the synonyms file must be inside the content folder; "
                                                       "it was not read"),))


def load_synonyms(path: Path, display_path: str | None = None, language: Language = ENGLISH) -> Synonyms:
    """Read and check a synonyms file (words of the site's `language`); a missing file is simply no synonyms."""
    shown = display_path or str(path)
    if not path.exists():
        return Synonyms()
    text, unreadable = decode_text(shown, path.read_bytes())
    if unreadable:
        return Synonyms(problems=(unreadable,))
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return Synonyms(problems=(Problem(shown, line, ERROR, f"not valid YAML: {getattr(exc, 'problem', exc)}"),))
    if root is None:
        return Synonyms()
    return _check(root, shown, language)


def _check(root: yaml.Node, shown: str, language: Language) -> Synonyms:
    problems: list[Problem] = []

    def problem(node, level, message):
        problems.append(Problem(shown, node.start_mark.line + 1, level, message))

    if not isinstance(root, yaml.MappingNode):
        problem(root, ERROR, "expected `word: [synonym, ...]` lines, e.g. `refund: [money back, reimburse]`")
        return Synonyms(problems=tuple(problems))

    groups: list[SynonymGroup] = []
    owner_of_phrase: dict[tuple[str, ...], str] = {}
    line_of_word: dict[str, int] = {}
    for key_node, value_node in root.value:
        word = key_node.value.strip() if isinstance(key_node, yaml.ScalarNode) else ""
        if not word:
            problem(key_node, ERROR, "each entry needs a word before the colon")
            continue
        if word.lower() in line_of_word:
            problem(key_node, WARNING, f"'{word}' is listed twice (also line {line_of_word[word.lower()]}); both lists are used")
        line_of_word.setdefault(word.lower(), key_node.start_mark.line + 1)
        if not language.terms(word):
            problem(key_node, WARNING, f"'{word}' has only common words (like 'the'), so it adds nothing to a search")
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":str"):
            problem(value_node, ERROR, f"'{word}' needs a list: `{word}: [{value_node.value}]`")
            continue
        if not isinstance(value_node, yaml.SequenceNode) or not value_node.value:
            problem(value_node, ERROR, f"'{word}' needs a non-empty list of synonyms, e.g. `{word}: [other words]`")
            continue
        phrases = []
        for item in value_node.value:
            phrase = item.value.strip() if isinstance(item, yaml.ScalarNode) else ""
            if not phrase:
                problem(item, ERROR, f"a synonym of '{word}' is empty or not plain text")
                continue
            stems = tuple(phrase_stems(phrase, language))
            if not stems:
                problem(item, WARNING, f"synonym '{phrase}' has no letters or digits; ignored")
                continue
            if stems == tuple(phrase_stems(word, language)):
                continue  # "cancelled" for "cancel": the stemmer already finds it
            if stems in owner_of_phrase and owner_of_phrase[stems] != word:
                problem(item, WARNING, f"'{phrase}' is also a synonym of '{owner_of_phrase[stems]}'; it will search both")
            owner_of_phrase.setdefault(stems, word)
            phrases.append(phrase)
        if phrases:
            groups.append(SynonymGroup(word, tuple(phrases), key_node.start_mark.line + 1))
    return Synonyms(tuple(groups), tuple(problems))
