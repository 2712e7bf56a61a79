"""Overlays (叠加日历数据): dated days off and working days layered on the national data.

An overlay is plain data: Python objects, or a TOML file a clerk can edit. Uses:

- the next year's State Council notice, typed in before a ``chinese-calendar``
  release has it (``scope = "national"`` with ``covers = [2027]``: the overlay then
  *covers* that year, and its answers are final);
- local holidays of autonomous areas and their make-up working days (地方节假日);
- one-off closures (临时停止办公).

Each entry carries a label, a source (a notice's title and number, or a URL) and a
status, *confirmed* or *estimated*. Overlays compose: a calendar applies them in
order, a later entry for the same date replacing an earlier one.

A TOML overlay::

    name = "临夏州（示例）"
    scope = "local"

    [[entry]]
    date = 2026-11-19
    kind = "day_off"
    label = "临夏回族自治州成立纪念日"
    source = "《临夏回族自治州自治条例》"
    status = "confirmed"

    [[recurring]]
    month = 11
    day = 19
    years = [2020, 2030]
    on_weekend = "next_monday"
    kind = "day_off"
    label = "临夏回族自治州成立纪念日"
    source = "《临夏回族自治州自治条例》"

A local ``working_day`` entry on a national statutory holiday (法定节假日) is refused
unless it adds ``overrides_national = true``.
"""

from __future__ import annotations

import datetime as _dt
import enum
import hashlib
import json
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from disclosure_flow._fields import text_codec, to_member
from disclosure_flow.dates import stored_date
from disclosure_flow.errors import InputEncodingError, InvalidValueError, OverlayError, Wording
from disclosure_flow.workdays import estimate
from disclosure_flow.workdays.days import DataStatus

_E = TypeVar("_E", bound=enum.Enum)

__all__ = ["Overlay", "OverlayEntry", "OverlayKind", "OverlayScope", "WeekendRule"]


class OverlayKind(enum.Enum):
    """What an overlay entry makes of its date.

    Members:
        DAY_OFF: the date is not a working day (放假、停止办公).
        WORKING_DAY: the date is a working day (上班), e.g. a local make-up day.
    """

    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"


class OverlayScope(enum.Enum):
    """Whether an overlay holds national data or local additions.

    Members:
        NATIONAL: a State Council notice typed in by the host (全国); may cover years.
        LOCAL: local holidays, make-up days or closures (地方).
    """

    NATIONAL = "national"
    LOCAL = "local"


class WeekendRule(enum.Enum):
    """What a recurring date does when it falls on a weekend.

    Members:
        KEEP: it stays on its date.
        NEXT_MONDAY: it moves to the following Monday (逢周末顺延至周一).
    """

    KEEP = "keep"
    NEXT_MONDAY = "next_monday"


_ENTRY_STATUSES = (DataStatus.CONFIRMED, DataStatus.ESTIMATED)


# The enum-typed fields take a member or its value (_fields.to_member), as the overlay
# file writes them.
def _to_kind(value: OverlayKind | str) -> OverlayKind:
    return to_member(OverlayKind, value, "kind")


def _to_status(value: DataStatus | str) -> DataStatus:
    return to_member(DataStatus, value, "status")


def _to_scope(value: OverlayScope | str) -> OverlayScope:
    return to_member(OverlayScope, value, "scope")


def _entry_status(instance: object, attribute: attrs.Attribute[Any], value: DataStatus) -> None:
    if value not in _ENTRY_STATUSES:
        raise OverlayError(
            attribute.name,
            value,
            Wording(
                "DataStatus.CONFIRMED or DataStatus.ESTIMATED",
                "DataStatus.CONFIRMED 或 DataStatus.ESTIMATED",
            ),
        )


def _plain_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not _dt.date:
        raise OverlayError(attribute.name, value, Wording("a datetime.date", "datetime.date 日期"))


def _non_empty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise OverlayError(attribute.name, value, Wording("a non-empty string", "非空字符串"))


def _override_flag(instance: OverlayEntry, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise OverlayError(attribute.name, value, Wording("True or False", "True 或 False"))
    if value and instance.kind is not OverlayKind.WORKING_DAY:
        raise OverlayError(
            attribute.name,
            value,
            Wording(
                "True only on a working-day entry (a day off never overrides a national day off)",
                "只在工作日条目上为 True（休息日从不取代全国休息日）",
            ),
        )


@attrs.frozen(slots=True)
class OverlayEntry:
    """One dated fact of an overlay.

    Attributes:
        day: the date.
        kind: day off or working day.
        label: what it is, e.g. ``"古尔邦节"`` or ``"办公楼停电，暂停受理"``.
        source: where it comes from: a notice's title and number, or a URL.
        status: confirmed (已确认) or estimated (估计).
        overrides_national: a local working day on a national statutory holiday
            (法定节假日) says so explicitly here (地方规定覆盖全国假日); without it a
            local overlay that makes a statutory holiday a working day is refused.
    """

    day: _dt.date = attrs.field(validator=_plain_date)
    kind: OverlayKind = attrs.field(
        converter=_to_kind, validator=attrs.validators.instance_of(OverlayKind)
    )
    label: str = attrs.field(validator=_non_empty)
    source: str = attrs.field(validator=_non_empty)
    status: DataStatus = attrs.field(
        default=DataStatus.CONFIRMED, converter=_to_status, validator=_entry_status
    )
    overrides_national: bool = attrs.field(default=False, validator=_override_flag)

    def to_dict(self) -> dict[str, str | bool]:
        """A JSON-safe dict (the same keys as a TOML ``[[entry]]``)."""
        data: dict[str, str | bool] = {
            "date": self.day.isoformat(),
            "kind": self.kind.value,
            "label": self.label,
            "source": self.source,
            "status": self.status.value,
        }
        if self.overrides_national:
            data["overrides_national"] = True
        return data


def _check_entries(
    instance: Overlay, attribute: attrs.Attribute[Any], value: tuple[OverlayEntry, ...]
) -> None:
    seen: dict[_dt.date, OverlayEntry] = {}
    for entry in value:
        if not isinstance(entry, OverlayEntry):
            raise OverlayError(
                "entries", entry, Wording("OverlayEntry objects", "OverlayEntry 条目对象")
            )
        if entry.day in seen:
            raise OverlayError(
                f"{instance.name!r} entries",
                entry.day.isoformat(),
                Wording(
                    "at most one entry per date in one overlay (use a second overlay to override)",
                    "一份节假日数据中每个日期至多一条（要覆盖请另用一份节假日数据）",
                ),
            )
        seen[entry.day] = entry


def _check_covers(
    instance: Overlay, attribute: attrs.Attribute[Any], value: tuple[int, ...]
) -> None:
    for year in value:
        if type(year) is not int or not 1900 <= year <= 2100:
            raise OverlayError(
                f"{instance.name!r} covers",
                year,
                Wording("years from 1900 to 2100", "1900 至 2100 年"),
            )
    if value and instance.scope is not OverlayScope.NATIONAL:
        raise OverlayError(
            f"{instance.name!r} covers",
            list(value),
            Wording(
                "only a national overlay (scope 'national') can cover whole years",
                "只有全国节假日数据（scope 'national'）才能覆盖整年",
            ),
        )
    if value and any(
        e.status is not DataStatus.CONFIRMED for e in instance.entries if e.day.year in value
    ):
        raise OverlayError(
            f"{instance.name!r} covers",
            list(value),
            Wording(
                "a covered year holds only confirmed entries (it stands in for an official notice)",
                "所覆盖年份只能有已确认的条目（它代替正式通知）",
            ),
        )
    off = {e.day for e in instance.entries if e.kind is OverlayKind.DAY_OFF}
    for year in value:
        statutory = _statutory(instance, year)
        missing = [f"{d.isoformat()} {n}" for d, n in sorted(statutory.items()) if d not in off]
        if missing:
            raise OverlayError(
                f"{instance.name!r} covers {year}",
                missing,
                Wording(
                    f"a national overlay that covers {year} gives every statutory holiday of "
                    f"that year a day off (全国年节及纪念日放假办法: {len(statutory)} days), "
                    "as its notice does",
                    f"覆盖 {year} 年的全国节假日数据应像当年通知那样，给该年每个法定节假日放假"
                    f"（全国年节及纪念日放假办法：{len(statutory)} 天）",
                ),
            )


def _statutory(instance: Overlay, year: int) -> dict[_dt.date, str]:
    try:
        return estimate.statutory_days(year)
    except InvalidValueError:
        raise OverlayError(
            f"{instance.name!r} covers",
            year,
            Wording(
                f"years from {estimate.FIRST_ESTIMABLE_YEAR} to {estimate.LAST_ESTIMABLE_YEAR}, "
                "whose statutory holidays (法定节假日) can be checked",
                f"{estimate.FIRST_ESTIMABLE_YEAR} 至 {estimate.LAST_ESTIMABLE_YEAR} 年，"
                "即其法定节假日可以核对的年份",
            ),
        ) from None


def _check_local_workdays(
    instance: Overlay, attribute: attrs.Attribute[Any], value: OverlayScope
) -> None:
    if value is not OverlayScope.LOCAL:
        return
    statutory: dict[int, dict[_dt.date, str]] = {}
    for entry in instance.entries:
        if entry.kind is not OverlayKind.WORKING_DAY or entry.overrides_national:
            continue
        year = entry.day.year
        if not estimate.FIRST_ESTIMABLE_YEAR <= year <= estimate.LAST_ESTIMABLE_YEAR:
            continue  # no statutory days known to check against
        if year not in statutory:
            statutory[year] = estimate.statutory_days(year)
        holiday = statutory[year].get(entry.day)
        if holiday is not None:
            raise OverlayError(
                f"{instance.name!r} entry {entry.day.isoformat()}",
                f"working day on {holiday} (a national statutory holiday)",
                Wording(
                    "a day off, or overrides_national = true where a local rule really "
                    "overrides the national holiday",
                    "休息日，或在地方规定确实取代全国假日时写 overrides_national = true",
                ),
            )


def _sorted_entries(entries: Iterable[OverlayEntry]) -> tuple[OverlayEntry, ...]:
    items = tuple(entries)
    for entry in items:
        if not isinstance(entry, OverlayEntry):
            raise OverlayError(
                "entries", entry, Wording("OverlayEntry objects", "OverlayEntry 条目对象")
            )
    return tuple(sorted(items, key=lambda e: e.day))


def _sorted_years(years: Iterable[int]) -> tuple[int, ...]:
    if not isinstance(years, Iterable) or isinstance(years, str | bytes):
        raise OverlayError(
            "covers",
            years,
            Wording("a list of years from 1900 to 2100", "1900 至 2100 之间的年份列表"),
        )
    items = tuple(years)
    for year in items:
        if type(year) is not int:  # before set(): a list is unhashable, a float no year
            raise OverlayError(
                "covers", year, Wording("years from 1900 to 2100", "1900 至 2100 年")
            )
    return tuple(sorted(set(items)))


@attrs.frozen
class Overlay:
    """A named set of dated days off and working days (叠加日历).

    Attributes:
        name: a name for messages and explanations, e.g. ``"宁夏回族自治区"``.
        entries: the dated entries, at most one per date, sorted by date.
        scope: national or local. National entries count as statutory holidays and
            make-up days; local ones as local holidays and local working days.
        covers: years for which this (national) overlay is the complete notice: the
            calendar then treats those years as covered, with status confirmed.
    """

    name: str = attrs.field(validator=_non_empty)
    entries: tuple[OverlayEntry, ...] = attrs.field(
        converter=_sorted_entries,
        validator=_check_entries,
        factory=tuple,
    )
    scope: OverlayScope = attrs.field(
        default=OverlayScope.LOCAL,
        converter=_to_scope,
        validator=[attrs.validators.instance_of(OverlayScope), _check_local_workdays],
    )
    covers: tuple[int, ...] = attrs.field(
        default=(), converter=_sorted_years, validator=_check_covers
    )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, origin: str = "<dict>") -> Overlay:
        """Build an overlay from plain data (the TOML file's structure).

        Raises:
            OverlayError: a key is missing or a value is malformed; the message
                names the entry and what is allowed.
        """
        if not isinstance(data, Mapping):
            raise OverlayError(
                origin,
                data,
                Wording(
                    "a mapping with 'name' and 'entry'/'recurring' lists",
                    "含有 'name' 以及 'entry'/'recurring' 列表的映射",
                ),
            )
        _check_keys(data, _TOP_KEYS, origin, Wording("top-level keys", "顶层键"))
        name = data.get("name")
        if not isinstance(name, str):
            raise OverlayError(f"{origin}: name", name, Wording("a non-empty string", "非空字符串"))
        scope = _enum(OverlayScope, data.get("scope", "local"), f"{origin}: scope")
        entries: list[OverlayEntry] = []
        for index, raw in enumerate(_list(data.get("entry", []), f"{origin}: entry")):
            entries.append(_entry_from(raw, f"{origin}: entry[{index}]"))
        for index, raw in enumerate(_list(data.get("recurring", []), f"{origin}: recurring")):
            entries.extend(_expand_recurring(raw, f"{origin}: recurring[{index}]"))
        covers = _list(data.get("covers", []), f"{origin}: covers")
        for index, year in enumerate(covers):
            if type(year) is not int:
                raise OverlayError(
                    f"{origin}: covers[{index}]",
                    year,
                    Wording("years from 1900 to 2100", "1900 至 2100 年"),
                )
        return cls(name=name, entries=tuple(entries), scope=scope, covers=tuple(covers))

    @classmethod
    def from_notice(
        cls, text: str, *, source: str | None = None, supplements: Iterable[str] = ()
    ) -> Overlay:
        """The national overlay of a State Council holiday notice, pasted as published
        (国务院办公厅关于YYYY年部分节假日安排的通知): it covers the notice's year, with
        every day off and make-up working day labelled with its holiday, sourced with
        the notice's title and number (and *source*), status confirmed.

        Args:
            text: the notice's text (title, number, items ``一、元旦：…``, signature).
            source: where it was published, e.g. its gov.cn address.
            supplements: texts of supplementary notices that changed the year later
                (e.g. 国办发明电〔2020〕1号), applied in order.

        Raises:
            NoticeError: the notice cannot be read or contradicts itself or the law;
                the message names the line (see
                :class:`~disclosure_flow.workdays.notices.HolidayNotice`).
        """
        from disclosure_flow.workdays.notices import HolidayNotice  # notices builds on Overlay

        overlay = HolidayNotice.parse(text, source=source).to_overlay()
        for supplement in supplements:
            overlay = HolidayNotice.parse(supplement).amend(overlay)
        return overlay

    @classmethod
    def from_toml(cls, text: str, *, origin: str = "<toml>") -> Overlay:
        """Parse an overlay from TOML text (see the module docs for the format); a
        leading byte-order mark is ignored.

        Raises:
            OverlayError: the text is not valid TOML (including numbers too long and
                nesting too deep to read), or not a valid overlay.
        """
        if not isinstance(text, str):
            raise OverlayError(
                origin, type(text).__name__, Wording("TOML text (a str)", "TOML 文本（str）")
            )
        try:
            data = tomllib.loads(text.removeprefix("\ufeff"))
        except tomllib.TOMLDecodeError as error:
            raise OverlayError(origin, str(error), Wording("valid TOML", "有效的 TOML")) from None
        except ValueError as error:  # int() refuses numbers of more than 4300 digits
            raise OverlayError(
                origin,
                str(error),
                Wording("valid TOML with numbers of usual size", "数字大小正常的有效 TOML"),
            ) from None
        except RecursionError:
            raise OverlayError(
                origin,
                "arrays or tables nested too deeply",
                Wording("valid TOML of usual depth", "嵌套层数正常的有效 TOML"),
            ) from None
        return cls.from_dict(data, origin=origin)

    @classmethod
    def load(cls, path: str | Path, *, encoding: str = "utf-8") -> Overlay:
        """Read an overlay from a TOML file (叠加日历文件).

        Args:
            path: the file.
            encoding: the file's text encoding; default strict UTF-8, with or without a
                byte-order mark. Name another one for a file saved so, e.g. ``"gbk"``
                (what editors on Chinese Windows save).

        Raises:
            InputEncodingError: the file is not text in *encoding*; the error names the
                file and the line.
            InvalidValueError: *encoding* is not a text encoding Python knows.
            OverlayError: the file is not a valid overlay.
            OSError: the file cannot be read.
        """
        codec = text_codec(encoding)
        path = Path(path)
        data = path.read_bytes()
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            raise InputEncodingError.from_decode_error(error, source=str(path)) from None
        return cls.from_toml(text, origin=str(path))

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe plain data that :meth:`from_dict` reads back to an equal overlay."""
        data: dict[str, Any] = {"name": self.name, "scope": self.scope.value}
        if self.covers:
            data["covers"] = list(self.covers)
        data["entry"] = [entry.to_dict() for entry in self.entries]
        return data

    @property
    def digest(self) -> str:
        """SHA-256 of the overlay's canonical content (for calendar fingerprints)."""
        canonical = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()


# In the order the messages list them.
_TOP_KEYS = dict.fromkeys(("name", "scope", "covers", "entry", "recurring"))
_ENTRY_KEYS = dict.fromkeys(("date", "kind", "label", "overrides_national", "source", "status"))
_RECURRING_KEYS = dict.fromkeys(
    (
        "day",
        "kind",
        "label",
        "month",
        "on_weekend",
        "overrides_national",
        "source",
        "status",
        "years",
    )
)


def _check_keys(
    raw: Mapping[Any, Any],
    keys: Mapping[str, None],
    where: str,
    allowed: Wording = Wording("keys", "键"),  # noqa: B008  # immutable
) -> None:
    unknown = [key for key in raw if key not in keys]
    if unknown:
        # Sorted by repr(): a host's dict may mix int and str keys, which do not compare.
        listed = Wording(f"{allowed} " + ", ".join(keys), f"{allowed.zh}：" + "、".join(keys))
        raise OverlayError(where, sorted(unknown, key=repr), listed)


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise OverlayError(where, value, Wording("a list", "列表"))
    return value


def _enum(kind: type[_E], value: object, where: str) -> _E:
    for member in kind:
        if member.value == value or member is value:
            return member
    raise OverlayError(where, value, Wording.one_of(repr(m.value) for m in kind))


def _date(value: object, where: str) -> _dt.date:
    if type(value) is _dt.date:
        return value
    day = stored_date(value)  # exactly YYYY-MM-DD: no week dates, no compact forms
    if day is not None:
        return day
    raise OverlayError(where, value, Wording("a date such as 2026-11-19", "日期，如 2026-11-19"))


def _text(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise OverlayError(f"{where}: {key}", value, Wording("a non-empty string", "非空字符串"))
    return value


def _entry_from(raw: object, where: str) -> OverlayEntry:
    if not isinstance(raw, Mapping):
        raise OverlayError(
            where,
            raw,
            Wording(
                "a table with date, kind, label, source, status",
                "含有 date、kind、label、source、status 的表",
            ),
        )
    _check_keys(raw, _ENTRY_KEYS, where)
    return OverlayEntry(
        day=_date(raw.get("date"), f"{where}: date"),
        kind=_enum(OverlayKind, raw.get("kind"), f"{where}: kind"),
        label=_text(raw, "label", where),
        source=_text(raw, "source", where),
        status=_status(raw.get("status", "confirmed"), f"{where}: status"),
        overrides_national=_flag(raw, f"{where}: overrides_national"),
    )


def _flag(raw: Mapping[str, Any], where: str) -> bool:
    value = raw.get("overrides_national", False)
    if type(value) is not bool:
        raise OverlayError(where, value, Wording("true or false", "true 或 false"))
    return value


def _status(value: object, where: str) -> DataStatus:
    status = _enum(DataStatus, value, where)
    if status not in _ENTRY_STATUSES:
        raise OverlayError(
            where, value, Wording("'confirmed' or 'estimated'", "'confirmed' 或 'estimated'")
        )
    return status


def _expand_recurring(raw: object, where: str) -> list[OverlayEntry]:
    if not isinstance(raw, Mapping):
        raise OverlayError(
            where,
            raw,
            Wording(
                "a table with " + ", ".join(_RECURRING_KEYS),
                "含有以下键的表：" + "、".join(_RECURRING_KEYS),
            ),
        )
    _check_keys(raw, _RECURRING_KEYS, where)
    years = raw.get("years")
    if (
        not isinstance(years, list)
        or len(years) != 2
        or not all(type(y) is int for y in years)
        or years[0] > years[1]
    ):
        raise OverlayError(
            f"{where}: years",
            years,
            Wording(
                "[first, last], two years, first <= last", "[first, last]：两个年份，first <= last"
            ),
        )
    month, day = raw.get("month"), raw.get("day")
    if type(month) is not int or type(day) is not int:  # a bool or float is no month
        raise OverlayError(
            f"{where}: month/day", (month, day), Wording("a real month and day", "真实存在的月和日")
        )
    rule = _enum(WeekendRule, raw.get("on_weekend", "keep"), f"{where}: on_weekend")
    kind = _enum(OverlayKind, raw.get("kind", "day_off"), f"{where}: kind")
    label, source = _text(raw, "label", where), _text(raw, "source", where)
    status = _status(raw.get("status", "confirmed"), f"{where}: status")
    overrides = _flag(raw, f"{where}: overrides_national")
    entries = []
    for year in range(years[0], years[1] + 1):
        try:
            when = _dt.date(year, month, day)
        except (TypeError, ValueError, OverflowError):
            raise OverlayError(
                f"{where}: month/day",
                (month, day),
                Wording("a real month and day", "真实存在的月和日"),
            ) from None
        if rule is WeekendRule.NEXT_MONDAY and when.weekday() >= 5:
            when += _dt.timedelta(days=7 - when.weekday())
        entries.append(OverlayEntry(when, kind, label, source, status, overrides))
    return entries
