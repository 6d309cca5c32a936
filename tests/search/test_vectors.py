"""Word vectors: the model's tokeniser, the shipped table, article vectors, the gate and fusion."""
from __future__ import annotations

import gzip
import math
from pathlib import Path

import pytest

from nightdesk.search import vectors
from nightdesk.search.vectors import ArticleText, SiteVectors, build_site_vectors, fuse, load_table

DATA = Path(vectors.__file__).parent / "data"

# What the model's own tokeniser (tokenizers 0.22, all-MiniLM-L6-v2's tokenizer.json) gives;
# scripts/distil_vectors.py checks the same on every sample and corpus article.
MODEL_TOKENS = {
    "How do I refund a customer's order?":
        ["how", "do", "i", "ref", "##und", "a", "customer", "'", "s", "order", "?"],
    "Café résumé naïve STRASSE straße İstanbul ﬁle x² ½ Ⅻ emoji🙂end under_score a.b.c.":
        ["cafe", "resume", "naive", "st", "##ras", "##se", "st", "##raße", "istanbul", "ﬁ", "##le", "x",
         "##²", "½", "[UNK]", "[UNK]", "under", "_", "score", "a", ".", "b", ".", "c", "."],
    "Pay today with your key. E-mail/SMS, don’t, “quoted”, 3–5 days, £1,000.50":
        ["pay", "today", "with", "your", "key", ".", "e", "-", "mail", "/", "sms", ",", "don", "’", "t", ",",
         "“", "quoted", "”", ",", "3", "–", "5", "days", ",", "£1", ",", "000", ".", "50"],
    "authorisaton xyzzy plumbing lasers 東京 to-do’s\u00a0non\u2011breaking\ttabs\x07bell\u200bzero":
        ["author", "##isa", "##ton", "x", "##y", "##zzy", "plumbing", "lasers", "東", "京", "to", "-", "do",
         "’", "s", "non", "‑", "breaking", "tab", "##sb", "##ell", "##zer", "##o"],
    "Supercalifragilisticexpialidocious " + "a" * 120:
        ["super", "##cal", "##if", "##rag", "##ilis", "##tic", "##ex", "##pia", "##lid", "##oc", "##ious", "[UNK]"],
}


@pytest.fixture(scope="module")
def table():
    return load_table()


def tokens(text, table):
    out = []
    for word in vectors.basic_words(text):
        pieces = vectors.word_pieces(word, table.position)
        out.extend(pieces if pieces is not None else ["[UNK]"])
    return out


@pytest.mark.parametrize("text", list(MODEL_TOKENS))
def test_tokeniser_splits_like_the_model(text, table):
    assert tokens(text, table) == MODEL_TOKENS[text]


def test_shipped_table_is_small_complete_and_licensed(table):
    size = (DATA / vectors.TABLE_FILE).stat().st_size
    assert size <= 10_000_000
    assert table.dims == 256 and len(table.pieces) > 30_000 and table.rows > 29_000
    assert table.pieces[:3] == ["the", "of", "and"] or "the" in table.pieces[:2000]  # commonest first
    assert "[unused1]" not in table.pieces[:table.rows]  # no vector for pieces text never makes
    notice = (DATA / "NOTICE").read_text(encoding="utf-8")
    assert "all-MiniLM-L6-v2" in notice and "Apache License, Version 2.0" in notice
    assert "TERMS AND CONDITIONS" in (DATA / "LICENSE-Apache-2.0.txt").read_text(encoding="utf-8")


def test_similar_words_are_near_and_unrelated_words_far(table):
    def vec(text):
        return table.mean_vector(table.text_rows(text))

    def cos(a, b):
        return sum(x * y for x, y in zip(vec(a), vec(b)))

    assert math.isclose(sum(x * x for x in vec("refund")), 1.0, rel_tol=1e-9)
    assert cos("give the customer their money back", "refund a payment") > cos("give the customer their money back", "change your password")
    assert cos("postcode", "zip code") > cos("postcode", "invoice")


def test_words_with_unknown_or_cut_pieces_are_dropped(table):
    assert table.text_rows("Ⅻ") == []  # [UNK]: no vector at all
    cut = table.cut({"ref", "##und"})
    assert cut.rows < table.rows and len(cut.pieces) == len(table.pieces)
    rare = next(p for p in table.pieces[vectors.COMMON_PIECES + 5000:table.rows] if p.isalpha() and len(p) > 5)
    assert table.text_rows(rare) and cut.text_rows(rare) == []  # tokenised with all pieces, then dropped whole
    assert cut.text_rows("refund") == [cut.position["ref"], cut.position["##und"]]
    assert cut.mean_vector(cut.text_rows("refund")) == pytest.approx(table.mean_vector(table.text_rows("refund")))


ARTICLES = [
    ArticleText("Refund an order", "Give a customer their money back.", ["refund"], ["Full refund", "Partial refund"],
                "Open the order, choose Refund and enter the amount. The money goes back to the card."),
    ArticleText("Change your password", "Pick a new password for your account.", [], ["Forgotten password"],
                "Go to My account, then Security. Type the old password and the new one twice."),
    ArticleText("Print a packing slip", "Paper to put in the parcel.", [], ["Printer settings"],
                "From the order page choose Print packing slip. Use A4 or letter paper."),
    ArticleText("Set up shipping zones", "Where you post to and what it costs.", [], ["Add a zone", "Rates"],
                "A zone is a list of countries with their delivery rates. Add one for each region you post to."),
    ArticleText(""),  # no words at all: no vector
]


@pytest.fixture(scope="module")
def site(table):
    return build_site_vectors(ARTICLES, table)


def test_a_question_in_other_words_finds_the_article(site):
    ranking = site.rank("how do I pay a customer back")
    assert ranking.articles[0] == 0 and ranking.confident
    assert site.rank("customer wants their money returned").articles[0] == 0
    assert site.rank("I forgot my secret word").articles[0] == 1
    assert site.rank("deliver abroad cost").articles[0] == 3


def test_gate_keeps_nonsense_from_looking_confident(site):
    assert 0 < site.gate < 1
    assert not site.rank("xyzzy qwertyuiop").confident
    assert not site.rank("volcano sandwich").confident  # real words, far from every article


def test_typos_and_fragments_leave_the_vector_ranking_out(site):
    typo = site.rank("change pasword ")  # "pas ##word": fragments, not a word of the model or the site
    assert typo.unknown == 1 and not typo.confident
    assert site.rank("change password").unknown == 0
    assert site.rank("packing slip").unknown == 0  # "packing" is a site word of one piece


def test_the_word_being_typed_counts_only_when_the_site_uses_it(site):
    # "pack" may become "packing": until then the vectors stay out and lexical prefixes rank.
    assert site.query_rows("print pack") == (site.query_rows("print")[0], 1)
    assert not site.rank("print pack").confident
    assert site.query_rows("print pack ")[1] == 0  # a space: the word is done
    assert site.query_rows("print packing") == site.query_rows("print packing ")  # a site word as written


def test_an_article_without_words_never_ranks_first(site):
    assert site.articles[4] == b""
    ranking = site.rank("refund")
    assert ranking.articles[0] != 4 and ranking.cosines[ranking.articles.index(4)] == 0.0


def test_site_data_round_trips_to_the_same_ranking(site, tmp_path):
    script = site.script()
    assert script.startswith(f"window.{vectors.GLOBAL_NAME}=") and "</" not in script
    path = tmp_path / vectors.SITE_FILE
    path.parent.mkdir(parents=True)
    path.write_text(script, encoding="utf-8")
    again = SiteVectors.from_site(tmp_path)
    for query in ("money back", "new password", "parcel paper", "zones"):
        assert again.rank(query) == site.rank(query)
    assert SiteVectors.from_site(tmp_path / "nothing") is None


def test_cut_table_keeps_the_site_pieces_and_the_commonest(site, table):
    assert site.table.rows < table.rows
    kept = set(site.table.pieces[:site.table.rows])
    assert {"ref", "##und", "packing", "password", "zone"} <= kept
    common = [p for p in table.pieces[:table.rows] if p.isascii()][:vectors.COMMON_PIECES]
    assert set(common) <= kept and "¡" not in kept


def test_reciprocal_rank_fusion():
    assert fuse([1, 2, 3], []) == [1, 2, 3]
    assert fuse([], [5, 6]) == [5, 6]
    # 2 is second in both lists: 2/62 beats 1/61 for an item in one list only.
    assert fuse([1, 2, 3], [4, 2, 5]) == [2, 1, 4, 3, 5]
    assert fuse([1, 2], [2, 1]) == [1, 2]  # a tie keeps the lexical order


def test_table_file_is_reproducible_format(tmp_path, table):
    out = tmp_path / "t.gz"
    vectors.write_table(out, table.pieces[:10] + ["x"], 10, table.scales[:10], table.values[:10 * table.dims],
                        table.dims, {"test": True})
    again = load_table(out)
    assert again.pieces[:10] == table.pieces[:10] and again.rows == 10
    assert again.values == table.values[:10 * table.dims]
    assert gzip.decompress(out.read_bytes()).startswith(vectors.MAGIC)


def test_python_search_fuses_the_meaning_ranking_like_the_browser(site):
    # query.py (what `nightdesk gaps` runs) ranks with the site's vectors as search.js does once they load.
    from nightdesk.search.index import SearchArticle, build_search
    from nightdesk.search.query import SearchEngine
    from nightdesk.search.sections import Section
    from nightdesk.search.unpacking import unpack

    articles = [SearchArticle(url=f"a{i}.html", title=a.title, summary=a.summary, keywords=a.keywords,
                              sections=[Section("", "", 1, text_parts=[a.body])])
                for i, a in enumerate(ARTICLES)]
    bundle = build_search(articles)
    lexical_only = SearchEngine(unpack(bundle.index), bundle.store)
    with_meaning = SearchEngine(unpack(bundle.index), bundle.store, site)
    for query in ("how do I pay a customer back", "customer wants their money returned", "refund", "xyzzy"):
        lexical = [r.article for r in lexical_only.search(query)]
        assert [r.article for r in with_meaning.search(query)] == site.rerank(query, lexical)[:50], query
    outcome = with_meaning.query("customer wants their money returned")
    assert outcome.good and outcome.results[0].url == "a0.html"
