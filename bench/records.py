"""Benchmark of section 4, 5 and 8.1 work on one busy account: a month with many comments
(1 in 50 a removed case with a screenshot and its received data), then the printout, the
evidence package, the archive package, a culling proposal and approval, and pseudonymisation,
each timed once on a real SQLite file. Run from the checkout:
`.venv/bin/python bench/records.py [--comments 5000]`.
"""

import argparse
import io
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from PIL import Image
from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from routine.decisions import Actor  # noqa: E402
from services.culling import Cullings  # noqa: E402
from services.evidence import EvidenceFiles  # noqa: E402
from services.personal_data import PersonalData  # noqa: E402
from services.record_makers import record_makers  # noqa: E402
from storage.db import Database, make_engine  # noqa: E402
from storage.migrations import migrate  # noqa: E402
from storage.models import Account, Comment, Decision, FlaggedCase, table  # noqa: E402

MONTH_START = datetime(2026, 5, 1, 6, 0, tzinfo=UTC)
ANNA = Actor(id="29:anna", name="Anna Moderator")
T = TypeVar("T")


def _seed(database: Database, files: EvidenceFiles, comments: int) -> Account:
    with database.session() as session:
        account = Account(
            platform="facebook",
            name="Hjo kommun",
            name_key="hjo kommun",
            url="https://facebook.com/hjokommun",
            channel_conversation_id="19:moderatorer@thread.tacv2",
            linked_at=MONTH_START - timedelta(days=30),
            linked_by_name="Anna",
        )
        session.add(account)
        session.commit()
        assert account.id is not None
        step = timedelta(days=30) / comments
        rows: list[dict[str, Any]] = []
        for number in range(comments):
            written = MONTH_START + step * number
            post = f"p_{number // 40}"
            rows.append(
                {
                    "account_id": account.id,
                    "platform_comment_id": post if number % 40 == 0 else f"{post}_{number}",
                    "kind": "post" if number % 40 == 0 else "comment",
                    "post_id": post,
                    "parent_id": None if number % 40 == 0 else post,
                    "origin": "kommunen" if number % 40 == 0 else "extern",
                    "author_id": f"fb-{number % 700}",
                    "author_name": f"Person {number % 700}",
                    "text": f"Kommentar {number} om badplatsen och öppettiderna i hamnen.",
                    "has_image": False,
                    "created_at": written,
                    "received_at": written,
                }
            )
        session.connection().execute(insert(table(Comment)), rows)
        picture = io.BytesIO()
        Image.new("RGB", (800, 300), "white").save(picture, "PNG")
        for number, row in enumerate(rows[1::50], start=1):
            case = FlaggedCase(
                account_id=account.id,
                platform_comment_id=row["platform_comment_id"],
                post_id=row["post_id"],
                permalink="https://facebook.com/x",
                author_id=row["author_id"],
                author_name=row["author_name"],
                text=row["text"],
                comment_created_at=row["created_at"],
                received_at=row["created_at"],
            )
            session.add(case)
            session.flush()
            assert case.id is not None
            raw = json.dumps(row, default=str).encode()
            for kind, name, content_type, data in (
                ("raw_json", "flagga.json", "application/json", raw),
                ("screenshot", "skarmdump.png", "image/png", picture.getvalue()),
            ):
                files.save(
                    session,
                    case_id=case.id,
                    kind=kind,
                    name=name,
                    content_type=content_type,
                    data=data,
                    added_by_name="Modbot",
                    now=row["created_at"],
                )
            session.add(
                Decision(
                    case_id=case.id,
                    kind="remove",
                    category="fortal",
                    decided_by_id=ANNA.id,
                    decided_by_name=ANNA.name,
                    decided_at=row["created_at"],
                    diarium_number=f"SM-2026-{number:04d}",
                    removed_on_platform_at=row["created_at"],
                    removal_confirmed_by_name=ANNA.name,
                )
            )
        session.commit()
        return account


def _timed(label: str, work: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = work()
    print(f"{label:44} {(time.perf_counter() - started) * 1000:9.0f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=5000)
    comments = parser.parse_args().comments
    with tempfile.TemporaryDirectory() as folder:
        database = Database(make_engine(f"sqlite:///{folder}/bench.db"))
        migrate(database.engine)
        files = EvidenceFiles(Path(folder) / "evidence")
        account = _seed(database, files, comments)
        makers = record_makers(files, "Hjo kommun")
        now = MONTH_START + timedelta(days=40)
        first, last = date(2026, 5, 1), date(2026, 5, 31)
        print(f"{comments} posts and comments, {comments // 50} removed cases with evidence")
        with database.session() as session:
            made = _timed(
                "printout (PDF/A)",
                lambda: makers.printouts.make(session, account, first, last, ANNA, now),
            )
            print(f"{'':44} {made.file.stat().st_size / 1e6:9.1f} MB")
            _timed(
                "evidence package (PDF/A, screenshot)",
                lambda: makers.evidence_packages.make(session, "SM-2026-0001", ANNA, now),
            )
            archive = _timed(
                "archive package (copy, evidence, packages)",
                lambda: makers.archives.make(session, account, first, last, ANNA, now),
            )
            print(
                f"{'':44} {archive.file.stat().st_size / 1e6:9.1f} MB, "
                f"{archive.payload_files} files"
            )
            cullings = Cullings(6)
            later = now + timedelta(days=200)
            channel = account.channel_conversation_id
            proposal = _timed(
                "culling proposal",
                lambda: cullings.propose(session, account, ANNA, channel, later),
            )
            _timed(
                "culling approval",
                lambda: cullings.approve(session, proposal.id or 0, ANNA, channel, later),
            )
            personal = PersonalData("bench-key", timedelta(days=180), Path(folder) / "pd")
            with database.session() as fresh:
                fresh.connection().execute(
                    insert(table(Comment)),
                    [
                        {
                            "account_id": account.id,
                            "platform_comment_id": f"late_{n}",
                            "kind": "comment",
                            "post_id": "late",
                            "origin": "extern",
                            "author_id": f"fb-{n}",
                            "author_name": "Namn",
                            "text": "t",
                            "has_image": False,
                            "created_at": now,
                            "received_at": now,
                        }
                        for n in range(comments)
                    ],
                )
                fresh.commit()
            _timed("pseudonymisation", lambda: personal.pseudonymise(session, later))
            _timed(
                "personal-data export (one author)",
                lambda: personal.export(session, "fb-7", ANNA, later),
            )
        database.engine.dispose()


if __name__ == "__main__":
    main()
