"""Synthesis listens to harvest: every saved card is embedded after commit (embedding.py)."""
