"""Scaffolds: the right shape for each kind, front matter the schema accepts, never an overwrite."""
import datetime as dt

import pytest

from nightdesk.core.articles import read_article
from nightdesk.core.scaffold import ScaffoldError, article_path, render_scaffold, slugify_title, write_article
from nightdesk.core.schema import KINDS

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_an_article_the_schema_accepts(kind):
    markdown = render_scaffold(kind, title="Refund a customer", task="get-paid", today=TODAY)
    article, problems = read_article("get-paid/refund-a-customer.md", markdown)
    assert problems == []
    assert article.title == "Refund a customer"
    assert (article.meta.kind, article.meta.tasks, article.meta.reviewed) == (kind, ["get-paid"], TODAY)
    assert article.meta.summary.startswith("TODO")
    assert article.meta.time > 0


def test_how_to_has_before_you_start_numbered_steps_and_what_happens_next():
    markdown = render_scaffold("how-to", title="Refund a customer", task="get-paid", today=TODAY)
    article, _ = read_article("x.md", markdown)
    assert [h.text for h in article.headings] == ["Refund a customer", "Before you start", "Steps",
                                                  "What happens next"]
    assert article.steps == 3


def test_troubleshooting_has_symptom_cause_and_fix():
    article, _ = read_article("x.md", render_scaffold("troubleshooting", title="Card declined", task="t", today=TODAY))
    assert [h.text for h in article.headings][1:] == ["What you see", "Why it happens", "Fix it"]
    assert article.steps == 3


def test_faq_is_questions_and_answers():
    article, _ = read_article("x.md", render_scaffold("faq", title="Billing questions", task="t", today=TODAY))
    assert all(h.text.endswith("?") for h in article.headings if h.level == 2)


@pytest.mark.parametrize("title", ['Refund: in-store', 'The "Pay now" button', "# of invoices", "Why, oh why?",
                                   "It's 50% off"])
def test_titles_with_yaml_characters_survive(title):
    article, problems = read_article("x.md", render_scaffold("concept", title=title, task="t", today=TODAY))
    assert problems == []
    assert article.title == title


def test_a_site_overrides_a_scaffold_in_its_templates_folder(tmp_path):
    (tmp_path / "scaffolds").mkdir()
    (tmp_path / "scaffolds" / "faq.md.j2").write_text("---\ntitle: {{ title }}\n---\nOur own FAQ shape\n")
    assert render_scaffold("faq", title="Q", task="t", override_dir=tmp_path).endswith("Our own FAQ shape\n")
    assert "## Steps" in render_scaffold("how-to", title="Q", task="t", override_dir=tmp_path)


@pytest.mark.parametrize("title, slug", [("Refund a customer", "refund-a-customer"),
                                         ("Can't log in? Try this", "cant-log-in-try-this"),
                                         ("Café opening hours", "cafe-opening-hours"),
                                         ("  VAT -- 20%  ", "vat-20")])
def test_file_names_come_from_titles(title, slug):
    assert slugify_title(title) == slug
    assert article_path("get-paid", title) == f"get-paid/{slug}.md"


def test_a_title_without_letters_cannot_name_a_file():
    with pytest.raises(ScaffoldError, match="no letters or digits"):
        article_path("get-paid", "???")


def test_unknown_kind_lists_the_kinds():
    with pytest.raises(ScaffoldError, match="unknown kind 'guide'; use one of: how-to, troubleshooting"):
        render_scaffold("guide", title="x", task="t")


def test_write_never_overwrites(tmp_path):
    written = write_article(tmp_path, "get-paid/refund.md", "first")
    assert written.read_text() == "first"
    with pytest.raises(ScaffoldError, match="already exists; pick another title or edit that article"):
        write_article(tmp_path, "get-paid/refund.md", "second")
    assert written.read_text() == "first"
