"""Reading the files of a content folder safely: nothing outside it, nothing that cannot be read.

A file (often a symlink) that resolves outside the content folder is refused, so a help centre never
publishes /etc/passwd; a dangling symlink or a file that is not UTF-8 is reported with its line. Each
refusal is a `path:line: error: ...` Problem and the file is left out; the rest of the site still builds.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from .problems import ERROR, Problem, decode_text


def refusal(root: Path | str, relative: str) -> str | None:
    """Why the file at `root/relative` must not be read or published, or None when it may be."""
    path = Path(root) / relative
    if not os.path.exists(path):
        return "this file is a symlink to a file that does not exist"
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    if os.path.commonpath([real_root, real]) != real_root:
        return "this file resolves outside the content folder (a symlink?); it is not published"
    if not os.path.isfile(path):
        return "this is not a regular file"
    return None


def read_text(root: Path | str, relative: str) -> tuple[str | None, Problem | None]:
    """The file's text (UTF-8, a byte-order mark dropped), or None and the Problem that says why not."""
    why = refusal(root, relative)
    if why:
        return None, Problem(relative, 1, ERROR, f"{why}")
    try:
        data = (Path(root) / relative).read_bytes()
    except OSError as exc:
        return None, Problem(relative, 1, ERROR, f"this file cannot be read ({exc.strerror or exc})")
    return decode(relative, data)


def decode(relative: str, data: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 text with a leading byte-order mark dropped, or the line of the first byte that is not UTF-8."""
    return decode_text(relative, data)


class TextFiles(Mapping[str, str]):
    """{path: text} that reads each text when asked and keeps none: a knowledge base converts one article
    at a time, so holding every file's text at once (as a dict would) only raises the build's peak memory.
    `read(path)` gives the text of one of `paths` (already known to be readable)."""

    def __init__(self, paths: Iterable[str], read: Callable[[str], str]):
        self._paths = dict.fromkeys(paths)  # ordered, with fast `in`
        self._read = read

    def __getitem__(self, path: str) -> str:
        if path not in self._paths:
            raise KeyError(path)
        return self._read(path)

    def __contains__(self, path: object) -> bool:
        return path in self._paths

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)
