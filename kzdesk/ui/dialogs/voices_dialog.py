"""Known voices: the named voice profiles kept on this computer, to rename or delete.

Saved from the editor's speakers panel ("Save voice as…"); new transcripts suggest these
names for speakers that sound the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kzdesk.services.known_voices import KnownVoices, VoiceProfile, needs_new_sample

_Index = QModelIndex | QPersistentModelIndex
ProfileIdRole = Qt.ItemDataRole.UserRole + 1


class VoiceListModel(QAbstractListModel):
    """One row per saved voice; editing a name renames the profile at once."""

    def __init__(self, store: KnownVoices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._profiles: list[VoiceProfile] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._profiles = sorted(self.store.list(), key=lambda p: p.name.casefold())
        self.endResetModel()

    def profile_at(self, row: int) -> VoiceProfile:
        return self._profiles[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._profiles)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._profiles):
            return None
        profile = self._profiles[index.row()]
        outdated = needs_new_sample(profile)
        if role == Qt.ItemDataRole.DisplayRole:
            if outdated:
                return self.tr("{name} (needs a new sample)").format(name=profile.name)
            return profile.name
        if role == Qt.ItemDataRole.EditRole:
            return profile.name
        if role == ProfileIdRole:
            return profile.id
        if role == Qt.ItemDataRole.ToolTipRole and outdated:
            return self.tr(
                "Saved with an earlier voice model, so new transcripts cannot recognise it. "
                "Open a transcript where this person speaks and choose Save voice as… with "
                "the same name."
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            saved = QDateTime.fromMSecsSinceEpoch(int(profile.created_at * 1000))
            return self.tr("Saved {date} from %n recording(s)", "", profile.samples).format(
                date=QLocale().toString(saved, QLocale.FormatType.ShortFormat)
            )
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not isinstance(value, str) or not index.isValid():
            return False
        name = value.strip()
        if not name:
            return False
        self.store.rename(self._profiles[index.row()].id, name)
        self.reload()
        return True

    def delete(self, row: int) -> bool:
        if not 0 <= row < len(self._profiles):
            return False
        profile = self._profiles[row]
        self.beginRemoveRows(QModelIndex(), row, row)
        self.store.delete(profile.id)
        del self._profiles[row]
        self.endRemoveRows()
        return True


def _ask_delete(parent: QWidget, name: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("VoicesDialog", "Delete voice"),
        QCoreApplication.translate(
            "VoicesDialog",
            "Forget the voice of {name}? New transcripts will no longer suggest this name; "
            "transcripts already made keep their names.",
        ).format(name=name),
    )
    return answer == QMessageBox.StandardButton.Yes


class VoicesDialog(QDialog):
    def __init__(
        self,
        store: KnownVoices,
        parent: QWidget | None = None,
        *,
        ask_delete: Callable[[QWidget, str], bool] = _ask_delete,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Known voices"))
        self.ask_delete = ask_delete
        self.model = VoiceListModel(store, self)
        intro = QLabel(
            self.tr(
                "Voices saved from transcripts. New transcripts suggest these names for "
                "speakers who sound the same. Double-click a name to change it."
            )
        )
        intro.setWordWrap(True)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.empty = QLabel(
            self.tr(
                "No voices are saved yet. In a transcript, right-click a speaker and choose "
                "“Save voice as…”."
            )
        )
        self.empty.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("&Rename"))
        self.rename_button.clicked.connect(self.rename_current)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.view.selectionModel().currentChanged.connect(self._update)
        self.model.modelReset.connect(self._update)
        self.model.rowsRemoved.connect(self._update)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._update()
        self.resize(380, 320)

    @Slot()
    def _update(self) -> None:
        has = self.view.currentIndex().isValid()
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.empty.setVisible(self.model.rowCount() == 0)

    @Slot()
    def rename_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index)

    @Slot()
    def delete_current(self) -> bool:
        index = self.view.currentIndex()
        if not index.isValid():
            return False
        name = self.model.profile_at(index.row()).name
        if not self.ask_delete(self, name):
            return False
        return self.model.delete(index.row())
