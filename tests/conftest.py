from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The user's config folder holds the key file (never a data folder): a throw-away one for the
# whole run, so no test reads or writes the real user's key. Subprocesses inherit it.
_config_home = tempfile.mkdtemp(prefix="kzdesk-tests-config-")
os.environ["XDG_CONFIG_HOME"] = _config_home
atexit.register(shutil.rmtree, _config_home, True)

pytest_plugins = ["tests.emulator.fixtures"]
