"""Local speaker diarization on synthetic meetings: DER, speaker count, speed, memory.

Meetings of 3, 4 and 6 espeak-ng voices (tests/diarization/speech.py) with exactly known turns
are written to WAV files and diarized through the real pipeline (ffmpeg decode, segmentation-3.0,
CAM++ embeddings, clustering) in a child process, once with the speaker count given and once
with it found automatically. DER comes from pyannote.metrics, an independent implementation;
it is reported without a collar and with the customary 0.25 s collar. Then the same for real
recordings (bench/diarization_real.py: AMI meeting excerpts and a stereo call, with their
publishers' reference turns), the speed on one long recording (the real ones joined), and the
automatic count's two settings checked leave-one-out.

    python bench/diarization.py [--dialogs 3] [--turns-per-speaker 7] [--overlap-every 0]
                                [--only synthetic|real]

Targets: synthetic DER <= 10 % with the count given, <= 15 % automatic; real DER <= 25 %
automatic and <= 22 % with the count given (±0.25 s), count right on >= 60 % of the real
recordings with 2+ speakers; >= 10x real time on 2 cores; <= 500 MiB in the diarization process.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dialogs", type=int, default=3, help="meetings per speaker count")
    parser.add_argument("--turns-per-speaker", type=int, default=7)
    parser.add_argument("--overlap-every", type=int, default=0)
    parser.add_argument("--sets", default="3,4,6")
    parser.add_argument("--only", choices=("synthetic", "real"), help="one of the two tables")
    args = parser.parse_args()
    # imported here, not at the top: the diarization child process (spawned) runs this
    # script's top level again as its main module, and should load what the app's does
    from bench.diarization_real import leave_one_out, long_recording_speed, real_table
    from bench.diarization_synthetic import synthetic_table

    if args.only != "real":
        synthetic_table(args)
    if args.only != "synthetic":
        real_table()
        long_recording_speed()
        leave_one_out()


if __name__ == "__main__":
    main()
