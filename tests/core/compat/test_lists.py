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
