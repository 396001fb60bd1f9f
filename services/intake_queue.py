"""Group commit for flag intake: flags that arrive together are stored in one transaction.

A burst of flags (a screening run, a webhook storm) then costs one database commit per
batch instead of one per flag. Each flag is answered only after the commit that stored it,
so a 201 always means the case and its raw evidence are on disk.
"""

import logging
from collections.abc import Callable
from datetime import datetime

from routine.screening import WordList
from services.burst import Burst
from services.evidence import EvidenceFiles
from services.group_commit import GroupCommit
from services.intake import FlagIn, FlagRejected, IntakeResult, accept_flag
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
    ) -> None:
        super().__init__("intake", burst)
        self._word_lists = word_lists
        self._database = database
        self._files = files
        self._clock = clock
        self._on_new_cases = on_new_cases

    def store_batch(self, items: list[tuple[FlagIn, bytes]]) -> list[IntakeResult | Exception]:
        """A rejected flag keeps its own reason whatever becomes of the others."""
        outcomes: list[IntakeResult | Exception] = []
        with self._database.session() as session:
            now = self._clock()
            for flag, raw_body in items:
                try:
                    outcomes.append(
                        accept_flag(session, self._files, flag, raw_body, now, self._word_lists)
                    )
                except FlagRejected as rejected:
                    outcomes.append(rejected)
            try:
                session.commit()
            except Exception as error:
                log.exception("storing %d flags failed; none of them is stored", len(items))
                return [o if isinstance(o, FlagRejected) else error for o in outcomes]
        if any(isinstance(o, IntakeResult) and o.created for o in outcomes):
            self._on_new_cases()
        return outcomes
