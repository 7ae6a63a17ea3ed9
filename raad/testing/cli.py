"""Logging for the repository's check commands (`python -m raad.testing.i18n_check`, `… locks`): what went
well on standard output, problems on standard error, the message alone (they read like compiler output)."""

from __future__ import annotations

import logging
import sys


class _Below(logging.Filter):
    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < self.level


def command_logger(name: str) -> logging.Logger:
    """The logger of one check command, its handlers bound to the current standard streams."""
    log = logging.getLogger(name)
    log.handlers.clear()
    log.setLevel(logging.INFO)
    log.propagate = False
    out = logging.StreamHandler(sys.stdout)
    out.addFilter(_Below(logging.WARNING))
    err = logging.StreamHandler(sys.stderr)
    err.setLevel(logging.WARNING)
    for handler in (out, err):
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
    return log
