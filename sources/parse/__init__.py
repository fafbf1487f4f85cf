"""Pure parsing: feeds, pages, SEC filings, text and URLs into Items, and merging the same story from many outlets."""
