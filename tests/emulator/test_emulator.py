"""The emulator itself, through raw gRPC stubs and the standalone entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grpc
import pytest
from yandex.cloud.ai.stt.v3 import stt_pb2, stt_service_pb2, stt_service_pb2_grpc
from yandex.cloud.operation import operation_service_pb2, operation_service_pb2_grpc

from kzdesk.core.engine import AudioPiece, RecognitionOptions
from kzdesk.core.job import Language
from tests.emulator.audio import decode, speech_regions, synth_bursts
from tests.emulator.fixtures import RecordingContext
from tests.emulator.server import SpeechKitEmulator, utterance

REPO = Path(__file__).resolve().parents[2]
BURSTS = [(800, 1800), (2600, 3400)]


@pytest.fixture(scope="module")
def ogg_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("emu") / "b.ogg"
    synth_bursts(str(path), BURSTS, duration_ms=4000)
    return path.read_bytes()


@pytest.fixture(scope="module")
def stereo_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("emu") / "s.ogg"
    synth_bursts(str(path), [[(300, 1000)], [(1500, 2300)]], duration_ms=3000, channels=2)
    return path.read_bytes()


class Client:
    def __init__(self, emulator: SpeechKitEmulator, key: str | None = None) -> None:
        self.channel = grpc.insecure_channel(
            emulator.endpoint, options=[("grpc.max_send_message_length", 80 * 1024 * 1024)]
        )
        self.stt = stt_service_pb2_grpc.AsyncRecognizerStub(self.channel)
        self.ops = operation_service_pb2_grpc.OperationServiceStub(self.channel)
        self.md = [("authorization", f"Api-Key {key or emulator.api_key}")]

    def recognize(self, content: bytes, *, languages=("kk-KZ", "ru-RU"), model="general",
                  container=stt_pb2.ContainerAudio.OGG_OPUS, labeling=False):  # fmt: skip
        request = stt_pb2.RecognizeFileRequest(
            content=content,
            recognition_model=stt_pb2.RecognitionModelOptions(
                model=model,
                audio_format=stt_pb2.AudioFormatOptions(
                    container_audio=stt_pb2.ContainerAudio(container_audio_type=container)
                ),
                language_restriction=stt_pb2.LanguageRestrictionOptions(
                    restriction_type=stt_pb2.LanguageRestrictionOptions.WHITELIST,
                    language_code=list(languages),
                ),
                text_normalization=stt_pb2.TextNormalizationOptions(
                    text_normalization=stt_pb2.TextNormalizationOptions.TEXT_NORMALIZATION_ENABLED
                ),
            ),
            speaker_labeling=stt_pb2.SpeakerLabelingOptions(
                speaker_labeling=stt_pb2.SpeakerLabelingOptions.SPEAKER_LABELING_ENABLED
                if labeling
                else stt_pb2.SpeakerLabelingOptions.SPEAKER_LABELING_DISABLED
            ),
        )
        return self.stt.RecognizeFile(request, metadata=self.md, timeout=10)

    def get(self, op_id: str):
        req = operation_service_pb2.GetOperationRequest(operation_id=op_id)
        return self.ops.Get(req, metadata=self.md, timeout=5)

    def results(self, op_id: str):
        req = stt_service_pb2.GetRecognitionRequest(operation_id=op_id)
        return list(self.stt.GetRecognition(req, metadata=self.md, timeout=5))

    def close(self) -> None:
        self.channel.close()


@pytest.fixture
def client(speechkit_emulator):
    c = Client(speechkit_emulator)
    yield c
    c.close()


def code_of(call) -> grpc.StatusCode:
    with pytest.raises(grpc.RpcError) as info:
        call()
    return info.value.code()


def test_event_order_and_fields(speechkit_emulator, client, ogg_bytes):
    speechkit_emulator.script([utterance("бір"), utterance("два три")], polls_until_done=2)
    op = client.recognize(ogg_bytes)
    assert [client.get(op.id).done for _ in range(3)] == [False, False, True]
    responses = client.results(op.id)
    kinds = [r.WhichOneof("Event") for r in responses]
    assert kinds == ["final", "final_refinement", "eou_update"] * 2
    assert all(r.channel_tag and r.session_uuid.uuid for r in responses)
    words = responses[3].final.alternatives[0].words
    assert [w.text for w in words] == ["два", "три"]
    assert abs(words[0].start_time_ms - BURSTS[1][0]) <= 150


def test_auth_rules(speechkit_emulator, ogg_bytes):
    bad = Client(speechkit_emulator, key="other")
    assert code_of(lambda: bad.recognize(ogg_bytes)) == grpc.StatusCode.UNAUTHENTICATED
    bad.md = []
    assert code_of(lambda: bad.get("x")) == grpc.StatusCode.UNAUTHENTICATED
    bad.md = [("authorization", "Bearer some-iam-token")]
    assert code_of(lambda: bad.get("x")) == grpc.StatusCode.NOT_FOUND
    speechkit_emulator.key_lacks_role = True
    assert code_of(lambda: bad.get("x")) == grpc.StatusCode.PERMISSION_DENIED
    bad.close()


def test_validation(client, ogg_bytes, stereo_bytes):
    invalid = grpc.StatusCode.INVALID_ARGUMENT
    assert code_of(lambda: client.recognize(ogg_bytes, languages=["xx-XX"])) == invalid
    assert code_of(lambda: client.recognize(ogg_bytes, model="nope")) == invalid
    assert code_of(lambda: client.recognize(b"not audio at all" * 50)) == invalid
    mp3 = stt_pb2.ContainerAudio.MP3
    assert code_of(lambda: client.recognize(ogg_bytes, container=mp3)) == invalid
    assert code_of(lambda: client.recognize(stereo_bytes, labeling=True)) == invalid
    assert client.recognize(ogg_bytes, languages=["auto"], labeling=True).id


def test_content_over_60_mb(speechkit_emulator, client):
    code = code_of(lambda: client.recognize(b"\0" * (61 * 1024 * 1024)))
    assert code == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert speechkit_emulator.count("RecognizeFile") == 1


def test_operations(speechkit_emulator, client, ogg_bytes):
    speechkit_emulator.script(None, polls_until_done=5)
    first, second = client.recognize(ogg_bytes), client.recognize(ogg_bytes)
    assert first.id != second.id
    assert code_of(lambda: client.get("missing")) == grpc.StatusCode.NOT_FOUND
    assert code_of(lambda: client.results("missing")) == grpc.StatusCode.NOT_FOUND
    assert code_of(lambda: client.results(first.id)) == grpc.StatusCode.FAILED_PRECONDITION
    cancel = operation_service_pb2.CancelOperationRequest(operation_id=first.id)
    cancelled = client.ops.Cancel(cancel, metadata=client.md, timeout=5)
    assert cancelled.done and cancelled.error.code == 1
    assert client.get(first.id).done


def test_faults(speechkit_emulator, client, ogg_bytes):
    speechkit_emulator.script([utterance("a"), utterance("b")], operation_error=None)
    speechkit_emulator.fault("Get", grpc.StatusCode.UNAVAILABLE, times=2)
    speechkit_emulator.fault("GetRecognition", grpc.StatusCode.UNAVAILABLE, after_messages=2)
    op = client.recognize(ogg_bytes)
    assert code_of(lambda: client.get(op.id)) == grpc.StatusCode.UNAVAILABLE
    assert code_of(lambda: client.get(op.id)) == grpc.StatusCode.UNAVAILABLE
    assert client.get(op.id).done
    req = stt_service_pb2.GetRecognitionRequest(operation_id=op.id)
    got = []
    with pytest.raises(grpc.RpcError):
        for response in client.stt.GetRecognition(req, metadata=client.md, timeout=5):
            got.append(response)
    assert len(got) == 2
    assert len(client.results(op.id)) == 6  # the break happens once

    speechkit_emulator.script(["x"], operation_error=(13, "boom"))
    failed = client.recognize(ogg_bytes)
    status = client.get(failed.id)
    assert status.done and status.error.code == 13 and status.error.message == "boom"
    assert len(speechkit_emulator.calls("Get")) == 4
    assert speechkit_emulator.calls("RecognizeFile")[0].audio_duration_ms == pytest.approx(
        4000, abs=50
    )


def test_generic_mode_and_stereo_channels(speechkit_emulator, client, stereo_bytes):
    speechkit_emulator.script(None)
    op = client.recognize(stereo_bytes, languages=["ru-RU"])
    client.get(op.id)
    finals = [r for r in client.results(op.id) if r.WhichOneof("Event") == "final"]
    assert [r.channel_tag for r in finals] == ["0", "1"]
    assert abs(finals[1].final.alternatives[0].start_time_ms - 1500) <= 150


def test_decode_and_regions(ogg_bytes):
    audio = decode(ogg_bytes, "OGG_OPUS")
    regions = speech_regions(audio.channels[0])
    assert len(regions) == 2
    for (a, b), (x, y) in zip(regions, BURSTS, strict=True):
        assert abs(a - x) <= 50 and abs(b - y) <= 50


def test_standalone_entry_point(tmp_path):
    path = tmp_path / "speech.ogg"
    synth_bursts(str(path), BURSTS, duration_ms=4000)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.emulator", "--port", "0", "--api-key", "k1", "--latency-s", "0.2"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline().strip().removeprefix("PORT="))
        assert proc.stdout.readline().strip() == "API_KEY=k1"
        from kzdesk.engines.speechkit import SpeechKitEngine

        engine = SpeechKitEngine(api_key="k1", endpoint=f"127.0.0.1:{port}", poll_interval_s=0.05)
        piece = AudioPiece(str(path), "OGG_OPUS", 0, 4000)
        options = RecognitionOptions(language=Language.RU, speaker_labeling=True)
        result = engine.transcribe(piece, options, RecordingContext())
        assert len(result) == 2
        assert [u.channel for u in result] == ["0", "1"]
        assert all(u.language == "ru-RU" and u.text for u in result)
        assert abs(result[0].start_ms - BURSTS[0][0]) <= 150
    finally:
        proc.terminate()
        proc.wait(10)
