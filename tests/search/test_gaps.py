"""Feedback records -> failed searches (re-run through the site's search), "no" votes, suggested synonyms."""
import json

import pytest

from nightdesk.search.gaps import gaps_report, read_records, synonym_line
from nightdesk.search.index import SearchArticle, build_search
from nightdesk.search.query import SearchEngine
from nightdesk.search.sections import split_sections
from nightdesk.search.synonyms import Synonyms, SynonymGroup
from nightdesk.search.packing import base36
from nightdesk.search.unpacking import unpack

REFUND = SearchArticle(url="get-paid/refund-a-customer.html", title="Refund a customer", summary="Give money back.",
                       keywords=["reimburse"], sections=split_sections("<h1>Refund a customer</h1><p>Tap Refund.</p>"))
ACCOUNTANT = SearchArticle(url="reports/give-your-accountant-access.html", title="Give your accountant access",
                           summary="Let your accountant see your figures.",
                           sections=split_sections("<p>Invite them from Settings.</p>"))
CARD = SearchArticle(url="get-paid/take-a-card-payment.html", title="Take a card payment",
                     sections=split_sections("<p>Tap the reader.</p>"))


@pytest.fixture(scope="module")
def engine():
    synonyms = Synonyms((SynonymGroup("refund", ("money back",), 1),)).for_browser()
    bundle = build_search([REFUND, ACCOUNTANT, CARD], synonyms=synonyms)
    return SearchEngine(unpack(bundle.index), bundle.store)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_lines_with_a_bad_line_are_read_and_the_line_reported(tmp_path):
    path = write(tmp_path, "records.jsonl", '{"type": "search", "query": "x", "results": 0}\n{oops\n\n'
                                            '{"type": "party"}\n[1]\n{"type": "vote", "vote": "no"}\n')
    records, problems = read_records(path, "records.jsonl")
    assert [r["type"] for r in records] == ["search", "vote"]
    assert [str(p).split(": ")[0] for p in problems] == ["records.jsonl:2", "records.jsonl:4", "records.jsonl:5"]
    assert "not valid JSON" in problems[0].message and "unknown record type 'party'" in problems[1].message


def test_csv_export_with_extra_columns_and_empty_cells(tmp_path):
    path = write(tmp_path, "export.csv", "Submitted,type,query,results,vote,article\n"
                                         "2026-06-16,search,Gift Vouchers,0,,\n"
                                         "2026-06-16,vote,,,no,get-paid/refund-a-customer.md\n"
                                         "2026-06-16,search,a,0,,,surplus\n")
    records, problems = read_records(path)
    assert records[0] == {"Submitted": "2026-06-16", "type": "search", "query": "Gift Vouchers", "results": "0"}
    assert records[1]["vote"] == "no" and "query" not in records[1]
    assert len(problems) == 1 and problems[0].line == 4


def test_csv_without_a_type_column_says_so(tmp_path):
    records, problems = read_records(write(tmp_path, "x.csv", "when,what\n1,2\n"))
    assert records == [] and "no 'type' column" in problems[0].message


def test_failed_searches_are_normalised_counted_and_rerun(engine):
    records = [{"type": "search", "query": q, "results": 0} for q in ("Gift  Vouchers", "gift vouchers ", "refnd")]
    records.append({"type": "search", "query": "refund", "results": 3})  # found something: not a gap
    report = gaps_report(records, engine)
    assert [(s.query, s.count, s.answered) for s in report.failed_searches] == [
        ("gift vouchers", 2, False), ("refnd", 1, True)]
    assert report.failed_searches[1].top[0] == {"title": "Refund a customer", "url": "get-paid/refund-a-customer.html"}


def test_a_record_sent_twice_counts_once(engine):
    record = {"type": "search", "query": "gift vouchers", "results": 0, "id": "abc"}
    report = gaps_report([record, dict(record), {**record, "id": "def"}], engine)
    assert (report.records, report.duplicates, report.failed_searches[0].count) == (2, 1, 2)


def test_articles_with_most_no_votes_and_their_comments(engine):
    refund, card = "get-paid/refund-a-customer.md", "get-paid/take-a-card-payment.md"
    records = [{"type": "vote", "vote": "no", "article": refund, "title": "Refund a customer"}] * 2 + [
        {"type": "vote", "vote": "yes", "article": refund},
        {"type": "comment", "comment": " cash refunds? ", "article": refund},
        {"type": "vote", "vote": "no", "article": card, "title": "Take a card payment"},
        {"type": "vote", "vote": "yes", "article": "other.md"},
    ]
    votes = gaps_report(records, engine).no_votes
    assert [(v.article, v.no, v.yes, v.comments) for v in votes] == [
        (refund, 2, 1, ["cash refunds?"]), (card, 1, 0, [])]


def test_synonyms_are_suggested_from_did_you_mean_and_from_a_near_identical_search(engine):
    records = [{"type": "search", "query": q, "results": 0}
               for q in ("cacountant", "cacountant", "gift vouchers", "gift card", "zzzz qqqq")]
    suggestions = gaps_report(records, engine).synonyms
    lines = [synonym_line(s) for s in suggestions]
    assert lines == ["accountant: [cacountant]", "card: [gift vouchers]"]  # nothing to say about "zzzz qqqq"
    assert suggestions[0].searches == 2 and suggestions[0].article == "Give your accountant access"


def test_synonym_lines_are_valid_yaml():
    import yaml

    from nightdesk.search.gaps import SynonymSuggestion

    line = synonym_line(SynonymSuggestion("refund", ["no", "money: back", "didn't pay"], 1, "", ""))
    assert yaml.safe_load(line) == {"refund": ["no", "money: back", "didn't pay"]}


def test_unpacked_index_is_the_one_lunr_py_built():
    """query.py's index (unpacking.Index, the twin of search-unpack.js) weighs every term of every
    document field as lunr.py's own index of the same documents does."""
    bundle = build_search([REFUND, ACCOUNTANT, CARD])
    index = unpack(json.loads(json.dumps(bundle.index)))
    assert sorted(index.terms) == sorted(bundle.lunr_index.inverted_index)
    names = {posting["_index"]: term for term, posting in bundle.lunr_index.inverted_index.items()}
    built = {key: {names[n]: score for n, score in zip(vector.elements[0::2], vector.elements[1::2])}
             for key, vector in bundle.lunr_index.field_vectors.items() if vector.elements}
    ours: dict[str, dict[str, float]] = {}
    for t, term in enumerate(index.terms):
        posting = index.postings(t)
        for f, field_name in enumerate(index.fields):
            for e in range(posting.start[f], posting.start[f + 1]):
                ours.setdefault(f"{field_name}/{base36(posting.documents[e])}", {})[term] = posting.weights[e] / 1000
    assert ours.keys() == built.keys()  # empty fields hold nothing, as in search-unpack.js
    for key in built:
        assert ours[key] == pytest.approx(built[key], abs=0.0011), key
