"""Template tags nightdesk cannot render (Hugo `{{< x >}}` / `{{% x %}}`, Liquid/Jinja/GitBook `{% x %}`,
leftover Learn markers `[!x]`): removed from the page, each kind reported once by the knowledge base."""
from __future__ import annotations

import re

_HUGO = re.compile(r"\{\{[<%]\s*/?\*?\s*([\w./-]+)?[^}]*?\*?/?\s*[%>]\}\}")
_LIQUID = re.compile(r"\{%-?\s*(/?[\w-]+)?[^%]*?-?%\}")
_MARKER = re.compile(r"\[!([A-Za-z][\w-]*)(?:[^\[\]]|\[[^\]]*\])*\](?!\()")


def remove(text: str, found: list[str], keep: re.Pattern | None = None) -> str:
    """`text` without template tags; the kind of each removed tag (e.g. '{{% use_rest %}}') goes to `found`.
    Tags matching `keep` stay (includes, when a file is converted for nightdesk to resolve them later)."""
    if keep is not None and keep.search(text):
        parts, last = [], 0
        for match in keep.finditer(text):
            parts += [remove(text[last:match.start()], found), match.group(0)]
            last = match.end()
        return "".join(parts) + remove(text[last:], found)
    if "{{" in text:
        text = _HUGO.sub(lambda m: _note(found, "{{%s %s %s}}" % (m.group(0)[2], (m.group(1) or "").lstrip("/"),
                                                                 m.group(0)[-3])), text)
    if "{%" in text:
        text = _LIQUID.sub(lambda m: _note(found, "{%% %s %%}" % _base((m.group(1) or "").lstrip("/"))), text)
    if "[!" in text:
        text = _MARKER.sub(lambda m: _note(found, f"[!{m.group(1).upper()}]"), text)
    return text


def _base(name: str) -> str:
    """`endraw` and `raw` are one kind."""
    return name[3:] if name.startswith("end") and len(name) > 3 else name


def _note(found: list[str], kind: str) -> str:
    found.append(kind)
    return ""
