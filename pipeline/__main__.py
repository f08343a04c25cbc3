"""`python -m pipeline run|explain|compare|evaluate`: the command line of assets/cli.py under the
name scripts and the evaluation hook have always used. An entry point, not part of the library:
no module of pipeline/ imports it, and it is the one file here that imports assets/."""

import sys

from assets.cli import main

sys.exit(main())
