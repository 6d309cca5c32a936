"""Front matter split from the body, with the line the body starts on (the core's messages cite it)."""
import pytest

from nightdesk.core import frontmatter
from nightdesk.core.frontmatter import split_front_matter


def _split_whole(source: str):
    """The plain way: every line of the source split, the closing fence searched from the second."""
    lines = source.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return source, 1
    end = next((i for i in range(1, len(lines)) if frontmatter._FENCE.match(lines[i])), None)
    return (source, 1) if end is None else ("".join(lines[end + 1:]), end + 2)


@pytest.mark.parametrize("head", [4096, 7, 8, 9, 10])
@pytest.mark.parametrize("source", [
    "---\ntitle: Refunds\n---\n# Refunds\n",
    "---\r\ntitle: Refunds\r\n---\r\nBody\r\n",  # a head of 8 or 9 cuts between \r and \n
    "---\ntitle: Refunds\n" + "summary: long words\n" * 400 + "...\nBody\n",  # fence far past the head
    "---\ntitle: no end\n" + "Body line\n" * 500,
    "# No front matter\n---\n",
    "---\u2028title: x\u2028---\u2028Body",
])
def test_body_and_its_first_line_match_splitting_every_line(monkeypatch, head, source):
    monkeypatch.setattr(frontmatter, "_HEAD", head)
    block = split_front_matter(source)
    assert (block.body, block.body_line) == _split_whole(source)
