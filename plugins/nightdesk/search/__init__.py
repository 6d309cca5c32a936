"""Offline search core: text pipeline, article sections, synonyms and the lunr index.

Plain Python with no MkDocs import; `nightdesk.mkdocs.search` adapts it to a build.
"""
