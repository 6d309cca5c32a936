from compat_helpers import converted


def test_hint_becomes_an_admonition():
    out = converted('{% hint style="warning" %}\nCheck the **date**.\n{% endhint %}\nAfter\n').text
    assert "!!! warning \"Warning\"\n    Check the **date**.\n" in out and "{%" not in out and "\nAfter" in out


def test_hint_on_one_line():
    out = converted('{% hint style="info" %} Short. {% endhint %}\n').text
    assert "!!! info \"Info\"\n    Short.\n" in out


def test_tabs_become_content_tabs_and_nest_hints():
    body = ('{% tabs %}\n{% tab title="iPhone" %}\nTap **Share**.\n{% hint style="danger" %}\nNo.\n{% endhint %}\n'
            '{% endtab %}\n{% tab title="Android" %}\nTap the dots.\n{% endtab %}\n{% endtabs %}\n')
    out = converted(body).text
    assert '=== "iPhone"\n    Tap **Share**.\n' in out
    assert "    !!! danger \"Danger\"\n        No.\n" in out
    assert '=== "Android"\n    Tap the dots.\n' in out
    assert "{%" not in out


def test_embed_and_content_ref_become_links():
    body = ('{% embed url="https://example.com/video" %}\n\n{% content-ref url="selling/" %}\n'
            '[Selling](selling/)\n{% endcontent-ref %}\n')
    out = converted(body, files=["selling/README.md"]).text
    assert "[example.com/video](https://example.com/video)" in out
    assert "[Selling](selling/README.md)" in out and "{%" not in out


def test_content_ref_links_show_the_page_title_not_its_file_name():
    body = ('{% content-ref url="../README.md" %}\n[README.md](../README.md)\n{% endcontent-ref %}\n\n'
            '{% content-ref url="../../payments/" %}\n[payments](../../payments/)\n{% endcontent-ref %}\n\n'
            '{% content-ref url="../README.md" %}\n[Back to selling](../README.md)\n{% endcontent-ref %}\n\n'
            '[README.md](../README.md) outside a content-ref stays as written.\n')
    others = {"selling/README.md": "---\ndescription: Sell.\n---\n\n# Selling\n",
              "payments/README.md": "---\ntitle: Take payments\n---\nText.\n"}
    out = converted(body, path="selling/orders/cancel.md", others=others).text
    assert "[Selling](../README.md)" in out
    assert "[Take payments](../../payments/README.md)" in out
    assert "[Back to selling](../README.md)" in out
    assert "[README.md](../README.md) outside" in out


def test_angle_bracket_images_are_encoded():
    out = converted("![](<../.gitbook/assets/image (29) (1).png>)\n", path="a/b.md").text
    assert out == "![](../.gitbook/assets/image%20%2829%29%20%281%29.png)\n"
