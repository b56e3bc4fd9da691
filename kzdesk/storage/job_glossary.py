"""A job's own glossary (``jobs.options["glossary"]``), changeable in any state.

Unlike the other choices of a job (JobQueue.update_options), the glossary also matters after
recognition — the editor suggests its terms — so it changes without forgetting any work.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence

from kzdesk.storage.db import Database


def set_job_glossary(db: Database, job_id: int, terms: Sequence[str]) -> None:
    """Store ``terms`` as the job's glossary (none: the key goes)."""
    with db.transaction() as conn:
        row = conn.execute("SELECT options FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise KeyError(f"no job {job_id}")
        options = json.loads(row["options"] or "{}")
        if terms:
            options["glossary"] = list(terms)
        else:
            options.pop("glossary", None)
        conn.execute(
            "UPDATE jobs SET options = ?, updated_at = ? WHERE id = ?",
            (json.dumps(options, ensure_ascii=False, sort_keys=True), time.time(), job_id),
        )
