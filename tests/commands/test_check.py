"""`nightdesk check` as an author and CI run it: output formats, exit codes, settings from mkdocs.yml."""
import datetime as dt
import json

from small_site import RECENT, site, write_site  # noqa: F401  (site is a fixture)

from nightdesk.cli import main

OLD = (dt.date.today() - dt.timedelta(days=400)).isoformat()


def test_a_clean_site_passes_with_a_summary_and_health_report(site, capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "2 articles, 0 errors, 0 warnings",
        "Articles per task: Get paid 1, Bookings 1",
        f"Stale (not reviewed recently): 0; oldest review {RECENT}",
    ]


def test_errors_fail_with_path_line_level_message(site, capsys):
    article = site / "content" / "get-paid" / "send-an-invoice.md"
    article.write_text(article.read_text().replace("1. Tap **Start**.", "1. Tap **Start**, see [x](gone.md)."))
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ("content/get-paid/send-an-invoice.md:11: error: link 'gone.md' points to "
                                   "get-paid/gone.md, which does not exist")
    assert "2 articles, 1 error, 0 warnings" in out


def test_warnings_alone_do_not_fail(site, capsys):
    write_site(site, articles={"get-paid/old.md": ("Old news", "get-paid", OLD)})
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert f"content/get-paid/old.md:6: warning: last reviewed {OLD} (400 days ago)" in out
    assert "Stale (not reviewed recently): 1" in out


def test_settings_come_from_mkdocs_yml(site, capsys):
    write_site(site, plugin_options="checks:\n  stale_after_days: 500\n",
               articles={"get-paid/old.md": ("Old news", "get-paid", OLD)})
    assert main(["check"]) == 0
    assert "last reviewed" not in capsys.readouterr().out


def test_a_wrong_setting_is_named(site, capsys):
    write_site(site, plugin_options="checks:\n  stale_after_days: soon\n")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "mkdocs.yml: error: plugin 'nightdesk/tasks', option 'checks'" in err
    assert "stale_after_days" in err


def test_content_dir_argument_without_mkdocs_yml(site, capsys):
    (site / "mkdocs.yml").unlink()
    assert main(["check", "content"]) == 0
    assert "2 articles, 0 errors" in capsys.readouterr().out
    assert main(["check", "missing"]) == 2
    assert "missing: error: no such folder" in capsys.readouterr().err


def test_json_format(site, capsys):
    write_site(site, articles={"get-paid/old.md": ("Old news", "get-paid", OLD)})
    assert main(["check", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"articles": 3, "errors": 0, "warnings": 1}
    assert data["problems"] == [{"path": "content/get-paid/old.md", "line": 6, "level": "warning", "check": "freshness",
                                 "message": data["problems"][0]["message"]}]
    assert data["health"]["articles_per_task"] == {"Get paid": 2, "Bookings": 1}


def test_github_annotations_when_running_in_github_actions(site, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (site / "content" / "bookings" / "move-a-booking.md").write_text("---\ntitle: Move\nkind: guide\n---\n\n1. Tap.\n")
    assert main(["check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("::error file=content/bookings/move-a-booking.md,line=3,title=nightdesk check::field 'kind': "
                        "unknown kind 'guide'; use one of: how-to, troubleshooting, faq, concept, reference")
    assert "2 articles, 1 error, 1 warning" in lines
