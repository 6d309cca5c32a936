"""`nightdesk gaps` with records written by the public: odd shapes, huge cells and terminal escape codes
are skipped or cleaned, never a traceback; and 100,000 records take seconds, not minutes."""
from __future__ import annotations

import json
import random

import pytest

from nightdesk.search.gaps import ANALYSED, clean_text, gaps_report, read_records
from nightdesk.search.index import SearchArticle, build_search
from nightdesk.search.query import SearchEngine
from nightdesk.search.sections import split_sections
from nightdesk.search.unpacking import unpack


@pytest.fixture(scope="module")
def engine():
    article = SearchArticle(url="get-paid/refund-a-customer.html", title="Refund a customer", summary="Give money back.",
                            sections=split_sections("<h1>Refund a customer</h1><p>Tap Refund.</p>"))
    bundle = build_search([article])
    return SearchEngine(unpack(bundle.index), bundle.store)


def test_odd_shapes_are_skipped_or_kept_as_plain_values(tmp_path, engine):
    deep = "[" * 100_000 + "]" * 100_000
    lines = [
        json.dumps({"type": "search", "query": "gift vouchers", "results": 0, "id": ["a", "b"]}),
        json.dumps({"type": "search", "query": "gift vouchers", "results": 0, "id": {"x": 1}}),
        deep,
        '{"type": "vote", "vote": "no", "article": "a.md", "title": {"nested": [1, 2]}}',
        json.dumps({"type": ["search"], "query": "x"}),
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, problems = read_records(path, "records.jsonl")
    assert [r["type"] for r in records] == ["search", "search", "vote"]
    assert all("id" not in r for r in records)
    assert [p.line for p in problems] == [3, 5]
    assert "nested too deeply" in problems[0].message
    report = gaps_report(records, engine)
    assert [(s.query, s.count) for s in report.failed_searches] == [("gift vouchers", 2)]
    assert report.no_votes[0].title == "a.md"

    array = tmp_path / "records.json"
    array.write_text(deep, encoding="utf-8")
    assert read_records(array)[0] == []


def test_a_200_kb_csv_cell_skips_its_row_only(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("type,query,results\nsearch," + "x" * 200_000 + ",0\nsearch,gift vouchers,0\n", encoding="utf-8")
    records, problems = read_records(path)
    assert [r["query"] for r in records] == ["gift vouchers"]
    assert len(problems) == 1 and "skipped" in problems[0].message


def test_terminal_escape_codes_never_reach_the_terminal(tmp_path, capsys, engine):
    from nightdesk.commands.gaps import as_text

    evil = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\u202etxt.exe\x9b1m\r\nnext"
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"type": "search", "query": evil, "results": 0},
        {"type": "vote", "vote": "no", "article": "a.md", "title": evil},
        {"type": "comment", "comment": evil, "article": "a.md"},
    ]) + "\n", encoding="utf-8")
    records, _ = read_records(path)
    text = as_text(gaps_report(records, engine), path, 20)
    assert not [ch for ch in text if ch != "\n" and (ord(ch) < 32 or 0x7f <= ord(ch) <= 0x9f or ch == "\u202e")]
    assert clean_text(evil) == "]0;pwned [2J [31mred txt.exe 1m next"


def test_100000_records_with_83000_distinct_queries_rerun_only_the_most_frequent(tmp_path, engine):
    """Re-running every one of 83,000 distinct queries took over 15 minutes; only ANALYSED are re-run
    (about 6 s for the whole report on this machine under load; speed itself is for benchmarks)."""
    random.seed(10)
    words = ["refund", "invoice", "gift", "voucher", "card", "printer", "staff", "rota", "tax", "vat"]
    lines = []
    for i in range(100_000):
        query = (f"{random.choice(words)} {i}" if i < 83_000 else random.choice(words) + " help")
        lines.append(json.dumps({"id": f"r{i}", "type": "search", "query": query, "results": 0}))
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    records, problems = read_records(path)
    report = gaps_report(records, engine)
    assert problems == [] and report.records == 100_000
    assert report.distinct_failed == 83_010 and len(report.failed_searches) == ANALYSED
    assert report.failed_searches[0].count > 1_000
