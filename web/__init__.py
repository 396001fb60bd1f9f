"""The bot's own HTTP endpoints besides /api/messages: flag intake and evidence links."""
