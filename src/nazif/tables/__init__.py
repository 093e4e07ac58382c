"""Character tables used by the normalization steps, kept apart from their logic.

Every character is written with its Unicode name (``\\N{...}``) or derived
from :mod:`unicodedata` at import, never as an invisible literal, so the
tables can be reviewed by eye.  Tests pin each table against the Unicode
database.
"""
