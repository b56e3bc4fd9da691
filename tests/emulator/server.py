"""A local SpeechKit v3 asynchronous-recognition emulator over real gRPC (127.0.0.1).

It serves ``AsyncRecognizer.RecognizeFile/GetRecognition/DeleteRecognition`` and
``OperationService.Get/Cancel`` with the rules of the real service (authorization header,
60 MB inline limit, known formats, languages and models, speaker labeling on mono only),
decodes what it receives with ffmpeg, and answers with scripted utterances, optionally
placed on the speech regions it detects. Faults can be injected per method.
"""

from __future__ import annotations

import dataclasses
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent import futures
from dataclasses import dataclass
from typing import Any

import grpc
import numpy as np
from google.protobuf import any_pb2, empty_pb2
from google.rpc import status_pb2
from yandex.cloud.ai.stt.v3 import stt_pb2, stt_service_pb2_grpc
from yandex.cloud.operation import operation_pb2, operation_service_pb2_grpc

from tests.emulator import audio

MAX_CONTENT_BYTES = 60 * 1024 * 1024
MAX_RECEIVE_BYTES = 70 * 1024 * 1024
LANGUAGES = frozenset(
    {"auto", "de-DE", "en-US", "es-ES", "fi-FI", "fr-FR", "he-IL", "it-IT", "kk-KZ", "nl-NL"}
    | {"pl-PL", "pt-PT", "pt-BR", "ru-RU", "sv-SE", "tr-TR", "uz-UZ"}
)
MODELS = frozenset(
    {"", "general", "general:rc", "general:deprecated"}
    | {"deferred-general", "deferred-general:rc", "deferred-general:deprecated"}
)
CONTAINERS = {
    stt_pb2.ContainerAudio.WAV: "WAV",
    stt_pb2.ContainerAudio.OGG_OPUS: "OGG_OPUS",
    stt_pb2.ContainerAudio.MP3: "MP3",
}
RECOGNIZE_FILE = "RecognizeFile"
GET_RECOGNITION = "GetRecognition"
DELETE_RECOGNITION = "DeleteRecognition"
GET = "Get"
CANCEL = "Cancel"
METHODS = (RECOGNIZE_FILE, GET_RECOGNITION, DELETE_RECOGNITION, GET, CANCEL)

# Generic segments for the standalone mode, by language.
GENERIC_SEGMENTS = {
    "ru-RU": [
        "Добрый день, коллеги, начинаем совещание",
        "Давайте обсудим план на следующую неделю",
        "Я согласен, но нужно уточнить сроки",
        "Хорошо, тогда подведём итоги",
    ],
    "kk-KZ": [
        "Сәлеметсіз бе, бүгінгі жиналысты бастаймыз",
        "Келесі аптаның жоспарын талқылайық",
        "Мен келісемін, бірақ мерзімін нақтылау керек",
        "Жақсы, онда қорытынды жасайық",
    ],
}


@dataclass
class ScriptedUtterance:
    """One segment the emulator will return.

    ``start_ms``/``end_ms`` None = place on the next speech region of ``channel`` (for mono
    audio all regions count regardless of tag). ``words`` None = spread the text's words
    over the span in proportion to their length.
    """

    text: str
    start_ms: int | None = None
    end_ms: int | None = None
    channel: str = "0"
    words: list[tuple[str, int, int]] | None = None
    language: str | None = None
    normalized: str | None = None  # final_refinement text; default: text
    # Alternative.confidence; 0 as the real service sends it ("currently not used")
    confidence: float = 0.0


def utterance(
    text: str,
    start_ms: int | None = None,
    end_ms: int | None = None,
    *,
    channel: str = "0",
    words: list[tuple[str, int, int]] | None = None,
    language: str | None = None,
    normalized: str | None = None,
    confidence: float = 0.0,
) -> ScriptedUtterance:
    return ScriptedUtterance(
        text, start_ms, end_ms, channel, words, language, normalized, confidence
    )


@dataclass
class Script:
    utterances: list[ScriptedUtterance] | None = None  # None = generic segments per region
    polls_until_done: int = 0  # Get answers done=False this many times first
    processing_s: float = 0.0  # and/or until this long after submission
    recognize_latency_s: float = 0.0
    get_latency_s: float = 0.0
    operation_error: tuple[int, str] | None = None  # (google.rpc code, message) once done


@dataclass
class Fault:
    method: str
    code: grpc.StatusCode
    times: int = 1
    after_messages: int | None = None  # GetRecognition: break after k messages
    details: str = "injected fault"


@dataclass
class Received:
    method: str
    metadata: dict[str, str]
    request: Any
    at: float
    audio_duration_ms: int | None = None
    audio_channels: int | None = None


@dataclass
class _Operation:
    id: str
    created_at: float
    script: Script
    responses: list[stt_pb2.StreamingResponse]
    polls: int = 0
    cancelled: bool = False
    deleted: bool = False
    processed: bool = True  # False while a deferred decode runs
    failure: tuple[int, str] | None = None  # set when a deferred decode rejects the audio

    def done(self) -> bool:
        if self.cancelled:
            return True
        if not self.processed:
            return False
        ready = self.polls > self.script.polls_until_done
        return ready and time.monotonic() - self.created_at >= self.script.processing_s


class _Abort(Exception):
    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        super().__init__(details)
        self.code = code
        self.details = details


# Ports the emulators of this process listened on. gRPC shares a connection (and its reconnect
# back-off) among all channels to one address, so a client left over from an earlier test that
# kept failing against a stopped emulator's port can make a new emulator there look
# unreachable: a new emulator never reuses a port unless the test asks for that port.
_PORTS_USED: set[int] = set()


class SpeechKitEmulator:
    """Start with :meth:`start`, stop with :meth:`stop`; script with :meth:`script`."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        iam_token: str | None = None,
        port: int = 0,
        key_lacks_role: bool = False,
        script: Script | None = None,
        deferred_decoding: bool = False,
        decode_audio: bool = True,
    ) -> None:
        """``deferred_decoding``: accept a file at once and decode it while the operation
        runs, as the service does (undecodable audio then ends in ``Operation.error``
        INVALID_ARGUMENT). Off by default so tests see audio problems on RecognizeFile."""
        self.api_key = api_key or "emulator-" + secrets.token_hex(8)
        self.iam_token = iam_token  # None: any non-empty Bearer token is accepted
        self.key_lacks_role = key_lacks_role
        self.deferred_decoding = deferred_decoding
        self.decode_audio = decode_audio  # False: benchmarks; only explicit utterance times
        self.received: list[Received] = []
        self._requested_port = port
        self._script = script or Script()
        self._faults: list[Fault] = []
        self._lost_replies = 0
        # called with the operation id once a file is accepted, before the reply leaves (a test
        # kills the client there: accepted and billed, but the id never reached it)
        self.on_accept: Callable[[str], None] | None = None
        self._operations: dict[str, _Operation] = {}
        self._lock = threading.Lock()
        self._server: grpc.Server | None = None
        self.port = 0

    # ---- life cycle ------------------------------------------------------------------------
    def start(self) -> SpeechKitEmulator:
        for _ in range(50):
            server = self._bound_server()
            if self._requested_port or self.port not in _PORTS_USED:
                break
            server.stop(None)  # a port an earlier emulator of this process had: take another
        _PORTS_USED.add(self.port)
        server.start()
        self._server = server
        return self

    def _bound_server(self) -> grpc.Server:
        server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=16),
            options=[
                ("grpc.max_receive_message_length", MAX_RECEIVE_BYTES),
                ("grpc.max_send_message_length", MAX_RECEIVE_BYTES),
            ],
        )
        stt_service_pb2_grpc.add_AsyncRecognizerServicer_to_server(_Recognizer(self), server)
        operation_service_pb2_grpc.add_OperationServiceServicer_to_server(
            _OperationService(self), server
        )
        self.port = server.add_insecure_port(f"127.0.0.1:{self._requested_port}")
        return server

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop(grace=0.2).wait(5)
            self._server = None

    def __enter__(self) -> SpeechKitEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    # ---- scripting -------------------------------------------------------------------------
    def script(
        self,
        utterances: Sequence[ScriptedUtterance | str] | None = None,
        *,
        polls_until_done: int = 0,
        processing_s: float = 0.0,
        recognize_latency_s: float = 0.0,
        get_latency_s: float = 0.0,
        operation_error: tuple[int, str] | None = None,
    ) -> Script:
        """What the next submissions get. Strings become utterances placed on speech."""
        items = None
        if utterances is not None:
            items = [u if isinstance(u, ScriptedUtterance) else utterance(u) for u in utterances]
        self._script = Script(
            items, polls_until_done, processing_s, recognize_latency_s, get_latency_s,
            operation_error,
        )  # fmt: skip
        return self._script

    def fault(
        self,
        method: str,
        code: grpc.StatusCode,
        *,
        times: int = 1,
        after_messages: int | None = None,
        details: str = "injected fault",
    ) -> None:
        """Fail the next ``times`` calls of ``method`` with ``code``. For GetRecognition,
        ``after_messages=k`` sends k messages first and then breaks the stream."""
        if method not in METHODS:
            raise ValueError(f"unknown method {method!r}")
        with self._lock:
            self._faults.append(Fault(method, code, times, after_messages, details))

    def finish_now(self, op_id: str | None = None) -> None:
        """Let one operation (every operation when None) be done at its next poll."""
        with self._lock:
            ops = [self._operations[op_id]] if op_id else list(self._operations.values())
        for op in ops:
            op.script = dataclasses.replace(op.script, processing_s=0.0, polls_until_done=0)

    def lose_replies(self, times: int = 1) -> None:
        """Accept the next ``times`` files (their operations run and are billed), then answer
        UNAVAILABLE as a connection that broke after the request arrived: the client never
        learns the operation id."""
        with self._lock:
            self._lost_replies += times

    def calls(self, method: str) -> list[Received]:
        with self._lock:
            return [r for r in self.received if r.method == method]

    def count(self, method: str) -> int:
        return len(self.calls(method))

    def operation_ids(self) -> list[str]:
        with self._lock:
            return list(self._operations)

    # ---- internals used by the servicers ---------------------------------------------------
    def _enter(self, method: str, request: Any, context: grpc.ServicerContext) -> Received:
        metadata = {k: v for k, v in context.invocation_metadata() if isinstance(v, str)}
        record = Received(method, metadata, request, time.time())
        with self._lock:
            self.received.append(record)
        self._check_auth(metadata)
        fault = self._take_fault(method, streaming=False)
        if fault is not None:
            raise _Abort(fault.code, fault.details)
        return record

    def _check_auth(self, metadata: dict[str, str]) -> None:
        header = metadata.get("authorization", "")
        scheme, _, credential = header.partition(" ")
        if scheme == "Api-Key":
            ok = credential == self.api_key
        elif scheme == "Bearer":
            ok = bool(credential) and (self.iam_token is None or credential == self.iam_token)
        else:
            ok = False
        if not ok:
            raise _Abort(grpc.StatusCode.UNAUTHENTICATED, "The token is invalid")
        if self.key_lacks_role:
            raise _Abort(
                grpc.StatusCode.PERMISSION_DENIED,
                "Permission denied: the service account needs role ai.speechkit-stt.user",
            )

    def _take_lost_reply(self) -> bool:
        with self._lock:
            if self._lost_replies <= 0:
                return False
            self._lost_replies -= 1
            return True

    def _take_fault(self, method: str, *, streaming: bool) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.method != method or fault.times <= 0:
                    continue
                if (fault.after_messages is not None) != streaming:
                    continue
                fault.times -= 1
                return fault
        return None

    def _new_operation(
        self, script: Script, responses: list[stt_pb2.StreamingResponse], *, processed: bool = True
    ) -> str:
        with self._lock:
            while True:
                op_id = "e03" + secrets.token_hex(10)[:17]
                if op_id not in self._operations:
                    break
            self._operations[op_id] = _Operation(
                op_id, time.monotonic(), script, responses, processed=processed
            )
            return op_id

    def _operation(self, op_id: str) -> _Operation:
        with self._lock:
            op = self._operations.get(op_id)
        if op is None or op.deleted:
            raise _Abort(grpc.StatusCode.NOT_FOUND, f"Operation {op_id} not found")
        return op

    def _proto_operation(self, op: _Operation) -> operation_pb2.Operation:
        proto = operation_pb2.Operation(
            id=op.id, description="STT async recognition", created_by="emulator"
        )
        proto.created_at.FromNanoseconds(int(op.created_at * 1e9))
        if not op.done():
            return proto
        proto.done = True
        if op.cancelled:
            proto.error.CopyFrom(status_pb2.Status(code=1, message="Operation cancelled"))
        elif op.failure is not None:
            proto.error.CopyFrom(status_pb2.Status(code=op.failure[0], message=op.failure[1]))
        elif op.script.operation_error is not None:
            code, message = op.script.operation_error
            proto.error.CopyFrom(status_pb2.Status(code=code, message=message))
        else:
            packed = any_pb2.Any()
            packed.Pack(empty_pb2.Empty())
            proto.response.CopyFrom(packed)
        return proto


def _abortable(func: Any) -> Any:
    def wrapper(self: Any, request: Any, context: grpc.ServicerContext) -> Any:
        try:
            return func(self, request, context)
        except _Abort as exc:
            context.abort(exc.code, exc.details)

    return wrapper


class _Recognizer(stt_service_pb2_grpc.AsyncRecognizerServicer):
    def __init__(self, emulator: SpeechKitEmulator) -> None:
        self.emu = emulator

    @_abortable
    def RecognizeFile(self, request: Any, context: grpc.ServicerContext) -> Any:
        record = self.emu._enter(RECOGNIZE_FILE, request, context)
        script = self.emu._script
        if script.recognize_latency_s:
            time.sleep(script.recognize_latency_s)
        if request.WhichOneof("AudioSource") != "content":
            raise _Abort(grpc.StatusCode.INVALID_ARGUMENT, "the emulator accepts inline content")
        if len(request.content) > MAX_CONTENT_BYTES:
            raise _Abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "audio content is larger than 60 MB")
        model = request.recognition_model
        if model.model not in MODELS:
            raise _Abort(grpc.StatusCode.INVALID_ARGUMENT, f"unknown model {model.model!r}")
        languages = list(model.language_restriction.language_code)
        for code in languages:
            if code not in LANGUAGES:
                raise _Abort(grpc.StatusCode.INVALID_ARGUMENT, f"unknown language {code!r}")
        if self.emu.deferred_decoding:
            op_id = self.emu._new_operation(script, [], processed=False)
            op = self.emu._operation(op_id)
            worker = threading.Thread(
                target=self._process_later, args=(op, record, request, script), daemon=True
            )
            worker.start()
        else:
            op_id = self.emu._new_operation(script, self._process(record, request, script))
        if self.emu.on_accept is not None:
            self.emu.on_accept(op_id)
        if self.emu._take_lost_reply():
            raise _Abort(grpc.StatusCode.UNAVAILABLE, "Socket closed")
        return operation_pb2.Operation(id=op_id, description="STT async recognition")

    def _process(
        self, record: Received, request: Any, script: Script
    ) -> list[stt_pb2.StreamingResponse]:
        """Decode the audio, place the scripted utterances, build the result events."""
        model = request.recognition_model
        languages = list(model.language_restriction.language_code)
        if self.emu.decode_audio:
            decoded = self._decode(model.audio_format, request.content)
        else:
            decoded = audio.DecodedAudio([np.zeros(0, dtype=np.float32)])
        record.audio_duration_ms = decoded.duration_ms
        record.audio_channels = decoded.channel_count
        labeling = (
            request.speaker_labeling.speaker_labeling
            == stt_pb2.SpeakerLabelingOptions.SPEAKER_LABELING_ENABLED
        )
        if labeling and decoded.channel_count != 1:
            raise _Abort(
                grpc.StatusCode.INVALID_ARGUMENT, "speaker labeling supports mono audio only"
            )
        normalize = (
            model.text_normalization.text_normalization
            == stt_pb2.TextNormalizationOptions.TEXT_NORMALIZATION_ENABLED
        )
        utterances = plan_utterances(script.utterances, decoded, languages, labeling)
        return build_responses(utterances, normalize=normalize, auto="auto" in languages)

    def _process_later(self, op: _Operation, record: Received, request: Any, script: Script):  # type: ignore[no-untyped-def]
        try:
            op.responses = self._process(record, request, script)
        except _Abort as exc:
            op.failure = (exc.code.value[0], exc.details)
        op.processed = True

    @staticmethod
    def _decode(fmt: Any, content: bytes) -> audio.DecodedAudio:
        which = fmt.WhichOneof("AudioFormat")
        try:
            if which == "container_audio":
                name = CONTAINERS.get(fmt.container_audio.container_audio_type)
                if name is None:
                    raise audio.DecodeError("unknown container type")
                return audio.decode(content, name)
            if which == "raw_audio":
                raw = fmt.raw_audio
                if raw.audio_encoding != stt_pb2.RawAudio.LINEAR16_PCM:
                    raise audio.DecodeError("unknown raw encoding")
                return audio.decode(
                    content,
                    "LPCM",
                    sample_rate_hz=raw.sample_rate_hertz,
                    channels=raw.audio_channel_count or 1,
                )
            raise audio.DecodeError("audio format is not set")
        except audio.DecodeError as exc:
            raise _Abort(grpc.StatusCode.INVALID_ARGUMENT, f"invalid audio: {exc}") from exc

    def GetRecognition(self, request: Any, context: grpc.ServicerContext) -> Iterator[Any]:
        try:
            self.emu._enter(GET_RECOGNITION, request, context)
            op = self.emu._operation(request.operation_id)
            if not op.done():
                raise _Abort(
                    grpc.StatusCode.FAILED_PRECONDITION,
                    f"Operation {op.id} is not done yet",
                )
            if op.cancelled or op.failure or op.script.operation_error is not None:
                raise _Abort(grpc.StatusCode.FAILED_PRECONDITION, f"Operation {op.id} failed")
        except _Abort as exc:
            context.abort(exc.code, exc.details)
        fault = self.emu._take_fault(GET_RECOGNITION, streaming=True)
        for i, response in enumerate(op.responses):
            if fault is not None and fault.after_messages is not None and i >= fault.after_messages:
                context.abort(fault.code, fault.details)
            yield response

    @_abortable
    def DeleteRecognition(self, request: Any, context: grpc.ServicerContext) -> Any:
        self.emu._enter(DELETE_RECOGNITION, request, context)
        self.emu._operation(request.operation_id).deleted = True
        return empty_pb2.Empty()


class _OperationService(operation_service_pb2_grpc.OperationServiceServicer):
    def __init__(self, emulator: SpeechKitEmulator) -> None:
        self.emu = emulator

    @_abortable
    def Get(self, request: Any, context: grpc.ServicerContext) -> Any:
        self.emu._enter(GET, request, context)
        op = self.emu._operation(request.operation_id)
        if op.script.get_latency_s:
            time.sleep(op.script.get_latency_s)
        op.polls += 1
        return self.emu._proto_operation(op)

    @_abortable
    def Cancel(self, request: Any, context: grpc.ServicerContext) -> Any:
        self.emu._enter(CANCEL, request, context)
        op = self.emu._operation(request.operation_id)
        if not op.done():
            op.cancelled = True
        return self.emu._proto_operation(op)


# ---- building results ------------------------------------------------------------------------
def plan_utterances(
    scripted: list[ScriptedUtterance] | None,
    decoded: audio.DecodedAudio,
    languages: list[str],
    labeling: bool,
) -> list[ScriptedUtterance]:
    """Give every utterance a span: its own, or the next speech region of its channel.

    Utterances left without a region are dropped; ``scripted=None`` puts one generic
    segment on every region (alternating speakers "0"/"1" when labeling mono audio).
    """
    regions = {str(i): audio.speech_regions(ch) for i, ch in enumerate(decoded.channels)}
    if scripted is None:
        return _generic(regions, languages, labeling)
    mono = decoded.channel_count == 1
    cursor: dict[str, int] = {}
    planned = []
    for item in scripted:
        if item.start_ms is not None and item.end_ms is not None:
            planned.append(item)
            continue
        key = "0" if mono else item.channel
        taken = cursor.get(key, 0)
        channel_regions = regions.get(key, [])
        if taken >= len(channel_regions):
            continue
        cursor[key] = taken + 1
        start, end = channel_regions[taken]
        planned.append(
            ScriptedUtterance(
                item.text, start, end, item.channel, item.words, item.language, item.normalized
            )
        )
    return planned


def _generic(
    regions: dict[str, list[tuple[int, int]]], languages: list[str], labeling: bool
) -> list[ScriptedUtterance]:
    pool = [code for code in languages if code in GENERIC_SEGMENTS] or ["ru-RU", "kk-KZ"]
    result = []
    spans = sorted((start, end, tag) for tag, found in regions.items() for start, end in found)
    for i, (start, end, tag) in enumerate(spans):
        language = pool[i % len(pool)]
        segments = GENERIC_SEGMENTS[language]
        channel = str(i % 2) if labeling else tag
        result.append(
            ScriptedUtterance(segments[i % len(segments)], start, end, channel, None, language)
        )
    return result


def spread_words(text: str, start_ms: int, end_ms: int) -> list[tuple[str, int, int]]:
    tokens = text.split()
    if not tokens:
        return []
    weights = [len(t) + 1 for t in tokens]
    total, pos, words = sum(weights), 0, []
    span = max(end_ms - start_ms, 0)
    for token, weight in zip(tokens, weights, strict=True):
        w_start = start_ms + span * pos // total
        pos += weight
        words.append((token, w_start, start_ms + span * pos // total))
    return words


def _alternative(item: ScriptedUtterance, text: str, auto: bool) -> stt_pb2.AlternativeUpdate:
    start, end = int(item.start_ms or 0), int(item.end_ms or 0)
    words = item.words if item.words is not None else spread_words(item.text, start, end)
    language = item.language or ("ru-RU" if auto else None)
    alternative = stt_pb2.Alternative(
        text=text,
        start_time_ms=start,
        end_time_ms=end,
        confidence=item.confidence,
        words=[stt_pb2.Word(text=w, start_time_ms=a, end_time_ms=b) for w, a, b in words],
        languages=[stt_pb2.LanguageEstimation(language_code=language, probability=1.0)]
        if language
        else [],
    )
    return stt_pb2.AlternativeUpdate(alternatives=[alternative], channel_tag=item.channel)


def build_responses(
    utterances: list[ScriptedUtterance], *, normalize: bool, auto: bool = False
) -> list[stt_pb2.StreamingResponse]:
    """Per utterance, in time order: final -> final_refinement (if normalizing) -> eou_update,
    each with the channel tag, the session uuid and audio cursors."""
    session = stt_pb2.SessionUuid(uuid=str(uuid.uuid4()), user_request_id="emulator")
    wall = int(time.time() * 1000)
    responses = []
    ordered = sorted(utterances, key=lambda u: (u.start_ms or 0, u.channel))
    for index, item in enumerate(ordered):
        end = int(item.end_ms or 0)
        common: dict[str, Any] = {
            "session_uuid": session,
            "channel_tag": item.channel,
            "response_wall_time_ms": wall,
            "audio_cursors": stt_pb2.AudioCursors(
                received_data_ms=end,
                partial_time_ms=end,
                final_time_ms=end,
                final_index=index,
                eou_time_ms=end,
            ),
        }
        events: list[dict[str, Any]] = [{"final": _alternative(item, item.text, auto)}]
        if normalize:
            text = item.normalized if item.normalized is not None else item.text
            refinement = stt_pb2.FinalRefinement(
                final_index=index, normalized_text=_alternative(item, text, auto)
            )
            events.append({"final_refinement": refinement})
        events.append({"eou_update": stt_pb2.EouUpdate(time_ms=end)})
        responses.extend(stt_pb2.StreamingResponse(**event, **common) for event in events)
    return responses
