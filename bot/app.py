"""The app factory: settings in, a running aiohttp application out. Everything is built here."""

import logging
import secrets
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import aiohttp
from aiohttp import web
from botbuilder.integration.aiohttp import CloudAdapter
from pydantic import SecretStr

from bot.activity_input import read_activity
from bot.adapter import make_adapter
from bot.cards.checklist_card import ChecklistContext
from bot.commands import COMMANDS
from bot.handler import ModBot
from bot.notify import TeamsNotifier
from bot.runtime import Runtime
from bot.settings import Settings
from bot.token_check import KEYS_RETRY_AFTER_SECONDS, KeysUnavailable
from directory.graph import GraphDirectory
from outbox.connector import BotConnector
from outbox.mail import MailOutbox, SmtpSettings
from outbox.tokens import GRAPH_SCOPE, MsalTokenSource, NoToken, TokenSource
from outbox.worker import Outbox
from platforms.meta_webhook import read_events
from platforms.removal import PlatformRemover, PlatformUrls
from platforms.youtube import SOURCE as YOUTUBE_SOURCE
from platforms.youtube import YouTubeComments, read_threads
from routine.screening import load_word_lists
from scheduler.jobs import JobContext, schedules
from scheduler.runner import ModbotScheduler
from services.burst import Burst
from services.capture import ScreenshotWorker
from services.culling import Cullings
from services.directory import PeopleDirectory
from services.duties import HalfYearDuties
from services.evidence import EvidenceFiles
from services.inbound import EventProcessor, InboundQueue
from services.intake_queue import IntakeQueue
from services.links import LinkSigner
from services.moderation import Moderation
from services.monitoring import Monitoring
from services.parking import ParkedNotices
from services.personal_data import PersonalData
from services.platform_removal import PlatformRemoval
from services.record_makers import record_makers
from services.registration import NewAccountDialog
from services.registry import Registry
from services.reminders import DeadlineReminders
from services.synpunkt_mail import SynpunktMail
from services.synpunkter import Synpunkter, SynpunktReminders
from services.upkeep import Upkeep
from services.views import CaseViews
from services.youtube_poll import YouTubePoller
from storage import bot_state
from storage.conversations import ConversationInfo, remember_conversation
from storage.db import Database, StorageBusy, make_engine
from storage.migrations import migrate
from web.busy import busy
from web.evidence import evidence_routes
from web.flags import flag_routes
from web.json_answer import json_answer
from web.json_input import JsonInputError
from web.meta_webhook import SOURCE as META_SOURCE
from web.meta_webhook import meta_webhook_routes
from web.printouts import printout_routes
from web.public_list import public_list_routes
from web.routine_files import routine_file_routes
from web.synpunkt_record import synpunkt_routes

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
ADAPTER = web.AppKey("adapter", CloudAdapter)
BOT = web.AppKey("bot", ModBot)
SCHEDULER = web.AppKey("scheduler", ModbotScheduler)


def system_clock() -> datetime:
    return datetime.now(UTC)


def create_app(settings: Settings, clock: Clock = system_clock) -> web.Application:
    problems = settings.unsafe_to_serve()
    if problems:
        raise ValueError("; ".join(problems))
    database = Database(make_engine(settings.database_url))
    migrate(database.engine)
    _configure_kansli(database, settings, clock)
    if settings.development:
        log.warning(
            "Local development mode (MODBOT_DEVELOPMENT): /api/messages accepts unauthenticated "
            "requests%s. Never expose this to a network.",
            "" if settings.api_key.get_secret_value() else " and /api/flags needs no key",
        )
    signer = LinkSigner(
        _secret(database, settings.link_secret, bot_state.DEV_LINK_SECRET), settings.public_url
    )
    personal_data = PersonalData(
        _secret(database, settings.pseudonym_key, bot_state.PSEUDONYM_KEY),
        timedelta(days=settings.author_retention_days),
        settings.evidence_dir / "personuppgifter",
    )
    views = CaseViews(signer, timedelta(hours=settings.evidence_link_ttl_hours))
    municipality = settings.municipality
    checklist_context = ChecklistContext(municipality, settings.routine_link)
    notifier = TeamsNotifier(settings.language, checklist_context)
    registry = Registry(notifier, municipality)
    parked_notices = ParkedNotices(notifier)
    files = EvidenceFiles(settings.evidence_dir)
    makers = record_makers(files, municipality.name)
    burst = Burst()
    screenshots = ScreenshotWorker(database, files, views, notifier, clock, burst.quiet)
    word_lists = load_word_lists(settings.screening_wordlists)
    intake = IntakeQueue(
        database,
        files,
        clock,
        screenshots.wake,
        burst,
        word_lists,
        notifier,
    )
    processor = EventProcessor(
        database,
        files,
        clock,
        {META_SOURCE: read_events, YOUTUBE_SOURCE: read_threads},
        word_lists,
        screenshots.wake,
        burst.quiet,
        parked_notices,
    )
    inbound = InboundQueue(database, clock, processor.wake, burst)
    monitoring = Monitoring(
        views, notifier, settings.digest_time, settings.attestation_reminder_time
    )
    duties = HalfYearDuties(notifier, settings.half_year_dates, settings.digest_time, registry)
    app = web.Application(client_max_size=1024 * 1024)

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
            connector = BotConnector(http, _tokens(settings))
            people = _people_directory(http, database, registry, settings)
            outbox = Outbox(
                database,
                connector,
                clock,
                pacing=settings.outbox_pacing,
                retry_base_seconds=settings.outbox_retry_base_seconds,
                on_parked=parked_notices.outbox,
            )
            runtime = Runtime(
                database=database,
                files=files,
                views=views,
                moderation=Moderation(views, notifier, settings.diarium_prefix, _mail(settings)),
                platform_removal=PlatformRemoval(
                    database,
                    PlatformRemover(
                        http, PlatformUrls(settings.meta_graph_url, settings.youtube_api_url)
                    ),
                    views,
                    notifier,
                    clock,
                ),
                monitoring=monitoring,
                duties=duties,
                synpunkter=Synpunkter(views, notifier),
                registry=registry,
                new_account=NewAccountDialog(database, registry, people, frozenset(COMMANDS)),
                checklist_context=checklist_context,
                notifier=notifier,
                connector=connector,
                clock=clock,
                max_attachment_bytes=settings.max_attachment_mb * 1024 * 1024,
                records=makers,
                cullings=Cullings(settings.culling_months),
                personal_data=personal_data,
                signer=signer,
                link_ttl=timedelta(hours=settings.evidence_link_ttl_hours),
            )
            bot = ModBot(runtime, settings.language)
            app[ADAPTER] = make_adapter(settings, bot.report_error, http, clock)
            app[BOT] = bot
            scheduler = ModbotScheduler(
                database.engine,
                clock,
                schedules(
                    JobContext(
                        database=database,
                        deadlines=DeadlineReminders(views, notifier),
                        monitoring=monitoring,
                        upkeep=Upkeep(notifier, settings.digest_time),
                        duties=duties,
                        synpunkter=SynpunktReminders(
                            views,
                            notifier,
                            settings.digest_time,
                            settings.answer_within_vardagar,
                            settings.register_within_vardagar,
                        ),
                        personal_data=personal_data,
                        directory=people,
                        directory_check_time=settings.directory_check_time,
                        youtube=YouTubePoller(
                            database,
                            YouTubeComments(http, settings.youtube_api_url),
                            inbound,
                            settings.youtube_units_per_day,
                        ),
                        youtube_poll_minutes=settings.youtube_poll_minutes,
                    )
                ),
            )
            app[SCHEDULER] = scheduler
            mails = _mail_outbox(database, settings, clock, parked_notices)
            outbox.start()
            bot.jobs.start()
            if mails is not None:
                mails.start()
            screenshots.start()
            intake.start()
            inbound.start()
            processor.start()
            scheduler.start()
            yield
            scheduler.stop()
            await intake.stop()
            await inbound.stop()
            await processor.stop()
            await screenshots.stop()
            await bot.jobs.stop()
            await bot.answers.flush()
            await outbox.stop()
            if mails is not None:
                await mails.stop()
        database.dispose()

    async def messages(request: web.Request) -> web.StreamResponse:
        """CloudAdapter.process would re-serialise the invoke body with msrest, which fails for
        the plain-dict card answers; the adapter's own process_activity is called instead."""
        if "application/json" not in request.headers.get("Content-Type", ""):
            return json_answer(
                {"error": "Content-Type ska vara application/json"}, status=415
            )
        try:
            activity = await read_activity(request)
        except JsonInputError as error:
            return error.response("ogiltig aktivitet")
        try:
            answer = await app[ADAPTER].process_activity(
                request.headers.get("Authorization", ""), activity, app[BOT].on_turn
            )
        except PermissionError:
            return json_answer({"error": "ogiltig eller saknad token"}, status=401)
        except KeysUnavailable:
            return json_answer(
                {"error": "Bot Frameworks nycklar kunde inte hämtas; försök igen"},
                status=503,
                headers={"Retry-After": str(KEYS_RETRY_AFTER_SECONDS)},
            )
        except StorageBusy:
            return busy()
        if answer is None:
            return web.Response(status=201)
        return json_answer(answer.body, status=answer.status)

    async def health(_request: web.Request) -> web.Response:
        return json_answer({"status": "ok"})

    app.cleanup_ctx.append(lifecycle)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", health)
    app.router.add_routes(flag_routes(intake, settings.api_key.get_secret_value()))
    app.router.add_routes(evidence_routes(database, files, makers.evidence_packages, signer, clock))
    app.router.add_routes(
        printout_routes(database, makers.printouts, makers.archives, personal_data, signer, clock)
    )
    app.router.add_routes(synpunkt_routes(database, views, signer, clock))
    app.router.add_routes(public_list_routes(database, municipality, clock))
    app.router.add_routes(
        meta_webhook_routes(
            inbound,
            settings.meta_app_secret.get_secret_value(),
            settings.meta_verify_token.get_secret_value(),
        )
    )
    app.router.add_routes(routine_file_routes(settings.coat_of_arms))
    return app


def _mail(settings: Settings) -> SynpunktMail | None:
    if not settings.mails_synpunkter:
        return None
    return SynpunktMail(settings.synpunkt_email, settings.smtp_from.rpartition("@")[2] or "modbot")


def _mail_outbox(
    database: Database, settings: Settings, clock: Clock, notices: ParkedNotices
) -> MailOutbox | None:
    if not settings.mails_synpunkter:
        return None
    smtp = SmtpSettings(
        host=settings.smtp_host,
        port=settings.smtp_port,
        username=settings.smtp_username,
        password=settings.smtp_password.get_secret_value(),
        starttls=settings.smtp_starttls,
        sender=settings.smtp_from,
    )
    return MailOutbox(database, smtp, clock, settings.outbox_retry_base_seconds, notices)


def _people_directory(
    http: aiohttp.ClientSession, database: Database, registry: Registry, settings: Settings
) -> PeopleDirectory | None:
    if not settings.uses_graph:
        return None
    tokens = MsalTokenSource(
        settings.graph_client_id,
        settings.graph_client_secret.get_secret_value(),
        settings.graph_tenant_id,
        settings.app_authority_host,
        GRAPH_SCOPE,
    )
    return PeopleDirectory(
        database, GraphDirectory(http, tokens, settings.graph_base_url), registry
    )


def _tokens(settings: Settings) -> TokenSource:
    if settings.development:
        return NoToken()
    return MsalTokenSource(
        settings.app_id,
        settings.app_password.get_secret_value(),
        settings.app_tenant_id or None,
        settings.app_authority_host,
    )


def _secret(database: Database, configured: SecretStr, kept_as: str) -> str:
    """From the environment when given (outside development the link secret must be: see
    Settings). Otherwise one is made on first start and kept in the database, so links and
    pseudonyms survive a restart without anyone putting a secret in a file."""
    if configured.get_secret_value():
        return configured.get_secret_value()
    with database.session() as session:
        secret = bot_state.get_value(session, kept_as)
        if secret is None:
            secret = secrets.token_urlsafe(32)
            bot_state.set_value(session, kept_as, secret)
            session.commit()
    return secret


def _configure_kansli(database: Database, settings: Settings, clock: Clock) -> None:
    if not settings.kansli_conversation_id:
        return
    with database.session() as session:
        remember_conversation(
            session,
            ConversationInfo(
                conversation_id=settings.kansli_conversation_id,
                service_url=settings.kansli_service_url,
                kind="channel",
                bot_id=settings.app_id or settings.bot_name,
                bot_name=settings.bot_name,
            ),
            clock(),
        )
        bot_state.set_value(session, bot_state.KANSLI_CONVERSATION, settings.kansli_conversation_id)
        session.commit()
