"""Wijkdialoog: software for Dutch neighbourhood dialogues."""
