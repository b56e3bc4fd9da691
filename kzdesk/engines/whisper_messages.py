"""What the offline engine's parent and its child process say to each other.

Small frozen dataclasses sent through a multiprocessing Pipe (pickled); the parent never reads
the child's printed output. Times are milliseconds relative to the piece being transcribed.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class WhisperRequest:
    """Everything the child needs: it imports no kzdesk state and opens no database."""

    model_path: str
    audio_path: str
    language: str | None  # "kk", "ru", None = detect; see choose_between
    choose_between: tuple[str, ...] = ()  # ("kk", "ru"): detect, but only among these
    device: str = "auto"  # "auto" (CUDA when present), "cpu", "cuda"
    compute_type: str = "default"  # "default": int8 on CPU, float16 on CUDA
    cpu_threads: int = 0  # 0 = physical cores
    beam_size: int = 5
    word_timestamps: bool = True
    vad_filter: bool = True
    split_channels: bool = False  # stereo, each channel one person: transcribe each alone
    # where to start in each channel (resume after the last kept phrase's end)
    start_ms: tuple[int, ...] = (0,)
    glossary: tuple[str, ...] = ()  # names and terms, given to Whisper as hot words


@dataclass(frozen=True)
class WordInfo:
    text: str
    start_ms: int
    end_ms: int
    probability: float


@dataclass(frozen=True)
class Loaded:
    """The model is in memory; recognition starts."""

    device: str
    compute_type: str
    duration_ms: int  # of the audio the child decoded (one channel)


@dataclass(frozen=True)
class Progress:
    fraction: float  # 0..1 of the whole piece (all channels)
    position_ms: int


@dataclass(frozen=True)
class Phrase:
    channel: str  # "0"; "0"/"1" when channels are transcribed separately
    start_ms: int
    end_ms: int
    text: str
    language: str | None
    words: tuple[WordInfo, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Done:
    language: str | None
    loops_cut: int = 0  # how many times the loop guard restarted recognition


@dataclass(frozen=True)
class Failed:
    """An error the child understood: kind is a FailureKind value, message a sentence."""

    kind: str
    message: str


Message = Loaded | Progress | Phrase | Done | Failed
