"""Planning a run: who the company is (what the user typed, its SEC filer) and which sources to ask."""
