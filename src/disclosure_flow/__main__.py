"""``python -m disclosure_flow``: the command line."""

import sys

from disclosure_flow.cli import main

if __name__ == "__main__":
    sys.exit(main())
