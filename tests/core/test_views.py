import re

from nightdesk.core.knowledge_base import KnowledgeBase
from nightdesk.core.views import Views, fill_slot


def make_kb(count=30):
    sources = {f"get-paid/a{n:02d}.md": f"---\ntitle: Article {n:02d}\nsummary: Answer {n}.\ntime: 2\n---\n1. Step\n"
               for n in range(count)}
    sources["bookings/b.md"] = "# Booking\n"
    tasks = "- id: get-paid\n  title: Get paid\n  icon: \"💷\"\n- id: bookings\n  title: Bookings\n"
    return KnowledgeBase.from_sources(sources, tasks)


def link(path):
    return "/" + path.replace(".md", ".html")


def test_nav_lists_every_task_and_at_most_a_dozen_articles_with_a_link_to_the_hub():
    kb = make_kb()
    home, get_paid, bookings = Views(kb).nav("get-paid/a25.md")
    assert (home.path, bookings.path, bookings.children) == ("index.md", "bookings/index.md", [])
    hub, *articles, more = get_paid.children
    assert hub.index and hub.path == "get-paid/index.md" and get_paid.active
    assert len(articles) == 12
    assert [a.path for a in articles if a.current] == ["get-paid/a25.md"]  # the current article is always shown
    assert (more.title, more.path) == ("All articles in Get paid (18 more)", "get-paid/index.md")


def test_nav_on_a_hub_marks_the_hub_and_elsewhere_lists_tasks_only():
    kb = make_kb()
    hub = Views(kb).nav("get-paid/README.md")[1].children[0]
    assert hub.current and hub.index
    assert all(not item.children for item in Views(kb).nav())  # home + two tasks
    assert Views(kb).nav("index.md")[0].current


def test_home_has_a_tile_per_task_with_counts_and_the_intro_above():
    kb = make_kb(3)
    html = Views(kb).home(link, "<h1>Welcome</h1>")
    assert html.index("<h1>Welcome</h1>") < html.index("What do you want to do?")
    assert "<h2 id=\"nd-tasks-title\">What do you want to do?</h2>" in html
    assert "3 articles" in html and "1 article<" in html
    assert "💷" in html


def test_home_without_intro_makes_the_question_the_title():
    assert '<h1 id="nd-tasks-title">' in Views(make_kb(1)).home(link)


def test_hub_groups_by_kind_with_summary_and_time():
    kb = make_kb(2)
    html = Views(kb).hub(kb.tasks["get-paid"], link)
    assert "<h1>" in html and "How to" in html
    assert "Answer 1." in html and "2 min" in html
    assert '<li><a href="/index.html">Home</a></li>' in html


def test_article_puts_breadcrumb_and_answer_around_the_existing_h1():
    kb = make_kb(1)
    article = kb.article("get-paid/a00.md")
    html = Views(kb).article(article, '<h1 id="x">Article 00</h1>\n<p>Body</p>', link)
    assert html.index("nd-breadcrumb") < html.index('<h1 id="x">') < html.index("nd-answer") < html.index("<p>Body</p>")
    assert html.count("<h1") == 1
    assert "1 step<" in html


def test_article_without_h1_gets_one():
    kb = make_kb(1)
    html = Views(kb).article(kb.article("get-paid/a00.md"), "<p>Body</p>", link)
    assert "<h1>Article 00</h1>" in html


def test_a_site_can_override_a_view(tmp_path):
    (tmp_path / "nightdesk").mkdir()
    (tmp_path / "nightdesk" / "home.html").write_text("custom home: {{ tiles | length }} tasks")
    assert Views(make_kb(1), override_dir=tmp_path).home(link) == "custom home: 2 tasks"


def test_fill_slot_keeps_the_slot_for_the_next_feature():
    html = fill_slot("<p>a</p><!-- nightdesk:after-article -->", "after-article", "<aside>x</aside>")
    assert fill_slot(html, "after-article", "<aside>y</aside>").startswith("<p>a</p><aside>x</aside><aside>y</aside>")
