# The two commands a newcomer needs (README): `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench bench-offline emulator clean bundle translations

$(BIN)/activate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(BIN)/activate

run: $(BIN)/activate
	$(BIN)/kzdesk

# mypy checks kzdesk/core, services, storage and export ([tool.mypy] in pyproject.toml).
test: $(BIN)/activate
	$(BIN)/ruff check kzdesk tests bench tools
	$(BIN)/ruff format --check kzdesk tests bench tools
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q -ra

bench: $(BIN)/activate
	$(BIN)/python bench/convert.py
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/gui_responsiveness.py
	$(BIN)/python bench/editor.py
	$(BIN)/python bench/editor_window.py

# The one-folder bundle dist/kzdesk/ (build.spec); `make bundle` builds it, its smoke test is
# tests/packaging/test_bundle.py (KZDESK_BUNDLE_DIR=dist/kzdesk reuses this build there).
bundle: $(BIN)/activate
	$(BIN)/python -m PyInstaller --noconfirm build.spec
	@du -sh dist/kzdesk

bench-offline: $(BIN)/activate
	$(BIN)/python bench/offline.py

# After changing user-visible strings: update the .ts files, translate, run again for the .qm.
translations: $(BIN)/activate
	$(BIN)/python tools/update_translations.py

emulator: $(BIN)/activate
	$(BIN)/python -m tests.emulator --port 50051

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
