"""Plan fields described in words: the kind of each field, for FIELDS.md and the wizard."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from types import NoneType, UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import TypeAdapter

from carecoop.plan.field_paths import plan_field_paths
from carecoop.plan.kinds import Unit
from carecoop.plan.model import SECTION_TITLES, Plan, PlanModel

#: Slugified column names accepted for a row key they do not spell exactly.
#: Used only when the row has no key of the column's own name.
COLUMN_SYNONYMS: dict[str, str] = {
    "action": "step",
    "amount_per_month": "amount",
    "by_when": "when",
    "clients": "capacity",
    "contributions": "employer_contributions",
    "cost": "amount",
    "cost_per_unit": "variable_cost_per_unit",
    "deadline": "when",
    "description": "item",
    "employer_contributions_percent": "employer_contributions",
    "grace": "grace_months",
    "grace_period": "grace_months",
    "gross_wage": "monthly_wage",
    "how_many": "count",
    "interest": "interest_rate",
    "interest_rate_percent": "interest_rate",
    "member_category": "category",
    "members_count": "members",
    "mitigation": "response",
    "monthly_cost": "amount",
    "monthly_gross_wage": "monthly_wage",
    "monthly_salary": "monthly_wage",
    "number": "count",
    "number_of_members": "members",
    "people": "count",
    "price": "unit_price",
    "price_per_unit": "unit_price",
    "ramp_up": "ramp_up_months",
    "salary": "monthly_wage",
    "service_name": "name",
    "share_per_member": "share",
    "source": "lender",
    "term": "term_months",
    "units": "units_per_month",
    "variable_cost": "variable_cost_per_unit",
    "wage": "monthly_wage",
    "what": "step",
    "what_we_do": "response",
    "who_pays": "payer",
    "yearly_interest": "interest_rate",
}

#: Kinds a plan field can be; the wizard picks its prompt by kind.
FieldKind = Literal["text", "texts", "int", "number", "money", "percent", "choice", "choices", "bool", "rows"]


@dataclass(frozen=True)
class FieldInfo:
    """What one plan field holds."""

    path: str
    kind: FieldKind
    choices: tuple[str, ...] = ()
    row: type[PlanModel] | None = None
    hint: str = ""
    example: Any = None
    required: bool = False


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    """`X | None` → (X, True)."""
    if get_origin(annotation) in (Union, UnionType):
        args = [a for a in get_args(annotation) if a is not NoneType]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _unannotate(annotation: Any) -> tuple[Any, list[Any]]:
    """`Annotated[X, meta…]` → (X, [meta…])."""
    metadata: list[Any] = []
    while get_origin(annotation) is Annotated:
        args = get_args(annotation)
        annotation = args[0]
        metadata.extend(args[1:])
    return annotation, metadata


def _scalar_kind(annotation: Any, metadata: list[Any]) -> tuple[FieldKind, tuple[str, ...]]:
    if get_origin(annotation) is Literal:
        return "choice", tuple(str(a) for a in get_args(annotation))
    if annotation is bool:
        return "bool", ()
    if annotation is int:
        return "int", ()
    if annotation is Decimal:
        for meta in metadata:
            if isinstance(meta, Unit) and meta.name in ("money", "percent"):
                return ("money" if meta.name == "money" else "percent"), ()
        return "number", ()
    return "text", ()


def kind_of(annotation: Any, field_metadata: list[Any] | None = None) -> tuple[FieldKind, tuple[str, ...]]:
    """The kind of a field annotation and, for choices, the allowed ids."""
    bare, _ = _strip_optional(annotation)
    if get_origin(bare) is list:
        (item,) = get_args(bare)
        if isinstance(item, type) and issubclass(item, PlanModel):
            return "rows", ()
        inner, metadata = _unannotate(item)
        kind, choices = _scalar_kind(inner, metadata)
        return ("choices" if kind == "choice" else "texts"), choices
    inner, metadata = _unannotate(bare)
    return _scalar_kind(inner, metadata + list(field_metadata or []))


def field_adapter(model: type[PlanModel], name: str) -> TypeAdapter[Any]:
    """A validator for one field of a model, the constraints given to Field(ge=…) included."""
    model_field = model.model_fields[name]
    annotation: Any = model_field.annotation
    if model_field.metadata:
        annotation = Annotated[(annotation, *model_field.metadata)]
    return TypeAdapter(annotation)


def path_adapter(path: str) -> TypeAdapter[Any]:
    """A validator for the plan field at a dotted path."""
    model: Any = Plan
    *parents, name = path.split(".")
    for part in parents:
        model = model.model_fields[part].annotation
    return field_adapter(model, name)


def _model_field(path: str) -> Any:
    model: Any = Plan
    *parents, name = path.split(".")
    for part in parents:
        model = model.model_fields[part].annotation
    return model.model_fields[name]


def field_info(path: str) -> FieldInfo:
    """Everything the wizard and the reference need to know about one field path."""
    annotation = plan_field_paths()[path]
    field = _model_field(path)
    kind, choices = kind_of(annotation, list(field.metadata))
    row = None
    if kind == "rows":
        row = get_args(_strip_optional(annotation)[0])[0]
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    examples = extra.get("examples") or [None]
    assert isinstance(examples, list)
    return FieldInfo(path, kind, choices, row, field.description or "", examples[0], field.is_required())


def row_fields(row: type[PlanModel]) -> list[FieldInfo]:
    """The columns of a row model, in order."""
    found = []
    for name, field in row.model_fields.items():
        kind, choices = kind_of(field.annotation, list(field.metadata))
        found.append(FieldInfo(name, kind, choices, None, field.description or "", None, field.is_required()))
    return found


def section_fields(section: str) -> list[FieldInfo]:
    """The fields of one top-level section, in order."""
    return [field_info(p) for p in plan_field_paths() if p == section or p.startswith(f"{section}.")]


_KIND_WORDS: dict[str, str] = {
    "text": "text",
    "texts": "list of text",
    "int": "whole number",
    "number": "number",
    "money": "money",
    "percent": "percent (0-100)",
    "choice": "choice",
    "choices": "list of choices",
    "bool": "yes/no",
    "rows": "list of rows",
}


def kind_words(info: FieldInfo) -> str:
    """A field's type in words, with its choices."""
    words = _KIND_WORDS[info.kind]
    if info.choices:
        words += ": " + ", ".join(f"`{c}`" for c in info.choices)
    return words


def field_reference() -> str:
    """FIELDS.md: every valid plan_field path with its type and, for rows, the row keys."""
    lines = [
        "# Business plan fields",
        "",
        "Generated by `carecoop.plan.fields.field_reference()`; a test keeps it in step with",
        "`carecoop/plan/model.py`. A module question fills a plan field by naming its dotted path",
        "in `plan_field`. Lists are addressed without an index: a `list` or `table` question fills the",
        "whole list.",
        "",
        "How answers map onto fields (`carecoop.plan.answers.plan_from_answers`):",
        "",
        "- text and list-of-text fields take `short-text`, `long-text` and `list` answers (a list",
        "  answer put into a text field is joined with new lines; a text answer put into a list",
        "  field is split into items, one per line or separated by `;`);",
        "- whole number, number, money and percent fields take `number` and `money` answers",
        "  (read when they were recorded, as the workshop's locale writes figures: `1,200` is",
        "  1200 in English, `1.200,50` is 1200.50 in Colombia); yes/no fields take `yes-no` answers;",
        "- choice fields take `choice` answers: use the ids below as the question's choice ids",
        "  (case, spaces and underscores are forgiven: `Public contract` is `public-contract`);",
        "- list-of-rows fields take `table` answers. Each column name is slugified into a row key",
        "  (lower case, every run of other characters becomes `_`, trimmed): \"Monthly wage\" →",
        "  `monthly_wage`, \"Employer contributions %\" → `employer_contributions`. Name the columns",
        "  so that they slugify to the row keys below; a few common synonyms are also accepted",
        "  (listed under the row). Columns that match no key are ignored, and a row missing a",
        "  required key (marked *) is left out.",
        "- bylaws decisions are plan fields too: `plan_field: bylaws.board_size`.",
        "",
        "Money is in the plan's currency (`financial.currency`, by default the country profile's).",
        "",
    ]
    for section, title in SECTION_TITLES.items():
        lines += [f"## {title} (`{section}`)", "", "| path | type | hint |", "| --- | --- | --- |"]
        rows: list[FieldInfo] = []
        for info in section_fields(section):
            hint = re.sub(r"\s+", " ", info.hint).replace("|", "/")
            lines.append(f"| `{info.path}` | {kind_words(info)} | {hint} |")
            if info.row is not None:
                rows.append(info)
        lines.append("")
        for info in rows:
            assert info.row is not None
            lines += [f"Row keys of `{info.path}`:", ""]
            for column in row_fields(info.row):
                mark = "*" if column.required else ""
                hint = f" — {column.hint}" if column.hint else ""
                lines.append(f"- `{column.path}`{mark}: {kind_words(column)}{hint}")
            synonyms = {k: v for k, v in COLUMN_SYNONYMS.items() if v in info.row.model_fields}
            if synonyms:
                listed = ", ".join(f"`{k}` → `{v}`" for k, v in sorted(synonyms.items()))
                lines.append(f"- synonyms: {listed}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
