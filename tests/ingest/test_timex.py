"""Dates resolved against the document date."""

from __future__ import annotations

import pytest

from kg.ingest import timex


@pytest.mark.parametrize("text, doc_date, value", [
    ("21 September", "2016-10-18", "2016-09-21"),
    ("on 21 September", "2016-10-18", "2016-09-21"),
    ("September 21", "2016-10-18", "2016-09-21"),
    ("in September", "2016-10-18", "2016-09"),
    ("December", "2017-03-05", "2016-12"),
    ("in May 2012", "2017-03-05", "2012-05"),
    ("2005", None, "2005"),
    ("yesterday", "2016-10-18", "2016-10-17"),
    ("the day before yesterday", "2016-10-18", "2016-10-16"),
    ("last July", "2017-03-05", "2016-07"),
    ("last year", "2017-03-05", "2016"),
    ("last month", "2017-03-05", "2017-02"),
    ("on Saturday", "2017-03-05", "2017-03-04"),
    ("Saturday morning", "2017-03-05", "2017-03-04"),
    ("two days ago", "2016-10-18", "2016-10-16"),
    ("5 March 2017", None, "2017-03-05"),
])
def test_resolve(text, doc_date, value):
    assert timex.resolve(text, doc_date).value == value


def test_approximate_and_unresolvable():
    assert timex.resolve("within weeks", "2017-03-05").approximate
    assert timex.resolve("in September", None) is None
    assert timex.resolve("decades", "2017-03-05") is None


@pytest.mark.parametrize("text, days", [("two days after", 2), ("a day before", -1), ("three days earlier", -3)])
def test_offset_days(text, days):
    assert timex.offset_days(text) == days


@pytest.mark.parametrize("head, date", [
    ("Sunday, 5 March 2017\n\nTitle", "2017-03-05"),
    ("Skip\n\nVolume 615: debated on Tuesday 18 October 2016\n", "2016-10-18"),
    ("March 5, 2017 - Washington", "2017-03-05"),
    ("No date here at all.", None),
])
def test_document_date(head, date):
    assert timex.find_document_date(head) == date
