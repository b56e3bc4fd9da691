"""Filling translated templates: ``fill(self.tr("“%1” failed: %2"), name, sentence)``.

PySide has no ``QString.arg``; this replaces ``%1`` … ``%9`` in one pass, so a value that
itself contains ``%2`` is never substituted again."""

from __future__ import annotations

import re

_MARK = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    def put(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if index < len(values) else match.group(0)

    return _MARK.sub(put, template)
