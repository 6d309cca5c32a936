"""A view rendered once per build, for views that differ from page to page only in a few printed values.

The support box is the same on every page but for its topic and its email link: rendering the template
on every page cost a quarter of a second at 1,000 articles. `RenderedOnce` renders it with stand-ins for
those values and puts each page's own in by replacement, escaped as Jinja's autoescape would. A site
may override the template, so the stand-ins are trusted only when two renders with different ones
(of different lengths, holding a character that needs escaping) differ in nothing but the stand-ins,
and no stand-in is left altered: a view that transforms a value (`|upper`, `|length`, `|safe`,
a test on it) is rendered page by page, as before.
"""
from __future__ import annotations

from collections.abc import Callable

from markupsafe import escape

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: in no site's text, and kept by escaping
_TAGS = ("&a", "&bbb")  # two stand-in sets, of different lengths; "&" must come out escaped


class RenderedOnce:
    """`render(**values)` for values that differ only in `texts` (printed as text) and in what the
    functions `functions` return (printed as text); `fill(**values)` gives what `render` would."""

    def __init__(self, render: Callable[..., str], texts: tuple[str, ...] = (), functions: tuple[str, ...] = ()):
        self._render, self._texts, self._functions = render, texts, functions
        first, calls = self._neutral(_TAGS[0])
        second, second_calls = self._neutral(_TAGS[1])
        self._calls = calls  # (function name, its arguments), in the order the view called them
        markers = [f"{_OPEN}{name}{_CLOSE}" for name in texts] + [
            f"{_OPEN}{name}#{index}{_CLOSE}" for index, (name, _) in enumerate(calls)]
        rest = first
        for marker in markers:
            rest = rest.replace(marker, "")
        # The page's text with a marker where each value goes; None (render every page) unless the stand-ins
        # came out as printed, each one whole, and nothing else changed with them.
        self._html: str | None = first if first == second and calls == second_calls and _OPEN not in rest else None

    @property
    def once(self) -> bool:
        """Whether pages are filled in from the one render (else each is rendered)."""
        return self._html is not None

    def fill(self, **values) -> str:
        results = [values[name](*args) for name, args in self._calls] if self._html is not None else []
        # An empty value might be tested for ({% if topic %}): the stand-ins never were empty.
        if self._html is None or not all(values[name] for name in self._texts) or not all(results):
            return self._render(**values)
        html = self._html
        for name in self._texts:
            html = html.replace(f"{_OPEN}{name}{_CLOSE}", escape(values[name]))
        for index, result in enumerate(results):
            html = html.replace(f"{_OPEN}{self._calls[index][0]}#{index}{_CLOSE}", escape(result))
        return html

    def _neutral(self, tag: str) -> tuple[str, list[tuple[str, tuple]]]:
        """The view rendered with stand-ins marked by `tag`, then each stand-in (escaped, as printed)
        replaced by a marker that names the value; and the functions' calls."""
        calls: list[tuple[str, tuple]] = []

        def stand_in_for(name: str):
            def stand_in(*args):
                calls.append((name, args))
                return f"{_OPEN}{name}#{len(calls) - 1}{tag}{_CLOSE}"
            return stand_in

        values = {name: f"{_OPEN}{name}{tag}{_CLOSE}" for name in self._texts}
        values.update({name: stand_in_for(name) for name in self._functions})
        html = self._render(**values)
        for name in self._texts:
            html = html.replace(escape(values[name]), f"{_OPEN}{name}{_CLOSE}")
        for index, (name, _) in enumerate(calls):
            html = html.replace(escape(f"{_OPEN}{name}#{index}{tag}{_CLOSE}"), f"{_OPEN}{name}#{index}{_CLOSE}")
        return html, calls
