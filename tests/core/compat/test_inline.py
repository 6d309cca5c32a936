from compat_helpers import converted


def test_emoji_shortcodes_become_characters_not_images():
    out = converted(":warning: Careful :rocket: at 10:30:00 and `:warning:` and :not_an_emoji:\n").text
    assert out.startswith("⚠") and "🚀" in out
    assert "10:30:00" in out and "`:warning:`" in out and ":not_an_emoji:" in out


def test_unknown_shortcodes_and_tags_are_removed_and_reported():
    out = converted("A {{< figure src=x >}} B\n{{% use_rest %}}\n{% raw %}C{% endraw %}\n`{{< kept >}}`\n")
    assert out.text == "A  B\n\nC\n`{{< kept >}}`\n"
    assert [kind for kind, _, _ in out.removed] == ["{{< figure >}}", "{{% use_rest %}}", "{% raw %}", "{% raw %}"]
    assert [line for _, _, line in out.removed][:2] == [1, 2]


def test_folder_links_go_to_their_index_page():
    files = ["selling/README.md", "docs/index.md", "user/sec/_index.md"]
    out = converted("[a](selling/) [b](docs) [c](user/sec/#top) [d](missing/)\n", files=files).text
    assert out == "[a](selling/README.md) [b](docs/index.md) [c](user/sec/_index.md#top) [d](missing/)\n"


def test_site_absolute_hugo_links_resolve_against_the_content_tree():
    files = ["user/pay/paypal.md", "user/pay/_index.md", "pics/x.png"]
    body = ("[p](/user/pay/paypal/) [s](/user/pay/) [i](/pics/x.png) [d](/dev/api/) [e](https://x.org/a/)\n"
            "[ref]: /user/pay/paypal/#setup\n")
    out = converted(body, path="user/shipping/free.md", files=files).text
    assert out == ("[p](../pay/paypal.md) [s](../pay/_index.md) [i](../../pics/x.png) [d](/dev/api/) "
                   "[e](https://x.org/a/)\n[ref]: ../pay/paypal.md#setup\n")


def test_site_absolute_links_when_the_old_root_folder_was_not_imported():
    out = converted("[p](/docs/pay/paypal/)\n", path="pay/a.md", files=["pay/paypal.md"]).text
    assert out == "[p](paypal.md)\n"


def test_links_can_be_switched_off():
    body = "[p](/user/pay/) [f](pay/)\n"
    out = converted(body, files=["user/pay/_index.md", "pay/index.md"], site_links=False, folder_links=False).text
    assert out == body


def test_brackets_inside_image_text_are_escaped():
    out = converted('[![PayPal [link]](p.gif "PayPal [link]")](https://x.org) ![ok](a.png)\n', files=["p.gif"]).text
    assert out == '[![PayPal \\[link\\]](p.gif "PayPal \\[link\\]")](https://x.org) ![ok](a.png)\n'


def test_markdown_inside_html_blocks_is_rendered_as_commonmark_does():
    body = "<div style='float:right'>\n\n**Bold**\n\n</div>\n<div>\nraw\n</div>\n"
    out = converted(body)
    assert out.text.startswith("<div style='float:right' markdown=\"1\">\n\n**Bold**")
    assert "<div>\nraw" in out.text and out.features == {"html"}
