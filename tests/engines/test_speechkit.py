"""SpeechKitEngine against the local emulator: real gRPC on 127.0.0.1, real SDK client."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import grpc
import pytest
from yandex.cloud.ai.stt.v3 import stt_pb2

from kzdesk.core.engine import AudioPiece, EngineError, FailureKind, RecognitionOptions
from kzdesk.core.job import Language
from kzdesk.engines import speechkit_errors as errors
from kzdesk.engines.speechkit import SpeechKitEngine
from tests.emulator.audio import synth_bursts, synth_silence
from tests.emulator.fixtures import RecordingContext
from tests.emulator.server import utterance

MONO_BURSTS = [(1000, 2200), (3500, 4300)]
STEREO_BURSTS = [[(500, 1500), (3000, 3800)], [(1800, 2600)]]


@pytest.fixture(scope="module")
def mono_ogg(tmp_path_factory: pytest.TempPathFactory) -> AudioPiece:
    path = tmp_path_factory.mktemp("audio") / "mono.ogg"
    synth_bursts(str(path), MONO_BURSTS, duration_ms=5500)
    return AudioPiece(str(path), "OGG_OPUS", offset_ms=0, duration_ms=5500)


@pytest.fixture(scope="module")
def stereo_ogg(tmp_path_factory: pytest.TempPathFactory) -> AudioPiece:
    path = tmp_path_factory.mktemp("audio") / "stereo.ogg"
    synth_bursts(str(path), STEREO_BURSTS, duration_ms=4500, channels=2)
    return AudioPiece(str(path), "OGG_OPUS", offset_ms=0, duration_ms=4500, channels=2)


def two_utterances() -> list:
    return [utterance("сәлем әлем"), utterance("привет мир")]


def test_happy_path_merges_channels_by_time(speechkit_emulator, make_speechkit_engine, stereo_ogg):
    speechkit_emulator.script(
        [
            utterance("второй канал", 1800, 2600, channel="1", words=[("второй", 1800, 2150), ("канал", 2200, 2600)]),
            utterance("двадцать два", 500, 1500, channel="0", normalized="22"),
            utterance("бірінші арна", 3000, 3800, channel="0", language="kk-KZ"),
        ],
        polls_until_done=2,
    )  # fmt: skip
    ctx = RecordingContext()
    options = RecognitionOptions(channels_as_speakers=True)
    result = make_speechkit_engine().transcribe(stereo_ogg, options, ctx)

    assert [(u.channel, u.start_ms, u.end_ms, u.text) for u in result] == [
        ("0", 500, 1500, "22"),
        ("1", 1800, 2600, "второй канал"),
        ("0", 3000, 3800, "бірінші арна"),
    ]
    assert [(w.text, w.start_ms, w.end_ms) for w in result[1].words] == [
        ("второй", 1800, 2150),
        ("канал", 2200, 2600),
    ]
    assert [w.text for w in result[0].words] == ["двадцать", "два"]  # raw words, normalised text
    assert result[2].language == "kk-KZ"

    (call,) = speechkit_emulator.calls("RecognizeFile")
    request = call.request
    assert call.audio_channels == 2
    assert call.metadata["authorization"] == f"Api-Key {speechkit_emulator.api_key}"
    model = request.recognition_model
    assert list(model.language_restriction.language_code) == ["kk-KZ", "ru-RU"]
    assert model.model == "general"
    assert (
        model.text_normalization.text_normalization
        == stt_pb2.TextNormalizationOptions.TEXT_NORMALIZATION_ENABLED
    )
    assert (
        request.speaker_labeling.speaker_labeling
        != stt_pb2.SpeakerLabelingOptions.SPEAKER_LABELING_ENABLED
    )


def test_operation_remembered_before_waiting(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.script(two_utterances(), polls_until_done=2)
    ctx = RecordingContext()
    make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), ctx)

    kinds = [e[2] if e[0] == "progress" else e[0] for e in ctx.events]
    assert kinds.index("will_send") < kinds.index("remember") < kinds.index("recognizing")
    assert ctx.remembered == speechkit_emulator.operation_ids()
    request = speechkit_emulator.calls("RecognizeFile")[0].request
    assert (
        request.speaker_labeling.speaker_labeling
        == stt_pb2.SpeakerLabelingOptions.SPEAKER_LABELING_ENABLED
    )
    # SpeechKit reports no progress while it recognises: the engine invents none
    fractions = [e[1] for e in ctx.events if e[0] == "progress" and e[2] == "recognizing"]
    assert fractions and set(fractions) == {0.0}


def test_resume_by_id_submits_nothing(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.script(two_utterances(), polls_until_done=1)
    first = RecordingContext()
    engine = make_speechkit_engine()
    expected = engine.transcribe(mono_ogg, RecognitionOptions(), first)

    resumed = RecordingContext(operation_id=first.operation_id)
    result = make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), resumed)

    assert speechkit_emulator.count("RecognizeFile") == 1
    assert resumed.remembered == []
    assert result == expected


def test_wrong_key_is_auth_error(speechkit_emulator, make_speechkit_engine, mono_ogg):
    with pytest.raises(EngineError) as info:
        make_speechkit_engine(api_key="wrong").transcribe(
            mono_ogg, RecognitionOptions(), RecordingContext()
        )
    assert info.value.kind is FailureKind.AUTH
    assert "API key" in info.value.message and "Settings" in info.value.message
    assert "wrong" not in info.value.message


def test_missing_role_is_permission_error(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.key_lacks_role = True
    with pytest.raises(EngineError) as info:
        make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), RecordingContext())
    assert info.value.kind is FailureKind.PERMISSION
    assert "ai.speechkit-stt.user" in info.value.message


def test_file_over_60_mb_is_refused_before_sending(
    speechkit_emulator, make_speechkit_engine, tmp_path
):
    big = tmp_path / "big.ogg"
    with open(big, "wb") as fh:
        fh.truncate(61_000_000)
    piece = AudioPiece(str(big), "OGG_OPUS", 0, 4 * 3600 * 1000)
    with pytest.raises(EngineError) as info:
        make_speechkit_engine().transcribe(piece, RecognitionOptions(), RecordingContext())
    assert info.value.kind is FailureKind.BAD_AUDIO
    assert "60 MB" in info.value.message
    assert speechkit_emulator.count("RecognizeFile") == 0


def test_unknown_model_is_bad_audio(speechkit_emulator, make_speechkit_engine, mono_ogg):
    with pytest.raises(EngineError) as info:
        make_speechkit_engine().transcribe(
            mono_ogg, RecognitionOptions(model="no-such-model"), RecordingContext()
        )
    assert info.value.kind is FailureKind.BAD_AUDIO
    assert "no-such-model" in info.value.message


def test_wrong_declared_format_is_bad_audio(speechkit_emulator, make_speechkit_engine, mono_ogg):
    piece = AudioPiece(mono_ogg.path, "MP3", 0, mono_ogg.duration_ms)
    with pytest.raises(EngineError) as info:
        make_speechkit_engine().transcribe(piece, RecognitionOptions(), RecordingContext())
    assert info.value.kind is FailureKind.BAD_AUDIO


def test_unavailable_twice_on_get_then_success(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.script(two_utterances(), polls_until_done=1)
    speechkit_emulator.fault("Get", grpc.StatusCode.UNAVAILABLE, times=2)
    result = make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), RecordingContext())
    assert [u.text for u in result] == ["сәлем әлем", "привет мир"]
    assert speechkit_emulator.count("RecognizeFile") == 1
    assert speechkit_emulator.count("Get") >= 4


def test_stream_break_does_not_duplicate(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.script(two_utterances())
    speechkit_emulator.fault("GetRecognition", grpc.StatusCode.UNAVAILABLE, after_messages=4)
    result = make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), RecordingContext())
    assert [u.text for u in result] == ["сәлем әлем", "привет мир"]
    assert speechkit_emulator.count("GetRecognition") == 2
    assert speechkit_emulator.count("RecognizeFile") == 1


def test_operation_error_is_remote(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.script(two_utterances(), operation_error=(13, "internal failure"))
    with pytest.raises(EngineError) as info:
        make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), RecordingContext())
    assert info.value.kind is FailureKind.REMOTE
    assert "internal failure" in info.value.message


def test_quota_is_retried_after_minutes(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.fault("RecognizeFile", grpc.StatusCode.RESOURCE_EXHAUSTED)
    # the wait belongs to the queue (retry_after_s), not to the engine: waiting here for the
    # minutes it names would run into the test's time limit
    with pytest.raises(EngineError) as info:
        make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), RecordingContext())
    assert info.value.kind is FailureKind.QUOTA
    assert info.value.retryable and info.value.retry_after_s >= 120
    assert "minutes" in info.value.message
    assert speechkit_emulator.count("RecognizeFile") == 1  # no SDK-level resubmission


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_endpoint_fails_fast(mono_ogg):
    # a deadline of an hour: a call that waited for the host to come up instead of failing
    # at once would run into the test's time limit
    engine = SpeechKitEngine(
        api_key="k", endpoint=f"127.0.0.1:{_closed_port()}", poll_interval_s=0.05,
        connect_timeout_s=3600,
    )  # fmt: skip
    with pytest.raises(EngineError) as info:
        engine.transcribe(mono_ogg, RecognitionOptions(), RecordingContext())
    assert info.value.kind is FailureKind.UNREACHABLE
    assert "internet connection" in info.value.message
    with pytest.raises(EngineError) as info:
        engine.check_connection()
    assert info.value.kind is FailureKind.UNREACHABLE


def test_a_submit_that_never_connects_was_not_sent(mono_ogg):
    engine = SpeechKitEngine(
        api_key="k", endpoint=f"127.0.0.1:{_closed_port()}", poll_interval_s=0.05,
        connect_timeout_s=2,
    )  # fmt: skip
    ctx = RecordingContext()
    with pytest.raises(EngineError) as info:
        engine.transcribe(mono_ogg, RecognitionOptions(), ctx)
    # nothing reached the service: safe to send again later, no question to the user
    assert info.value.kind is FailureKind.UNREACHABLE and info.value.retryable
    assert ("will_send",) in ctx.events and ctx.remembered == []


def test_a_lost_reply_after_acceptance_may_have_been_sent(
    speechkit_emulator, make_speechkit_engine, mono_ogg
):
    speechkit_emulator.lose_replies(1)
    ctx = RecordingContext()
    with pytest.raises(EngineError) as info:
        make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), ctx)
    assert info.value.kind is FailureKind.MAYBE_SENT and not info.value.retryable
    assert speechkit_emulator.count("RecognizeFile") == 1
    assert len(speechkit_emulator.operation_ids()) == 1  # accepted (and billed) remotely
    assert ("will_send",) in ctx.events and ctx.remembered == []


def test_an_answer_refusing_the_file_was_not_sent(
    speechkit_emulator, make_speechkit_engine, mono_ogg
):
    speechkit_emulator.fault("RecognizeFile", grpc.StatusCode.INVALID_ARGUMENT)
    with pytest.raises(EngineError) as info:
        make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), RecordingContext())
    assert info.value.kind is FailureKind.BAD_AUDIO


def test_resume_while_unreachable_keeps_the_id(mono_ogg):
    engine = SpeechKitEngine(
        api_key="k", endpoint=f"127.0.0.1:{_closed_port()}", poll_interval_s=0.05,
        connect_timeout_s=1,
    )  # fmt: skip
    ctx = RecordingContext(operation_id="e03existing")
    with pytest.raises(EngineError) as info:
        engine.transcribe(mono_ogg, RecognitionOptions(), ctx)
    assert info.value.kind is FailureKind.UNREACHABLE and info.value.retryable
    assert ctx.remembered == []


def test_silence_gives_no_utterances(speechkit_emulator, make_speechkit_engine, tmp_path):
    path = synth_silence(str(tmp_path / "silence.ogg"), duration_ms=2000)
    speechkit_emulator.script(two_utterances())  # placed on speech: there is none
    piece = AudioPiece(path, "OGG_OPUS", 0, 2000)
    assert make_speechkit_engine().transcribe(piece, RecognitionOptions(), RecordingContext()) == []


def test_cancel_cancels_remote_operation(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.script(two_utterances(), polls_until_done=1000)
    ctx = RecordingContext(cancel_after_progress=3)
    with pytest.raises(EngineError) as info:
        make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), ctx)
    assert info.value.kind is FailureKind.CANCELLED
    (cancel,) = speechkit_emulator.calls("Cancel")
    assert cancel.request.operation_id == ctx.operation_id
    assert speechkit_emulator.count("GetRecognition") == 0


def test_cancel_by_id(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.script(two_utterances(), polls_until_done=1000)
    engine = make_speechkit_engine()
    ctx = RecordingContext(cancel_after_progress=2)
    with pytest.raises(EngineError):
        engine.transcribe(mono_ogg, RecognitionOptions(), ctx)
    engine.cancel("e03unknown")  # best effort: NOT_FOUND is only logged
    assert speechkit_emulator.count("Cancel") == 2


def test_times_match_speech_in_the_file(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.script(two_utterances())
    result = make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), RecordingContext())
    assert len(result) == 2
    for found, (start, end) in zip(result, MONO_BURSTS, strict=True):
        assert abs(found.start_ms - start) <= 150
        assert abs(found.end_ms - end) <= 150
        assert found.words[0].start_ms == found.start_ms
        assert found.words[-1].end_ms == found.end_ms
    assert speechkit_emulator.calls("RecognizeFile")[0].audio_duration_ms == pytest.approx(
        5500, abs=50
    )


def test_auto_language(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.script([utterance("сәлем", language="kk-KZ"), utterance("привет")])
    result = make_speechkit_engine().transcribe(
        mono_ogg, RecognitionOptions(language=Language.AUTO), RecordingContext()
    )
    model = speechkit_emulator.calls("RecognizeFile")[0].request.recognition_model
    assert list(model.language_restriction.language_code) == ["auto"]
    assert (
        model.text_normalization.text_normalization
        != stt_pb2.TextNormalizationOptions.TEXT_NORMALIZATION_ENABLED
    )
    assert [u.language for u in result] == ["kk-KZ", "ru-RU"]


@pytest.mark.parametrize(
    ("language", "codes"), [(Language.KK, ["kk-KZ"]), (Language.RU, ["ru-RU"])]
)
def test_single_language(speechkit_emulator, make_speechkit_engine, mono_ogg, language, codes):
    speechkit_emulator.script(two_utterances())
    make_speechkit_engine().transcribe(
        mono_ogg, RecognitionOptions(language=language, speaker_labeling=False), RecordingContext()
    )
    request = speechkit_emulator.calls("RecognizeFile")[0].request
    assert list(request.recognition_model.language_restriction.language_code) == codes
    assert (
        request.speaker_labeling.speaker_labeling
        != stt_pb2.SpeakerLabelingOptions.SPEAKER_LABELING_ENABLED
    )


def test_check_connection(speechkit_emulator, make_speechkit_engine):
    make_speechkit_engine().check_connection()
    with pytest.raises(EngineError) as info:
        make_speechkit_engine(api_key="bad").check_connection()
    assert info.value.kind is FailureKind.AUTH
    speechkit_emulator.key_lacks_role = True
    with pytest.raises(EngineError) as info:
        make_speechkit_engine().check_connection()
    assert info.value.kind is FailureKind.PERMISSION


def test_iam_token_and_folder_header(speechkit_emulator, make_speechkit_engine, mono_ogg):
    speechkit_emulator.script(two_utterances())
    engine = make_speechkit_engine(api_key="", iam_token="t1.user-token", folder_id="b1gfolder")
    assert len(engine.transcribe(mono_ogg, RecognitionOptions(), RecordingContext())) == 2
    for call in speechkit_emulator.received:
        assert call.metadata["authorization"] == "Bearer t1.user-token"
    submitted = speechkit_emulator.calls("RecognizeFile")[0]
    assert submitted.metadata["x-folder-id"] == "b1gfolder"


def test_key_not_in_repr():
    assert "secret" not in repr(SpeechKitEngine(api_key="secret-key"))


def test_missing_file_is_bad_audio(make_speechkit_engine, tmp_path):
    piece = AudioPiece(os.fspath(Path(tmp_path) / "gone.ogg"), "OGG_OPUS", 0, 1000)
    with pytest.raises(EngineError) as info:
        make_speechkit_engine().transcribe(piece, RecognitionOptions(), RecordingContext())
    assert info.value.kind is FailureKind.BAD_AUDIO


def test_deferred_decoding_accepts_at_once_and_rejects_bad_audio_later(
    speechkit_emulator, make_speechkit_engine, mono_ogg, tmp_path: Path
):
    speechkit_emulator.deferred_decoding = True  # as the service: validate while processing
    speechkit_emulator.script([utterance("сәлем әлем")])
    engine = make_speechkit_engine()
    result = engine.transcribe(mono_ogg, RecognitionOptions(), RecordingContext())
    assert [u.text for u in result] == ["сәлем әлем"]
    assert abs(result[0].start_ms - MONO_BURSTS[0][0]) <= 150

    garbage = tmp_path / "garbage.ogg"
    garbage.write_bytes(b"OggS" + os.urandom(4000))
    ctx = RecordingContext()
    with pytest.raises(EngineError) as info:
        engine.transcribe(AudioPiece(str(garbage), "OGG_OPUS", 0, 1000), RecognitionOptions(), ctx)
    assert info.value.kind is FailureKind.BAD_AUDIO
    assert ctx.remembered  # it was accepted first, like the real service


@pytest.mark.parametrize(
    ("details", "host"),
    [
        (
            "errors resolving stt.api.cloud.yandex.net:443: [field:hostname lookup error:address "
            "lookup failed for stt.api.cloud.yandex.net:443: Domain name not found]",
            "stt.api.cloud.yandex.net",
        ),
        ("DNS resolution failed for speech.example:443: Name or service not known", "SpeechKit"),
        ("failed to resolve: No such host is known", "SpeechKit"),
    ],
)
def test_a_host_that_does_not_exist_is_not_retried(details: str, host: str) -> None:
    error = errors.from_rpc(grpc.StatusCode.UNAVAILABLE, details, errors.Stage.SUBMIT)
    assert error.kind is FailureKind.ADDRESS and not error.retryable
    assert error.message.startswith(f"Cannot find host {host}; check the address")


@pytest.mark.parametrize(
    "details",
    [
        "errors resolving stt.api.cloud.yandex.net:443: Could not contact DNS servers",
        "DNS resolution failed: Temporary failure in name resolution",
        "failed to connect to all addresses",
    ],
)
def test_no_connection_or_no_name_server_is_still_retried(details: str) -> None:
    error = errors.from_rpc(grpc.StatusCode.UNAVAILABLE, details, errors.Stage.POLL)
    assert error.kind is FailureKind.UNREACHABLE and error.retryable


def test_an_unknown_host_is_tried_once(monkeypatch) -> None:
    engine = SpeechKitEngine(api_key="k", poll_interval_s=0.01)
    calls = []

    class NoSuchHost(grpc.RpcError):
        def code(self) -> grpc.StatusCode:
            return grpc.StatusCode.UNAVAILABLE

        def details(self) -> str:
            return "errors resolving speech.invalid:443: Domain name not found"

    def action() -> None:
        calls.append(1)
        raise NoSuchHost()

    with pytest.raises(EngineError) as info:
        engine._retrying(action, errors.Stage.POLL)
    assert calls == [1] and info.value.kind is FailureKind.ADDRESS
