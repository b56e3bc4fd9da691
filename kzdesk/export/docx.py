"""Word document: title, a metadata block, then one paragraph per speaker turn."""

from __future__ import annotations

import io
import re
from datetime import datetime

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from kzdesk.core import timecode, transcript_ops
from kzdesk.core.transcript import Transcript
from kzdesk.export.options import ExportOptions
from kzdesk.export.turns import display_title, source_file_name, turns

# Ships with Windows and macOS, covers Cyrillic with the Kazakh letters (ә ғ қ ң ө ұ ү һ і);
# LibreOffice on Linux substitutes the metric-compatible Liberation Sans, which covers them too.
FONT = "Arial"
_LANGUAGES = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-US"}
_GREY = RGBColor(0x59, 0x59, 0x59)


def _set_font(element: object, name: str, lang: str | None = None) -> None:
    """Font for every script slot of a style or run; theme fonts would override it."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)
    if lang:
        lang_el = rpr.find(qn("w:lang"))
        if lang_el is None:
            lang_el = rpr.makeelement(qn("w:lang"), {})
            rpr.append(lang_el)
        lang_el.set(qn("w:val"), lang)


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Drops characters XML cannot hold (lxml refuses them)."""
    return _XML_INVALID.sub("", text)


def _local_date(created_at: float) -> str:
    return datetime.fromtimestamp(created_at).strftime("%d.%m.%Y") if created_at > 0 else ""


def render_docx(transcript: Transcript, options: ExportOptions | None = None) -> bytes:
    opts = options or ExportOptions()
    doc = Document()
    spoken = transcript_ops.spoken_languages(transcript)  # the most spoken language first
    lang = _LANGUAGES.get(
        spoken[0] if spoken else transcript_ops.language_code(transcript.language)
    )
    for style_name in ("Normal", "Title", "Heading 1"):
        _set_font(doc.styles[style_name].element, FONT, lang)
    doc.styles["Normal"].font.size = Pt(11)

    title = _clean(display_title(transcript))
    props = doc.core_properties
    props.title = title
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.subject = _clean(source_file_name(transcript))
    props.language = lang or ""
    if transcript.created_at > 0:
        props.created = datetime.fromtimestamp(transcript.created_at)
        props.modified = props.created
    props.revision = 1

    doc.add_heading(title, level=1)
    labels = opts.labels
    names = [_clean(s.name) for s in transcript.speakers]
    meta = [
        (labels.source, _clean(source_file_name(transcript))),
        (labels.date, _local_date(transcript.created_at)),
        (labels.duration, timecode.duration(transcript.duration_ms)),
        (labels.speakers, ", ".join(names)),
    ]
    for label, value in meta:
        if not value:
            continue
        para = doc.add_paragraph()
        para.paragraph_format.space_after = Pt(0)
        label_run = para.add_run(f"{label}: ")
        label_run.font.color.rgb = _GREY
        para.add_run(value)
    doc.add_paragraph()

    for turn in turns(transcript, merge=opts.merge_turns):
        para = doc.add_paragraph()
        if opts.timestamps:
            stamp = para.add_run(f"[{timecode.clock(turn.start_ms)}] ")
            stamp.font.color.rgb = _GREY
        if turn.speaker_name:
            para.add_run(_clean(turn.speaker_name)).bold = True
            para.add_run(": ")
        para.add_run(_clean(turn.text))

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
