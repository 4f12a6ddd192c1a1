"""The rule-coverage report names the authorities whose papers each rule fires on."""

from __future__ import annotations

from pathlib import Path

from pipeline.evaluation.rule_coverage import coverage


def test_rules_are_attributed_to_the_authorities_whose_papers_they_match(tmp_path: Path) -> None:
    samples = tmp_path / "samples"
    for auth, text in (
        ("parish-a", "Minutes\nIt was agreed to buy a bench for the green.\n"),
        ("parish-b", "Minutes\n\nPresent: Cllr A Smith\n"),
    ):
        (samples / "corpus" / auth).mkdir(parents=True)
        (samples / "corpus" / auth / "minutes.txt").write_text(text, encoding="utf-8")
    (samples / "real").mkdir()
    (samples / "real" / "agenda.txt").write_text("AGENDA\n\nPresent: nobody\n", encoding="utf-8")
    # a held-out paper is no evidence for any rule (it counted as Milton Keynes before)
    (samples / "unseen" / "parish-c").mkdir(parents=True)
    (samples / "unseen" / "parish-c" / "m.txt").write_text(
        "It was agreed to X.\n", encoding="utf-8"
    )
    report = coverage(samples)
    it_was = next(r for r in report["decision_phrases.csv"] if r["rule"].startswith(r"\bit\s+was"))
    assert it_was["authorities"] == ["parish-a"]
    present = next(r for r in report["attendance_labels.csv"] if r["rule"].startswith("present"))
    assert present["authorities"] == ["kent", "parish-b"]
