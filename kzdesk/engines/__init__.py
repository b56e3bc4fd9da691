"""kzdesk.engines."""
