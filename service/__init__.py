"""medrender: one canonical clinician article, rendered for every reader."""

__version__ = "0.1.0"
