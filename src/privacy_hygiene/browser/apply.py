"""``browser --apply``: write the checks' answers into the checklist store (source ``auto``).

The store and the checklist items (which name the browser checks they accept) are built on the
``checklist`` branch; until they are merged this raises a clear :class:`UsageError`.
"""

from __future__ import annotations

from privacy_hygiene.browser.report import ProfileReport
from privacy_hygiene.errors import UsageError
from privacy_hygiene.i18n import t


def apply_answers(reports: list[ProfileReport]) -> int:
    """Store each checklist item's automatic answer; returns how many answers were written."""
    raise UsageError(t("browser.apply_unavailable", "en"))
