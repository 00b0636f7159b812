"""Data of the demo workshop: its set-up (start-workshop.yaml) and its answers, shipped in the wheel."""

from pathlib import Path

#: The folder holding the demo workshop files.
DEMO_DIR: Path = Path(__file__).resolve().parent
