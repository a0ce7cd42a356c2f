"""`ca-summit sources`: every source the series cites, and how much of it rests on each."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from ..corpus.files import Meeting
from ..corpus.models import Reference


class SourceData(NamedTuple):
    reference: Reference  # as the first file citing it gives it
    facts: int
    claims: int
    targets: int
    positions: int  # sides of conflicts it supports
    editions: list[int]  # the meetings whose files cite it

    @property
    def total(self) -> int:
        return self.facts + self.claims + self.targets + self.positions


def _cited(meeting: Meeting) -> dict[str, Counter[str]]:
    """For each reference id of one file, how many items of each kind cite it."""
    data = meeting.data
    kinds: dict[str, list[list[str]]] = {
        "facts": [list(fact.refs) for fact in data.facts],
        "claims": [list(claim.refs) for claim in data.trade_claims],
        "targets": [list(target.refs) for target in data.targets],
        "positions": [list(p.refs) for conflict in data.conflicts for p in conflict.positions],
    }
    counts: dict[str, Counter[str]] = {}
    for kind, lists in kinds.items():
        for refs in lists:
            for ref in dict.fromkeys(refs):  # an item citing a source twice counts once
                counts.setdefault(ref, Counter())[kind] += 1
    return counts


def sources(meetings: list[Meeting]) -> list[SourceData]:
    """Every source cited across the series, one entry an address (files give the same address
    under their own ids), most cited first, then by publisher and address."""
    first: dict[str, Reference] = {}
    counts: dict[str, Counter[str]] = {}
    editions: dict[str, list[int]] = {}
    for meeting in meetings:
        cited = _cited(meeting)
        for ref in meeting.data.references:
            first.setdefault(ref.url, ref)
            counts.setdefault(ref.url, Counter()).update(cited.get(ref.id, Counter()))
            seen = editions.setdefault(ref.url, [])
            if meeting.edition not in seen:
                seen.append(meeting.edition)
    found = [
        SourceData(
            reference=ref,
            facts=counts[url]["facts"],
            claims=counts[url]["claims"],
            targets=counts[url]["targets"],
            positions=counts[url]["positions"],
            editions=sorted(editions[url]),
        )
        for url, ref in first.items()
    ]
    return sorted(found, key=lambda s: (-s.total, s.reference.publisher.casefold(), s.reference.url))
