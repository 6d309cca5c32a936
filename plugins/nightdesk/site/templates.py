"""Templates a site can override, and whether its overrides still fit the installed nightdesk.

A site overrides a template by putting a file of the same relative path in its theme `custom_dir`
(`nightdesk templates copy NAME` does it). Two things go wrong silently after an upgrade: an override
keeps an old copy of a template nightdesk has since changed, and a `main.html` override without
nightdesk's two hooks drops the JSON-LD, the manifest link and the offline note. `override_problems()`
names both. No MkDocs import.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import nightdesk

PACKAGE = Path(str(resources.files("nightdesk")))
ROOTS = {"templates": PACKAGE / "templates", "theme": PACKAGE / "theme"}  # views and scaffolds; theme overrides
HOOKS = ("nightdesk_head", "nightdesk_after_content")
_COPIED = re.compile(r"nightdesk (\S+) template, sha256 ([0-9a-f]{12})")


@dataclass(frozen=True)
class Template:
    name: str  # relative path, as in a custom_dir: "nightdesk/hub.html", "partials/header.html", "main.html"
    path: Path  # the installed file
    what: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()[:12]


def _describe(name: str) -> str:
    if name.startswith("scaffolds/"):
        return f"what `nightdesk new` writes for a {name.split('/')[1].split('.')[0]} article"
    if name.startswith("nightdesk/"):
        return "nightdesk view: " + name.split("/")[1].removesuffix(".html").lstrip("_")
    return "mkdocs-material override"


def templates() -> list[Template]:
    found = []
    for root in ROOTS.values():
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                name = path.relative_to(root).as_posix()
                found.append(Template(name, path, _describe(name)))
    return found


def find_template(name: str) -> Template | None:
    """By its path, or by its file name when that is unambiguous ('hub.html', 'how-to.md.j2')."""
    every = templates()
    exact = [t for t in every if t.name == name]
    if exact:
        return exact[0]
    by_file = [t for t in every if t.name.rsplit("/", 1)[-1] == name]
    return by_file[0] if len(by_file) == 1 else None


def copy_header(template: Template) -> str:
    """A first line recording what the copy was made from, as a comment in the template's own language."""
    note = f"nightdesk {nightdesk.__version__} template, sha256 {template.digest}: edit freely, keep this line"
    return "{#- " + note + " -#}\n"


def override_problems(custom_dir: Path | str | None) -> list[str]:
    """Overrides in `custom_dir` that mask a changed nightdesk template, and a main.html without the hooks."""
    if not custom_dir or not Path(custom_dir).is_dir():
        return []
    root = Path(custom_dir)
    problems = []
    for template in templates():
        override = root / template.name
        if not override.is_file():
            continue
        shown = os.path.relpath(override)
        text = override.read_text(encoding="utf-8", errors="replace")
        copied = _COPIED.search(text.split("\n", 1)[0])
        if copied:
            stale = copied.group(2) != template.digest
        else:  # copied by hand: older than the installed file means nightdesk was upgraded since
            stale = override.stat().st_mtime < template.path.stat().st_mtime
        if stale:
            problems.append(f"{shown}: overrides nightdesk's {template.name}, which changed in the installed "
                            f"nightdesk {nightdesk.__version__}; compare it with `nightdesk templates copy "
                            f"{template.name} --to -` and update it (then keep the new first line)")
        if template.name == "main.html" and not all(hook in text for hook in HOOKS):
            missing = ", ".join(hook for hook in HOOKS if hook not in text)
            problems.append(f"{shown}: this main.html drops nightdesk's hooks ({missing}), so pages lose their "
                            "JSON-LD, web app manifest and offline note; start from `nightdesk templates copy main.html`")
    return problems
