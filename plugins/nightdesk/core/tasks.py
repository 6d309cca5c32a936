"""The task taxonomy: what readers come to do ("Get paid"), declared in tasks.yml or taken from folders."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from .articles import humanize
from .frontmatter import TextLoader, load_node
from .problems import ERROR, WARNING, Problem

TASK_KEYS = ("id", "title", "description", "icon", "order", "journey", "include", "exclude")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# "material/cash", "fontawesome/solid/house": names inside an icon set, never a path that climbs out of it.
_ICON_NAME = re.compile(r"^[A-Za-z0-9][\w-]*(/[A-Za-z0-9][\w.-]*)+$")


@dataclass
class Task:
    id: str  # also the folder of its hub page: <id>/index.html
    title: str
    description: str = ""
    icon: str | None = None  # an icon name such as "material/cash", or an emoji
    order: int = 0
    journey: list[str] = field(default_factory=list)  # article paths to follow in sequence
    line: int = 1  # where it is declared in tasks.yml
    journey_lines: list[int] = field(default_factory=list)
    icon_line: int = 1
    include: list[str] = field(default_factory=list)  # glob patterns of article paths this task holds
    exclude: list[str] = field(default_factory=list)  # glob patterns taken out of `include`

    @property
    def hub_path(self) -> str:
        return hub_path(self.id)

    def holds(self, path: str) -> bool:
        """Whether `include` (and not `exclude`) matches the article at `path`."""
        return (any(glob_match(pattern, path) for pattern in self.include)
                and not any(glob_match(pattern, path) for pattern in self.exclude))


def glob_match(pattern: str, path: str) -> bool:
    """gitignore-style: `*` within a folder, `**` across folders, `folder/` is everything below it, and a
    pattern without '/' matches a file name at any depth."""
    return _compiled(pattern).match(path) is not None


@lru_cache(maxsize=1024)
def _compiled(pattern: str) -> re.Pattern:
    pattern = pattern.strip().lstrip("./").lstrip("/") if pattern.strip().startswith(("./", "/")) else pattern.strip()
    if pattern.endswith("/"):
        pattern += "**"
    anywhere = "/" not in pattern
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        out.append("[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char))
        i += 1
    return re.compile(("(?:.*/)?" if anywhere else "") + "".join(out) + r"\Z")


def hub_path(task_id: str) -> str:
    """The source path of a task's hub page."""
    return f"{task_id}/index.md"


def read_tasks_file(path: str, text: str) -> tuple[list[Task], list[Problem]]:
    """Read tasks.yml: a list of tasks (or a mapping of id -> task). Problems name the line."""
    problems: list[Problem] = []
    try:
        root = yaml.compose(text, Loader=TextLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [], [Problem(path, mark.line + 1 if mark else 1, ERROR, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    except RecursionError:
        return [], [Problem(path, 1, ERROR, "nested too deeply to read")]
    if root is None:
        return [], []
    entries: list[tuple[str | None, yaml.Node]] = []
    if isinstance(root, yaml.SequenceNode):
        entries = [(None, node) for node in root.value]
    elif isinstance(root, yaml.MappingNode):
        entries = [(str(key.value) if isinstance(key, yaml.ScalarNode) else None, node) for key, node in root.value]
    else:
        return [], [Problem(path, 1, ERROR, "must be a list of tasks, each with an id and a title")]

    tasks: list[Task] = []
    seen: set[str] = set()
    for position, (key_id, node) in enumerate(entries):
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            problems.append(Problem(path, line, ERROR, "each task must be a mapping with at least 'id' and 'title'"))
            continue
        raw: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(path, key_node.start_mark.line + 1, ERROR, "a task's keys must be plain words"))
                continue
            key = str(key_node.value)
            raw[key] = load_node(value_node)
            lines[key] = key_node.start_mark.line + 1

        def text(key: str, default: str = "") -> str:
            """A plain-text value; a list or mapping is reported (it would show as "['a', 'b']")."""
            value = raw.get(key)
            if value is None or value == "":
                return default
            if isinstance(value, (list, dict)) or isinstance(value, bool):
                problems.append(Problem(path, lines.get(key, line), ERROR,
                                        f"task '{raw_id}': '{key}' must be text, got {'a list' if isinstance(value, list) else 'a mapping' if isinstance(value, dict) else repr(value)}",
                                        field=key))
                return default
            return str(value).strip()

        raw_id = raw.get("id") if raw.get("id") is not None else key_id
        if isinstance(raw_id, (list, dict)):
            problems.append(Problem(path, lines.get("id", line), ERROR, "a task's 'id' must be one word, not a list"))
            continue
        task_id = str(raw_id or "").strip()
        raw_id = task_id
        for unknown in sorted(set(raw) - set(TASK_KEYS)):
            problems.append(Problem(path, lines[unknown], WARNING,
                                    f"unknown key '{unknown}' in task '{task_id}'; known keys: {', '.join(TASK_KEYS)}"))
        if not task_id:
            problems.append(Problem(path, line, ERROR, "task without an 'id'"))
            continue
        if not _ID.match(task_id):
            problems.append(Problem(path, lines.get("id", line), ERROR,
                                    f"task id '{task_id}' must be lowercase letters, digits and hyphens (it becomes a URL)"))
            continue
        if task_id in seen:
            problems.append(Problem(path, lines.get("id", line), ERROR, f"task id '{task_id}' is declared twice"))
            continue
        seen.add(task_id)
        journey = raw.get("journey") or []
        if not isinstance(journey, list) or not all(isinstance(item, str) for item in journey):
            problems.append(Problem(path, lines.get("journey", line), ERROR,
                                    f"task '{task_id}': 'journey' must be a list of article paths"))
            journey = []
        journey_node = next((v for k, v in node.value if k.value == "journey"), None)
        journey_lines = ([item.start_mark.line + 1 for item in journey_node.value]
                         if isinstance(journey_node, yaml.SequenceNode) and journey else [])
        patterns = {}
        for key in ("include", "exclude"):
            value = raw.get(key) or []
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                problems.append(Problem(path, lines.get(key, line), ERROR,
                                        f"task '{task_id}': '{key}' must be a list of path patterns such as 'billing/**'"))
                value = []
            patterns[key] = [item.strip() for item in value if item.strip()]
        order = raw.get("order", position)
        if isinstance(order, bool) or not isinstance(order, int):
            problems.append(Problem(path, lines.get("order", line), ERROR,
                                    f"task '{task_id}': 'order' must be a whole number, got {order!r}"))
            order = position
        icon = text("icon") or None
        if icon and "/" in icon and (not _ICON_NAME.match(icon) or ".." in icon.split("/")):
            problems.append(Problem(path, lines.get("icon", line), ERROR,
                                    f"task '{task_id}': icon '{icon}' is not an icon name like material/cash "
                                    "(icons come only from the theme's .icons folders)", field="icon"))
            icon = None
        tasks.append(Task(
            id=task_id,
            title=text("title") or humanize(task_id),
            description=text("description"),
            icon=icon,
            order=order,
            journey=[item.strip() for item in journey],
            line=line,
            journey_lines=journey_lines,
            icon_line=lines.get("icon", line),
            include=patterns["include"],
            exclude=patterns["exclude"],
        ))
    tasks.sort(key=lambda task: task.order)
    return tasks, problems
