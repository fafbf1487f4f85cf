"""Planning a run: who the company is (what the user typed, its saved profile, its SEC filer),
where it publishes (newsroom discovery) and which sources to ask."""
