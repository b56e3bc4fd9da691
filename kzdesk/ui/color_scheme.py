"""Follow the system's light or dark colour scheme (Qt's style hints).

Where the platform already gives a dark palette with a dark scheme (Windows 11, macOS, KDE),
nothing changes. Where it reports a dark scheme but the style keeps its light palette (Fusion
on several Linux desktops), kzdesk switches to a dark palette of its own, and back to the
style's palette when the scheme turns light again. Icons drawn by kzdesk (``ui.icons``) follow
the palette; widgets rebuild them on a palette change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_OWN_DARK = "kzdeskDarkPalette"  # application property: the dark palette is kzdesk's
# Readable warning text: dark red on light palettes, light red on dark ones (both > 4.5:1).
_WARNING_ON_LIGHT = "#B3261E"
_WARNING_ON_DARK = "#FF8A80"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def warning_text_color(palette: QPalette) -> QColor:
    """A red for a warning sentence that reads on ``palette``'s window colour."""
    return QColor(_WARNING_ON_DARK if is_dark(palette) else _WARNING_ON_LIGHT)


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for text, links, selections and disabled text."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colors = {
        role.Window: "#2b2d30",
        role.WindowText: "#e6e6e6",
        role.Base: "#1f2023",
        role.AlternateBase: "#28292c",
        role.ToolTipBase: "#3a3c40",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#9a9ca1",
        role.Text: "#e6e6e6",
        role.Button: "#35373b",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#46484d",
        role.Midlight: "#3d3f43",
        role.Mid: "#2f3134",
        role.Dark: "#1a1b1d",
        role.Shadow: "#000000",
        role.Highlight: "#3d7bd9",
        role.HighlightedText: "#ffffff",
        role.Link: "#7fb2ff",
        role.LinkVisited: "#c49bff",
    }
    for r, c in colors.items():
        p.setColor(r, QColor(c))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7d7f84"))
    p.setColor(group.Disabled, role.Highlight, QColor("#4a4c50"))
    return p


def palette_for(
    scheme: Qt.ColorScheme, current: QPalette, standard: QPalette, own: bool
) -> QPalette | None:
    """The palette to switch to for ``scheme`` (None: keep ``current``). ``own``: the current
    palette is kzdesk's dark one."""
    if scheme is Qt.ColorScheme.Dark and not is_dark(current):
        return dark_palette()
    if scheme is not Qt.ColorScheme.Dark and own:
        return standard
    return None


def follow(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Match the palette to ``scheme`` (the system's when None)."""
    wanted = app.styleHints().colorScheme() if scheme is None else scheme
    own = bool(app.property(_OWN_DARK))
    palette = palette_for(wanted, app.palette(), app.style().standardPalette(), own)
    if palette is not None:
        app.setPalette(palette)
        app.setProperty(_OWN_DARK, wanted is Qt.ColorScheme.Dark)


def install(app: QApplication) -> None:
    """Follow the system's scheme now and whenever it changes (once per application)."""
    follow(app)
    if not app.property("kzdeskFollowsScheme"):
        app.setProperty("kzdeskFollowsScheme", True)
        app.styleHints().colorSchemeChanged.connect(lambda scheme: follow(app, scheme))
