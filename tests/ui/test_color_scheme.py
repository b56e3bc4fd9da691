"""kzdesk follows the system's light or dark scheme, and its icons stay visible in both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from kzdesk.ui import color_scheme
from kzdesk.ui.color_scheme import dark_palette, is_dark, palette_for
from kzdesk.ui.icons import SHAPES, themed_icon


def test_palette_follows_the_scheme(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QPalette(app.palette())
    try:
        color_scheme.follow(app, Qt.ColorScheme.Dark)
        assert is_dark(app.palette())
        color_scheme.follow(app, Qt.ColorScheme.Light)
        assert not is_dark(app.palette())
    finally:
        app.setPalette(before)
        app.setProperty("kzdeskDarkPalette", False)


def test_a_dark_palette_given_by_the_system_is_kept(qtbot) -> None:
    system_dark = dark_palette()
    light = QApplication.style().standardPalette()
    assert palette_for(Qt.ColorScheme.Dark, system_dark, light, own=False) is None
    assert palette_for(Qt.ColorScheme.Light, system_dark, light, own=False) is None  # not ours
    assert palette_for(Qt.ColorScheme.Unknown, light, light, own=False) is None


def test_every_drawn_icon_contrasts_with_light_and_dark_windows(qtbot) -> None:
    for palette in (QApplication.style().standardPalette(), dark_palette()):
        window = palette.color(QPalette.ColorRole.Window).lightnessF()
        for name in SHAPES:
            image = themed_icon(name, palette).pixmap(32, 32).toImage()
            inked = [
                image.pixelColor(x, y).lightnessF()
                for x in range(image.width())
                for y in range(image.height())
                if image.pixelColor(x, y).alpha() > 200
            ]
            assert inked, name
            assert abs(sum(inked) / len(inked) - window) > 0.4, name
