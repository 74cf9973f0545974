"""Plugin discovery: the pluggy manager and what the plugins registered.

Plugins are found through the entry-point group ``kryon``.  Each is loaded and
registered on its own: one that fails to import, register or validate is
recorded in :attr:`PluginHost.broken` with its error (``kryon engines`` shows
it) and every other plugin keeps working.

An engine may be offered as an :class:`EngineEntry` (name, extensions and
where its class lives) instead of the class itself: its module is then
imported only when a script first needs that language, so ``kryon run x.lua``
does not pay for importing every other installed language.  An entry whose
class fails to import or does not match what the entry promised is recorded
as broken at that moment.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from types import ModuleType
from typing import Any

import pluggy

from kryon_core import hookspecs
from kryon_core.converters import ConverterChain, TypeConverter
from kryon_core.engine import ScriptEngine
from kryon_core.errors import EngineNotFoundError, PluginError
from kryon_core.policy import SecurityPolicy

__all__ = ["BrokenPlugin", "EngineEntry", "PluginHost"]

log = logging.getLogger("kryon.plugins")


@dataclass(frozen=True)
class BrokenPlugin:
    """A plugin that could not be used, and why."""

    name: str
    error: str
    distribution: str | None = None


@dataclass(frozen=True)
class EngineEntry:
    """An engine offered without importing it: ``kryon_register_engines`` may
    return these instead of classes.

    ``target`` is ``"package.module:ClassName"``; the class is imported when a
    script first needs ``name``, and must carry the same ``name`` and
    ``extensions`` as the entry (the entry is what maps files to engines
    before the import).
    """

    name: str
    extensions: tuple[str, ...]
    target: str

    def load(self) -> type[ScriptEngine]:
        """Import and return the engine class (any import error propagates)."""
        module_name, _, attr = self.target.partition(":")
        cls: type[ScriptEngine] = getattr(importlib.import_module(module_name), attr)
        return cls


@dataclass(frozen=True)
class _Offer:
    entry: EngineEntry | None  # None: the plugin registered the class itself
    cls: type[ScriptEngine] | None

    @property
    def extensions(self) -> tuple[str, ...]:
        if self.entry is not None:
            return self.entry.extensions
        assert self.cls is not None
        return tuple(self.cls.extensions)


class PluginHost:
    """Owns the pluggy manager and the registries filled from plugins.

    ``load_entrypoints=False`` gives a host with only the given plugins
    (tests, embedding with a fixed set).
    """

    def __init__(
        self,
        *,
        load_entrypoints: bool = True,
        plugins: Iterable[ModuleType | object] = (),
        disabled: Iterable[str] = (),
    ) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.pm.add_hookspecs(hookspecs)
        self.broken: list[BrokenPlugin] = []
        self._disabled = set(disabled)
        if load_entrypoints:
            self._load_entrypoints()
            self._load_env_plugins()
        if self.pm.get_plugin("core") is None:  # core's built-ins are always present
            from kryon_core import builtins

            self.register(builtins, name="core")
        for plugin in plugins:
            self.register(plugin, name=getattr(plugin, "__name__", None))
        self._offers: dict[str, _Offer] = {}
        self._loading = threading.Lock()
        self.policies: dict[str, SecurityPolicy] = {}
        self.converters = ConverterChain()
        self.dom_bridges: dict[str, type[Any]] = {}
        self._collect()

    # -- loading --------------------------------------------------------------

    def _load_entrypoints(self) -> None:
        for ep in metadata.entry_points(group=hookspecs.PROJECT_NAME):
            if ep.name in self._disabled or self.pm.get_plugin(ep.name) is not None:
                continue
            dist = ep.dist.name if ep.dist is not None else None
            try:
                module = ep.load()
            except Exception as exc:  # a broken plugin must never take the host down
                self._broken(ep.name, f"import failed: {type(exc).__name__}: {exc}", dist)
                continue
            self.register(module, name=ep.name, distribution=dist)

    def _load_env_plugins(self) -> None:
        """Modules named in ``$KRYON_PLUGINS`` (comma-separated), for development
        and tests: plugins that are importable but not installed."""
        for name in filter(
            None, (n.strip() for n in os.environ.get("KRYON_PLUGINS", "").split(","))
        ):
            try:
                module = importlib.import_module(name)
            except Exception as exc:
                self._broken(name, f"import failed: {type(exc).__name__}: {exc}", None)
                continue
            self.register(module, name=name)

    def register(
        self, plugin: object, *, name: str | None = None, distribution: str | None = None
    ) -> bool:
        """Register one plugin object/module; False (and recorded) if it is invalid."""
        label = name or str(getattr(plugin, "__name__", None) or repr(plugin))
        try:
            self.pm.register(plugin, name=name)
            self.pm.check_pending()
        except Exception as exc:
            if self.pm.is_registered(plugin):
                self.pm.unregister(plugin)
            self._broken(label, f"registration failed: {exc}", distribution)
            return False
        return True

    def _broken(self, name: str, error: str, distribution: str | None) -> None:
        log.warning("kryon plugin %r is broken: %s", name, error)
        self.broken.append(BrokenPlugin(name, error, distribution))

    # -- registries -------------------------------------------------------

    def _per_plugin(self, hook_name: str) -> list[tuple[str, Any]]:
        """Call a register hook plugin by plugin, isolating failures."""
        results = []
        hook = getattr(self.pm.hook, hook_name)
        for impl in hook.get_hookimpls():
            try:
                value = impl.function()
            except Exception as exc:
                self._broken(
                    impl.plugin_name, f"{hook_name} failed: {type(exc).__name__}: {exc}", None
                )
                continue
            results.append((impl.plugin_name, value or []))
        return results  # get_hookimpls() is in registration order

    def _collect(self) -> None:
        for plugin_name, offered in self._per_plugin("kryon_register_engines"):
            for item in offered:
                if isinstance(item, EngineEntry):
                    offer = _Offer(item, None)
                    name, problem = item.name, _entry_problem(item)
                else:
                    offer = _Offer(None, item)
                    problem = _engine_problem(item)
                    name = item.name if problem is None else ""
                if problem is None and name in self._offers:
                    problem = f"engine name {name!r} is already registered"
                if problem:
                    self._broken(plugin_name, problem, None)
                    continue
                self._offers[name] = offer
        for _plugin, policies in self._per_plugin("kryon_register_policies"):
            for policy in policies:
                self.policies[policy.name] = policy
        for plugin_name, converters in self._per_plugin("kryon_register_converters"):
            for converter in converters:
                if isinstance(converter, TypeConverter):
                    self.converters.add(converter)
                else:
                    self._broken(plugin_name, f"not a TypeConverter: {converter!r}", None)
        for _plugin, bridges in self._per_plugin("kryon_register_dom_bridges"):
            for bridge in bridges:
                self.dom_bridges[getattr(bridge, "name", bridge.__name__)] = bridge

    # -- lookups ----------------------------------------------------------

    @property
    def engines(self) -> Mapping[str, type[ScriptEngine]]:
        """Every installed engine class by name.  Imports the engines offered
        as entries (``kryon engines``, ``kryon config check``); one that fails
        to import is recorded as broken and left out."""
        for language in list(self._offers):
            self._load(language)
        return {name: offer.cls for name, offer in self._offers.items() if offer.cls is not None}

    def engine_class(self, language: str) -> type[ScriptEngine]:
        """The engine class for a language name (imported on first use); a
        helpful error if absent or broken."""
        cls = self._load(language)
        if cls is not None:
            return cls
        hint = f"pip install kryon-{language}"
        broken = [b for b in self.broken if b.name == language]
        if broken:
            hint = f"the plugin is installed but broken: {broken[0].error}"
        raise EngineNotFoundError(
            f"no engine for language {language!r} ({hint}); installed: "
            f"{', '.join(sorted(self._offers)) or 'none'}"
        )

    def _load(self, language: str) -> type[ScriptEngine] | None:
        offer = self._offers.get(language)
        if offer is None or offer.cls is not None:
            return offer.cls if offer is not None else None
        entry = offer.entry
        assert entry is not None
        with self._loading:
            current = self._offers.get(language)
            if current is not offer:  # another thread loaded (or dropped) it meanwhile
                return current.cls if current is not None else None
            cls, problem = _import_entry(entry)
            if cls is None:
                del self._offers[language]
                self._broken(language, problem, None)  # by engine: what users ask for
                return None
            self._offers[language] = _Offer(entry, cls)
            return cls

    @property
    def extensions(self) -> dict[str, str]:
        """Every file extension an installed engine handles, and that engine's name."""
        return {ext: name for name, offer in self._offers.items() for ext in offer.extensions}

    def language_for_path(self, path: str) -> str:
        """The engine name for a file, from its extension."""
        lowered = path.lower()
        matches = [
            (ext, name)
            for name, offer in self._offers.items()
            for ext in offer.extensions
            if lowered.endswith(ext)
        ]
        if not matches:
            known = sorted(ext for offer in self._offers.values() for ext in offer.extensions)
            raise EngineNotFoundError(
                f"no installed engine handles {path!r}; known extensions: "
                f"{', '.join(known) or 'none'} (install one, e.g. pip install kryon-lua)"
            )
        return max(matches, key=lambda m: len(m[0]))[1]

    def plugin_error(self, name: str) -> PluginError | None:
        for broken in self.broken:
            if broken.name == name:
                return PluginError(name, broken.error)
        return None


def _engine_problem(cls: object) -> str | None:
    if not (isinstance(cls, type) and issubclass(cls, ScriptEngine)):
        return f"{cls!r} is not a ScriptEngine subclass"
    if not getattr(cls, "name", None):
        return f"{cls.__qualname__} has no engine name"
    abstract = getattr(cls, "__abstractmethods__", ())
    if abstract:
        return f"{cls.__qualname__} does not implement {', '.join(sorted(abstract))}"
    return None


def _entry_problem(entry: EngineEntry) -> str | None:
    if not entry.name:
        return f"engine entry {entry.target!r} has no engine name"
    if ":" not in entry.target:
        return f"engine entry {entry.name!r}: target {entry.target!r} is not 'module:Class'"
    return None


def _import_entry(entry: EngineEntry) -> tuple[type[ScriptEngine] | None, str]:
    """The entry's engine class, or None and why it cannot be used."""
    try:
        cls: object = entry.load()
    except Exception as exc:  # a broken plugin must never take the host down
        return None, f"{entry.target} failed to import: {type(exc).__name__}: {exc}"
    problem = _engine_problem(cls) or _mismatch(entry, cls)
    if problem is not None or not (isinstance(cls, type) and issubclass(cls, ScriptEngine)):
        return None, problem or f"{cls!r} is not a ScriptEngine subclass"
    return cls, ""


def _mismatch(entry: EngineEntry, cls: object) -> str | None:
    name, extensions = getattr(cls, "name", None), tuple(getattr(cls, "extensions", ()))
    if name != entry.name or extensions != tuple(entry.extensions):
        return (
            f"{entry.target} is engine {name!r} for {' '.join(extensions) or 'no files'}, "
            f"but its entry promised {entry.name!r} for {' '.join(entry.extensions)}"
        )
    return None
