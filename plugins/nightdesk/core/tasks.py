"""The task taxonomy: what readers come to do ("Get paid"), declared in tasks.yml or taken from folders."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .articles import humanize
from .problems import ERROR, WARNING, Problem

TASK_KEYS = ("id", "title", "description", "icon", "order", "journey")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


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

    @property
    def hub_path(self) -> str:
        return hub_path(self.id)


def hub_path(task_id: str) -> str:
    """The source path of a task's hub page."""
    return f"{task_id}/index.md"


def read_tasks_file(path: str, text: str) -> tuple[list[Task], list[Problem]]:
    """Read tasks.yml: a list of tasks (or a mapping of id -> task). Problems name the line."""
    problems: list[Problem] = []
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [], [Problem(path, mark.line + 1 if mark else 1, ERROR, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    if root is None:
        return [], []
    entries: list[tuple[str | None, yaml.Node]] = []
    if isinstance(root, yaml.SequenceNode):
        entries = [(None, node) for node in root.value]
    elif isinstance(root, yaml.MappingNode):
        entries = [(key.value, node) for key, node in root.value]
    else:
        return [], [Problem(path, 1, ERROR, "must be a list of tasks, each with an id and a title")]

    tasks: list[Task] = []
    seen: set[str] = set()
    for position, (key_id, node) in enumerate(entries):
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            problems.append(Problem(path, line, ERROR, "each task must be a mapping with at least 'id' and 'title'"))
            continue
        raw: dict[str, Any] = yaml.safe_load(yaml.serialize(node)) or {}
        lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
        task_id = str(raw.get("id") or key_id or "").strip()
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
        order = raw.get("order", position)
        if isinstance(order, bool) or not isinstance(order, int):
            problems.append(Problem(path, lines.get("order", line), ERROR,
                                    f"task '{task_id}': 'order' must be a whole number, got {order!r}"))
            order = position
        tasks.append(Task(
            id=task_id,
            title=str(raw.get("title") or humanize(task_id)),
            description=str(raw.get("description") or ""),
            icon=str(raw["icon"]) if raw.get("icon") else None,
            order=order,
            journey=[item.strip() for item in journey],
            line=line,
            journey_lines=journey_lines,
        ))
    tasks.sort(key=lambda task: task.order)
    return tasks, problems

