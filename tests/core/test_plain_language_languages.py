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
