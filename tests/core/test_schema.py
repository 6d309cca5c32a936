import datetime as dt

import pytest

from nightdesk.core.schema import DEFAULT_ALIASES, FrontMatter, read_front_matter


def test_every_field_is_optional():
    meta, errors = read_front_matter({})
    assert errors == []
    assert meta == FrontMatter()


def test_values_are_read_kindly():
    meta, errors = read_front_matter({
        "title": "Refund a customer", "summary": "Tap Refund.", "tasks": "get-paid, customers",
        "kind": "How-To", "time": "5 min", "audience": "owner", "keywords": ["money back", 2026],
        "related": ["a.md"], "reviewed": "2026-09-14", "owner": "Priya",
    })
    assert errors == []
    assert meta.tasks == ["get-paid", "customers"]
    assert meta.kind == "how-to"
    assert meta.time == 5
    assert meta.audience == ["owner"]
    assert meta.keywords == ["money back", "2026"]
    assert meta.reviewed == dt.date(2026, 9, 14)


def test_yaml_dates_and_datetimes_become_dates():
    meta, _ = read_front_matter({"reviewed": dt.datetime(2026, 1, 2, 10, 30)})
    assert meta.reviewed == dt.date(2026, 1, 2)


def test_foreign_keys_map_by_alias_and_unknown_keys_are_kept():
    meta, errors = read_front_matter({"description": "One line.", "tags": ["bill"], "hide": ["toc"]})
    assert errors == []
    assert meta.summary == "One line."
    assert meta.keywords == ["bill"]
    assert meta.extra == {"hide": ["toc"]}


def test_own_field_wins_over_alias_and_alias_value_is_kept():
    meta, _ = read_front_matter({"description": "Alias.", "summary": "Own."})
    assert meta.summary == "Own."
    assert meta.extra == {"description": "Alias."}


def test_aliases_are_configurable():
    meta, _ = read_front_matter({"excerpt": "Short."}, {"excerpt": "summary"})
    assert meta.summary == "Short."
    assert DEFAULT_ALIASES["description"] == "summary" and DEFAULT_ALIASES["tags"] == "keywords"


@pytest.mark.parametrize("key, value, message", [
    ("title", ["a", "b"], "field 'title': expected text, got a list"),
    ("summary", {"a": 1}, "field 'summary': expected text, got a mapping"),
    ("tasks", 3, "field 'tasks': expected a list (e.g. [a, b]) or comma-separated text, got int 3"),
    ("keywords", [["nested"]], "field 'keywords': expected a list of words, but one item is a list"),
    ("kind", "tutorial", "field 'kind': unknown kind 'tutorial'; use one of: how-to, troubleshooting, faq, concept, reference"),
    ("time", "soon", "field 'time': expected a number of minutes (e.g. 5), got str 'soon'"),
    ("time", -3, "field 'time': expected a number of minutes (e.g. 5), got int -3"),
    ("reviewed", "last week", "field 'reviewed': expected a date like 2026-09-14, got str 'last week'"),
    ("owner", True, "field 'owner': expected text, got bool True"),
])
def test_wrong_values_name_the_field(key, value, message):
    meta, errors = read_front_matter({key: value})
    assert errors == [(key, message)]
    assert getattr(meta, key) in (None, [])


def test_an_error_is_named_by_the_key_the_author_wrote():
    _, errors = read_front_matter({"tags": 5})
    assert errors[0][0] == "tags"
    assert errors[0][1].startswith("field 'tags':")
