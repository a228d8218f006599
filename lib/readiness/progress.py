"""Progress bars on a terminal; plain log lines everywhere else (cron, pipes, CI)."""

from __future__ import annotations

from typing import Iterable, TypeVar

T = TypeVar("T")
_enabled = False


def enable(on: bool) -> None:
    """Turn progress bars on (the command line does, when it writes to a terminal)."""
    global _enabled
    _enabled = on


def bar(items: Iterable[T], total: int, description: str) -> Iterable[T]:
    """``items``, drawn as a progress bar when bars are on."""
    if not _enabled or total < 2:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=description, unit="step", leave=False)
