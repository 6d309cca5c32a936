"""A view rendered once per build and filled in per page gives what rendering it on each page gives.

(A view comparing a value with a constant, {% if topic == "Refunds" %}, cannot be told from one that
prints it: nightdesk fills in only its own views, and renders a site's override on every page.)"""
import jinja2
import pytest

from nightdesk.site.render_once import RenderedOnce

ENV = jinja2.Environment(autoescape=True)
VALUES = [
    {"topic": 'Refund <a card> & "void" it', "email_href": lambda address: f"mailto:{address}?subject=Refund&body=<x>"},
    {"topic": "Café’s till", "email_href": lambda address: f"mailto:{address}"},
]


def _render(source):
    template = ENV.from_string(source)
    return lambda **values: template.render(**values)


@pytest.mark.parametrize("source, once", [
    ('<aside data-topic="{{ topic }}"><a href="{{ email_href("help@example.com") }}">{{ topic }}</a>'
     '{% for a in ["x@example.com", "y@example.com"] %}<a href="{{ email_href(a) }}">{{ a }}</a>{% endfor %}</aside>',
     True),
    ("<p>{{ title }}</p>", True),  # no value used at all
    ("{{ topic|upper }}", False),  # transformed: rendered per page
    ("{{ topic|length }}", False),
    ("{{ topic|safe }}", False),  # not escaped as a printed value is
    ("{{ topic[:4] }}", False),
    ("{{ email_href(topic) }}", False),  # a function given a value
    ('{{ email_href("a@example.com")|urlencode }}', False),
])
def test_each_page_gets_what_rendering_it_gives(source, once):
    render = _render(source)
    view = RenderedOnce(lambda **values: render(title="Help", **values), texts=("topic",), functions=("email_href",))
    assert view.once is once
    for values in VALUES:
        assert view.fill(**values) == render(title="Help", **values)


def test_an_empty_value_is_rendered_as_it_is():
    render = _render("{% if topic %}About {{ topic }}{% else %}About us{% endif %}")
    view = RenderedOnce(render, texts=("topic",))
    assert view.once
    assert view.fill(topic="") == "About us"
    assert view.fill(topic="Refunds") == "About Refunds"
