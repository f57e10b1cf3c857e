"""``python -m kulturdialog``: the same command as ``kulturdialog``."""

import sys

from kulturdialog.cli import main

sys.exit(main())
