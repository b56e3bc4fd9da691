"""One pass of both models over a real recording, chunks analysed side by side."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from kzdesk.diarization.audio_input import decode_blocks
from kzdesk.diarization.evidence import gather

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def test_chunks_analysed_side_by_side_give_what_one_at_a_time_gives() -> None:
    path = REAL / "trn04.flac"
    fractions: list[float] = []
    alone = gather(decode_blocks(path), workers=1)
    together = gather(
        decode_blocks(path, block_seconds=1.0),
        workers=3,
        total_samples=alone.samples,
        progress=fractions.append,
    )
    assert len(together.starts) == len(alone.starts) == 6
    assert np.array_equal(together.starts, alone.starts)  # in the recording's order
    assert np.array_equal(together.local, alone.local)
    assert np.array_equal(together.clean, alone.clean)
    assert np.abs(together.activity.astype(int) - alone.activity).max() <= 1
    known = np.isfinite(alone.embeddings)
    assert np.array_equal(known, np.isfinite(together.embeddings))
    assert np.allclose(together.embeddings[known], alone.embeddings[known], atol=1e-4)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
