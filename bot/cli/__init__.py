"""`modbot`: the bot's command line. `modbot` alone serves; `modbot <command> --help` tells
each command's arguments with an example; docs/cli.md lists them all."""

from bot.cli.entry import main

__all__ = ["main"]
