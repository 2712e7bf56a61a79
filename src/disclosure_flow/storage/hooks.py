"""Listeners (事件监听): the host's code, called back after each committed event.

A listener is any callable ``listener(case, event)``: the :class:`~disclosure_flow.cases.Case`
as saved and one :class:`~disclosure_flow.cases.CaseEvent` of it. Register one for the
whole process with :func:`on_event`, or on a repository — for every case, or for one —
with :meth:`Repository.subscribe <disclosure_flow.storage.Repository.subscribe>`.

**When.** After the database transaction that stored the event has committed, never
before: an event the library refused never reaches the database nor a listener, and
neither does a save that lost a race (:class:`~disclosure_flow.errors.VersionConflictError`).
Each new event of a save is announced once, oldest first; for each event the
process-wide listeners are called first, then the repository's, then those of the case,
each group in the order it was registered.

**When a listener raises.** The events stay committed. Every other listener is still
called (an SMS that failed does not skip the audit log); then the save raises
:class:`~disclosure_flow.storage.ListenerError`, which names the case, the version saved
and each failure, with the first exception as its ``__cause__``. A listener that must
never lose an event (a message queue, a task in another system) can instead read a
case's rows of the append-only events table from the last version it handled
(:meth:`Repository.events <disclosure_flow.storage.Repository.events>`).

>>> seen = []
>>> with on_event(lambda case, event: seen.append(event.event.value)):
...     pass  # saves made here call the listener
>>> seen
[]
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from disclosure_flow.errors import InvalidValueError, Wording
from disclosure_flow.storage.errors import ListenerError

if TYPE_CHECKING:
    from types import TracebackType

    from disclosure_flow.cases import Case, CaseEvent

__all__ = ["Listener", "Subscription", "on_event"]

#: A listener: called with the case as saved and one of its new events.
Listener = Callable[["Case", "CaseEvent"], object]


class _Registry:
    """Listeners in registration order; safe to change from any thread."""

    __slots__ = ("_listeners", "_lock")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: tuple[Listener, ...] = ()

    def add(self, listener: Listener) -> Subscription:
        if not callable(listener):
            raise InvalidValueError(
                "listener",
                listener,
                Wording("a callable listener(case, event)", "可调用的监听器 listener(case, event)"),
            )
        with self._lock:
            self._listeners += (listener,)
        return Subscription(self, listener)

    def remove(self, listener: Listener) -> None:
        with self._lock:
            listeners = list(self._listeners)
            if listener in listeners:
                listeners.remove(listener)
            self._listeners = tuple(listeners)

    @property
    def listeners(self) -> tuple[Listener, ...]:
        return self._listeners


class Subscription:
    """A registered listener (已注册的监听器): :meth:`cancel` it, or use it as a context
    manager to keep it registered for a block only."""

    __slots__ = ("_listener", "_registry")

    def __init__(self, registry: _Registry, listener: Listener) -> None:
        self._registry = registry
        self._listener = listener

    @property
    def listener(self) -> Listener:
        """The listener."""
        return self._listener

    def cancel(self) -> None:
        """Stop calling the listener (取消监听); cancelling twice does nothing."""
        self._registry.remove(self._listener)

    def __enter__(self) -> Subscription:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.cancel()


_PROCESS = _Registry()


def on_event(listener: Listener) -> Subscription:
    """Call *listener* after every event any repository of this process commits
    (全局事件监听).

    Raises:
        InvalidValueError: *listener* is not callable.
    """
    return _PROCESS.add(listener)


def _announce(
    case: Case, events: Sequence[CaseEvent], groups: Iterable[tuple[Listener, ...]]
) -> None:
    """Call the process-wide listeners, then *groups*, for each of *events*; raise
    :class:`ListenerError` at the end if any raised."""
    listeners = _PROCESS.listeners + tuple(x for group in groups for x in group)
    if not listeners or not events:
        return
    failures: list[tuple[object, CaseEvent, Exception]] = []
    for event in events:
        for listener in listeners:
            try:
                listener(case, event)
            except Exception as error:  # the host's code: collected, reported below
                failures.append((listener, event, error))
    if failures:
        raise ListenerError(case.id, case.version, tuple(failures)) from failures[0][2]
