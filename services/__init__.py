"""Use cases: the routine applied to what is stored. Plain Python: no botbuilder, no aiohttp.

Handlers and the HTTP API call these; they never decide anything themselves.
"""
