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


def test_mdx_tabs_and_module_lines():
    body = ("import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n# Pay\n\n"
            '<Tabs groupId="os">\n  <TabItem value="ios" label="iPhone" default>\n\nTap **Pay**.\n\n  </TabItem>\n'
            '  <TabItem value="android">\n\nTap the menu.\n\n  </TabItem>\n</Tabs>\n\n'
            "```js\nimport x from 'y';\n```\n")
    out = converted(body, path="pay.md").text
    assert "import Tabs" not in out and "<Tab" not in out
    assert '=== "iPhone"\n\n    Tap **Pay**.\n' in out
    assert '=== "android"\n\n    Tap the menu.\n' in out
    assert "```js\nimport x from 'y';\n```" in out  # code is never touched
