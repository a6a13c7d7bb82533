"""The JSON Schema of the board format, for editors and other tools (``okrlint schema``).

Generated from the pydantic models in :mod:`okrlint.models`, whose field descriptions
and examples become the hover docs and completions of an editor. Only the ``schema``
command and the tests import this module: a lint run never builds the schema.

The committed copy is ``schemas/board.schema.json``; a test fails when it is stale
(``pytest --update-golden`` rewrites it).
"""

from __future__ import annotations

import json
from typing import Any

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Where the committed schema is served; editors fetch it from here.
SCHEMA_ID = "https://raw.githubusercontent.com/okrlint/okrlint/main/schemas/board.schema.json"
TITLE = "okrlint goal board"
DESCRIPTION = (
    "A goal board (format version 1): one team's OKRs and KPIs for one cycle, kept as "
    "YAML. Objectives are bets with key results that move a number from a baseline to a "
    "target; KPIs are vital signs with a threshold and no end. Lint with `okrlint check`."
)


def board_schema() -> dict[str, Any]:
    """The board format as a JSON Schema (draft 2020-12) dictionary."""
    from okrlint.models import Board

    generated = Board.model_json_schema(by_alias=True, mode="validation")
    generated.pop("title", None)
    generated.pop("description", None)
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": TITLE,
        "description": DESCRIPTION,
        **generated,
    }


def render_schema() -> str:
    """The schema as the text of ``schemas/board.schema.json`` (stable key order)."""
    return json.dumps(board_schema(), indent=2, ensure_ascii=False) + "\n"
