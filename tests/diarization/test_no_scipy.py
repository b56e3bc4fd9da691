"""The packaged app ships without scipy: diarization must import and run with it blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = """
import sys
for name in [m for m in sys.modules if m == "scipy" or m.startswith("scipy.")]:
    del sys.modules[name]
sys.modules["scipy"] = None  # any import of scipy now raises ImportError
import numpy as np
import kzdesk.diarization.pipeline
import kzdesk.diarization.process
from kzdesk.diarization.clustering import cluster
from kzdesk.diarization.evidence import Evidence
rng = np.random.default_rng(0)
centres = rng.normal(size=(3, 192))
x = np.repeat(centres, 20, axis=0) + 0.2 * rng.normal(size=(60, 192))
x /= np.linalg.norm(x, axis=1, keepdims=True)
evidence = Evidence(
    starts=np.arange(60) * 296,
    activity=np.full((60, 589, 6), 255, dtype=np.uint8),
    embeddings=np.concatenate([x[:, None, :], np.full((60, 5, 192), np.nan)], axis=1).astype(np.float32),
    clean=np.pad(np.full((60, 1), 500), ((0, 0), (0, 5))),
    local=np.pad(np.zeros((60, 1), dtype=np.int64), ((0, 0), (0, 5)), constant_values=-1),
    samples=16000 * 300,
)
clusters = cluster(evidence)
assert clusters.count == 3, clusters.count
assert not any(m == "scipy" or m.startswith("scipy.") for m in sys.modules if sys.modules[m])
print("ok")
"""


def test_diarization_imports_and_clusters_without_scipy() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_no_module_under_kzdesk_imports_scipy() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "kzdesk").rglob("*.py")
        if "import scipy" in p.read_text(encoding="utf-8")
        or "from scipy" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
