"""The search readers run (query.py twin of search.js): typos, did-you-mean, page roles, bounded sections."""
from nightdesk.search.index import SearchArticle, build_search
from nightdesk.search.query import SearchEngine
from nightdesk.search.sections import split_sections
from nightdesk.search.unpacking import unpack


def engine(*articles: SearchArticle) -> SearchEngine:
    bundle = build_search(list(articles))
    return SearchEngine(unpack(bundle.index), bundle.store)


def article(url: str, title: str, html: str) -> SearchArticle:
    return SearchArticle(url=url, title=title, sections=split_sections(html))


CARD = article("card.html", "Card authorisation", "<p>" + "Every card payment needs an authorisation from the bank. " * 5 + "</p>")
SHIP = article("ship.html", "Shipping zones", "<p>" + "Set a price per shipping zone for each country you send to. " * 5 + "</p>")


def test_a_typo_near_the_end_of_a_long_word_matches_the_word_as_written():
    assert [r.url for r in engine(CARD, SHIP).search("authorisaton")] == ["card.html"]


def test_two_typos_only_from_eight_letters():
    search = engine(CARD, SHIP)
    assert search.search("authorsaton")  # 11 letters, two typos
    assert not search.search("zxnxs")  # 5 letters, two typos from "zones"


def test_a_known_word_is_not_stretched_to_its_neighbours():
    search = engine(article("a.html", "Shop hours", "<p>" + "Open the shop at nine. " * 5 + "</p>"),
                    article("b.html", "Ship a parcel", "<p>" + "Ship it by courier. " * 5 + "</p>"))
    assert [r.url for r in search.search("shop ")] == ["a.html"]


def test_did_you_mean_fixes_each_unknown_word_of_a_longer_query():
    assert engine(CARD, SHIP).suggest("hsipping znoes") == "shipping zones"


def test_a_long_page_that_mentions_the_words_everywhere_does_not_win_by_length():
    sections = "".join(f'<h2 id="s{i}">Part {i}</h2><p>{"Refunds and more refunds here, with many other words about orders. " * 3}</p>'
                       for i in range(20))
    long_page = article("long.html", "Everything about orders", sections)
    answer = article("refund.html", "Refund an order", "<p>" + "To refund an order, open it and tap Refund. " * 4 + "</p>")
    assert engine(long_page, answer).search("refund")[0].url == "refund.html"


def test_a_synonym_phrase_counts_only_when_the_article_holds_all_its_words():
    # "2fa" -> "one time code": an article that only says "code" does not hold the reader's word.
    codes = article("codes.html", "Code of conduct", "<p>" + "Be kind on the forum at any time; this code applies. " * 4 + "</p>")
    otp = article("otp.html", "Sign-in security", "<p>" + "A one time code is sent when you sign in. " * 4 + "</p>")
    bundle = build_search([codes, otp], synonyms=[[["2fa"], ["on", "time", "code"]]])
    search = SearchEngine(unpack(bundle.index), bundle.store)
    assert [r.url for r in search.search("2fa")][0] == "otp.html"
    outcome = search.query("2fa")
    assert outcome.good and search.search("2fa")[-1].score < search.search("2fa")[0].score / 2


def test_a_phrasal_verb_with_its_object_inside_still_matches_the_synonym_phrase():
    """"send the parcel back" is the phrase "send back" with the object inside (up to two words)."""
    from nightdesk.search.query import parse, phrase_at
    stems = [w.stem for w in parse("customer sending the parcel back")]
    assert phrase_at(stems, ["send", "back"], 1) == [1, 4]
    assert phrase_at(stems, ["custom", "back"], 0) is None  # three words in between: not one phrase
    returns = article("returns.html", "Returns", "<p>" + "How a return works and who pays the postage. " * 4 + "</p>")
    sizes = article("sizes.html", "Parcel sizes", "<p>" + "Weigh each parcel before you print a label. " * 4 + "</p>")
    bundle = build_search([returns, sizes], synonyms=[[["send", "back"], ["return"]]])
    search = SearchEngine(unpack(bundle.index), bundle.store)
    assert search.search("send the parcel back")[0].url == "returns.html"
