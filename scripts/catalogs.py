"""Keep the interface's gettext catalogs in step with the code.

    .venv/bin/python scripts/catalogs.py update    # extract, update every .po, compile every .mo
    .venv/bin/python scripts/catalogs.py compile   # only compile .po → .mo (after translating)
    .venv/bin/python scripts/catalogs.py check     # exit 1 when the .pot, a .po or a .mo is stale

`update` re-extracts `carecoop/locale/carecoop.pot` from the code (what `pybabel extract
-F babel.cfg -o carecoop/locale/carecoop.pot carecoop` finds: `_`, `N_`, `ngettext`,
`pgettext`), adds new messages to each language's `.po` with an empty translation, drops
messages the code no longer has, fills the English catalog with the English itself and
compiles the `.mo` files. Then translate the empty entries of es, fr and ar (a test lists
them) and run `compile`.

Line numbers are left out of the files on purpose: moving code must not change catalogs.
The `.mo` files are committed, so a fresh clone, an editable install and the wheel all
have them without a build step; `tests/test_i18n_catalogs.py` fails when one is stale.
"""

from __future__ import annotations

import copy
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "carecoop"
LOCALE = PACKAGE / "locale"
POT = LOCALE / "carecoop.pot"
LANGUAGES = ("en", "es", "fr", "ar")
#: GNU gettext's plural rules (Arabic has six forms); written into each catalog's header.
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
        ": n%100>=11 ? 4 : 5);"
    ),
}
#: Fixed dates keep the files byte-stable from one run to the next.
FIXED_DATE = datetime(2026, 12, 3, tzinfo=UTC)
COMMENT_TAGS = ["TRANSLATORS:"]


def po_path(language: str) -> Path:
    """Where a language's catalog lives."""
    return LOCALE / language / "LC_MESSAGES" / "carecoop.po"


def extract() -> Catalog:
    """Every marked message in the code, as babel.cfg tells pybabel to find them."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    catalog = Catalog(
        project="carecoop", charset="utf-8",
        header_comment="# The carecoop interface: messages to translate.",
        creation_date=FIXED_DATE, revision_date=FIXED_DATE, fuzzy=False,
    )
    found = extract_from_dir(
        str(ROOT), method_map, options_map, comment_tags=COMMENT_TAGS, strip_comment_tags=True
    )
    for filename, _lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, None)], auto_comments=comments, context=context)
    return catalog


def _dump_po(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=False, include_lineno=False)
    return buffer.getvalue()


def dump_mo(catalog: Catalog) -> bytes:
    """The compiled catalog (fuzzy entries left out, as gettext would)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def read(path: Path, language: str | None = None) -> Catalog:
    """A .po or .pot file."""
    with path.open("rb") as handle:
        return read_po(handle, locale=language, charset="utf-8")


def updated(language: str, template: Catalog) -> Catalog:
    """A language's catalog with exactly the template's messages, its translations kept."""
    path = po_path(language)
    if path.exists():
        catalog = read(path, language)
    else:
        catalog = Catalog(
            locale=language, project="carecoop", charset="utf-8", fuzzy=False,
            header_comment=f"# The carecoop interface in {language}: see scripts/catalogs.py.",
        )
    catalog.creation_date = FIXED_DATE
    catalog.revision_date = FIXED_DATE
    catalog.language_team = "carecoop <" + language + "@li.org>"
    catalog.last_translator = "carecoop"
    # update() adopts the template's own Message objects: give each language its own copy.
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS[language])]
    catalog.fuzzy = False
    if language == "en":
        for message in catalog:
            if message.id:
                message.string = message.id
    return catalog


def update() -> None:
    """Extract, update every .po, compile every .mo."""
    template = extract()
    LOCALE.mkdir(parents=True, exist_ok=True)
    POT.write_bytes(_dump_po(template))
    for language in LANGUAGES:
        catalog = updated(language, template)
        po_path(language).parent.mkdir(parents=True, exist_ok=True)
        po_path(language).write_bytes(_dump_po(catalog))
    compile_all()
    for language in LANGUAGES:
        missing = untranslated(read(po_path(language), language))
        if missing and language != "en":
            where = po_path(language).relative_to(ROOT)
            print(f"{language}: {len(missing)} messages to translate in {where}")


def compile_all() -> None:
    """Write each language's .mo from its .po."""
    for language in LANGUAGES:
        catalog = read(po_path(language), language)
        po_path(language).with_suffix(".mo").write_bytes(dump_mo(catalog))


def untranslated(catalog: Catalog) -> list[str]:
    """The ids of messages with no translation (or a fuzzy one) in a catalog."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def check() -> list[str]:
    """What is stale: the .pot against the code, each .po against the .pot, each .mo against its .po."""
    problems = []
    template = extract()
    if not POT.exists() or _dump_po(template) != POT.read_bytes():
        problems.append(f"{POT.relative_to(ROOT)} is not what the code marks")
    for language in LANGUAGES:
        path = po_path(language)
        if not path.exists():
            problems.append(f"{path.relative_to(ROOT)} is missing")
            continue
        if _dump_po(updated(language, template)) != path.read_bytes():
            problems.append(f"{path.relative_to(ROOT)} does not have exactly the messages of the code")
        mo = path.with_suffix(".mo")
        if not mo.exists() or dump_mo(read(path, language)) != mo.read_bytes():
            problems.append(f"{mo.relative_to(ROOT)} is not compiled from {path.name}")
    return problems


def main(argv: list[str]) -> int:
    """The command line of this script."""
    match argv:
        case ["update"]:
            update()
        case ["compile"]:
            compile_all()
        case ["check"]:
            problems = check()
            for problem in problems:
                print(problem)
            if problems:
                print("Run: .venv/bin/python scripts/catalogs.py update")
                return 1
        case _:
            print(__doc__)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
