"""Known voices: named speaker embeddings kept on this computer, matched against new speakers.

One small JSON file in a folder the caller chooses (the app's data folder); each profile keeps
the embedder's name, so profiles from another encoder are never compared. Matching is one to
one (each profile names at most one speaker of a recording), best similarity first, and only
above a threshold; the names it returns are suggestions the user confirms.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FILE_NAME = "voice_profiles.json"
DEFAULT_THRESHOLD = 0.85  # GE2E centroid cosine; tests/diarization measure the margins


@dataclass(frozen=True)
class VoiceProfile:
    id: str
    name: str
    embedding: np.ndarray  # unit vector
    model: str  # embedder name, e.g. "ge2e"
    created_at: float
    samples: int = 1  # how many recordings were averaged into it


@dataclass(frozen=True)
class ProfileMatch:
    speaker: int
    profile: VoiceProfile
    similarity: float


class VoiceProfileStore:
    def __init__(self, directory: str | Path) -> None:
        self._path = Path(directory) / FILE_NAME

    def list(self) -> list[VoiceProfile]:
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError):
            return []  # a damaged file loses the suggestions, never a transcript
        return [
            VoiceProfile(
                p["id"],
                p["name"],
                np.asarray(p["embedding"], dtype=np.float32),
                p["model"],
                p["created_at"],
                p.get("samples", 1),
            )
            for p in raw.get("profiles", [])
        ]

    def save(self, name: str, embedding: np.ndarray, model: str) -> VoiceProfile:
        """A new profile, or, if one of that name and model exists, that profile with this
        recording's voice averaged in."""
        name = name.strip()
        if not name:
            raise ValueError("a voice needs a name")
        vector = _unit(embedding)
        profiles = self.list()
        for i, p in enumerate(profiles):
            if p.name.casefold() == name.casefold() and p.model == model:
                merged = _unit(p.embedding * p.samples + vector)
                profiles[i] = VoiceProfile(p.id, p.name, merged, model, p.created_at, p.samples + 1)
                self._write(profiles)
                return profiles[i]
        profile = VoiceProfile(uuid.uuid4().hex, name, vector, model, time.time())
        self._write([*profiles, profile])
        return profile

    def delete(self, profile_id: str) -> bool:
        profiles = self.list()
        kept = [p for p in profiles if p.id != profile_id]
        if len(kept) != len(profiles):
            self._write(kept)
        return len(kept) != len(profiles)

    def rename(self, profile_id: str, name: str) -> None:
        if not name.strip():
            raise ValueError("a voice needs a name")
        self._write(
            [
                VoiceProfile(p.id, name.strip(), p.embedding, p.model, p.created_at, p.samples)
                if p.id == profile_id
                else p
                for p in self.list()
            ]
        )

    def _write(self, profiles: list[VoiceProfile]) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = {
            "version": 1,
            "profiles": [
                {
                    "id": p.id,
                    "name": p.name,
                    "model": p.model,
                    "created_at": p.created_at,
                    "samples": p.samples,
                    "embedding": [round(float(v), 6) for v in p.embedding],
                }
                for p in profiles
            ],
        }
        partial = self._path.with_name(f"{self._path.name}.{os.getpid()}.part")
        try:
            # user-only: voices are personal data (the data folder is private too)
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with open(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(data, ensure_ascii=False))
            os.replace(partial, self._path)  # readers never see half a file
        finally:
            partial.unlink(missing_ok=True)


def match_speakers(
    speakers: dict[int, np.ndarray],
    profiles: list[VoiceProfile],
    *,
    model: str,
    threshold: float = DEFAULT_THRESHOLD,
) -> dict[int, ProfileMatch]:
    """Suggested profile per speaker: pairs above ``threshold``, best first, one to one."""
    pairs = []
    for speaker, embedding in speakers.items():
        vector = _unit(embedding)
        for profile in profiles:
            if profile.model != model or profile.embedding.shape != vector.shape:
                continue
            pairs.append((float(vector @ profile.embedding), speaker, profile))
    pairs.sort(key=lambda p: -p[0])
    matches: dict[int, ProfileMatch] = {}
    taken: set[str] = set()
    for similarity, speaker, profile in pairs:
        if similarity < threshold:
            break
        if speaker in matches or profile.id in taken:
            continue
        matches[speaker] = ProfileMatch(speaker, profile, similarity)
        taken.add(profile.id)
    return matches


def _unit(x: np.ndarray) -> np.ndarray:
    v = np.asarray(x, dtype=np.float32).reshape(-1)
    return v / max(float(np.linalg.norm(v)), 1e-9)
