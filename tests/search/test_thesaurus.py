"""The built-in thesaurus: its data file, the browser table it makes, and search with it on a built site."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from lunr.stop_word_filter import WORDS as STOP_WORDS

from nightdesk.search.pipeline import stem, terms
from nightdesk.search.synonyms import phrase_stems
from nightdesk.search.thesaurus import (
    DATA_FILE, THESAURUS_MARK, Thesaurus, _read, _stems, _terms, load_thesaurus, thesaurus_for, unpack,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "mkdocs"))
from test_search_plugin import build, read_script  # noqa: E402  (small-site helpers)

# Words nearly every help article uses, several with more than one meaning ("check your
# settings", "order by date", "your account"). Alone on the typing side of an entry they
# would drag unrelated articles into every search; inside a phrase ("check payment",
# "purchase order", "bank account") they are fine.
GENERAL_WORDS = """
account add address after again all app back balance bank box break business button call card case
change charge check clear click close code copy cost create data date day default delete detail
details device done down edit email end enter entry error field file fill find fix form free get give go
help home hour info issue key last leave line link list live load look make manage mark menu message
method money move name need new next note number off old open option order page part pay people period
person phone place plan post price print problem put record remove report request return right
run sale save screen search see select send service set setting settings show sign site start status
step stop system tab take team text time total turn type update use user view way week work year
""".split()

ENTRIES = load_thesaurus().entries


def stems(phrase):
    return tuple(phrase_stems(phrase))


def test_data_file_loads_without_problems_and_is_big():
    thesaurus = load_thesaurus()
    assert thesaurus.problems == ()
    assert len(ENTRIES) >= 400
    topics = {e.topic for e in ENTRIES}
    for topic in ("selling", "invoices_and_quotes", "payments", "refunds_and_returns", "suppliers_and_purchasing",
                  "stock", "shipping", "tax", "staff", "payroll", "bookings", "accounts_and_access", "reports",
                  "uk_us_spelling", "uk_us_words"):
        assert topic in topics


def test_header_says_licence():
    header = DATA_FILE.read_text(encoding="utf-8")[:1200]
    assert "MIT" in header and "Original work" in header


def test_no_phrase_twice_in_an_entry():
    repeated = [(e.line, m) for e in ENTRIES for m, n in Counter(map(stems, e.members())).items() if n > 1]
    assert not repeated, "phrases that stem alike in one entry (keep one): " + repr(repeated)


def test_every_phrase_is_typed_in_one_entry_only():
    owner, twice = {}, []
    for entry in ENTRIES:
        for phrase in entry.phrases:
            if owner.setdefault(stems(phrase), entry.line) != entry.line:
                twice.append(f"line {entry.line}: {phrase!r} also on line {owner[stems(phrase)]}")
    assert not twice, "\n".join(twice)


def test_fast_stemming_agrees_with_the_search_pipeline():
    phrases = {m for e in ENTRIES for m in e.members()} | {"Didn't turn-up", "e-mail/SMS", "café's"}
    assert [p for p in phrases if _stems(p) != stems(p) or list(_terms(p)) != terms(p)] == []


def test_every_phrase_searches_something():
    empty = [(e.line, m) for e in ENTRIES for m in e.members() if not terms(m)]
    assert not empty, "phrases of stop words only: " + repr(empty)


def test_every_entry_stems_to_two_different_searches():
    useless = [(e.line, e.members()) for e in ENTRIES if len({tuple(terms(m)) for m in e.members()}) < 2]
    assert not useless, "the stemmer already joins these: " + repr(useless)


def test_no_common_word_alone_on_the_typing_side():
    general = {stem(w) for w in GENERAL_WORDS} | set(STOP_WORDS)
    found = [(e.line, p) for e in ENTRIES for p in e.phrases if len(stems(p)) == 1 and stems(p)[0] in general]
    assert not found, "common words expand to unrelated articles; put them in a phrase: " + repr(found)


def expansions(thesaurus: Thesaurus, phrase: str) -> set[str]:
    """Every index term typing `phrase` adds, with every word known to the site."""
    everything = _AllWords()
    return {t for row in unpack(thesaurus.for_browser(everything)) if tuple(row[0]) == stems(phrase) for t in row[1]}


class _AllWords:
    def __contains__(self, term):
        return True


@pytest.mark.parametrize("typed, expected", [
    ("cheque", "check"), ("check payment", "chequ"), ("postcode", "zip"), ("zip code", "postcod"),
    ("till", "regist"), ("my takings", "revenu"), ("tip", "gratuiti"), ("direct debit", "ach"),
    ("sort code", "rout"), ("write off", "bad"), ("rota", "shift"), ("vat number", "tax"),
    ("colour", "color"), ("authorise", "author"), ("catalogue", "catalog"), ("money back", "refund"),
    ("sign in", "log"), ("client", "custom"), ("item", "product"), ("coupon", "discount"), ("voucher", "coupon"),
])
def test_everyday_words_reach_business_terms(typed, expected):
    assert expected in expansions(load_thesaurus(), typed)


@pytest.mark.parametrize("typed, unrelated", [
    ("check", "chequ"),  # "check your settings" is not about cheques
    ("order", "purchas"), ("account", "bank"), ("refund", "back"), ("return", "tax"),
])
def test_common_words_do_not_reach_unrelated_terms(typed, unrelated):
    assert unrelated not in expansions(load_thesaurus(), typed)


def test_browser_rows_are_marked_and_cut_to_the_site_vocabulary():
    packed = load_thesaurus().for_browser({"check", "custom"})
    assert ["chequ", "check"] in packed
    rows = unpack(packed)
    assert rows and all(len(r) == 3 and r[2] == THESAURUS_MARK for r in rows)
    assert all(set(r[1]) <= {"check", "custom"} for r in rows)
    assert [["chequ"], ["check"], THESAURUS_MARK] in rows
    assert [["client"], ["custom"], THESAURUS_MARK] in rows


def test_unpack_pairs_every_phrase_with_every_target_sharing_no_word():
    rows = unpack([["till|cash regist|point of sale", "till|cash regist"]])
    assert rows == [[["till"], ["cash", "regist"], 1], [["cash", "regist"], ["till"], 1],
                    [["point", "of", "sale"], ["till"], 1], [["point", "of", "sale"], ["cash", "regist"], 1]]


def test_the_site_synonyms_win_for_a_phrase_they_list():
    rows = unpack(load_thesaurus().for_browser({"custom", "patient"}, site_rows=[[["client"], ["patient"]]]))
    assert not [r for r in rows if r[0] == ["client"]]
    assert [["shopper"], ["custom"], THESAURUS_MARK] in rows  # the rest of the group still works


def test_switched_off_or_excluded():
    assert thesaurus_for(enabled=False) is None
    without = thesaurus_for(exclude=["Tills", "zip code"])
    assert "regist" not in expansions(without, "till") and "till" not in expansions(without, "cash register")
    assert "point" in expansions(without, "cash register")  # the rest of the group stays
    postcode = [r[1] for r in unpack(without.for_browser(_AllWords())) if r[0] == ["postcod"]]
    assert ["zip", "code"] not in postcode and ["postal", "code"] in postcode
    assert without.knows("postcode") and not without.knows("till")


def test_malformed_data_names_the_line():
    import yaml
    thesaurus = _read(yaml.compose("money:\n  - [refund]\n  - [a, 12]\n  - plain\n  - refund: fine\n"), "t.yml")
    assert [str(p) for p in thesaurus.problems] == [
        "t.yml:2: error: a group needs at least two phrases",
        "t.yml:3: error: expected a word or phrase (quote numbers, yes/no and on/off)",
        "t.yml:3: error: a group needs at least two phrases",
        "t.yml:4: error: expected `[phrase, phrase, ...]` or `word: [phrase, ...]`",
        "t.yml:5: error: expected `[phrase, phrase, ...]` or `word: [phrase, ...]`",
    ]


# --- End to end: a small built site ----------------------------------------------------------
CHECKS = """---
summary: Record a paper check and deposit it.
---
# Take check payments

Customers can pay by check. Enter the check number and the amount, then deposit it at your bank.
"""
ROTA = """---
summary: Plan who works when.
---
# Plan your shift schedule

Drag staff onto the week to build the shift schedule, then publish it.
"""
OTHER = """---
summary: Change the logo on your receipts.
---
# Change your logo

Upload a square image of your logo.
"""


def small_site(tmp_path: Path, options: str = "") -> Path:
    docs = tmp_path / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Help\n", encoding="utf-8")
    for name, text in (("check-payments", CHECKS), ("shift-schedule", ROTA), ("logo", OTHER)):
        (docs / f"{name}.md").write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nuse_directory_urls: false\ntheme: {name: material, font: false}\nmarkdown_extensions: [toc]\n"
        f"plugins:\n  - nightdesk/search{':' if options else ''}\n{options}", encoding="utf-8")
    done = build(tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path / "site"


@pytest.fixture(scope="module")
def thesaurus_site(tmp_path_factory) -> Path:
    return small_site(tmp_path_factory.mktemp("thesaurus"))


def test_small_site_ships_only_the_entries_it_can_use(thesaurus_site):
    store = read_script(thesaurus_site / "assets/nightdesk/search-store.js", "__nightdeskStore")
    assert store["synonyms"] == []  # no synonyms.yml
    rows = unpack(store["thesaurus"])
    assert [["chequ"], ["check"], THESAURUS_MARK] in rows
    assert [["rota"], ["shift", "schedul"], THESAURUS_MARK] in rows
    assert not [r for r in rows if "refund" in r[1]]  # no article mentions refunds
    assert len(store["thesaurus"]) < 60


def test_python_search_finds_through_the_thesaurus(thesaurus_site):
    from nightdesk.search.query import SearchEngine

    engine = SearchEngine.from_site(thesaurus_site)
    assert engine.search("cheque")[0].url == "check-payments.html"
    assert engine.search("staff rota")[0].url == "shift-schedule.html"
    assert engine.search("xyzzy") == []


def test_thesaurus_false_and_exclude(tmp_path):
    off = small_site(tmp_path / "off", "      thesaurus: false\n")
    assert read_script(off / "assets/nightdesk/search-store.js", "__nightdeskStore")["thesaurus"] == []
    cut = small_site(tmp_path / "cut", "      thesaurus:\n        exclude: [cheque]\n")
    rows = unpack(read_script(cut / "assets/nightdesk/search-store.js", "__nightdeskStore")["thesaurus"])
    assert rows and not [r for r in rows if r[0] == ["chequ"] or "chequ" in r[1]]


def test_bad_thesaurus_option_is_a_config_error(tmp_path):
    (tmp_path / "bad" / "docs").mkdir(parents=True)
    (tmp_path / "bad" / "docs" / "index.md").write_text("# Help\n", encoding="utf-8")
    (tmp_path / "bad" / "mkdocs.yml").write_text(
        "site_name: T\ntheme: {name: material}\nplugins:\n  - nightdesk/search:\n      thesaurus: {exclude: till}\n",
        encoding="utf-8")
    done = build(tmp_path / "bad")
    assert done.returncode != 0 and "thesaurus" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.browser
def test_browser_finds_check_payments_by_cheque(page, thesaurus_site):
    page.goto((thesaurus_site / "index.html").as_uri())
    found = page.evaluate("q => Promise.all(q.map(x => window.nightdesk.search(x)))", ["cheque", "paid by cheque", "rota"])
    assert [r[0]["url"].rsplit("/", 1)[-1] for r in found] == ["check-payments.html", "check-payments.html",
                                                                 "shift-schedule.html"]
    assert not page.js_errors and not page.external_requests


def _index(**sections: range) -> dict:
    """A lunr-like inverted index: term -> {"_index": n, "body": {ref: {}}} for the given section numbers."""
    return {term: {"_index": n, "body": {str(ref): {} for ref in refs}} for n, (term, refs) in enumerate(sections.items())}


def test_a_single_word_the_site_uses_stays_the_readers_own_but_a_phrase_of_common_words_expands():
    # "delete" and "data" share ten sections, yet no page says "delete their data": the phrase still
    # reaches "gdpr". "cheque" in five sections and "check" in six: "cheque" is the site's own word.
    vocabulary = _index(delet=range(10), data=range(10), gdpr=range(2), chequ=range(5), check=range(5, 11))
    rows = unpack(load_thesaurus().for_browser(vocabulary))
    assert [list(stems("delete their data")), ["gdpr"], THESAURUS_MARK] in rows
    assert not any(row[0] == ["chequ"] for row in rows)
