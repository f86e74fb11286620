"""Every kind of file that may live in ``heuristics/``, and the schema that validates it.

A file that matches no pattern here is an error (a stray editor backup must not ship). Patterns
are relative POSIX paths; ``*`` matches one path segment. ``schema=None`` marks a plain-text list
(one entry per line, ``#`` comments, a header naming source, licence and date).
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase

import msgspec

from privacy_hygiene.catalog import schema
from privacy_hygiene.catalog.schemas import (
    brands,
    browser,
    checklist,
    connection,
    content,
    domains,
    forms,
    purposes,
    site_care,
    trackers,
    transport,
    trust,
)


@dataclass(frozen=True)
class FileKind:
    """A pattern of paths under ``heuristics/`` and the struct its files decode to."""

    pattern: str
    schema: type[msgspec.Struct] | None
    required: bool = False

    def matches(self, path: str) -> bool:
        if path.count("/") != self.pattern.count("/"):
            return False
        return fnmatchcase(path, self.pattern)


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("principles.toml", schema.PrinciplesFile, required=True),
    FileKind("scoring.toml", schema.ScoringFile, required=True),
    FileKind("transport.toml", transport.TransportFile, required=True),
    FileKind("site_care.toml", site_care.SiteCareFile),
    FileKind("connection.toml", connection.ConnectionFile),
    FileKind("forms.toml", forms.FormsFile),
    FileKind("purposes.toml", purposes.PurposesFile),
    FileKind("brands.toml", brands.BrandsFile),
    FileKind("lookalike.toml", brands.LookalikeFile),
    FileKind("confusables.txt", None),
    FileKind("common_words.txt", None),
    FileKind("domains.toml", domains.DomainsFile),
    FileKind("content/*.toml", content.ContentFile),
    FileKind("trackers.toml", trackers.TrackersFile),
    FileKind("trackers/*.txt", None),
    FileKind("trust.toml", trust.TrustFile),
    FileKind("checklist/setup.toml", checklist.SetupFile, required=True),
    FileKind("checklist/*.toml", checklist.ChecklistFile),
    FileKind("browser/*.toml", browser.BrowserFile),
)

#: files in heuristics/ that are documentation, not data
IGNORED = frozenset({"README.md"})


def kind_of(path: str) -> FileKind | None:
    """The file kind a relative path belongs to, or ``None`` if it is unknown."""
    for kind in FILE_KINDS:
        if kind.matches(path):
            return kind
    return None
