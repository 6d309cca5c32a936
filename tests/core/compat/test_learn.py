from compat_helpers import converted


def test_learn_image_becomes_an_image():
    body = ':::image type="content" source="media/pay (1).png" alt-text="The Pay [new] button.":::\n'
    out = converted(body, files=["media/pay (1).png"]).text
    assert out == "![The Pay (new) button.](media/pay%20%281%29.png)\n"


def test_learn_frames_go_and_their_content_stays():
    body = (':::zone pivot="phone"\nTap **Pay**.\n:::zone-end\n\n:::row:::\n:::column span="2":::\nLeft.\n'
            ':::column-end:::\n:::row-end:::\n\n:::moniker range=">=v2"\nNew.\n:::moniker-end\n')
    out = converted(body).text
    assert ":::" not in out and "!!!" not in out
    assert "Tap **Pay**." in out and "Left." in out and "New." in out


def test_other_learn_extensions_are_removed_and_reported_with_docusaurus_kept():
    body = ':::code language="python" source="~/a.py":::\n\n:::tip\nSave time.\n:::\n'
    result = converted(body)
    assert ":::code" not in result.text and '!!! tip "Tip"\n    Save time.' in result.text
    assert result.removed == [(":::code:::", "a.md", 1)]


def test_learn_off_leaves_them():
    out = converted(':::zone pivot="x"\nA.\n:::zone-end\n', learn=False, docusaurus=False).text
    assert ':::zone pivot="x"' in out
