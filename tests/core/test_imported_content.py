"""Content written for other tools: foreign front matter, summaries that answer, drafts, snippets,
section roots, task patterns and problems grouped by cause."""
from nightdesk.core.articles import choose_summary, read_article
from nightdesk.core.knowledge_base import KnowledgeBase
from nightdesk.core.problems import ERROR, Problem, group_by_cause, limit_per_cause
from nightdesk.core.schema import read_aliases, read_front_matter


def test_value_mapping_in_aliases():
    aliases, errors = read_aliases({"ms.topic": {"to": "kind", "values": {"article": "concept", "how-to": "how-to"}}})
    assert errors == []
    assert read_front_matter({"ms.topic": "Article"}, aliases)[0].kind == "concept"
    meta, errors = read_front_matter({"ms.topic": "include"}, aliases)
    assert meta.kind is None and errors == []  # a value outside the table is ignored


def test_bad_alias_rules_are_reported():
    _, errors = read_aliases({"x": "colour", "y": {"to": "kind", "values": 3}})
    assert len(errors) == 2 and "'x' must name a field" in errors[0]


def test_hugo_front_matter():
    source = "---\ntitle: Get &amp; keep paid\nweight: -1\nnoindex: yes\ndraft: 'false'\n---\nSome text.\n"
    article, problems = read_article("a.md", source)
    assert problems == []
    assert article.title == "Get & keep paid" and article.meta.order == -1
    assert article.meta.noindex and article.searchable and not article.draft  # noindex is for search engines
    assert not read_article("a.md", "---\nnosearch: true\n---\nx\n")[0].searchable


def test_summary_skips_filler_images_notes_and_questions():
    assert choose_summary(["On this documentation page, you will learn how to pay. Tap **Pay** to pay now."]) \
        == "Tap Pay to pay now."
    assert choose_summary(["![shot](a.png)", "**Note:** beta only.", "In this article", "Refunds go back to the card."]) \
        == "Refunds go back to the card."
    assert choose_summary(["How do I get paid? Connect a payment provider in Settings."]) \
        == "Connect a payment provider in Settings."
    assert choose_summary(["Dans cet article, nous verrons. Ouvrez la facture."]) == "Ouvrez la facture."


def test_summary_ignores_included_text_and_admonitions():
    sources = {"a.md": "[!INCLUDE[applies](includes/applies.md)]\n\n> [!NOTE]\n> Later.\n\nExport the file &#x20;\n",
               "includes/applies.md": "Applies to: everything.\n"}
    kb = KnowledgeBase.from_sources(sources, None)
    assert kb.article("a.md").summary == "Export the file"
    assert "includes/applies.md" not in kb.articles and kb.unpublished["includes/applies.md"] == "snippet"


def test_drafts_and_repository_readme_are_not_pages():
    sources = {"README.md": "# Docs\n\nTo contribute, open a pull request. Build the docs with `mkdocs serve`.\n",
               "a/x.md": "---\ndraft: true\n---\nSecret.\n", "a/y.md": "Hello.\n"}
    kb = KnowledgeBase.from_sources(sources, None)
    assert kb.unpublished == {"README.md": "repository", "a/x.md": "draft"}
    assert list(kb.articles) == ["a/y.md"] and not kb.intros
    assert "README.md is about the repository" in kb.notes[0]


def test_another_tools_table_of_contents_is_not_a_page():
    """GitBook's SUMMARY.md (docsify's _sidebar.md...) lists links; a SUMMARY.md that says things is kept."""
    toc = "# Table of contents\n\n* [Welcome](README.md)\n* [Selling](selling/README.md)\n  * [Orders](selling/orders.md)\n"
    sources = {"SUMMARY.md": toc, "docs/_sidebar.md": toc, "selling/orders.md": "# Orders\n\nManage orders.\n",
               "reports/SUMMARY.md": "# Summary report\n\nThe summary report shows sales by day.\n"}
    kb = KnowledgeBase.from_sources(sources, None)
    assert kb.unpublished == {"SUMMARY.md": "table of contents", "docs/_sidebar.md": "table of contents"}
    assert sorted(kb.articles) == ["reports/SUMMARY.md", "selling/orders.md"]
    assert any("SUMMARY.md is another tool's table of contents" in note for note in kb.notes)


def test_one_wrapping_folder_is_looked_through_for_sections():
    sources = {"user/_index.md": "---\ntitle: Docs\n---\n", "user/pay/_index.md": "---\ntitle: Payment\nweight: 2\n---\n",
               "user/pay/paypal.md": "# PayPal\n\nConnect it.\n", "user/ship/_index.md": "---\ntitle: Shipping\nweight: 1\n---\n",
               "user/ship/rates.md": "# Rates\n\nSet them.\n"}
    kb = KnowledgeBase.from_sources(sources, None)
    assert [(t.id, t.title) for t in kb.tasks.values()] == [("ship", "Shipping"), ("pay", "Payment")]
    assert kb.article("user/pay/paypal.md").tasks == ["pay"]


def test_task_include_and_exclude_patterns():
    tasks = "- id: money\n  title: Get paid\n  include: ['*invoice*', 'billing/']\n  exclude: ['billing/old-*']\n"
    sources = {"flat/send-invoice.md": "# Send\n", "billing/a.md": "# A\n", "billing/old-b.md": "# B\n"}
    kb = KnowledgeBase.from_sources(sources, tasks)
    assert sorted(a.path for a in kb.articles_in("money")) == ["billing/a.md", "flat/send-invoice.md"]


def test_home_without_tasks_still_features_articles():
    sources = {"a.md": "# A\n\nSee [b](b.md).\n", "b.md": "# B\n\nText.\n", "c.md": "# C\n\nSee [b](b.md).\n"}
    kb = KnowledgeBase.from_sources(sources, None)
    assert not kb.tasks
    assert [a.path for a in kb.featured()][0] == "b.md"  # the most linked first


def test_unknown_tags_are_one_warning_per_kind():
    sources = {"a.md": "{{% x %}}\n", "b.md": "Hi {{% x %}} {{< y >}}\n"}
    messages = [str(p) for p in KnowledgeBase.from_sources(sources, "[]").problems]
    assert "a.md:1: warning: '{{% x %}}' cannot be shown, so it was removed from the page (2 times in 2 files)" \
           "; write what it stood for in Markdown" in messages
    assert sum("cannot be shown" in m for m in messages) == 2


def test_problems_grouped_by_cause_and_limited():
    problems = [Problem(f"p{i}.md", i, ERROR, f"include 'x{i}.md' not found") for i in range(1, 13)]
    problems.append(Problem("q.md", 3, ERROR, "other", cause="other thing"))
    groups = group_by_cause(problems)
    assert str(groups[0]) == "12 × error: include … not found: first at p1.md:1"
    shown, hidden = limit_per_cause(problems, 10)
    assert len(shown) == 11 and hidden == 2


def test_mdx_files_left_in_content_are_named_once():
    kb = KnowledgeBase.from_sources({"a.md": "# A\n\nText.\n"}, None, prefix="content/",
                                    files=["a.md", "docs/x.mdx", "docs/y.mdx"])
    (problem,) = [p for p in kb.problems if "MDX" in p.message]
    assert str(problem).startswith("content/docs/x.mdx:1: warning: 2 MDX files are not published as pages")


def test_old_addresses_of_two_articles_cannot_collide():
    sources = {"a.md": "---\nredirect_from: [/old/]\n---\n# A\n", "b.md": "---\naliases: [/old, http://x.example/y]\n---\n# B\n",
               "c.md": "---\naliases: [old]\n---\n# C\n"}
    kb = KnowledgeBase.from_sources(sources, None)
    redirects, problems = kb.redirects()
    assert redirects == {"old/index.html": "a.md"}
    assert [str(p) for p in problems] == ["c.md:2: error: old address 'old' already leads to a.md"]
    assert [str(p) for p in kb.problems if "address" in p.message] == [
        "b.md:2: error: field 'aliases': 'http://x.example/y' is not an address on this site; "
        "write its path, e.g. /billing/old-page/"]


def test_a_thematic_break_is_never_the_summary():
    """Hugo pages often open with a rule under some HTML: the short answer must not read '---'."""
    kb = KnowledgeBase.from_sources({"a.md": "---\ntitle: A\n---\n<br /><br />\n\n---\n# Heading\n\nSet the name.\n"}, None)
    assert kb.article("a.md").summary == "Set the name."
