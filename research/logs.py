"""The library's loggers. The ``research`` logger gets a NullHandler when the first of them is
made, so a program that configures no logging sees nothing from us, and ``import research`` (and
``research --help``) do not load the logging module: only the modules that log import this."""

from __future__ import annotations

import logging

logging.getLogger("research").addHandler(logging.NullHandler())


def library_logger(name: str) -> logging.Logger:
    """The logger for one of research's modules (pass ``__name__``)."""
    return logging.getLogger(name)
