"""The learning app's models, one module per idea, re-exported here."""

from .collection import CollectionSharing
from .courses import Course, CourseKind, CourseMaterial, CourseSession, Leergang

__all__ = [
    "CollectionSharing",
    "Course",
    "CourseKind",
    "CourseMaterial",
    "CourseSession",
    "Leergang",
]
