"""`nightdesk gaps FILE`: what readers could not find, from the feedback records the site collected.

Failed searches (and whether today's site answers them, through the browser's own search),
articles with the most "no" votes, and suggested lines for synonyms.yml."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from nightdesk.search.gaps import ANALYSED, GapsReport, gaps_report, read_records, synonym_line
from nightdesk.search.query import SearchEngine
from nightdesk.search.unpacking import INDEX_FILE

FORMATS = ("text", "json")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "gaps", help="what readers searched for and could not find",
        description="Read feedback records (JSON lines, or a CSV export with a header row) and report the most "
                    "frequent failed searches and whether the site answers them now, the articles with the most "
                    "'no' votes, and suggested synonyms.")
    parser.add_argument("file", type=Path, metavar="FILE", help="the records your feedback endpoint collected")
    parser.add_argument("--site", type=Path, default=Path("site"), metavar="DIR",
                        help="the built site whose search answers the failed searches (default: site/)")
    parser.add_argument("--top", type=int, default=20, metavar="N", help="show the N most frequent of each (default 20)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="text (default) or json")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not (args.site / INDEX_FILE).is_file():
        print(f"{args.site}: error: no built site with search here; build it first with `mkdocs build` "
              f"(or pass --site DIR)", file=sys.stderr)
        return 2
    try:
        records, problems = read_records(args.file)
    except OSError as exc:
        print(f"{args.file}: error: cannot read it ({exc.strerror})", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"{args.file}: error: not a text file (expected JSON lines or CSV)", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem, file=sys.stderr)
    report = gaps_report(records, SearchEngine.from_site(args.site), problems, limit=max(ANALYSED, args.top))
    print(as_json(report, args.top) if args.format == "json" else as_text(report, args.file, args.top))
    return 0


def as_text(report: GapsReport, file: Path, top: int) -> str:
    lines = [f"{report.records} records in {file}" + (f" ({report.duplicates} sent twice, counted once)"
                                                     if report.duplicates else "")]
    if report.problems:
        lines[0] += f"; {len(report.problems)} unreadable, skipped"
    analysed = len(report.failed_searches)
    more = (f" ({report.distinct_failed:,} distinct; the {analysed:,} most frequent re-run)"
            if report.distinct_failed > analysed else "")
    lines += ["", f"Failed searches, most frequent first{more}:"]
    for search in report.failed_searches[:top]:
        if search.answered:
            status = f"now finds: {search.top[0]['title']} ({search.top[0]['url']})"
        else:
            status = "still finds nothing" + (f' (did you mean "{search.did_you_mean}"?)' if search.did_you_mean else "")
        lines.append(f"  {search.count:>4}  {search.query}  ->  {status}")
    if not report.failed_searches:
        lines.append("  none")
    lines += ["", 'Articles with the most "no" votes:']
    for votes in report.no_votes[:top]:
        comments = f", {len(votes.comments)} comment{'s' if len(votes.comments) != 1 else ''}" if votes.comments else ""
        lines.append(f"  {votes.no:>4} no, {votes.yes} yes{comments}  {votes.title} ({votes.article})")
        lines += [f"          \u201c{c}\u201d" for c in votes.comments[-3:]]
    if not report.no_votes:
        lines.append("  none")
    lines += ["", "Suggested synonyms (check each before adding it to synonyms.yml; "
                  "if the word is already there, add the phrases to its line):"]
    for suggestion in report.synonyms[:top]:
        searches = f"{suggestion.searches} failed search{'es' if suggestion.searches != 1 else ''}"
        lines.append(f"  {synonym_line(suggestion)}  # {searches}; "
                     f"{suggestion.reason}: {suggestion.article}")
    if not report.synonyms:
        lines.append("  none")
    return "\n".join(lines)


def as_json(report: GapsReport, top: int) -> str:
    return json.dumps({
        "records": report.records,
        "duplicates": report.duplicates,
        "distinct_failed_searches": report.distinct_failed,
        "failed_searches": [asdict(s) for s in report.failed_searches[:top]],
        "no_votes": [asdict(v) for v in report.no_votes[:top]],
        "suggested_synonyms": [{**asdict(s), "line": synonym_line(s)} for s in report.synonyms[:top]],
        "problems": [{"path": p.path, "line": p.line, "level": p.level, "message": p.message} for p in report.problems],
    }, indent=2, ensure_ascii=False)
