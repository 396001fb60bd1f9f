"""Multi-turn conversations (the account registration dialog comes with the registry issue)."""
