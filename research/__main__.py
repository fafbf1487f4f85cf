"""`python -m research` runs the command line."""

from .cli import main

main()
