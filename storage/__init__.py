"""Everything the bot keeps: sqlmodel tables, the migrations that make them, and small
repository functions that each take the caller's session (one session per turn or per job)."""
