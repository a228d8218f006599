"""The pack's own inline-SVG pictures: *Making Data Count* variation and assurance icons, and sparklines.

Each is one small ``<svg role="img">`` with a ``<title>`` and an ``aria-label`` saying what it shows, built from
numbers and fixed words only (never from an input's text), so the pack stays one file with no request to anywhere.
"""

from __future__ import annotations

from html import escape
from typing import Mapping, Sequence

from markupsafe import Markup

from .charts import TARGET_COLOUR, VARIATION_COLOURS

VARIATION_TEXT = {
    "improvement": "Special-cause improvement",
    "concern": "Special-cause concern",
    "high": "Special-cause variation: high",
    "low": "Special-cause variation: low",
    "common_cause": "Common-cause variation",
}
ASSURANCE_TEXT = {
    "pass": "Assurance: will consistently meet the target",
    "fail": "Assurance: will not meet the target without change",
    "hit_and_miss": "Assurance: hit and miss against the target",
}
ASSURANCE_STYLE = {"pass": ("#289de0", "P"), "fail": ("#fab428", "F"), "hit_and_miss": ("#7b7d7d", "?")}
UP, DOWN = "M8 15 L12 9 L16 15", "M8 9 L12 15 L16 9"
WAVE = "M5 12 Q8.5 7 12 12 T19 12"


def _svg(label: str, body: str, width: int = 24, height: int = 24) -> Markup:
    text = escape(label)
    return Markup(
        f'<svg class="icon" role="img" aria-label="{text}" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{text}</title>{body}</svg>'
    )


def variation_icon(variation: str | None, better: str | None) -> Markup:
    """A circle in the variation's colour: a wave for common cause; an arrow up or down for a special cause (up when the
    figure is high: improvement on a higher-is-better figure, concern on a lower-is-better one). Empty with no reading."""
    if variation is None:
        return Markup("")
    high = variation == "high" or (variation in ("improvement", "concern") and (variation == "improvement") == (better == "higher"))
    mark = WAVE if variation == "common_cause" else UP if high else DOWN
    body = (
        f'<circle cx="12" cy="12" r="11" fill="{VARIATION_COLOURS[variation]}"/>'
        f'<path d="{mark}" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>'
    )
    return _svg(VARIATION_TEXT[variation], body)


def assurance_icon(assurance: str | None) -> Markup:
    """A circle with P (pass, blue), F (fail, orange) or ? (hit and miss, grey); empty without a target."""
    if assurance is None:
        return Markup("")
    colour, letter = ASSURANCE_STYLE[assurance]
    body = (
        f'<circle cx="12" cy="12" r="11" fill="{colour}"/><text x="12" y="16.5" text-anchor="middle" font-size="13" '
        f'font-weight="bold" font-family="Arial, sans-serif" fill="#fff">{letter}</text>'
    )
    return _svg(ASSURANCE_TEXT[assurance], body)


def sparkline(
    points: Mapping[str, float | None],
    special: Mapping[str, str] | None = None,
    target: float | None = None,
    label: str = "",
    width: int = 72,
    height: int = 22,
) -> Markup:
    """A small line of a monthly series (gaps where a month is null), its last point coloured by its variation, the
    target as a red dotted line; ``label`` (the figure's name and months) is its text alternative."""
    values = [v for v in points.values() if v is not None]
    if len(values) < 2:
        return Markup("")
    scale = [*values, *([target] if target is not None else [])]
    low, high = min(scale), max(scale)
    span = (high - low) or 1.0
    step = (width - 6) / max(len(points) - 1, 1)

    def y(value: float) -> float:
        return round(height - 3 - (value - low) / span * (height - 6), 1)

    segments = _segments([(round(3 + i * step, 1), y(v)) if v is not None else None for i, v in enumerate(points.values())])
    body = "".join(
        f'<polyline points="{" ".join(f"{x},{yy}" for x, yy in s)}" fill="none" stroke="#555" stroke-width="1.2"/>' for s in segments
    )
    if target is not None:
        body += f'<line x1="0" x2="{width}" y1="{y(target)}" y2="{y(target)}" stroke="{TARGET_COLOUR}" stroke-width="1" stroke-dasharray="1 2"/>'
    last_month = max(m for m, v in points.items() if v is not None)
    colour = VARIATION_COLOURS[(special or {}).get(last_month, "common_cause")]
    x_last = round(3 + list(points).index(last_month) * step, 1)
    body += f'<circle cx="{x_last}" cy="{y(points[last_month])}" r="2.5" fill="{colour}"/>'
    return _svg(label or "Trend by month", body, width, height)


def _segments(coordinates: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Runs of consecutive known points (a null month breaks the line)."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in coordinates:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def icon_key() -> dict[str, Markup]:
    """The icons the pack's key explains, by name (variation drawn for a higher-is-better figure)."""
    variations = {v: variation_icon(v, "higher") for v in ("improvement", "concern", "common_cause")}
    return {**variations, **{a: assurance_icon(a) for a in ASSURANCE_STYLE}}
