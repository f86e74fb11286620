"""The checklist items as CSV (id, principle, title, state, due) for spreadsheets.

Cells that a spreadsheet would read as a formula (starting with ``= + - @``, tab or CR) are
prefixed with an apostrophe, the usual CSV-injection guard.
"""

from __future__ import annotations

import csv
import io

from privacy_hygiene.i18n import t
from privacy_hygiene.plan.model import Plan
from privacy_hygiene.plan.wording import day
from privacy_hygiene.sanitize import one_line

COLUMNS = ("id", "principle", "title", "state", "due")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """A cell value that no spreadsheet treats as a formula."""
    value = one_line(value, 1000)
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(plan: Plan) -> str:
    """One row per applicable item, in checklist order; a header row in the plan's language.

    ``state`` is the machine name (``pass``, ``fail``...) so a sheet can filter on it; the header row
    names the columns in the plan's language. A UTF-8 byte-order mark leads, without which Excel
    reads Chinese text as mojibake.
    """
    lang = plan.lang
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([t(f"plan.csv_{column}", lang) for column in COLUMNS])
    for item in plan.items:
        writer.writerow(
            [
                cell(item.id),
                item.principle,
                cell(item.title),
                item.state,
                day(item.due) if item.due else "",
            ]
        )
    return buffer.getvalue()
