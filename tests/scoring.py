"""Word errors of what an engine heard (NFC, lower case, ё as е, punctuation removed): the
tests' word error rate and bench/server.py's pooled one."""

from __future__ import annotations

import re
import unicodedata


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower().replace("ё", "е")
    return re.sub(r"[^\w\s]", " ", text).split()


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(word edits, reference words)."""
    ref, hyp = words(reference), words(hypothesis)
    row = list(range(len(hyp) + 1))
    for i in range(1, len(ref) + 1):
        diagonal, row[0] = row[0], i
        for j in range(1, len(hyp) + 1):
            diagonal, row[j] = (
                row[j],
                min(row[j] + 1, row[j - 1] + 1, diagonal + (ref[i - 1] != hyp[j - 1])),
            )
    return row[-1], len(ref)


def word_error_rate(reference: str, hypothesis: str) -> float:
    edits, count = word_errors(reference, hypothesis)
    return edits / max(count, 1)
