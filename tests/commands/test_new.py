"""`nightdesk new`: every kind gives an article that passes `check` and, once written, builds with --strict."""
import io
import re
import sys

import pytest
from sitebuild import build_site
from small_site import site  # noqa: F401  (a fixture)

from nightdesk.cli import main
from nightdesk.core.schema import KINDS


def test_every_kind_passes_check_and_builds_once_the_todos_are_written(site, capsys):
    for kind in KINDS:
        assert main(["new", f"Refund a customer ({kind})", "--task", "get-paid", "--kind", kind]) == 0
    created = sorted((site / "content" / "get-paid").glob("refund-a-customer-*.md"))
    assert [p.name for p in created] == sorted(f"refund-a-customer-{kind}.md" for kind in KINDS)
    assert "Created content/get-paid/refund-a-customer-concept.md: replace each TODO" in capsys.readouterr().out

    # As scaffolded: no error, one reminder per article that TODOs are left.
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "7 articles, 0 errors, 5 warnings" in out
    # One line per article (the count per cause at the end of the output is not a problem line).
    assert sum(line.startswith("content/") and "scaffold text still here" in line for line in out.splitlines()) == 5

    for path in created:  # the author writes the article (here: keeps the guidance text as the content)
        path.write_text(re.sub(r"TODO:? ?", "", path.read_text()).replace("|  |  |", "| Paid | Money received |"))
    assert main(["check"]) == 0
    assert "7 articles, 0 errors, 0 warnings" in capsys.readouterr().out
    done = build_site(site / "mkdocs.yml", site / "site")
    assert done.returncode == 0, done.stderr
    assert (site / "site" / "get-paid" / "refund-a-customer-how-to.html").is_file()


def test_refuses_to_overwrite(site, capsys):
    assert main(["new", "Send an invoice", "--task", "get-paid"]) == 1
    assert capsys.readouterr().err == ("nightdesk new: error: content/get-paid/send-an-invoice.md already exists; "
                                       "pick another title or edit that article\n")
    assert "Tap **Start**" in (site / "content" / "get-paid" / "send-an-invoice.md").read_text()


def test_unknown_task_lists_the_known_ones(site, capsys):
    assert main(["new", "Refund", "--task", "money"]) == 1
    assert capsys.readouterr().err == "nightdesk new: error: unknown task 'money'; known tasks: get-paid, bookings\n"


def test_without_a_terminal_missing_arguments_are_a_usage_error(site, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with pytest.raises(SystemExit) as exit_:
        main(["new", "Refund a customer"])
    assert exit_.value.code == 2
    assert ("error: give --task, e.g. nightdesk new \"Refund a customer\" --task get-paid (tasks: get-paid, bookings)"
            in capsys.readouterr().err)


def test_in_a_terminal_it_asks_for_what_is_missing(site, capsys, monkeypatch):
    answers = iter(["Cancel a booking", "bookings", ""])  # "" takes the default kind, how-to
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda question: next(answers))
    assert main(["new"]) == 0
    text = (site / "content" / "bookings" / "cancel-a-booking.md").read_text()
    assert "title: Cancel a booking\n" in text and "kind: how-to\n" in text and "tasks: [bookings]\n" in text


def test_the_site_scaffold_wins(site, capsys):
    (site / "templates" / "scaffolds").mkdir(parents=True)
    (site / "templates" / "scaffolds" / "faq.md.j2").write_text("---\ntitle: {{ title }}\n---\n\nOur FAQ.\n")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: templates\n"))
    assert main(["new", "Billing questions", "--task", "get-paid", "--kind", "faq"]) == 0
    assert (site / "content" / "get-paid" / "billing-questions.md").read_text().endswith("Our FAQ.\n")
