"""Plugin discovery: the pluggy manager and what the plugins registered.

Plugins are found through the entry-point group ``kryon``.  Each is loaded and
registered on its own: one that fails to import, register or validate is
recorded in :attr:`PluginHost.broken` with its error (``kryon engines`` shows
it) and every other plugin keeps working.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterable
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

__all__ = ["BrokenPlugin", "PluginHost"]

log = logging.getLogger("kryon.plugins")


@dataclass(frozen=True)
class BrokenPlugin:
    """A plugin that could not be used, and why."""

    name: str
    error: str
    distribution: str | None = None


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
        self.engines: dict[str, type[ScriptEngine]] = {}
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
        for plugin_name, classes in self._per_plugin("kryon_register_engines"):
            for cls in classes:
                problem = _engine_problem(cls)
                if problem is None and cls.name in self.engines:
                    problem = f"engine name {cls.name!r} is already registered"
                if problem:
                    self._broken(plugin_name, problem, None)
                    continue
                self.engines[cls.name] = cls
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

    def engine_class(self, language: str) -> type[ScriptEngine]:
        """The engine class for a language name; a helpful error if absent."""
        cls = self.engines.get(language)
        if cls is not None:
            return cls
        hint = f"pip install kryon-{language}"
        broken = [b for b in self.broken if b.name == language]
        if broken:
            hint = f"the plugin is installed but broken: {broken[0].error}"
        raise EngineNotFoundError(
            f"no engine for language {language!r} ({hint}); installed: "
            f"{', '.join(sorted(self.engines)) or 'none'}"
        )

    def language_for_path(self, path: str) -> str:
        """The engine name for a file, from its extension."""
        lowered = path.lower()
        matches = [
            (ext, name)
            for name, cls in self.engines.items()
            for ext in cls.extensions
            if lowered.endswith(ext)
        ]
        if not matches:
            known = sorted(ext for cls in self.engines.values() for ext in cls.extensions)
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
