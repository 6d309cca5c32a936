"""`nightdesk new`: start an article in the right shape for its kind.

Scaffolds are Jinja2 templates named `scaffolds/<kind>.md.j2`; a site overrides one by putting a file of
the same name in its own templates folder (the theme's `custom_dir`). Where the author still has to
write, the scaffold says TODO, which `nightdesk check` reports until it is replaced.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import jinja2
import yaml

from nightdesk.i18n import Catalog

from .schema import KINDS

DEFAULT_MINUTES = {"how-to": 5, "troubleshooting": 5, "faq": 2, "concept": 3, "reference": 2}
"""The `time:` a scaffold starts with; the author corrects it."""


class ScaffoldError(Exception):
    """Something the author can fix (an existing file, an unknown kind); the message says how."""


SLUG_LIMIT = 80
"""Characters of a file name made from a title: long enough to recognise, short enough for every disk."""


def clean_title(title: str) -> str:
    """One line of text: line breaks and runs of spaces (a pasted title) become single spaces."""
    return " ".join(str(title).split())


def slugify_title(title: str) -> str:
    """'Refund a customer (in-store)' -> 'refund-a-customer-in-store'; accents folded, apostrophes dropped.
    A title in another script ('請求書を送る') keeps its letters, so every language gets a file name."""
    title = re.sub(r"['’]", "", clean_title(title))
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    letters = [ch for ch in title if ch.isalnum()]
    if not letters or len(re.sub(r"[^a-z0-9]", "", slug)) < len(letters) / 2:
        # Mostly non-Latin: a Unicode slug (letters and digits of any script, hyphens between words).
        slug = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFKC", title).lower()).strip("-")
    if len(slug) > SLUG_LIMIT:
        cut = slug[:SLUG_LIMIT]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut[SLUG_LIMIT // 2:] else cut).strip("-")
    return slug


def article_path(task: str, title: str) -> str:
    """Where a new article goes, relative to the content folder: its task's folder, named after its title."""
    slug = slugify_title(title)
    if not slug:
        raise ScaffoldError(f"the title '{clean_title(title)}' has no letters or digits to make a file name from")
    return f"{task}/{slug}.md"


def render_scaffold(kind: str, *, title: str, task: str, today: dt.date | None = None,
                    override_dir: Path | str | None = None, catalog: Catalog | None = None) -> str:
    """The Markdown of a new article of `kind`, with its front matter filled in and its headings in the
    catalog's language (`t("scaffold.steps")`)."""
    if kind not in KINDS:
        raise ScaffoldError(f"unknown kind '{kind}'; use one of: {', '.join(KINDS)}")
    loaders: list[jinja2.BaseLoader] = []
    if override_dir and Path(override_dir).is_dir():
        loaders.append(jinja2.FileSystemLoader(str(override_dir)))
    loaders.append(jinja2.PackageLoader("nightdesk", "templates"))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["yaml_text"] = _yaml_text
    env.globals["t"] = (catalog or Catalog.for_language("en")).text
    env.filters["markdown_text"] = _markdown_text
    template = env.get_template(f"scaffolds/{kind}.md.j2")
    return template.render(title=clean_title(title), task=task, kind=kind, minutes=DEFAULT_MINUTES.get(kind, 5),
                           reviewed=(today or dt.date.today()).isoformat())


def write_article(content_dir: Path | str, relative_path: str, markdown: str) -> Path:
    """Create the file; never overwrite an article someone already wrote."""
    target = Path(content_dir) / relative_path
    if target.exists():
        raise ScaffoldError(f"{target} already exists; pick another title or edit that article")
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": fails rather than overwrite, even in a race
        handle.write(markdown)
    return target


def _yaml_text(value: str) -> str:
    """A title as one YAML scalar that reads back as the same text: quoted whenever YAML would read it
    otherwise (a number like 017 or 0x1F, `yes`, `: `, `#`, ...), by PyYAML itself."""
    dumped = yaml.safe_dump(clean_title(value), allow_unicode=True, default_flow_style=True, width=float("inf"))
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def _markdown_text(value: str) -> str:
    """A title as the text of a Markdown heading: `<Settings>` stays words, not an HTML tag."""
    return clean_title(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
