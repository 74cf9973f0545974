"""Hot reload on save: watch the files of loaded scripts and reload them.

A :class:`ScriptWatcher` runs `watchfiles <https://watchfiles.helpmanual.io>`_
in a daemon thread over the directories of the manager's file-backed scripts.
Each batch of changes reloads every script whose file changed through
:meth:`ScriptManager.hot_reload`, so a file that fails to read, validate,
compile or load leaves the old version running.  Every outcome goes to the
``on_reload`` callback and to the ``kryon.watch`` logger; none of them, not
even a callback that raises, ends the watcher.  Scripts loaded or unloaded
while it runs are picked up within ``RESCAN_MS``.

Editors that save by writing a new file and renaming it over the old one are
seen as well: the directory is watched, not the file.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import watchfiles

from kryon_core.errors import ScriptError, ScriptNotFoundError

if TYPE_CHECKING:
    from kryon_core.manager import ScriptManager

__all__ = ["RESCAN_MS", "Reload", "ScriptWatcher"]

log = logging.getLogger("kryon.watch")

RESCAN_MS = 250
"""How often the watcher looks for scripts loaded or unloaded since it last did."""


@dataclass(frozen=True)
class Reload:
    """What happened to one script after its file changed."""

    script: str
    path: str
    error: ScriptError | None = None
    """Why the new version was refused (the old one still runs); None: it runs."""

    @property
    def ok(self) -> bool:
        return self.error is None


ReloadHandler = Callable[[Reload], None]


class ScriptWatcher:
    """Reloads a manager's scripts when their files change (see the module doc).

    Use it as a context manager, or :meth:`start` and :meth:`stop` it;
    :meth:`ScriptManager.watch` makes one that the manager stops on close.
    """

    def __init__(
        self,
        manager: ScriptManager,
        on_reload: ReloadHandler | None = None,
        *,
        debounce_ms: int = 50,
    ) -> None:
        self._manager = manager
        self._on_reload = on_reload
        self._debounce_ms = debounce_ms
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> ScriptWatcher:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> ScriptWatcher:
        """Start watching (idempotent)."""
        if not self.running:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="kryon-watch", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop watching and wait for the thread (a reload under way finishes first)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    # -- the thread -----------------------------------------------------------------

    def _sources(self) -> dict[str, str]:
        """Each file-backed script and its path as it was loaded."""
        return {
            name: record.path
            for name, record in self._manager.scripts.items()
            if record.path is not None
        }

    def _run(self) -> None:
        while not self._stop.is_set():
            sources = self._sources()
            if not sources:
                self._stop.wait(RESCAN_MS / 1000)
                continue
            try:
                self._watch(sources)
            except Exception:  # the watch itself failed (a directory removed ...)
                log.exception("watching script files failed; trying again")
                self._stop.wait(RESCAN_MS / 1000)

    def _watch(self, sources: dict[str, str]) -> None:
        """Watch until the scripts loaded from files change (or stop).  Their
        paths are resolved once here; each rescan only compares the mapping."""
        files: dict[Path, list[str]] = {}
        for name, path in sources.items():
            files.setdefault(Path(path).resolve(), []).append(name)
        wanted = {str(path) for path in files}
        directories = {path.parent for path in files if path.parent.is_dir()}
        if not directories:
            self._stop.wait(RESCAN_MS / 1000)
            return
        for changes in watchfiles.watch(
            *directories,
            watch_filter=lambda _change, path: path in wanted,
            debounce=self._debounce_ms,
            stop_event=self._stop,
            rust_timeout=RESCAN_MS,
            yield_on_timeout=True,
            recursive=False,
            raise_interrupt=False,
        ):
            if changes:
                self._reload(files, sorted({Path(path) for _change, path in changes}))
            if self._sources() != sources:
                return

    def _reload(self, files: dict[Path, list[str]], changed: Iterable[Path]) -> None:
        for path in changed:
            for name in files.get(path, ()):
                if self._stop.is_set():
                    return
                event = self._reload_one(name, str(path))
                if event is not None:
                    self._report(event)

    def _reload_one(self, name: str, path: str) -> Reload | None:
        try:
            self._manager.hot_reload(name)
        except ScriptNotFoundError:  # unloaded since: nothing to reload
            return None
        except ScriptError as exc:
            log.warning("%s: reload failed, the old version keeps running: %s", name, exc)
            return Reload(name, path, exc)
        log.info("%s: reloaded from %s", name, path)
        return Reload(name, path)

    def _report(self, event: Reload) -> None:
        if self._on_reload is None:
            return
        try:
            self._on_reload(event)
        except Exception:  # the callback's bug must not end the watching
            log.exception("the on_reload callback failed for %s", event.script)
