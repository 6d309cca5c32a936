"""A new help centre's repository (`nightdesk init`): mkdocs.yml with everything the offline promise
needs, example content in the chosen language, requirements, a publishing workflow and a README.

The files are package data beside this module: `common/` (the same for every language; `*.j2` are
Jinja2 templates) and `<language>/` (starter.yml with the words mkdocs.yml needs, and content/ whose
Markdown and YAML are templates too, so examples carry today's review date). No MkDocs import.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

import jinja2
import yaml

import nightdesk
from nightdesk.core.scaffold import _yaml_text
from nightdesk.i18n import base_language

STARTER = resources.files(__name__)
COMMON = {  # source in common/ -> path in the new repository
    "mkdocs.yml.j2": "mkdocs.yml",
    "requirements.txt.j2": "requirements.txt",
    "README.md.j2": "README.md",
    "gitignore": ".gitignore",
    "publish.yml": ".github/workflows/publish.yml",
}


class StarterError(Exception):
    """The folder cannot take a new help centre; the message says why."""


@dataclass
class Starter:
    language: str
    files: dict[str, str]  # path in the new repository -> text


def languages() -> list[str]:
    return sorted(entry.name for entry in STARTER.iterdir() if entry.is_dir() and (entry / "starter.yml").is_file())


def default_requirement() -> str:
    """The requirements.txt line for the nightdesk running now (see requirement_for)."""
    try:
        direct = json.loads(metadata.distribution("nightdesk").read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, ValueError):
        direct = None
    return requirement_for(direct, nightdesk.__version__)


def requirement_for(direct_url: dict | None, version: str) -> str:
    """Where nightdesk was installed from when pip recorded a repository (PEP 610 direct_url.json, as
    after `pip install git+https://...@v0.1.0`), so the new site's CI installs the same thing; otherwise
    the version (a local folder or an editable checkout means nothing on CI)."""
    vcs = (direct_url or {}).get("vcs_info") or {}
    url = str((direct_url or {}).get("url", ""))
    if vcs.get("vcs") == "git" and url.startswith("https://"):
        revision = vcs.get("requested_revision") or vcs.get("commit_id")
        return f"nightdesk @ git+{url}" + (f"@{revision}" if revision else "")
    return f"nightdesk=={version}"


def render_starter(*, name: str | None = None, language: str = "en", today: dt.date | None = None,
                   requirement: str | None = None) -> Starter:
    """Every file of a new help centre, by path."""
    code = base_language(language) if base_language(language) in languages() else "en"
    texts = yaml.safe_load((STARTER / code / "starter.yml").read_text(encoding="utf-8"))
    values = {"name": name or texts["name"], "language": language or code, "texts": texts,
              "today": (today or dt.date.today()).isoformat(), "requirement": requirement or default_requirement()}
    env = jinja2.Environment(keep_trailing_newline=True, undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["yaml_text"] = _yaml_text
    files: dict[str, str] = {}
    for source, target in COMMON.items():
        text = (STARTER / "common" / source).read_text(encoding="utf-8")
        files[target] = env.from_string(text).render(values) if source.endswith(".j2") else text
    content = Path(str(STARTER / code / "content"))
    for path in sorted(content.rglob("*")):
        if path.is_file():
            files[f"content/{path.relative_to(content).as_posix()}"] = env.from_string(
                path.read_text(encoding="utf-8")).render(values)
    return Starter(code, files)


def write_starter(target: Path | str, starter: Starter) -> list[Path]:
    """Write the files into `target` (created when missing); refuses a folder that already has a help
    centre or any of the files, so nothing anyone wrote is overwritten."""
    root = Path(target)
    if root.exists() and not root.is_dir():
        raise StarterError(f"{root} is a file, not a folder")
    clashes = [path for path in starter.files if (root / path).exists()]
    if (root / "content").exists():
        clashes.append("content/")
    if clashes:
        raise StarterError(f"{root} already has {', '.join(sorted(clashes)[:3])}: pick an empty folder")
    written = []
    for path, text in starter.files.items():
        destination = root / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
        written.append(destination)
    return written
