"""Reads of the secretariat app."""
