"""The knowledge base as plain Python: articles, tasks, checks. Nothing here imports MkDocs."""
