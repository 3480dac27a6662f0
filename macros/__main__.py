"""`python -m macros ...`: the editor commands (macros/cli/)."""

import sys

from .cli import main

sys.exit(main())
