"""The README stays a short way in, its links and the docs' links lead somewhere, and the
reminder table in docs/records.md names every job the scheduler can run."""

import re
from pathlib import Path
from unittest.mock import Mock

from scheduler.jobs import JobContext, schedules

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"


def test_the_readme_is_at_most_150_lines() -> None:
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 150


def test_every_local_link_in_the_readme_and_the_docs_leads_to_a_file_and_heading() -> None:
    for page in [README, *sorted(DOCS.glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for target, anchor in re.findall(r"\]\(([^)#]*)(?:#([^)]*))?\)", text):
            if "://" in target:
                continue
            linked = page.parent / target if target else page
            assert linked.is_file(), f"{page.name} links to {target}"
            if anchor:
                assert anchor in _anchors(linked), f"{page.name} links to {target}#{anchor}"


def _anchors(page: Path) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as
    hyphens."""
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def test_the_reminder_table_names_every_scheduled_job() -> None:
    # Every optional part present, so that jobs scheduled only with it are counted too.
    context = JobContext(
        database=Mock(),
        deadlines=Mock(),
        monitoring=Mock(),
        upkeep=Mock(),
        duties=Mock(),
        synpunkter=Mock(),
        personal_data=Mock(),
        directory=Mock(),
        youtube=Mock(),
    )
    job_ids = {schedule.id for schedule in schedules(context)}
    records = (DOCS / "records.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `([a-z-]+)` \|", records, flags=re.MULTILINE))
    assert table == job_ids
