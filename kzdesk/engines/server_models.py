"""What a transcription server offers: its model list, and the "Test connection" check
(one second of silence there and back: which model, how long, whether word times come)."""

from __future__ import annotations

import logging
import tempfile
import wave
from pathlib import Path
from typing import Any, Protocol

import httpx

from kzdesk.core.engine import AudioPiece, EngineContext, EngineError, FailureKind, Utterance
from kzdesk.engines import server_errors as errors
from kzdesk.engines.server_http import MODELS, Answer, ServerClient
from kzdesk.engines.server_parts import ConnectionReport, Progress
from kzdesk.engines.server_reply import has_words

log = logging.getLogger(__name__)

SHOWN_MODELS = 12


def listed_models(client: ServerClient) -> tuple[str, ...] | None:
    """The model ids ``GET /v1/models`` lists (OpenAI's ``{"data": [{"id": …}]}``); None when
    the server has no such list or it cannot be read."""
    try:
        answer = client.get(MODELS)
    except httpx.HTTPError:
        return None
    if answer.status != 200:
        return None
    try:
        data: Any = answer.json()
    except ValueError:
        return None
    items = data.get("data", data.get("models")) if isinstance(data, dict) else data
    if not isinstance(items, list):
        return None
    ids = [item.get("id") if isinstance(item, dict) else item for item in items]
    return tuple(i for i in ids if isinstance(i, str) and i)


def model_problem(client: ServerClient, url: str, model: str) -> str:
    """The sentence for a 404: a wrong model (naming those the server offers) or no
    transcription service at that address."""
    models = listed_models(client)
    if models and model not in models:
        offered = ", ".join(f"“{m}”" for m in models[:SHOWN_MODELS])
        if len(models) > SHOWN_MODELS:
            offered += ", …"
        return errors.NO_SUCH_MODEL.format(url=url, model=model, models=offered)
    return errors.NO_SUCH_SERVICE.format(url=url, model=model)


class ServerEngine(Protocol):
    """What the check uses of ``openai_server.ServerEngine`` (which calls it: named by its
    shape, so this module need not import that one back)."""

    url: str
    model: str
    client: ServerClient

    def exchange(
        self,
        piece: AudioPiece,
        fields: dict[str, str | list[str]],
        ctx: EngineContext,
        sent: Progress,
    ) -> Answer: ...

    def refusal(self, answer: Answer) -> EngineError: ...


class _QuietContext:
    """An EngineContext for the check: nothing to store, never cancelled."""

    operation_id: str | None = None
    kept: list[Utterance] = []  # noqa: RUF012 - read only

    def will_send(self) -> None:
        pass

    def remember_operation(self, operation_id: str) -> None:
        pass

    def keep(self, utterances: list[Utterance]) -> None:
        pass

    def progress(self, fraction: float, stage: str) -> None:
        pass

    def cancelled(self) -> bool:
        return False


def silence_wav(path: Path, seconds: float = 1.0, rate: int = 16000) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\0\0" * int(rate * seconds))
    return path


def check_connection(engine: ServerEngine) -> ConnectionReport:
    """Send one second of silence; raises EngineError with a sentence when that fails."""
    ctx = _QuietContext()
    sent = Progress(ctx, "check")
    fields: dict[str, str | list[str]] = {
        "model": engine.model,
        "response_format": "verbose_json",
        "timestamp_granularities[]": ["word", "segment"],
    }
    with tempfile.TemporaryDirectory(prefix="kzdesk-check-") as folder:
        path = silence_wav(Path(folder) / "silence.wav")
        piece = AudioPiece(str(path), "WAV", 0, 1000, 1, 16000)
        answer = engine.exchange(piece, fields, ctx, sent)
    if answer.status == -1:
        raise sent.error or errors.cancelled()
    if answer.status == 429:
        raise EngineError(FailureKind.QUOTA, errors.BUSY.format(url=engine.url, seconds=10))
    if answer.status >= 500:
        raise EngineError(
            FailureKind.UNREACHABLE,
            errors.SERVER_ERROR.format(url=engine.url, status=answer.status),
        )
    if not 200 <= answer.status < 300:
        raise engine.refusal(answer)
    try:
        data = answer.json()
    except ValueError as exc:
        raise EngineError(
            FailureKind.REMOTE, errors.NOT_A_TRANSCRIPTION.format(url=engine.url, detail="not JSON")
        ) from exc
    if not isinstance(data, dict) or not isinstance(
        data.get("text", data.get("segments")), str | list
    ):
        raise EngineError(
            FailureKind.REMOTE,
            errors.NOT_A_TRANSCRIPTION.format(url=engine.url, detail="no text and no segments"),
        )
    if "segments" not in data and not has_words(data):
        raise EngineError(
            FailureKind.REMOTE,
            errors.NOT_A_TRANSCRIPTION.format(
                url=engine.url, detail="no times: response_format=verbose_json was ignored"
            ),
        )
    return ConnectionReport(
        engine.model, answer.seconds, has_words(data), listed_models(engine.client)
    )
