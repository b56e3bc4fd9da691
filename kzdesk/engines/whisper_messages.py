"""What the offline engine's parent and its child process say to each other.

Small frozen dataclasses sent through a multiprocessing Pipe (pickled); the parent never reads
the child's printed output. Times are milliseconds relative to the piece being transcribed.
The child serves one request after another (it stays warm between the jobs of a batch): each
request ends with a Done or a Failed message; ``None`` in place of a request tells it to exit.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class WhisperRequest:
    """Everything the child needs: it imports no kzdesk state and opens no database."""

    model_path: str
    audio_path: str  # the original recording: decoded by the child, never converted first
    language: str | None  # "kk", "ru"; None = chosen per stretch of speech, see choose_between
    choose_between: tuple[str, ...] = ()  # ("kk", "ru"): only these; () = any language
    duration_ms: int = 0  # of the recording (probed): progress is audio done / this
    device: str = "auto"  # "auto" (CUDA when present), "cpu", "cuda"
    compute_type: str = "default"  # "default": int8 on CPU, float16 on CUDA
    cpu_threads: int = 0  # 0 = physical cores
    beam_size: int = 5
    word_timestamps: bool = True
    split_channels: bool = False  # stereo, each channel one person: transcribe each alone
    # where to start in each channel (resume after the last kept segment's end)
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
    """The model is in memory (sent when the child loads one; a warm child skips this)."""

    device: str
    compute_type: str


@dataclass(frozen=True)
class Progress:
    fraction: float  # 0..1 of the whole piece (all channels): audio recognised / audio in all
    position_ms: int  # how far recognition is in the channel being transcribed


@dataclass(frozen=True)
class Segment:
    channel: str  # "0"; "0"/"1" when channels are transcribed separately
    start_ms: int
    end_ms: int
    text: str
    language: str | None
    words: tuple[WordInfo, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Done:
    languages: tuple[str, ...] = ()  # every language a segment was decoded in
    loops_cut: int = 0  # how many times the loop guard restarted recognition


@dataclass(frozen=True)
class Failed:
    """An error the child understood: kind is a FailureKind value, message a sentence."""

    kind: str
    message: str


Message = Loaded | Progress | Segment | Done | Failed
