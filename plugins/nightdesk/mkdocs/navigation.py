"""The knowledge base's bounded navigation (nightdesk.core.views.NavItem) as MkDocs navigation objects, so
the theme renders it with its own templates: mkdocs-material's sidebar, `navigation.tabs`,
`navigation.indexes`, `toc.integrate` and the rest work unchanged, and nightdesk overrides no nav partial.

One Navigation per page, with only what that page shows (every task, the current task's articles up to
`nav_limit`), so a page's size does not grow with the number of articles.
"""
from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from markupsafe import escape
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from nightdesk.core.views import NavItem


class _ThemeAttributes:
    """What mkdocs-material's nav partial asks of every item and a MkDocs Link or Section does not have
    (`meta` for an icon, status or subtitle; `typeset`; `pages`). Jinja answers a missing attribute by
    raising and catching two exceptions: 130,000 times a build at 1,000 articles, about 0.15 s. The
    partial only tests them for truth, which these answer as the missing ones did: false."""
    meta = MappingProxyType({})
    typeset = None
    pages = None


class _Link(_ThemeAttributes, Link):
    pass


class _IndexLink(_Link):
    """A link to a task's hub: the page its section stands for (material's `navigation.indexes`)."""
    is_index = True


class _Section(_ThemeAttributes, Section):
    pass


def material_nav(items: list[NavItem], *, page: Page | None, homepage: Page | None,
                 find: Callable[[str], File | None]) -> Navigation:
    """`page` stands for the current item (so the theme marks it and can put its table of contents
    there); other items are links to the file `find` returns for their source path."""

    def convert(item: NavItem):
        if item.children:
            # MkDocs templates do not autoescape: titles from front matter and tasks.yml are plain text.
            section = _Section(escape(item.title), [convert(child) for child in item.children])
            section.active = item.active  # children keep their own parents: the page's ancestors stay MkDocs'
            return section
        if item.current and page is not None:
            return page
        target = find(item.path)
        return (_IndexLink if item.index else _Link)(escape(item.title), target.url if target else "#")

    nav = Navigation([convert(item) for item in items], [])
    nav.homepage = homepage
    return nav
