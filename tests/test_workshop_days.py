"""`workshop new --days`: a programme's days spread over weeks, and where their dates show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.content.loader import load_curriculum
from carecoop.render.agenda import agenda_days
from carecoop.render.meta import date_span, workshop_days
from carecoop.store.db import Store
from carecoop.workshop.schedule import build_agenda

runner = CliRunner()
SPREAD = "2027-01-12,2027-01-19,2027-02-02,2027-02-09,2027-02-16"
START = ["workshop", "new", "--programme", "start-carecoop", "--title", "Nablus founders", "--id", "nab"]


def test_days_are_stored_and_shown(carecoop_home: Path) -> None:
    result = runner.invoke(app, [*START, "--days", SPREAD.replace(",", ", ")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2] == (
        "  Date         2027-01-12, 2027-01-19, 2027-02-02, 2027-02-09, 2027-02-16, starting 09:00"
    )
    store = Store.open(carecoop_home)
    workshop = store.workshop("nab")
    store.close()
    assert (workshop.start_date, workshop.end_date) == ("2027-01-12", "2027-02-16")
    assert workshop.session_dates == SPREAD
    modules = load_curriculum().modules_of("start-carecoop")
    days = agenda_days(modules, "09:00", workshop.start_date, "en", dates=workshop.session_dates)
    assert [day.date_text for day in days] == [
        "January 12, 2027", "January 19, 2027", "February 2, 2027", "February 9, 2027", "February 16, 2027",
    ]  # fmt: skip
    assert workshop_days(workshop, 5) == [date.fromisoformat(d) for d in SPREAD.split(",")]
    assert date_span(workshop, "en", 5) == "January 12, 2027 – February 16, 2027"


def test_without_days_they_follow_one_another(carecoop_home: Path) -> None:
    result = runner.invoke(app, [*START, "--date", "2027-01-12"])
    assert result.exit_code == 0, result.output
    store = Store.open(carecoop_home)
    workshop = store.workshop("nab")
    store.close()
    assert (workshop.end_date, workshop.session_dates) == ("2027-01-16", "")
    assert workshop_days(workshop, 5)[-1] == date(2027, 1, 16)
    slots = build_agenda(load_curriculum().modules_of("start-carecoop"), first_date=date(2027, 1, 12))
    assert slots[-1].date == date(2027, 1, 16)


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (
            "2027-01-12,2027-01-19",
            "Start.CareCoop has 5 days: give 5 dates to --days, like "
            "2027-01-12,2027-01-19,2027-01-26,2027-02-02,2027-02-09 (2 given).",
        ),
        (
            "2027-01-12,2027-01-19,2027-01-19,2027-02-02,2027-02-09",
            "The days must be in order, each after the one before: 2027-01-19 is not after 2027-01-19.",
        ),
        (
            "2027-01-12,2027-01-19,2027-01-05,2027-02-02,2027-02-09",
            "The days must be in order, each after the one before: 2027-01-05 is not after 2027-01-19.",
        ),
        (
            "2027-01-12,19/01/2027,2027-01-26,2027-02-02,2027-02-09",
            "'19/01/2027' is not a date. Write it as year-month-day, like 2025-03-14.",
        ),
    ],
)
def test_bad_days_are_refused_with_how_many_and_in_what_order(days: str, message: str) -> None:
    result = runner.invoke(app, [*START, "--days", days])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"


def test_date_and_days_must_agree() -> None:
    result = runner.invoke(app, [*START, "--date", "2027-01-05", "--days", SPREAD])
    assert result.exit_code == 1
    assert result.stderr == "Error: --date 2027-01-05 is not the first of --days (2027-01-12).\n"
    one_day = ["workshop", "new", "--programme", "think-carecoop", "--title", "T", "--days", "2027-01-12"]
    assert runner.invoke(app, one_day).exit_code == 0
