"""Run the SpeechKit emulator standalone.

    python -m tests.emulator --port 50051 [--api-key KEY] [--latency-s 3]

Without a script it answers every file with generic Russian/Kazakh segments placed on the
speech regions it finds, so the app can be tried end to end without a Yandex key:

    KZDESK_SPEECHKIT_ENDPOINT=127.0.0.1:50051 python -m kzdesk
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from tests.emulator.server import SpeechKitEmulator, utterance


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.emulator", description=__doc__)
    parser.add_argument("--port", type=int, default=50051, help="0 picks a free port")
    parser.add_argument("--api-key", default="emulator-key", help="the key clients must send")
    parser.add_argument(
        "--latency-s", type=float, default=2.0, help="simulated processing time per file"
    )
    parser.add_argument(
        "--no-decode",
        action="store_true",
        help="do not decode the audio (benchmarks: the real service's CPU is not ours); "
        "answers fixed phrases at fixed times",
    )
    args = parser.parse_args(argv)

    emulator = SpeechKitEmulator(
        api_key=args.api_key,
        port=args.port,
        deferred_decoding=True,
        decode_audio=not args.no_decode,
    )
    fixed = [
        utterance("Сәлеметсіз бе, бастаймыз", 500, 2500),
        utterance("Давайте начнём", 3000, 4500),
    ]
    emulator.script(fixed if args.no_decode else None, processing_s=args.latency_s)
    emulator.start()
    print(f"PORT={emulator.port}", flush=True)
    print(f"API_KEY={emulator.api_key}", flush=True)
    print(f"export KZDESK_SPEECHKIT_ENDPOINT={emulator.endpoint}", flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    emulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
