"""The outputs others reuse (issue 18): datapackage.json, the 360Giving and Popolo exports.

datapackage.json is checked with frictionless against the rows of every Parquet file; the
360Giving grants against the standard's own schema (vendored, offline); the Popolo file for
every person and organisation of the run.
"""

from __future__ import annotations

import csv
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from frictionless import Package

from pipeline.cli import main
from pipeline.exports import threesixty
from pipeline.exports.dataset import read_rows
from pipeline.run import RunOptions, run
from schemas.datapackage import FILE_NAME
from schemas.records import TABLES
from tests.conftest import SAMPLES


def _descriptor(out: Path) -> dict:
    return json.loads((out / FILE_NAME).read_text(encoding="utf-8"))


def _validate_rows(out: Path, descriptor: dict):
    """Validate every resource of ``descriptor`` with frictionless, its rows read with pyarrow.

    The rows are handed to frictionless as Python values read with pyarrow (so the check does
    not rest on frictionless's pandas-based Parquet reader); everything else (types,
    constraints, primary and foreign keys) is frictionless's own checking.
    """
    resources = []
    for res in descriptor["resources"]:
        table = pq.read_table(out / res["path"])
        names = [f["name"] for f in res["schema"]["fields"]]
        assert table.column_names == names, res["name"]
        rows = [[r[n] for n in names] for r in table.to_pylist()]
        inline = {k: v for k, v in res.items() if k not in ("path", "format", "mediatype")}
        resources.append({**inline, "data": [names, *rows]})
    return Package({"name": descriptor["name"], "resources": resources}).validate()


def test_datapackage_describes_every_parquet_file_once(samples_run: Path) -> None:
    descriptor = _descriptor(samples_run)
    assert not Package.validate_descriptor(descriptor).errors
    paths = [r["path"] for r in descriptor["resources"]]
    on_disk = sorted(p.relative_to(samples_run).as_posix() for p in samples_run.glob("*/*.parquet"))
    assert sorted(paths) == on_disk
    assert {p.split("/")[0] for p in paths} == set(TABLES)
    people = next(r for r in descriptor["resources"] if r["name"] == "people")
    assert people["schema"]["primaryKey"] == ["person_id"]
    funding = next(r for r in descriptor["resources"] if r["name"].startswith("funding-"))
    fields = {f["name"]: f for f in funding["schema"]["fields"]}
    assert fields["amount_gbp"]["type"] == "number"
    assert fields["kind"]["constraints"]["enum"][0] == "grant_award"
    assert {fk["fields"][0] for fk in funding["schema"]["foreignKeys"]} >= {"paper_id"}


def test_datapackage_validates_with_frictionless(samples_run: Path) -> None:
    descriptor = _descriptor(samples_run)
    report = _validate_rows(samples_run, descriptor)
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    assert report.valid, errors[:10]
    rows = {t.name: t.stats.get("rows", 0) for t in report.tasks}
    assert sum(rows.values()) == sum(
        pq.read_metadata(samples_run / r["path"]).num_rows for r in descriptor["resources"]
    )
    # the foreign keys are checked, not only declared: attendance points into people
    attendance = [r for r in descriptor["resources"] if r["name"].startswith("attendance-")]
    assert any(
        fk["reference"]["resource"] == "people"
        for r in attendance
        for fk in r["schema"].get("foreignKeys", [])
    )


def test_frictionless_validate_passes_on_the_package_as_written(samples_run: Path) -> None:
    # what `frictionless validate OUT/datapackage.json` does: frictionless reads the Parquet
    # files itself (through pandas: nulls as NaN, lists as numpy arrays)
    from frictionless import validate

    report = validate(str(samples_run / "datapackage.json"))
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    assert report.valid, errors[:10]
    assert sum(t.stats.get("rows", 0) for t in report.tasks) > 1000


def test_frictionless_catches_a_false_primary_key_and_a_dangling_reference(
    samples_run: Path, tmp_path: Path
) -> None:
    descriptor = _descriptor(samples_run)
    papers = [r for r in descriptor["resources"] if r["name"].startswith("papers-")]
    for res in papers:
        res["schema"]["primaryKey"] = ["format"]  # papers of a year share their format
    report = _validate_rows(samples_run, {**descriptor, "resources": papers})
    assert "primary-key" in {e.type for t in report.tasks for e in t.errors}

    # the people file emptied: every attendance row's person_id then points nowhere
    copy = tmp_path / "out"
    shutil.copytree(samples_run, copy)
    people = copy / "people" / "part-undated.parquet"
    pq.write_table(pq.read_table(people).slice(0, 0), people)
    kept = []
    for res in _descriptor(copy)["resources"]:
        if res["name"] == "people" or res["name"].startswith("attendance-"):
            fks = res["schema"].pop("foreignKeys", [])
            res["schema"]["foreignKeys"] = [
                fk for fk in fks if fk["reference"]["resource"] == "people"
            ]
            kept.append(res)
    report = _validate_rows(copy, {**descriptor, "resources": kept})
    assert "foreign-key" in {e.type for t in report.tasks for e in t.errors}


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One run over the parish and town council corpus and the SaferMK text samples."""
    base = tmp_path_factory.mktemp("exports")
    inputs = base / "in"
    shutil.copytree(SAMPLES / "corpus", inputs / "corpus")
    for p in SAMPLES.glob("*.txt"):
        shutil.copy(p, inputs / p.name)
    run([inputs], base / "out", RunOptions(workers=2, cache_dir=None, progress=False))
    return base / "out"


def _excluded(out: Path) -> list[dict[str, str]]:
    with (out / threesixty.EXCLUDED_FILE).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_360giving_export_validates_against_the_standard(corpus_run: Path, capsys) -> None:
    assert main(["export", "360giving", str(corpus_run)]) == 0
    assert "valid against the 360Giving Data Standard schema" in capsys.readouterr().out
    package = json.loads((corpus_run / threesixty.GRANTS_FILE).read_text(encoding="utf-8"))
    assert threesixty.validation_errors(package) == []
    grants = package["grants"]
    assert len({g["id"] for g in grants}) == len(grants)
    assert all(g["id"].startswith("360G-minutebook-") for g in grants)

    # Ayton CC, minutes of 3 June 2014: "a donation of £100 be made to the new" Red Lions
    # Ayton Enhancement Group project
    ayton = [g for g in grants if g["recipientOrganization"][0]["name"].startswith("Red Lions")]
    assert len(ayton) == 1
    assert ayton[0]["amountAwarded"] == 100
    assert ayton[0]["awardDate"] == "2014-06-03"
    assert ayton[0]["fundingOrganization"][0]["name"] == "Ayton Community Council"
    assert ayton[0]["currency"] == "GBP"

    # SaferMK, 30 June 2021: the Community Safety Partnership "would be awarded £259,015 in
    # funding from the Office of the Police and Crime Commissioner for 2021/22": one grant,
    # however often the papers repeat it, planned for the financial year
    csp = [g for g in grants if g["amountAwarded"] == 259015]
    assert len(csp) == 1
    assert csp[0]["recipientOrganization"][0]["name"] == "Community Safety Partnership"
    assert csp[0]["plannedDates"][0]["startDate"] == "2021-04-01"
    assert csp[0]["plannedDates"][0]["endDate"] == "2022-03-31"
    assert csp[0]["awardDate"] == "2021-06-30"
    assert all("259,015" in d["description"] for d in csp[0]["relatedDocument"])


def test_360giving_lists_every_funding_row_it_does_not_export(corpus_run: Path) -> None:
    result = threesixty.build(corpus_run)
    funding = read_rows(corpus_run, "funding")
    exported = [f for ids in result.mentions.values() for f in ids]
    threesixty_files = result.files()
    assert threesixty_files[threesixty.GRANTS_FILE] is not None
    main(["export", "360giving", str(corpus_run)])
    excluded = _excluded(corpus_run)
    assert sorted(exported + [r["funding_id"] for r in excluded]) == sorted(
        f["funding_id"] for f in funding
    )
    assert all(r["reason"] for r in excluded)
    not_grants = [r for r in excluded if r["kind"] != "grant_award"]
    assert all(r["reason"] == f"kind {r['kind']} is not a grant award" for r in not_grants)
    # Hertingfordbury PC, 13 March 2019: "the grant of £350 to Mr Raymond Green": a person
    green = [r for r in excluded if r["recipient"] == "Mr Raymond Green"]
    assert [r["reason"].split(" (")[0] for r in green] == ["recipient is a person"]
    assert Decimal(green[0]["amount_gbp"]) == 350


def test_360giving_validation_is_not_a_formality(corpus_run: Path) -> None:
    package = threesixty.build(corpus_run).package
    grant = package["grants"][0]
    unfunded = {k: v for k, v in grant.items() if k != "fundingOrganization"}
    bad = {**package, "grants": [unfunded, {**grant, "id": "x", "awardDate": "2021-13-01"}]}
    errors = threesixty.validation_errors(bad)
    assert any(e.startswith("grants/0: ") for e in errors)  # a required field missing
    assert any(e.startswith("grants/1/awardDate: ") for e in errors)
    assert len(errors) == 2


def test_popolo_export_has_every_person_and_organisation(corpus_run: Path) -> None:
    assert main(["export", "popolo", str(corpus_run)]) == 0
    doc = json.loads((corpus_run / "popolo.json").read_text(encoding="utf-8"))
    persons = {p["id"] for p in doc["persons"]}
    orgs = {o["id"] for o in doc["organizations"]}
    assert persons == {p["person_id"] for p in read_rows(corpus_run, "people")}
    assert orgs >= {o["org_id"] for o in read_rows(corpus_run, "organisations")}
    assert doc["memberships"]
    for m in doc["memberships"]:
        assert m["person_id"] in persons
        assert m["organization_id"] in orgs
        assert m.get("on_behalf_of_id", next(iter(orgs))) in orgs
    assert {e["id"] for e in doc["events"]} == {
        m["meeting_id"] for m in read_rows(corpus_run, "meetings")
    }
    # one event per meeting: the agenda and minutes of one meeting are one event
    assert len({e["id"] for e in doc["events"]}) == len(doc["events"])
    for e in doc["events"]:
        assert e.get("organization_id", next(iter(orgs))) in orgs
        assert all(a["id"] in persons for a in e.get("attendees", []))
    # the SaferMK agenda lists "Michael Bracey  Chief Executive (Milton Keynes Council)" as a
    # voting member of the partnership
    bracey = next(p["id"] for p in doc["persons"] if p["name"] == "Michael Bracey")
    names = {o["id"]: o["name"] for o in doc["organizations"]}
    ms = [m for m in doc["memberships"] if m["person_id"] == bracey]
    assert [
        (names[m["organization_id"]].casefold().replace(" ", ""), names[m["on_behalf_of_id"]])
        for m in ms
    ] == [("safermkpartnership", "Milton Keynes Council")]


def test_exports_never_replace_a_file_minutebook_did_not_write(
    corpus_run: Path, tmp_path: Path, capsys
) -> None:
    to = tmp_path / "shared"
    to.mkdir()
    (to / "popolo.json").write_text("my notes\n", encoding="utf-8")
    assert main(["export", "popolo", str(corpus_run), "--to", str(to)]) == 2
    assert "did not write" in capsys.readouterr().err
    assert (to / "popolo.json").read_text(encoding="utf-8") == "my notes\n"
    assert main(["export", "360giving", str(corpus_run), "--to", str(to)]) == 0
    assert main(["export", "360giving", str(corpus_run), "--to", str(to)]) == 0  # its own: ok
    assert (to / threesixty.GRANTS_FILE).is_file()
    assert main(["export", "popolo", str(tmp_path)]) == 2  # not a dataset


def test_a_run_replaces_a_dataset_with_its_exports(tmp_path: Path) -> None:
    out = tmp_path / "out"
    paper = SAMPLES / "004_e7a5e62b3e5d6ec5.txt"
    opts = RunOptions(workers=1, cache_dir=None, progress=False)
    run([paper], out, opts)
    assert main(["export", "popolo", str(out)]) == 0
    assert main(["export", "360giving", str(out)]) == 0
    assert (out / "popolo.json").is_file()
    run([paper, SAMPLES / "000_1c07758f42038aae.txt"], out, opts)  # not refused
    assert not (out / "popolo.json").exists()  # the old export went with the old dataset
    assert (out / FILE_NAME).is_file()
