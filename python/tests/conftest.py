"""Both suites import tests/cases.py and tests/support.py."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
