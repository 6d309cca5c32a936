"""`nightdesk new "Refund a customer" --task get-paid --kind how-to`: start an article in the right shape.

Writes <content>/<task>/<title-as-file-name>.md from the kind's scaffold. Asks for what is missing when
run in a terminal; otherwise a missing title or task is a usage error (kind defaults to how-to)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from nightdesk.core.knowledge_base import KnowledgeBase
from nightdesk.i18n import Catalog, CatalogError
from nightdesk.core.scaffold import ScaffoldError, article_path, render_scaffold, write_article
from nightdesk.core.schema import KINDS

from .site_config import load_site_config


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "new", help="start a new article from a scaffold",
        description="Create an article with its front matter filled in and the sections its kind needs. "
                    "Replace every TODO, then run `nightdesk check`.")
    parser.add_argument("title", nargs="?", help='the article\'s title, e.g. "Refund a customer"')
    parser.add_argument("--task", "-t", help="the task it belongs to (an id from tasks.yml, e.g. get-paid)")
    parser.add_argument("--kind", "-k", choices=KINDS, help="what sort of article (default: how-to)")
    parser.add_argument("--content", type=Path, metavar="DIR",
                        help="the folder of articles (default: docs_dir from mkdocs.yml, else ./content)")
    parser.add_argument("--config", "-f", type=Path, metavar="FILE",
                        help="the site's mkdocs.yml (default: ./mkdocs.yml when there is one)")
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    site = load_site_config(args.config)  # a broken mkdocs.yml is reported by nightdesk.cli
    content_dir = args.content or site.content_dir
    tasks = KnowledgeBase.load(content_dir, tasks_file=site.tasks_file).tasks if content_dir.is_dir() else {}
    interactive = sys.stdin.isatty()

    title = args.title or (_ask("Title (what the reader wants to do, e.g. Refund a customer)") if interactive else None)
    task = args.task or (_ask(f"Task ({', '.join(tasks)})") if interactive and tasks else None)
    kind = args.kind or (_ask(f"Kind ({', '.join(KINDS)})", default="how-to") if interactive else "how-to")
    missing = [name for name, value in (("a title", title), ("--task", task)) if not value]
    if missing:
        args.parser.error(f"give {' and '.join(missing)}, e.g. nightdesk new \"Refund a customer\" --task get-paid"
                          + (f" (tasks: {', '.join(tasks)})" if tasks else ""))
    if task not in tasks:
        known = ", ".join(tasks) if tasks else f"none yet: add them to {content_dir / site.tasks_file}"
        print(f"nightdesk new: error: unknown task '{task}'; known tasks: {known}", file=sys.stderr)
        return 1
    if kind not in KINDS:
        print(f"nightdesk new: error: unknown kind '{kind}'; use one of: {', '.join(KINDS)}", file=sys.stderr)
        return 1
    try:
        relative = article_path(task, title)
        markdown = render_scaffold(kind, title=title, task=task, override_dir=site.templates_dir,
                                   catalog=Catalog.for_language(site.language, site.strings))
        written = write_article(content_dir, relative, markdown)
    except (ScaffoldError, CatalogError) as exc:
        print(f"nightdesk new: error: {exc}", file=sys.stderr)
        return 1
    print(f"Created {os.path.relpath(written)}: replace each TODO, then run `nightdesk check`.")
    return 0


def _ask(question: str, default: str | None = None) -> str | None:
    try:
        answer = input(f"{question}{f' [{default}]' if default else ''}: ").strip()
    except EOFError:
        return default
    return answer or default
