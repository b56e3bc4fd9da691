"""The organisation server engine against a local stub server: what it sends, and every fault
a server can show — 413, 429 with Retry-After, 5xx, a reply that is not the expected JSON, a
stall, 401/403, 404 with and without a model list, an address with nothing behind it, a TLS
failure — each ending in the right sentence or going on."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from email.utils import format_datetime
from pathlib import Path

import pytest

from kzdesk.core.engine import AudioPiece, EngineError, FailureKind, RecognitionOptions, Utterance
from kzdesk.core.job import Language
from kzdesk.engines import server_errors as errors
from kzdesk.engines.openai_server import ServerEngine
from tests.engines.openai_stub import Answer, Stub, verbose
from tests.media import periodic_speech_file


class Ctx:
    """An EngineContext that records what the engine tells the pipeline."""

    def __init__(self) -> None:
        self.operation_id: str | None = None
        self.kept: list[Utterance] = []
        self.operations: list[str] = []
        self.fractions: list[float] = []
        self.cancel = threading.Event()

    def will_send(self) -> None:
        raise AssertionError("a server piece is never marked as maybe sent")

    def remember_operation(self, operation_id: str) -> None:
        self.operation_id = operation_id
        self.operations.append(operation_id)

    def keep(self, utterances: list[Utterance]) -> None:
        pass

    def progress(self, fraction: float, stage: str) -> None:
        self.fractions.append(fraction)

    def cancelled(self) -> bool:
        return self.cancel.is_set()


@pytest.fixture
def stub():
    server = Stub()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def audio(tmp_path_factory: pytest.TempPathFactory) -> AudioPiece:
    """20 s of bursts and pauses as 16 kHz mono FLAC, as the pipeline prepares it."""
    folder = tmp_path_factory.mktemp("server-audio")
    path = periodic_speech_file(folder / "piece.flac", 20.0)
    return AudioPiece(str(path), "FLAC", 0, 20_000, 1, 16000, index=0)


def engine(stub: Stub, **options: object) -> ServerEngine:
    defaults: dict[str, object] = {"model": "whisper-1", "concurrency": 2, "delay_scale": 0.01}
    defaults.update(options)
    return ServerEngine(stub.url, **defaults)  # type: ignore[arg-type]


def run(eng: ServerEngine, piece: AudioPiece, language: Language = Language.KK) -> list[Utterance]:
    return eng.transcribe(piece, RecognitionOptions(language=language), Ctx())


def test_sends_the_openai_form_and_reads_words_with_probabilities(stub, audio) -> None:
    stub.then(Answer(body=verbose("Сәлем бәрі", start=0.5, end=2.5, language="kazakh")))
    ctx = Ctx()
    segments = engine(stub, api_key="secret-key").transcribe(
        audio, RecognitionOptions(language=Language.KK), ctx
    )
    sent = stub.transcriptions()[0]
    assert sent.path == "/v1/audio/transcriptions"
    assert sent.fields["model"] == ["whisper-1"]
    assert sent.fields["response_format"] == ["verbose_json"]
    assert sent.fields["timestamp_granularities[]"] == ["word", "segment"]
    assert sent.fields["language"] == ["kk"]
    assert sent.headers["Authorization"] == "Bearer secret-key"
    assert sent.file_name == "audio.flac" and sent.file_type == "audio/flac"  # not the user's
    assert sent.audio == Path(audio.path).read_bytes()
    assert [(p.text, p.start_ms, p.end_ms, p.language) for p in segments] == [
        ("Сәлем бәрі", 500, 2500, "kk")
    ]
    assert [(w.text, w.start_ms, w.end_ms, w.confidence) for w in segments[0].words] == [
        ("Сәлем", 500, 1500, 0.9),
        ("бәрі", 1500, 2500, 0.9),
    ]
    assert len(ctx.operations) == 1 and ctx.operations[0].startswith("local-")


@pytest.mark.parametrize("language", [Language.KK_RU, Language.AUTO])
def test_kazakh_and_russian_or_automatic_lets_the_server_detect(stub, audio, language) -> None:
    run(engine(stub), audio, language)
    assert "language" not in stub.transcriptions()[0].fields
    assert "Authorization" not in stub.transcriptions()[0].headers  # no key, no header


def test_segments_without_words_keep_their_times(stub, audio) -> None:
    stub.then(Answer(body=verbose("one two", start=1.0, end=3.0, words=False)))
    segments = run(engine(stub), audio)
    assert [(p.text, p.start_ms, p.end_ms, p.words) for p in segments] == [
        ("one two", 1000, 3000, [])
    ]


def test_413_cuts_the_piece_in_two_and_goes_on(stub, audio) -> None:
    stub.then(Answer(413, {"error": {"message": "Request Entity Too Large"}}))
    stub.default = lambda r: Answer(body=verbose("part", start=0.0, end=1.0))
    eng = engine(stub, max_upload_bytes=10_000_000)
    segments = run(eng, audio)
    sent = stub.transcriptions()
    assert len(sent) == 3  # the whole piece, then its two halves
    assert all(len(s.audio) < len(sent[0].audio) for s in sent[1:])
    starts = [p.start_ms for p in segments]
    assert starts[0] == 0 and 5_000 < starts[1] < 15_000  # the second half on the timeline
    assert eng.max_upload_bytes < len(sent[0].audio)  # later pieces are prepared smaller
    assert eng.piece_plan(3_600_000).max_bytes < len(sent[0].audio)


def test_413_on_tiny_pieces_is_a_sentence(stub, audio) -> None:
    stub.default = lambda r: Answer(413, "<html>too large</html>")
    with pytest.raises(EngineError) as caught:
        run(engine(stub), audio)
    assert caught.value.kind is FailureKind.BAD_AUDIO
    assert "HTTP 413" in caught.value.message


@pytest.mark.parametrize("header", ["seconds", "http-date"])
def test_429_waits_for_retry_after_and_goes_on(stub, audio, header) -> None:
    when = (
        "3"
        if header == "seconds"
        else format_datetime(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=3), usegmt=True)
    )
    stub.then(Answer(429, {"error": {"message": "slow down"}}, {"Retry-After": when}))
    waits: list[float] = []
    eng = engine(stub)
    eng._wait = lambda seconds, ctx: waits.append(seconds)  # type: ignore[method-assign]
    segments = run(eng, audio)
    assert len(stub.transcriptions()) == 2
    assert segments[0].text == "hello there"
    assert 1.0 <= waits[0] <= 3.0


def test_429_asking_a_long_wait_goes_back_to_the_queue(stub, audio) -> None:
    stub.then(Answer(429, {}, {"Retry-After": "3600"}))
    with pytest.raises(EngineError) as caught:
        run(engine(stub), audio)
    assert caught.value.kind is FailureKind.QUOTA and caught.value.retryable
    assert caught.value.retry_after_s == 3600
    assert "HTTP 429" in caught.value.message and "3600 seconds" in caught.value.message


def test_5xx_is_retried_with_backoff_then_left_to_the_queue(stub, audio) -> None:
    stub.then(Answer(502, "bad gateway"), Answer(503, "unavailable"))
    assert run(engine(stub), audio)[0].text == "hello there"
    assert len(stub.transcriptions()) == 3

    stub.received.clear()
    stub.default = lambda r: Answer(500, {"detail": "CUDA out of memory"})
    with pytest.raises(EngineError) as caught:
        run(engine(stub), audio)
    assert len(stub.transcriptions()) == 4  # the first try and three more
    assert caught.value.kind is FailureKind.UNREACHABLE and caught.value.retryable
    assert caught.value.message == errors.SERVER_ERROR.format(url=stub.url, status=500)
    assert caught.value.gave_up == errors.SERVER_ERROR_GAVE_UP.format(url=stub.url, status=500)


@pytest.mark.parametrize(
    "body",
    [b"<html><body>Welcome to nginx!</body></html>", {"text": "no times at all"}, [1, 2]],
    ids=["html", "text-only", "list"],
)
def test_a_reply_that_is_not_a_transcription_is_a_sentence(stub, audio, body) -> None:
    stub.then(Answer(200, body))
    with pytest.raises(EngineError) as caught:
        run(engine(stub), audio)
    assert caught.value.kind is FailureKind.REMOTE and not caught.value.retryable
    assert caught.value.message.startswith(
        f"The transcription server at {stub.url} answered with something that is not"
    )


def test_a_stalling_server_times_out_with_a_sentence(stub, audio) -> None:
    stub.then(Answer(stall=True))
    with pytest.raises(EngineError) as caught:
        run(engine(stub, stall_timeout_s=1.0), audio)
    assert caught.value.kind is FailureKind.UNREACHABLE and caught.value.retryable
    assert caught.value.message == errors.STALLED.format(url=stub.url, seconds=1)
    assert caught.value.gave_up == errors.STALLED_GAVE_UP.format(url=stub.url)


def test_a_connection_dropped_mid_piece_is_sent_again(stub, audio) -> None:
    stub.then(Answer(close=True))
    assert run(engine(stub), audio)[0].text == "hello there"
    assert len(stub.transcriptions()) == 2


@pytest.mark.parametrize(
    ("status", "key", "kind", "sentence"),
    [
        (401, None, FailureKind.AUTH, errors.NEEDS_KEY),
        (401, "wrong", FailureKind.AUTH, errors.KEY_REJECTED),
        (403, "limited", FailureKind.PERMISSION, errors.FORBIDDEN),
    ],
)
def test_key_refusals(stub, audio, status, key, kind, sentence) -> None:
    stub.then(Answer(status, {"error": {"message": "Invalid API key"}}))
    with pytest.raises(EngineError) as caught:
        run(engine(stub, api_key=key), audio)
    assert caught.value.kind is kind and not caught.value.retryable
    assert caught.value.message == sentence.format(url=stub.url, model="whisper-1")


def test_404_names_the_models_the_server_offers(stub, audio) -> None:
    stub.models = ["Systran/faster-whisper-large-v3", "whisper-kk"]
    stub.then(Answer(404, {"detail": "Model 'whisper-1' not found"}))
    with pytest.raises(EngineError) as caught:
        run(engine(stub), audio)
    assert caught.value.kind is FailureKind.MODEL
    assert caught.value.message == errors.NO_SUCH_MODEL.format(
        url=stub.url,
        model="whisper-1",
        models="“Systran/faster-whisper-large-v3”, “whisper-kk”",
    )


def test_404_without_a_model_list_questions_address_and_model(stub, audio) -> None:
    stub.then(Answer(404, {"detail": "Not Found"}))
    with pytest.raises(EngineError) as caught:
        run(engine(stub), audio)
    assert caught.value.message == errors.NO_SUCH_SERVICE.format(url=stub.url, model="whisper-1")


def test_400_passes_the_servers_reason_on(stub, audio) -> None:
    stub.then(Answer(400, {"error": {"message": "Unsupported language: kk"}}))
    with pytest.raises(EngineError) as caught:
        run(engine(stub), audio)
    assert caught.value.kind is FailureKind.REMOTE
    assert "HTTP 400: Unsupported language: kk" in caught.value.message


def test_nothing_listening_is_unreachable_and_retried_by_the_queue(audio) -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    eng = ServerEngine(f"http://127.0.0.1:{port}", connect_timeout_s=2)
    with pytest.raises(EngineError) as caught:
        run(eng, audio)
    url = f"http://127.0.0.1:{port}"
    assert caught.value.kind is FailureKind.UNREACHABLE and caught.value.retryable
    assert caught.value.message == errors.UNREACHABLE.format(url=url)
    assert caught.value.gave_up == errors.GAVE_UP.format(url=url)


def test_an_untrusted_certificate_is_a_tls_sentence(tls_stub: str, audio) -> None:
    with pytest.raises(EngineError) as caught:
        run(ServerEngine(tls_stub, connect_timeout_s=5), audio)
    assert caught.value.kind is FailureKind.ADDRESS and not caught.value.retryable
    assert caught.value.message.startswith(
        f"The secure connection to the transcription server at {tls_stub} failed ("
    )
    assert "certificate" in caught.value.message


def test_https_to_a_plain_http_server_is_a_tls_sentence(stub, audio) -> None:
    url = stub.url.replace("http://", "https://")
    with pytest.raises(EngineError) as caught:
        run(ServerEngine(url, connect_timeout_s=5), audio)
    assert caught.value.kind is FailureKind.ADDRESS
    assert "http:// or https://" in caught.value.message


def test_cancel_while_the_server_works_returns_at_once(stub, audio) -> None:
    hold = threading.Event()
    stub.then(Answer(hold=hold))
    ctx = Ctx()
    eng = engine(stub)
    timer = threading.Thread(target=lambda: (stub.wait_for_requests(1), ctx.cancel.set()))
    timer.start()
    with pytest.raises(EngineError) as caught:
        eng.transcribe(audio, RecognitionOptions(), ctx)
    timer.join()
    hold.set()
    assert caught.value.kind is FailureKind.CANCELLED


def test_piece_plan_is_lossless_mono_under_the_limit_in_whole_rounds() -> None:
    eng = ServerEngine("http://127.0.0.1:9", concurrency=4, max_upload_bytes=25_000_000)
    plan = eng.piece_plan(30 * 60_000)
    assert (plan.encoding, plan.mono) == ("flac", True)
    assert plan.max_bytes <= 25_000_000 - 8 * 1024
    assert 7.5 * 60_000 <= plan.max_piece_ms < 8 * 60_000  # four pieces, one round
    one = ServerEngine("http://127.0.0.1:9", concurrency=1).piece_plan(30 * 60_000)
    assert 10 * 60_000 <= one.max_piece_ms <= 10.5 * 60_000  # three pieces
    assert eng.piece_plan(90_000).max_piece_ms >= 90_000  # short files stay whole


@pytest.fixture
def tls_stub(tmp_path: Path):
    """An HTTPS server with a self-signed certificate no system trusts."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server = Stub(tls=context)
    yield server.url
    server.stop()


def test_a_login_inside_the_address_goes_as_basic_auth_not_in_sentences(stub, audio) -> None:
    url = stub.url.replace("http://", "http://court:s%40cret@")
    stub.then(Answer(503, "down"), Answer(503, "down"), Answer(503, "down"), Answer(503, "down"))
    with pytest.raises(EngineError) as caught:
        run(ServerEngine(url, delay_scale=0.01), audio)
    assert "s@cret" not in caught.value.message and "court" not in caught.value.message
    assert stub.url in caught.value.message
    assert stub.transcriptions()[0].headers["Authorization"] == "Basic Y291cnQ6c0BjcmV0"
