"""kzdesk.services."""
