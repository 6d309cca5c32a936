"""Search-engine data from the article's own Markdown: meta description, HowTo and FAQPage JSON-LD."""
import json

from nightdesk.core.articles import read_article
from nightdesk.core.seo import json_ld_script, meta_description, numbered_steps, questions_and_answers, structured_data

HOW_TO = """---
title: Refund a customer
summary: Open the paid invoice and tap Refund.
kind: how-to
time: 3
---
# Refund a customer

## Steps

1. Tap **Invoices** and find the paid invoice.
2. Tap [Refund](refund.md).
   The button is at the bottom.
3. Confirm.

```
1. not a step: code
```

Then later:

1. Another procedure
"""

FAQ = """---
kind: faq
---
# Payments questions

## Do I pay a fee on a declined payment?

No. You only pay a fee when a payment succeeds.

## About fees

Not a question.

## Can I take a payment offline?

- No, you need a signal.
- Send the invoice link instead.
"""


def article(source, path="a.md"):
    return read_article(path, source)[0]


def test_meta_description_is_plain_and_cut_at_a_word():
    assert meta_description("Tap **Refund**, then [confirm](x.md).") == "Tap Refund, then confirm."
    long = meta_description("word " * 60)
    assert len(long) <= 160 and long.endswith("word…")


def test_steps_come_from_the_first_numbered_list_only():
    assert numbered_steps(article(HOW_TO).body) == [
        "Tap Invoices and find the paid invoice.", "Tap Refund. The button is at the bottom.", "Confirm."]


def test_how_to_json_ld_has_the_required_schema_org_properties():
    data = structured_data(article(HOW_TO), "https://help.example/refund.html")
    assert data["@context"] == "https://schema.org" and data["@type"] == "HowTo"
    assert data["name"] == "Refund a customer" and data["totalTime"] == "PT3M"
    assert [s["position"] for s in data["step"]] == [1, 2, 3]
    assert all(s["@type"] == "HowToStep" and s["text"] for s in data["step"])
    assert data["url"] == "https://help.example/refund.html"


def test_faq_page_takes_question_headings_and_their_answers():
    data = structured_data(article(FAQ))
    assert data["@type"] == "FAQPage"
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]] == [
        ("Do I pay a fee on a declined payment?", "No. You only pay a fee when a payment succeeds."),
        ("Can I take a payment offline?", "No, you need a signal. Send the invoice link instead."),
    ]
    assert all(q["@type"] == "Question" and q["acceptedAnswer"]["@type"] == "Answer" for q in data["mainEntity"])
    assert questions_and_answers("## Why?\n") == []  # a question without an answer is left out


def test_concepts_have_no_structured_data():
    assert structured_data(article("---\nkind: concept\n---\n# Fees\n\nHow fees work.\n")) is None


def test_script_element_cannot_be_closed_by_the_text():
    script = json_ld_script({"name": "Why does </script> appear?"})
    inner = script[len('<script type="application/ld+json">'):-len("</script>")]
    assert "</" not in inner
    assert json.loads(inner)["name"] == "Why does </script> appear?"


def test_a_how_to_without_numbered_steps_has_no_json_ld():
    assert structured_data(article("---\nkind: how-to\n---\n# Tidy up\n\nJust do it.\n\n```\n1. code, not a step\n```\n")) is None
