"""Adaptive Card builders: pure functions from a view to a card dict (Adaptive Cards 1.5)."""
