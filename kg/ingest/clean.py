"""Page furniture and filler out of article text, with every offset kept.

Noise is not deleted but blanked: replaced by spaces (newlines stay), so that the text keeps its
length and a sentence found in the cleaned text is found at the same offsets in the source.

    >>> blank_noise("Skip to main content\\n\\nRussia spoke.") == " " * 20 + "\\n\\nRussia spoke."
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# whole lines that are page furniture, never news
FURNITURE = [
    r"skip to (?:main )?content",
    r"skip to navigation",
    r"load more(?: updates| stories| posts)?",
    r"show more(?: updates)?",
    r"live updates?",
    r"sorry,? this content (?:isn['\u2019]t|is not) available (?:on your device|in your region)\.?",
    r"this content is not available",
    r"advertisement",
    r"(?:share|share this|share on \w+|tweet|email|print)(?: (?:this|article|page|story))?",
    r"(?:read|see) (?:more|also|next)(?:[:\s].*)?",
    r"related (?:articles|stories|topics|content)",
    r"click here.*",
    r"(?:sign up|subscribe)(?: .*)?(?: newsletter)?.*",
    r"follow us(?: on .*)?",
    r"(?:accept|manage) (?:all )?cookies.*",
    r"(?:image|photo|picture|video) (?:copyright|caption|source)[:\s].*",
    r"(?:media playback is unsupported on your device|copyright \u00a9.*|\u00a9 .*)",
    r"(?:getty images|reuters|afp|pa media|ap photo)",
    r"(?:published|updated|last updated) ?:? .{0,40}\d{1,2}:\d\d.*",
    r"back to top",
    r"comments?(?: \(\d+\))?",
]
# (a line may end in "\r\n": "$" stops only before the "\n")
FURNITURE_LINE = re.compile(r"^[ \t]*(?:" + "|".join(FURNITURE) + r")[ \t]*\r?$", re.I | re.M)
# a photo credit at the end of a caption line: "Mayor Ana Costa Credit: AFP"
CREDIT = re.compile(r"(?:(?<=[.\s])|^)(?:credit|photo|picture|image)s?\s*:\s*[^\n]{0,60}$", re.I | re.M)
# a reporter's credit on a line of its own: "Olena Kovalenko - Reuters", "By Tom Baker | BBC News"
BYLINE = re.compile(r"(?<=\n)[ \t]*(?:By[ \t]+)?(?P<name>[A-Z][\w'.-]+(?:[ \t]+[A-Z][\w'.-]+){1,2})[ \t]+"
                    r"[-\u2013\u2014|][ \t]+(?P<outlet>[A-Z][\w&.'-]*(?:[ \t]+[A-Z][\w&.'-]*){0,3})[ \t]*\r?$", re.M)
# words of a subhead in title case, no person's name or outlet's: "Port Under Fire - Live Updates"
_NOT_BYLINE_WORDS = frozenset("""
a an and the of in on at to for from by with under over after before into as is are was were be has have had
will can not no new how why what who when where live latest updates update breaking explained analysis
opinion video videos photos pictures timeline know watch listen says said day week news
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings

# the words of the lorem ipsum generators: a paragraph made mostly of them is filler
LOREM = set("""
a ac accumsan adipiscing aenean aliquam aliquet amet ante aptent arcu at auctor augue bibendum blandit
class commodo condimentum congue consectetur consequat conubia convallis cras cubilia cum curabitur
curae cursus dapibus diam dictum dictumst dignissim dis dolor donec dui duis egestas eget eleifend
elementum elit enim erat eros est et etiam eu euismod facilisi facilisis fames faucibus felis fermentum
feugiat fringilla fusce gravida habitant habitasse hac hendrerit himenaeos iaculis id imperdiet in
inceptos integer interdum ipsum justo lacinia lacus laoreet lectus leo libero ligula litora lobortis
lorem luctus maecenas magna magnis malesuada massa mattis mauris metus mi molestie mollis montes morbi
mus nam nascetur natoque nec neque netus nibh nisi nisl non nostra nulla nullam nunc odio orci ornare
parturient pellentesque penatibus per pharetra phasellus placerat platea porta porttitor posuere
potenti praesent pretium primis proin pulvinar purus quam quis quisque rhoncus ridiculus risus rutrum
sagittis sapien scelerisque sed sem semper senectus sit sociis sociosqu sodales sollicitudin
suscipit suspendisse taciti tellus tempor tempus tincidunt torquent tortor tristique turpis ullamcorper
ultrices ultricies urna ut varius vehicula vel velit venenatis vestibulum vitae vivamus viverra volutpat
vulputate labore dolore aliqua minim veniam nostrud exercitation ullamco laboris ex ea commodo duis aute
irure reprehenderit voluptate esse cillum fugiat pariatur excepteur sint occaecat cupidatat proident
sunt culpa qui officia deserunt mollit anim laborum
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
# words that are lorem words and common English too: they neither prove nor disprove filler
_AMBIGUOUS = {"a", "in", "at", "non", "per", "est", "id", "ex", "et", "class", "mus", "cum", "sed", "magna"}
PARAGRAPH = re.compile(r"[^\r\n]+(?:\r?\n[^\r\n]+)*")


_NOT_BREAK = re.compile(r"[^\r\n]")


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` (in order, not overlapping) spaces, line breaks kept.

    Built from slices, not a list of characters: an article of many megabytes costs one copy."""
    parts: list[str] = []
    done = 0
    for start, end in spans:
        start = max(start, done)
        if start >= end:
            continue
        parts.append(text[done:start])
        parts.append(_NOT_BREAK.sub(" ", text[start:end]))
        done = end
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def furniture(text: str) -> str:
    """Blank whole lines of page furniture ("Skip to main content", "Load more updates")."""
    return _blank(text, (m.span() for m in FURNITURE_LINE.finditer(text)))


def credits(text: str) -> str:
    """Blank photo credits at the end of caption lines ("Credit: ITV News")."""
    return _blank(text, (m.span() for m in CREDIT.finditer(text)))


def bylines(text: str) -> str:
    """Blank a reporter's credit standing on a line of its own after the first ("Name - Outlet"): the
    reporter and the outlet are no actors of the story."""
    return _blank(text, (m.span() for m in BYLINE.finditer(text) if _byline(m)))


def _byline(match: re.Match[str]) -> bool:
    """A person's two or three names, none a word of a subhead; then an outlet's name, none of its
    words but a first "The" or a last "News" such a word ("Port Under Fire - Live Updates" is none)."""
    name = match["name"].split()
    outlet = match["outlet"].split()
    if outlet[0] == "The":
        outlet = outlet[1:]
    if outlet and outlet[-1] == "News":
        outlet = outlet[:-1]
    return not any(w.lower().strip(".'") in _NOT_BYLINE_WORDS for w in (*name, *outlet))


def is_lorem(paragraph: str) -> bool:
    """True for a paragraph of lorem ipsum filler."""
    words = re.findall(r"[a-z]+", paragraph.lower())
    telling = [w for w in words if w not in _AMBIGUOUS]
    if len(telling) < 4:
        return False
    return sum(w in LOREM for w in telling) / len(telling) >= 0.6


def lorem(text: str) -> str:
    """Blank paragraphs of lorem ipsum."""
    return _blank(text, (m.span() for m in PARAGRAPH.finditer(text) if is_lorem(m.group(0))))


_OTHER_BREAK = re.compile(r"\r(?!\n)|[\u2028\u2029\x85]")


def line_breaks(text: str) -> str:
    """Make "\\n" of the line breaks that are not (a lone "\\r" of old Mac files, U+2028, U+2029,
    U+0085), one character for one, so that the later steps and the parser see lines where the
    source has them.

    >>> line_breaks("Headline\\rRussia spoke.\\r\\nSyria replied.")
    'Headline\\nRussia spoke.\\r\\nSyria replied.'
    """
    return _OTHER_BREAK.sub("\n", text)


CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # control characters other than line breaks and tabs


def control_characters(text: str) -> str:
    """Blank control characters other than line breaks and tabs."""
    return CONTROLS.sub(" ", text)


STEPS: tuple[Callable[[str], str], ...] = (line_breaks, control_characters, furniture, credits, bylines, lorem)


def blank_noise(text: str, steps: Iterable[Callable[[str], str]] = STEPS) -> str:
    """Apply every cleaning step; the result has the same length as ``text``."""
    for step in steps:
        text = step(text)
    return text


def guess_title(text: str) -> str | None:
    """The first line of real text that reads as a headline (short, no final full stop)."""
    for line in blank_noise(text).splitlines():
        line = line.strip()
        if not line or re.fullmatch(r"[\W\d]+", line):
            continue
        if len(line) <= 150 and not line.endswith((".", "?", "!", ":")) and not _looks_like_date(line):
            return line
        if len(line) > 150:
            return None
    return None


def _looks_like_date(line: str) -> bool:
    from kg.ingest.timex import find_document_date

    return find_document_date(line) is not None or line.lower().startswith("volume ")
