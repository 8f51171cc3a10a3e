"""`python -m fieldgroup` runs the command line."""

import sys

from fieldgroup.cli import main

sys.exit(main())
