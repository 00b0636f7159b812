"""Data of the demo workshops, shipped in the wheel.

English lives in this folder; each other language in a sub-folder named by its code
(`es/`, `fr/`, `ar/`) holding the same five files: `start-workshop.yaml`,
`start-carecoop-answers.yaml`, `start-people.csv`, `think-workshop.yaml`,
`think-carecoop-answers.yaml` and `think-people.csv`.
"""

from pathlib import Path

from carecoop.errors import UserError

#: The folder holding the English demo workshop files.
DEMO_DIR: Path = Path(__file__).resolve().parent


def demo_languages() -> list[str]:
    """English and every language with a demo folder."""
    return ["en", *sorted(p.name for p in DEMO_DIR.iterdir() if (p / "start-workshop.yaml").is_file())]


def demo_dir(language: str) -> Path:
    """The folder of the demo in a language; a UserError naming the demo languages otherwise."""
    if language == "en":
        return DEMO_DIR
    if language not in demo_languages():
        shown = language if len(language) <= 20 and language.isprintable() else "that language"
        raise UserError(f"No demo in '{shown}'. Demo languages: {', '.join(demo_languages())}.")
    return DEMO_DIR / language
