import pytest

from nightdesk.core.knowledge_base import KnowledgeBase

TASKS = """\
- id: get-paid
  title: Get paid
  journey: [get-paid/send-invoice.md, get-paid/take-card.md]
- id: bookings
  title: Manage bookings
"""


def art(title, kind="how-to", extra=""):
    return f"---\ntitle: {title}\nkind: {kind}\n{extra}---\n# {title}\n\nBody.\n"


SOURCES = {
    "index.md": "# Welcome\n\nHello.\n",
    "get-paid/index.md": "# Get paid\n\nIntro.\n",
    "get-paid/send-invoice.md": art("Send an invoice"),
    "get-paid/take-card.md": art("Take a card payment"),
    "get-paid/declined.md": art("Card declined", "troubleshooting", "related: [take-card.md, /get-paid/send-invoice]\n"),
    "get-paid/faq.md": art("Payment questions", "faq"),
    "get-paid/about.md": art("About payouts", "concept", "tasks: [get-paid, bookings]\n"),
    "bookings/no-shows.md": art("Deal with no-shows"),
}


@pytest.fixture
def kb():
    return KnowledgeBase.from_sources(SOURCES, TASKS, prefix="content/")


def test_articles_intros_and_tasks(kb):
    assert kb.problems == []
    assert sorted(kb.intros) == ["get-paid/index.md", "index.md"]
    assert "index.md" not in kb.articles
    assert kb.article("bookings/no-shows.md").tasks == ["bookings"]  # from its folder
    assert kb.article("get-paid/about.md").tasks == ["get-paid", "bookings"]


def test_a_task_lists_its_journey_first_then_by_kind(kb):
    titles = [a.title for a in kb.articles_in("get-paid")]
    assert titles == ["Send an invoice", "Take a card payment", "Card declined", "Payment questions", "About payouts"]
    assert [a.title for a in kb.articles_in("bookings")] == ["Deal with no-shows", "About payouts"]


def test_journey_neighbours(kb):
    first, second = kb.article("get-paid/send-invoice.md"), kb.article("get-paid/take-card.md")
    assert kb.journey_neighbours(first) == (None, second)
    assert kb.journey_neighbours(second) == (first, None)
    assert kb.journey_neighbours(kb.article("get-paid/faq.md")) == (None, None)


def test_related_resolves_relative_and_root_paths_else_uses_task_neighbours(kb):
    declined = kb.article("get-paid/declined.md")
    assert declined.meta.related == ["get-paid/take-card.md", "get-paid/send-invoice.md"]
    assert [a.title for a in kb.related(declined)] == ["Take a card payment", "Send an invoice"]
    assert [a.title for a in kb.related(kb.article("get-paid/faq.md"), limit=2)] == ["Send an invoice", "Take a card payment"]


def test_featured_defaults_to_each_tasks_first_article(kb):
    assert [a.title for a in kb.featured()] == ["Send an invoice", "Deal with no-shows"]
    assert [a.title for a in kb.featured(["get-paid/faq.md", "missing.md"])] == ["Payment questions"]


def test_cross_reference_errors_name_file_line_and_field():
    sources = {
        "get-paid/a.md": "---\ntitle: A\ntasks: [get-payd]\nrelated: [nowhere.md]\n---\n",
        "misc/b.md": "---\ntitle: B\ntasks: []\n---\n",
    }
    tasks = "- id: get-paid\n  journey:\n    - get-paid/a.md\n    - get-paid/gone.md\n"
    kb = KnowledgeBase.from_sources(sources, tasks, prefix="content/")
    assert [str(p) for p in kb.problems] == [
        "content/get-paid/a.md:3: error: unknown task 'get-payd'; known tasks: get-paid",
        "content/get-paid/a.md:4: error: related article 'nowhere.md' does not exist",
        "content/misc/b.md:1: warning: article is in no task, so no hub lists it; add 'tasks: [...]' to its front matter, "
        "or an 'include:' pattern to a task in tasks.yml",
        "content/tasks.yml:4: error: task 'get-paid': journey article 'get-paid/gone.md' does not exist",
    ]
    assert [p.field for p in kb.errors] == ["tasks", "related", None]
    assert kb.tasks["get-paid"].journey == ["get-paid/a.md"]


def test_without_tasks_file_top_level_folders_are_tasks_titled_by_their_index():
    sources = {
        "get-paid/index.md": "# Getting paid\n",
        "get-paid/a.md": "# A\n",
        "fix-problems/README.md": "---\ntitle: Fix a problem\n---\n",
        "fix-problems/b.md": "# B\n",
        "loose.md": "# Loose\n",
    }
    kb = KnowledgeBase.from_sources(sources, None)
    assert [(t.id, t.title) for t in kb.tasks.values()] == [("fix-problems", "Fix a problem"), ("get-paid", "Getting paid")]
    assert kb.article("get-paid/a.md").tasks == ["get-paid"]
    assert sorted(kb.intros) == ["fix-problems/index.md", "get-paid/index.md"]
    assert [p.path for p in kb.problems] == ["loose.md"]


def test_load_reads_a_folder(tmp_path):
    (tmp_path / "get-paid").mkdir()
    (tmp_path / "get-paid" / "a.md").write_text("# A\n\nFirst.\n")
    (tmp_path / "tasks.yml").write_text("- id: get-paid\n  title: Get paid\n")
    kb = KnowledgeBase.load(tmp_path)
    assert kb.article("get-paid/a.md").summary == "First."
    assert kb.tasks["get-paid"].title == "Get paid"


def test_page_paths_split_as_pathlib_splits_them():
    import itertools
    from pathlib import PurePosixPath

    from nightdesk.core.knowledge_base import _parts
    for pieces in itertools.product(["", "a", ".", "..", "/", "index.md"], repeat=3):
        for path in ("/".join(pieces), "".join(pieces)):
            assert _parts(path) == PurePosixPath(path).parts, path
