"""`nightdesk import SRC [DEST]`: bring an existing docs folder (GitBook, Microsoft Learn, Hugo,
Docusaurus, GitHub Markdown) into a nightdesk content folder, converted, with a starter tasks.yml."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nightdesk.core.importer import import_folder
from nightdesk.core.problems import group_by_cause
from nightdesk.i18n import Catalog
from nightdesk.site.model import compat_in_language

from .site_config import add_site_arguments, load_site_config
from .tasks import suggested_tasks


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "import", help="copy an existing docs folder into content/, converted",
        description="Copy SRC into DEST (default: the site's docs_dir, else ./content), converting what other tools "
                    "wrote (alerts, GitBook and Docusaurus blocks, emoji shortcodes, Hugo and folder links) into "
                    "plain Markdown in the files themselves; write a starter tasks.yml; list what could not be "
                    "converted. DEST must be empty or missing.")
    parser.add_argument("source", type=Path, metavar="SRC", help="the docs folder to import")
    parser.add_argument("destination", nargs="?", type=Path, metavar="DEST", help="the content folder to create")
    add_site_arguments(parser, content_dir=False)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    site = load_site_config(args.config)
    destination = args.destination or site.content_dir
    if not args.source.is_dir():
        print(f"{args.source}: error: no such folder", file=sys.stderr)
        return 2
    if destination.exists() and any(destination.iterdir()):
        print(f"{destination}: error: not empty; import into a new folder, then point docs_dir at it", file=sys.stderr)
        return 2
    if destination.resolve().is_relative_to(args.source.resolve()):
        print(f"{destination}: error: is inside {args.source}; import into a folder outside it", file=sys.stderr)
        return 2
    # Converted callouts are written with titles in the site's language (theme.language of mkdocs.yml).
    compat = compat_in_language(site.compat, Catalog.for_language(site.language, site.strings))
    report = import_folder(args.source, destination, compat)
    if report.tool:
        print(f"{args.source} is a {report.tool} site: imported its pages and the files it serves at the site root")
    print(f"imported {report.markdown:,} Markdown files and {report.other_files:,} other files into {destination}")
    if report.converted:
        print(f"converted {report.converted:,} files:")
        for change, count in report.changes.most_common():
            print(f"  {count:,} × {change}")
    tasks_path = destination / site.tasks_file
    if not tasks_path.exists() and report.markdown:
        tasks_path.write_text(suggested_tasks(destination, aliases=site.aliases, compat=site.compat), encoding="utf-8")
        print(f"wrote {tasks_path}: suggested tasks; rename them as your readers' goals")
    if report.removed or report.problems:
        print("could not convert (nightdesk removes these from pages and reports them at build time):")
        for kind, places in sorted(report.removed.items(), key=lambda item: (-len(item[1]), item[0])):
            path, line = min(places)
            print(f"  {len(places):,} × {kind}: a template tag nightdesk cannot render; first at "
                  f"{destination / path}:{line}")
        for group in group_by_cause(report.problems):
            print(f"  {group}")
    print(f"next: set `docs_dir: {destination}` in mkdocs.yml, run `nightdesk check`, then `mkdocs build`")
    return 0
