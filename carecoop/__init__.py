"""carecoop: deliver the Think.CareCoop and Start.CareCoop workshops from a terminal."""

__version__ = "0.1.0"
