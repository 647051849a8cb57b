from django.forms import *  # NOQA

from .fields import (  # NOQA
    GeometryCollectionField,
    GeometryField,
    LineStringField,
    MultiLineStringField,
    MultiPointField,
    MultiPolygonField,
    PointField,
    PolygonField,
)
from .widgets import BaseGeometryWidget, OpenLayersWidget, OSMWidget  # NOQA
