"""Small builders shared by kzdesk's forms: labelled rows, help texts, combos, icons."""

from __future__ import annotations

from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QWidget,
)


def form(group: QGroupBox) -> QFormLayout:
    layout = QFormLayout(group)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return layout


def buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic (&x) moves the focus to ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def help_label(text: str) -> QLabel:
    """A muted, slightly smaller explanation under a field (palette colour: light and dark)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = label.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        label.setFont(font)
    return label


def row(*widgets: QWidget, stretch: int = 0) -> QWidget:
    """Widgets side by side; the one at index ``stretch`` takes the spare room."""
    container = QWidget()
    layout = QHBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if i == stretch else 0)
    return container


def combo(*items: tuple[str, str]) -> QComboBox:
    """A combo box of (value, visible text) pairs; the value is the item's data."""
    box = QComboBox()
    for value, text in items:
        box.addItem(text, value)
    return box


def select(box: QComboBox, value: str) -> None:
    box.setCurrentIndex(max(box.findData(value), 0))


def icon_pixmap(widget: QWidget, which: QStyle.StandardPixmap, scale: int = 1) -> QPixmap:
    style = widget.style()
    size = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) * scale
    return style.standardIcon(which).pixmap(size)


def icon_label(widget: QWidget, which: QStyle.StandardPixmap) -> QLabel:
    label = QLabel()
    label.setPixmap(icon_pixmap(widget, which))
    return label
