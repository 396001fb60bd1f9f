"""The one owner of the AsyncIOScheduler, started and stopped with the aiohttp app."""

from apscheduler.schedulers.asyncio import AsyncIOScheduler

TIMEZONE = "Europe/Stockholm"


class ModbotScheduler:
    def __init__(self) -> None:
        self.scheduler = AsyncIOScheduler(timezone=TIMEZONE)

    def start(self) -> None:
        self.scheduler.start()

    def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
