"""What a deadline carries besides its date: why it is open (:class:`OpenReason`), the
compliance findings (合规问题, :class:`Finding`) and the explanation's steps
(:class:`ExplanationStep`)."""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from disclosure_flow.errors import InvalidValueError

__all__ = ["ExplanationStep", "Finding", "FindingRule", "OpenReason"]


def _check_lang(lang: str) -> None:
    if lang not in ("zh", "en"):
        raise InvalidValueError.choice("lang", lang, ("zh", "en"))


class OpenReason(enum.Enum):
    """Why a deadline has no date yet (期限未定的原因).

    Members:
        PAUSED: an excluded pause is running (暂停计时中).
        AWAITING_CORRECTION: a correction notice went out; the period restarts when
            the corrected application arrives (等待补正).
    """

    PAUSED = "paused"
    AWAITING_CORRECTION = "awaiting_correction"

    def __repr__(self) -> str:
        return f"OpenReason.{self.name}"


class FindingRule(enum.Enum):
    """Which rule an act broke (合规问题类型), SPEC §10.

    Members:
        REPLY_LATE: reply after the deadline (逾期答复).
        CORRECTION_NOTICE_LATE: correction notice after its period (逾期补正告知).
        EXTENSION_LATE: extension granted after the deadline (期限届满后延长).
        DELAYED_DEADLINE_LATE: Art. 35 deadline set after the deadline
            (期限届满后确定延迟答复期限).
        RECONSIDERATION_LATE: a reconsideration filed after its period (逾期申请行政复议),
            recorded when the host records late acts.
        LITIGATION_LATE: a suit filed after its period (逾期提起行政诉讼), likewise.
        FEE_LAPSE_EARLY: no further processing for an unpaid fee recorded before the
            payment period ended (缴费期限届满前即认定逾期未缴费) — found in a stored
            history under the current calendar.
        SILENCE_EARLY: a consultee's silence recorded before its answer period ended
            (答复期限届满前即认定未提出意见), likewise.
        EXTENSION_NOT_NOTIFIED: an extension with no notice to the applicant recorded
            (未告知申请人延长答复期限, Art. 33 ¶2).
        EXTENSION_NOTICE_LATE: the notice of an extension after the deadline it extended
            (延长答复期限告知逾期).
        DELAYED_DEADLINE_NOT_NOTIFIED: an Art. 35 deadline with no notice recorded
            (未告知申请人延迟答复期限).
        OVERRIDE_NOT_NOTIFIED: information disclosed over a third party's objection with
            no written notice to it recorded (未书面告知第三方, Art. 32).
        RECEIPT_CONFIRMATION_LATE: receipt confirmed with the applicant after the day the
            application arrived (未于收到申请当日确认, Art. 31).
        PROCEEDING_NOT_ADMITTED: a reconsideration or suit the law does not admit,
            recorded because it happened (复议前置 skipped, a reconsideration after a
            suit, a second one on the same act).
    """

    REPLY_LATE = "reply_late"
    CORRECTION_NOTICE_LATE = "correction_notice_late"
    EXTENSION_LATE = "extension_late"
    DELAYED_DEADLINE_LATE = "delayed_deadline_late"
    RECONSIDERATION_LATE = "reconsideration_late"
    LITIGATION_LATE = "litigation_late"
    FEE_LAPSE_EARLY = "fee_lapse_early"
    SILENCE_EARLY = "silence_early"
    EXTENSION_NOT_NOTIFIED = "extension_not_notified"
    EXTENSION_NOTICE_LATE = "extension_notice_late"
    DELAYED_DEADLINE_NOT_NOTIFIED = "delayed_deadline_not_notified"
    OVERRIDE_NOT_NOTIFIED = "override_not_notified"
    RECEIPT_CONFIRMATION_LATE = "receipt_confirmation_late"
    PROCEEDING_NOT_ADMITTED = "proceeding_not_admitted"

    @property
    def early(self) -> bool:
        """Whether the rule is broken by an act *before* its period ended (then a finding's
        ``due`` is that period's last day and ``late_by`` is 0)."""
        return self in (FindingRule.FEE_LAPSE_EARLY, FindingRule.SILENCE_EARLY)

    @property
    def missing(self) -> bool:
        """Whether the rule is broken by a notice the law requires that was not recorded
        (then a finding's ``due`` and ``acted`` are the day of the act that needed it, and
        ``late_by`` is 0)."""
        return self in (
            FindingRule.EXTENSION_NOT_NOTIFIED,
            FindingRule.DELAYED_DEADLINE_NOT_NOTIFIED,
            FindingRule.OVERRIDE_NOT_NOTIFIED,
        )

    @property
    def label_zh(self) -> str:
        """The Chinese name of the finding."""
        return _FINDING_ZH[self]


_FINDING_ZH = {
    FindingRule.REPLY_LATE: "逾期答复",
    FindingRule.CORRECTION_NOTICE_LATE: "逾期补正告知",
    FindingRule.EXTENSION_LATE: "期限届满后延长答复期限",
    FindingRule.DELAYED_DEADLINE_LATE: "期限届满后确定延迟答复期限",
    FindingRule.RECONSIDERATION_LATE: "逾期申请行政复议",
    FindingRule.LITIGATION_LATE: "逾期提起行政诉讼",
    FindingRule.FEE_LAPSE_EARLY: "缴费期限届满前认定逾期未缴费",
    FindingRule.SILENCE_EARLY: "答复期限届满前认定未提出意见",
    FindingRule.EXTENSION_NOT_NOTIFIED: "未告知申请人延长答复期限",
    FindingRule.EXTENSION_NOTICE_LATE: "延长答复期限告知逾期",
    FindingRule.DELAYED_DEADLINE_NOT_NOTIFIED: "未告知申请人延迟答复期限",
    FindingRule.OVERRIDE_NOT_NOTIFIED: "未书面告知第三方决定公开",
    FindingRule.RECEIPT_CONFIRMATION_LATE: "未于收到申请当日确认",
    FindingRule.PROCEEDING_NOT_ADMITTED: "依法不予受理的复议或诉讼",
}


@attrs.frozen
class Finding:
    """A compliance finding (合规问题): an act done after its period (or, for an
    :attr:`~FindingRule.early` rule, before it ended).

    Attributes:
        rule: which rule.
        article: its legal source.
        due: the last day the act was allowed (for an early rule: the period's last day,
            after which alone it was allowed).
        acted: the day it was done.
        late_by: working days late: the fewest extra working days that would have
            made it in time (an act on a weekend after a Friday deadline is 1 late); 0
            for an early rule.
    """

    rule: FindingRule
    article: str
    due: _dt.date
    acted: _dt.date
    late_by: int

    def describe(self, lang: str = "zh") -> str:
        """E.g. ``"逾期答复：期限 2026-11-23，2026-11-25 作出，逾期2个工作日（…）"``."""
        if self.rule.missing:
            if lang == "zh":
                return f"{self.rule.label_zh}：{self.acted} 作出，未记录告知（{self.article}）"
            _check_lang(lang)
            return (
                f"{self.rule.value.replace('_', ' ')}: the act of {self.acted} has no notice "
                f"recorded ({self.article})"
            )
        if self.rule is FindingRule.PROCEEDING_NOT_ADMITTED:
            if lang == "zh":
                return f"{self.rule.label_zh}：{self.acted} 提出（{self.article}）"
            _check_lang(lang)
            return f"proceeding not admitted: filed {self.acted} ({self.article})"
        if self.rule.early:
            if lang == "zh":
                return (
                    f"{self.rule.label_zh}：期限 {self.due} 届满前，{self.acted} 即作出"
                    f"（{self.article}）"
                )
            _check_lang(lang)
            return (
                f"{self.rule.value.replace('_', ' ')}: done {self.acted}, before its period "
                f"ended on {self.due} ({self.article})"
            )
        if lang == "zh":
            return (
                f"{self.rule.label_zh}：期限 {self.due}，{self.acted} 作出，"
                f"逾期{self.late_by}个工作日（{self.article}）"
            )
        _check_lang(lang)
        return (
            f"{self.rule.value.replace('_', ' ')}: due {self.due}, done {self.acted}, "
            f"{self.late_by} working day(s) late ({self.article})"
        )


@attrs.frozen
class ExplanationStep:
    """One step of a deadline's explanation (计算过程), in both languages.

    Attributes:
        day: the date the step is about (used for ordering).
        zh: the step in Chinese.
        en: the step in English.
    """

    day: _dt.date
    zh: str
    en: str
