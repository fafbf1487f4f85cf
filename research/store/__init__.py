"""Keeping state on disk: the store (profiles, watchlist, digests), the HTTP cache, the config file, safe file writes."""
