from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The language kzdesk writes new speakers' names and export words in follows the system
# (LANGUAGE, LC_ALL, LANG): English here, whatever the developer's machine says; tests of
# other languages say so themselves.
os.environ["LANGUAGE"] = "en"

pytest_plugins = ["tests.emulator.fixtures"]
