"""Permissions of the reporting app. Reports read from every other app and write nothing back;
what an organiser edits here are the words a report needs and the population figures."""
