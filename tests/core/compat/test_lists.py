from compat_helpers import converted


def test_a_list_right_after_a_paragraph_gets_its_blank_line():
    out = converted("Quick links:\n- [Page](page.md)\n- [Other](other.md)\n\nAfter.\n").text
    assert out == "Quick links:\n\n- [Page](page.md)\n- [Other](other.md)\n\nAfter.\n"


def test_only_what_commonmark_calls_a_list_is_touched():
    body = ("Steps:\n1. Open it.\n2. Close it.\n\nPaid in 2026.\n3. is not a list here\n\n"
            "- item\ncontinued\n- next\n\n# Title\n- under a heading\n\n```\ntext\n- in code\n```\n")
    out = converted(body).text
    assert "Steps:\n\n1. Open it.\n2. Close it.\n" in out  # an ordered list starting at 1 interrupts
    assert "Paid in 2026.\n3. is not a list here\n" in out  # one starting at 3 does not
    assert "- item\ncontinued\n- next\n" in out  # a list's own lazy line is not a paragraph
    assert "# Title\n- under a heading\n" in out  # nothing to separate from a heading
    assert "```\ntext\n- in code\n```" in out


def test_lists_off_leaves_them():
    assert converted("Links:\n- a\n", lists=False).text == "Links:\n- a\n"


def test_nested_lists_written_the_commonmark_way_nest():
    body = ("- Sell\n  - Price\n    - Tax\n  - Stock\n- Ship\n\n1. Open it.\n   - tip one\n\n   More about it.\n"
            "2. Close it.\n\n```\n  - code stays\n```\n\nAfter.\n")
    out = converted(body).text
    assert out.startswith("- Sell\n    - Price\n        - Tax\n    - Stock\n- Ship\n\n")
    assert "1. Open it.\n    - tip one\n\n    More about it.\n2. Close it.\n" in out
    assert "```\n  - code stays\n```\n\nAfter.\n" in out


def test_lists_already_indented_by_four_are_left_as_they_are():
    body = "- Sell\n    - Price\n\n    Text under Sell.\n\n* a\n* b\n\nParagraph.\n"
    assert converted(body).text == body


def test_code_under_an_item_moves_with_it_and_keeps_its_own_indentation():
    body = "- Add this:\n\n  ```python\n  if paid:\n      send()\n  ```\n- Done.\n"
    out = converted(body).text
    assert "    ```python\n    if paid:\n        send()\n    ```\n- Done.\n" in out
