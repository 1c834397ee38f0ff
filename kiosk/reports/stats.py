"""Small statistics over counted durations: a histogram of whole buckets of seconds,
its nearest-rank quantiles, and percentages that know their base."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, eq=False)
class Distribution:
    """Durations counted per bucket of ``resolution`` seconds (bucket ``b`` holds the
    durations that round to ``b × resolution`` seconds). Two empty ones are equal
    whatever their resolution."""

    counts: Mapping[int, int] = field(default_factory=dict)
    resolution: int = 1

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Distribution):
            return NotImplemented
        if not self.counts and not other.counts:
            return True
        return dict(self.counts) == dict(other.counts) and self.resolution == other.resolution

    __hash__ = None  # type: ignore[assignment]  # holds a dict

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    def quantile(self, p: float) -> float | None:
        """Nearest rank: the smallest duration (seconds) that at least ``p`` of all
        durations do not exceed (``percentile_disc``); None when there are none."""
        n = self.count
        if n == 0:
            return None
        rank = max(1, math.ceil(p * n - 1e-9))
        seen = 0
        for bucket in sorted(self.counts):
            seen += self.counts[bucket]
            if seen >= rank:
                return float(bucket * self.resolution)
        raise AssertionError("rank beyond the count")  # pragma: no cover - rank <= n

    @property
    def median(self) -> float | None:
        return self.quantile(0.5)

    @property
    def p90(self) -> float | None:
        return self.quantile(0.9)

    def merged(self, other: Distribution) -> Distribution:
        if self.counts and other.counts and self.resolution != other.resolution:
            raise ValueError("distributions of different resolutions")
        total: Counter[int] = Counter(self.counts)
        total.update(other.counts)
        return Distribution(dict(total), other.resolution if other.counts else self.resolution)


def distribution(seconds: Iterable[float], resolution: int = 1) -> Distribution:
    """Count plain durations (seconds) the way the SQL histograms do."""
    counts: Counter[int] = Counter(int(s / resolution + 0.5) for s in seconds)
    return Distribution(dict(counts), resolution)


def percent(part: int, base: int) -> float | None:
    """``part`` as a percentage of ``base``; None when the base is 0 (nothing to judge)."""
    return None if base == 0 else 100.0 * part / base


def minutes(seconds: float | None) -> float | None:
    return None if seconds is None else seconds / 60.0
