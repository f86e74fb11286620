"""The audit engine: load or fetch a page, run the analyzers, score the findings.

Public entry points: :func:`privacy_hygiene.engine.audit.audit_target` for one target and
:func:`privacy_hygiene.engine.audit.audit_many` for several (input order kept).
"""
