"""Invented demo content: sections, staff, drawn photos and stories written from templates.

Every random choice comes from random.Random seeded with the demo seed, so two
builds with the same seed write the same newsroom.
"""
