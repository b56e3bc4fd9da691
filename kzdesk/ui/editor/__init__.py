"""The transcript editor: phrase model, undoable edits, autosave."""
