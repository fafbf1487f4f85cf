"""The sources themselves: news searches, feeds, newsrooms, wires, GDELT and SEC EDGAR, and the registry of built-ins."""
