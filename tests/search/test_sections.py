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


# --- The regex tokenizer reads HTML as html.parser.HTMLParser does -----------------------------

TRICKY = [
    HTML,
    '<p>a &lt; b &amp; c &eacute; &#233; &#x41;</p><script>if (a<b) {x="</p>"}</script><p>after</p>',
    '<h2 id="x&amp;y">T<a class="md headerlink" href="#x">¶</a></h2><p>one<br>two<br/>three<hr /></p>',
    '<!-- c <h2>no</h2> --><h3 id=z>Deep</h3>text<svg><path d="1"/><title>x</title></svg> end',
    "<H2 ID='up'>Up</H2><P>Text</P><a href=\"\">no</a><a href='u'>yes <b>bold</b></a><a title=\"a > b\" href=v>q</a>",
    "plain < text > here <!DOCTYPE html> and <?xml x?> more",
    "<p>x</p><STYLE>p{}</STYLE><template><p>hid</p></template>tail<script>never closed <p>",
]


def _with_html_parser(html: str) -> list:
    """split_sections' handlers driven by the standard library's HTMLParser instead."""
    from html import escape
    from html.parser import HTMLParser

    from nightdesk.search.sections import _SectionParser

    sections = _SectionParser()

    class Reference(HTMLParser):
        def handle_starttag(self, tag, attrs):
            sections.handle_starttag(tag, " ".join(f'{k}="{escape(v or "")}"' for k, v in attrs))

        def handle_endtag(self, tag):
            sections.handle_endtag(tag)

        def handle_data(self, data):
            sections.handle_data(data.replace("&", "&amp;"))  # handle_data unescapes once

    reference = Reference(convert_charrefs=True)
    reference.feed(html)
    reference.close()
    return [(s.anchor, s.heading, s.level, s.parent, s.text, s.link_text) for s in sections.sections]


def test_tokenizer_reads_html_as_the_standard_parser_does():
    for html in TRICKY:
        ours = [(s.anchor, s.heading, s.level, s.parent, s.text, s.link_text) for s in split_sections(html)]
        assert ours == _with_html_parser(html), html
