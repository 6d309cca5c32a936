from nightdesk.core.articles import plain_text, read_article

FULL = """---
title: Refund a customer
summary: Open the invoice and tap Refund.
kind: how-to
time: 3
---

# Refund (H1 differs)

Intro.

## Steps

1. Open the invoice.
2. Tap **Refund**.

```text
1. not a step, it is code
# not a heading
```
"""

LEGACY = """# Export for your accountant

Your accountant can get every [invoice](../get-paid/x.md) as a **spreadsheet**
in two taps.

- a list item
"""


def test_front_matter_gives_title_summary_and_body():
    article, problems = read_article("get-paid/refund.md", FULL)
    assert problems == []
    assert article.title == "Refund a customer"
    assert article.summary == "Open the invoice and tap Refund."
    assert article.body.startswith("\n# Refund (H1 differs)")
    assert article.body_line == 7
    assert article.kind == "how-to" and article.time == 3
    assert article.key_lines == {"title": 2, "summary": 3, "kind": 4, "time": 5}


def test_steps_and_headings_ignore_code_blocks():
    article, _ = read_article("a.md", FULL)
    assert article.steps == 2
    assert [(h.level, h.text, h.line) for h in article.headings] == [(1, "Refund (H1 differs)", 8), (2, "Steps", 12)]


def test_article_without_front_matter_uses_h1_and_first_paragraph():
    article, problems = read_article("reports-and-tax/export.md", LEGACY)
    assert problems == []
    assert article.title == "Export for your accountant"
    assert article.summary == "Your accountant can get every invoice as a spreadsheet in two taps."
    assert article.folder == "reports-and-tax"
    assert article.kind == "concept"  # no numbered steps, no declared kind


def test_article_with_steps_and_no_kind_is_a_how_to():
    article, _ = read_article("a.md", "Do it:\n\n1. One\n2. Two\n")
    assert article.kind == "how-to"
    assert article.title == "A"


def test_title_falls_back_to_the_file_name():
    article, _ = read_article("get-paid/card-payment_declined.md", "Some text.\n")
    assert article.title == "Card payment declined"


def test_broken_yaml_is_an_error_with_its_line_and_never_leaks_into_the_body():
    source = "---\ntitle: Fine\nsummary: [unclosed\n---\n# Body\n"
    article, problems = read_article("a.md", source)
    assert len(problems) == 1
    assert problems[0].line == 3 and problems[0].level == "error"  # where the unclosed "[" starts
    assert "front matter is not valid YAML" in problems[0].message
    assert article.body == "# Body\n"
    assert article.title == "Body"


def test_unclosed_front_matter_is_an_error():
    _, problems = read_article("a.md", "---\ntitle: x\n\n# Body\n")
    assert [(p.line, p.message) for p in problems] == [(1, "front matter starts with '---' but never ends; add a closing '---' line")]


def test_front_matter_that_is_not_a_mapping_is_an_error():
    _, problems = read_article("a.md", "---\n- a\n- b\n---\n")
    assert problems[0].message == "front matter must be a list of 'key: value' lines"


def test_field_errors_point_at_the_field_line():
    _, problems = read_article("x/a.md", "---\ntitle: ok\ntime: later\n---\n")
    assert [str(p) for p in problems] == ["x/a.md:3: error: field 'time': expected a number of minutes (e.g. 5), got str 'later'"]
    assert problems[0].field == "time"


def test_plain_text_strips_inline_markup():
    assert plain_text("See [the `list`](a.md) and **this** <br>") == "See the list and this"
