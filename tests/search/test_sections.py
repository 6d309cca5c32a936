"""Splitting rendered article HTML into sections by heading."""
from nightdesk.search.sections import split_sections

HTML = """
<h1 id="refund-a-customer">Refund a customer<a class="headerlink" href="#refund-a-customer">&para;</a></h1>
<p>You can give back <strong>all</strong> or part of a payment.</p>
<h2 id="before-you-start">Before you start</h2>
<ul><li>Card payments</li><li>up to 180 days old</li></ul>
<h3 id="cash">Cash</h3><p>Give the cash back.</p>
<h4 id="notes">Notes</h4><p>Keep it in the invoice.</p>
<script>var skipped = 1;</script>
<h2 id="steps">Steps &amp; tips</h2><ol><li>Tap <em>Refund</em>.</li></ol>
"""


def test_one_section_per_h2_and_h3_with_anchor():
    sections = split_sections(HTML)
    assert [(s.anchor, s.heading, s.level) for s in sections] == [
        ("", "", 1), ("before-you-start", "Before you start", 2), ("cash", "Cash", 3), ("steps", "Steps & tips", 2)]


def test_text_keeps_words_apart_and_skips_title_permalinks_and_scripts():
    top, before, cash, steps = split_sections(HTML)
    assert top.text == "You can give back all or part of a payment."
    assert before.text == "Card payments up to 180 days old"
    assert cash.parent == "Before you start"
    assert cash.text == "Give the cash back. Notes Keep it in the invoice."  # h4 stays in its section
    assert steps.text == "Tap Refund."  # inline tags do not split words


def test_page_without_headings_is_one_section():
    (only,) = split_sections("<p>Just text</p>")
    assert only.anchor == "" and only.text == "Just text"
