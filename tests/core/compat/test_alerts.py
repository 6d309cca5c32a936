from compat_helpers import converted


def test_github_alert_becomes_an_admonition():
    out = converted("Intro\n> [!WARNING]\n> Back up **first**.\n> Really.\n\nAfter\n")
    assert "!!! warning \"Warning\"\n    Back up **first**.\n    Really.\n" in out.text
    assert "[!" not in out.text and "After" in out.text


def test_learn_alert_types_keep_their_meaning():
    assert '!!! info "Important"' in converted("> [!IMPORTANT]\n> Read this.\n").text
    assert '!!! danger "Caution"' in converted("> [!CAUTION]\n> Careful.\n").text


def test_layout_marker_is_dropped_and_the_quote_kept():
    out = converted('> [!div class="nextstepaction"]\n> [Next](b.md)\n').text
    assert "[!" not in out and "> [Next](b.md)" in out


def test_alerts_in_code_are_left_alone_and_lines_map_back():
    out = converted("```\n> [!NOTE]\n```\n> [!TIP]\n> Yes\n")
    assert "> [!NOTE]" in out.text
    assert out.file_lines[out.text.splitlines().index("    Yes")] == 5


def test_alerts_can_be_switched_off():
    assert "> [!NOTE]" in converted("> [!NOTE]\n> x\n", alerts=False, unknown_tags=False).text
