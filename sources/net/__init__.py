"""The network: one careful HTTP client, the private-address guard, politeness slots, robots.txt, replays, parse isolation."""
