"""The platforms' own wire formats and APIs: Meta (Facebook, Instagram) and YouTube."""
