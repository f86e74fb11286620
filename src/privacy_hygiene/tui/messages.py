"""Messages posted by workers (thread-safe ``post_message``) back to their screen.

Each carries the ``run`` number of the batch it belongs to, so a result that arrives after the
person cancelled (a thread cannot be stopped mid-request) is recognised and dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from privacy_hygiene.models import AuditReport


@dataclass
class AuditStarted(Message):
    """Target ``index`` of ``total`` is being audited."""

    run: int
    index: int
    total: int
    target: str


@dataclass
class AuditFinished(Message):
    """Target ``index`` of the batch has its report (which may carry an ``error``)."""

    run: int
    index: int
    report: AuditReport


@dataclass
class DataLoaded(Message):
    """A screen's engine data was read in a worker; ``payload`` is what the screen asked for."""

    payload: object
