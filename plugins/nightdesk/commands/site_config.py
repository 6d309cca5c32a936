"""What the `nightdesk` commands need from a site's mkdocs.yml: the content folder, the templates folder
and the `nightdesk/tasks` plugin options, validated by the plugin's own config class so that the
command line and `mkdocs build` always apply the same settings."""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from nightdesk.core.checks import CheckSettings
from nightdesk.core.frontmatter import TextLoader
from nightdesk.core.compat import CompatSettings

PLUGIN = "nightdesk/tasks"


class SiteConfigError(Exception):
    """mkdocs.yml cannot be read or its nightdesk options are wrong; the message says where."""


@dataclass
class SiteConfig:
    config_file: Path | None = None
    content_dir: Path = Path("content")
    templates_dir: Path | None = None  # the theme's custom_dir, where a site overrides templates and scaffolds
    tasks_file: str = "tasks.yml"
    synonyms_file: str = "synonyms.yml"
    aliases: dict[str, str] | None = None
    checks: CheckSettings = field(default_factory=CheckSettings)
    language: str = "en"  # theme.language: the language of the reader-facing text and of new scaffolds
    strings: dict[str, Any] = field(default_factory=dict)  # extra.nightdesk.strings: the site's own texts
    compat: CompatSettings = field(default_factory=CompatSettings)


def add_site_arguments(parser, *, content_dir: bool = True) -> None:
    """The arguments every command that reads a site takes: CONTENT_DIR (optional) and --config/-f."""
    if content_dir:
        parser.add_argument("content_dir", nargs="?", type=Path, metavar="CONTENT_DIR",
                            help="the folder of articles (default: docs_dir from mkdocs.yml, else ./content)")
    parser.add_argument("--config", "-f", type=Path, metavar="FILE",
                        help="the site's mkdocs.yml, for its nightdesk settings (default: ./mkdocs.yml, else "
                             "./properdocs.yml, when there is one)")


CONFIG_FILES = ("mkdocs.yml", "properdocs.yml")
"""Where the commands look for the site's settings: MkDocs' name, then ProperDocs' (same format)."""


def load_site_config(config_file: Path | str | None) -> SiteConfig:
    """Read `config_file`, or ./mkdocs.yml (or ./properdocs.yml) when there is one; without any, the
    defaults, so the commands work on a content folder whatever builds it."""
    if config_file is None:
        config_file = next((Path(name) for name in CONFIG_FILES if Path(name).is_file()), None)
        if config_file is None:
            return SiteConfig()
    path = Path(config_file)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except OSError as exc:
        raise SiteConfigError(f"{path}: cannot read it ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SiteConfigError(f"{path}:{mark.line + 1 if mark else 1}: error: not valid YAML") from exc
    if not isinstance(raw, dict):
        raise SiteConfigError(f"{path}:1: error: expected `option: value` lines, like `site_name: My help`")
    root = path.parent
    theme = raw.get("theme") if isinstance(raw.get("theme"), dict) else {}
    docs_dir = raw.get("docs_dir") or "docs"
    if not isinstance(docs_dir, str):
        raise SiteConfigError(f"{path}: error: option 'docs_dir': expected a folder name, got {type(docs_dir).__name__}")
    custom_dir = theme.get("custom_dir")
    if custom_dir is not None and not isinstance(custom_dir, str):
        raise SiteConfigError(f"{path}: error: option 'theme.custom_dir': expected a folder name")
    site = SiteConfig(config_file=path, content_dir=_near(root, docs_dir),
                      templates_dir=_near(root, custom_dir) if custom_dir else None,
                      language=str(theme.get("language") or "en"))
    extra = raw.get("extra") if isinstance(raw.get("extra"), dict) else {}
    nightdesk_extra = extra.get("nightdesk") if isinstance(extra.get("nightdesk"), dict) else {}
    if isinstance(nightdesk_extra.get("strings"), dict):
        site.strings = dict(nightdesk_extra["strings"])
    plugins = raw.get("plugins")
    if plugins is not None and not isinstance(plugins, (list, dict)):
        raise SiteConfigError(f"{path}: error: option 'plugins': expected a list of plugins, got {plugins!r}")
    options = _plugin_options(plugins, PLUGIN)
    if options is not None:
        _apply_plugin_options(site, options, path)
    site.checks = dataclasses.replace(site.checks, language=site.language)
    search = _plugin_options(plugins, "nightdesk/search")
    if isinstance(search, dict) and isinstance(search.get("synonyms"), str):
        site.synonyms_file = search["synonyms"]
    return site


def _near(root: Path, value: str) -> Path:
    """A path from mkdocs.yml, relative to its folder, shown relative to where the command runs."""
    return Path(os.path.relpath(root / value))


def _plugin_options(plugins: Any, plugin: str) -> Any:
    """A plugin's options, from either the list or the mapping form of `plugins:`."""
    entries = plugins.items() if isinstance(plugins, dict) else [
        next(iter(item.items())) if isinstance(item, dict) and item else (item, {}) for item in plugins or []]
    for name, options in entries:
        if name == plugin:
            return options or {}
    return None


def _apply_plugin_options(site: SiteConfig, options: dict, path: Path) -> None:
    from nightdesk.mkdocs.tasks.config import TasksConfig  # the one definition of the plugin's options

    if not isinstance(options, dict):
        raise SiteConfigError(f"{path}: error: plugin '{PLUGIN}': expected its options as `option: value` lines")
    config = TasksConfig(config_file_path=str(path))
    config.load_dict(options)
    errors, _warnings = config.validate()
    if errors:
        raise SiteConfigError("; ".join(f"{path}: error: plugin '{PLUGIN}', option '{key}': {error}"
                                        for key, error in errors))
    site.tasks_file = config.tasks_file
    site.aliases = dict(config.aliases)
    site.checks = config.checks.settings()
    site.compat = config.compat.settings()


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that also accepts the tags MkDocs allows (`!ENV`, `!relative`, `!!python/name:...`),
    reading them as plain values: the commands only need nightdesk's own settings."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_TolerantLoader.add_constructor("!relative", lambda loader, node: None)
_TolerantLoader.add_constructor("tag:yaml.org,2002:timestamp", TextLoader.yaml_constructors["tag:yaml.org,2002:timestamp"])


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    for name in names[:-1] if len(names) > 1 else names:
        if name in os.environ:
            return os.environ[name]
    return names[-1] if len(names) > 1 else None


_TolerantLoader.add_constructor("!ENV", _env)
