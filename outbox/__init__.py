"""Outgoing Teams messages: a durable queue and the Bot Connector REST client that drains it.

The documented REST API (v3/conversations/...) is spoken directly over one aiohttp session,
so sending a card costs one HTTP request, not the construction of an SDK client per message.
"""
