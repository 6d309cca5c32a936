"""`nightdesk tasks suggest [CONTENT_DIR]`: a starter tasks.yml for content that has none."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nightdesk.core.knowledge_base import KnowledgeBase
from nightdesk.core.suggest import as_yaml, suggest

from .site_config import add_site_arguments, load_site_config


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("tasks", help="work with the task taxonomy (tasks.yml)",
                                   description="Work with tasks.yml, the list of goals the home page offers.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    suggest_parser = actions.add_parser(
        "suggest", help="propose a tasks.yml from the folders, titles and file names",
        description="Propose 6-12 tasks from the content's folders, titles and file names. Prints the YAML; "
                    "--write saves it as the site's tasks.yml (never over an existing one).")
    add_site_arguments(suggest_parser)
    suggest_parser.add_argument("--write", action="store_true", help="save it as CONTENT_DIR/tasks.yml")
    suggest_parser.set_defaults(func=run_suggest)
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])


def run_suggest(args: argparse.Namespace) -> int:
    site = load_site_config(args.config)
    content_dir = args.content_dir or site.content_dir
    if not content_dir.is_dir():
        print(f"{content_dir}: error: no such folder; pass the folder of articles", file=sys.stderr)
        return 2
    text = suggested_tasks(content_dir, aliases=site.aliases, compat=site.compat)
    if not args.write:
        print(text, end="")
        return 0
    target = content_dir / site.tasks_file
    if target.exists():
        print(f"{target}: error: already exists; run without --write to see the suggestion", file=sys.stderr)
        return 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}: edit it to name each task as your readers' goal")
    return 0


def suggested_tasks(content_dir: Path, **options) -> str:
    kb = KnowledgeBase.load(content_dir, tasks_file=".no-tasks.yml", **options)  # as if it had no tasks.yml
    return as_yaml(suggest(kb))
