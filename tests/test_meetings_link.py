"""One meeting_id per real meeting across the papers that record it; bodies by canonical name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from extractors.linking.bodies import clean_body, is_full_council
from tests.conftest import SAMPLES, read_table

#: papers of one meeting printed twice (agenda and minutes), from three authorities, and one
#: evening with two meetings minuted in one paper (Tintern's annual and ordinary meetings)
PAPERS = (
    "real/kent-county-council-budget-agenda-2025-02-13.pdf",
    "real/kent-county-council-budget-minutes-2025-02-13.pdf",
    "real/kent-cabinet-agenda-2025-03-04.pdf",
    "real/kent-cabinet-minutes-2025-01-30.pdf",
    "corpus/burton-cum-walden-pc/2025-11-04-agenda.pdf",
    "corpus/burton-cum-walden-pc/2025-11-04-minutes.pdf",
    "corpus/hertingfordbury-pc/2019-03-13-agenda.pdf",
    "corpus/hertingfordbury-pc/2019-03-13-minutes.pdf",
    "corpus/tintern-cc-monmouthshire/2019-05-20-agenda-agm.pdf",
    "corpus/tintern-cc-monmouthshire/2019-05-20-minutes-agm.pdf",
)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.run import RunOptions, run

    base = tmp_path_factory.mktemp("meetings")
    for rel in PAPERS:
        dest = base / "in" / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / rel, dest)
    run([base / "in"], base / "out", RunOptions(workers=2, cache_dir=None, progress=False))
    return base / "out"


def _meetings(out: Path) -> pd.DataFrame:
    papers = read_table(out, "papers")[["paper_id", "path"]]
    m = read_table(out, "meetings").merge(papers, on="paper_id")
    m["file"] = m["path"].map(lambda p: Path(p).name)
    return m


def _ids(m: pd.DataFrame, file: str) -> set[str]:
    return set(m.loc[m["file"] == file, "meeting_id"])


def test_agenda_and_minutes_of_one_meeting_share_its_id(out: Path) -> None:
    m = _meetings(out)
    for agenda, minutes in [
        (
            "kent-county-council-budget-agenda-2025-02-13.pdf",
            "kent-county-council-budget-minutes-2025-02-13.pdf",
        ),
        ("2025-11-04-agenda.pdf", "2025-11-04-minutes.pdf"),
        ("2019-03-13-agenda.pdf", "2019-03-13-minutes.pdf"),
    ]:
        assert _ids(m, agenda) and _ids(m, agenda) == _ids(m, minutes), (agenda, minutes)
    # different days of one body stay different meetings
    assert not _ids(m, "kent-cabinet-agenda-2025-03-04.pdf") & _ids(
        m, "kent-cabinet-minutes-2025-01-30.pdf"
    )


def test_rows_of_the_minutes_join_the_shared_meeting(out: Path) -> None:
    m = _meetings(out)
    shared = _ids(m, "2025-11-04-agenda.pdf")
    minutes_paper = m.loc[m["file"] == "2025-11-04-minutes.pdf", "paper_id"].iloc[0]
    for table in ("attendance", "minute_items", "resolutions"):
        rows = read_table(out, table)
        rows = rows[rows["paper_id"] == minutes_paper]
        assert len(rows) and set(rows["meeting_id"]) == shared, table


def test_two_meetings_minuted_in_one_paper_are_not_merged(out: Path) -> None:
    m = _meetings(out)
    agm = m[m["file"] == "2019-05-20-minutes-agm.pdf"]
    assert agm["meeting_id"].nunique() == 2
    assert not set(agm["meeting_id"]) & _ids(m, "2019-05-20-agenda-agm.pdf")


def test_body_names_are_canonical_and_printed_forms_kept(out: Path) -> None:
    m = _meetings(out)
    cabinet = m[m["file"].str.startswith("kent-cabinet")]
    assert set(cabinet["body"]) == {"Cabinet"}
    assert set(cabinet["body_as_printed"]) == {"CABINET", "Cabinet"}
    assert cabinet["body_id"].nunique() == 1
    budget = m[m["file"].str.startswith("kent-county-council-budget")]
    assert set(budget["body"]) == {"Kent County Council"}
    bodies = read_table(out, "bodies")
    kcc = bodies[bodies["name"] == "Kent County Council"].iloc[0]
    assert kcc["full_council"] and "County Council" in list(kcc["aliases"])
    assert bodies["body_id"].is_unique


def test_a_paper_naming_no_body_takes_its_meeting_s_other_papers_with_a_finding(
    out: Path,
) -> None:
    # Hertingfordbury PC's agenda for 13 March 2019 prints its meeting as "March 2019 at
    # 1900." (no body); the minutes of that meeting name the Parish Council
    m = _meetings(out)
    agenda = m[m["file"] == "2019-03-13-agenda.pdf"].iloc[0]
    assert agenda["body"] == "Hertingfordbury Parish Council" and agenda["body_inferred"]
    findings = read_table(out, "findings")
    assert (
        (findings["paper_id"] == agenda["paper_id"]) & (findings["code"] == "body_inferred")
    ).any()
    # minutes that print their body keep it: "MINUTES OF THE PARISH COUNCIL MEETING HELD ON"
    # (Burton-cum-Walden PC)
    minutes = m[m["file"] == "2025-11-04-minutes.pdf"].iloc[0]
    assert minutes["body"] == "Burton-cum-Walden Parish Council"
    assert minutes["body_as_printed"] == "Parish Council" and not minutes["body_inferred"]


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Budget County Council Meeting on", "County Council"),  # Kent agenda front sheet
        ("MILBURN PARISH COUNCIL MEETING TO BE HELD ON TUESDAY,", "Milburn Parish Council"),
        ("BURTON-CUM-WALDEN PARISH COUNCIL", "Burton-cum-Walden Parish Council"),
        ("Meeting (no.445) of Broomhill Community Council", "Broomhill Community Council"),
        (
            "Souldern Parish Council 29th September 2022 at 7.30pm in the Village Hall",
            "Souldern Parish Council",
        ),
        ("Annual Parish Meeting", "Parish Meeting"),  # the electors' meeting is a body
        ("March 2019 at 1900.", None),  # Hertingfordbury agenda: a date, not a body
        ("Parish Clerk : Cathy Fleet", None),  # Souldern: a signature
        ("above Council", None),  # Tintern: "the above Council"
        ("Annual General Meeting", None),  # which body's is not said
    ],
)
def test_clean_body(printed: str, name: str | None) -> None:
    assert clean_body(printed) == name


def test_full_council_names_are_the_authority_only_at_its_tier() -> None:
    assert is_full_council("County Council", "Kent County Council")
    assert is_full_council("Full Council", "Milburn Parish Council")
    assert not is_full_council("County Council", "Milburn Parish Council")
    assert not is_full_council("Cabinet", "Kent County Council")


def test_a_bare_kind_of_council_names_no_body_when_the_council_is_unknown() -> None:
    # "Minutes of the Parish Council Meeting held on ..." in a paper whose council is not
    # known (Preshute PC's page in a probe) must not make one body of every such parish
    from extractors.linking.bodies import BodyIndex

    index = BodyIndex()
    assert index.add("Parish Council", None) is None
    assert index.add("Parish Council", "Burton-cum-Walden Parish Council") is not None
    assert index.add("Finance Committee", None) is not None
