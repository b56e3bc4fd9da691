"""The subtitle rules as a form: characters per line, lines per cue, reading speed, shortest
and longest cue, gap between cues. Settings (for every export, the automatic ones too) and the
editor's Export dialog (for one export) show the same form."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QSpinBox, QWidget

from kzdesk.export.options import MAX_GAP_MS, ExportOptions
from kzdesk.ui.dialogs import form_helpers as ui

Rules = dict[str, int | float]  # ExportOptions arguments (max_line_chars, …, min_gap_ms)


def rules_of(options: ExportOptions) -> Rules:
    """The subtitle rules among ``options``, as the form loads them."""
    return {
        "max_line_chars": options.max_line_chars,
        "max_lines": options.max_lines,
        "max_cps": options.max_cps,
        "min_cue_ms": options.min_cue_ms,
        "max_cue_ms": options.max_cue_ms,
        "min_gap_ms": options.min_gap_ms,
    }


class SubtitleRulesForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_chars_spin = QSpinBox()
        self.line_chars_spin.setRange(4, 120)
        self.lines_spin = QSpinBox()
        self.lines_spin.setRange(1, 5)
        self.cps_spin = QDoubleSpinBox()
        self.cps_spin.setRange(1.0, 60.0)
        self.cps_spin.setDecimals(1)
        self.cps_spin.setSingleStep(1.0)
        self.min_cue_spin = self._seconds_spin(0.1, 30.0, 1, 0.5)
        self.max_cue_spin = self._seconds_spin(0.5, 60.0, 1, 0.5)
        # one frame at 25 fps per step; 0: a cue may end as the next one starts
        self.gap_spin = self._seconds_spin(0.0, MAX_GAP_MS / 1000, 2, 0.04)
        self.gap_spin.setSpecialValueText(self.tr("None"))

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        rows = (
            (self.tr("Characters per &line:"), self.line_chars_spin),
            (self.tr("Lines per c&ue:"), self.lines_spin),
            (self.tr("Reading &speed (characters per second):"), self.cps_spin),
            (self.tr("Shortest cue:"), self.min_cue_spin),
            (self.tr("Longest cue:"), self.max_cue_spin),
            (self.tr("&Gap between cues:"), self.gap_spin),
        )
        for text, spin in rows:
            self.form.addRow(ui.buddy(text, spin), spin)
            spin.valueChanged.connect(self.changed)
        widest = max(spin.sizeHint().width() for spin in self.spins())
        for spin in self.spins():  # one column of equal fields, not a ragged edge
            spin.setMinimumWidth(widest)

    def _seconds_spin(self, low: float, high: float, decimals: int, step: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(decimals)
        spin.setSingleStep(step)
        spin.setSuffix(self.tr(" s"))
        return spin

    def spins(self) -> list[QSpinBox | QDoubleSpinBox]:
        return [
            self.line_chars_spin,
            self.lines_spin,
            self.cps_spin,
            self.min_cue_spin,
            self.max_cue_spin,
            self.gap_spin,
        ]

    def load(self, rules: Rules) -> None:
        self.line_chars_spin.setValue(int(rules["max_line_chars"]))
        self.lines_spin.setValue(int(rules["max_lines"]))
        self.cps_spin.setValue(float(rules["max_cps"]))
        self.min_cue_spin.setValue(float(rules["min_cue_ms"]) / 1000)
        self.max_cue_spin.setValue(float(rules["max_cue_ms"]) / 1000)
        self.gap_spin.setValue(float(rules.get("min_gap_ms", 0)) / 1000)

    def rules(self) -> Rules:
        return {
            "max_line_chars": self.line_chars_spin.value(),
            "max_lines": self.lines_spin.value(),
            "max_cps": self.cps_spin.value(),
            "min_cue_ms": round(self.min_cue_spin.value() * 1000),
            "max_cue_ms": round(self.max_cue_spin.value() * 1000),
            "min_gap_ms": round(self.gap_spin.value() * 1000),
        }
