"""The plan as JSON: a full backup that ``privacy-hygiene import`` restores.

The document carries a format marker and a schema version (an importer refuses versions newer than
it knows), the store's state (intake answers, checklist answers with their history, site audits), a
summary of the audits, and the plan itself as it was when exported.
"""

from __future__ import annotations

import json
from typing import Any

from privacy_hygiene import __version__
from privacy_hygiene.errors import ExportError
from privacy_hygiene.plan.model import Plan

BACKUP_FORMAT = "privacy-hygiene-backup"
#: bump when the layout of ``state`` changes; older versions are read, newer ones refused
BACKUP_SCHEMA_VERSION = 1


def backup_document(plan: Plan) -> dict[str, Any]:
    """The backup as a JSON-ready dict (the plan must carry the store's state)."""
    if plan.state is None:
        raise ExportError("this plan was built without the stored state; a backup needs it")
    return {
        "format": BACKUP_FORMAT,
        "schema_version": BACKUP_SCHEMA_VERSION,
        "app_version": __version__,
        "exported_at": plan.generated_at.isoformat(),
        "include_details": plan.include_details,
        "state": dict(plan.state),
        "audits_summary": [
            {
                "target": site.target,
                "url": site.url,
                "audited_at": site.audited_at.isoformat(),
                "grade": site.grade,
                "score": site.score,
                "scam_level": site.scam_level,
                "serious_findings": len(site.findings),
            }
            for site in plan.sites
        ],
        "plan": plan.to_json(),
    }


def to_json(plan: Plan) -> str:
    """The backup as UTF-8 JSON text (not ASCII-escaped, keys in a stable order)."""
    return json.dumps(backup_document(plan), ensure_ascii=False, indent=2) + "\n"
