"""The offline promise, whatever mkdocs.yml says: the built site works opened from disk and asks no other
host for anything. Two MkDocs/mkdocs-material defaults break it: `use_directory_urls: true` (a click
from disk or from the offline zip opens a folder listing) and material's Google Fonts. Left unset,
nightdesk sets what it needs; set explicitly the other way, the build warns (failing --strict) with the
exact line to write.
"""
from __future__ import annotations

import warnings

from mkdocs.config.defaults import MkDocsConfig


def user_settings(config: MkDocsConfig) -> dict:
    """mkdocs.yml as its author wrote it (without MkDocs' defaults), merged over INHERIT."""
    merged: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for patch in getattr(config, "user_configs", []) or []:
            merged.update(patch)
    return merged


def keep_offline_promise(config: MkDocsConfig) -> list[str]:
    """Set what the offline promise needs where the author left it unset; return a warning (with the
    line to write) for each setting the author made that breaks it."""
    written = user_settings(config)
    problems = []
    if config.use_directory_urls:
        if "use_directory_urls" in written:
            problems.append("use_directory_urls: true makes links open folder listings from disk and in the "
                            "offline zip; write `use_directory_urls: false` in mkdocs.yml")
        else:
            config.use_directory_urls = False
    theme = written.get("theme") if isinstance(written.get("theme"), dict) else {}
    if config.theme.name == "material" and config.theme.get("font") not in (False, None):
        if "font" in theme:
            problems.append("theme.font loads fonts from Google, so the help centre asks another host on every "
                            "page; write `font: false` under `theme:` in mkdocs.yml")
        else:
            config.theme["font"] = False
    return problems
