"""Form intelligence: what each form is for, what each field asks, what is required and unneeded.

:func:`analyze_forms` is the one entry point; the audit's analyzers and the ``forms`` command use it.
Modules: :mod:`.dom` (the lxml tree), :mod:`.stream` (a form as a flat list), :mod:`.describe`
(field descriptions and label inference), :mod:`.kinds` (kind scoring and neighbour rules),
:mod:`.required`, :mod:`.purpose`, :mod:`.necessity` (what each purpose needs), :mod:`.lexicon`
(compiled heuristics).
"""

from privacy_hygiene.forms.analyze import analyze_forms

__all__ = ["analyze_forms"]
