"""Everything a turn needs, built once by the app factory and handed to the handler."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.cards.checklist_card import ChecklistContext
from bot.notify import TeamsNotifier
from outbox.connector import BotConnector
from services.culling import Cullings
from services.duties import HalfYearDuties
from services.evidence import EvidenceFiles
from services.links import LinkSigner
from services.moderation import Moderation
from services.monitoring import Monitoring
from services.personal_data import PersonalData
from services.platform_removal import PlatformRemoval
from services.record_makers import RecordMakers
from services.registration import NewAccountDialog
from services.registry import Registry
from services.synpunkter import Synpunkter
from services.views import CaseViews
from storage.db import Database


@dataclass(frozen=True)
class Runtime:
    database: Database
    files: EvidenceFiles
    views: CaseViews
    moderation: Moderation
    platform_removal: PlatformRemoval
    monitoring: Monitoring
    duties: HalfYearDuties
    synpunkter: Synpunkter
    registry: Registry
    new_account: NewAccountDialog
    checklist_context: ChecklistContext
    notifier: TeamsNotifier
    connector: BotConnector
    clock: Callable[[], datetime]
    max_attachment_bytes: int
    records: RecordMakers
    cullings: Cullings
    personal_data: PersonalData
    signer: LinkSigner
    link_ttl: timedelta
