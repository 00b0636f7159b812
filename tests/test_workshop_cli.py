from __future__ import annotations

import json
import os
import socket
from datetime import date
from pathlib import Path

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.content.loader import load_curriculum
from carecoop.store.db import Store
from carecoop.store.workshops import now

runner = CliRunner()
TINY = Path(__file__).parent / "fixtures" / "run-module"


def ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def error(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 1, result.output
    return result.stderr


NEW = ["workshop", "new", "--programme", "think-carecoop"]


def test_workshop_new_prints_the_workshop_and_what_to_do_next() -> None:
    output = ok(
        *NEW, "--title", "Care day in Bogotá!", "--date", "2025-03-14", "--facilitator", "Rudo",
        "--location", "Bogotá", "--lang", "es", "--country", "CO", "--care-support", "A childminder",
        "--day-start", "08:30",
    )  # fmt: skip
    # A Spanish workshop is announced in Spanish from its first line.
    assert output == (
        "Taller creado care-day-in-bogota-2025-03-14: Care day in Bogotá!\n"
        "  Programa          Think.CareCoop (think-carecoop)\n"
        "  Fecha             2025-03-14, desde las 08:30\n"
        "  Facilitador/a     Rudo\n"
        "  Lugar             Bogotá\n"
        "  Idioma            es\n"
        "  País              co\n"
        "  Apoyo de cuidados A childminder\n"
        "Ahora agregue a las personas participantes, grupo por grupo:\n"
        '  carecoop participants add care-day-in-bogota-2025-03-14 "Nombre Uno" "Nombre Dos"'
        ' --group "Grupo A"\n'
        "Después dirija el taller:\n"
        "  carecoop run care-day-in-bogota-2025-03-14\n"
    )
    again = ok(*NEW, "--title", "Care day in Bogotá!", "--date", "2025-03-14")
    assert again.splitlines()[0] == "Created workshop care-day-in-bogota-2025-03-14-2: Care day in Bogotá!"


def test_workshop_new_defaults(carecoop_home: Path) -> None:
    today = date.today().isoformat()
    assert ok(*NEW, "--title", "مرحبا").splitlines()[:3] == [
        f"Created workshop workshop-{today}: مرحبا",
        "  Programme    Think.CareCoop (think-carecoop)",
        f"  Date         {today}, starting 09:00",
    ]
    home = ["--home", str(carecoop_home / "other")]
    output = ok(
        *home, "workshop", "new", "--programme", "start-carecoop", "--title", "Core group", "--id", "core"
    )
    assert f"  carecoop --home {carecoop_home / 'other'} run core" in output.splitlines()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--programme", "think"], "Unknown programme 'think'. Use one of: think-carecoop, start-carecoop."),
        (
            ["--date", "14/03/2025"],
            "'14/03/2025' is not a date. Write it as year-month-day, like 2025-03-14.",
        ),
        (
            ["--date", "2025-02-30"],
            "'2025-02-30' is not a date. Write it as year-month-day, like 2025-03-14.",
        ),
        (["--lang", "english"], "'english' is not a language code. Use a code like en, fr, es, ar or es-CO."),
        (["--lang", "xx"], "'xx' is not a language code. Use a code like en, fr, es, ar or es-CO."),
        (["--day-start", "9am"], "'9am' is not a time of day. Write it as hours:minutes, like 09:00."),
        (
            ["--id", "Bad Id"],
            "'Bad Id' cannot be a workshop id: use lowercase letters, digits and hyphens, "
            "like harare-2025-03-14.",
        ),
        (["--title", " "], "The title cannot be empty."),
    ],
)
def test_workshop_new_refuses_bad_input(args: list[str], message: str) -> None:
    options = {
        "--programme": "think-carecoop",
        "--title": "T",
        **dict(zip(args[::2], args[1::2], strict=True)),
    }
    flat = [part for pair in options.items() for part in pair]
    assert error("workshop", "new", *flat) == f"Error: {message}\n"


def test_a_workshop_id_is_used_once() -> None:
    ok(*NEW, "--title", "T", "--id", "ws")
    assert (
        error(*NEW, "--title", "T", "--id", "ws")
        == "Error: A workshop 'ws' exists already. Choose another --id.\n"
    )


@pytest.fixture
def ws() -> str:
    ok(*NEW, "--title", "Harare care day", "--id", "ws", "--date", "2025-03-14", "--facilitator", "Rudo")
    return "ws"


def test_participants_add_and_list(ws: str) -> None:
    assert ok("participants", "add", ws, "Amina", "Tendai  Moyo", "--group", "Sun") == (
        "Added 2 participants to ws in group Sun: Amina, Tendai Moyo\n"
    )
    assert ok("participants", "add", ws, "Rania") == "Added 1 participant to ws: Rania\n"
    assert ok("participants", "add", ws, "amina", "Rania", "--group", "Moon") == (
        "Already in ws (now in group Moon): Amina, Rania\n"
    )
    assert ok("participants", "add", ws, "Rania") == "Already in ws (nothing changed): Rania\n"
    assert error("participants", "add", ws, " ") == "Error: A participant's name cannot be empty.\n"
    assert error("participants", "add", "nope", "X") == ("Error: No workshop 'nope'. Known workshops: ws.\n")
    assert ok(
        "participants", "add", ws, "Amina", "--sex", "F", "--age-band", "31", "--role", "care worker",
        "--disability", "no", "--consent",
    ) == "Already in ws (profile updated): Amina\n"  # fmt: skip
    assert ok("participants", "add", ws, "Rania", "--sex", "prefer not to say", "--age-band", "65+") == (
        "Already in ws (profile updated): Rania\n"
    )
    assert error("participants", "add", ws, "Zodwa", "--sex", "q") == (
        "Error: 'q' is not a sex. Use one of: female, male, other, prefer-not-to-say.\n"
    )
    assert ok("participants", "list", ws) == (
        "Participants of ws\n"
        "                                                                \n"
        " #   Name          Group   Sex   Age     Role    Dis.   Consent \n"
        " ────────────────────────────────────────────────────────────── \n"
        " 1   Amina         Moon    F     25-34   carer   no     yes     \n"
        " 2   Tendai Moyo   Sun                                  no      \n"
        " 3   Rania         Moon    n/s   65+                    no      \n"
        "                                                                \n"
        "1 of 3 consent to be counted in reports.\n"
        "F female, M male, n/s prefer not to say, Dis. disability (Washington Group short set).\n"
    )
    blank = {"sex": None, "age_band": None, "role": None, "disability": None, "consent": False}
    assert json.loads(ok("participants", "list", ws, "--json")) == [
        {"name": "Amina", "group": "Moon", "sex": "female", "age_band": "25-34", "role": "care-worker",
         "disability": "no", "consent": True},
        {"name": "Tendai Moyo", "group": "Sun", **blank},
        {"name": "Rania", "group": "Moon", **blank, "sex": "prefer-not-to-say", "age_band": "65-plus"},
    ]


def test_empty_lists_say_what_to_do() -> None:
    assert ok("workshop", "list") == (
        "No workshops yet. Create one with:\n"
        '  carecoop workshop new --programme think-carecoop --title "My first workshop"\n'
    )
    assert ok("workshop", "list", "--json") == "[]\n"
    ok(*NEW, "--title", "T", "--id", "ws")
    assert ok("participants", "list", "ws") == (
        "No participants in ws yet. Add them with:\n  carecoop participants add ws NAME... [--group G]\n"
    )
    assert ok("participants", "list", "ws", "--json") == "[]\n"
    assert ok("answers", "ws") == "No answers recorded in ws yet. Record them with: carecoop run ws\n"
    assert ok("answers", "ws", "--json") == '{\n  "answers": []\n}\n'
    assert error("workshop", "show", "nope") == "Error: No workshop 'nope'. Known workshops: ws.\n"


def test_workshop_list_and_show(ws: str, tmp_path: Path) -> None:
    ok("participants", "add", ws, "Amina", "Tendai", "--group", "Sun")
    ok("participants", "add", ws, "Rania")
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "answers:\n"
        "  - {activity: tiny-welcome, question: greeting, participant: Amina, value: Hello}\n"
        "  - {activity: tiny-welcome, question: greeting, participant: Tendai, value: Hi}\n"
        "  - {activity: tiny-welcome, question: greeting, participant: Rania, value: null}\n",
        encoding="utf-8",
    )
    ok("--modules", str(TINY), "run", ws, "--answers", str(answers))
    total = len(load_curriculum([TINY]).activities_of("think-carecoop"))
    assert ok("--modules", str(TINY), "workshop", "show", ws) == (
        "Harare care day  [ws]\n"
        "  Programme    Think.CareCoop (think-carecoop)\n"
        "  Date         2025-03-14, starting 09:00\n"
        "  Facilitator  Rudo\n"
        "  Language     en\n"
        "Participants (3)\n"
        "  Group Sun: Amina, Tendai\n"
        "  No group: Rania\n"
        "Progress\n"
        f"  Activities done  1 of {total}\n"
        "  Answers          2 (1 skipped)\n"
        f"Next: carecoop --modules {TINY} run ws\n"
    )
    listed = json.loads(ok("--modules", str(TINY), "workshop", "list", "--json"))
    assert listed[0] | {"created_at": ""} == {
        "id": "ws", "programme": "think-carecoop", "title": "Harare care day", "start_date": "2025-03-14",
        "end_date": None, "day_start": "09:00", "facilitator": "Rudo", "location": "", "language": "en",
        "country": "generic", "care_support": "", "created_at": "", "session_dates": "", "participants": 3,
        "groups": ["Sun"], "activities_done": 1, "activities_total": total, "answers": 2,
    }  # fmt: skip
    table = ok("--modules", str(TINY), "workshop", "list")
    assert table.splitlines()[4].split() == [
        "ws",
        "2025-03-14",
        "Harare",
        "care",
        "day",
        "3",
        f"1/{total}",
        "2",
    ]


def test_answers_table(ws: str, tmp_path: Path) -> None:
    ok("participants", "add", ws, "Amina", "--group", "Sun")
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "answers:\n"
        "  - {activity: tc1-knowledge-before, question: what-is-a-cooperative, participant: Amina,"
        " value: one-owner}\n"
        "  - {activity: tiny-needs, question: needs, value: [childcare, elder care]}\n"
        "  - {activity: tiny-needs, question: map, group: Sun, value: [{Who: kids, What: meals}]}\n",
        encoding="utf-8",
    )
    ok("--modules", str(TINY), "run", ws, "--answers", str(answers))
    lines = [line.rstrip() for line in ok("--modules", str(TINY), "answers", ws).splitlines()]
    assert lines == [
        "Tiny quiz [tc1-knowledge-before]",
        "┏━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Question               ┃ Who   ┃ Answer                     ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩",
        "│ What is a cooperative? │ Amina │ A business one person owns │",
        "└────────────────────────┴───────┴────────────────────────────┘",
        "Tiny needs [tiny-needs]",
        "┏━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Question               ┃ Who       ┃ Answer                  ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━┩",
        "│ Which needs do we see? │ plenary   │ • childcare             │",
        "│                        │           │ • elder care            │",
        "├────────────────────────┼───────────┼─────────────────────────┤",
        "│ Our map                │ group Sun │ Who: kids | What: meals │",
        "└────────────────────────┴───────────┴─────────────────────────┘",
    ]
    ok("--modules", str(TINY), "run", ws, "--answers", str(answers))
    history = ok("--modules", str(TINY), "answers", ws, "--history").splitlines()
    assert [cell.strip() for cell in history[2].split("┃")[1:-1]] == [
        "Question",
        "Who",
        "Answer",
        "Recorded (UTC)",
    ]
    assert "A business one person owns  (earlier" in history[4]


def test_run_without_a_terminal_names_the_answers_file(ws: str) -> None:
    result = runner.invoke(app, ["run", ws])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: carecoop run needs a terminal to ask its questions; without one, record answers from a file: "
        "carecoop run ws --answers FILE\n"
    )


def test_run_refuses_a_workshop_open_elsewhere(ws: str, tmp_path: Path) -> None:
    store = Store.open()
    taken = now()  # process 1 started before: its id was not reused since
    with store.transaction() as db:
        db.execute(
            "INSERT INTO locks (workshop_id, pid, host, started_at) VALUES ('ws', 1, ?, ?)",
            (socket.gethostname(), taken),
        )
    answers = tmp_path / "a.yaml"
    answers.write_text("answers: []\n", encoding="utf-8")
    assert os.getpid() != 1
    assert error("run", ws, "--answers", str(answers)) == (
        f"Error: Workshop 'ws' is open in another carecoop (process 1 on {socket.gethostname()}, "
        f"since {taken[:16]}). Close it there first.\n"
    )


def test_run_options(ws: str, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("answers: []\n", encoding="utf-8")
    assert error("run", ws, "--answers", str(answers), "--activity", "x") == (
        "Error: give --activity or --answers, not both.\n"
    )
    assert ok("run", ws, "--answers", str(answers)) == f"Recorded 0 answers from {answers} in ws.\n"
    assert error("run", "nope") == "Error: No workshop 'nope'. Known workshops: ws.\n"
