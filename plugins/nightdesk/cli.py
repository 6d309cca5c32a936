"""The `nightdesk` command. Each subcommand lives in its own module under `nightdesk.commands`."""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from nightdesk.commands.site_config import SiteConfigError

COMMANDS = ("init", "new", "check", "gaps", "templates", "tasks", "import_docs")
"""Modules in nightdesk.commands; each defines `add_parser(subparsers)` which sets `func(args) -> int`."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nightdesk", description="Write, check and publish a nightdesk help centre.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"nightdesk.commands.{name}").add_parser(subparsers)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except SiteConfigError as exc:  # mkdocs.yml could not be read: say why, no traceback
        print(exc, file=sys.stderr)
        return 2
    except BrokenPipeError:  # `nightdesk ... | head`: the reader stopped reading; not an error to show
        # Python's documented recipe: point stdout at devnull so flushing at exit cannot raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
