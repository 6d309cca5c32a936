"""Core -> site model -> thin adapters: who may import whom, checked on the source."""
from __future__ import annotations

import ast
from pathlib import Path

import nightdesk

PACKAGE = Path(nightdesk.__file__).parent


def imports(folder: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (PACKAGE / folder).rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
        found[path.relative_to(PACKAGE).as_posix()] = names
    return found


def offending(folder: str, allowed) -> list[str]:
    return [f"{path}: {name}" for path, names in imports(folder).items() for name in sorted(names)
            if (name.split(".")[0] in ("mkdocs", "properdocs", "material") or name.startswith("nightdesk."))
            and not allowed(name)]


def test_core_imports_no_generator_and_only_the_catalogs_besides_itself():
    assert offending("core", lambda name: name.startswith(("nightdesk.core", "nightdesk.i18n"))) == []


def test_search_uses_only_the_cores_problems():
    assert offending("search", lambda name: name.startswith("nightdesk.search") or name == "nightdesk.core.problems") == []


def test_site_model_imports_no_generator():
    assert offending("site", lambda name: name.startswith(("nightdesk.core", "nightdesk.site", "nightdesk.search", "nightdesk.i18n"))) == []
