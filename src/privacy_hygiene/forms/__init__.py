"""Form intelligence: what each form is for, what each field asks, what is required and unneeded.

:func:`analyze_forms` is the one entry point; the audit's analyzers and the ``forms`` command use it.
"""

from privacy_hygiene.forms.analyze import analyze_forms

__all__ = ["analyze_forms"]
