"""The hooks a Kryon plugin can implement.

A plugin is a module named by an entry point in the group ``kryon``::

    [project.entry-points.kryon]
    lua = "kryon_lua.hooks"

whose functions are marked with :data:`kryon_core.hookimpl`.  Hooks are always
called with keyword arguments; a plugin implements any subset and may omit
trailing parameters it does not need.  Parameters are only ever appended.

Naming: ``kryon_register_<plural>`` hooks return classes or objects to
register (results of all plugins are merged); ``kryon_<noun>_<past participle>``
hooks are notifications and return ``None``.  No security decision is ever
"first result wins": every validator runs and any refusal wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from kryon_core.converters import TypeConverter
    from kryon_core.engine import ScriptEngine
    from kryon_core.manager import LoadedScript, ScriptManager
    from kryon_core.plugins import EngineEntry
    from kryon_core.policy import SecurityPolicy
    from kryon_core.validation import ScriptSource

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

PROJECT_NAME = "kryon"
hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def kryon_register_engines() -> Sequence[type[ScriptEngine] | EngineEntry]:
    """Register script engines.

    Called once when the plugin manager loads plugins.  Must not import the
    language runtime.  Return either the engine classes, or - better, since
    then not even the engine module is imported until a script needs it -
    :class:`~kryon_core.EngineEntry` objects naming each engine, its file
    extensions and ``"module:Class"``; the class must carry the same name and
    extensions, or the plugin is reported broken when the class is first
    imported.

    :return: engine classes (subclasses of :class:`~kryon_core.ScriptEngine`)
        or entries, each with a unique ``name``.
    Call semantics: all results are merged; two engines claiming one name is a
    plugin error reported for the later plugin.
    """
    raise AssertionError("hookspec")


@hookspec
def kryon_register_converters() -> Sequence[TypeConverter]:
    """Register type converters for host objects outside the value model.

    Called once at load.  When the host passes an object that is not a
    canonical value (a ``datetime``, a dataclass, a ``Decimal`` ...), the
    converters are tried in registration order.

    :return: :class:`~kryon_core.TypeConverter` instances.
    Call semantics: merged.
    """
    raise AssertionError("hookspec")


@hookspec
def kryon_register_dom_bridges() -> Sequence[type[Any]]:
    """Register DOM bridge implementations (spec: ``DOMBridge``).

    Called once at load; ``[kryon] dom = "<name>"`` selects one by its
    ``name`` class attribute.

    :return: classes implementing the DOM bridge protocol, each with ``name``.
    Call semantics: merged.
    """
    raise AssertionError("hookspec")


@hookspec
def kryon_register_policies() -> Sequence[SecurityPolicy]:
    """Register security policy presets.

    Called once at load, before ``kryon.toml``'s ``[security.policies.*]``
    tables, which may extend or override a preset by name.

    :return: :class:`~kryon_core.SecurityPolicy` instances.
    Call semantics: merged; a later plugin's preset of the same name wins.
    """
    raise AssertionError("hookspec")


@hookspec
def kryon_validate_script(source: ScriptSource, policy: SecurityPolicy) -> None:
    """Inspect a script before it is compiled; raise to refuse it.

    Called for every load and hot reload, before compilation.

    :param source: the script's name, language, path and text.
    :param policy: the policy the script will run under.
    :raise SecurityError: to refuse the script (the message says why).
    Call semantics: every implementation runs; the first error raised refuses
    the load.  Returning never approves anything on its own.
    """


@hookspec
def kryon_engine_created(engine: ScriptEngine, policy: SecurityPolicy) -> None:
    """Notification: an engine instance was created and initialised.

    :param engine: the new engine (bridge already set up).
    :param policy: the policy it runs under.
    Call semantics: notification, results ignored.
    """


@hookspec
def kryon_script_loaded(manager: ScriptManager, script: LoadedScript) -> None:
    """Notification: a script was loaded or hot-reloaded and its functions registered.

    :param manager: the manager that loaded it.
    :param script: the loaded script's record (name, language, policy, functions).
    Call semantics: notification, results ignored.
    """


@hookspec
def kryon_script_unloaded(manager: ScriptManager, name: str) -> None:
    """Notification: a script was unloaded and its functions unregistered.

    :param manager: the manager that unloaded it.
    :param name: the script's name.
    Call semantics: notification, results ignored.
    """
