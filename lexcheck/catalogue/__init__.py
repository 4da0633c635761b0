"""The catalogue of international standards: load, validate, select.

>>> from lexcheck.catalogue import load_catalogue
>>> cat = load_catalogue()
>>> sorted({r.instrument for r in cat.select(profile="palermo")})[:1]
['PAL']
"""

from .load import area_order, load_catalogue, validate_path
from .model import Catalogue, Element, Instrument, Negative, Parameter, Profile, Related, Requirement
from .patterns import compile_pattern

__all__ = [
    "Catalogue",
    "Element",
    "Instrument",
    "Negative",
    "Parameter",
    "Profile",
    "Related",
    "Requirement",
    "area_order",
    "compile_pattern",
    "load_catalogue",
    "validate_path",
]
