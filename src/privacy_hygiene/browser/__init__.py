"""The browser companion: read the person's own browser settings and saved-login sites, read-only.

Principles 1, 2, 4, 6, 7, 8 and 10 ask about browser settings (saved passwords, clear on exit,
telemetry, private browsing...) that can be read instead of asked. Layers:

* :mod:`discovery` finds profiles (Firefox roots and forks, the Chromium family, per platform);
* :mod:`settings` reads prefs.js/user.js (:mod:`prefsjs`, never evaluated), Preferences and Local
  State, and :mod:`policies`, resolving absent keys to the browser's default (``heuristics/browser``);
* :mod:`checks` turns settings into pass/partial/fail with evidence and confidence;
* :mod:`logins` lists saved-login sites (origins, counts, last use — never usernames or passwords)
  from copies of the stores (:mod:`sqlite_copy`), checked by :mod:`sites`;
* :mod:`report` puts it together per profile.

Nothing is ever written into a profile.
"""

from __future__ import annotations

from privacy_hygiene.browser.discovery import Environment, discover, profiles_at
from privacy_hygiene.browser.model import CheckResult, Profile
from privacy_hygiene.browser.report import ProfileReport, inspect_all, inspect_profile

__all__ = [
    "CheckResult",
    "Environment",
    "Profile",
    "ProfileReport",
    "discover",
    "inspect_all",
    "inspect_profile",
    "profiles_at",
]
