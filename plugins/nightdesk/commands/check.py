"""`nightdesk check`: every problem as `path:line: level: message`, a summary line and a short health
report; exit 1 when there is an error. Settings come from mkdocs.yml, so this agrees with `mkdocs build`."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from nightdesk.core.checks import CheckReport, run_checks
from nightdesk.core.knowledge_base import KnowledgeBase
from nightdesk.search.synonyms import load_synonyms, refused_synonyms
from nightdesk.core.problems import group_by_cause, limit_per_cause

from .site_config import add_site_arguments, load_site_config

FORMATS = ("text", "json", "github")
LISTED_PER_CAUSE = 10


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="find what is wrong before publishing",
        description="Check every article: front matter, links and images, structure, plain language and "
                    "review dates. Exits 1 when there is an error; warnings are listed but do not fail.")
    add_site_arguments(parser)
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="text (default), json, or github for GitHub Actions annotations "
                             "(the default when GITHUB_ACTIONS=true)")
    parser.add_argument("--all", action="store_true",
                        help=f"list every problem (text lists at most {LISTED_PER_CAUSE} of each cause, then counts them)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    site = load_site_config(args.config)  # a broken mkdocs.yml is reported by nightdesk.cli
    content_dir = args.content_dir or site.content_dir
    if not content_dir.is_dir():
        print(f"{content_dir}: error: no such folder; pass the folder of articles, e.g. `nightdesk check content`",
              file=sys.stderr)
        return 2
    prefix = "" if Path(os.path.relpath(content_dir)) == Path(".") else Path(os.path.relpath(content_dir)).as_posix() + "/"
    kb = KnowledgeBase.load(content_dir, tasks_file=site.tasks_file, aliases=site.aliases, prefix=prefix,
                            compat=site.compat)
    report = run_checks(kb, _content_files(content_dir), site.checks, tasks_file=site.tasks_file)
    # synonyms.yml is read by search during `mkdocs build`; its problems fail both the same way.
    shown = prefix + site.synonyms_file
    synonyms = (refused_synonyms(content_dir, site.synonyms_file, shown)
                or load_synonyms(content_dir / site.synonyms_file, display_path=shown))
    report.found["knowledge-base"] += list(synonyms.problems) + kb.redirects()[1]  # as the build reports them
    output_format = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if output_format == "text":
        print(as_text(report, None if args.all else LISTED_PER_CAUSE))
    else:
        print({"json": as_json, "github": as_github}[output_format](report))
    return 1 if report.errors else 0


def _content_files(content_dir: Path) -> list[str]:
    return [p.relative_to(content_dir).as_posix() for p in content_dir.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(content_dir).parts)]


def as_text(report: CheckReport, per_cause: int | None = None) -> str:
    """Every problem (at most `per_cause` of each cause), the count per cause, the summary and health."""
    shown, hidden = limit_per_cause(report.problems, per_cause)
    lines = [str(problem) for problem in shown]
    if hidden:
        lines.append(f"... {hidden:,} more problems of the same causes; `nightdesk check --all` lists them")
    groups = group_by_cause(report.problems)
    if any(len(group.problems) > 1 for group in groups):
        lines += ["", "Problems by cause:", *(f"  {group}" for group in groups)]
    lines += ["", report.summary, *_health_lines(report)]
    return "\n".join(lines).lstrip("\n")


def as_json(report: CheckReport) -> str:
    return json.dumps({
        "summary": {"articles": report.articles, "errors": len(report.errors), "warnings": len(report.warnings)},
        "problems": [{"path": p.path, "line": p.line, "level": p.level, "message": p.message, "check": family}
                     for family, problems in report.found.items() for p in problems],
        "causes": [{"cause": g.cause, "level": g.level, "count": len(g.problems),
                    "first": f"{g.first.path}:{g.first.line}"} for g in group_by_cause(report.problems)],
        "health": report.health,
    }, indent=2, ensure_ascii=False)


def as_github(report: CheckReport) -> str:
    """Workflow commands: each problem shows on the pull request's changed lines."""
    lines = [f"::{p.level} file={_escape_property(p.path)},line={p.line},title=nightdesk check::{_escape(p.message)}"
             for p in report.problems]
    return "\n".join(lines + [report.summary, *_health_lines(report)])


def _health_lines(report: CheckReport) -> list[str]:
    health = report.health
    per_task = ", ".join(f"{title} {count}" for title, count in health["articles_per_task"].items())
    lines = [f"Articles per task: {per_task or 'no tasks'}"]
    if health["in_no_task"]:
        lines.append(f"In no task: {health['in_no_task']}")
    stale = f"Stale (not reviewed recently): {health['stale']}"
    if health["oldest_review"]:
        stale += f"; oldest review {health['oldest_review']}"
    lines.append(stale)
    if health["never_reviewed"]:
        lines.append(f"No 'reviewed' date: {health['never_reviewed']}")
    return lines


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape(text).replace(":", "%3A").replace(",", "%2C")
