"""Fit the quality model to reviewer annotations; see ``tritter_data.quality.fit``."""

from tritter_data.quality.fit import main

raise SystemExit(main())
