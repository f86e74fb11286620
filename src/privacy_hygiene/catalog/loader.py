"""Load and validate ``heuristics/``: each file decoded by its schema, once, on first use.

Files are loaded lazily (``domain`` must start fast and needs only the brands); :meth:`Catalog.validate`
loads everything and runs the cross-file checks (unknown files, duplicate ids, dangling principles).
"""

from __future__ import annotations

import functools
import re
import threading
import tomllib
from collections.abc import Iterator
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

import msgspec

from privacy_hygiene.catalog.registry import IGNORED, kind_of
from privacy_hygiene.catalog.schema import Principle, PrinciplesFile, RuleDef, ScoringFile
from privacy_hygiene.errors import HeuristicsError
from privacy_hygiene.paths import heuristics_root

S = TypeVar("S", bound=msgspec.Struct)

_MSGSPEC_PATH = re.compile(r"^(?P<message>.*?)(?: - at `(?P<path>[^`]*)`)?$", re.DOTALL)


def _walk(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            if entry.name == "__pycache__":
                continue
            yield from _walk(entry, name + "/")
        else:
            yield name, entry


class Catalog:
    """The heuristics data under ``root`` (default: :func:`privacy_hygiene.paths.heuristics_root`)."""

    def __init__(self, root: Traversable | None = None) -> None:
        self.root = root if root is not None else heuristics_root()
        self._cache: dict[str, Any] = {}
        self._lock = threading.RLock()

    # -- single files ---------------------------------------------------------------------------
    def _entry(self, path: str) -> Traversable:
        entry = self.root
        for part in path.split("/"):
            entry = entry / part
        return entry

    def exists(self, path: str) -> bool:
        """True when ``heuristics/<path>`` exists."""
        return self._entry(path).is_file()

    def file(self, path: str, expected: type[S]) -> S:
        """The decoded, validated ``heuristics/<path>`` (cached)."""
        value = self._load(path)
        if not isinstance(value, expected):
            raise HeuristicsError(path, f"decodes to {type(value).__name__}, not {expected.__name__}")
        return value

    def text_lines(self, path: str) -> tuple[str, ...]:
        """The entries of a plain-text list: one per line, blank lines and ``#`` comments dropped."""
        value = self._load(path)
        if not isinstance(value, tuple):
            raise HeuristicsError(path, "is not a plain-text list")
        return value

    def files(self, pattern_dir: str) -> dict[str, Any]:
        """Every file directly in ``heuristics/<pattern_dir>/``, decoded, keyed by relative path."""
        folder = self._entry(pattern_dir)
        if not folder.is_dir():
            return {}
        result = {}
        for entry in sorted(folder.iterdir(), key=lambda item: item.name):
            if entry.is_file() and entry.name not in IGNORED:
                path = f"{pattern_dir}/{entry.name}"
                result[path] = self._load(path)
        return result

    def _load(self, path: str) -> Any:
        with self._lock:
            if path in self._cache:
                return self._cache[path]
            value = self._decode(path)
            self._cache[path] = value
            return value

    def _decode(self, path: str) -> Any:
        kind = kind_of(path)
        if kind is None:
            raise HeuristicsError(path, "unknown file: no schema is registered for it")
        entry = self._entry(path)
        try:
            raw = entry.read_bytes()
        except OSError as exc:
            raise HeuristicsError(path, f"cannot be read ({exc.strerror or exc})") from exc
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HeuristicsError(path, "is not UTF-8") from exc
        if kind.schema is None:
            lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
            return tuple(line for line in lines if line)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise HeuristicsError(path, f"invalid TOML: {exc}") from exc
        try:
            value = msgspec.convert(data, kind.schema)
        except msgspec.ValidationError as exc:
            match = _MSGSPEC_PATH.match(str(exc))
            assert match is not None
            raise HeuristicsError(path, match["message"], match["path"] or "$") from exc
        check = getattr(value, "check", None)
        if callable(check):
            problems = check()
            if problems:
                where, message = problems[0]
                raise HeuristicsError(path, message, where)
        return value

    # -- shared data ----------------------------------------------------------------------------
    @functools.cached_property
    def principles(self) -> dict[int, Principle]:
        """The twelve principles by id."""
        data = self.file("principles.toml", PrinciplesFile)
        return {item.id: item for item in data.principle}

    @functools.cached_property
    def scoring(self) -> ScoringFile:
        """Penalties, grade bands, ceilings and scam-risk levels."""
        return self.file("scoring.toml", ScoringFile)

    def all_paths(self) -> list[str]:
        """Every data file under the root (documentation files excluded)."""
        return [path for path, _ in _walk(self.root) if path.rsplit("/", 1)[-1] not in IGNORED]

    @functools.cached_property
    def rules(self) -> dict[str, RuleDef]:
        """Every rule of every file, by id (loads every file)."""
        found: dict[str, RuleDef] = {}
        for path in self.all_paths():
            value = self._load(path)
            for rule in getattr(value, "rule", ()) or ():
                if rule.id in found:
                    raise HeuristicsError(path, f"duplicate rule id {rule.id}", "$.rule")
                found[rule.id] = rule
        return found

    def rule(self, rule_id: str) -> RuleDef:
        """The rule ``rule_id``; a :class:`HeuristicsError` if it does not exist."""
        try:
            return self.rules[rule_id]
        except KeyError:
            raise HeuristicsError("heuristics", f"no rule {rule_id}") from None

    # -- validation -----------------------------------------------------------------------------
    def validate(self) -> None:
        """Load every file and run the cross-file checks; raise :class:`HeuristicsError` on the first problem."""
        from privacy_hygiene.catalog.registry import FILE_KINDS

        paths = self.all_paths()
        for kind in FILE_KINDS:
            if kind.required and kind.pattern not in paths:
                raise HeuristicsError(kind.pattern, "required file is missing")
        principle_ids = set(self.principles)
        seen_ids: dict[tuple[str, str], str] = {}
        for path in paths:
            value = self._load(path)
            for where, node in _nodes(value, "$"):
                owner = type(node).__name__
                node_id = getattr(node, "id", None)
                if isinstance(node_id, str):
                    key = (owner, node_id)
                    if key in seen_ids:
                        raise HeuristicsError(path, f"duplicate id {node_id!r} (also in {seen_ids[key]})", where)
                    seen_ids[key] = path
                refs = getattr(node, "principle", None)
                refs_list = getattr(node, "principles", None)
                for ref in ([refs] if isinstance(refs, int) else []) + list(refs_list or []):
                    if isinstance(ref, int) and ref not in principle_ids:
                        raise HeuristicsError(path, f"unknown principle {ref}", where)
        _ = self.rules


def _nodes(value: Any, where: str) -> Iterator[tuple[str, Any]]:
    """Every struct below ``value`` (depth first, the root excluded) with its msgspec-style path."""
    if isinstance(value, msgspec.Struct):
        if where != "$":
            yield where, value
        for name in value.__struct_fields__:
            yield from _nodes(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _nodes(item, f"{where}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _nodes(item, f"{where}.{key}")


@functools.cache
def get_catalog() -> Catalog:
    """The process-wide catalog (from :func:`privacy_hygiene.paths.heuristics_root`)."""
    return Catalog()
