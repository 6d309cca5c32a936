"""`nightdesk tasks suggest`: a starter tasks.yml for content that was not written with tasks in mind.

Deterministic and general: sections come from the folder tree (below a single wrapping folder such as
Hugo's `user/`), are split when there are too few and merged by shared title words when there are too
many, so the home page offers 6-12 tasks; a flat folder is grouped by the words in its file names.
Each task is named from its section's index page, preferring a phrase that states a goal
("How to install X" -> "Install X", "Taking payments for orders"). The user edits the result.
"""
from __future__ import annotations

import math
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field

import yaml

from .articles import Article, humanize
from .compat.links import INDEX_FILES
from .knowledge_base import KnowledgeBase, section_root, task_id_for

MIN_TASKS, MAX_TASKS = 6, 12
_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_HOW_TO = re.compile(r"^(how (to|do i|can i|do you|can you|should i)|comment|wie|cómo|como)\s+", re.IGNORECASE)
HEADER = """\
# Tasks suggested by `nightdesk tasks suggest` from the folders, titles and file names of the content.
# Edit freely: name each task as the goal your readers have, move patterns between tasks, reorder them.
# `include` / `exclude` are path patterns: `billing/**` (everything below), `*invoice*` (file names).
"""


@dataclass
class Section:
    folder: str  # path below the content root, without a trailing slash ("" for loose articles)
    patterns: list[str]
    articles: list[Article]
    title: str = ""
    goal: str = ""
    exclude: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)  # titles of sections folded into this one

    @property
    def words(self) -> Counter:
        text = " ".join([self.folder.replace("_", " ").replace("-", " ")] + [a.title for a in self.articles])
        return Counter(word.lower() for word in _WORD.findall(text))


def suggest(kb: KnowledgeBase) -> list[dict]:
    """Tasks as tasks.yml entries (id, title, description, include, exclude)."""
    articles = sorted(kb.articles.values(), key=lambda a: a.path)
    if not articles:
        return []
    root = section_root([a.path for a in articles])
    sections = _folder_sections(articles, root)
    while len(sections) < MIN_TASKS and _split_largest(sections, articles):
        pass
    if len(sections) < MIN_TASKS:
        sections = _by_file_names(sections, articles, root)
    sections = _merge(sections)
    entries, seen = [], set()
    for section in sorted(sections, key=_order):
        task_id = task_id_for(posixpath.basename(section.folder.rstrip("/")) or section.goal)
        while task_id in seen:
            task_id += "-2"
        seen.add(task_id)
        entry = {"id": task_id, "title": section.goal or section.title}
        if section.merged:
            entry["description"] = ", ".join(([section.title] if section.folder else []) + section.merged)
        entry["include"] = sorted(section.patterns)
        if section.exclude:
            entry["exclude"] = sorted(section.exclude)
        entries.append(entry)
    return entries


def as_yaml(entries: list[dict]) -> str:
    body = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100) if entries else "[]\n"
    return HEADER + body


def _folder_sections(articles: list[Article], root: str) -> list[Section]:
    by_folder: dict[str, list[Article]] = {}
    for article in articles:
        rest = article.path[len(root):]
        if "/" in rest:
            by_folder.setdefault(root + rest.split("/", 1)[0], []).append(article)
    sections = [Section(folder, [f"{folder}/**"], items) for folder, items in sorted(by_folder.items())]
    for section in sections:
        _name(section, articles)
    return sections


def _split_largest(sections: list[Section], articles: list[Article]) -> bool:
    """Replace the largest section that has sub-folders by them (its own pages stay as one section)."""
    for section in sorted(sections, key=lambda s: (-len(s.articles), s.folder)):
        if not section.patterns[0].endswith("/**"):
            continue
        inner = _folder_sections(section.articles, section.folder + "/")
        if len(inner) < 2:
            continue
        own = [a for a in section.articles if "/" not in a.path[len(section.folder) + 1:]]
        sections.remove(section)
        sections.extend(inner)
        if [a for a in own if posixpath.basename(a.path) not in INDEX_FILES]:
            sections.append(Section(section.folder, [f"{section.folder}/*"], own, section.title, section.goal))
        return True
    return False


def _by_file_names(sections: list[Section], articles: list[Article], root: str) -> list[Section]:
    """Articles that are in no section yet (a flat folder), grouped by the words their file names share."""
    covered = {a.path for s in sections for a in s.articles}
    flat = [a for a in articles if a.path not in covered]
    if not flat:
        return sections
    folder = root.rstrip("/")
    prefix = f"{folder}/" if folder else ""
    words_of = {a.path: set(w.lower() for w in _WORD.findall(re.sub(r"[-_.]", " ", posixpath.basename(a.path[:-3]))))
                for a in flat}
    uncovered = set(words_of)
    groups: list[Section] = []
    while uncovered and len(sections) + len(groups) < MAX_TASKS - 1:
        counts = Counter(word for path in sorted(uncovered) for word in words_of[path])
        if not counts:
            break
        word, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
        if count < 3:
            break
        members = [a for a in flat if a.path in uncovered and word in words_of[a.path]]
        uncovered -= {a.path for a in members}
        groups.append(Section(f"{prefix}{word}", [f"{prefix}*{word}*"], members, humanize(word), humanize(word)))
    rest = [a for a in flat if a.path in uncovered]
    if rest:
        others = Section(folder or "more", [f"{prefix}*"], rest, "More topics", "More topics",
                         exclude=[g.patterns[0] for g in groups])
        groups.append(others)
    return sections + groups


def _merge(sections: list[Section]) -> list[Section]:
    """At most MAX_TASKS: each small section joins the big one whose article titles share most words."""
    if len(sections) <= MAX_TASKS:
        return sections
    ranked = sorted(sections, key=lambda s: (-len(s.articles), s.folder))
    big, small = ranked[: MAX_TASKS - 1], ranked[MAX_TASKS - 1:]
    vectors = _tf_idf(ranked)
    other: Section | None = None
    for section in small:
        scores = [(_cosine(vectors[id(section)], vectors[id(target)]), -position, target)
                  for position, target in enumerate(big)]
        score, _, best = max(scores, key=lambda item: item[:2])
        if score < 0.05:
            if other is None:
                other = Section("", [], [], "More topics", "More topics")
            best = other
        best.patterns += section.patterns
        best.articles += section.articles
        best.exclude += section.exclude
        best.merged.append(section.title)
    return big + ([other] if other else [])


def _tf_idf(sections: list[Section]) -> dict[int, dict[str, float]]:
    """Each section's title words, weighted by how rare they are among sections (so 'store' counts little)."""
    counts = {id(s): s.words for s in sections}
    frequency = Counter(word for words in counts.values() for word in words)
    vectors = {}
    for key, words in counts.items():
        vector = {w: n * math.log(len(sections) / frequency[w]) for w, n in words.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors[key] = {w: v / norm for w, v in vector.items()}
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _name(section: Section, articles: list[Article]) -> None:
    index = next((a for a in articles for name in INDEX_FILES if a.path == f"{section.folder}/{name}"), None)
    section.title = index.title if index else humanize(posixpath.basename(section.folder))
    phrases = ([index.summary] if index and index.summary else []) + [section.title]
    section.goal = next((_goal(p) for p in phrases if _goal(p)), section.title)


def _goal(phrase: str) -> str | None:
    """A phrase that states a goal, in sentence case: 'How to install Zen Cart' -> 'Install Zen Cart',
    'Taking Payments For Orders' -> 'Taking payments for orders'; None for other phrases."""
    phrase = phrase.strip().rstrip(".")
    if not phrase or phrase.endswith("?") or len(phrase.split()) > 8:
        return None
    how = _HOW_TO.match(phrase)
    if how:
        phrase = phrase[how.end():]
    elif not re.match(r"^[^\W\d_]{3,}ing\b", phrase):
        return None
    words = phrase.split()
    words = [words[0][:1].upper() + words[0][1:]] + [
        w.lower() if w[:1].isupper() and w[1:].islower() else w for w in words[1:]]
    return " ".join(words)


def _order(section: Section) -> tuple:
    """The biggest first; "More topics" last."""
    return (not section.folder, -len(section.articles), section.folder)
