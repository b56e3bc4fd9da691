"""Benchmark: kzdesk.audio.prepare() vs bare ffmpeg (default libopus), bare ffmpeg with kzdesk's
encoder flags, and naive pydub.

The "flags" row runs the ffmpeg command line prepare() builds, without kzdesk around it: the
gap between "ffmpeg" and "flags" is what the encoder settings buy, the gap between "flags"
and "kzdesk" is what the pipeline (probe, streaming progress, lower priority) costs.

    python bench/convert.py                 # 10 and 60 minute sources
    python bench/convert.py --long          # adds 180 minutes
    python bench/convert.py --minutes 5 20  # any durations

Sources are generated with ffmpeg lavfi: a speech-like signal (a gliding harmonic "voice" with
formant peaks, syllable rhythm, pauses and hiss), 44.1 kHz stereo FLAC. Every measurement runs
in a fresh Python subprocess so that peak RSS (ru_maxrss of the process itself and of its
ffmpeg children) belongs to that measurement alone. Prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzdesk.audio.ffmpeg import find_ffmpeg  # noqa: E402

_PITCH = "(130*t+12*sin(2*PI*0.9*t))"
_VOICE = "+".join(
    f"{amp}*sin({2 * k}*PI*{_PITCH})" for k, amp in ((1, 1), (2, 0.6), (3, 0.4), (5, 0.3), (8, 0.2))
)
VOICE = f"({_VOICE})*0.15*(0.6+0.4*sin(2*PI*4.3*t))*gt(mod(t,5.3),0.8)*gt(mod(t,1.7),0.15)"
SEGMENT_S = 60


def ffmpeg(*args: str) -> None:
    subprocess.run(
        [find_ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-y", *args], check=True
    )


def make_source(folder: Path, minutes: int) -> Path:
    segment = folder / "segment.wav"
    if not segment.exists():
        ffmpeg(
            "-f", "lavfi", "-i", f"aevalsrc=exprs='{VOICE}':s=44100:d={SEGMENT_S}",
            "-f", "lavfi", "-i", f"anoisesrc=c=white:a=0.02:r=44100:d={SEGMENT_S}",
            "-filter_complex",
            "[0]equalizer=f=700:t=q:w=2:g=8,equalizer=f=1800:t=q:w=2:g=6[v];"
            "[1]highpass=f=3000,volume='gt(mod(t,2.9),2.6)':eval=frame[n];"
            "[v][n]amix=inputs=2:normalize=0,aformat=channel_layouts=stereo",
            "-c:a", "pcm_s16le", str(segment),
        )  # fmt: skip
    source = folder / f"speech-{minutes}min.flac"
    if not source.exists():
        loops = minutes * 60 // SEGMENT_S - 1
        ffmpeg("-stream_loop", str(loops), "-i", str(segment), "-c:a", "flac", str(source))
    return source


def make_mono_mp3(folder: Path, minutes: int) -> Path:
    source = make_source(folder, minutes)
    target = folder / f"speech-{minutes}min-mono.mp3"
    if not target.exists():
        ffmpeg(
            "-i",
            str(source),
            "-ac",
            "1",
            "-ar",
            "16000",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "32k",
            str(target),
        )
    return target


# ---- measurements, each run in a fresh interpreter -------------------------------------------


def measure(kind: str, source: str, out_dir: str) -> dict[str, float]:
    out = Path(out_dir)
    started = time.perf_counter()
    probe_s = 0.0
    if kind == "kzdesk":
        from kzdesk.audio import prepare, probe

        info = probe(source)
        probe_s = time.perf_counter() - started
        pieces = prepare(source, info, out)
        outputs = [Path(p.path) for p in pieces]
        passed = outputs == [Path(source)]
    elif kind == "ffmpeg":
        target = out / "ffmpeg-default.ogg"
        subprocess.run(
            [
                find_ffmpeg(),
                "-v",
                "error",
                "-y",
                "-i",
                source,
                "-vn",
                "-ac",
                "1",
                "-ar",
                "16000",
                "-c:a",
                "libopus",
                "-b:a",
                "24k",
                str(target),
            ],
            check=True,
        )
        outputs, passed = [target], False
    elif kind == "flags":
        from kzdesk.audio.convert import MONO_BITRATE, OPUS_SETTINGS, SAMPLE_RATE

        target = out / "ffmpeg-kzdesk-flags.ogg"
        subprocess.run(
            [find_ffmpeg(), "-v", "error", "-y", "-i", source, "-map", "0:a:0", "-vn", "-sn",
             "-dn", "-map_metadata", "-1", "-ac", "1", "-ar", str(SAMPLE_RATE), "-c:a",
             "libopus", "-b:a", MONO_BITRATE, "-vbr", "on", *OPUS_SETTINGS, "-f", "ogg",
             str(target)],
            check=True,
        )  # fmt: skip
        outputs, passed = [target], False
    elif kind == "pydub":
        import pydub.audio_segment
        from pydub import AudioSegment

        AudioSegment.converter = find_ffmpeg()
        # imageio-ffmpeg ships no ffprobe, which pydub calls only to choose the PCM sample
        # format of its intermediate WAV; without it pydub uses 16-bit, as here.
        pydub.audio_segment.mediainfo_json = lambda *args, **kwargs: {}
        target = out / "pydub.ogg"
        AudioSegment.from_file(source).export(
            str(target), format="ogg", codec="libopus", bitrate="24k",
            parameters=["-ac", "1", "-ar", "16000"],
        )  # fmt: skip
        outputs, passed = [target], False
    else:
        raise ValueError(kind)
    wall = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "wall_s": wall,
        "probe_s": probe_s,
        "rss_mb": max(own, children) / 1024,
        "python_rss_mb": own / 1024,
        "bytes": float(sum(p.stat().st_size for p in outputs)),
        "pieces": float(len(outputs)),
        "passed_through": float(passed),
    }


def run_isolated(kind: str, source: Path, out_dir: Path) -> dict[str, float]:
    out_dir.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, __file__, "--measure", kind, str(source), str(out_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=int, nargs="+", default=[10, 60])
    parser.add_argument("--long", action="store_true", help="also 180 minutes")
    parser.add_argument(
        "--pydub-max", type=int, default=60, help="skip pydub above this many minutes (RAM)"
    )
    parser.add_argument("--keep", type=Path, help="folder for sources (reused between runs)")
    parser.add_argument(
        "--measure", nargs=3, metavar=("KIND", "SOURCE", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return

    minutes_list = sorted(set(args.minutes + ([180] if args.long else [])))
    with tempfile.TemporaryDirectory(prefix="kzdesk-bench-") as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"ffmpeg: {find_ffmpeg()}")
        header = f"{'source':>8} {'method':>8} {'wall s':>8} {'x realtime':>10} {'peak RSS MB':>11} {'MB/audio h':>10} {'pieces':>6}"
        print(header)
        print("-" * len(header))
        for minutes in minutes_list:
            source = make_source(folder, minutes)
            audio_h = minutes / 60
            results: dict[str, dict[str, float]] = {}
            for kind in ("kzdesk", "ffmpeg", "flags", "pydub"):
                if kind == "pydub" and minutes > args.pydub_max:
                    continue
                result = run_isolated(kind, source, Path(temp) / f"out-{minutes}-{kind}")
                results[kind] = result
                print(
                    f"{minutes:>5}min {kind:>8} {result['wall_s']:>8.1f} "
                    f"{minutes * 60 / result['wall_s']:>10.0f} {result['rss_mb']:>11.0f} "
                    f"{result['bytes'] / 1e6 / audio_h:>10.2f} {result['pieces']:>6.0f}"
                    + (f"  (probe {result['probe_s']:.1f} s of it)" if result["probe_s"] else "")
                )
            base = results["kzdesk"]["wall_s"]
            convert_only = base - results["kzdesk"]["probe_s"]
            ratios = [
                f"{kind}/kzdesk time = {results[kind]['wall_s'] / base:.2f}x"
                f" ({results[kind]['wall_s'] / convert_only:.2f}x vs prepare() alone)"
                for kind in ("ffmpeg", "flags", "pydub")
                if kind in results
            ]
            print(f"{'':>8} " + ", ".join(ratios))
        mp3 = make_mono_mp3(folder, minutes_list[0])
        result = run_isolated("kzdesk", mp3, Path(temp) / "out-passthrough")
        print(
            f"\npass-through: {minutes_list[0]}-min mono MP3 -> prepare() {result['wall_s'] * 1000:.0f} ms "
            f"(includes interpreter import of kzdesk.audio), passed through unchanged: {bool(result['passed_through'])}"
        )


if __name__ == "__main__":
    main()
