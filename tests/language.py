"""Checks of the command line's language, for its tests: no English sentence in what a
Chinese clerk reads, no Chinese-only sentence in what an English reader reads.

- :func:`english_sentences` finds runs of three or more English words in a text. What
  a Chinese text rightly holds in ASCII is not a word here: option names
  (``--overlay``), file names and URLs (``cases.db``, ``sqlite:///cases.db``), dotted
  identifiers (``Case.to_dict()``), anything with a digit (``2026-09-28``, ``R2019``),
  choices (``{zh,en}``), placeholders in capitals (``DATE``, ``FILE``), and the example
  commands (lines starting with ``disclosure-flow``, with their continuation lines).
- :func:`chinese_sentences` finds runs of Chinese outside parentheses and outside such
  tokens (``10:负责人:2026-10-26``): a Chinese legal term beside its English
  (``reply deadline (答复期限)``) is fine.
"""

from __future__ import annotations

import re

__all__ = ["chinese_sentences", "english_sentences"]

#: A word of English: ASCII letters, with at most the punctuation of a sentence around it.
_WORD = re.compile(r"[(\"'“‘]*(?P<word>[A-Za-z]+(?:['’\-–][A-Za-z]+)*)[)\"'”’,.;:!?]*")
#: Chinese characters and the punctuation written with them.
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CHINESE_CHAR = re.compile(f"[{_CJK}]")
_CHINESE_RUN = re.compile(rf"[{_CJK}]*[\u3400-\u4dbf\u4e00-\u9fff][{_CJK}]*")
#: A token that holds Chinese among ASCII punctuation or digits: a value, not prose.
_MIXED_TOKEN = re.compile(rf"\S*[0-9:/=_\-]\S*[{_CJK}]\S*|\S*[{_CJK}]\S*[0-9:/=_\-]\S*")
#: An example command; not a message (``disclosure-flow deadline: error: …``).
_COMMAND = re.compile(r"\s*disclosure-flow(?: [a-z][a-z_-]*)*+(?: +[^\s:：]|$)")
#: The program and its commands, as a usage line or a message names them.
_PROGRAM = re.compile(
    r"disclosure-flow(?: (?:calendar|deadline|report|recompute|watchlist|storage|document"
    r"|import-notice|create|export))*"
)
#: A value in quotes (``'calendar',``), as a message quotes it.
_QUOTED = re.compile(r"""(['"]).*\1[,.;:)]*""")
_PARENTHESES = re.compile(r"\([^()]*\)|（[^（）]*）|〔[^〔〕]*〕|\[[^\[\]\n]*\]")


def _lines(text: str) -> list[str]:
    """The lines of *text*, without the example commands and their continuations."""
    kept: list[str] = []
    continued = False
    for line in text.splitlines():
        command = continued or bool(_COMMAND.match(line))
        continued = command and line.rstrip().endswith("\\")
        if not command:
            kept.append(line)
    return kept


def english_sentences(text: str) -> list[str]:
    """The runs of three or more English words, space-separated, in *text*.

    A run of words all in capitals (``DATE N``) is placeholders, not a sentence.

    >>> english_sentences("答复期限 2026-10-30（--as-of DATE）")
    []
    >>> english_sentences("来源：weekday rule (Monday–Friday work)")
    ['weekday rule (Monday–Friday work)']
    """
    found: list[str] = []
    for line in _lines(text):
        run: list[re.Match[str]] = []
        line = _CHINESE_CHAR.sub(" \0 ", line)  # Chinese ends a run of English words
        line = _PROGRAM.sub(" | ", line)
        for token in [*line.split(" "), ""]:
            match = None if _QUOTED.fullmatch(token) else _WORD.fullmatch(token)
            if match:
                run.append(match)
                continue
            if len(run) >= 3 and not all(m.group("word").isupper() for m in run):
                found.append(" ".join(m.group() for m in run))
            run = []
    return found


def chinese_sentences(text: str) -> list[str]:
    """The runs of Chinese in *text* outside parentheses and brackets, and outside
    tokens that mix it with digits or ASCII punctuation (a value such as
    ``10:负责人:2026-10-26``).

    >>> chinese_sentences("the reply deadline (答复期限), e.g. 10:负责人:2026-10-26")
    []
    >>> chinese_sentences("wrote reply.docx; 已写入")
    ['已写入']
    """
    text = "\n".join(_lines(text))
    previous = None
    while previous != text:  # nested parentheses, innermost first; a help line may break one
        previous, text = text, _PARENTHESES.sub(" ", text)
    found: list[str] = []
    for line in text.splitlines():
        found.extend(_CHINESE_RUN.findall(_MIXED_TOKEN.sub(" ", line)))
    return found
