"""Dates in news text, resolved against the document's date.

Pure functions over strings: they know nothing of spaCy. A value is an ISO string as precise as
the text allows: "2016-09-21", "2016-09" or "2016".

    >>> resolve("21 September", "2016-10-18").value
    '2016-09-21'
    >>> resolve("last July", "2017-03-05").value
    '2016-07'
    >>> resolve("yesterday", "2016-10-18").value
    '2016-10-17'
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from kg.model import TimeValue

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "dozen": 12, "half": 0,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?"
PATTERNS = [
    re.compile(rf"^{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}$", re.I),  # 5 March 2017
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}$", re.I),  # March 5, 2017
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ].*)?$"),  # 2017-03-05T10:00Z
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$"),
    re.compile(rf"^{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}$", re.I),  # 21 September
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY}$", re.I),  # September 21
    re.compile(rf"^(?:in\s+)?{_MONTH},?\s+{_YEAR}$", re.I),  # May 2012
    re.compile(rf"^(?:in\s+)?{_MONTH}$", re.I),  # September
    re.compile(rf"^(?:in\s+)?{_YEAR}$", re.I),  # 2005
]
DOC_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:{_DAY}\s+{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},?\s+{_YEAR})\b".replace("(?P<", "(?:<")
    .replace("(?:<day>", "(?:").replace("(?:<month>", "(?:").replace("(?:<year>", "(?:"),
    re.I,
)


def _parse(text: str) -> tuple[int | None, int | None, int | None]:
    text = " ".join(text.replace("\u2019", "'").split()).strip(" .,")
    text = re.sub(r"^(?:on|the)\s+", "", text, flags=re.I)
    for pattern in PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        month = groups.get("month")
        if month is not None:
            month = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
        day = int(groups["day"]) if groups.get("day") else None
        return year, month, day
    return None, None, None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if day is not None and month is not None:
            return date(year, month, day).isoformat()
    except ValueError:
        return None
    if month is not None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return f"{year:04d}"


def normalize_date(text: str) -> str | None:
    """An absolute date in any common form to ISO, or None: "Sunday, 5 March 2017" -> "2017-03-05"."""
    year, month, day = _parse(text)
    return _iso(year, month, day) if year else None


def find_document_date(text: str, *, head: int = 400) -> str | None:
    """The date a document states near its top ("Friday, 9 June 2023", "debated on Monday 3 June 2019")."""
    m = DOC_DATE.search(text[:head])
    return normalize_date(m.group(0)) if m else None


def _anchor(doc_date: str | None) -> date | None:
    if not doc_date:
        return None
    parts = [int(p) for p in doc_date.split("-")]
    if len(parts) == 3:
        return date(*parts)
    return None


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def shift(value: str, days: int) -> str:
    """Move a day-precise ISO date by ``days``; coarser values are kept."""
    if len(value) != 10:
        return value
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def resolve(text: str, doc_date: str | None) -> TimeValue | None:
    """A time expression as the text says it, resolved against the document date."""
    raw = " ".join(text.replace("\u2019", "'").split()).strip(" .,")
    low = raw.lower()
    low = re.sub(r"^(?:on|in|during|since|by|from|until|at)\s+", "", low)
    anchor = _anchor(doc_date)
    year, month, day = _parse(low)
    if month or year:
        if year is None:
            if anchor is None:
                return None
            year = anchor.year
            # a month later than the document's is last year's ("in December" read in March)
            if month > anchor.month or (month == anchor.month and day and day > anchor.day):
                year -= 1
        value = _iso(year, month, day)
        return TimeValue(value) if value else None
    if anchor is None:
        if doc_date and len(doc_date) >= 4 and low in ("this year",):
            return TimeValue(doc_date[:4])
        return None
    relative = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                "yesterday": -1, "last night": -1, "yesterday morning": -1, "the day before yesterday": -2,
                "tomorrow": 1, "tomorrow morning": 1}
    if low in relative:
        return TimeValue(shift(anchor.isoformat(), relative[low]))
    m = re.fullmatch(r"(?:only\s+)?the day before yesterday", low)
    if m:
        return TimeValue(shift(anchor.isoformat(), -2))
    m = re.fullmatch(r"(last|this|next|on)\s+(\w+)", low)
    if m and m.group(2) in WEEKDAYS:
        wd = WEEKDAYS[m.group(2)]
        delta = (anchor.weekday() - wd) % 7 or 7
        if m.group(1) == "next":
            return TimeValue(shift(anchor.isoformat(), (wd - anchor.weekday()) % 7 or 7))
        return TimeValue(shift(anchor.isoformat(), -delta))
    if low in WEEKDAYS or re.fullmatch(r"(\w+)\s+(morning|afternoon|evening|night)", low):
        name = low.split()[0]
        if name in WEEKDAYS:
            delta = (anchor.weekday() - WEEKDAYS[name]) % 7
            return TimeValue(shift(anchor.isoformat(), -delta))
    m = re.fullmatch(r"last\s+(\w+)", low)
    if m and m.group(1) in MONTHS:
        month = MONTHS[m.group(1)]
        year = anchor.year if month < anchor.month else anchor.year - 1
        return TimeValue(_iso(year, month))
    if low in ("last year",):
        return TimeValue(f"{anchor.year - 1:04d}")
    if low in ("this year",):
        return TimeValue(f"{anchor.year:04d}")
    if low in ("next year",):
        return TimeValue(f"{anchor.year + 1:04d}")
    if low in ("last month",):
        first = anchor.replace(day=1) - timedelta(days=1)
        return TimeValue(_iso(first.year, first.month))
    if low in ("this month",):
        return TimeValue(_iso(anchor.year, anchor.month))
    if low in ("next month",):
        nxt = (anchor.replace(day=28) + timedelta(days=4)).replace(day=1)
        return TimeValue(_iso(nxt.year, nxt.month))
    if low in ("last week", "earlier this week", "this week", "recent weeks", "in recent weeks",
               "recent days", "the past week"):
        return TimeValue(_iso(anchor.year, anchor.month), approximate=True)
    m = re.fullmatch(r"(?:within|in)\s+(?:the\s+)?(?:coming\s+|next\s+)?(\w+\s+)?(days|weeks)", low)
    if m or low in ("the coming weeks", "coming weeks", "the coming days"):
        return TimeValue(_iso(anchor.year, anchor.month), approximate=True)
    m = re.fullmatch(r"(\w+)\s+(day|days|week|weeks|month|months|year|years)\s+(ago|earlier|later)", low)
    if m and _number(m.group(1)) is not None:
        n = _number(m.group(1)) or 1
        unit = m.group(2).rstrip("s")
        sign = 1 if m.group(3) == "later" else -1
        if unit == "day":
            return TimeValue(shift(anchor.isoformat(), sign * n))
        if unit == "week":
            return TimeValue(shift(anchor.isoformat(), sign * 7 * n), approximate=True)
        if unit == "month":
            months = anchor.year * 12 + anchor.month - 1 + sign * n
            return TimeValue(_iso(months // 12, months % 12 + 1), approximate=True)
        return TimeValue(f"{anchor.year + sign * n:04d}", approximate=True)
    return None


def offset_days(text: str) -> int | None:
    """The signed day count of "two days after", "a day before", "three days earlier"; else None."""
    m = re.fullmatch(r"(\w+)\s+days?\s+(after|before|later|earlier)", " ".join(text.lower().split()))
    if not m or _number(m.group(1)) is None:
        return None
    n = _number(m.group(1)) or 1
    return n if m.group(2) in ("after", "later") else -n
