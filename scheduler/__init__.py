"""Jobs started by the clock instead of a person (reminders come with the scheduler issue)."""
