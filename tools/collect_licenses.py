"""Gather the licence notices of the third-party software that goes into the bundle.

build.spec calls :func:`collect` at build time with the top-level modules PyInstaller found, so
the bundle's ``licenses/`` folder always matches what was really bundled (no committed copies
that drift). For each installed distribution behind those modules it copies the files its
wheel ships as LICENSE/LICENCE/COPYING/NOTICE (importlib.metadata ``dist.files``); for the
few wheels that ship none (Qt for Python, CTranslate2, tokenizers) it writes a notice from the
package metadata, with the full licence text from ``packaging/licenses/texts``. Notices that
are not in any wheel (the FFmpeg programs and libraries, Qt's LGPL obligations) come from
``packaging/licenses/notices`` (Qt.txt, FFmpeg.txt, Hunspell.txt and
Hunspell-dictionaries.txt for resources/dictionaries); the speaker models' provenance and
licences from ``packaging/licenses/models``. ``licenses/README.txt`` lists all.

Standalone: ``python tools/collect_licenses.py OUT_DIR [MODULE ...]`` (default: the modules
kzdesk imports directly).
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import re
import shutil
import sys
import sysconfig
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging" / "licenses"
TEXTS = PACKAGING / "texts"
NOTICES = PACKAGING / "notices"
MODELS = PACKAGING / "models"  # the speaker models in resources/models (always bundled)

# The distributions kzdesk itself needs at run time, for the standalone use of this script.
DEFAULT_MODULES = (
    "PySide6",
    "shiboken6",
    "yandex_ai_studio_sdk",
    "grpc",
    "google.protobuf",
    "imageio_ffmpeg",
    "docx",
    "lxml",
    "keyring",
    "platformdirs",
    "requests",
    "numpy",
    "pydub",
    "faster_whisper",
    "ctranslate2",
    "onnxruntime",
    "av",
    "tokenizers",
    "huggingface_hub",
    "hunspell",
)

_NOTICE_NAME = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS|THIRDPARTYNOTICES)", re.IGNORECASE)
_SKIP_SUFFIXES = {".py", ".pyc", ".pyi", ".so", ".pyd", ".dll", ".dylib"}

# SPDX id (or a metadata "License:" value) -> the full text in packaging/licenses/texts.
_FULL_TEXTS = {
    "apache-2.0": "Apache-2.0.txt",
    "apache 2.0": "Apache-2.0.txt",
    "apache software license": "Apache-2.0.txt",
    "lgpl-3.0-only": "LGPL-3.0.txt",
    "lgpl-3.0": "LGPL-3.0.txt",
}

_MIT = """MIT License

Copyright (c) {holder}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def distributions_for(modules: Iterable[str]) -> dict[str, md.Distribution]:
    """Installed distributions (by normalised name) that provide the given modules."""
    owners = md.packages_distributions()
    found: dict[str, md.Distribution] = {}
    for module in modules:
        top = module.split(".")[0]
        for dist_name in owners.get(top, []):
            key = normalize(dist_name)
            if key not in found:
                try:
                    found[key] = md.distribution(dist_name)
                except md.PackageNotFoundError:
                    continue
    return found


def licence_expression(dist: md.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression") or ""
    if expression:
        return expression
    licence = (meta.get("License") or "").strip()
    if licence and "\n" not in licence and len(licence) < 80:
        return licence
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []]
    return "; ".join(c for c in classifiers if "License" in c or "GPL" in c) or "see files"


def notice_files(dist: md.Distribution) -> list[md.PackagePath]:
    """The licence-like files a wheel ships: anything under .dist-info/licenses/, and files
    named LICENSE*/COPYING*/NOTICE*/AUTHORS* in the .dist-info or a package folder."""
    chosen = []
    for path in dist.files or []:
        parts = path.parts
        if path.suffix.lower() in _SKIP_SUFFIXES or "__pycache__" in parts:
            continue
        in_licenses = len(parts) > 2 and parts[0].endswith(".dist-info") and parts[1] == "licenses"
        if in_licenses or _NOTICE_NAME.match(path.name):
            chosen.append(path)
    return chosen


def _generated_notice(dist: md.Distribution, expression: str) -> str:
    meta = dist.metadata
    holder = meta.get("Author") or meta.get("Author-email") or f"the {meta['Name']} authors"
    home = meta.get("Home-page") or ""
    for url in meta.get_all("Project-URL") or []:
        label, _, link = url.partition(",")
        if label.strip().lower() in {"source", "repository", "homepage", "source code"}:
            home = home or link.strip()
    head = f"{meta['Name']} {dist.version}\nLicence: {expression}\n"
    if home:
        head += f"Source: {home}\n"
    head += "(The wheel ships no licence file; this notice was written from its metadata.)\n\n"
    key = expression.lower().split(" or ")[0].strip()
    if key in {"mit", "mit license"}:
        return head + _MIT.format(holder=holder)
    text = _FULL_TEXTS.get(key)
    if text and (TEXTS / text).exists():
        return head + f"The full text of the licence: ../texts/{text}\n"
    return head


def _python_licence() -> Path | None:
    candidates = [
        Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",
    ]
    return next((p for p in candidates if p.is_file()), None)


def collect(
    modules: Iterable[str],
    dest: Path,
    *,
    ffmpeg_bundled: bool = True,
    skip: Iterable[str] = (),
) -> list[Path]:
    """Write the notices for the distributions behind ``modules`` into ``dest`` (emptied
    first); return the files written. ``skip``: distribution names to leave out (kzdesk)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    skipped = {normalize(s) for s in skip}
    index = [
        "Third-party software in this kzdesk bundle and the notices of its licences.",
        "Each folder holds the licence files of one package, as its authors ship them.",
        "",
    ]
    written: list[Path] = []
    dists = distributions_for(modules)
    for key in sorted(dists):
        if key in skipped:
            continue
        dist = dists[key]
        name, version = dist.metadata["Name"], dist.version
        folder = dest / f"{name}-{version}"
        folder.mkdir()
        expression = licence_expression(dist)
        files = notice_files(dist)
        for path in files:
            source = Path(str(dist.locate_file(path)))
            if not source.is_file():
                continue
            inside = path.parts[2:] if path.parts[0].endswith(".dist-info") else path.parts
            if inside and inside[0] == "licenses":
                inside = inside[1:]
            target = folder.joinpath(*inside) if inside else folder / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written.append(target)
        if not any(folder.rglob("*")):
            target = folder / "NOTICE.txt"
            target.write_text(_generated_notice(dist, expression), encoding="utf-8")
            written.append(target)
        index.append(f"{name} {version}: {expression}  ->  {folder.name}/")

    python = _python_licence()
    if python is not None:
        folder = dest / f"Python-{sys.version.split()[0]}"
        folder.mkdir()
        written.append(Path(shutil.copyfile(python, folder / "LICENSE.txt")))
        index.append(f"Python {sys.version.split()[0]}: PSF-2.0  ->  {folder.name}/")
    # Notices no wheel carries: which obligations apply and where the source is.
    extras = {
        "Qt": "pyside6-essentials" in dists,
        "FFmpeg": ffmpeg_bundled or "av" in dists,
        "Hunspell": "chunspell" in dists,
        # resources/dictionaries ship with every bundle
        "Hunspell-dictionaries": True,
    }
    for name, wanted in extras.items():
        if wanted:
            folder = dest / name
            folder.mkdir()
            written.append(Path(shutil.copyfile(NOTICES / f"{name}.txt", folder / "NOTICE.txt")))
            index.append(f"{name}: see {name}/NOTICE.txt")

    models = dest / "models"
    shutil.copytree(MODELS, models)
    written.extend(sorted(models.iterdir()))
    for notice in sorted(models.iterdir()):
        index.append(f"model {notice.stem}: see models/{notice.name}")

    texts = dest / "texts"
    shutil.copytree(TEXTS, texts)
    written.extend(sorted(texts.iterdir()))
    index += ["", "Full texts of the GNU and Apache licences referred to above: texts/", ""]
    readme = dest / "README.txt"
    readme.write_text("\n".join(index), encoding="utf-8")
    written.append(readme)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("modules", nargs="*", default=list(DEFAULT_MODULES))
    args = parser.parse_args(argv)
    files = collect(args.modules, args.out, skip=["kzdesk"])
    print(f"{len(files)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
