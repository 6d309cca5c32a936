"""The shared text pipeline, Python side (the browser side: test_differential.py)."""
import pytest
from lunr.pipeline import Pipeline

from nightdesk.search.pipeline import _SEPARATORS, STEMMER_LABEL, TRIMMER_LABEL, normalize_text, normalize_word, stem, terms


@pytest.mark.parametrize("word, expected", [
    ("pay", "pay"), ("key", "key"), ("today", "today"),  # lunr.py would give pai, kei, todai
    ("try", "tri"), ("tries", "tri"),  # lunr.js turns y into i after a consonant
    ("invoices", "invoic"), ("invoice", "invoic"), ("refunds", "refund"), ("shipping", "ship"),
    ("customers", "custom"), ("payments", "payment"), ("yelling", "yell"), ("agreed", "agre"),
])
def test_stems_as_lunr_js_does(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize("word, expected", [
    ("Customer's", "customers"), ("(refund).", "refund"), ("café", "cafe"), ("don’t", "dont"),
    ("e.g.", "e.g"), ("1,000", "1,000"), ("—", ""), ("__init__", "init"),
])
def test_normalises_words(word, expected):
    assert normalize_word(word) == expected


def test_separators_become_single_spaces():
    assert normalize_text("e-mail/SMS\u00a0reminder  3\u20135 days") == "e mail SMS reminder 3 5 days"


def test_ascii_text_splits_as_the_separator_pattern_does():
    # ASCII text takes a faster path than _SEPARATORS: every pair of ASCII characters around a word agrees.
    for first in map(chr, range(128)):
        for second in map(chr, range(128)):
            text = f"{first}a{second}{first}b {second}"
            assert normalize_text(text) == _SEPARATORS.sub(" ", text).strip(), repr(text)


def test_terms_drop_stop_words_and_stem():
    assert terms("How do I give my customer's money back?") == ["give", "custom", "money", "back"]


def test_functions_are_registered_under_nightdesk_labels():
    assert Pipeline.registered_functions[TRIMMER_LABEL].label == TRIMMER_LABEL
    assert Pipeline.registered_functions[STEMMER_LABEL].label == STEMMER_LABEL
