"""Writes of the secretariat app."""
