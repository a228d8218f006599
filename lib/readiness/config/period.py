"""The reporting period and the Annex A snapshot date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where it is used, so that reading parameters stays light
    import pandas as pd


@dataclass(frozen=True)
class Period:
    """``start`` to ``end`` inclusive; ``snapshot`` is the Annex A extract date."""

    start: date
    end: date
    snapshot: date

    @classmethod
    def of(cls, start: date, end: date, snapshot: date | None = None) -> "Period":
        """Build a period whose snapshot defaults to its end."""
        return cls(start, end, snapshot or end)

    def contains(self, dates: pd.Series) -> pd.Series:
        """Boolean mask: which dates fall in the period (missing dates do not)."""
        import pandas as pd

        dates = pd.to_datetime(dates)
        return (dates >= pd.Timestamp(self.start)) & (dates <= pd.Timestamp(self.end))

    def months(self) -> list[str]:
        """Every calendar month the period touches, as ``YYYY-MM``."""
        import pandas as pd

        return [str(p) for p in pd.period_range(self.start, self.end, freq="M")]

    @property
    def days(self) -> int:
        """Length of the period in days, both ends included."""
        return (self.end - self.start).days + 1


def month_key(dates: pd.Series) -> pd.Series:
    """``YYYY-MM`` of each date (missing stays missing), each distinct date formatted once."""
    import pandas as pd

    days = pd.to_datetime(dates)
    codes, distinct = pd.factorize(days)
    keys = distinct.strftime("%Y-%m").take(codes, allow_fill=True, fill_value=None)
    return pd.Series(keys, index=days.index, name=days.name)


def one_year_before(d: date) -> date:
    """The same day and month a calendar year earlier; 29 February gives 28 February."""
    try:
        return d.replace(year=d.year - 1)
    except ValueError:
        return d.replace(year=d.year - 1, day=28)
