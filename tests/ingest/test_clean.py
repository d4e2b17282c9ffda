"""Cleaning: page furniture and filler are blanked, offsets are kept."""

from __future__ import annotations

import pytest

from kg.ingest import clean


@pytest.mark.parametrize("text", [
    "Skip to main content",
    "Load more updates",
    "Live updates",
    "Sorry, this content isn't available on your device.",
    "Sorry, this content isn\u2019t available on your device.",
    "Advertisement",
    "Share this article",
    "Read more: the full story",
])
def test_furniture_lines_are_blanked(text):
    out = clean.blank_noise(f"Russia spoke.\n\n{text}\n\nSyria replied.")
    assert text not in out
    assert "Russia spoke." in out and "Syria replied." in out


@pytest.mark.parametrize("text_in, text_out", [
    ("Firemen cross the square in Porto. Credit: Reuters", "Firemen cross the square in Porto."),
    ("Nadia Kerr, mayor of Lisburn. Credit: PA Media", "Nadia Kerr, mayor of Lisburn."),
    ("Health Minister Ana Costa Credit: AFP", "Health Minister Ana Costa"),
    ("The minister said: \"Credit is due to the rescuers.\"", "The minister said: \"Credit is due to the rescuers.\""),
])
def test_photo_credits(text_in, text_out):
    assert clean.blank_noise(text_in).rstrip() == text_out


@pytest.mark.parametrize("paragraph, filler", [
    ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.", True),
    ("Etiam at libero iaculis, mollis justo non, blandit augue. Vestibulum sit amet sodales est.", True),
    ("The attack near Aleppo left 20 aid workers and one civilian dead.", False),
    ("Sed in Syria the regime et al. said nothing.", False),
])
def test_lorem_ipsum(paragraph, filler):
    assert clean.is_lorem(paragraph) is filler


def test_length_and_line_breaks_are_kept():
    text = "Skip to main content\r\n\r\nRussia spoke. Credit: AP\n\nLorem ipsum dolor sit amet, consectetur elit.\n"
    out = clean.blank_noise(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(text) if c in "\r\n"] == [i for i, c in enumerate(out) if c in "\r\n"]
    assert out.index("Russia spoke.") == text.index("Russia spoke.")


@pytest.mark.parametrize("text, title", [
    ("Live updates\n\nCosta: Spain-Chile pact will hold\n\nAna Costa has said so.",
     "Costa: Spain-Chile pact will hold"),
    ("Friday, 9 June 2023\n\nAna Costa Is Set To Visit Chile\n\nBody.", "Ana Costa Is Set To Visit Chile"),
    ("A first sentence that is text.\n\nMore.", None),
])
def test_guess_title(text, title):
    assert clean.guess_title(text) == title


@pytest.mark.parametrize("text, gone, kept", [
    # a reporter's credit alone on its line after the first: name, a dash or a bar, the outlet
    ("Kyiv under attack\n\nOlena Kovalenko - Reuters\n\nRussia fired missiles.", "Olena Kovalenko - Reuters", "Russia"),
    ("Talks fail\n\nBy Tom Baker | BBC News\nThe talks failed.", "Tom Baker", "The talks failed."),
    # not a sentence with a dash, not the title line
    ("Talks fail\n\nRussia and China - the new axis of trade\n", None, "Russia and China - the new axis"),
    ("Ana Ruiz - El Pais\n\nThe vote was held.", None, "Ana Ruiz - El Pais"),
    ("Storm hits coast\n\nBy Maya Lund - The Coastal Herald\n\nWind tore roofs off.", "Maya Lund", "Wind tore"),
    # a subhead in title case with a dash is no reporter's credit
    ("Floods\n\nDelta Towns Under Water - Live Updates\n\nRain fell.", None, "Delta Towns Under Water"),
    ("Vote count\n\nSenate Race Tightens - What We Know\n\nVotes were counted.", None, "Senate Race Tightens"),
])
def test_bylines(text, gone, kept):
    out = clean.blank_noise(text)
    assert len(out) == len(text) and kept in out
    if gone:
        assert gone not in out
