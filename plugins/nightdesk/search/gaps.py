"""What readers could not find: feedback records in, a to-do list for the support writer out.

Records are what assets/feedback.js POSTs (see README.md, "After hours"), as
JSON lines or a CSV export with a header row. Failed searches are re-run through the
site's own search (nightdesk.search.query, the browser's search in Python), so
"now answered" means a reader typing it today gets a good match (not "No good match").
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from nightdesk.core.problems import WARNING, Problem
from nightdesk.search.query import SearchEngine, parse


YAML_WORDS = {"yes", "no", "y", "n", "true", "false", "on", "off", "null"}  # YAML would read these as booleans


@dataclass
class FailedSearch:
    query: str  # normalised: lower case, single spaces
    count: int
    answered: bool  # the current site finds a good match for it
    top: list[dict] = field(default_factory=list)  # [{title, url}] best first, up to 3
    did_you_mean: str = ""


@dataclass
class ArticleVotes:
    article: str
    title: str
    no: int = 0
    yes: int = 0
    comments: list[str] = field(default_factory=list)


@dataclass
class SynonymSuggestion:
    word: str  # a word the articles use (left of the colon in synonyms.yml)
    phrases: list[str]  # what readers typed instead
    searches: int  # how many failed searches it would have helped
    article: str  # title of the article it points to
    reason: str


@dataclass
class GapsReport:
    records: int
    duplicates: int
    failed_searches: list[FailedSearch]
    no_votes: list[ArticleVotes]
    synonyms: list[SynonymSuggestion]
    problems: list[Problem]
    distinct_failed: int = 0  # distinct failed searches in the records; the most frequent ANALYSED are re-run


# --- Reading records --------------------------------------------------------------------
def read_records(path: Path, shown: str | None = None) -> tuple[list[dict], list[Problem]]:
    """Records from JSON lines (or one JSON array) or CSV with a header; bad lines become Problems."""
    shown = shown or str(path)
    text = path.read_text(encoding="utf-8-sig")
    start = text.lstrip()[:1]
    if start == "[":
        return _read_json_array(text, shown)
    if start == "{":
        return _read_json_lines(text, shown)
    return _read_csv(text, shown)


# Records come from the public: printed to a terminal, an escape sequence could rewrite the screen or the
# window title. Control characters (C0, DEL, C1) and bidirectional overrides are removed from every value.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
TEXT_LIMIT = 1000  # characters kept of any value (feedback.js sends at most 1,000, a comment)


def clean_text(value) -> str:
    """A record value as one line of printable text, cut to TEXT_LIMIT characters."""
    return " ".join(_UNPRINTABLE.sub(" ", str(value)[: TEXT_LIMIT * 2]).split())[:TEXT_LIMIT]


def _check(record, shown: str, line: int, problems: list[Problem]) -> dict | None:
    if not isinstance(record, dict):
        problems.append(Problem(shown, line, WARNING, "not a record (expected {\"type\": ...}); skipped"))
        return None
    # Only plain values, as text: a list-valued id or a nested object is not something to count or print.
    record = {clean_text(k): clean_text(v) if isinstance(v, str) else v for k, v in record.items()
              if isinstance(v, (str, int, float, bool)) and v != ""}
    if record.get("type") not in ("vote", "comment", "search"):
        problems.append(Problem(shown, line, WARNING,
                                f"unknown record type {record.get('type')!r} (expected vote, comment or search); skipped"))
        return None
    return record


def _read_json_lines(text: str, shown: str) -> tuple[list[dict], list[Problem]]:
    records, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(shown, number, WARNING, f"not valid JSON ({exc.msg}); skipped"))
            continue
        except RecursionError:
            problems.append(Problem(shown, number, WARNING, "nested too deeply to be a record; skipped"))
            continue
        if (record := _check(record, shown, number, problems)) is not None:
            records.append(record)
    return records, problems


def _read_json_array(text: str, shown: str) -> tuple[list[dict], list[Problem]]:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [Problem(shown, exc.lineno, WARNING, f"not valid JSON ({exc.msg}); nothing read")]
    except RecursionError:
        return [], [Problem(shown, 1, WARNING, "nested too deeply to be a list of records; nothing read")]
    if not isinstance(items, list):
        return [], [Problem(shown, 1, WARNING, "expected a list of records; nothing read")]
    problems: list[Problem] = []
    records = [r for r in (_check(item, shown, 1, problems) for item in items) if r is not None]
    return records, problems


def _read_csv(text: str, shown: str) -> tuple[list[dict], list[Problem]]:
    reader = csv.DictReader(io.StringIO(text))
    if "type" not in (reader.fieldnames or []):
        return [], [Problem(shown, 1, WARNING, "the CSV header has no 'type' column; nothing read")]
    records, problems = [], []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # e.g. a cell larger than csv.field_size_limit(): skip that row only
            problems.append(Problem(shown, reader.line_num, WARNING, f"unreadable CSV row ({exc}); skipped"))
            continue
        if None in row:  # more cells than the header has
            problems.append(Problem(shown, reader.line_num, WARNING, "more cells than the header has columns; skipped"))
            continue
        if (record := _check(row, shown, reader.line_num, problems)) is not None:
            records.append(record)
    return records, problems


def without_duplicates(records: list[dict]) -> list[dict]:
    """A record resent after a lost reply arrives twice with the same id: count it once."""
    seen, kept = set(), []
    for record in records:
        key = record.get("id")
        if key is None or key not in seen:
            kept.append(record)
            seen.add(key)
    return kept


# --- The report -------------------------------------------------------------------------
def normalize_query(query: str) -> str:
    return " ".join(str(query).lower().split())


ANALYSED = 200
"""Distinct failed searches re-run through the search, most frequent first. The long tail (most queries
of a busy site are typed once) would take minutes to re-run and changes no decision."""


def failed_search_counts(records: list[dict]) -> Counter:
    counts = Counter(normalize_query(r.get("query", ""))[:200] for r in records
                     if r["type"] == "search" and str(r.get("results", 0)) == "0")
    counts.pop("", None)
    return counts


def failed_searches(records: list[dict], engine: SearchEngine, limit: int = ANALYSED,
                    counts: Counter | None = None) -> list[FailedSearch]:
    counts = failed_search_counts(records) if counts is None else counts
    found = []
    for query, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]:
        results = engine.answers(query)  # "No good match" is not an answer
        found.append(FailedSearch(query, count, bool(results), [{"title": r.title, "url": r.url} for r in results[:3]],
                                  "" if results else engine.suggest(query)))
    return found


def no_votes(records: list[dict]) -> list[ArticleVotes]:
    articles: dict[str, ArticleVotes] = {}
    for record in records:
        key = record.get("article") or record.get("page")
        if not key or record["type"] not in ("vote", "comment"):
            continue
        key = str(key)
        votes = articles.setdefault(key, ArticleVotes(key, str(record.get("title", key))))
        if record["type"] == "comment":
            votes.comments.append(str(record.get("comment", "")).strip())
        elif record.get("vote") in ("no", "yes"):
            setattr(votes, record["vote"], getattr(votes, record["vote"]) + 1)
    return sorted((v for v in articles.values() if v.no), key=lambda v: (-v.no, -len(v.comments), v.article))


def suggest_synonyms(searches: list[FailedSearch], engine: SearchEngine) -> list[SynonymSuggestion]:
    """For searches that still fail: the words readers used, paired with a word of the article that
    a near-identical query finds (a "did you mean" fix, or another failed search that now works)."""
    answered = [s for s in searches if s.answered]
    by_word: dict[str, SynonymSuggestion] = {}
    for search in searches:
        if search.answered:
            continue
        unknown = [w.word for w in parse(search.query + " ") if not w.stop]
        if not unknown:
            continue
        target = _via_did_you_mean(search, engine) or _via_similar_search(search, answered, engine)
        if not target:
            continue
        word, article, reason = target
        phrase = " ".join(unknown)
        suggestion = by_word.setdefault(word, SynonymSuggestion(word, [], 0, article, reason))
        if phrase not in suggestion.phrases and phrase != word:
            suggestion.phrases.append(phrase)
        suggestion.searches += search.count
    return sorted((s for s in by_word.values() if s.phrases), key=lambda s: (-s.searches, s.word))


def _via_did_you_mean(search: FailedSearch, engine: SearchEngine):
    if not search.did_you_mean:
        return None
    results = engine.answers(search.did_you_mean)
    if not results:
        return None
    changed = [fixed for typed, fixed in zip(search.query.split(), search.did_you_mean.split()) if typed != fixed]
    word = _article_word(engine, results[0]) or (changed[0] if changed else "")
    return (word, results[0].title, f'"did you mean {search.did_you_mean}" finds it') if word else None


def _via_similar_search(search: FailedSearch, answered: list[FailedSearch], engine: SearchEngine):
    """Another failed search, now answered, that differs from this one by one word."""
    mine = set(search.query.split())
    for other in answered:
        theirs = set(other.query.split())
        if mine & theirs and len(mine ^ theirs) <= 2:
            results = engine.answers(other.query)
            word = _article_word(engine, results[0])
            if word:
                return word, results[0].title, f'"{other.query}" finds it'
    return None


def _article_word(engine: SearchEngine, result) -> str:
    """The title or keyword word of the result's article that the query matched, as articles spell it."""
    own = engine.article_terms(result.article, ("title", "keywords"))
    spelled = [engine.spelling(t) for t in result.terms if t in own]
    return next((word for word in spelled if word), "")


def gaps_report(records: list[dict], engine: SearchEngine, problems: list[Problem] = (),
                limit: int = ANALYSED) -> GapsReport:
    unique = without_duplicates(records)
    counts = failed_search_counts(unique)
    searches = failed_searches(unique, engine, limit, counts)
    return GapsReport(records=len(unique), duplicates=len(records) - len(unique), failed_searches=searches,
                      no_votes=no_votes(unique), synonyms=suggest_synonyms(searches, engine), problems=list(problems),
                      distinct_failed=len(counts))


def synonym_line(suggestion: SynonymSuggestion) -> str:
    """`word: [phrase, ...]`, quoted where YAML needs it."""
    return f"{_yaml_text(suggestion.word)}: [{', '.join(_yaml_text(p) for p in suggestion.phrases)}]"


def _yaml_text(text: str) -> str:
    plain = text.replace(" ", "").replace("-", "").isalpha() and text.lower() not in YAML_WORDS
    return text if plain else json.dumps(text, ensure_ascii=False)  # a JSON string is valid YAML

