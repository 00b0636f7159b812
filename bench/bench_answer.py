"""Time to record one answer, durably committed, printed as a ratio against the 10 ms target.

Each answer goes through what the runner does when a facilitator presses Enter: check the
value against its question, then one committed transaction (WAL, synchronous=FULL, so the
answer survives a power cut). The store lives in a folder next to this script rather than
in a RAM-backed temporary folder, so the disk's flush is part of the time.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

ANSWERS = 200
TARGET_MS = 10.0


def main() -> None:
    from carecoop.content.models import Question
    from carecoop.store.db import Store
    from carecoop.store.records import Workshop
    from carecoop.workshop.values import check_value

    question = Question.model_validate(
        {"id": "unpaid-care-hours", "prompt": "Hours?", "kind": "number", "scope": "participant",
         "minimum": 0, "maximum": 24}
    )  # fmt: skip
    with tempfile.TemporaryDirectory(dir=Path(__file__).resolve().parent) as folder:
        store = Store.open(Path(folder))
        workshop = Workshop(id="bench", programme="think-carecoop", title="Bench", start_date="2025-03-14")
        store.create_workshop(workshop)
        people = store.add_participants("bench", [f"Person {n}" for n in range(20)], "Group")
        times = []
        for number in range(ANSWERS):
            person = people[number % len(people)]
            start = time.perf_counter()
            value = check_value(question, str(number % 25))
            store.record_answer("bench", "tc1-who-cares", question.id, value, participant_id=person.id)
            times.append(time.perf_counter() - start)
        mode = store.connection.execute("PRAGMA journal_mode").fetchone()[0]
        sync = store.connection.execute("PRAGMA synchronous").fetchone()[0]
        store.close()
    median_ms = statistics.median(times) * 1000
    worst_ms = max(times) * 1000
    print(f"record one answer (median of {ANSWERS}, journal {mode}, synchronous {sync}): {median_ms:.2f} ms "
          f"(slowest {worst_ms:.1f} ms)")  # fmt: skip
    ratio = median_ms / TARGET_MS
    verdict = "OK" if ratio <= 1 else "OVER"
    print(f"  ratio to the {TARGET_MS:.0f} ms target {ratio:.2f} (target <= 1.00) {verdict}")


if __name__ == "__main__":
    main()
