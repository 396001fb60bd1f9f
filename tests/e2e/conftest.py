"""Fakes of the platforms' APIs, each a real HTTP server on 127.0.0.1."""

from collections.abc import AsyncIterator

import pytest

from tests.conftest import serving
from tests.fakes.meta_graph import FakeMetaGraph
from tests.fakes.youtube import FakeYouTube

PAGE_TOKEN = "EAAG-page-token-for-tests"
YOUTUBE_TOKEN = "ya29.youtube-token-for-tests"


@pytest.fixture
async def meta_graph() -> AsyncIterator[FakeMetaGraph]:
    fake = FakeMetaGraph(token=PAGE_TOKEN)
    async with serving(fake.app()) as url:
        fake.url = url
        yield fake


@pytest.fixture
async def youtube() -> AsyncIterator[FakeYouTube]:
    fake = FakeYouTube(token=YOUTUBE_TOKEN)
    async with serving(fake.app()) as url:
        fake.url = url
        yield fake
