"""Run the command line as ``python -m interorg``."""

import sys

from .cli import main

sys.exit(main())
