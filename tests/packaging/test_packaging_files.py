"""The packaging files: desktop entry, AppStream metadata, installer script, icons, licences,
and resource_path() in a checkout and in a (simulated) frozen bundle."""

from __future__ import annotations

import ast
import configparser
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kzdesk import __version__
from kzdesk.resources import bundle_dir, licenses_dir, resource_path

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "kz.kzdesk.Kzdesk"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ISS = ROOT / "packaging" / "windows" / "kzdesk.iss"
SVG = ROOT / "resources" / "icons" / "kzdesk.svg"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "kzdesk"
    assert entry["Exec"].split()[0] == "kzdesk" and "%F" in entry["Exec"]
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    for key in ("Categories", "MimeType", "Keywords"):
        assert entry[key].endswith(";"), key
    mimetypes = entry["MimeType"].rstrip(";").split(";")
    assert all(m.count("/") == 1 and m.split("/")[0] in {"audio", "video"} for m in mimetypes)
    assert {"audio/mpeg", "audio/wav", "audio/ogg", "audio/flac", "video/mp4"} <= set(mimetypes)
    assert {"ru", "kk"} <= {k.split("[")[1].rstrip("]") for k in entry if k.startswith("Comment[")}


def test_desktop_file_name_matches_the_window() -> None:
    """Wayland and the docks match the window to the desktop file by this name."""
    launch = (ROOT / "kzdesk" / "ui" / "launch.py").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in launch


def test_appstream_metadata() -> None:
    root = ET.parse(METAINFO).getroot()  # well-formed, or this raises
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("launchable").get("type") == "desktop-id"
    assert root.findtext("provides/binary") == "kzdesk"
    assert root.find("description/p") is not None
    assert root.find("content_rating") is not None
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert __version__ in versions


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_appstream_metadata_validates() -> None:
    run = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr


def test_inno_setup_script() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads UTF-8 only with a BOM"
    text = raw.decode("utf-8-sig")
    for section in ("[Setup]", "[Files]", "[Icons]", "[Registry]", "[Run]", "[Languages]"):
        assert section in text, section
    assert f'#define AppVersion "{__version__}"' in text
    assert "AppId={{" in text
    assert 'Source: "{#BundleDir}\\*"' in text and "recursesubdirs" in text
    icon = text.split("SetupIconFile=")[1].split()[0]
    assert (ISS.parent / icon).is_file()
    assert "PrivilegesRequired=lowest" in text


def test_build_spec_is_python_and_names_the_icons() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    for relative in ("packaging/windows/kzdesk.ico", "packaging/macos/kzdesk.icns"):
        name = relative.split("/")[-1]
        assert name in spec
        assert (ROOT / relative).is_file()
    assert f'APP_ID = "{APP_ID}"' in spec
    assert "CFBundleDocumentTypes" in spec and "NSMicrophoneUsageDescription" not in spec.replace(
        "no NSMicrophoneUsageDescription", ""
    )


def test_icon_files() -> None:
    from PySide6.QtGui import QImage

    hicolor = LINUX / "icons" / "hicolor"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == SVG.read_bytes()
    ico = (ROOT / "packaging" / "windows" / "kzdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    icns = (ROOT / "packaging" / "macos" / "kzdesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_window_icon_loads(qapp) -> None:
    from PySide6.QtGui import QIcon

    icon = QIcon(str(resource_path("icons", "kzdesk.svg")))
    assert not icon.isNull()
    assert not icon.pixmap(16, 16).isNull()


def test_resource_path_in_a_checkout() -> None:
    assert bundle_dir() == ROOT
    assert resource_path("icons", "kzdesk.svg") == SVG
    assert SVG.is_file()
    assert licenses_dir() is None


def test_resource_path_in_a_frozen_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("icons", "kzdesk.svg") == tmp_path / "resources" / "icons" / "kzdesk.svg"
    assert licenses_dir() is None
    (tmp_path / "licenses").mkdir()
    assert licenses_dir() == tmp_path / "licenses"


def test_collect_licenses(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import collect_licenses
    finally:
        sys.path.remove(str(ROOT / "tools"))

    out = tmp_path / "licenses"
    written = collect_licenses.collect(
        ["docx", "grpc", "PySide6.QtCore", "ctranslate2", "os"], out, skip=["kzdesk"]
    )
    assert all(p.is_file() for p in written)
    names = {p.name for p in out.iterdir()}
    assert any(n.startswith("python-docx-") for n in names)
    assert any(n.startswith("grpcio-") for n in names)
    assert any(n.startswith("PySide6_Essentials-") for n in names)
    assert {"Qt", "FFmpeg", "texts", "README.txt"} <= names
    docx = next(out.glob("python-docx-*"))
    assert "Permission is hereby granted" in next(docx.glob("LICENSE*")).read_text()
    ctranslate2 = next(out.glob("ctranslate2-*"))  # its wheel ships no licence file
    assert "MIT License" in "".join(p.read_text() for p in ctranslate2.iterdir())
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (out / "texts" / "LGPL-3.0.txt").read_text()
    readme = (out / "README.txt").read_text()
    assert "grpcio" in readme and "Apache-2.0" in readme
    # the speaker models' provenance and licences travel with every bundle
    models = out / "models"
    assert "Copyright (c) 2020 CNRS" in (models / "segmentation-3.0.txt").read_text()
    assert "Apache License" in (models / "campplus-zh-en.txt").read_text()
    assert "models/segmentation-3.0.txt" in readme and "models/campplus-zh-en.txt" in readme
