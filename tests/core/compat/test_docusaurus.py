from compat_helpers import converted


def test_admonitions_with_titles_and_nesting():
    body = ":::tip[Save time]\nUse a template.\n::::note\nInner\n::::\n:::\n\n:::caution\nMind it.\n:::\n"
    out = converted(body).text
    assert '!!! tip "Save time"\n    Use a template.\n' in out
    assert "    !!! note \"Note\"\n        Inner\n" in out
    assert '!!! warning "Caution"\n    Mind it.\n' in out
    assert ":::" not in out


def test_colons_in_code_are_kept():
    body = "```\n:::note\n```\n"
    assert converted(body).text == body
