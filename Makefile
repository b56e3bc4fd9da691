# The two commands a newcomer needs (README): `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench emulator clean

$(BIN)/activate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(BIN)/activate

run: $(BIN)/activate
	$(BIN)/kzdesk

test: $(BIN)/activate
	$(BIN)/ruff check kzdesk tests bench tools
	$(BIN)/ruff format --check kzdesk tests bench tools
	$(BIN)/python -m pytest -q -ra

bench: $(BIN)/activate
	$(BIN)/python bench/convert.py
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/gui_responsiveness.py

emulator: $(BIN)/activate
	$(BIN)/python -m tests.emulator --port 50051

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
