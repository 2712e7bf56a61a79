"""The storage layer's errors (存储错误), in the library's one hierarchy.

Each is a :class:`~disclosure_flow.errors.DisclosureFlowError` and also the builtin it
means. A lost race on a save is the library's own
:class:`~disclosure_flow.errors.VersionConflictError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from disclosure_flow.errors import DisclosureFlowError, show_value

if TYPE_CHECKING:
    from disclosure_flow.cases import CaseEvent

__all__ = ["CaseNotFoundError", "ListenerError"]


class CaseNotFoundError(DisclosureFlowError, LookupError):
    """No stored case has this identifier (案件不存在).

    Attributes:
        case_id: the identifier asked for.
    """

    def __init__(self, case_id: str) -> None:
        self.case_id = case_id
        super().__init__(
            f"no stored case {show_value(case_id)}; allowed: the id of a case added before"
        )


class ListenerError(DisclosureFlowError, RuntimeError):
    """A listener failed after its event was committed (事件监听器出错).

    The events are stored: the save succeeded, and every other listener was called.
    ``__cause__`` is the first listener's exception; all of them are in
    :attr:`failures`.

    Attributes:
        case_id: the case whose events were committed.
        version: the case's version as saved.
        failures: ``(listener, event, exception)`` for each call that raised, in order.
    """

    def __init__(
        self,
        case_id: str,
        version: int,
        failures: tuple[tuple[object, CaseEvent, Exception], ...],
    ) -> None:
        self.case_id = case_id
        self.version = version
        self.failures = failures
        listener, event, error = failures[0]
        name = getattr(listener, "__qualname__", type(listener).__name__)
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        super().__init__(
            f"case {show_value(case_id)} was saved at version {version}, but listener "
            f"{name} raised {type(error).__name__} on event {event.event.value} "
            f"(version {event.version}){more}; the events stay committed"
        )
