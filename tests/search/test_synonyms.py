"""Loading content/synonyms.yml, with problems reported as path:line."""
from nightdesk.search.synonyms import load_synonyms


def write(tmp_path, text):
    path = tmp_path / "synonyms.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_groups_and_browser_table(tmp_path):
    synonyms = load_synonyms(write(tmp_path, "refund: [money back, reimburse]\nno-show: [didn't turn up]\n"))
    assert not synonyms.problems
    assert [(g.word, g.phrases, g.line) for g in synonyms.groups] == [
        ("refund", ("money back", "reimburse"), 1), ("no-show", ("didn't turn up",), 2)]
    assert synonyms.for_browser() == [
        [["money", "back"], ["refund"]],
        [["reimburs"], ["refund"]],
        [["didnt", "turn", "up"], ["show"]],  # "no" is a stop word, so "no-show" searches "show"
    ]


def test_missing_file_means_no_synonyms(tmp_path):
    synonyms = load_synonyms(tmp_path / "nope.yml")
    assert synonyms.groups == () and synonyms.problems == ()


def test_problems_name_the_line(tmp_path):
    path = write(tmp_path, 'refund: [money back]\ninvoice: bill\ncancel: []\n"": [x]\nstaff: [team, {a: b}]\n')
    messages = [str(p) for p in load_synonyms(path, display_path="content/synonyms.yml").problems]
    assert messages == [
        "content/synonyms.yml:2: error: 'invoice' needs a list: `invoice: [bill]`",
        "content/synonyms.yml:3: error: 'cancel' needs a non-empty list of synonyms, e.g. `cancel: [other words]`",
        "content/synonyms.yml:4: error: each entry needs a word before the colon",
        "content/synonyms.yml:5: error: a synonym of 'staff' is empty or not plain text",
    ]


def test_invalid_yaml_is_an_error_with_its_line(tmp_path):
    (problem,) = load_synonyms(write(tmp_path, "refund: [money back\ninvoice: [bill]\n")).problems
    assert problem.is_error and problem.line == 2 and "not valid YAML" in problem.message


def test_same_phrase_in_two_groups_is_a_warning(tmp_path):
    (problem,) = load_synonyms(write(tmp_path, "refund: [money back]\npayout: [Money back]\n")).problems
    assert (problem.line, problem.level) == (2, "warning")
    assert "also a synonym of 'refund'" in problem.message


def test_a_synonym_the_stemmer_already_finds_is_dropped_quietly(tmp_path):
    synonyms = load_synonyms(write(tmp_path, "cancel: [cancelled, call off]\n"))
    assert synonyms.problems == () and synonyms.groups[0].phrases == ("call off",)


def test_a_word_listed_twice_is_a_warning(tmp_path):
    (problem,) = load_synonyms(write(tmp_path, "refund: [money back]\nRefund: [reimburse]\n")).problems
    assert str(problem).endswith(":2: warning: 'Refund' is listed twice (also line 1); both lists are used")
