"""Data of the demo workshops, shipped in the wheel.

English lives in this folder; each other language in a sub-folder named by its code
(`es/`, `fr/`, `ar/`) holding the same five files: `start-workshop.yaml`,
`start-carecoop-answers.yaml`, `start-people.csv`, `think-workshop.yaml`,
`think-carecoop-answers.yaml` and `think-people.csv`.
"""

from pathlib import Path

#: The folder holding the English demo workshop files.
DEMO_DIR: Path = Path(__file__).resolve().parent
