"""A sample Think.CareCoop workshop for the document tests and the render bench."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import typer.main
import typer.testing

from carecoop.content.curriculum import Curriculum
from carecoop.store.db import Store
from carecoop.store.records import Workshop

NAMES = [
    "Amina Khalil", "Tendai Moyo", "Rania Odeh", "Lucía Pérez", "Grace Banda", "Nadia Haddad",
    "Rudo Chikore", "María Gómez", "Fatima Saleh", "Chipo Dube", "Leila Nasser", "Ana Rojas",
    "Ruth Phiri", "Salma Darwish", "Tariro Ncube", "Carmen Díaz", "Hiba Yassin", "Nyasha Sibanda",
    "Paula Vargas", "Mona Aziz", "Esther Mutasa", "Yasmin Farah", "Sofía Castro", "Patience Zulu",
    "Dina Mansour",
]  # fmt: skip
GROUPS = ["Sun", "Moon", "Star"]

HOSTILE = (
    '<img src="file:///etc/passwd"> <link rel=stylesheet href="http://example.com/x.css">'
    " <style>body{background:url(file:///etc/hostname)}</style> <b>bold?</b> "
    + "Averyveryverylongwordwithoutanyspace" * 4
)


def make_workshop(
    home: Path | None = None,
    *,
    workshop_id: str = "harare-2026",
    people: int = 8,
    language: str = "en",
    attendance: bool = True,
    hostile: bool = False,
) -> Store:
    """A workshop with people in three groups, attendance for tc-1 and tc-2, and answers."""
    store = Store.open(home)
    store.create_workshop(
        Workshop(
            id=workshop_id,
            programme="think-carecoop",
            title="Care cooperatives day" if language != "ar" else "يوم تعاونيات الرعاية",
            start_date="2026-03-14",
            facilitator="Joyce Mhlanga",
            location="Mbare community hall, Harare",
            language=language,
            care_support=(
                "A childminder (Mai Rudo) watches children in the side room from 08:45.\n"
                "Transport money for two participants who use wheelchairs."
            ),
        )
    )
    for index, name in enumerate(NAMES[:people]):
        store.add_participants(workshop_id, [name], group=GROUPS[index % len(GROUPS)])
    participants = store.participants(workshop_id)
    if not participants:
        return store
    if attendance:
        # Everyone at module 1; the last person missed module 2.
        store.set_attendance(workshop_id, "tc-1", {p.id: True for p in participants})
        store.set_attendance(workshop_id, "tc-2", {p.id: p.id != participants[-1].id for p in participants})
    first = participants[0]
    hours_answer = f"6 {HOSTILE}" if hostile else 6
    store.record_answer(
        workshop_id, "tc1-who-cares", "unpaid-care-hours", hours_answer, participant_id=first.id
    )
    store.record_answer(workshop_id, "tc1-five-r", "most-important-r", "reward", participant_id=first.id)
    store.record_answer(
        workshop_id,
        "tc1-care-needs-map",
        "care-needs-map",
        [
            {"Who needs care": "Small children", "What care": "Watching during market hours",
             "Who gives it now": "Grandmothers", "What is hard": "Grandmothers are tired"},
            {"Who needs care": "Old people", "What care": "Washing and meals",
             "Who gives it now": "Daughters", "What is hard": HOSTILE if hostile else "The clinic is far"},
        ],
        group="Sun",
    )  # fmt: skip
    store.record_answer(
        workshop_id,
        "tc2-what-we-could-do",
        "together-ideas",
        ["A shared childminder", "A savings box"],
        group="Sun",
    )
    store.record_answer(
        workshop_id, "tc2-fixing-it-together", "our-solution", "Take turns and write it down."
    )
    return store


def small_curriculum(*module_ids: str, extra_dirs: tuple[Path, ...] = ()) -> Curriculum:
    """The curriculum with only these modules: a document of a few modules renders fast.

    Use it where a test proves how a document is built, not how much paper a full day takes.
    """
    from carecoop.content.loader import load_curriculum

    curriculum = load_curriculum(extra_dirs)
    curriculum.sourced = [s for s in curriculum.sourced if s.module.id in module_ids]
    assert sorted(s.module.id for s in curriculum.sourced) == sorted(module_ids), module_ids
    return curriculum


def read_yaml_file(path: Path) -> Any:
    """A YAML file read as yaml.safe_load reads it, with libyaml's loader (~8 times faster)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a safe loader)


@contextmanager
def module_env(home: Path, parse_cache: Path) -> Iterator[None]:
    """The store folder and parse cache of `carecoop_home`, for a module-scoped fixture.

    pytest sets a module fixture up before the function-scoped autouse `carecoop_home`, so
    without this it would read and write the real user folder (the parse cache in ~/.cache).
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CARECOOP_HOME", str(home))
        patch.setenv("CARECOOP_CACHE", str(parse_cache))
        yield


def words_outside_margins(path: Path, margin: float) -> list[str]:
    """Words (from pdftotext -bbox) that reach closer than `margin` points to a page edge."""
    layout = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    )
    outside = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', layout.stdout, re.S):
        width, height = float(page[1]), float(page[2])
        for word in re.finditer(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page[3]
        ):
            x0, y0, x1, y1 = (float(v) for v in word.groups()[:4])
            if x0 < margin or y0 < margin or x1 > width - margin or y1 > height - margin:
                outside.append(word[5])
    return outside


def every_answerer(
    curriculum: Curriculum, programme: str, groups: dict[str, list[str]]
) -> list[tuple[str, str, str | None, str | None]]:
    """(activity, question, participant, group) for every question and answerer, in running order."""
    from carecoop.content.models import Scope

    people = [name for names in groups.values() for name in names]
    expected: list[tuple[str, str, str | None, str | None]] = []
    for _, activity in curriculum.activities_of(programme):
        for question in activity.questions:
            if question.scope is Scope.PARTICIPANT:
                expected += [(activity.id, question.id, name, None) for name in people]
            elif question.scope is Scope.GROUP:
                expected += [(activity.id, question.id, None, group) for group in groups]
            else:
                expected.append((activity.id, question.id, None, None))
    return expected


#: English function words that never appear in a Spanish, French or Arabic sentence; a
#: document in those languages that contains one still has English fixed text in it.
ENGLISH_MARKERS = frozenset(
    "the and of to is are be by with for from this that which will must should our your "
    "their each every when where who what how not yes month months year years member "
    "members group decided".split()
)


def english_leftovers(text: str, *, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The English marker words in a document's text (names and `allowed` excepted).

    Use it on text extracted from a Spanish, French or Arabic document: an empty list
    means no English fixed wording was found.
    """
    # Whole words only: "dieciséis" or "país" holds no English "is" or "pa".
    words = [word for word in re.findall(r"[^\W\d_]+", text) if word.isascii()]
    return sorted({word for word in words if word.lower() in ENGLISH_MARKERS} - allowed)


_commands: dict[typer.Typer, Any] = {}


def _command_of(app: typer.Typer) -> Any:
    """The click command of a typer app, built once per test process."""
    if app not in _commands:
        _commands[app] = typer.main.get_command(app)
    return _commands[app]


class CliRunner(typer.testing.CliRunner):
    """typer's CliRunner, but the app's click command is built once, not on every invoke.

    typer turns every command function into a click command each time it is invoked
    (reading ~40 signatures and their type hints, ~10 ms); the tests invoke the same app
    hundreds of times in each process. The click command keeps no state between runs:
    each run parses its arguments into a new context, as a new process would.
    """

    def invoke(self, app: typer.Typer, *args: Any, **kwargs: Any) -> typer.testing.Result:
        """Run the app's command as `typer.testing.CliRunner.invoke` does."""
        from unittest import mock

        with mock.patch.object(typer.testing, "_get_command", _command_of):
            return super().invoke(app, *args, **kwargs)


def carecoop_output(*args: str, code: int = 0) -> str:
    """What `carecoop ARGS` prints (stdout and stderr), asserting its exit code."""
    from carecoop.cli.app import app

    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


class HtmlOnly:
    """Stands in for the PDF renderer (patch `carecoop.render.engine.shared_renderer`).

    An export then writes the HTML WeasyPrint would lay out, as it is: for checks of text and
    logic the HTML already shows, where a PDF of the same document type is read elsewhere.
    """

    def pdf(self, html: str) -> bytes:
        return html.encode()


def html_words(html: str) -> str:
    """The words of an HTML document as a reader sees them, with those of its SVG pictures.

    Tags are dropped, entities read, runs of white space made one space; charts come as
    base64 SVG data (what WeasyPrint draws, text included), so their words are added.
    """
    import base64
    from html import unescape

    pictures = [
        base64.b64decode(data).decode("utf-8")
        for data in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)
    ]
    words = re.sub(r"<[^>]*>", " ", " ".join([html, *pictures]))
    return " ".join(unescape(words).split())
