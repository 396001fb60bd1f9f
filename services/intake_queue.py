"""Group commit for flag intake: flags that arrive together are stored in one transaction.

A burst of flags (a screening run, a webhook storm) then costs one database commit per
batch instead of one per flag. Each flag is answered only after the commit that stored it,
so a 201 always means the case and its raw evidence are on disk.

A raw-evidence file the evidence folder refuses (disk full or read-only) rolls the whole
batch back, files and all: each of its flags is answered with EvidenceUnwritable (503, try
again later), and each account concerned hears of it once in its channel.
"""

import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlmodel import Session

from routine.screening import WordList
from services.burst import Burst
from services.evidence import EvidenceFiles, EvidenceUnwritable
from services.evidence_faults import tell_in_own_transaction
from services.group_commit import GroupCommit
from services.intake import FlagIn, FlagRejected, IntakeResult, accept_flag
from services.notifier import Notifier
from storage.accounts import find_account
from storage.db import Database

log = logging.getLogger(__name__)


class IntakeQueue(GroupCommit[tuple[FlagIn, bytes], IntakeResult]):
    def __init__(
        self,
        database: Database,
        files: EvidenceFiles,
        clock: Callable[[], datetime],
        on_new_cases: Callable[[], None],
        burst: Burst,
        word_lists: list[WordList],
        notifier: Notifier,
    ) -> None:
        super().__init__("intake", burst)
        self._word_lists = word_lists
        self._database = database
        self._files = files
        self._clock = clock
        self._on_new_cases = on_new_cases
        self._notifier = notifier

    def store_batch(self, items: list[tuple[FlagIn, bytes]]) -> list[IntakeResult | Exception]:
        """A rejected flag keeps its own reason whatever becomes of the others."""
        outcomes: list[IntakeResult | Exception] = []
        unwritable: EvidenceUnwritable | None = None
        with self._database.session() as session:
            now = self._clock()
            for flag, raw_body in items:
                try:
                    outcomes.append(
                        accept_flag(session, self._files, flag, raw_body, now, self._word_lists)
                    )
                except FlagRejected as rejected:
                    outcomes.append(rejected)
                except EvidenceUnwritable as error:
                    unwritable = error
                    break
            if unwritable is None:
                try:
                    session.commit()
                except Exception as error:
                    log.exception("storing %d flags failed; none of them is stored", len(items))
                    return [o if isinstance(o, FlagRejected) else error for o in outcomes]
        if unwritable is not None:
            return self._unwritable(items, outcomes, unwritable, now)
        if any(isinstance(o, IntakeResult) and o.created for o in outcomes):
            self._on_new_cases()
        return outcomes

    def _unwritable(
        self,
        items: list[tuple[FlagIn, bytes]],
        outcomes: list[IntakeResult | Exception],
        unwritable: EvidenceUnwritable,
        now: datetime,
    ) -> list[IntakeResult | Exception]:
        """Nothing of the batch is stored; the flags not rejected are to be sent again."""
        log.error(
            "evidence cannot be saved (%s); none of %d flags is stored",
            unwritable.__cause__,
            len(items),
        )
        answers: list[IntakeResult | Exception] = [
            outcome if isinstance(outcome, FlagRejected) else unwritable for outcome in outcomes
        ]
        answers += [unwritable] * (len(items) - len(outcomes))
        refused = [
            flag for (flag, _), answer in zip(items, answers, strict=True) if answer is unwritable
        ]

        def accounts(session: Session) -> Iterable[int]:
            for flag in refused:
                account = find_account(session, flag.platform, flag.account)
                if account is not None:
                    yield account[0]

        tell_in_own_transaction(self._database, self._notifier, accounts, now)
        return answers
