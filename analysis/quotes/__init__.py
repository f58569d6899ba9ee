"""TODO"""

from analysis.quotes.cues import load_reporting_verbs
from analysis.quotes.find import find_quotes

__all__ = ["find_quotes", "load_reporting_verbs"]
