"""Outcomes (办理结果): how a request ended, and where the annual report counts it.

Three layers, from the report down to the law:

- :class:`ReportRow` — the 21 result rows of table 三 of the national annual-report
  format (FORMAT, 国办公开办函〔2021〕30号), with their exact labels and keys such as
  ``"三.3.4"`` (（三）不予公开 4.保护第三方合法权益);
- :class:`OutcomeKind` — the six groups （一）–（六） of those rows;
- :class:`OutcomeReason` — the situation the agency applied, with its article
  (Art. 14–16, 30, 35–39, 42): e.g. already public (36(1)) and disclosed (36(2))
  both count in （一）; information not held (36(4)) and not this agency's (36(5))
  both count in （四）1.

An :class:`Outcome` is a kind with its reason and the details its kind requires: a
不予公开 needs its ground, a 部分公开 records what was withheld and on which grounds,
"not this agency" may name the competent agency. A missing detail is refused:

>>> from disclosure_flow.cases.outcomes import Outcome, OutcomeKind, OutcomeReason
>>> Outcome(OutcomeKind.WITHHELD)
Traceback (most recent call last):
...
disclosure_flow.errors.InvalidValueError: reason: invalid value None; allowed: ...
>>> outcome = Outcome(OutcomeKind.WITHHELD, OutcomeReason.THIRD_PARTY_RIGHTS)
>>> outcome.row.key, outcome.row.label_zh, outcome.reason.article
('三.3.4', '保护第三方合法权益', 'Art. 15')

Registration data whose access another law governs (Art. 36(7), e.g. business or
real-estate registration files) has no row of its own (SPEC §6): it counts by
default in （三）8 属于行政查询事项; a host may count it elsewhere with the
``registration_data_row`` option of :meth:`Outcome.report_row`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from disclosure_flow import _fields
from disclosure_flow.errors import InvalidValueError, SerializationError, Wording

__all__ = ["Outcome", "OutcomeKind", "OutcomeReason", "ReportRow", "combine_outcomes"]


class OutcomeKind(enum.Enum):
    """The six groups of results in table 三 of the annual report (办理结果).

    Members:
        DISCLOSED: （一）予以公开 — disclosed, or already public (Art. 36(1)–(2)).
        PARTIALLY_DISCLOSED: （二）部分公开 — disclosed after separating what cannot be
            disclosed (Art. 37); counted only here.
        WITHHELD: （三）不予公开 — not disclosed, on one of eight grounds.
        UNABLE_TO_PROVIDE: （四）无法提供 — cannot be provided.
        NOT_PROCESSED: （五）不予处理 — not processed as a request for information.
        OTHER_HANDLING: （六）其他处理 — ended without a reply: correction or fee
            lapsed, or other (e.g. withdrawn).
    """

    DISCLOSED = "disclosed"
    PARTIALLY_DISCLOSED = "partially_disclosed"
    WITHHELD = "withheld"
    UNABLE_TO_PROVIDE = "unable_to_provide"
    NOT_PROCESSED = "not_processed"
    OTHER_HANDLING = "other_handling"

    @property
    def label_zh(self) -> str:
        """The group's label in FORMAT, e.g. ``"不予公开"``."""
        return _KINDS[self][1]

    @property
    def ordinal_zh(self) -> str:
        """The group's number in FORMAT, e.g. ``"（三）"``."""
        return _KINDS[self][0]

    @property
    def key(self) -> str:
        """The group's key, e.g. ``"三.3"``."""
        return _KINDS[self][2]

    @property
    def is_reply(self) -> bool:
        """Whether the outcome is a reply to the applicant (答复, groups （一）–（五）),
        as opposed to an ending without a reply (（六）其他处理)."""
        return self is not OutcomeKind.OTHER_HANDLING

    @property
    def rows(self) -> tuple[ReportRow, ...]:
        """The table-三 rows of this group, in order."""
        return _KIND_ROWS[self]

    @property
    def reasons(self) -> tuple[OutcomeReason, ...]:
        """The reasons an outcome of this kind may give, in order."""
        return _KIND_REASONS[self]

    @property
    def default_reason(self) -> OutcomeReason | None:
        """The reason an :class:`Outcome` of this kind takes when none is given (默认办理情形),
        or ``None`` when the reply must name one: ``DISCLOSED`` for （一）予以公开 (Art.
        36(2); 已主动公开, Art. 36(1), is named), ``PARTIALLY_DISCLOSED`` for （二）部分公开
        (Art. 37, its only reason). [convention, SPEC §6]"""
        return _DEFAULT_REASONS.get(self)


_KINDS = {
    OutcomeKind.DISCLOSED: ("（一）", "予以公开", "三.1"),
    OutcomeKind.PARTIALLY_DISCLOSED: ("（二）", "部分公开", "三.2"),
    OutcomeKind.WITHHELD: ("（三）", "不予公开", "三.3"),
    OutcomeKind.UNABLE_TO_PROVIDE: ("（四）", "无法提供", "三.4"),
    OutcomeKind.NOT_PROCESSED: ("（五）", "不予处理", "三.5"),
    OutcomeKind.OTHER_HANDLING: ("（六）", "其他处理", "三.6"),
}


class ReportRow(enum.Enum):
    """A result row of table 三 of the annual report (FORMAT); the value is its key.

    The keys read ``三.<group>[.<item>]``: ``"三.1"`` is （一）予以公开, ``"三.3.4"`` is
    （三）不予公开 4.保护第三方合法权益. （七）总计 is a sum, not a row an outcome reaches.

    Members:
        DISCLOSED: 三.1 （一）予以公开.
        PARTIALLY_DISCLOSED: 三.2 （二）部分公开.
        WITHHELD_STATE_SECRET: 三.3.1 属于国家秘密.
        WITHHELD_PROHIBITED_BY_LAW: 三.3.2 其他法律行政法规禁止公开.
        WITHHELD_SECURITY_STABILITY: 三.3.3 危及“三安全一稳定”.
        WITHHELD_THIRD_PARTY_RIGHTS: 三.3.4 保护第三方合法权益.
        WITHHELD_INTERNAL_AFFAIRS: 三.3.5 属于三类内部事务信息.
        WITHHELD_PROCESS_INFORMATION: 三.3.6 属于四类过程性信息.
        WITHHELD_ENFORCEMENT_FILE: 三.3.7 属于行政执法案卷.
        WITHHELD_ADMINISTRATIVE_QUERY: 三.3.8 属于行政查询事项.
        UNABLE_NOT_HELD: 三.4.1 本机关不掌握相关政府信息.
        UNABLE_NEEDS_CREATION: 三.4.2 没有现成信息需要另行制作.
        UNABLE_STILL_UNCLEAR: 三.4.3 补正后申请内容仍不明确.
        NOT_PROCESSED_PETITION: 三.5.1 信访举报投诉类申请.
        NOT_PROCESSED_REPEATED: 三.5.2 重复申请.
        NOT_PROCESSED_PUBLICATION: 三.5.3 要求提供公开出版物.
        NOT_PROCESSED_EXCESSIVE: 三.5.4 无正当理由大量反复申请.
        NOT_PROCESSED_CONFIRM_OR_REISSUE: 三.5.5 要求行政机关确认或重新出具已获取信息.
        OTHER_CORRECTION_LAPSED: 三.6.1 申请人无正当理由逾期不补正、行政机关不再处理其
            政府信息公开申请.
        OTHER_FEE_LAPSED: 三.6.2 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理
            其政府信息公开申请.
        OTHER_OTHER: 三.6.3 其他.
    """

    DISCLOSED = "三.1"
    PARTIALLY_DISCLOSED = "三.2"
    WITHHELD_STATE_SECRET = "三.3.1"
    WITHHELD_PROHIBITED_BY_LAW = "三.3.2"
    WITHHELD_SECURITY_STABILITY = "三.3.3"
    WITHHELD_THIRD_PARTY_RIGHTS = "三.3.4"
    WITHHELD_INTERNAL_AFFAIRS = "三.3.5"
    WITHHELD_PROCESS_INFORMATION = "三.3.6"
    WITHHELD_ENFORCEMENT_FILE = "三.3.7"
    WITHHELD_ADMINISTRATIVE_QUERY = "三.3.8"
    UNABLE_NOT_HELD = "三.4.1"
    UNABLE_NEEDS_CREATION = "三.4.2"
    UNABLE_STILL_UNCLEAR = "三.4.3"
    NOT_PROCESSED_PETITION = "三.5.1"
    NOT_PROCESSED_REPEATED = "三.5.2"
    NOT_PROCESSED_PUBLICATION = "三.5.3"
    NOT_PROCESSED_EXCESSIVE = "三.5.4"
    NOT_PROCESSED_CONFIRM_OR_REISSUE = "三.5.5"
    OTHER_CORRECTION_LAPSED = "三.6.1"
    OTHER_FEE_LAPSED = "三.6.2"
    OTHER_OTHER = "三.6.3"

    @property
    def key(self) -> str:
        """The row's key, e.g. ``"三.3.4"``."""
        return str(self.value)

    @property
    def kind(self) -> OutcomeKind:
        """The group the row belongs to."""
        return _ROW_KINDS[self]

    @property
    def number(self) -> int | None:
        """The item number inside its group (1–8), or ``None`` for （一） and （二）."""
        parts = self.key.split(".")
        return int(parts[2]) if len(parts) == 3 else None

    @property
    def label_zh(self) -> str:
        """The row's label exactly as in FORMAT, without its number, e.g.
        ``"保护第三方合法权益"``; for （一） and （二） the group label."""
        return _ROW_LABELS.get(self) or self.kind.label_zh

    @property
    def heading_zh(self) -> str:
        """The row as printed in the report, e.g. ``"（三）不予公开 4.保护第三方合法权益"``."""
        group = f"{self.kind.ordinal_zh}{self.kind.label_zh}"
        return group if self.number is None else f"{group} {self.number}.{self.label_zh}"


_ROW_KINDS = {
    row: next(k for k in OutcomeKind if row.key == k.key or row.key.startswith(f"{k.key}."))
    for row in ReportRow
}
_KIND_ROWS = {k: tuple(r for r in ReportRow if _ROW_KINDS[r] is k) for k in OutcomeKind}
_ROW_LABELS = {
    ReportRow.WITHHELD_STATE_SECRET: "属于国家秘密",
    ReportRow.WITHHELD_PROHIBITED_BY_LAW: "其他法律行政法规禁止公开",
    ReportRow.WITHHELD_SECURITY_STABILITY: "危及“三安全一稳定”",
    ReportRow.WITHHELD_THIRD_PARTY_RIGHTS: "保护第三方合法权益",
    ReportRow.WITHHELD_INTERNAL_AFFAIRS: "属于三类内部事务信息",
    ReportRow.WITHHELD_PROCESS_INFORMATION: "属于四类过程性信息",
    ReportRow.WITHHELD_ENFORCEMENT_FILE: "属于行政执法案卷",
    ReportRow.WITHHELD_ADMINISTRATIVE_QUERY: "属于行政查询事项",
    ReportRow.UNABLE_NOT_HELD: "本机关不掌握相关政府信息",
    ReportRow.UNABLE_NEEDS_CREATION: "没有现成信息需要另行制作",
    ReportRow.UNABLE_STILL_UNCLEAR: "补正后申请内容仍不明确",
    ReportRow.NOT_PROCESSED_PETITION: "信访举报投诉类申请",
    ReportRow.NOT_PROCESSED_REPEATED: "重复申请",
    ReportRow.NOT_PROCESSED_PUBLICATION: "要求提供公开出版物",
    ReportRow.NOT_PROCESSED_EXCESSIVE: "无正当理由大量反复申请",
    ReportRow.NOT_PROCESSED_CONFIRM_OR_REISSUE: "要求行政机关确认或重新出具已获取信息",
    ReportRow.OTHER_CORRECTION_LAPSED: (
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    ),
    ReportRow.OTHER_FEE_LAPSED: (
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    ),
    ReportRow.OTHER_OTHER: "其他",
}


class OutcomeReason(enum.Enum):
    """The situation an outcome applies (办理情形), with its article and its row.

    Members (row in brackets):
        ALREADY_PUBLIC: already proactively published; the applicant is told where
            (已主动公开, Art. 36(1)) [三.1].
        DISCLOSED: disclosed, or the applicant is told how and when to obtain it
            (予以公开, Art. 36(2)) [三.1].
        PARTIALLY_DISCLOSED: disclosed after separating what cannot be disclosed
            (区分处理, Art. 37) [三.2].
        STATE_SECRET: a state secret (国家秘密, Art. 14) [三.3.1].
        PROHIBITED_BY_LAW: another law or administrative regulation forbids disclosure
            (法律、行政法规禁止公开, Art. 14) [三.3.2].
        SECURITY_STABILITY: would endanger national, public or economic security or
            social stability (三安全一稳定, Art. 14) [三.3.3].
        THIRD_PARTY_RIGHTS: would harm a third party's lawful rights, e.g. trade secrets
            or privacy (第三方合法权益, Art. 15) [三.3.4].
        INTERNAL_AFFAIRS: internal affairs: personnel, logistics, internal workflow
            (内部事务信息, Art. 16 ¶1) [三.3.5].
        PROCESS_INFORMATION: process information: discussion records, drafts,
            consultation letters, requests for instructions (过程性信息, Art. 16 ¶2)
            [三.3.6].
        ENFORCEMENT_FILE: an administrative law-enforcement file (行政执法案卷,
            Art. 16 ¶2) [三.3.7].
        ADMINISTRATIVE_QUERY: registration data (business, real estate, …) whose access
            another law or administrative regulation governs; the applicant is told to
            use that procedure (行政查询事项, Art. 36(7)) [三.3.8 by default; a host may
            count it elsewhere, see :meth:`Outcome.report_row`].
        NOT_HELD: the information does not exist after a search (不存在, Art. 36(4))
            [三.4.1].
        NOT_THIS_AGENCY: another agency is responsible for disclosing it (不属于本机关
            负责公开, Art. 36(5)) [三.4.1].
        NEEDS_CREATION: there is no existing information; it would have to be created,
            or compiled and analysed (需另行制作, Art. 38) [三.4.2].
        STILL_UNCLEAR: the request is still unclear after correction (补正后仍不明确,
            Art. 30) [三.4.3].
        PETITION: a petition, report or complaint in the form of a request (信访、举报、
            投诉, Art. 39 ¶1) [三.5.1].
        REPEATED: the same information was asked again after a reply (重复申请,
            Art. 36(6)) [三.5.2].
        PUBLICATION: asks for a public publication such as a gazette or book (公开出版物,
            Art. 39 ¶2) [三.5.3].
        EXCESSIVE: clearly excessive requests without good reason (无正当理由大量反复申请,
            Art. 35) [三.5.4].
        CONFIRM_OR_REISSUE: asks the agency to confirm or issue again information the
            applicant already has (确认或重新出具已获取信息). FORMAT names the row; no
            article does (it is not a request for information) [三.5.5].
        CORRECTION_LAPSED: no correction in time without good reason; deemed abandoned
            (逾期不补正, Art. 30) [三.6.1].
        FEE_LAPSED: the fee was not paid in time (逾期未缴费, Art. 42 and 国办函〔2020〕
            109号) [三.6.2].
        WITHDRAWN: withdrawn by the applicant (申请人撤回申请) [三.6.3].
        OTHER: any other ending; the outcome's ``note`` must say what (其他) [三.6.3].
    """

    ALREADY_PUBLIC = "already_public"
    DISCLOSED = "disclosed"
    PARTIALLY_DISCLOSED = "partially_disclosed"
    STATE_SECRET = "state_secret"
    PROHIBITED_BY_LAW = "prohibited_by_law"
    SECURITY_STABILITY = "security_stability"
    THIRD_PARTY_RIGHTS = "third_party_rights"
    INTERNAL_AFFAIRS = "internal_affairs"
    PROCESS_INFORMATION = "process_information"
    ENFORCEMENT_FILE = "enforcement_file"
    ADMINISTRATIVE_QUERY = "administrative_query"
    NOT_HELD = "not_held"
    NOT_THIS_AGENCY = "not_this_agency"
    NEEDS_CREATION = "needs_creation"
    STILL_UNCLEAR = "still_unclear"
    PETITION = "petition"
    REPEATED = "repeated"
    PUBLICATION = "publication"
    EXCESSIVE = "excessive"
    CONFIRM_OR_REISSUE = "confirm_or_reissue"
    CORRECTION_LAPSED = "correction_lapsed"
    FEE_LAPSED = "fee_lapsed"
    WITHDRAWN = "withdrawn"
    OTHER = "other"

    @property
    def row(self) -> ReportRow:
        """The table-三 row the reason counts in (for ``ADMINISTRATIVE_QUERY``, the
        default row; see :meth:`Outcome.report_row`)."""
        return _REASONS[self][0]

    @property
    def kind(self) -> OutcomeKind:
        """The outcome kind the reason belongs to."""
        return self.row.kind

    @property
    def article(self) -> str:
        """The provision applied, e.g. ``"Art. 36(5)"`` (FORMAT where no article names it)."""
        return _REASONS[self][1]

    @property
    def label_zh(self) -> str:
        """A short Chinese description of the situation."""
        return _REASONS[self][2]

    @property
    def is_withholding_ground(self) -> bool:
        """Whether the reason is one of the eight 不予公开 grounds (also the grounds a
        部分公开 gives for what it withheld)."""
        return self.kind is OutcomeKind.WITHHELD


_REASONS: dict[OutcomeReason, tuple[ReportRow, str, str]] = {
    OutcomeReason.ALREADY_PUBLIC: (ReportRow.DISCLOSED, "Art. 36(1)", "已主动公开"),
    OutcomeReason.DISCLOSED: (ReportRow.DISCLOSED, "Art. 36(2)", "予以公开"),
    OutcomeReason.PARTIALLY_DISCLOSED: (ReportRow.PARTIALLY_DISCLOSED, "Art. 37", "区分处理"),
    OutcomeReason.STATE_SECRET: (ReportRow.WITHHELD_STATE_SECRET, "Art. 14", "国家秘密"),
    OutcomeReason.PROHIBITED_BY_LAW: (
        ReportRow.WITHHELD_PROHIBITED_BY_LAW,
        "Art. 14",
        "法律、行政法规禁止公开",
    ),
    OutcomeReason.SECURITY_STABILITY: (
        ReportRow.WITHHELD_SECURITY_STABILITY,
        "Art. 14",
        "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
    ),
    OutcomeReason.THIRD_PARTY_RIGHTS: (
        ReportRow.WITHHELD_THIRD_PARTY_RIGHTS,
        "Art. 15",
        "公开会对第三方合法权益造成损害",
    ),
    OutcomeReason.INTERNAL_AFFAIRS: (
        ReportRow.WITHHELD_INTERNAL_AFFAIRS,
        "Art. 16 ¶1",
        "内部事务信息",
    ),
    OutcomeReason.PROCESS_INFORMATION: (
        ReportRow.WITHHELD_PROCESS_INFORMATION,
        "Art. 16 ¶2",
        "过程性信息",
    ),
    OutcomeReason.ENFORCEMENT_FILE: (
        ReportRow.WITHHELD_ENFORCEMENT_FILE,
        "Art. 16 ¶2",
        "行政执法案卷信息",
    ),
    OutcomeReason.ADMINISTRATIVE_QUERY: (
        ReportRow.WITHHELD_ADMINISTRATIVE_QUERY,
        "Art. 36(7)",
        "工商、不动产登记资料等，依照有关法律、行政法规的规定办理",
    ),
    OutcomeReason.NOT_HELD: (ReportRow.UNABLE_NOT_HELD, "Art. 36(4)", "政府信息不存在"),
    OutcomeReason.NOT_THIS_AGENCY: (
        ReportRow.UNABLE_NOT_HELD,
        "Art. 36(5)",
        "不属于本机关负责公开",
    ),
    OutcomeReason.NEEDS_CREATION: (
        ReportRow.UNABLE_NEEDS_CREATION,
        "Art. 38",
        "需要另行制作或者加工、分析",
    ),
    OutcomeReason.STILL_UNCLEAR: (
        ReportRow.UNABLE_STILL_UNCLEAR,
        "Art. 30",
        "补正后申请内容仍不明确",
    ),
    OutcomeReason.PETITION: (
        ReportRow.NOT_PROCESSED_PETITION,
        "Art. 39 ¶1",
        "以申请形式进行信访、投诉、举报",
    ),
    OutcomeReason.REPEATED: (
        ReportRow.NOT_PROCESSED_REPEATED,
        "Art. 36(6)",
        "重复申请相同政府信息",
    ),
    OutcomeReason.PUBLICATION: (
        ReportRow.NOT_PROCESSED_PUBLICATION,
        "Art. 39 ¶2",
        "要求提供政府公报、报刊、书籍等公开出版物",
    ),
    OutcomeReason.EXCESSIVE: (
        ReportRow.NOT_PROCESSED_EXCESSIVE,
        "Art. 35",
        "申请数量、频次明显超过合理范围且理由不合理",
    ),
    OutcomeReason.CONFIRM_OR_REISSUE: (
        ReportRow.NOT_PROCESSED_CONFIRM_OR_REISSUE,
        "FORMAT 三（五）5",
        "要求确认或重新出具已获取信息",
    ),
    OutcomeReason.CORRECTION_LAPSED: (
        ReportRow.OTHER_CORRECTION_LAPSED,
        "Art. 30",
        "逾期不补正，视为放弃申请",
    ),
    OutcomeReason.FEE_LAPSED: (
        ReportRow.OTHER_FEE_LAPSED,
        "Art. 42; 国办函〔2020〕109号",
        "逾期未缴纳信息处理费",
    ),
    OutcomeReason.WITHDRAWN: (ReportRow.OTHER_OTHER, "FORMAT 三（六）3", "申请人撤回申请"),
    OutcomeReason.OTHER: (ReportRow.OTHER_OTHER, "FORMAT 三（六）3", "其他"),
}


_KIND_REASONS = {k: tuple(r for r in OutcomeReason if r.kind is k) for k in OutcomeKind}


#: The reason an outcome takes when none is given (默认办理情形): the kinds whose
#: situation the law names with the kind itself — （一）予以公开 is Art. 36(2) 予以公开
#: (Art. 36(1) 已主动公开 is a different reply and must be named), （二）部分公开 has only
#: Art. 37. Every other kind has several grounds, and the reply must name the one
#: applied (Art. 36(3): 告知申请人不予公开并说明理由). [convention, SPEC §6]
_DEFAULT_REASONS = {
    OutcomeKind.DISCLOSED: OutcomeReason.DISCLOSED,
    OutcomeKind.PARTIALLY_DISCLOSED: OutcomeReason.PARTIALLY_DISCLOSED,
}


def _kind(value: OutcomeKind | str) -> OutcomeKind:
    return _fields.to_member(OutcomeKind, value, "kind")


def _reason(value: OutcomeReason | str | None) -> OutcomeReason | None:
    # None: the kind's default reason, filled in by Outcome.__attrs_post_init__.
    return _fields.to_optional_member(OutcomeReason, value, "reason")


def _grounds(value: Iterable[OutcomeReason | str]) -> tuple[OutcomeReason, ...]:
    # Which grounds a 部分公开 may give is checked by Outcome.__attrs_post_init__.
    if not isinstance(value, tuple | list):
        raise InvalidValueError(
            "withheld_grounds",
            value,
            Wording("a tuple of OutcomeReason members", "OutcomeReason 成员组成的元组"),
        )
    return _fields.to_members(OutcomeReason, value, "withheld_grounds")


@attrs.frozen(slots=True)
class Outcome:
    """How a request ended (办理结果): a kind, its reason, and the details the kind needs.

    Required details, checked at construction (:class:`InvalidValueError` otherwise):

    - ``reason`` must be one of the kind's reasons. Left out (``None``), it is the
      kind's :attr:`~OutcomeKind.default_reason`: ``OutcomeReason.DISCLOSED`` for
      （一）予以公开 (Art. 36(2)), ``OutcomeReason.PARTIALLY_DISCLOSED`` for （二）部分公开
      (Art. 37); every other kind must name its reason (a 不予公开 thus always names
      its ground, Art. 36(3)), and ``OutcomeReason.ALREADY_PUBLIC`` (Art. 36(1)) is
      always named. [convention, SPEC §6]
    - ``kind``, ``reason`` and ``withheld_grounds`` take members or their values, e.g.
      ``Outcome("withheld", "state_secret")``.
    - a 部分公开 records ``withheld`` (what was not disclosed) and why: ``withheld_grounds``
      (one or more of the eight 不予公开 grounds) and/or
      ``not_government_information`` (part of what was asked is not government
      information, Art. 37); no other kind may carry them.
    - ``competent_agency`` may be given only with ``NOT_THIS_AGENCY`` (Art. 36(5):
      the agency responsible, with contact details, when it can be determined).
    - ``OTHER`` needs a ``note`` saying what happened.

    Attributes:
        kind: the group of table 三 (办理结果类型).
        reason: the situation applied, with its article (办理情形); given as ``None``
            (the default), the kind's default reason.
        withheld: for a 部分公开, what was withheld (不予公开的内容).
        withheld_grounds: for a 部分公开, the grounds of the withholding (不予公开理由).
        not_government_information: for a 部分公开, whether part of what was withheld is
            not government information at all (不属于政府信息, Art. 37).
        competent_agency: for ``NOT_THIS_AGENCY``, the agency responsible and how to
            reach it (负责公开的行政机关的名称、联系方式).
        note: free text for the reply or the file (说明).
    """

    kind: OutcomeKind = attrs.field(converter=_kind, repr=_fields.enum_repr)
    reason: OutcomeReason = attrs.field(default=None, converter=_reason, repr=_fields.enum_repr)
    withheld: str | None = attrs.field(default=None, kw_only=True, validator=_fields.optional_text)
    withheld_grounds: tuple[OutcomeReason, ...] = attrs.field(
        default=(), kw_only=True, converter=_grounds, repr=_fields.enum_tuple_repr
    )
    not_government_information: bool = attrs.field(
        default=False, kw_only=True, validator=attrs.validators.instance_of(bool)
    )
    competent_agency: str | None = attrs.field(
        default=None, kw_only=True, validator=_fields.optional_text
    )
    note: str | None = attrs.field(default=None, kw_only=True, validator=_fields.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.reason is None:
            self._default_reason()
        allowed_reasons = self.kind.reasons
        if self.reason not in allowed_reasons:
            listed = ", ".join(_fields.enum_repr(r) for r in allowed_reasons)
            raise InvalidValueError(
                "reason",
                self.reason,
                Wording(
                    f"for {self.kind.ordinal_zh}{self.kind.label_zh} one of {listed}",
                    f"{self.kind.ordinal_zh}{self.kind.label_zh}的理由为以下之一：{listed}",
                ),
            )
        partial = self.kind is OutcomeKind.PARTIALLY_DISCLOSED
        if partial:
            self._check_partial()
        else:
            for field in ("withheld", "withheld_grounds", "not_government_information"):
                if getattr(self, field):
                    raise InvalidValueError(
                        field,
                        getattr(self, field),
                        Wording(
                            "nothing: only a 部分公开 (PARTIALLY_DISCLOSED) records what was "
                            "withheld",
                            "不填：只有部分公开（PARTIALLY_DISCLOSED）才记录不予公开的内容",
                        ),
                    )
        if self.competent_agency is not None and self.reason is not OutcomeReason.NOT_THIS_AGENCY:
            raise InvalidValueError(
                "competent_agency",
                self.competent_agency,
                Wording(
                    "None: only OutcomeReason.NOT_THIS_AGENCY (Art. 36(5)) names the competent "
                    "agency",
                    "None：只有 OutcomeReason.NOT_THIS_AGENCY（第三十六条第五项）写明有权机关",
                ),
            )
        if self.reason is OutcomeReason.OTHER and self.note is None:
            raise InvalidValueError(
                "note",
                None,
                Wording(
                    "a non-empty string saying what happened (其他处理 — 其他)",
                    "非空字符串：说明如何处理（其他处理 — 其他）",
                ),
            )

    def _default_reason(self) -> None:
        default = self.kind.default_reason
        if default is None:
            listed = ", ".join(_fields.enum_repr(r) for r in self.kind.reasons)
            raise InvalidValueError(
                "reason",
                None,
                Wording(
                    f"for {self.kind.ordinal_zh}{self.kind.label_zh} one of {listed} "
                    "(the reply names its ground; only 予以公开 and 部分公开 have a default)",
                    f"{self.kind.ordinal_zh}{self.kind.label_zh}的理由为以下之一：{listed}"
                    "（答复应写明理由；只有予以公开和部分公开有默认理由）",
                ),
            )
        object.__setattr__(self, "reason", default)

    def _check_partial(self) -> None:
        if self.withheld is None:
            raise InvalidValueError(
                "withheld",
                None,
                Wording(
                    "a non-empty string: what was not disclosed (不予公开的内容)",
                    "非空字符串：不予公开的内容",
                ),
            )
        grounds = self.withheld_grounds
        ground_list = ", ".join(_fields.enum_repr(r) for r in OutcomeKind.WITHHELD.reasons)
        if not grounds and not self.not_government_information:
            raise InvalidValueError(
                "withheld_grounds",
                grounds,
                Wording(
                    f"one or more of {ground_list}, or not_government_information=True (Art. 37)",
                    f"以下一项或多项：{ground_list}，"
                    "或 not_government_information=True（第三十七条）",
                ),
            )
        for ground in grounds:
            if not isinstance(ground, OutcomeReason) or not ground.is_withholding_ground:
                raise InvalidValueError(
                    "withheld_grounds",
                    ground,
                    Wording(f"one of {ground_list}", f"以下之一：{ground_list}"),
                )
        if len(set(grounds)) != len(grounds):
            raise InvalidValueError(
                "withheld_grounds", grounds, Wording("each ground at most once", "每个理由最多一次")
            )

    @property
    def row(self) -> ReportRow:
        """The table-三 row the outcome counts in, by default (see :meth:`report_row`)."""
        return self.report_row()

    def report_row(
        self, *, registration_data_row: ReportRow | str = ReportRow.WITHHELD_ADMINISTRATIVE_QUERY
    ) -> ReportRow:
        """The table-三 row the outcome counts in.

        Args:
            registration_data_row: where a registration-data answer (Art. 36(7),
                ``OutcomeReason.ADMINISTRATIVE_QUERY``) counts; the host's choice,
                by default （三）8 属于行政查询事项 (SPEC §6); a :class:`ReportRow` or its
                value, the row's key (e.g. ``"三.4.1"``).

        Raises:
            InvalidValueError: *registration_data_row* is not a :class:`ReportRow`.
        """
        if type(registration_data_row) is str:
            registration_data_row = _fields.to_member(
                ReportRow, registration_data_row, "registration_data_row"
            )
        if not isinstance(registration_data_row, ReportRow):
            raise InvalidValueError.choice(
                "registration_data_row", registration_data_row, list(ReportRow)
            )
        if self.reason is OutcomeReason.ADMINISTRATIVE_QUERY:
            return registration_data_row
        return self.reason.row

    @property
    def is_reply(self) -> bool:
        """Whether the outcome is a reply to the applicant (答复, （一）–（五）), as
        opposed to an ending without one (（六）: correction or fee lapsed, withdrawn)."""
        return self.kind.is_reply

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict."""
        out: dict[str, Any] = {
            "kind": self.kind.value,
            "reason": self.reason.value,
            "withheld": self.withheld,
            "withheld_grounds": [g.value for g in self.withheld_grounds],
            "competent_agency": self.competent_agency,
            "note": self.note,
        }
        if self.not_government_information:
            out["not_government_information"] = True
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "outcome") -> Outcome:
        """Read back :meth:`to_dict`.

        Raises:
            SerializationError: *data* is malformed or its details do not fit its kind
                (e.g. a 不予公开 without its ground); the error names the path.
        """
        data = _fields.read_mapping(data, path)
        _fields.check_keys(
            data,
            path,
            frozenset({"kind", "reason"}),
            frozenset(
                {
                    "withheld",
                    "withheld_grounds",
                    "not_government_information",
                    "competent_agency",
                    "note",
                }
            ),
        )
        flag = data.get("not_government_information", False)
        if type(flag) is not bool:
            raise SerializationError(
                f"{path}.not_government_information",
                flag,
                Wording("true or false", "true 或 false"),
            )
        built: Outcome = _fields.rebuild(
            path,
            cls,
            kind=_fields.read_enum(data, "kind", path, OutcomeKind),
            reason=_fields.read_enum(data, "reason", path, OutcomeReason),
            withheld=_fields.read_optional_text(data, "withheld", path),
            withheld_grounds=_fields.read_enum_list(data, "withheld_grounds", path, OutcomeReason),
            not_government_information=flag,
            competent_agency=_fields.read_optional_text(data, "competent_agency", path),
            note=_fields.read_optional_text(data, "note", path),
        )
        return built


#: Which outcome an application of several items counts under when they differ and no
#: partial disclosure results: the first kind in this order [convention].
_PRECEDENCE = (
    "disclosed",
    "partially_disclosed",
    "withheld",
    "unable_to_provide",
    "not_processed",
    "other_handling",
)


def combine_outcomes(items: tuple[tuple[str, Outcome], ...]) -> Outcome:
    """How an application of several items counts in table 三, from each item's outcome
    (一件申请多项内容的统计口径).

    [convention] (SPEC §12; FORMAT counts a 区分处理 only under （二）): items disclosed
    beside items withheld on the grounds of Art. 14–16 make a 部分公开 — what was withheld
    is those items, on their grounds. Items that all end alike count as that outcome.
    Any other mixture counts under the first of disclosed, partially disclosed,
    withheld, unable to provide, not processed, other handling, taking the first
    such item's outcome. ``Policy.item_counting`` can count each item as its own
    application instead (一事一申请, FEES Art. 4).

    Raises:
        InvalidValueError: *items* is empty.
    """
    if not items:
        raise InvalidValueError(
            "items",
            items,
            Wording("one or more (item, Outcome) pairs", "一个或多个（事项, Outcome）对"),
        )
    outcomes = [o for _, o in items]
    if all(o == outcomes[0] for o in outcomes):
        return outcomes[0]
    disclosing = [
        o for o in outcomes if o.kind in (OutcomeKind.DISCLOSED, OutcomeKind.PARTIALLY_DISCLOSED)
    ]
    withheld = [(i, o) for i, o in items if o.kind is OutcomeKind.WITHHELD]
    if disclosing and withheld:
        grounds: list[OutcomeReason] = []
        parts: list[str] = []
        not_government = False
        for o in disclosing:
            if o.kind is OutcomeKind.PARTIALLY_DISCLOSED:
                grounds.extend(o.withheld_grounds)
                parts.append(o.withheld or "")
                not_government |= o.not_government_information
        for item, o in withheld:
            grounds.append(o.reason)
            parts.append(item)
        return Outcome(
            OutcomeKind.PARTIALLY_DISCLOSED,
            withheld="；".join(p for p in parts if p),
            withheld_grounds=tuple(dict.fromkeys(grounds)),
            not_government_information=not_government,
        )
    for kind in _PRECEDENCE:
        for o in outcomes:
            if o.kind.value == kind:
                return o
    return outcomes[0]  # pragma: no cover - every kind is in _PRECEDENCE
