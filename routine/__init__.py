"""The municipality's social-media routine (rutin-sociala-medier.md) as plain Python.

Nothing here imports botbuilder, aiohttp or the database, so each rule can be read next to the
section of the routine it implements and tested on its own.
"""
