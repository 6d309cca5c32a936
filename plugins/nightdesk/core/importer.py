"""Import a docs folder written for another tool: copy it, convert each Markdown file in place with the
compatibility pass (so the team owns plain Markdown from then on), and say what could not be converted.

Front matter is kept byte for byte (the aliases read foreign keys); includes are kept (nightdesk resolves
them when it builds). Hidden asset folders such as GitBook's `.gitbook/assets` lose their leading dot,
because static site generators do not publish hidden files, and links to them follow.
"""
from __future__ import annotations

import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .compat import CompatSettings, Sources, convert
from .frontmatter import split_front_matter
from .problems import Problem

SKIPPED_FOLDERS = frozenset({".git", ".github", "node_modules", ".obsidian", ".vscode", ".idea", "__pycache__"})
_HIDDEN_SEGMENT = re.compile(r"(?<=[(/<\s])\.(?=[A-Za-z][\w-]*/)|^\.(?=[A-Za-z][\w-]*/)")


@dataclass
class ImportReport:
    markdown: int = 0
    other_files: int = 0
    converted: int = 0  # Markdown files whose text changed
    changes: Counter = field(default_factory=Counter)  # what was converted -> number of files
    removed: dict[str, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    problems: list[Problem] = field(default_factory=list)
    tool: str | None = None  # the generator whose project folder was imported (its pages and static files)


def destination_name(relative: str) -> str:
    """`.gitbook/assets/a.png` -> `gitbook/assets/a.png`: hidden folders are not published; Docusaurus's
    `a.mdx` -> `a.md`: MDX converted is Markdown."""
    name = "/".join(part[1:] if part.startswith(".") and len(part) > 1 and part not in (".", "..") else part
                    for part in relative.split("/"))
    return name[:-1] if name.endswith(".mdx") else name


SITE_LAYOUTS = (  # (tool, files that mark its project folder, folder of pages, folder served at the site root)
    ("Hugo", ("hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml"), "content", "static"),
    ("Docusaurus", ("docusaurus.config.js", "docusaurus.config.ts"), "docs", "static"),
    ("MkDocs", ("mkdocs.yml",), "docs", None),
)


def source_folders(source: Path) -> tuple[str | None, list[Path]]:
    """What to copy from `source` into the content folder: a generator's project folder gives its pages
    folder and the folder it serves at the site root (Hugo's static/, where `/images/a.png` lives), never
    its layouts, themes or config; any other folder is copied whole. Returns the tool's name, or None."""
    for tool, markers, pages, root_files in SITE_LAYOUTS:
        if any((source / marker).is_file() for marker in markers) and (source / pages).is_dir():
            extra = [source / root_files] if root_files and (source / root_files).is_dir() else []
            return tool, [source / pages, *extra]
    return None, [source]


def import_folder(source: Path, destination: Path, settings: CompatSettings = CompatSettings()) -> ImportReport:
    report = ImportReport()
    files: dict[str, Path] = {}
    report.tool, folders = source_folders(source)
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if path.is_file() and not SKIPPED_FOLDERS.intersection(relative.parts[:-1]) and relative.name != ".DS_Store":
                if relative.parts[-1].startswith(".") and path.suffix != ".md":
                    continue  # .gitignore, .editorconfig...
                files.setdefault(destination_name(relative.as_posix()), path)  # pages win over static files
    markdown = {name: path.read_text(encoding="utf-8", errors="replace") for name, path in files.items()
                if name.endswith(".md")}
    sources = Sources.of(markdown, files)
    for name, path in files.items():
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name not in markdown:
            shutil.copyfile(path, target)
            report.other_files += 1
            continue
        report.markdown += 1
        text = markdown[name]
        new_text = convert_file(name, text, sources, settings, report)
        if new_text != text:
            report.converted += 1
        target.write_text(new_text, encoding="utf-8")
    return report


def convert_file(name: str, text: str, sources: Sources, settings: CompatSettings, report: ImportReport) -> str:
    block = split_front_matter(text)
    if not block.body.strip() or not text.endswith(block.body):
        return text  # nothing to convert (a section page that is only front matter), or a body we can't place
    head = text[: len(text) - len(block.body)]
    body = _HIDDEN_SEGMENT.sub("", block.body) if ".gitbook" in block.body or "/." in block.body else block.body
    result = convert(name, body, block.body_line, sources, settings, expand_includes=False)
    for kind, origin, line in result.removed:
        report.removed[kind].append((origin, line))
    report.problems += result.problems
    for label, pattern in _CHANGES.items():
        if pattern.search(block.body):
            report.changes[label] += 1
    converted = result.text if block.body.endswith("\n") or not block.body else result.text.rstrip("\n")
    return head + converted


_CHANGES = {
    "alerts (> [!NOTE]) to admonitions": re.compile(r"^\s*>\s?\[!\w+\]", re.MULTILINE),
    "GitBook blocks ({% hint %}, {% tabs %}...)": re.compile(r"\{%-?\s*(hint|tabs?|embed|content-ref|code|file)\b"),
    "Microsoft Learn extensions (:::image, :::zone)": re.compile(
        r"^\s*:::\s*(?:image|zone|moniker|row|column)\b", re.MULTILINE | re.IGNORECASE),
    "MDX (Docusaurus) to Markdown: import lines, <Tabs>": re.compile(
        r"^(?:import|export)\s|^\s*<Tabs\b", re.MULTILINE),
    "Docusaurus admonitions (:::note)": re.compile(
        r"^\s*:::\s*(?!(?:image|zone|moniker|row|column|code|video)\b)[A-Za-z]", re.MULTILINE | re.IGNORECASE),
    "emoji shortcodes to characters": re.compile(r"(?<![\w:/]):[a-z0-9_+-]*[a-z][a-z0-9_+-]*:(?![\w/])"),
    "links with <angle brackets>": re.compile(r"\]\(\s*<"),
    "site-absolute and folder links": re.compile(r"\]\(\s*/|\]\([^)#\s]+/(?:#[^)]*)?\)"),
}
