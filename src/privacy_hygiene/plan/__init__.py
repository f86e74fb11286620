"""The personal action plan: built from the checklist state and recent site audits, exported as
text, Markdown, printable HTML, a JSON backup, calendar reminders and CSV.

:mod:`.model` holds the data, :mod:`.source` reads it from the store, the checklist and the rule
catalog, :mod:`.build` orders it, one ``to_<format>`` module per export (:data:`.exporters.EXPORTERS`
is the registry), :mod:`.atomic` writes files, :mod:`.backup` validates a JSON backup before
:func:`.source.restore` hands it to the store. Never imports Textual.
"""
