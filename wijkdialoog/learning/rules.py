"""Permissions of the learning app: courses and sessions that make facilitators, and the public
collection of what neighbourhoods share with each other."""

import rules

from wijkdialoog.community.rules import is_organiser_of_subject, is_trainer_of_subject

# Wijkdialogen in beweging: the subject is the Organisation itself.
rules.add_perm("learning.change_collection_sharing", is_organiser_of_subject)

# Courses and sessions (subject: an Organisation, a Course, a CourseSession or a CourseMaterial):
# organisers and trainers of the organisation manage them.
rules.add_perm("learning.manage_courses", is_organiser_of_subject | is_trainer_of_subject)
