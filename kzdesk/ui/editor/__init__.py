"""The transcript editor: segment model, undoable edits, autosave."""
