"""`nightdesk gaps FILE` against the built sample site: text and JSON reports, exit codes."""
import json

from nightdesk.cli import main

RECORDS = [
    {"id": "1", "type": "search", "query": "Gift vouchers", "results": 0},
    {"id": "2", "type": "search", "query": "gift  vouchers", "results": 0},
    {"id": "2", "type": "search", "query": "gift  vouchers", "results": 0},  # resent after a lost reply
    {"id": "3", "type": "search", "query": "refnd", "results": 0},
    {"id": "4", "type": "vote", "vote": "no", "article": "get-paid/refund-a-customer.md", "title": "Refund a customer"},
    {"id": "5", "type": "comment", "comment": "how to refund cash", "article": "get-paid/refund-a-customer.md"},
]


def records_file(tmp_path, lines):
    path = tmp_path / "feedback.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_text_report(tmp_path, sample_site, capsys):
    path = records_file(tmp_path, [json.dumps(r) for r in RECORDS[:3]] + ["{broken"] + [json.dumps(r) for r in RECORDS[3:]])
    assert main(["gaps", str(path), "--site", str(sample_site)]) == 0
    captured = capsys.readouterr()
    assert captured.err.strip() == f"{path}:4: warning: not valid JSON (Expecting property name enclosed in double quotes); skipped"
    out = captured.out.splitlines()
    assert out[0] == f"5 records in {path} (1 sent twice, counted once); 1 unreadable, skipped"
    assert "     2  gift vouchers  ->  still finds nothing" in out
    assert "     1  refnd  ->  now finds: Refund a customer (get-paid/refund-a-customer.html)" in out
    assert "     1 no, 0 yes, 1 comment  Refund a customer (get-paid/refund-a-customer.md)" in out
    assert "Suggested synonyms" in captured.out


def test_json_report(tmp_path, sample_site, capsys):
    path = records_file(tmp_path, [json.dumps(r) for r in RECORDS])
    assert main(["gaps", str(path), "--site", str(sample_site), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(s["query"], s["count"], s["answered"]) for s in report["failed_searches"]] == [
        ("gift vouchers", 2, False), ("refnd", 1, True)]
    assert report["no_votes"][0]["comments"] == ["how to refund cash"]
    assert report["duplicates"] == 1 and report["problems"] == []


def test_csv_export(tmp_path, sample_site, capsys):
    path = tmp_path / "export.csv"
    path.write_text("type,query,results,extra\nsearch,cacountant,0,x\n", encoding="utf-8")
    assert main(["gaps", str(path), "--site", str(sample_site), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["failed_searches"][0]["did_you_mean"] == "accountant"
    assert report["suggested_synonyms"][0]["line"] == "accountant: [cacountant]"


def test_without_a_built_site_it_says_how_to_build_one(tmp_path, capsys):
    path = records_file(tmp_path, [json.dumps(RECORDS[0])])
    assert main(["gaps", str(path), "--site", str(tmp_path / "site")]) == 2
    assert "mkdocs build" in capsys.readouterr().err


def test_missing_records_file(tmp_path, sample_site, capsys):
    assert main(["gaps", str(tmp_path / "nope.jsonl"), "--site", str(sample_site)]) == 2
    assert "nope.jsonl: error: cannot read it" in capsys.readouterr().err
