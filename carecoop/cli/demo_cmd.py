"""`carecoop demo`: a complete sample workshop ending in every document, no prompts."""


import time
from pathlib import Path
from typing import Annotated

import typer

from carecoop.cli.common import console, handle_errors, real_console


def register(app: typer.Typer) -> None:
    """Add the `demo` command to the app."""
    app.command("demo")(demo)


@handle_errors
def demo(
    out: Annotated[
        Path, typer.Option("--out", metavar="DIR", help="Folder for the documents.")
    ] = Path("carecoop-demo"),
    lang: Annotated[
        str, typer.Option("--lang", metavar="LANG", help="Language of the demo (en, or one shipped).")
    ] = "en",
) -> None:
    """Run a complete fictional Start.CareCoop workshop and write every document into DIR."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from carecoop.demo import demo_dir, run_demo

    demo_dir(lang)  # refuse an unknown language before the progress bar takes the screen

    started = time.perf_counter()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=real_console(console),
        transient=True,
    ) as progress:
        task = progress.add_task("Starting", total=None)

        def on_step(label: str, number: int, total: int) -> None:
            progress.update(task, description=label, completed=number - 1, total=total)

        files = run_demo(out, on_step, lang)
        progress.update(task, completed=progress.tasks[0].total)
    table = Table(title=f"carecoop demo wrote {len(files)} files to {out}", title_justify="left")
    table.add_column("Document")
    table.add_column("File")
    table.add_column("Pages", justify="right")
    handouts = [f for f in files if f.document == "Handout"]
    if handouts:
        # One row for the handouts: a file per participant and module would fill the screen.
        pages = sum(f.pages or 0 for f in handouts)
        table.add_row("Handouts", f"{handouts[0].path.parent}/ ({len(handouts)} files)", str(pages))
    for file in files:
        if file.document != "Handout":
            table.add_row(file.document, str(file.path), "" if file.pages is None else str(file.pages))
    console.print(table)
    console.print(f"Done in {time.perf_counter() - started:.1f} s.")
