"""Markdown documents to paste: headings in the reader's language, people by name, verbatim quotes
as block quotes, and at the end every source used, cited by what is known of it.

Text only; the views say what goes in. Every piece of text from the data is escaped, so a document
shows it as written; an address is an autolink, percent-encoded where it could end one early.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from .display import Lang, long_date, quoted, tr
from .escape import escape_control, escape_markdown


class Article(NamedTuple):
    """What is known of an article: its file, language and meeting; never its outlet or date."""

    document: str  # the file name the data records
    language: str  # ISO 639-1
    meeting: str  # the meeting's name, in the reader's language
    date: dt.date  # the meeting's first day
    words: str | None  # the article's words naming the meeting, verbatim, where the data has them


class Report(NamedTuple):
    """A public report: who published it, when (if known) and where."""

    publisher: str
    published: str | None
    url: str


def text(value: str) -> str:
    """Text from the data, shown as written."""
    return escape_control(escape_markdown(value.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", " "))


def link(url: str) -> str:
    safe = "".join(f"%{ord(c):02X}" if c in '<> "' or ord(c) < 0x20 else c for c in url)
    return f"<{escape_control(safe)}>"


def block_quote(words: str, lang: Lang) -> str:
    """A verbatim excerpt as a block quote, between the marks of its language (the article's: French)."""
    return "> " + text(quoted(words, lang, verbatim=True))


class Document:
    def __init__(self, title: str) -> None:
        self._parts: list[str] = [f"# {text(title)}"]

    def heading(self, title: str, level: int = 2) -> None:
        self._parts.append(f"{'#' * level} {text(title)}")

    def para(self, line: str) -> None:
        """A paragraph already made of `text()` and marks."""
        self._parts.append(line)

    def items(self, lines: Iterable[str]) -> None:
        listed = [f"- {line}" for line in lines]
        if listed:
            self._parts.append("\n".join(listed))

    def quote(self, words: str, lang: Lang = "fr") -> None:
        self._parts.append(block_quote(words, lang))

    def sources(self, lang: Lang, article: Article | None, reports: Iterable[Report]) -> str:
        """The document, with its sources section last."""
        self.heading(tr(lang, "Sources", "Sources"))
        lines = [cite_article(article, lang)] if article is not None else []
        lines += [cite_report(report, lang) for report in dict.fromkeys(reports)]
        self.items(lines or [tr(lang, "None.", "Aucune.")])
        return "\n\n".join(self._parts) + "\n"


def cite_article(article: Article, lang: Lang) -> str:
    """The article as it can honestly be cited: what it is about, its words, the file it is."""
    language = {"fr": ("French", "en français"), "en": ("English", "en anglais")}.get(
        article.language, (article.language, f"en langue « {article.language} »")
    )
    when = long_date(article.date, lang)
    head = tr(
        lang,
        f"An article in {language[0]} on the {article.meeting} of {when}",
        f"Un article {language[1]} sur la {article.meeting} du {when}",
    )
    words = ""
    if article.words:
        words = tr(lang, ", which names it: ", ", qui la nomme ainsi : ") + quoted(
            article.words, "fr", verbatim=True
        )
    unknown = tr(
        lang,
        "Outlet and date of publication: not stated.",
        "Média et date de publication : non indiqués.",
    )
    return (
        f"{text(head + words)}. {text(unknown)} "
        + tr(lang, "File: ", "Fichier : ")
        + f"`{article.document.replace('`', '')}`."
    )


def cite_report(report: Report, lang: Lang) -> str:
    published = report.published or tr(lang, "date not stated", "date non indiquée")
    return f"{text(report.publisher)}, {text(published)}. {link(report.url)}"
