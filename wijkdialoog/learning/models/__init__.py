"""The learning app's models, one module per idea, re-exported here."""

from .courses import Course, CourseKind, CourseMaterial, CourseSession, Leergang

__all__ = ["Course", "CourseKind", "CourseMaterial", "CourseSession", "Leergang"]
