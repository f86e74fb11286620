"""The personal action plan: built from the checklist state and recent site audits, exported as
text, Markdown, printable HTML, a JSON backup, calendar reminders and CSV.

:mod:`.model` holds the data, :mod:`.build` orders it, one ``to_<format>`` module per export and
:data:`.exporters.EXPORTERS` the registry; :mod:`.backup` validates and restores a JSON backup.
Never imports Textual.
"""
