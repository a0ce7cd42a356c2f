"""Text folded for matching: case, accents, apostrophes and runs of white space do not count.

`TOKAÏEV` and `tokaiev` fold alike. Pure text; used by search and countries.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = frozenset("’‘ʼ`´")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    if char in _APOSTROPHES:
        return "'"
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """Case- and accent-free text with each run of white space as one space."""
    return _SPACES.sub(" ", "".join(fold_char(c) for c in text))


def find(text: str, needle: str) -> tuple[int, int] | None:
    """Where the folded `needle` occurs in `text`, as a span of the original text."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in fold_char(char):
            if piece.isspace():
                if folded and folded[-1] == " ":
                    continue  # runs of white space fold to one, as in fold()
                piece = " "
            folded.append(piece)
            origin.append(index)
    at = "".join(folded).find(needle)
    if at < 0:
        return None
    return origin[at], origin[at + len(needle) - 1] + 1


def starts_word(text: str, at: int) -> bool:
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")


class _Node:
    __slots__ = ("keys", "next")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.keys: set[str] = set()


class NameIndex:
    """Folded names and what each stands for, as a trie: `named_in` reads a text once, whatever
    the number of names, instead of searching it once for each name."""

    def __init__(self) -> None:
        self._root = _Node()

    def add(self, name: str, key: str) -> None:
        """`name` is folded text; a text that has it at the start of a word names `key`."""
        node = self._root
        for char in name:
            node = node.next.setdefault(char, _Node())
        node.keys.add(key)

    def named_in(self, text: str) -> set[str]:
        """The keys whose names start at the start of a word of the folded `text`."""
        found: set[str] = set()
        for start in range(len(text)):
            if not starts_word(text, start):
                continue
            node: _Node | None = self._root
            index = start
            # Each step follows one character: the walk is as long as the longest name, at most.
            while node is not None:
                found |= node.keys
                node = node.next.get(text[index]) if index < len(text) else None
                index += 1
        return found
