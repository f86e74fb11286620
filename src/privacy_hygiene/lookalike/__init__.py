"""Lookalike domains: does a host imitate a protected brand's domain, how, and how surely?

``Detector().check("аlipay.com")`` → a :class:`Verdict` naming ``alipay.com``, the technique
(``homoglyph``) and a score. Only the brands and lookalike data are loaded (no HTML or HTTP
libraries), so the ``domain`` command starts fast; indexes are built on first use and cached.
"""

from privacy_hygiene.lookalike.detect import Detector
from privacy_hygiene.lookalike.verdict import Verdict

__all__ = ["Detector", "Verdict"]
