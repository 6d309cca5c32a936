"""Each check on a small broken knowledge base: the file, the line and the message an author sees."""
import datetime as dt

import pytest

from nightdesk.core.checks import FAMILIES, CheckSettings, run_checks
from nightdesk.core.checks.plain_language import count_syllables
from nightdesk.core.compat import CompatSettings
from nightdesk.core.knowledge_base import KnowledgeBase

TODAY = dt.date(2026, 11, 23)
TASKS = "- id: get-paid\n  title: Get paid\n- id: bookings\n  title: Bookings\n"


def article(title="Refund a customer", *, summary="Tap Refund and confirm.", tasks="get-paid", kind="how-to",
            reviewed="2026-11-01", body="1. Tap **Refund**.\n2. Tap **Confirm**.\n"):
    front = [f"title: {title}", f"tasks: [{tasks}]", f"kind: {kind}", f"reviewed: {reviewed}"]
    if summary is not None:
        front.insert(1, f"summary: {summary}")
    return "---\n" + "\n".join(front) + "\n---\n\n" + f"# {title}\n\n" + body


def check(sources, *, tasks=TASKS, files=(), settings=None, compat=None):
    kb = KnowledgeBase.from_sources(sources, tasks, prefix="content/", compat=compat)
    return run_checks(kb, list(sources) + list(files), settings, today=TODAY)


def messages(report, family=None):
    problems = report.found[family] if family else report.problems
    return [str(p) for p in problems]


def only(report, family):
    found = messages(report, family)
    assert len(found) == 1, found
    return found[0]


def test_a_healthy_knowledge_base_has_nothing_to_say():
    report = check({"get-paid/refund.md": article(), "bookings/move.md": article("Move a booking", tasks="bookings")})
    assert report.problems == []
    assert report.summary == "2 articles, 0 errors, 0 warnings"
    assert list(report.found) == list(FAMILIES)


# ---- front matter: reported once, by the knowledge base --------------------------------------------


def test_front_matter_errors_come_from_the_knowledge_base_once():
    source = article(tasks="get-paid, nowhere").replace("reviewed: 2026-11-01", "reviewed: last week\nrelated: [gone.md]")
    report = check({"get-paid/refund.md": source, "bookings/move.md": article("Move", tasks="bookings")})
    assert messages(report) == [
        "content/get-paid/refund.md:6: error: field 'reviewed': expected a date like 2026-09-14, got str 'last week'",
        "content/get-paid/refund.md:4: error: unknown task 'nowhere'; known tasks: get-paid, bookings",
        "content/get-paid/refund.md:7: error: related article 'gone.md' does not exist",
    ]
    assert report.summary == "2 articles, 3 errors, 0 warnings"


# ---- links, anchors, images ------------------------------------------------------------------------


def test_broken_link_names_the_line_and_the_missing_file():
    body = "Intro.\n\nSee [the invoice guide](../get-paid/send-invoice.md) first.\n\n1. Tap it.\n"
    report = check({"get-paid/refund.md": article(), "bookings/move.md": article("Move", tasks="bookings", body=body)})
    assert only(report, "links") == ("content/bookings/move.md:13: error: link '../get-paid/send-invoice.md' "
                                     "points to get-paid/send-invoice.md, which does not exist")


def test_anchors_are_heading_slugs_as_python_markdown_makes_them():
    target = article(body="## What's next?\n\n## Steps\n\n1. Tap.\n\n## Steps\n\n## Card *readers* {#reader}\n")
    links = ("1. Read [next](refund.md#whats-next), [again](refund.md#steps_1), [reader](refund.md#reader).\n"
             "2. Broken: [x](refund.md#what-next) and [self](#nope).\n")
    report = check({"get-paid/refund.md": target, "get-paid/other.md": article("Other", body=links)})
    assert messages(report, "links") == [
        "content/get-paid/other.md:12: error: link 'refund.md#what-next': no heading with the anchor '#what-next' "
        "in get-paid/refund.md (its anchors: #reader, #refund-a-customer, #steps, #steps_1, #whats-next)",
        "content/get-paid/other.md:12: error: link '#nope': no heading with the anchor '#nope' on this page "
        "(its anchors: #other)",
    ]


def test_missing_image_is_an_error_and_present_images_are_fine():
    body = "![The refund button](img/refund.png)\n\n![Gone](img/missing.png)\n\n1. Tap.\n"
    report = check({"get-paid/refund.md": article(body=body)}, files=["get-paid/img/refund.png"])
    assert only(report, "links") == ("content/get-paid/refund.md:13: error: image 'img/missing.png' not found "
                                     "(looked for get-paid/img/missing.png in the content folder)")


def test_links_in_code_are_examples_not_links():
    body = ("Write `[x](nowhere.md)` like this:\n\n```markdown\n[x](nowhere.md)\n```\n\n1. Tap.[^1]\n\n"
            "[^1]: A footnote, not a link.\n")
    assert messages(check({"get-paid/refund.md": article(body=body)}), "links") == []


def test_hub_pages_home_and_other_files_are_valid_targets():
    body = ("1. [Hub](index.md), [home](../index.md), [price list](prices.pdf), [web](https://example.com), "
            "[ref][prices], <a href=\"mailto:help@example.com\">mail</a>.\n\n[prices]: prices.pdf\n")
    report = check({"get-paid/refund.md": article(body=body)}, files=["get-paid/prices.pdf"])
    assert messages(report, "links") == []


def test_absolute_links_and_html_links_get_a_suggestion():
    body = "1. [a](/get-paid/other.md) and [b](other.html).\n"
    # Compatibility would resolve both (see tests/core/compat); without it they are reported.
    no_links = CompatSettings(site_links=False, folder_links=False)
    report = check({"get-paid/refund.md": article(body=body), "get-paid/other.md": article("Other")}, compat=no_links)
    assert messages(report, "links") == [
        "content/get-paid/refund.md:11: error: link '/get-paid/other.md' starts with '/', which breaks when the site "
        "is opened from disk or served from a sub-folder; write it relative to this article; did you mean 'other.md'?",
        "content/get-paid/refund.md:11: error: link 'other.html' points to get-paid/other.html, which does not exist; "
        "did you mean 'other.md'?",
    ]


def test_a_link_to_a_folder_is_a_warning_with_the_fix():
    report = check({"get-paid/refund.md": article(body="1. See [bookings](../bookings/).\n")})
    assert only(report, "links") == (
        "content/get-paid/refund.md:11: warning: link '../bookings/' points at a folder, which opens a file listing "
        "when the site is used offline; link to '../bookings/index.md' instead")


# ---- structure ----------------------------------------------------------------------------------


def test_task_with_no_article_points_at_its_line_in_tasks_yml():
    report = check({"get-paid/refund.md": article()})
    assert only(report, "structure") == (
        "content/tasks.yml:3: warning: task 'bookings' has no articles, so its hub page is empty; "
        "add 'tasks: [bookings]' to an article, or remove the task")


def test_duplicate_titles():
    report = check({"get-paid/refund.md": article(), "bookings/refund.md": article(tasks="bookings")})
    assert only(report, "structure") == (
        "content/get-paid/refund.md:2: warning: title 'Refund a customer' is also the title of bookings/refund.md; "
        "readers cannot tell them apart in lists and search, so make each title say what is different")


def test_missing_and_too_long_summaries():
    long = "word " * 40
    report = check({"get-paid/a.md": article("A", summary=None, body="1. Tap.\n"),
                    "get-paid/b.md": article("B", summary=long.strip()),
                    "bookings/c.md": article("C", tasks="bookings", summary=None, body=long + "\n\n1. Tap.\n")})
    assert messages(report, "structure") == [
        "content/bookings/c.md:1: warning: first paragraph (used as the summary) is 199 characters; keep it under "
        "160 so it fits a phone screen and search results",
        "content/get-paid/a.md:1: warning: no summary: add 'summary:' with the one-sentence answer shown at the top "
        "of the article and in lists",
        "content/get-paid/b.md:3: warning: summary is 199 characters; keep it under 160 so it fits a phone screen "
        "and search results",
    ]


def test_scaffold_text_left_in_is_reported_once_per_article():
    body = "TODO: intro.\n\n1. TODO: first step.\n2. Tap **Done**.\n"
    report = check({"get-paid/refund.md": article(summary="TODO one sentence", body=body)}, tasks=None)
    assert only(report, "structure") == ("content/get-paid/refund.md:3: warning: scaffold text still here "
                                         "(also on lines 11, 13): replace each TODO before publishing")


# ---- freshness ----------------------------------------------------------------------------------


def test_stale_articles_are_listed_oldest_first():
    report = check({"get-paid/a.md": article("A", reviewed="2026-02-01"),
                    "get-paid/b.md": article("B", reviewed="2025-06-30"),
                    "bookings/c.md": article("C", tasks="bookings", reviewed="2026-06-01")})
    assert messages(report, "freshness") == [
        "content/get-paid/b.md:6: warning: last reviewed 2025-06-30 (511 days ago): check it still matches the "
        "product, then set 'reviewed: 2026-11-23'",
        "content/get-paid/a.md:6: warning: last reviewed 2026-02-01 (295 days ago): check it still matches the "
        "product, then set 'reviewed: 2026-11-23'",
    ]
    assert report.health["stale"] == 2
    assert report.health["oldest_review"] == "2025-06-30"


def test_stale_age_is_configurable_and_future_dates_are_questioned():
    sources = {"get-paid/a.md": article("A", reviewed="2026-10-01"), "bookings/b.md": article("B", tasks="bookings",
                                                                                             reviewed="2027-01-01")}
    report = check(sources, settings=CheckSettings(stale_after_days=30))
    assert messages(report, "freshness") == [
        "content/get-paid/a.md:6: warning: last reviewed 2026-10-01 (53 days ago): check it still matches the "
        "product, then set 'reviewed: 2026-11-23'",
        "content/bookings/b.md:6: warning: 'reviewed: 2027-01-01' is in the future; use the date you checked the article",
    ]


# ---- plain language -------------------------------------------------------------------------------


HARD = ("Notwithstanding the aforementioned considerations, reimbursement eligibility determinations "
        "necessitate comprehensive verification of transactional documentation by authorised administrative "
        "personnel prior to authorisation.")


def test_hard_reading_is_a_warning_with_the_longest_sentence():
    body = f"Refunds are easy. Tap the button.\n\n{HARD}\n\n1. Tap.\n"
    report = check({"get-paid/refund.md": article(body=body)})
    message = only(report, "plain-language")
    assert message.startswith("content/get-paid/refund.md:9: warning: reads at school grade ")
    assert message.endswith("(aim for 8 or lower); the longest sentence, on line 13, has 20 words: use shorter "
                            "sentences and everyday words")


def test_the_grade_ceiling_is_configurable():
    body = f"{HARD}\n\n1. Tap.\n"
    assert messages(check({"get-paid/refund.md": article(body=body)}, settings=CheckSettings(max_grade=40)),
                    "plain-language") == []


def test_long_steps_and_a_how_to_without_steps():
    long_step = "1. " + " ".join(["tap"] * 36) + "\n   and then more.\n2. Short step.\n"
    report = check({"get-paid/refund.md": article(body=long_step),
                    "get-paid/other.md": article("Other", body="Just talk, no steps.\n")})
    assert messages(report, "plain-language") == [
        "content/get-paid/other.md:5: warning: a how-to needs numbered steps (1. 2. 3.); if the article explains "
        "rather than instructs, make it 'kind: concept'",
        "content/get-paid/refund.md:11: warning: step is 39 words long (aim for 35 or fewer): one action per step "
        "is easier to follow on a phone",
    ]


@pytest.mark.parametrize("word, syllables", [("tap", 1), ("invoice", 2), ("customer", 3), ("refunded", 3),
                                             ("automatically", 6), ("make", 1)])
def test_syllable_estimate(word, syllables):
    assert count_syllables(word) == syllables


def test_reference_links_and_html_images_are_checked_too():
    body = "1. See [the guide][guide] and <img src=\"shot.png\" alt=\"\">.\n\n[guide]: guide.md\n"
    report = check({"get-paid/refund.md": article(body=body)})
    assert messages(report, "links") == [
        "content/get-paid/refund.md:11: error: image 'shot.png' not found (looked for get-paid/shot.png in the "
        "content folder)",
        "content/get-paid/refund.md:13: error: link 'guide.md' points to get-paid/guide.md, which does not exist",
    ]


def test_a_few_words_get_no_reading_grade():
    """A formula over two words is noise: "Manage subscriptions." is not hard reading."""
    report = check({"get-paid/refund.md": article(kind="concept", body="Manage subscriptions.\n")})
    assert messages(report, "plain-language") == []
