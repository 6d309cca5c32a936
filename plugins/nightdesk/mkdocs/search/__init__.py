"""MkDocs adapter for nightdesk's offline search (`plugins: [nightdesk/search]`)."""
