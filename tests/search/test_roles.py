"""Page roles: navigation-like and glossary-like pages are recognised by their shape alone."""
from nightdesk.search.index import SearchArticle, build_search
from nightdesk.search.roles import ARTICLE, GLOSSARY, NAVIGATION, excluded_by_front_matter, page_role
from nightdesk.search.sections import split_sections

HOW_TO = "<p>" + "Open the invoice, tap Refund, choose the amount and confirm it with your passcode. " * 6 + "</p>"


def test_a_how_to_is_an_article():
    assert page_role(split_sections(HOW_TO + '<p>See also <a href="x.html">card refunds</a>.</p>')) == ARTICLE


def test_a_list_of_links_is_navigation():
    links = "".join(f'<li><a href="p{i}.html">Page number {i} about something</a></li>' for i in range(30))
    assert page_role(split_sections(f"<p>All pages:</p><ul>{links}</ul>")) == NAVIGATION


def test_a_moved_stub_and_an_empty_index_page_are_navigation():
    assert page_role(split_sections('<p>This page has moved; please see <a href="new.html">this page</a>.</p>'))\
        == NAVIGATION
    assert page_role(split_sections("")) == NAVIGATION


def test_a_short_answer_ending_on_a_link_is_an_article():
    answer = ('<h3 id="q">Question:</h3><p>How can I stop my staff changing the settings?</p>'
              '<h3 id="a">Answer:</h3><p>Give them a restricted profile under <a href="p.html">Admin Profiles</a>.</p>')
    assert page_role(split_sections(answer)) == ARTICLE


def test_many_headings_with_a_line_each_is_a_glossary():
    entries = "".join(f'<h2 id="t{i}">Term {i}</h2><p>Key: SETTING_{i}. Shows term {i} on the page.</p>'
                      for i in range(12))
    assert page_role(split_sections(f"<p>Settings on this screen.</p>{entries}")) == GLOSSARY


def test_front_matter_can_leave_a_page_out():
    for meta in ({"search": "exclude"}, {"search": {"exclude": True}}, {"noindex": True}, {"noindex": "yes"},
                 {"nosearch": True}):
        assert excluded_by_front_matter(meta), meta
    for meta in ({}, None, {"noindex": False}, {"search": {"boost": 2}}, {"nosearch": "no"}):
        assert not excluded_by_front_matter(meta), meta


def test_role_weights_reach_the_store_and_zero_leaves_the_page_out():
    how_to = SearchArticle(url="a.html", title="Refund", sections=split_sections(HOW_TO))
    stub = SearchArticle(url="b.html", title="Refunds", sections=split_sections('<p><a href="a.html">Moved</a></p>'))
    store = build_search([how_to, stub]).store
    assert [row[4] for row in store["articles"]] == [1, 0.15]
    store = build_search([how_to, stub], role_weights={"navigation": 0}).store
    assert [row[0] for row in store["articles"]] == ["a.html"]
    assert {s[0] for s in store["sections"]} == {0}
