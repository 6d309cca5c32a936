"""`nightdesk init [DIR]`: a ready help centre repository, in one command that asks nothing."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from nightdesk.i18n import languages as catalog_languages
from nightdesk.starter import StarterError, render_starter, write_starter
from nightdesk.starter import languages as starter_languages


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "init", help="start a new help centre repository",
        description="Create a help centre in DIR (default: the current folder): mkdocs.yml, example articles "
                    "in your language, requirements.txt, a GitHub Pages workflow and a README.")
    parser.add_argument("directory", nargs="?", default=".", metavar="DIR")
    parser.add_argument("--name", help="the help centre's name (default: 'Help Centre' in the language)")
    parser.add_argument("--language", default="en", metavar="CODE",
                        help=f"language of the help centre: {', '.join(starter_languages())} (default: en)")
    parser.add_argument("--requirement", help=argparse.SUPPRESS)  # e.g. a git URL, until nightdesk is on PyPI
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    language = args.language.strip()
    base = language.replace("_", "-").split("-")[0].lower()
    if base not in starter_languages() or base not in catalog_languages():
        print(f"nightdesk init: error: no language '{language}'; use one of: {', '.join(starter_languages())}",
              file=sys.stderr)
        return 1
    starter = render_starter(name=args.name, language=language, requirement=args.requirement)
    try:
        write_starter(Path(args.directory), starter)
    except (StarterError, OSError) as exc:
        print(f"nightdesk init: error: {exc}", file=sys.stderr)
        return 1
    where = os.path.relpath(args.directory)
    enter = "" if where == "." else f"cd {where}\n  "
    print(f"Created a help centre in {where}/ ({len(starter.files)} files). Next:\n"
          f"  {enter}mkdocs serve            # preview on http://127.0.0.1:8000\n"
          f"  nightdesk new           # write an article\n"
          f"  mkdocs build --strict   # the finished site in site/\n"
          f"Then push it to GitHub: .github/workflows/publish.yml publishes it to GitHub Pages.")
    return 0
