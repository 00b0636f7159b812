"""The facilitator's screen at 80×24: a fixed header at every prompt, nothing scrolled away,
the review table once, the projector view, and numbers edited in the workshop's format."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from run_session import DOWN, Session, home, start, values

from carecoop.cli.run_screen import fit
from carecoop.store.db import Store
from carecoop.store.records import Workshop

pytestmark = pytest.mark.slow
__all__ = ["home"]

HEADER = "Tiny day · Module 1 · Tiny welcome (1 of 29)"


def small(home: Path, *args: str, **env: str) -> Session:
    return Session(home, *args, rows=24, columns=80, **env)


def on_screen(run: Session, prompt: str, *texts: str) -> str:
    """Wait for the next screen with a prompt, then check it shows each text; the screen.

    The screen before keeps its prompt line as it ends, so the clear comes first.
    """
    run.expect("\x1b[2J")
    run.expect(prompt)
    screen = run.screen()
    for text in texts:
        assert text in screen, f"{text!r} is not on the screen:\n{screen}"
    return screen


def to_the_menu(run: Session) -> None:
    """Page through what is shown above "What next?" (a closing longer than the screen)."""
    while run.child.expect_exact(["Enter: more", "Stop here for now"]) == 0:
        run.child.send("\r")
        run.expect("\x1b[2J")  # past the page's own prompt line, kept as it ends


def test_every_prompt_is_one_screen_under_the_header_and_the_table_is_shown_once(home: Path) -> None:
    run = small(home)
    on_screen(run, "Where do you want to start?", "Agenda", "▶   09:00  1    Tiny welcome", "… +21")
    run.child.send("\r")
    run.answer("Who is here?", "\r")
    screen = on_screen(run, "Enter: next step", HEADER, "Step 1 of 2", "Timer: ", "First step text.")
    assert "Objectives" in screen and "Chairs in a circle" in screen  # the card, above step 1
    assert "All 3 present." in screen
    run.child.send("\r")
    screen = on_screen(
        run, "Enter: finish the steps", HEADER, "Step 2 of 2", "A note only the facilitator sees."
    )
    assert "First step text." not in screen and "Objectives" not in screen  # redrawn, not scrolled
    run.child.send("\r")
    on_screen(run, "Amina (1 of 3)", HEADER, "Questions", "Timer: ", "How do you say hello?")
    run.child.send("Hello\r")
    on_screen(run, "Tendai (2 of 3)", HEADER, "✓ Saved · Amina: Hello", "How do you say hello?")
    run.child.send("-\r")
    run.answer("Rania (3 of 3)", "Salam\r")
    # The key messages and the review sit right above the menu, on one screen of 24 lines.
    screen = on_screen(
        run,
        "Stop here for now",
        HEADER,
        "✓ Saved · Rania: Salam",
        "Hello is a good start.",
        "Recorded in this activity",
    )
    assert "Hello" in screen and "(skipped)" in screen
    run.child.send(DOWN + "\r")  # Change an answer
    run.answer("How do you say hello? · Amina: Hello", "\r")
    on_screen(run, "Now: Hello", HEADER, "Changing an answer")
    run.child.send("\x15Hi\r")
    # Only what changed: the table is not printed again.
    screen = on_screen(run, "Stop here for now", HEADER, "✓ Changed · Amina: Hello → Hi")
    assert "Recorded in this activity" not in screen
    run.child.send(DOWN * 4 + "\r")
    run.expect("Stopped for now. Everything is saved.")
    assert run.end() == 0
    assert sum("Recorded in this activity" in screen for screen in run.screens()) == 1
    assert ("greeting", "Amina", "Hi") in values(home)


def test_without_colour_and_resized_the_header_and_timer_are_still_there_and_fit(home: Path) -> None:
    run = small(home, "--activity", "tiny-welcome", NO_COLOR="1")
    run.answer("Who is here?", "\r")
    on_screen(run, "Enter: next step", HEADER, "Step 1 of 2", "Timer: ")
    run.child.setwinsize(24, 40)
    # The header is drawn again at the new width, cut rather than wrapped.
    run.expect(fit(" " + HEADER, 40)[:-1])  # the last column is written after a cursor move
    run.child.send("\r")
    screen = on_screen(run, "Enter: finish the steps", "Step 2 of 2", "Timer: ")
    assert max(len(line.rstrip()) for line in screen.split("\n")) <= 40, f"wider than 40:\n{screen}"
    run.child.sendintr()
    run.expect("Stopped. Every answer given so far is saved.")
    assert run.end() == 130
    styles = [codes.split(";") for codes in re.findall(r"\x1b\[([0-9;]*)m", run.log.getvalue())]
    colours = [codes for codes in styles if {"34", "44", "41", "43", "97"} & set(codes)]
    assert not colours, f"colour with NO_COLOR: {colours}"
    assert ["0", "1", "7"] in styles, "the header does not stand out in bold reverse video"


def test_the_projector_view_shows_the_room_the_step_and_counts_never_notes_or_answers(home: Path) -> None:
    run = small(home, "--projector")
    start(run)
    screen = on_screen(run, "p: facilitator view", "STEP 1 OF 2", "First step text.", "[projector view]")
    assert "███" in screen  # the time left in big digits
    run.child.send("\r")
    screen = on_screen(run, "p: facilitator view", "STEP 2 OF 2", "Second step text.")
    assert "A note only the facilitator sees." not in screen
    run.child.send("p\r")  # the facilitator's own view, for a moment
    on_screen(run, "p: projector view", "A note only the facilitator sees.")
    run.child.send("p\r")
    screen = on_screen(run, "p: facilitator view", "Second step text.")
    assert "A note only the facilitator sees." not in screen
    run.child.send("\r")
    run.answer("Amina (1 of 3)", "Hello\r")
    screen = on_screen(run, "Tendai (2 of 3)", "✓ Saved · Amina")
    assert "Hello" not in screen.replace("How do you say hello?", "")
    run.child.send("Hi\r")
    run.answer("Rania (3 of 3)", "Salam\r")
    screen = on_screen(run, "Stop here for now", "Hello is a good start.")
    assert "Recorded in this activity" not in screen and "Salam" not in screen
    run.child.send("\r")  # the quiz
    run.answer("p: facilitator view", "\r")
    run.answer("Amina (1 of 3)", "1\r")
    run.answer("Tendai (2 of 3)", "2\r")
    run.answer("Rania (3 of 3)", "1\r")
    screen = on_screen(run, "Stop here for now", "How the room answered: What is a cooperative?", "Everyone")
    counts = screen[screen.index("How the room answered") :]
    assert "Amina" not in counts and "Tendai" not in counts and "Rania" not in counts
    run.child.send(DOWN * 4 + "\r")
    assert run.end() == 0
    assert [value for _, _, value in values(home)][:3] == ["Hello", "Hi", "Salam"]


def test_an_amount_edited_in_a_colombian_workshop_keeps_its_value(carecoop_home: Path) -> None:
    store = Store.open(carecoop_home)
    store.create_workshop(
        Workshop(id="ws", programme="think-carecoop", title="Tiny day", start_date="2025-03-14", country="co")
    )
    # A three-decimal amount, stored canonically: shown as 12.125 it would read back as 12125.
    store.record_answer("ws", "tiny-needs", "wage", "12.125")
    store.close()
    run = small(carecoop_home, "--activity", "tiny-needs")
    run.answer("Enter: finish the steps", "\r")
    run.answer("How many hours of care a day?", "4\r")  # no groups: asked once
    on_screen(run, "Which needs do we see?")
    run.child.send("childcare\r")
    run.answer("Item 2:", "\r")
    run.answer("Are we ready?", "s\r")  # sí
    run.answer("Row 1 · Who:", "Niños\r")
    run.answer("Row 1 · What:", "\r")
    run.answer("Row 2 · Who:", "\r")
    run.answer("(least) to 5 (most)", "4\r")
    run.answer("Space to tick", " \r")
    to_the_menu(run)
    run.child.send(DOWN + "\r")  # Change an answer
    run.answer("What is the minimum wage? · plenary: 12.125", DOWN + "\r")  # below the hours
    screen = on_screen(run, "Plenary:", "Now: 12.125")
    assert "Plenary:  (- to skip) 12,125" in screen  # the workshop's own way to write it
    run.child.send("\r")  # keep it
    on_screen(run, "Stop here for now", "✓ Changed · plenary: 12.125 → 12.125")
    run.child.send(DOWN * 4 + "\r")
    assert run.end() == 0
    assert ("wage", "plenary", "12.125") in values(carecoop_home)


def test_on_the_projector_a_multiple_choice_is_typed_as_hidden_numbers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Ticks in a checkbox list would show the room what each person chose.
    import io
    from types import SimpleNamespace

    from rich.console import Console

    from carecoop.cli.run_views import question_view
    from carecoop.cli.terminal_prompter import TerminalPrompter
    from carecoop.content.models import Question

    question = Question.model_validate({
        "id": "helpers", "prompt": "Who helps with care?", "kind": "multi-choice", "scope": "workshop",
        "max_items": 2,
        "choices": [{"id": "mothers", "label": "Mothers"}, {"id": "fathers", "label": "Fathers"},
                    {"id": "neighbours", "label": "Neighbours"}],
    })  # fmt: skip
    shown = io.StringIO()
    Console(file=shown, width=80).print(question_view(question, None, hidden=True))
    assert "  1  Mothers" in shown.getvalue() and "  3  Neighbours" in shown.getvalue()
    workshop = Workshop(id="ws", programme="think-carecoop", title="Tiny day", start_date="2025-03-14")
    prompter = TerminalPrompter(Console(file=io.StringIO()), workshop, projector=True)
    typed: list[str] = []
    asked: dict[str, object] = {}

    def text(message: str, body: object = None, **options: object) -> str:
        asked.update(options)
        validate = options["validate"]
        assert callable(validate)
        assert validate("4") == "Type the numbers of the answers, like 1,3"
        assert validate("1,2,3") is not True  # more than max_items
        return typed.pop(0)

    monkeypatch.setattr(prompter.screen, "text", text)
    request = SimpleNamespace(can_defer=False)
    typed.append("3, 1")
    assert prompter._ask_multi_hidden(question, "Amina:", request, None) == ["neighbours", "mothers"]  # type: ignore[arg-type]
    assert asked["secret"] is True  # typed behind stars on the projector


def test_every_prompt_shares_one_set_of_default_key_bindings() -> None:
    # Built once per run, not again for each of the Applications questionary makes per prompt.
    import questionary
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from carecoop.cli.shared_bindings import share_default_key_bindings

    share_default_key_bindings()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        text = questionary.text("Name:")
        menu = questionary.select("Which?", choices=["a", "b"])
        assert text.application._default_bindings is menu.application._default_bindings
        pipe.send_text("Amina\x7fa\r")  # editing keys still work through the shared set
        assert text.unsafe_ask() == "Amina"
        pipe.send_text("\x1b[B\r")
        assert menu.unsafe_ask() == "b"
