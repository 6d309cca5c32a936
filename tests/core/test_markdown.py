"""The one Markdown scanner: steps, FAQ answers, JSON-LD and the checks agree on what is code."""
from nightdesk.core.articles import read_article
from nightdesk.core.checks.text import prose_lines
from nightdesk.core.markdown import first_paragraph, headings, numbered_steps, plain_text, questions_and_answers, scan
from nightdesk.core.seo import structured_data

CODE_EVERYWHERE = """# Export your data

Run the export from a terminal.

```
1. not a step: backtick fence
```

~~~~
```
2. still code: a longer tilde fence is not closed by backticks
```
~~~~

    3. not a step: indented code after a blank line

1. Open **Settings**.

    Continuation of the step, indented: not code.

2. Tap Export.

!!! tip
    Admonition text, indented: prose.
"""


def code_lines(markdown: str) -> list[str]:
    return [line.text.strip() for line in scan(markdown) if line.code]


def test_fences_of_both_kinds_and_indented_code_are_code():
    code = code_lines(CODE_EVERYWHERE)
    assert "1. not a step: backtick fence" in code
    assert "2. still code: a longer tilde fence is not closed by backticks" in code
    assert "3. not a step: indented code after a blank line" in code
    assert "Continuation of the step, indented: not code." not in code
    assert "Admonition text, indented: prose." not in code


def test_steps_json_ld_and_checks_agree():
    article = read_article("a.md", "---\nkind: how-to\n---\n" + CODE_EVERYWHERE)[0]
    assert article.steps == 2
    steps = ["Open Settings. Continuation of the step, indented: not code.", "Tap Export."]
    assert numbered_steps(article.body) == steps
    assert [s["text"] for s in structured_data(article)["step"]] == steps
    prose = " ".join(text for _, text in prose_lines(article))
    assert "not a step" not in prose and "still code" not in prose and "Admonition text" in prose


def test_lines_keep_their_file_numbers():
    article = read_article("a.md", "---\ntitle: T\n---\n# T\n\n```\n# not a heading\n```\n## Real\n")[0]
    assert [(h.level, h.text, h.line) for h in article.headings] == [(1, "T", 4), (2, "Real", 9)]
    assert headings("x\n    # indented code, not a heading\n") == []


def test_a_paragraph_line_indented_by_four_continues_the_paragraph():
    assert first_paragraph("First line\n    still the paragraph\n\nNext.") == "First line still the paragraph"
    assert code_lines("First line\n    still the paragraph\n") == []


def test_an_unclosed_fence_runs_to_the_end():
    assert code_lines("```\n1. code\n\n## code") == ["```", "1. code", "", "## code"]


def test_faq_answers_leave_code_out():
    assert questions_and_answers("## How do I export?\n\nRun it.\n\n```\nexport --all\n```\n") == [
        ("How do I export?", "Run it.")]


def test_plain_text_collapses_any_whitespace_and_drops_markup():
    assert plain_text("  Tap\t**Save**\u00a0and\u2003`wait`\n ") == "Tap Save and wait"
    assert plain_text("See [the *guide*](guide.md) &amp; <b>more</b>") == "See the guide & more"
    assert plain_text("snake_case __init__") == "snake_case init"
    assert plain_text("") == "" and plain_text(None) == ""
