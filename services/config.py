"""The settings the use cases need, separate from how they are read (bot.settings)."""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path


@dataclass(frozen=True)
class ModerationConfig:
    diarium_prefix: str
    evidence_dir: Path
    evidence_link_ttl: timedelta
    language: str
    max_attachment_bytes: int
