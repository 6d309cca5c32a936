"""`nightdesk templates`: the templates a site can override; `nightdesk templates copy NAME` copies one into
the site's templates folder (the theme's custom_dir, added to mkdocs.yml when missing)."""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from nightdesk.site.templates import copy_header, find_template, override_problems, templates

from .site_config import load_site_config

DEFAULT_DIR = "templates"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("templates", help="list the templates a site can override, or copy one",
                                   description="List the templates a help centre can override, or copy one.")
    parser.add_argument("--config", "-f", help="mkdocs.yml (default: ./mkdocs.yml)")
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    copy = sub.add_parser("copy", help="copy a template into the site's templates folder")
    copy.add_argument("name", help="e.g. nightdesk/hub.html, hub.html, main.html, scaffolds/how-to.md.j2")
    copy.add_argument("--to", help="'-' prints it instead of writing a file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    site = load_site_config(getattr(args, "config", None))
    if getattr(args, "action", None) != "copy":
        here = site.templates_dir
        width = max(len(t.name) for t in templates())
        for template in templates():
            mark = " (overridden)" if here and (here / template.name).is_file() else ""
            print(f"{template.name:<{width}}  {template.what}{mark}")
        for problem in override_problems(here):
            print(f"warning: {problem}")
        print(f"\nCopy one with `nightdesk templates copy NAME`; it goes to {here or DEFAULT_DIR + '/'}.")
        return 0
    template = find_template(args.name)
    if template is None:
        print(f"nightdesk templates: error: no template '{args.name}'; `nightdesk templates` lists them", file=sys.stderr)
        return 1
    text = copy_header(template) + template.path.read_text(encoding="utf-8")
    if args.to == "-":
        sys.stdout.write(text)
        return 0
    config_file = site.config_file or Path("mkdocs.yml")
    folder = site.templates_dir
    if folder is None:
        if not config_file.is_file():
            print("nightdesk templates: error: no mkdocs.yml here; run it in your help centre's folder", file=sys.stderr)
            return 1
        folder = config_file.parent / DEFAULT_DIR
        _add_custom_dir(config_file, DEFAULT_DIR)
        print(f"Added `custom_dir: {DEFAULT_DIR}` under `theme:` in {config_file}.")
    target = Path(folder) / template.name
    if target.exists():
        print(f"nightdesk templates: error: {target} already exists; edit it, or delete it to start again", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Copied {template.name} to {os.path.relpath(target)}: edit it there; the build uses it from now on.")
    return 0


def _add_custom_dir(config_file: Path, folder: str) -> None:
    """Insert `custom_dir:` as the first line of the `theme:` block, keeping the rest of the file as written."""
    text = config_file.read_text(encoding="utf-8")
    match = re.search(r"^theme:[ \t]*\n([ \t]+)", text, flags=re.M)
    if match:
        indent = match.group(1)
        text = text[:match.end(0) - len(indent)] + f"{indent}custom_dir: {folder}\n" + text[match.end(0) - len(indent):]
    elif re.search(r"^theme:", text, flags=re.M):  # `theme: material` on one line
        text = re.sub(r"^theme:[ \t]*(\S+)[ \t]*$", rf"theme:\n  name: \1\n  custom_dir: {folder}", text, count=1, flags=re.M)
    else:
        text += f"\ntheme:\n  name: material\n  custom_dir: {folder}\n"
    config_file.write_text(text, encoding="utf-8")
