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
from kzdesk.diarization.clustering import cluster_segments
rng = np.random.default_rng(0)
centres = rng.normal(size=(3, 16))
x = np.repeat(centres, 20, axis=0) + 0.2 * rng.normal(size=(60, 16))
x /= np.linalg.norm(x, axis=1, keepdims=True)
labels, centroids = cluster_segments(x.astype(np.float32))
assert len(centroids) == 3, len(centroids)
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
