"""Every nightdesk plugin: an `enabled` option, and typed, keyword-only, documented event handlers whose
docstring gives the priority when it is not the default (material's plugins are the model)."""
from __future__ import annotations

import inspect
from importlib.metadata import entry_points

import pytest

PLUGINS = {ep.name: ep.load() for ep in entry_points(group="mkdocs.plugins") if ep.name.startswith("nightdesk/")}


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_every_plugin_can_be_turned_off(name):
    assert "enabled" in dict(PLUGINS[name].config_class._schema)


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_handlers_are_typed_keyword_only_and_say_their_priority(name):
    for event, handler in inspect.getmembers(PLUGINS[name], inspect.isfunction):
        if not event.startswith("on_"):
            continue
        parameters = list(inspect.signature(handler).parameters.values())[1:]  # without self
        positional = [p for p in parameters if p.kind is not inspect.Parameter.KEYWORD_ONLY]
        assert len(positional) <= 1, f"{name} {event}: only the item the event passes is positional"
        assert all(p.annotation is not inspect.Parameter.empty for p in parameters), f"{name} {event}: typed"
        assert handler.__doc__, f"{name} {event}: docstring"
        if getattr(handler, "mkdocs_priority", 0):
            assert f"Priority: {handler.mkdocs_priority}" in handler.__doc__, f"{name} {event}: priority in docstring"
