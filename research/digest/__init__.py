"""The weekly digest: which events belong to which week, the run over the watchlist, and its Markdown, HTML and Atom."""
