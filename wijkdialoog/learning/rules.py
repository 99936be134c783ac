"""Permissions of the learning app: courses and sessions that make facilitators, and the public
collection of what neighbourhoods share with each other."""
