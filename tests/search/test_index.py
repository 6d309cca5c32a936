"""Articles -> section documents, the packed lunr index and the store."""
from nightdesk.search.index import SearchArticle, SearchTask, build_search
from nightdesk.search.packing import base36, decode, key_order
from nightdesk.search.sections import split_sections

REFUND = SearchArticle(
    url="get-paid/refund-a-customer.html", title="Refund a customer", summary="Tap Refund and confirm.",
    keywords=["money back", "reimburse"], task="get-paid",
    sections=split_sections("<h1>Refund a customer</h1><p>Give money back.</p>"
                            "<h2 id='steps'>Steps</h2><p>Tap Refund. Tap Refund again to pay today.</p>"))
INVOICE = SearchArticle(url="get-paid/send-an-invoice.html", title="Send an invoice",
                        sections=split_sections("<p>Invoices get paid faster.</p>"))


def unpack_counts(packed):
    """Python mirror of search-unpack.js's decoding: {field/ref: {term: count}}."""
    out = {}
    positions = key_order(packed["documents"])
    for term, text in zip(packed["terms"], packed["postings"]):
        for f, part in enumerate(text.split(packed["fieldSeparator"])):
            for place, count in decode(part):
                out.setdefault(f"{packed['fields'][f]}/{base36(positions[place])}", {})[term] = count
    return out


def test_one_document_per_section_with_article_fields_on_the_first():
    bundle = build_search([REFUND, INVOICE])
    assert [d["r"] for d in bundle.documents] == ["0", "1", "2"]
    top, steps, invoice = bundle.documents
    assert top["title"] == "Refund a customer" and top["keywords"] == "money back reimburse"
    assert steps["title"] == "" and steps["headings"].strip() == "Steps"
    assert bundle.store["sections"] == [[0, "", ""], [0, "steps", "Steps"], [1, "", ""]]
    assert bundle.store["articles"][0] == ["get-paid/refund-a-customer.html", "Refund a customer",
                                           "Tap Refund and confirm.", "get-paid", 1]


def test_packed_index_holds_lunr_pys_term_counts_and_no_text():
    bundle = build_search([REFUND, INVOICE])
    packed = bundle.index
    assert packed["terms"] == sorted(bundle.lunr_builder.inverted_index)
    assert packed["pipeline"] == ["nightdesk-stemmer"]
    assert packed["fields"] == ["title", "keywords", "summary", "headings", "body"]
    expected = {ref: dict(counts) for ref, counts in bundle.lunr_builder.field_term_frequencies.items() if counts}
    assert unpack_counts(packed) == expected
    assert expected["body/1"]["refund"] == 2 and "pay" in expected["body/1"] and "today" in expected["body/1"]


def test_store_lists_tasks_synonyms_and_contact():
    bundle = build_search([REFUND], [SearchTask("get-paid", "Get paid", "get-paid/index.html", "Invoices")],
                          synonyms=[[["money", "back"], ["refund"]]], contact_url="mailto:help@example.com")
    assert bundle.store["tasks"] == [["get-paid", "Get paid", "get-paid/index.html", "Invoices"]]
    assert bundle.store["synonyms"] == [[["money", "back"], ["refund"]]]
    assert bundle.store["contact"] == "mailto:help@example.com"


def test_words_as_written_ship_with_their_terms():
    article = SearchArticle(url="a.html", title="Authorisation", sections=split_sections(
        "<p>Authorise the payment; authorised payments show here.</p>"))
    packed = build_search([article]).index
    forms = dict(zip(packed["terms"], packed["forms"]))
    assert forms["authoris"] == "ation|e|ed"
    assert forms["payment"] == "|s"


def test_the_browser_ranks_with_the_numbers_python_does():
    """search.js takes every ranking number from the store (nightdesk/search/ranking.py); none is copied."""
    from nightdesk.search import ranking
    from nightdesk.site.assets import PACKAGE_ASSETS

    numbers = build_search([REFUND]).store["ranking"]
    assert numbers == ranking.for_browser() and numbers["maxResults"] == ranking.MAX_RESULTS
    script = (PACKAGE_ASSETS / "search.js").read_text(encoding="utf-8")
    for name in numbers:
        assert f"r.{name};" in script, name
