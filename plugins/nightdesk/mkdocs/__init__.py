"""MkDocs adapters: thin plugins that call `nightdesk.core` and `nightdesk.search` in the right build events.

This is the only package that imports MkDocs, so the knowledge base can move to another generator.
"""
