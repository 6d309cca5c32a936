from compat_helpers import converted

SNIPPET = "---\ntitle: snippet\n---\nBusiness Central"


def test_learn_include_inline_and_as_a_block():
    others = {"includes/prod.md": SNIPPET, "includes/steps.md": "1. Open it.\n2. [Tap](../b.md) it.\n",
              "b.md": "# B\n"}
    body = "Use [!INCLUDE[prod](includes/prod.md)] daily.\n\n[!INCLUDE[steps](includes/steps.md)]\n"
    out = converted(body, others=others)
    assert "Use Business Central daily." in out.text
    assert "1. Open it.\n2. [Tap](b.md) it." in out.text  # the snippet's link, rebased onto the article
    assert out.problems == []
    assert out.included == [False, False, True, True]


def test_hugo_include_site_absolute_and_relative():
    others = {"user/conf/one.md": "---\ntitle: One\n---\nFirst part.\n", "user/conf/two.md": "Second part.\n"}
    body = '{{% include "/user/conf/one.md" %}}\n{{< include "two.md" >}}\n'
    out = converted(body, path="user/conf/all.md", others=others)
    assert out.text == "First part.\nSecond part.\n"


def test_missing_include_and_cycle_are_errors_at_the_directive():
    others = {"b.md": "{{% include \"a.md\" %}}\n"}
    out = converted("x\n{{% include \"b.md\" %}}\n[!INCLUDE[x](nope.md)]\n", others=others)
    assert [str(p) for p in out.problems] == [
        "b.md:1: error: include cycle: a.md → b.md → a.md",
        "a.md:3: error: include 'nope.md' not found in the content folder",
    ]
    assert [p.cause for p in out.problems] == ["include cycle", "include not resolved"]


def test_includes_never_leave_the_content_folder():
    out = converted('{{% include "../../etc/passwd" %}}\n')
    assert out.text.strip() == "" and "not found" in out.problems[0].message


def test_include_in_code_is_shown_as_written():
    body = '```\n{{% include "b.md" %}}\n```\n'
    assert converted(body, others={"b.md": "B"}).text == body


def test_includes_in_title_and_summary_become_their_text():
    """Microsoft Learn writes product names as includes in front matter too."""
    from nightdesk.core.knowledge_base import KnowledgeBase

    sources = {
        "includes/prod_short.md": "Business Central\n",
        "pay.md": ("---\ntitle: Pay in [!INCLUDE[prod_short](includes/prod_short.md)]\n"
                   "description: 'Post payments in [!INCLUDE[prod_short](includes/prod_short.md)] :tada:'\n"
                   "ms.topic: how-to\n---\n\n# Pay\n\nText [!INCLUDE[x](includes/missing.md)].\n"),
    }
    kb = KnowledgeBase.from_sources(sources, None)
    article = kb.articles["pay.md"]
    assert article.title == "Pay in Business Central"
    assert article.summary == "Post payments in Business Central 🎉"
    assert [(p.line, p.message) for p in kb.problems if "include" in p.message] == [
        (9, "include 'includes/missing.md' not found in the content folder")]
