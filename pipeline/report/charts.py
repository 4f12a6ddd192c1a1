"""The report's charts as Vega-Lite specifications, made with Altair.

Each bar or point carries ``href`` = the anchor of the section listing its rows, so a click on
a figure goes down to the rows it counts. Data are inlined in the spec (no file, no URL).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from pipeline.report.figures import Group, Meeting

#: the most bars a ranked chart (recipients, funders, meetings) draws; the rest are in the tables
MAX_BARS = 25
#: the most meetings the decisions chart draws (the latest); the table lists them all
MAX_MEETINGS = 60
_LABEL_LIMIT = 400
_SOURCES = ["agenda", "agenda and minutes", "minutes"]


def gbp(amount: Decimal | None) -> str:
    """``£1,234,567`` (pence shown only when there are any); an empty string for None."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    text = f"{amount:,.2f}" if amount != amount.to_integral_value() else f"{amount:,.0f}"
    return f"{sign}£{text}"


def _alt() -> Any:
    import altair as alt

    return alt


def _spec(chart: Any) -> dict[str, Any]:
    spec: dict[str, Any] = chart.to_dict()
    return spec


def count_bars(groups: Sequence[Group], title: str, noun: str, color: str | None = None) -> dict:
    """Horizontal bars, one per group, of the number of rows it counts, in the groups' order.

    ``color`` names a key of ``Group.extra`` to colour the bars by (a finding's severity).
    """
    alt = _alt()
    values = [
        {
            "label": g.label,
            "n": g.count,
            "href": f"#{g.anchor}",
            **({color: g.extra.get(color)} if color else {}),
        }
        for g in groups
    ]
    encoding: dict[str, Any] = {
        "y": alt.Y(
            "label:N",
            sort=[g.label for g in groups],
            title=None,
            axis=alt.Axis(labelLimit=_LABEL_LIMIT),
        ),
        "x": alt.X("n:Q", title=noun, axis=alt.Axis(tickMinStep=1)),
        "href": alt.Href("href:N"),
        "tooltip": [alt.Tooltip("label:N", title=title), alt.Tooltip("n:Q", title=noun)],
    }
    if color:
        encoding["color"] = alt.Color(f"{color}:N", title=color)
        encoding["tooltip"].append(alt.Tooltip(f"{color}:N"))
    chart = (
        alt.Chart(alt.Data(values=values), title=title)
        .mark_bar(cursor="pointer")
        .encode(**encoding)
        .properties(width=560)
    )
    return _spec(chart)


def _money_values(groups: Sequence[Group]) -> list[dict[str, Any]]:
    return [
        {
            "label": g.label,
            "million": float(g.amount or 0) / 1e6,
            "amount": gbp(g.amount),
            "n": g.count,
            "href": f"#{g.anchor}",
        }
        for g in groups
    ]


def _money_tooltip(alt: Any, label: str) -> list[Any]:
    return [
        alt.Tooltip("label:N", title=label),
        alt.Tooltip("amount:N", title="amount"),
        alt.Tooltip("n:Q", title="awards"),
    ]


def money_by_year(groups: Sequence[Group], title: str) -> dict:
    """Vertical bars of money (in £ million) per financial year, in the groups' order."""
    alt = _alt()
    chart = (
        alt.Chart(alt.Data(values=_money_values(groups)), title=title)
        .mark_bar(cursor="pointer")
        .encode(
            x=alt.X("label:N", sort=[g.label for g in groups], title="financial year"),
            y=alt.Y("million:Q", title="£ million"),
            href=alt.Href("href:N"),
            tooltip=_money_tooltip(alt, "financial year"),
        )
        .properties(width=max(300, 38 * len(groups)), height=260)
    )
    return _spec(chart)


def money_bars(groups: Sequence[Group], title: str, label: str) -> dict:
    """Horizontal bars of money (in £ million) for the first ``MAX_BARS`` groups."""
    alt = _alt()
    shown = list(groups[:MAX_BARS])
    chart = (
        alt.Chart(alt.Data(values=_money_values(shown)), title=title)
        .mark_bar(cursor="pointer")
        .encode(
            y=alt.Y(
                "label:N",
                sort=[g.label for g in shown],
                title=None,
                axis=alt.Axis(labelLimit=_LABEL_LIMIT),
            ),
            x=alt.X("million:Q", title="£ million"),
            href=alt.Href("href:N"),
            tooltip=_money_tooltip(alt, label),
        )
        .properties(width=560)
    )
    return _spec(chart)


def meeting_timeline(meetings: Sequence[Meeting], title: str) -> dict:
    """One point per dated meeting, on a time axis, one row per body; colour says which
    papers record it (agenda, minutes or both)."""
    alt = _alt()
    dated = [m for m in meetings if m.date is not None]
    bodies = sorted({m.body for m in dated})
    values = [
        {
            "body": m.body,
            "date": m.date.isoformat() if m.date else None,
            "label": m.label,
            "papers": m.sources,
            "resolutions": len(m.resolutions),
            "href": f"#{m.anchor}",
        }
        for m in dated
    ]
    chart = (
        alt.Chart(alt.Data(values=values), title=title)
        .mark_point(filled=True, size=140, opacity=0.85, cursor="pointer")
        .encode(
            x=alt.X("date:T", title="meeting date"),
            y=alt.Y("body:N", sort=bodies, title=None, axis=alt.Axis(labelLimit=_LABEL_LIMIT)),
            color=alt.Color("papers:N", title="recorded by", scale=alt.Scale(domain=_SOURCES)),
            shape=alt.Shape("papers:N", title="recorded by", scale=alt.Scale(domain=_SOURCES)),
            href=alt.Href("href:N"),
            tooltip=[
                alt.Tooltip("label:N", title="meeting"),
                alt.Tooltip("papers:N", title="recorded by"),
                alt.Tooltip("resolutions:Q"),
            ],
        )
        .properties(width=700)
    )
    return _spec(chart)


def decisions_per_meeting(meetings: Sequence[Meeting], title: str) -> dict:
    """Horizontal bars of the resolutions recorded for each meeting (date order), the latest
    ``MAX_MEETINGS`` of them."""
    alt = _alt()
    meetings = meetings[-MAX_MEETINGS:]
    values = [
        {
            "label": m.label,
            "body": m.body,
            "n": len(m.resolutions),
            "href": f"#{m.anchor}",
        }
        for m in meetings
    ]
    chart = (
        alt.Chart(alt.Data(values=values), title=title)
        .mark_bar(cursor="pointer")
        .encode(
            y=alt.Y(
                "label:N",
                sort=[m.label for m in meetings],
                title=None,
                axis=alt.Axis(labelLimit=_LABEL_LIMIT),
            ),
            x=alt.X("n:Q", title="resolutions", axis=alt.Axis(tickMinStep=1)),
            href=alt.Href("href:N"),
            tooltip=[
                alt.Tooltip("label:N", title="meeting"),
                alt.Tooltip("n:Q", title="resolutions"),
            ],
        )
        .properties(width=560)
    )
    return _spec(chart)
