"""The storage layer's errors (存储错误), in the library's one hierarchy.

Each is a :class:`~disclosure_flow.errors.DisclosureFlowError` and also the builtin it
means. A lost race on a save is the library's own
:class:`~disclosure_flow.errors.VersionConflictError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from disclosure_flow.errors import DisclosureFlowError, Wording, show_value

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
        shown = show_value(case_id)
        super().__init__(
            Wording(
                f"no stored case {shown}; allowed: the id of a case added before",
                f"没有已存储的案件 {shown}；允许：此前已添加的案件编号",
            )
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
        more_zh = f"（另有 {len(failures) - 1} 个）" if len(failures) > 1 else ""
        shown, raised = show_value(case_id), type(error).__name__
        super().__init__(
            Wording(
                f"case {shown} was saved at version {version}, but listener "
                f"{name} raised {raised} on event {event.event.value} "
                f"(version {event.version}){more}; the events stay committed",
                f"案件 {shown} 已保存为版本 {version}，但监听器 {name} 在事件 "
                f"{event.event.value}（版本 {event.version}）上引发 {raised}{more_zh}；"
                "事件仍已提交",
            )
        )
