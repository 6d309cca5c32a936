"""The reading grade uses a formula made for the articles' language, or none."""
import pytest

from nightdesk.core.checks.plain_language import Block, grade_of_ease, reading_grade

SIMPLE = {
    "en": "Open the invoice and tap Remind.",
    "fr": "Ouvrez la facture et touchez Relancer.",
    "de": "Sie können die Rechnung hier bezahlen.",
    "es": "Abra la factura y toque Recordar.",
    "it": "Apri la fattura e tocca Sollecita.",
    "nl": "Open de factuur en tik op Herinneren.",
    "pt": "Abra a fatura e toque em Lembrar.",
}
HARD = {
    "fr": "La procédure administrative de régularisation des remboursements intracommunautaires nécessite "
          "une vérification préalable systématique des justificatifs comptables correspondants.",
    "de": "Die ordnungsgemäße Durchführung der umsatzsteuerrechtlichen Rechnungskorrektur erfordert "
          "grundsätzlich eine vorherige Überprüfung sämtlicher buchhalterischer Belege.",
}


@pytest.mark.parametrize("language", sorted(SIMPLE))
def test_a_short_plain_sentence_reads_easily_in_every_language(language):
    grade, longest = reading_grade([Block(1, SIMPLE[language], False)], language)
    assert grade is not None and grade <= 8.5, grade
    assert longest == (1, len(SIMPLE[language].split()))


@pytest.mark.parametrize("language", sorted(HARD))
def test_a_long_technical_sentence_reads_hard(language):
    grade, _ = reading_grade([Block(1, HARD[language], False)], language)
    assert grade > 14


def test_a_language_without_a_formula_is_not_graded():
    assert reading_grade([Block(1, "これは文です。", False)], "ja") == (None, None)


def test_reading_ease_maps_onto_flesch_grades():
    assert grade_of_ease(95) == 5 and grade_of_ease(65) == 8.5 and grade_of_ease(15) == 18
    assert grade_of_ease(100) < 5 < grade_of_ease(90) < 6 and grade_of_ease(0) > 18


def _graded_word_by_word(blocks, language):
    """reading_grade the plain way: the word pattern on each sentence, each word lowered (the reference)."""
    from nightdesk.core.checks import plain_language as pl
    code = language.split("-")[0]
    pattern = pl._WORD if code == "en" else pl._WORD_ANY
    counts = [(block.line, [word.lower() for word in pattern.findall(sentence)])
              for block in blocks for sentence in pl._SENTENCE_END.split(block.text.strip())]
    counts = [(line, found) for line, found in counts if found]
    syllables = sum(pl.count_syllables(w) if code == "en" else pl.count_syllables_in(w, code)
                    for _, found in counts for w in found)
    words = sum(len(found) for _, found in counts)
    longest = max(counts, key=lambda item: len(item[1]))  # the first of the longest, as reading_grade keeps
    if code == "en":
        return 0.39 * words / len(counts) + 11.8 * syllables / words - 15.59, (longest[0], len(longest[1]))
    base, per_word, per_syllable = pl.READING_EASE[code]
    return pl.grade_of_ease(base - per_word * words / len(counts) - per_syllable * syllables / words), (
        longest[0], len(longest[1]))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_plain_ascii_blocks_count_the_same_words_as_the_word_pattern(language):
    # Plain lowercase-able ASCII takes a faster way to its words; digits, apostrophes and other alphabets the
    # pattern's: both must count alike.
    blocks = [Block(1, "Tap Save.  Then WAIT!  Done? \"Yes.\" (Really.) Next_step-by-step:  a b/c\tend", False),
              Block(4, "Don't press 3 times. It's 2026; the rep's 10th visit.", False),
              Block(7, "Café au lait… naïve façade. Ünïcode’s test.", False),
              Block(9, "   ", False), Block(10, "Enter the [code] {x} <y> --- ok.", False)]
    assert reading_grade(blocks, language) == _graded_word_by_word(blocks, language)
    if language == "en":  # the English words of each block, which the step check reuses
        from nightdesk.core.checks.plain_language import _WORD, _grade
        assert _grade(blocks, language)[2] == [len(_WORD.findall(block.text)) for block in blocks]
    for block in blocks:
        if block.text.strip():
            assert reading_grade([block], language) == _graded_word_by_word([block], language)
