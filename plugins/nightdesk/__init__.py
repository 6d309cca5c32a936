"""nightdesk: a static, offline-first self-help knowledge base.

`nightdesk.core` and `nightdesk.search` are plain Python over a folder of Markdown;
`nightdesk.mkdocs` holds the thin MkDocs plugins that call them during a build.
"""

__version__ = "0.1.0"
