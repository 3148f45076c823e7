"""Helpers every layer may use: reading YAML and JSON documents with positions, and checking their structure."""
