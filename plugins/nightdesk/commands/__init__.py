"""Subcommands of the `nightdesk` command line, one module each."""
