"""The trade claims and targets of the meeting series, and the figures reported for given years.

Pure: reads validated meetings, returns language-neutral data; no wording here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, NamedTuple

from ..corpus.models import Assumption, Conflict, MeetingFile, Reference, Target, Text, TradeClaim
from ..corpus.series import Naming

if TYPE_CHECKING:
    from ..corpus.files import Meeting
    from .trade import PathStep

# Two figures for the same year further apart than this (relative to the smaller) disagree; the
# same tolerance says when a reported figure is "within" an approximate path value.
TOLERANCE = 0.05

Position = Literal["below", "within", "above", "undetermined"]
Bound = Literal["lower", "upper"]
_LOWER = ("more_than", "at_least")
_UPPER = ("up_to",)


class ClaimData(NamedTuple):
    claim: TradeClaim
    edition: int  # the meeting whose file holds the claim
    year: int | None  # the year it refers to: stated, "last year", or a named assumption
    assumption: Assumption | None  # when the year is an assumption
    sources: list[Reference]
    differs_from: list[str]  # same-year claims more than TOLERANCE apart
    conflicts: list[Conflict]  # the data's conflicts that name the claim
    speaker: Text  # who stated it: an entity's name in each language, or the data's words


class TargetData(NamedTuple):
    target: Target
    edition: int
    sources: list[Reference]
    conflicts: list[Conflict]
    setter: Text  # who set it: an entity's name in each language, or the data's words


class Disagreement(NamedTuple):
    """Claims for the same year whose values lie more than TOLERANCE apart."""

    year: int
    claims: list[ClaimData]
    spread: float  # largest / smallest − 1
    conflicts: list[Conflict]


class Years(NamedTuple):
    """The years figures must refer to (both ends kept; None: no bound). A figure or target with
    no year is in only when neither end is given: a filter on years cannot say it matches."""

    since: int | None = None
    until: int | None = None

    def hold(self, year: int | None) -> bool:
        if self.since is None and self.until is None:
            return True
        if year is None:
            return False
        return (self.since is None or year >= self.since) and (self.until is None or year <= self.until)


class HistoryResult(NamedTuple):
    claims: list[ClaimData]  # intra-regional, by the year they refer to (no year last)
    others: list[ClaimData]  # every other scope, kept apart
    targets: list[TargetData]
    disagreements: list[Disagreement]
    years: Years


def _sources(data: MeetingFile, refs: Iterable[str]) -> list[Reference]:
    by_id = {ref.id: ref for ref in data.references}
    return [by_id[ref] for ref in refs]


def _year(claim: TradeClaim, data: MeetingFile) -> tuple[int | None, Assumption | None]:
    if claim.year is not None:
        return claim.year, None
    if claim.year_assumption is None:
        return None, None
    assumption = next((a for a in data.assumptions if a.id == claim.year_assumption), None)
    # The article file's trade section says which year its own assumption gives.
    if data.trade is not None and data.trade.base_year_assumption == claim.year_assumption:
        return data.trade.base_year, assumption
    return None, assumption


def edition(meeting: Meeting) -> int:
    return meeting.edition


def _naming(conflicts: list[Conflict], item: str) -> list[Conflict]:
    return [c for c in conflicts if any(item in position.items for position in c.positions)]


def _order(claim: ClaimData) -> tuple[int, int, str, str]:
    # Claims without a year come last; within a year, in the order they were stated.
    year = claim.year if claim.year is not None else 10_000
    return (year, 0 if claim.claim.stated_on else 1, claim.claim.stated_on or "", claim.claim.id)


def _apart(a: float, b: float) -> bool:
    return max(a, b) / min(a, b) - 1 > TOLERANCE


def all_claims(meetings: list[Meeting], naming: Naming) -> list[ClaimData]:
    """Every trade claim of the series with its year, sources and the data's conflicts naming it."""
    conflicts = [c for m in meetings for c in m.data.conflicts]
    found: list[ClaimData] = []
    for meeting in meetings:
        for claim in meeting.data.trade_claims:
            year, assumption = _year(claim, meeting.data)
            sources = _sources(meeting.data, claim.refs)
            found.append(
                ClaimData(
                    claim,
                    edition(meeting),
                    year,
                    assumption,
                    sources,
                    [],
                    _naming(conflicts, claim.id),
                    naming.text(claim.stated_by.name),
                )
            )
    return found


def _series(claim: ClaimData) -> bool:
    return claim.claim.scope == "intra_regional" and claim.claim.flow == "trade"


def history(meetings: list[Meeting], naming: Naming, years: Years | None = None) -> HistoryResult:
    """The series' claims and targets, those of `years` only. Same-year claims are kept or left out
    together, so every disagreement and `differs_from` stays whole under a filter."""
    years = years or Years()
    every = [c for c in all_claims(meetings, naming) if years.hold(c.year)]
    series = sorted((c for c in every if _series(c)), key=_order)
    valued = [c for c in series if c.year is not None and c.claim.value is not None]
    marked: list[ClaimData] = []
    for claim in series:
        apart = [
            other.claim.id
            for other in valued
            if claim.claim.value is not None
            and other.year == claim.year
            and other is not claim
            and _apart(claim.claim.value, other.claim.value or 0.0)
        ]
        marked.append(claim._replace(differs_from=apart))
    disagreements = []
    for year in sorted({c.year for c in marked if c.differs_from and c.year is not None}):
        group = [c for c in marked if c.year == year and c.claim.value is not None]
        values = [c.claim.value for c in group if c.claim.value is not None]
        named = {c.id: c for g in group for c in g.conflicts}
        disagreements.append(Disagreement(year, group, max(values) / min(values) - 1, list(named.values())))
    conflicts = [c for m in meetings for c in m.data.conflicts]
    targets = [
        TargetData(
            t, edition(m), _sources(m.data, t.refs), _naming(conflicts, t.id), naming.text(t.set_by.name)
        )
        for m in meetings
        for t in m.data.targets
        if years.hold(t.by_year)
    ]
    others = sorted((c for c in every if not _series(c)), key=_order)
    return HistoryResult(marked, others, targets, disagreements, years)


class Reported(NamedTuple):
    claim: ClaimData
    position: Position


def _range(value: float, bound: Bound | None) -> tuple[float, float]:
    if bound == "lower":
        return value, float("inf")
    if bound == "upper":
        return float("-inf"), value
    return value, value


def claim_bound(qualifier: str | None) -> Bound | None:
    return "lower" if qualifier in _LOWER else "upper" if qualifier in _UPPER else None


def position(
    reported: float, qualifier: str | None, path: float, bound: Bound | None, approximate: bool
) -> Position:
    """Where a reported figure falls against a path value with its bound: below or above its whole
    range, within it, or undetermined when a bounded figure straddles the range's edge."""
    low, high = _range(path, bound)
    if bound is None and approximate:
        low, high = path * (1 - TOLERANCE), path * (1 + TOLERANCE)
    r_low, r_high = _range(reported, claim_bound(qualifier))
    if r_high < low:
        return "below"
    if r_low > high:
        return "above"
    if low <= r_low and r_high <= high:
        return "within"
    return "undetermined"


def reported_for(meetings: list[Meeting], years: Iterable[int], naming: Naming) -> dict[int, list[ClaimData]]:
    """The intra-regional figures of the series that refer to each of `years`, in stated order."""
    wanted = set(years)
    found: dict[int, list[ClaimData]] = {year: [] for year in wanted}
    for claim in sorted(all_claims(meetings, naming), key=_order):
        if _series(claim) and claim.year in wanted and claim.claim.value is not None:
            found[claim.year].append(claim)
    return found


def against_path(meetings: list[Meeting], path: list[PathStep], naming: Naming) -> dict[int, list[Reported]]:
    """For each projected year of a path (its base year is the figure projected from, not a
    projection), the figures later reported for it and where each falls against the path."""
    path = path[1:]
    found = reported_for(meetings, (step.year for step in path), naming)
    return {
        step.year: [
            Reported(c, position(c.claim.value or 0.0, c.claim.qualifier, *_step(step)))
            for c in found[step.year]
        ]
        for step in path
    }


def _step(step: PathStep) -> tuple[float, Bound | None, bool]:
    return step.value.value, step.value.bound, step.value.approximate


VerdictStatus = Literal["below_path", "on_path", "above_path", "undetermined", "mixed"]
_VERDICT: dict[Position, VerdictStatus] = {
    "below": "below_path",
    "within": "on_path",
    "above": "above_path",
    "undetermined": "undetermined",
}


class Verdict(NamedTuple):
    """The path against the latest year the series reported a figure for."""

    status: VerdictStatus  # where that year's figures fall; mixed: not all on one side
    year: int
    claims: list[str]
    reported_min: float
    reported_max: float
    target_reached: bool  # a figure of that year at or above the target (not an "up to")
    step: PathStep


def verdict(reported: dict[int, list[Reported]], path: list[PathStep], target: float) -> Verdict | None:
    """The verdict of the latest path year with reported figures; None when none has any yet."""
    year = max((y for y, found in reported.items() if found), default=None)
    if year is None:
        return None
    found = reported[year]
    positions = {r.position for r in found}
    values = [r.claim.claim.value or 0.0 for r in found]
    reached = any(
        (r.claim.claim.value or 0.0) >= target and claim_bound(r.claim.claim.qualifier) != "upper"
        for r in found
    )
    return Verdict(
        _VERDICT[positions.pop()] if len(positions) == 1 else "mixed",
        year,
        [r.claim.claim.id for r in found],
        min(values),
        max(values),
        reached,
        next(step for step in path if step.year == year),
    )
