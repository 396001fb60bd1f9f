"""`python -m bot.cli …`, the same as the `modbot` console script."""

import sys

from bot.cli.entry import main

sys.exit(main())
